// The review page: every annotator's spans merged and coloured by agreement; decide each candidate by
// mouse or keyboard, accept what everybody agrees on in one action, and add gold spans directly.
import { api } from "./api.js";
import { h } from "./annotate-dom.js";
import { Store } from "./annotate-store.js";
import { TextView } from "./annotate-view.js";
import { snap } from "./annotate-words.js";
import { t } from "./i18n.js";
import { installColours } from "./review-colours.js";
import { DiffView } from "./review-diff.js";
import { ReviewDocLabels } from "./review-doclabels.js";
import { ReviewModel, representative } from "./review-model.js";
import { Side } from "./review-side.js";

const EDITABLE = "input:not([type=checkbox]):not([type=radio]), select, textarea, [contenteditable]";

/** The annotation page's text view, drawing candidates: data-span-id is the representative span. */
class ReviewView extends TextView {
  mark(span, isHead) {
    const el = super.mark(span, isHead);
    el.dataset.spanId = span.rep;
    el.dataset.key = span.id;
    el.dataset.agreement = span.agreement;
    el.classList.add(`ag-${span.agreement}`);
    if (!span.attrsAgree) el.classList.add("attrs-differ");
    el.title = `${span.label} · ${span.annotators}`;
    return el;
  }

  marks(key) {
    return this.root.querySelectorAll(`mark[data-key="${CSS.escape(String(key))}"]`);
  }

  /** Text in its own element, so that a decision's style (a rejected span's strike-through and fading) is drawn
   * on the text its span holds directly, never on the spans nested in it: each span's own decision decides. */
  textNode(text) {
    return h("span", { class: "rv-t" }, text);
  }
}

class Review {
  constructor(data, root) {
    this.model = new ReviewModel(data);
    this.root = root;
    this.selected = null;
    this.mode = "text";
    this.store = new Store(this.storeDoc());
    this.view = new ReviewView(root, this.store);
    this.side = new Side(this);
    this.diff = new DiffView(this, document.getElementById("rv-diff-table"));
    this.busy = Promise.resolve();
    this.docLabels = new ReviewDocLabels(this, document.getElementById("rv-doc-labels"), data.doc_labels);
  }

  storeDoc() {
    return { text: this.model.text, schema: this.model.schema, spans: this.model.viewSpans(), relations: [] };
  }

  start() {
    installColours(this.model.schema.labels || []);
    this.view.renderAll();
    this.renderAnnotators();
    this.side.render();
    this.docLabels.render();
    this.bind();
  }

  bind() {
    this.root.addEventListener("click", (e) => this.onTextClick(e));
    this.root.addEventListener("mouseup", () => this.onSelectionChange());
    document.addEventListener("selectionchange", () => this.onSelectionChange());
    document.addEventListener("keydown", (e) => this.onKey(e));
    const bar = document.getElementById("label-bar");
    bar.addEventListener("mousedown", (e) => e.preventDefault());
    bar.addEventListener("click", (e) => {
      const btn = e.target.closest(".label-btn");
      if (btn) this.addGold(btn.dataset.label);
    });
    document.getElementById("view-text").addEventListener("click", () => this.setMode("text"));
    document.getElementById("view-diff").addEventListener("click", () => this.setMode("diff"));
  }

  // --- drawing ---------------------------------------------------------------------------------

  renderAnnotators() {
    const box = document.getElementById("rv-annotators");
    box.replaceChildren(...this.model.annotators.map((name) => {
      const input = h("input", { type: "checkbox", checked: !this.model.hidden.has(name), dataset: { annotator: name } });
      input.addEventListener("change", () => this.toggleAnnotator(name, input.checked));
      return h("label", { class: "chip rv-ann", title: t("{n} span(s)", { n: this.model.spansOf(name) }) },
        input, name, h("span", { class: "count" }, String(this.model.spansOf(name))));
    }));
  }

  toggleAnnotator(name, on) {
    if (on) this.model.hidden.delete(name);
    else this.model.hidden.add(name);
    this.rebuild();
  }

  /** Draw everything again from the model (annotator toggles). */
  rebuild() {
    this.store = new Store(this.storeDoc());
    this.view.store = this.store;
    this.view.renderAll();
    if (this.selected && this.model.candidate(this.selected) && this.model.shown(this.model.candidate(this.selected))) {
      this.view.setClass(this.selected, "selected", true);
    }
    if (this.mode === "diff") this.diff.render();
    this.side.render();
  }

