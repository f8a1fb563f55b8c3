// The side panel: spans grouped by label with counts, the relations, the document's state.
import { t } from "./i18n.js";
import { clip, h } from "./annotate-dom.js";

const LIST_LIMIT = 100; // spans listed per label at first: a long document's panel stays quick to redraw
const STATES = { new: () => t("New"), in_progress: () => t("In progress"),
  done: () => t("Done") };

export class Panel {
  constructor(app) {
    this.app = app;
    this.groups = document.getElementById("span-groups");
    this.relList = document.getElementById("relation-list");
    this.closed = new Set();
    this.limits = new Map(); // label -> how many of its spans are listed (long lists are cut, see renderSpans)
    this.timer = null;
    if (this.groups) this.groups.addEventListener("click", (e) => this.onSpanClick(e));
    if (this.groups) this.groups.addEventListener("toggle", (e) => this.onToggle(e), true);
    if (this.relList) {
      this.relList.addEventListener("click", (e) => this.onRelationClick(e));
      this.relList.addEventListener("mouseover", (e) => this.onRelationHover(e, true));
      this.relList.addEventListener("mouseout", (e) => this.onRelationHover(e, false));
      this.relList.addEventListener("focusin", (e) => this.onRelationHover(e, true));
      this.relList.addEventListener("focusout", (e) => this.onRelationHover(e, false));
    }
  }

  /** Redraw after the current frame has painted (the text first, the panel after). */
  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, 30);
  }

  render() {
    this.renderSpans();
    this.renderRelations();
    this.app.arcs?.schedule();
    this.renderState();
  }

  renderState() {
    const el = document.getElementById("doc-state");
    if (!el) return;
    const name = STATES[this.app.doc.state];
    el.textContent = name ? name() : this.app.doc.state;
    el.dataset.state = this.app.doc.state;
  }

  renderSpans() {
    if (!this.groups) return;
    const { store } = this.app;
    const byLabel = new Map((this.app.doc.schema.labels || []).map((l) => [l.name, []]));
    for (const span of store.spans.values()) {
      if (!byLabel.has(span.label)) byLabel.set(span.label, []);
      byLabel.get(span.label).push(span);
    }
    const fragment = document.createDocumentFragment();
    for (const [label, spans] of byLabel) {
      spans.sort((a, b) => a.s16 - b.s16 || a.e16 - b.e16);
      const limit = this.limits.get(label) || LIST_LIMIT;
      const items = spans.slice(0, limit).map((s) => h("li", {},
        h("button", { type: "button", class: "span-item", dataset: { spanId: s.id } },
          clip(store.spanText(s), 48),
          s.actor ? h("span", { class: "actor-tag" }, s.actor.name) : null,
          attrSummary(s), missingTag(store.missing(s)))));
      if (spans.length > limit) {
        items.push(h("li", {}, h("button", { type: "button", class: "small more-spans", dataset: { more: label } },
          t("Show {n} more", { n: spans.length - limit }))));
      }
      fragment.appendChild(h("details", { class: "span-group", open: !this.closed.has(label), dataset: { group: label } },
        h("summary", {}, h("span", { class: "label-chip", dataset: { label } }, label),
          h("span", { class: "count" }, String(spans.length))),
        spans.length ? h("ul", { class: "span-list" }, items) : h("p", { class: "muted empty-group" }, t("None yet"))));
    }
    this.groups.replaceChildren(fragment);
    const count = document.getElementById("span-count");
    if (count) count.textContent = String(store.spans.size);
  }

  renderRelations() {
    if (!this.relList) return;
    const { store } = this.app;
    const items = [];
    for (const rel of store.relations.values()) {
      const head = store.span(rel.head);
      const tail = store.span(rel.tail);
      if (!head || !tail) continue;
      items.push(h("li", { class: "relation", dataset: { relationId: rel.id, head: rel.head, tail: rel.tail }, tabindex: "0" },
        h("span", { class: "rel-end", dataset: { label: head.label } }, clip(store.spanText(head), 28)),
        h("span", { class: "rel-type" }, ` ${rel.type} → `),
        h("span", { class: "rel-end", dataset: { label: tail.label } }, clip(store.spanText(tail), 28)),
        h("button", { type: "button", class: "rel-delete small", title: t("Delete relation"),
          "aria-label": t("Delete relation") }, "×")));
    }
    this.relList.replaceChildren(...items);
    const count = document.getElementById("relation-count");
    if (count) count.textContent = String(items.length);
  }

  onToggle(e) {
    const group = e.target.dataset && e.target.dataset.group;
    if (!group) return;
    if (e.target.open) this.closed.delete(group);
    else this.closed.add(group);
  }

  onSpanClick(e) {
    const more = e.target.closest(".more-spans");
    if (more) {
      this.limits.set(more.dataset.more, (this.limits.get(more.dataset.more) || LIST_LIMIT) + 500);
      return this.renderSpans();
    }
    const btn = e.target.closest(".span-item");
    if (btn) this.app.reveal(btn.dataset.spanId);
  }

  onRelationClick(e) {
    const li = e.target.closest(".relation");
    if (!li) return;
    if (e.target.closest(".rel-delete")) {
      this.highlight(li, false);
      this.app.deleteRelation(li.dataset.relationId);
    } else {
      this.app.reveal(li.dataset.head, false);
    }
  }

  onRelationHover(e, on) {
    const li = e.target.closest(".relation");
    if (!li) return;
    if (!on && e.relatedTarget && li.contains(e.relatedTarget)) return;
    this.highlight(li, on);
  }

  highlight(li, on) {
    this.app.view.setClass(li.dataset.head, "rel-head", on);
    this.app.view.setClass(li.dataset.tail, "rel-tail", on);
  }

  flashRelation(id) {
    requestAnimationFrame(() => {
      const li = this.relList && this.relList.querySelector(`[data-relation-id="${CSS.escape(String(id))}"]`);
      if (li) flash(li);
    });
  }
}

/** A warning that required attributes are still empty ("Done" is refused until they are set). */
export function missingTag(names) {
  if (!names.length) return null;
  const text = t("needs {names}", { names: names.join(", ") });
  return h("span", { class: "needs-attrs-tag", title: text }, "⚠ ", text);
}

function attrSummary(span) {
  const values = Object.entries(span.attrs || {}).filter(([, v]) => v !== null && v !== "" && v !== false)
    .map(([k, v]) => (v === true ? k : String(v)));
  return values.length ? h("span", { class: "attr-tag" }, clip(values.join(", "), 24)) : null;
}

export function flash(el) {
  el.classList.remove("flash-once");
  void el.offsetWidth;
  el.classList.add("flash-once");
}
