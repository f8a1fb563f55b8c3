// Drawing the versions side by side: a grid with one row per aligned run of sentences, one column per
// version. Each version is a `display: contents` element holding all of its text (gaps between sentences
// included), so its textContent is exactly the document's text.
import { h } from "./annotate-dom.js";
import { t } from "./i18n.js";

export { clip, h } from "./annotate-dom.js";

const MAX_LANE = 4;

export class GridView {
  constructor(root, model) {
    this.root = root;
    this.model = model;
    this.sentEls = new Map();
  }

  render() {
    const { model } = this;
    const rows = model.rows();
    this.root.replaceChildren();
    this.root.classList.toggle("cols-3", model.docs.length >= 3);
    this.root.classList.toggle("cols-1", model.docs.length === 1);
    this.sentEls = new Map();
    model.docs.forEach((doc, c) => this.root.appendChild(this.header(doc, c)));
    model.docs.forEach((doc, c) => this.root.appendChild(this.version(doc, c, rows)));
    this.rows = rows;
  }

  header(doc, c) {
    const n = doc.spans.length;
    const count = h("span", { class: "gv-count muted" },
      n === 1 ? t("1 span") : t("{n} spans", { n }));
    const el = h("div", { class: "gv-head", dataset: { doc: doc.id } },
      h("span", { class: "lang" }, doc.lang),
      h("a", { class: "gv-title", href: `/documents/${doc.id}`, lang: doc.lang, title: doc.title || "" },
        doc.title || t("(untitled)")),
      count,
      this.model.docs.length > 1
        ? h("button", { type: "button", class: "small gv-project-all", dataset: { doc: doc.id },
          title: t("Suggest counterparts in the other versions for every span") },
        t("Project all"))
        : null);
    el.style.gridColumn = String(c + 1);
    return el;
  }

  version(doc, c, rows) {
    const wrap = h("div", { class: "gv-version", lang: doc.lang, dataset: { documentId: doc.id } });
    const els = [];
    const n = doc.sentences.length;
    let pos = 0;
    rows.forEach((row, r) => {
      const range = row[c];
      const cell = h("div", { class: "gv-cell", dataset: { row: r, doc: doc.id } });
      cell.style.gridRow = String(r + 2);
      cell.style.gridColumn = String(c + 1);
      if (range) {
        const [lo, hi] = range;
        const end = hi + 1 < n ? doc.sentences[hi + 1][0] : doc.text.length;
        if (lo > 0 && /\n\s*\n/.test(doc.text.slice(doc.sentences[lo - 1][1], doc.sentences[lo][0]))) {
          cell.classList.add("para");
        }
        for (let i = lo; i <= hi; i++) {
          const [s, e] = doc.sentences[i];
          if (s > pos) cell.appendChild(this.gap(doc, pos, s));
          const sent = h("div", { class: "gv-sent", dataset: { doc: doc.id, sentence: i } });
          fill(sent, doc, s, e);
          els[i] = sent;
          cell.appendChild(sent);
          pos = e;
        }
        if (end > pos) cell.appendChild(this.gap(doc, pos, end));
        pos = end;
      } else {
        cell.classList.add("empty-cell");
      }
      if (r === rows.length - 1 && pos < doc.text.length) {
        cell.appendChild(this.gap(doc, pos, doc.text.length));
        pos = doc.text.length;
      }
      wrap.appendChild(cell);
    });
    if (!rows.length) wrap.appendChild(h("div", { class: "gv-cell" }, doc.text));
    this.sentEls.set(doc.id, els);
    return wrap;
  }

  gap(doc, a, b) {
    const el = h("span", { class: "gv-gap" });
    fill(el, doc, a, b);
    return el;
  }

  sent(docId, i) {
    const els = this.sentEls.get(Number(docId));
    return (els && els[i]) || null;
  }

  /** Mark each sentence with its bead's status (auto, confirmed or none) in the active pair if its version
   * is in it, else in its pair with the pivot version. */
  markPairs(active) {
    const { model } = this;
    for (const [docId, els] of this.sentEls) {
      let other = active && active.includes(docId) ? active.find((x) => x !== docId) : model.pivot;
      if (other === docId) other = model.docs.find((d) => d.id !== docId && model.pair(d.id, docId))?.id;
      els.forEach((el, i) => {
        if (!el) return;
        const bead = other === undefined ? null : model.beadOf(docId, i, other);
        if (!bead) {
          delete el.dataset.bead;
          el.removeAttribute("title");
          return;
        }
        const state = bead.theirs.length ? bead.status : "none";
        const lang = model.doc(other).lang;
        el.dataset.bead = state;
        el.dataset.beadWith = other;
        el.title = state === "none" ? t("No counterpart in {lang}", { lang })
          : state === "auto" ? t("Aligned with {lang} automatically", { lang })
            : t("Alignment with {lang} confirmed", { lang });
      });
    }
  }

  marks(spanId) {
    return this.root.querySelectorAll(`mark[data-span-id="${CSS.escape(String(spanId))}"]`);
  }

  clearClass(cls) {
    for (const el of this.root.querySelectorAll(`.${cls}`)) el.classList.remove(cls);
  }
}

/** Text [a, b) of `doc` into `parent`, spans as nested <mark>s fragmented where they cross. */
function fill(parent, doc, a, b) {
  const spans = doc.spans.filter((s) => s.s16 < b && s.e16 > a)
    .sort((x, y) => x.lane - y.lane || x.s16 - y.s16);
  if (!spans.length) {
    parent.appendChild(document.createTextNode(doc.text.slice(a, b)));
    return;
  }
  const cuts = new Set([a, b]);
  for (const s of spans) {
    if (s.s16 > a) cuts.add(s.s16);
    if (s.e16 < b) cuts.add(s.e16);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const stack = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const p = points[k];
    const q = points[k + 1];
    const active = spans.filter((s) => s.s16 <= p && s.e16 >= q);
    let m = 0;
    while (m < stack.length && m < active.length && stack[m].span === active[m]) m++;
    stack.length = m;
    let into = m ? stack[m - 1].el : parent;
    for (let j = m; j < active.length; j++) {
      const span = active[j];
      const mark = h("mark", { class: `lane-${Math.min(span.lane, MAX_LANE)}`,
        dataset: { spanId: span.id, label: span.label } });
      into.appendChild(mark);
      stack.push({ span, el: mark });
      into = mark;
    }
    into.appendChild(document.createTextNode(doc.text.slice(p, q)));
  }
}
