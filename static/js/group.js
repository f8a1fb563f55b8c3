// The versions of one article side by side: sentence alignment editing, span projection, divergences.
import { api } from "./api.js";
import { t } from "./i18n.js";
import * as beads from "./group-model.js";
import { GroupModel } from "./group-model.js";
import { BulkPanel, DivergencePanel, SpanPanel } from "./group-side.js";
import { GridView, h } from "./group-view.js";

const COLOR = /^#[0-9a-f]{3,8}$/i;
const EDITABLE = "input, select, textarea, [contenteditable]";
const KEYS = { l: "link", u: "unlink", m: "merge", s: "split", c: "confirm" };
const ACTIONS = [["link", "L", () => t("Link")], ["unlink", "U", () => t("Unlink")],
  ["merge", "M", () => t("Merge")], ["split", "S", () => t("Split")],
  ["confirm", "C", () => t("Confirm")]];

class GroupPage {
  constructor(data) {
    this.model = new GroupModel(data);
    this.grid = document.getElementById("gv-grid");
    this.view = new GridView(this.grid, this.model);
    this.spanPanel = new SpanPanel(this, document.getElementById("gv-span"));
    this.bulk = new BulkPanel(this, document.getElementById("gv-bulk-box"));
    this.divergences = new DivergencePanel(this, document.getElementById("gv-div-box"));
    this.toolbar = document.getElementById("gv-toolbar");
    this.statusEl = document.getElementById("gv-status");
    this.msgEl = document.getElementById("gv-msg");
    this.cur = null; // {doc, i}: the sentence the keyboard acts on
    this.prev = null; // {doc, i}: the sentence picked before it, in another version (for linking)
    this.spanId = null;
    this.busy = false;
    this.undoStack = []; // {a, b, before, after}: the beads of a pair around each saved edit
    this.redoStack = [];
    const { docs, pivot } = this.model;
    const first = docs.find((d) => d.id !== pivot && this.model.pair(d.id, pivot));
    const p = first ? this.model.pair(first.id, pivot) : [...this.model.pairs.values()][0];
    this.active = p ? [p.a, p.b] : null;
  }

  start() {
    installColours(this.model.labels);
    new ResizeObserver(() => {
      document.documentElement.style.setProperty("--gv-bar", `${this.toolbar.offsetHeight}px`);
    }).observe(this.toolbar);
    this.render();
    this.bind();
    this.spanPanel.render();
    document.documentElement.dataset.groupReady = "1";
  }

  render() {
    this.view.render();
    if (this.active) this.view.markPairs(this.active);
    this.applyCursor();
    this.applySpan();
    this.renderToolbar();
    this.divergences.render();
    this.bulk.render();
    this.reapplyHover();
  }

  /** After a redraw the pointer is still over the same sentence or span: light its counterparts again. */
  reapplyHover() {
    const [sent, mark] = [this.hoverSent, this.hoverMark];
    if (sent) {
      const [doc, i] = sent.split(":").map(Number);
      this.highlightSentence(doc, i);
    }
    if (mark) this.highlightLinked(Number(mark));
  }

  // --- toolbar ------------------------------------------------------------------------------------

