// The side-by-side diff: one column per annotator, one row per stretch of text someone marked, so that what
// each annotator did with the same words lines up.
import { h, clip } from "./annotate-dom.js";
import { t } from "./i18n.js";
import { decision, isDisagreement } from "./review-model.js";
import { attrText, statusBadge } from "./review-side.js";

export class DiffView {
  constructor(app, box) {
    this.app = app;
    this.box = box;
    this.onlyBox = document.getElementById("diff-only");
    this.onlyBox.addEventListener("change", () => this.render());
    box.addEventListener("click", (e) => {
      const cell = e.target.closest("[data-key]");
      if (cell) app.select(cell.dataset.key, false);
    });
  }

  /** Candidates grouped by their exact [start, end), in reading order. */
  rows() {
    const groups = new Map();
    for (const c of this.app.model.visible()) {
      const k = `${c.start}:${c.end}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(c);
    }
    const rows = [...groups.values()];
    return this.onlyBox.checked ? rows.filter((cs) => cs.some(isDisagreement)) : rows;
  }

  render() {
    const { model } = this.app;
    const names = model.annotators.filter((n) => !model.hidden.has(n));
    const head = h("tr", {}, h("th", {}, t("Text")),
      ...names.map((n) => h("th", { class: "rv-diff-ann" }, n)), h("th", {}, t("Status")));
    const body = this.rows().map((cs) => this.row(cs, names));
    const table = h("table", { class: "table rv-diff-table" }, h("thead", {}, head), h("tbody", {}, body));
    this.box.replaceChildren(body.length ? table : h("p", { class: "empty" }, t("No annotations in this document yet.")));
    this.mark(this.app.selected);
  }

  row(cs, names) {
    const first = cs[0];
    const agree = cs.length === 1 && !isDisagreement(first) ? "all" : cs.some((c) => c.agreement === "some") ? "some" : "one";
    const cells = names.map((name) => {
      const mine = cs.filter((c) => c.annotators.includes(name));
      if (!mine.length) return h("td", { class: "rv-diff-cell rv-missing" }, t("—"));
      return h("td", { class: "rv-diff-cell" }, ...mine.map((c) => {
        const span = c.spans.find((s) => s.annotator === name);
        return h("button", { type: "button", class: `rv-diff-item ag-${c.agreement}`, dataset: { key: c.key, label: c.label } },
          h("span", { class: "label-chip" }, c.label),
          span && attrText(span.attrs) ? h("span", { class: "attr-tag" }, attrText(span.attrs)) : null,
          span && span.actor ? h("span", { class: "actor-tag" }, span.actor.name) : null);
      }));
    });
    return h("tr", { class: `rv-diff-row ag-${agree}`, dataset: { keys: cs.map((c) => c.key).join(" ") } },
      h("td", { class: "rv-diff-text", lang: this.app.model.doc.lang },
        h("button", { type: "button", class: "rv-diff-quote", dataset: { key: first.key } }, clip(first.text, 70))),
      ...cells,
      h("td", {}, ...cs.map((c) => statusBadge(decision(c)))));
  }

  /** Highlight the selected candidate's row and cell, and bring it into view. */
  mark(key) {
    for (const el of this.box.querySelectorAll(".rv-diff-row.selected, .rv-diff-item.selected")) el.classList.remove("selected");
    if (!key) return null;
    const item = this.box.querySelector(`.rv-diff-item[data-key="${CSS.escape(key)}"]`);
    const row = item && item.closest("tr");
    if (item) item.classList.add("selected");
    if (row) row.classList.add("selected");
    return row;
  }
}