  /** Redraw only the paragraphs whose candidates changed since `before` (key -> signature). */
  refresh(before) {
    const paras = new Set();
    const seen = new Set();
    for (const span of this.model.viewSpans()) {
      seen.add(span.id);
      if (before.get(span.id) !== JSON.stringify(span)) for (const p of this.store.put(span)) paras.add(p);
    }
    for (const key of before.keys()) if (!seen.has(key)) for (const p of this.store.remove(key)) paras.add(p);
    this.view.redraw([...paras]);
    if (this.selected && !this.model.candidate(this.selected)) this.selected = null;
    if (this.selected) this.view.setClass(this.selected, "selected", true);
    if (this.mode === "diff") this.diff.render();
    this.side.render();
  }

  signatures() {
    return new Map(this.model.viewSpans().map((s) => [s.id, JSON.stringify(s)]));
  }

  setMode(mode) {
    this.mode = mode;
    document.getElementById("view-text").classList.toggle("active", mode === "text");
    document.getElementById("view-diff").classList.toggle("active", mode === "diff");
    document.getElementById("view-text").setAttribute("aria-selected", String(mode === "text"));
    document.getElementById("view-diff").setAttribute("aria-selected", String(mode === "diff"));
    this.root.hidden = mode !== "text";
    document.getElementById("rv-diff").hidden = mode !== "diff";
    if (mode === "diff") this.diff.render();
    else if (this.selected) this.reveal(this.selected);
  }

  // --- selecting -------------------------------------------------------------------------------

