// Known actors that nobody has marked here yet, found by the server in any inflected form, grouped by actor
// with each occurrence in its context: one click marks one, "Mark all" previews the occurrences (each can be
// left out) and marks the chosen ones in one action.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./annotate-dom.js";
import { reasonText } from "./reasons.js";

const CONTEXT = 32; // characters of context on each side

export class Mentions {
  constructor(app) {
    this.app = app;
    this.list = document.getElementById("mention-list");
    this.box = document.getElementById("mention-box");
    this.items = [];
    this.open = new Set(); // actor ids whose group is open
    if (this.list) this.list.addEventListener("click", (e) => this.onClick(e));
  }

  async load() {
    if (!this.list || this.app.readonly) return;
    try {
      this.items = (await api.get(`/documents/${this.app.doc.id}/actor-suggestions`)).suggestions;
    } catch {
      this.items = [];
    }
    this.render();
  }

  groups() {
    const byActor = new Map();
    this.items.forEach((s, i) => {
      const key = String(s.actor.id);
      if (!byActor.has(key)) byActor.set(key, { actor: s.actor, rows: [] });
      byActor.get(key).rows.push([s, i]);
    });
    return [...byActor.values()];
  }

  render() {
    this.box.hidden = this.items.length === 0;
    const groups = this.groups();
    this.list.replaceChildren(...groups.map((g) => {
      const id = String(g.actor.id);
      const open = this.open.has(id) || (groups.length === 1 && g.rows.length <= 3);
      return h("li", { class: "mention-actor", dataset: { actorId: id } },
        h("div", { class: "mention-head" }, h("span", { class: "actor-name" }, g.actor.name), " ",
          h("span", { class: "count" }, String(g.rows.length)),
          h("button", { type: "button", class: "small mark-all", dataset: { actorId: id } },
            t("Mark all {n}…", { n: g.rows.length }))),
        h("details", { open, ontoggle: (e) => (e.target.open ? this.open.add(id) : this.open.delete(id)) },
          h("summary", {}, t("Where")),
          h("ul", { class: "mention-occs" }, g.rows.map(([s, i]) => h("li", { class: "mention-occ" },
            h("button", { type: "button", class: "small mark-one", dataset: { index: String(i) },
              title: t("Mark as {name}", { name: s.actor.name }) }, t("Mark")),
            " ", this.context(s), h("span", { class: "muted" }, ` · ${reasonText(s.reason)}`))))));
    }));
  }

  /** "…words before [the mention] words after…" from the document's text, as text nodes. */
  context(s) {
    const { store } = this.app;
    const a = store.offsets.toUtf16(s.start);
    const b = store.offsets.toUtf16(s.end);
    const text = store.text;
    const before = text.slice(Math.max(0, a - CONTEXT), a).replace(/\s+/g, " ");
    const after = text.slice(b, b + CONTEXT).replace(/\s+/g, " ");
    return h("span", { class: "kwic" }, (a > CONTEXT ? "…" : "") + before,
      h("mark", { class: "kwic-hit" }, s.text), after + (b + CONTEXT < text.length ? "…" : ""));
  }

  onClick(e) {
    const one = e.target.closest("button.mark-one");
    if (one) return this.mark([Number(one.dataset.index)]);
    const all = e.target.closest("button.mark-all");
    if (all) return this.preview(all.dataset.actorId);
  }

  /** A preview of every occurrence of one actor, each with a box to leave it out, and one button to mark. */
  preview(actorId) {
    const group = this.groups().find((g) => String(g.actor.id) === actorId);
    if (!group) return;
    const rows = group.rows.map(([s, i]) => h("li", {},
      h("label", { class: "check" }, h("input", { type: "checkbox", checked: true, value: String(i) }), " ",
        this.context(s))));
    const dialog = h("dialog", { class: "mark-all-preview", "aria-label": t("Mark all {n}…", { n: rows.length }) },
      h("h2", {}, t("Mark as {name}", { name: group.actor.name })),
      h("ul", { class: "mention-occs" }, rows),
      h("div", { class: "form-actions" },
        h("button", { type: "button", class: "primary confirm-mark-all", onclick: () => {
          const chosen = [...dialog.querySelectorAll("input:checked")].map((box) => Number(box.value));
          dialog.close();
          this.mark(chosen);
        } }, t("Mark the chosen")),
        h("button", { type: "button", onclick: () => dialog.close() }, t("Cancel"))));
    dialog.addEventListener("close", () => dialog.remove());
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  mark(indexes) {
    const offsets = this.app.store.offsets;
    for (const i of indexes) {
      const s = this.items[i];
      this.app.createSpan(offsets.toUtf16(s.start), offsets.toUtf16(s.end), s.label, { actor: s.actor });
    }
    const gone = new Set(indexes);
    this.items = this.items.filter((_, i) => !gone.has(i));
    this.render();
  }
}
