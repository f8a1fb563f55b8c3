// Known actors that nobody has marked here yet, found by the server in any inflected form: one click marks one.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./annotate-dom.js";

export class Mentions {
  constructor(app) {
    this.app = app;
    this.list = document.getElementById("mention-list");
    this.box = document.getElementById("mention-box");
    this.items = [];
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

  render() {
    this.box.hidden = this.items.length === 0;
    const rows = this.items.map((s, i) => h("li", {},
      h("button", { type: "button", class: "small", dataset: { index: String(i) },
                    title: t("Mark as {name}", { name: s.actor.name }) }, t("Mark")),
      " ", h("span", { class: "mention-text" }, s.text), " → ",
      h("span", { class: "muted" }, `${s.actor.name} · ${s.reason}`)));
    this.list.replaceChildren(...rows);
  }

  onClick(e) {
    const btn = e.target.closest("button[data-index]");
    if (!btn) return;
    const s = this.items[Number(btn.dataset.index)];
    const offsets = this.app.store.offsets;
    this.app.createSpan(offsets.toUtf16(s.start), offsets.toUtf16(s.end), s.label, { actor: s.actor });
    this.items.splice(Number(btn.dataset.index), 1);
    this.render();
  }
}