  onTextClick(e) {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this.root.contains(sel.anchorNode)) return;
    const mark = e.target.closest("mark[data-key]");
    if (!mark) return;
    const covering = [];
    for (let el = mark; el && el !== this.root; el = el.parentElement) if (el.dataset.key) covering.push(el.dataset.key);
    const at = covering.indexOf(this.selected);
    this.select(at >= 0 && covering.length > 1 ? covering[(at + 1) % covering.length] : covering[0], false);
  }

  select(key, scroll = true) {
    if (this.selected) this.view.setClass(this.selected, "selected", false);
    this.selected = key && this.model.candidate(key) ? key : null;
    this.side.editing = false;
    if (this.selected) {
      this.view.setClass(this.selected, "selected", true);
      if (scroll) this.reveal(this.selected);
    }
    const row = this.mode === "diff" ? this.diff.mark(this.selected) : null;
    if (row && scroll) row.scrollIntoView({ block: "center" });
    this.side.renderCandidate();
  }

  reveal(key) {
    const marks = this.view.marks(key);
    if (!marks.length) return;
    const rect = marks[0].getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 40) marks[0].scrollIntoView({ block: "center" });
  }

  step(dir) {
    const next = this.model.step(this.selected, dir);
    if (next) this.select(next.key);
    else toast(t("No further disagreement."), "info");
  }

  // --- keys ------------------------------------------------------------------------------------

  onKey(e) {
    if (e.key === "Escape") {
      if (this.side.closeEdit()) return;
      if (this.selected) this.select(null, false);
      return;
    }
    if (e.target.closest && e.target.closest(EDITABLE)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const label = this.selectionRange() && this.labelForKey(e.key);
    if (label) {
      e.preventDefault();
      this.addGold(label.name);
      return;
    }
    const actions = {
      j: () => this.step(1), n: () => this.step(1), k: () => this.step(-1), p: () => this.step(-1),
      a: () => this.selected && this.decide(this.selected, "accept"),
      r: () => this.selected && this.decide(this.selected, "reject"),
      u: () => this.selected && this.decide(this.selected, "reset"),
      e: () => this.side.openEdit(),
    };
    const action = actions[e.key.toLowerCase()];
    if (action && e.key.length === 1) {
      e.preventDefault();
      action();
    }
  }

  labelForKey(key) {
    if (!key || key.length !== 1) return null;
    return (this.model.schema.labels || []).find((l) => l.hotkey && l.hotkey.toLowerCase() === key.toLowerCase()) || null;
  }

  selectionRange() {
    if (this.mode !== "text") return null;
    const raw = this.view.selectionOffsets();
    return raw ? snap(this.model.text, raw[0], raw[1], true) : null;
  }

  onSelectionChange() {
    if (this.selTimer) return;
    this.selTimer = requestAnimationFrame(() => {
      this.selTimer = null;
      const has = !!this.selectionRange();
      for (const btn of document.querySelectorAll("#label-bar .label-btn")) btn.disabled = !has;
    });
  }

  // --- actions ---------------------------------------------------------------------------------

  /** Run server calls one after another; on failure say why and show the server's current state. */
  run(task) {
    this.busy = this.busy.then(task).catch((exc) => this.failed(exc));
    return this.busy;
  }

  async failed(exc) {
    if (exc.status === 409) toast(t("Someone else changed this meanwhile; the page now shows the current state."));
    else toast(t("Not saved: {message}", { message: exc.message }));
    await this.reload().catch(() => {});
  }

  async reload() {
    const data = await api.get(`/documents/${this.model.doc.id}/review`);
    const before = this.signatures();
    this.model.set(data);
    this.refresh(before);
  }

  decide(key, verdict) {
    const c = this.model.candidate(key);
    if (!c) return Promise.resolve();
    const targets = verdict === "accept"
      ? (c.spans.some((s) => s.status === "accepted") ? [] : [representative(c)])
      : c.spans.filter((s) => s.status !== (verdict === "reject" ? "rejected" : "pending"));
    if (!targets.length) return Promise.resolve();
    const sent = targets.map((s) => ({ id: s.id, version: s.version }));
    const before = this.signatures();
    this.model.applyLocally(c, verdict);
    this.refresh(before);
    return this.run(async () => {
      for (const s of sent) await api.post(`/spans/${s.id}/review`, { decision: verdict, version: s.version });
      await this.reload();
    });
  }

  editAndAccept(key, label, attrs) {
    const c = this.model.candidate(key);
    if (!c) return Promise.resolve();
    const rep = representative(c);
    return this.run(async () => {
      const saved = await api.patch(`/spans/${rep.id}`, { version: rep.version, label, attrs });
      await api.post(`/spans/${saved.id}/review`, { decision: "accept", version: saved.version });
      await this.reload();
      this.select(`${saved.start}:${saved.end}:${saved.label}`, false);
    });
  }

  decideRelation(rel, verdict) {
    const ids = verdict === "accept" ? rel.ids.slice(0, 1) : rel.ids;
    return this.run(async () => {
      let ends = 0;
      for (const id of ids) ends += (await api.post(`/relations/${id}/review`, { decision: verdict })).accepted_spans.length;
      await this.reload();
      if (ends) toast(t("Its {n} undecided span(s) were accepted with it.", { n: ends }), "info");
    });
  }

  acceptAgreed() {
    const btn = document.getElementById("accept-agreed");
    btn.disabled = true;
    return this.run(async () => {
      const done = await api.post(`/documents/${this.model.doc.id}/review/accept-agreed`);
      await this.reload();
      if (done.doc_labels !== undefined) await this.docLabels.load();
      toast(done.spans || done.relations
        ? t("Accepted {spans} span(s) and {relations} relation(s).", { spans: done.spans, relations: done.relations })
        : t("Nothing left that all annotators agree on."), "info");
    });
  }

  toggleReviewed() {
    const state = this.model.state === "reviewed" ? "in_review" : "reviewed";
    const url = `/documents/${this.model.doc.id}/review-state`;
    return this.run(async () => {
      let res;
      try {
        res = await api.put(url, { state });
      } catch (exc) {
        if (exc.code !== "undecided") throw exc;
        const choice = await this.side.askUndecided(exc.data);  // leave them out, reject them, or cancel
        if (!choice) return;
        res = await api.put(url, { state, undecided: choice });
        if (choice === "reject") await this.reload();
      }
      this.model.state = res.state;
      this.side.renderStatus();
    });
  }

  addGold(labelName) {
    const range = this.selectionRange();
    if (!range) return Promise.resolve();
    const offsets = this.store.offsets;
    const body = { start: offsets.toCodePoint(range[0]), end: offsets.toCodePoint(range[1]), label: labelName, gold: true };
    window.getSelection().removeAllRanges();
    return this.run(async () => {
      const span = await api.post(`/documents/${this.model.doc.id}/spans`, body);
      await this.reload();
      this.renderAnnotators();
      this.select(`${span.start}:${span.end}:${span.label}`, false);
      toast(t("Added to the gold layer."), "info");
    });
  }

  addComment(fields) {
    return this.run(async () => {
      const comment = await api.post(`/documents/${this.model.doc.id}/comments`, fields);
      this.model.comments.push(comment);
      this.side.renderCandidate();
      this.side.renderDocComments();
    });
  }
}

function toast(message, kind = "error") {
  const box = document.getElementById("toasts");
  const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message,
    h("button", { type: "button", class: "toast-close", "aria-label": t("Close"), onclick: () => item.remove() }, "×"));
  box.appendChild(item);
  setTimeout(() => item.remove(), 6000);
}

function main() {
  const dataEl = document.getElementById("review-data");
  const root = document.getElementById("doc-text");
  if (!dataEl || !root) return;
  const t0 = performance.now();
  const app = new Review(JSON.parse(dataEl.textContent), root);
  app.start();
  window.review = app;
  document.documentElement.dataset.reviewReady = String(Math.round(performance.now() - t0));
  document.documentElement.dataset.reviewAt = String(Math.round(performance.now()));
}

main();