  renderToolbar() {
    const { model } = this;
    const chips = h("div", { class: "langs gv-pairs", role: "group", "aria-label": t("Pairs of versions") });
    const pairs = [...model.pairs.values()].map((p) => [p, this.orient(p)])
      .sort(([, x], [, y]) => model.column(x[0]) - model.column(y[0]) || model.column(x[1]) - model.column(y[1]));
    for (const [pair, [x, y]] of pairs) {
      const on = this.active && pair.a === this.active[0] && pair.b === this.active[1];
      const btn = h("button", { type: "button", class: on ? "chip active" : "chip", dataset: { pair: `${pair.a}-${pair.b}` },
        "aria-pressed": on ? "true" : "false" }, `${model.doc(x).lang} – ${model.doc(y).lang}`);
      btn.addEventListener("click", () => this.setActive(pair.a, pair.b));
      chips.appendChild(btn);
    }
    const pair = this.active && model.pair(...this.active);
    const stats = h("span", { class: "gv-stats muted" });
    if (pair) {
      const confirmed = pair.beads.filter((b) => b[2] === "confirmed").length;
      const open = pair.beads.filter((b) => !b[0].length || !b[1].length).length;
      stats.textContent = t("{n} links · {c} confirmed · {u} unaligned", { n: pair.beads.length, c: confirmed, u: open });
    }
    const confirmAll = h("button", { type: "button", class: "small", id: "gv-confirm-all", disabled: !pair },
      t("Confirm all"));
    confirmAll.addEventListener("click", () => this.confirmAll());
    const undo = h("button", { type: "button", class: "small", id: "gv-undo", disabled: !this.undoStack.length,
      title: t("Undo the last alignment edit (Ctrl+Z)") }, t("Undo"));
    undo.addEventListener("click", () => this.undo());
    const redo = h("button", { type: "button", class: "small", id: "gv-redo", disabled: !this.redoStack.length,
      title: t("Redo the edit undone last (Ctrl+Shift+Z)") }, t("Redo"));
    redo.addEventListener("click", () => this.redo());
    const tools = h("div", { class: "gv-tools", role: "group", "aria-label": t("Edit the alignment") },
      ACTIONS.map(([action, key, label]) => {
        const btn = h("button", { type: "button", class: "small", dataset: { action } }, label(), " ", h("kbd", {}, key));
        btn.addEventListener("click", () => this.edit(action));
        return btn;
      }));
    const n = model.docs.length;
    const realign = model.pairs.size < (n * (n - 1)) / 2
      ? h("button", { type: "button", class: "small primary", id: "gv-realign" }, t("Align the versions"))
      : null;
    realign?.addEventListener("click", () => this.realign());
    this.toolbar.replaceChildren(chips, stats, realign || "", h("span", { class: "label-bar-sep" }), tools, confirmAll,
      undo, redo, this.statusEl);
    this.updateButtons();
  }

  updateButtons() {
    for (const btn of this.toolbar.querySelectorAll("[data-action]")) {
      btn.disabled = !this.cur || (btn.dataset.action === "link" && !this.prev);
    }
  }

  /** A pair's versions in column order. */
  orient(pair) {
    return this.model.column(pair.a) < this.model.column(pair.b) ? [pair.a, pair.b] : [pair.b, pair.a];
  }

  setActive(x, y) {
    const pair = this.model.pair(x, y);
    if (!pair) return;
    this.active = [pair.a, pair.b];
    this.view.markPairs(this.active);
    this.renderToolbar();
  }

  setStatus(text, state = "") {
    this.statusEl.textContent = text;
    this.statusEl.dataset.state = state;
  }

  showMessage(text, withReload = false, buttons = []) {
    const parts = [h("span", {}, text)];
    if (withReload) {
      const btn = h("button", { type: "button", class: "small" }, t("Reload"));
      btn.addEventListener("click", () => window.location.reload());
      parts.push(btn);
    }
    for (const [label, action, id] of buttons) {
      const btn = h("button", { type: "button", class: "small", id }, label);
      btn.addEventListener("click", () => {
        this.msgEl.hidden = true;
        action();
      });
      parts.push(btn);
    }
    const close = h("button", { type: "button", class: "toast-close", "aria-label": t("Close") }, "×");
    close.addEventListener("click", () => { this.msgEl.hidden = true; });
    this.msgEl.replaceChildren(...parts, close);
    this.msgEl.hidden = false;
  }

  showError(err) {
    this.setStatus(t("Not saved"), "error");
    if (err.status === 409) {
      this.showMessage(t("Someone changed this alignment meanwhile; reload the page to see their version."), true);
    } else {
      this.showMessage(err.message || t("Something went wrong"));
    }
  }

  // --- events -------------------------------------------------------------------------------------

  bind() {
    this.grid.addEventListener("mouseover", (e) => this.onHover(e.target));
    this.grid.addEventListener("mouseleave", () => this.onHover(null));
    this.grid.addEventListener("click", (e) => this.onClick(e));
    this.grid.addEventListener("mousedown", (e) => {
      if (e.detail > 1) e.preventDefault(); // no word selection on double click
    });
    document.addEventListener("keydown", (e) => this.onKey(e));
    document.getElementById("gv-bulk-close").addEventListener("click", () => this.bulk.close());
  }

