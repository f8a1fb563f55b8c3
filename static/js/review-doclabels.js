// The review page's document labels: each annotator's values of every document field side by side; the reviewer
// takes one of them into the gold set or sets the gold value, field by field (with the gold set's version).
import { api } from "./api.js";
import { h } from "./annotate-dom.js";
import { control, readControl, shown } from "./annotate-doclabels.js";
import { t } from "./i18n.js";

export class ReviewDocLabels {
  constructor(review, box, data) {
    this.review = review;
    this.box = box;
    this.set(data);
  }

  set(data) {
    this.data = data || { fields: [], annotators: [], gold: { values: {}, version: 0 }, undecided: [] };
  }

  async load() {
    this.set(await api.get(`/documents/${this.review.model.doc.id}/doc-labels/review`));
    this.render();
  }

  render() {
    const { fields, annotators, gold, undecided } = this.data;
    if (!this.box || !fields.length) return;
    this.box.hidden = false;
    const rows = fields.map((f) => {
      const settled = gold.values[f.name];
      const mark = undecided.includes(f.name)
        ? h("span", { class: "undecided" }, t("undecided"))
        : h("span", { class: "gold-value" }, shown(settled));
      const editor = control(f, settled, { prefix: "rv-doc-field" });
      return h("tr", { dataset: { field: f.name } },
        h("th", { scope: "row" }, f.name, f.required ? " *" : ""),
        ...annotators.map((a) => h("td", { dataset: { annotator: a.annotator } },
          shown(a.values[f.name]), " ",
          h("button", { type: "button", class: "small", "aria-label": t("Take {user}'s {field}", { user: a.annotator, field: f.name }),
            onclick: () => this.decide(f.name, { take: a.annotator }) }, t("Take")))),
        h("td", { class: "gold-cell" }, mark),
        h("td", {}, editor, h("button", { type: "button", class: "small",
          "aria-label": t("Set the gold {field}", { field: f.name }),
          onclick: () => this.decide(f.name, { value: readControl(editor, f) }) }, t("Set"))));
    });
    this.box.querySelector(".rv-doc-table").replaceChildren(h("table", { class: "table doc-labels-review" },
      h("thead", {}, h("tr", {}, h("th", {}, t("Field")), ...annotators.map((a) => h("th", {}, a.annotator)),
        h("th", {}, t("Gold")), h("th", {}, t("Set the gold value")))),
      h("tbody", {}, rows)));
  }

  decide(field, what) {
    return this.review.run(async () => {
      try {
        this.set(await api.post(`/documents/${this.review.model.doc.id}/doc-labels/review`,
          { field, version: this.data.gold.version, ...what }));
      } catch (exc) {
        if (exc.current) {
          this.set(exc.current);
          this.render();
        }
        throw exc;
      }
      this.render();
    });
  }
}