  onHover(target) {
    const sent = target && target.closest ? target.closest(".gv-sent") : null;
    const mark = target && target.closest ? target.closest("mark[data-span-id]") : null;
    const sentKey = sent ? `${sent.dataset.doc}:${sent.dataset.sentence}` : null;
    const markKey = mark ? mark.dataset.spanId : null;
    if (sentKey !== this.hoverSent) {
      this.hoverSent = sentKey;
      this.view.clearClass("hl");
      this.view.clearClass("hl-self");
      if (sent) this.highlightSentence(Number(sent.dataset.doc), Number(sent.dataset.sentence));
    }
    if (markKey !== this.hoverMark) {
      this.hoverMark = markKey;
      this.view.clearClass("linked-hl");
      if (mark) this.highlightLinked(Number(markKey));
    }
  }

  highlightSentence(docId, i) {
    const self = this.model.beadOf(docId, i, this.model.docs.find((d) => d.id !== docId)?.id);
    this.view.sent(docId, i)?.classList.add("hl-self");
    for (const [other, idx] of Object.entries(this.model.counterparts(docId, i))) {
      for (const j of idx) this.view.sent(other, j)?.classList.add("hl");
    }
    if (self) for (const j of self.mine) if (j !== i) this.view.sent(docId, j)?.classList.add("hl");
  }

  highlightLinked(spanId) {
    const linked = this.model.linked(spanId);
    if (!linked.length) return;
    for (const m of this.view.marks(spanId)) m.classList.add("linked-hl");
    for (const s of linked) for (const m of this.view.marks(s.id)) m.classList.add("linked-hl");
  }

  onClick(e) {
    const btn = e.target.closest(".gv-project-all");
    if (btn) {
      this.bulk.open(Number(btn.dataset.doc));
      return;
    }
    if (e.target.closest("a")) return;
    const mark = e.target.closest("mark[data-span-id]");
    const sent = e.target.closest(".gv-sent");
    if (sent) this.pick(Number(sent.dataset.doc), Number(sent.dataset.sentence));
    if (mark) this.selectSpan(Number(mark.dataset.spanId));
    else if (sent && this.spanId !== null) this.selectSpan(null);
    this.grid.focus({ preventScroll: true });
  }

  /** Click or keyboard: the sentence becomes the cursor; the cursor before it, if in another version, is kept. */
  pick(docId, i) {
    if (this.cur && this.cur.doc !== docId) this.prev = this.cur;
    if (this.prev && this.prev.doc === docId) this.prev = null;
    this.cur = { doc: docId, i };
    if (this.prev) this.setActive(this.prev.doc, docId);
    else if (this.active && !this.active.includes(docId)) this.setActive(docId, this.model.pivot === docId ? this.active[0] : this.model.pivot);
    this.applyCursor();
  }

  applyCursor() {
    this.view.clearClass("cursor");
    this.view.clearClass("picked");
    if (this.prev) this.view.sent(this.prev.doc, this.prev.i)?.classList.add("picked");
    if (this.cur) this.view.sent(this.cur.doc, this.cur.i)?.classList.add("cursor");
    this.updateButtons();
  }

  selectSpan(id) {
    this.spanId = id;
    this.applySpan();
    this.spanPanel.show(id);
  }

  applySpan() {
    this.view.clearClass("selected");
    if (this.spanId !== null) for (const m of this.view.marks(this.spanId)) m.classList.add("selected");
  }

  onKey(e) {
    if (e.target.closest?.(EDITABLE)) return;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === "z" || key === "y")) {
      e.preventDefault();
      if (key === "y" || e.shiftKey) this.redo();
      else this.undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    if (moves[e.key]) {
      if (e.target.closest?.("button, a") && !this.cur) return;
      e.preventDefault();
      this.move(...moves[e.key]);
      return;
    }
    if (e.key === "Escape") {
      this.prev = null;
      this.selectSpan(null);
      this.applyCursor();
      return;
    }
    const action = KEYS[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    if (action === "confirm" && e.shiftKey) this.confirmAll();
    else this.edit(action);
  }

  move(dx, dy) {
    const { model } = this;
    if (!this.cur) {
      if (model.docs.length && model.docs[0].sentences.length) this.pick(model.docs[0].id, 0);
      this.scrollToCursor();
      return;
    }
    const c = model.docs.findIndex((d) => d.id === this.cur.doc);
    if (dy) {
      const n = model.docs[c].sentences.length;
      const i = Math.min(n - 1, Math.max(0, this.cur.i + dy));
      this.cur = { doc: this.cur.doc, i };
      this.applyCursor();
    } else {
      const target = model.docs[c + dx];
      if (!target || !target.sentences.length) return;
      this.pick(target.id, this.landing(this.cur, target));
    }
    this.scrollToCursor();
  }

  /** Where the cursor lands in another version: the first counterpart, else a sentence of the same row. */
  landing(from, target) {
    const found = this.model.beadOf(from.doc, from.i, target.id);
    if (found && found.theirs.length) return found.theirs[0];
    const row = Number(this.view.sent(from.doc, from.i)?.closest(".gv-cell")?.dataset.row ?? 0);
    const c = this.model.docs.indexOf(target);
    for (let r = row; r >= 0; r--) if (this.view.rows[r] && this.view.rows[r][c]) return this.view.rows[r][c][0];
    return 0;
  }

  scrollToCursor() {
    const el = this.cur && this.view.sent(this.cur.doc, this.cur.i);
    if (el) el.scrollIntoView({ block: "nearest" });
  }

  // --- alignment edits ----------------------------------------------------------------------------

  /** The pair an edit of the cursor sentence applies to. */
  pairForCursor() {
    const { model } = this;
    if (this.prev) return model.pair(this.prev.doc, this.cur.doc);
    if (this.active && this.active.includes(this.cur.doc)) return model.pair(...this.active);
    const other = this.cur.doc === model.pivot ? model.docs.find((d) => d.id !== model.pivot)?.id : model.pivot;
    return other === undefined ? null : model.pair(this.cur.doc, other);
  }

  async edit(action) {
    if (this.busy) return;
    if (!this.cur) {
      this.showMessage(t("Click a sentence first (or move to one with the arrow keys)."));
      return;
    }
    const pair = this.pairForCursor();
    if (!pair) {
      this.showMessage(t("These versions are not aligned yet."));
      return;
    }
    const side = pair.a === this.cur.doc ? 0 : 1;
    let next;
    if (action === "link") {
      if (!this.prev) {
        this.showMessage(t("To link, click a sentence in one version, then one in another version, and press L."));
        return;
      }
      next = beads.link(pair.beads, 1 - side, this.prev.i, this.cur.i);
    } else if (action === "unlink") next = beads.unlink(pair.beads, side, this.cur.i);
    else if (action === "split") next = beads.split(pair.beads, side, this.cur.i);
    else if (action === "merge") next = beads.mergeNext(pair.beads, side, this.cur.i);
    else next = beads.confirm(pair.beads, side, this.cur.i);
    if (!next) {
      this.showMessage(t("There is no next link to merge with."));
      return;
    }
    await this.apply(pair, next);
  }

  async confirmAll() {
    const pair = this.active && this.model.pair(...this.active);
    if (pair && !this.busy) await this.apply(pair, beads.confirmAll(pair.beads));
  }

  /** Save an edit, unless it makes a link skip or cross sentences: then ask first. */
  async apply(pair, next) {
    const found = beads.newProblems(pair.beads, next);
    if (!found.length) {
      await this.commit(pair, next);
      return;
    }
    this.setStatus(t("Not saved"), "warning");
    this.showMessage(this.describe(pair, found), false, [
      [t("Save anyway"), () => this.commit(pair, next), "gv-save-anyway"],
      [t("Cancel"), () => this.setStatus(""), "gv-cancel"],
    ]);
  }

  describe(pair, found) {
    const first = found[0];
    const lang = this.model.doc(first.side === 0 ? pair.a : pair.b).lang;
    const params = { lang, x: first.from + 1, y: first.to + 1 };
    return first.kind === "skip"
      ? t("This link skips sentences: {lang} #{x} and #{y} are not next to each other. Save it anyway?", params)
      : t("This link crosses another one ({lang} #{x} and #{y} are linked in the opposite order). Save it anyway?", params);
  }

  /** Save an edit and remember it for undo. */
  async commit(pair, next) {
    const before = pair.beads.map((b) => [[...b[0]], [...b[1]], b[2]]);
    if (await this.save(pair, next)) {
      this.undoStack.push({ a: pair.a, b: pair.b, before, after: next });
      this.redoStack = [];
      this.renderToolbar();
    }
  }

  async undo() {
    await this.step(this.undoStack, this.redoStack, "before");
  }

  async redo() {
    await this.step(this.redoStack, this.undoStack, "after");
  }

  /** Take the last edit off one stack, restore its beads, and put it on the other stack. */
  async step(from, to, which) {
    if (this.busy || !from.length) return;
    const edit = from.pop();
    const pair = this.model.pair(edit.a, edit.b);
    if (pair && (await this.save(pair, edit[which]))) to.push(edit);
    else from.push(edit);
    this.renderToolbar();
  }

  async save(pair, next) {
    this.busy = true;
    this.msgEl.hidden = true;
    this.setStatus(t("Saving…"), "saving");
    try {
      const res = await api.put(`/groups/${this.model.gid}/alignment`,
        { a: pair.a, b: pair.b, beads: next, version: pair.version });
      this.model.setPair(res);
      this.active = [res.a, res.b];
      this.render();
      this.scrollToCursor();
      this.setStatus(t("Saved"), "saved");
      return true;
    } catch (err) {
      this.showError(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Compute the automatic alignment of pairs that have none (confirmed pairs are kept). */
  async realign() {
    if (this.busy) return;
    this.busy = true;
    this.setStatus(t("Saving…"), "saving");
    try {
      await api.post(`/groups/${this.model.gid}/align`, {});
      const data = await api.get(`/groups/${this.model.gid}/alignment`);
      for (const p of data.pairs) this.model.setPair(p);
      if (!this.active && data.pairs.length) this.active = [data.pairs[0].a, data.pairs[0].b];
      this.render();
      this.setStatus(t("Saved"), "saved");
    } catch (err) {
      this.showError(err);
    } finally {
      this.busy = false;
    }
  }

  // --- projection ---------------------------------------------------------------------------------

  /** Create the suggested counterpart of a span; true when saved. */
  async acceptProjection(sourceId, s) {
    this.setStatus(t("Saving…"), "saving");
    try {
      const res = await api.post(`/spans/${sourceId}/project`, { doc: s.doc, start: s.start, end: s.end });
      this.model.addSpan(s.doc, res.span);
      this.model.addLink(sourceId, res.span.id);
      this.render();
      this.spanPanel.render();
      this.setStatus(t("Saved"), "saved");
      return true;
    } catch (err) {
      this.showError(err);
      return false;
    }
  }

  /** Create the counterparts of many suggestions in one request ([{span, suggestion}]); true when saved. */
  async acceptProjections(items) {
    this.setStatus(t("Saving…"), "saving");
    try {
      const res = await api.post("/projection/accept", { items: items.map(({ span, suggestion: s }) =>
        ({ span: span.id, doc: s.doc, start: s.start, end: s.end })) });
      for (const made of res.created) {
        this.model.addSpan(made.span.document, made.span);
        this.model.addLink(made.source, made.span.id);
      }
      this.render();
      this.spanPanel.render();
      this.setStatus(t("Saved"), "saved");
      return true;
    } catch (err) {
      this.showError(err);
      return false;
    }
  }

  revealSpan(id, otherId) {
    const first = this.view.marks(id)[0];
    if (!first) return;
    this.selectSpan(id);
    first.scrollIntoView({ block: "center" });
    const ids = otherId === undefined ? [id] : [id, otherId];
    for (const x of ids) for (const m of this.view.marks(x)) flash(m);
  }

  revealSentence(docId, i) {
    const el = this.view.sent(docId, i);
    if (!el) return;
    this.pick(docId, i);
    el.scrollIntoView({ block: "center" });
    flash(el);
  }
}

function flash(el) {
  el.classList.remove("flash-once");
  void el.offsetWidth; // restart the animation
  el.classList.add("flash-once");
}

function installColours(labels) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(labels.filter((l) => COLOR.test(l.color || ""))
    .map((l) => `[data-label="${CSS.escape(l.name)}"] { --c: ${l.color}; }`).join("\n"));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function main() {
  const dataEl = document.getElementById("group-data");
  if (!dataEl) return;
  const page = new GroupPage(JSON.parse(dataEl.textContent));
  page.start();
  window.groupPage = page;
}

main();
