// The annotation page: select text, press a label key, and the span is drawn at once and saved behind.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./annotate-dom.js";
import { History } from "./annotate-history.js";
import { Arcs } from "./annotate-arcs.js";
import { DocLabels } from "./annotate-doclabels.js";
import { Caret, Finder } from "./annotate-keys.js";
import { Mentions } from "./annotate-mentions.js";
import { Panel, flash } from "./annotate-panel.js";
import { Popovers } from "./annotate-popover.js";
import { Store } from "./annotate-store.js";
import { TextView } from "./annotate-view.js";
import { snap } from "./annotate-words.js";

const COLOR = /^#[0-9a-f]{3,8}$/i;
const EDITABLE = "input, select, textarea, [contenteditable]";

class Annotator {
  constructor(doc, root) {
    this.doc = doc;
    this.root = root;
    this.readonly = document.getElementById("annotate").dataset.readonly === "1";
    this.store = new Store(doc);
    this.view = new TextView(root, this.store);
    this.history = new History(() => this.updateStatus());
    this.panel = new Panel(this);
    this.pop = new Popovers(this);
    this.selectedId = null;
    this.tempIds = 0;
    this.aliases = new Map(); // optimistic id -> saved id
    this.saveError = null;
    this.snapBox = document.getElementById("snap-words");
    this.statusEl = document.getElementById("save-status");
  }

  start() {
    installColours(this.doc.schema.labels || []);
    this.view.renderProgressively(() => this.painted());
    this.root.classList.add("annotating");
    this.caret = new Caret(this);
    this.finder = new Finder(this);
    this.help = document.getElementById("key-help");
    this.arcs = new Arcs(this);
    this.bind();
    this.panel.renderState();
    this.docLabels = new DocLabels(this, document.getElementById("doc-labels-box"));
    this.docLabels.render();
    this.panel.schedule(); // the side panel after the text's first frame
    this.updateStatus();
    this.mentions = new Mentions(this);
    this.mentions.load();
  }

  /** Every span is drawn: the panel and the suggestions follow (the text is usable before this). */
  painted() {
    clearTimeout(this.panel.timer);
    this.panel.timer = null;
    this.panel.render();
    document.documentElement.dataset.annotateDone = String(Math.round(performance.now()));
  }

  bind() {
    this.root.addEventListener("click", (e) => this.onTextClick(e));
    this.root.addEventListener("mousedown", (e) => {
      const linking = (e.shiftKey && this.selectedId !== null) || this.pop.picking;
      if (linking && e.target.closest("mark[data-span-id]")) e.preventDefault(); // no text selection
    });
    this.root.addEventListener("mouseup", () => {
      this.caretFromMouse = true; // the keyboard continues from where the mouse clicked or dragged
      requestAnimationFrame(() => this.takeCaretFromMouse());
      this.onSelectionChange();
    });
    this.root.addEventListener("keyup", () => this.onSelectionChange());
    this.root.addEventListener("focus", () => this.caret.draw());
    this.root.addEventListener("blur", () => this.caret.draw());
    document.addEventListener("selectionchange", () => this.onSelectionChange());
    document.addEventListener("keydown", (e) => this.onKey(e));
    const bar = document.getElementById("label-bar");
    if (bar) {
      bar.addEventListener("mousedown", (e) => e.preventDefault()); // keep the text selection
      bar.addEventListener("click", (e) => this.onBarClick(e));
    }
    document.getElementById("undo-btn")?.addEventListener("click", () => this.undo());
    document.getElementById("redo-btn")?.addEventListener("click", () => this.redo());
    document.getElementById("done-next")?.addEventListener("click", () => this.doneAndNext());
    document.getElementById("help-btn")?.addEventListener("click", () => this.showHelp());
  }

  // --- selection -------------------------------------------------------------------------------

  selection() {
    const raw = this.view.selectionOffsets();
    if (!raw) return null;
    return snap(this.store.text, raw[0], raw[1], !this.snapBox || this.snapBox.checked);
  }

  onSelectionChange() {
    if (this.selTimer) return;
    this.selTimer = requestAnimationFrame(() => {
      this.selTimer = null;
      const has = !this.readonly && !!this.view.selectionOffsets();
      for (const btn of document.querySelectorAll("#label-bar .label-btn")) btn.disabled = !has;
    });
  }

  onBarClick(e) {
    const btn = e.target.closest(".label-btn");
    if (btn) this.labelSelection(btn.dataset.label);
  }

  labelSelection(label) {
    const range = this.selection();
    if (!range) return false;
    this.caret.set(range[1]);
    this.caret.show(false); // the caret waits after the new span for the next move
    this.createSpan(range[0], range[1], label);
    return true;
  }

  // --- clicks ----------------------------------------------------------------------------------

  onTextClick(e) {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && this.root.contains(sel.anchorNode)) return; // the end of a drag
    const mark = e.target.closest("mark[data-span-id]");
    if (!mark) {
      if (!this.pop.picking) this.deselect();
      return;
    }
    let covering = this.spansAtMark(mark);
    if ((e.shiftKey && this.selectedId !== null) || this.pop.picking) {
      // linking: the open span (the head) is not a candidate for the other end, so a span nested in it is
      // linked at once instead of asking "which span?"
      const head = this.pop.picking ? this.pop.picking.head : this.store.span(this.selectedId);
      const others = covering.filter((s) => s !== head);
      if (others.length) covering = others;
    }
    const byLane = this.spanByUnderline(mark, covering, e.clientY);
    const choose = (span) => this.activate(span, e.shiftKey, mark);
    if (byLane || covering.length === 1) choose(byLane || covering[0]);
    else this.pop.chooser(covering, mark.getBoundingClientRect(), choose);
  }

  spansAtMark(mark) {
    const out = [];
    for (let el = mark; el && el !== this.root; el = el.parentElement) {
      if (el.dataset.spanId) out.push(this.store.span(el.dataset.spanId));
    }
    return out.filter(Boolean);
  }

  /** Where spans stack, a click on an underline picks that underline's span. */
  spanByUnderline(mark, covering, y) {
    if (covering.length < 2) return null;
    const rect = [...mark.getClientRects()].find((r) => y >= r.top && y <= r.bottom) || mark.getBoundingClientRect();
    const style = getComputedStyle(mark);
    const below = (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    const depth = y - (rect.bottom - below);
    if (depth < 0) return null;
    const lane = Math.floor(depth / 4);
    return covering.find((s) => Math.min(s.lane, 5) === lane) || null;
  }

  activate(span, shift, anchorEl) {
    if (this.pop.picking) {
      this.pop.finishPick(span);
      return;
    }
    this.caret.set(span.s16);
    if (shift && this.selectedId !== null && String(this.selectedId) !== String(span.id)) {
      this.relate(this.store.span(this.selectedId), span, anchorEl);
      return;
    }
    this.selectSpan(span.id, anchorEl);
  }

  /** Select a span and open its editor; from the keyboard the editor takes the focus. */
  selectSpan(id, anchorEl, focus = false) {
    this.deselect();
    this.selectedId = id;
    this.view.setClass(id, "selected", true);
    const el = anchorEl || this.view.marks(id)[0];
    if (el) this.pop.open(this.store.span(id), el, focus);
  }

  /** Scroll a span into view, flash it and (by default) open it. */
  reveal(id, open = true, focus = false) {
    const marks = this.view.marks(id);
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: "center" });
    for (const m of marks) flash(m);
    if (open) this.selectSpan(id, marks[0], focus);
  }

  deselect() {
    if (this.selectedId !== null) this.view.setClass(this.selectedId, "selected", false);
    this.selectedId = null;
    this.arcs?.select(null);
    this.pop.closeAll();
  }

  /** A relation picked on its arc: highlighted, Delete removes it. */
  selectRelation(id) {
    this.deselect();
    this.arcs.select(id);
  }

  get selectedRelation() {
    return this.arcs ? this.arcs.selected : null;
  }

  // --- keys ------------------------------------------------------------------------------------

  /** After a click or drag, once the selection has settled (next frame, or the next key if that is sooner). */
  takeCaretFromMouse() {
    if (!this.caretFromMouse) return;
    this.caretFromMouse = false;
    this.caret.fromSelection();
    this.caret.draw();
  }

  onKey(e) {
    this.takeCaretFromMouse();
    const inField = e.target.closest && e.target.closest(EDITABLE);
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === "Escape") {
      if (this.finder.close() || this.pop.escape()) return e.preventDefault();
      if (this.selectedId !== null || this.selectedRelation !== null) return this.deselect();
      this.caret.set(this.caret.focus);
      if (document.activeElement === this.root) this.caret.show(false);
      return;
    }
    if (inField || (this.help && this.help.open)) return;
    const textFocused = this.root.contains(document.activeElement) || document.activeElement === this.root;
    if (mod && !this.readonly && (e.key === "z" || e.key === "Z")) {
      e.preventDefault();
      return e.shiftKey ? this.redo() : this.undo();
    }
    if (mod && !this.readonly && (e.key === "y" || e.key === "Y")) {
      e.preventDefault();
      return this.redo();
    }
    if (mod && e.key === "Enter" && !this.readonly) return e.preventDefault(), this.doneAndNext();
    if (mod && textFocused && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      this.caret.move(e.key, e.shiftKey, true);
      return e.preventDefault();
    }
    if (mod || e.altKey) return;
    if (this.pop.picking && this.pop.onPickKey(e)) return e.preventDefault();
    if (e.key === "?") return e.preventDefault(), this.showHelp();
    if (e.key === "/") return e.preventDefault(), this.finder.open();
    if (textFocused && this.onCaretKey(e)) return e.preventDefault();
    if (e.key === "]" || e.key === "[") return e.preventDefault(), this.stepSpan(e.key === "]" ? 1 : -1);
    if (e.key === "\\") return e.preventDefault(), this.arcs?.toggle();
    if ((e.key === "s" || e.key === "S") && !this.labelForKey(e.key)) return e.preventDefault(), this.searchProject();
    if (this.readonly) return;
    const label = this.labelForKey(e.key);
    if (label && this.labelSelection(label.name)) return e.preventDefault();
    if (e.key === "Delete" || e.key === "Backspace") {
      if (this.selectedRelation !== null) return e.preventDefault(), this.deleteRelation(this.selectedRelation);
      if (this.selectedId !== null) return e.preventDefault(), this.deleteSpan(this.selectedId);
    }
    if (e.key === "r" || e.key === "R") {
      const head = this.selectedId !== null ? this.store.span(this.selectedId) : this.spanAtCaret();
      if (!head) return;
      e.preventDefault();
      this.pop.startPick(head);
    }
  }

  labelForKey(key) {
    if (!key || key.length !== 1) return null;
    const k = key.toLowerCase();
    return (this.doc.schema.labels || []).find((l) => l.hotkey && l.hotkey.toLowerCase() === k) || null;
  }

  /** Arrows move by word (Shift grows the selection), ↑/↓ by line, Home/End, Enter opens the span there. */
  onCaretKey(e) {
    if (e.target !== this.root && !this.root.contains(e.target)) return false;
    if (e.key === "Enter") {
      const span = this.spanAtCaret();
      if (!span) return false;
      this.selectSpan(span.id, null, true);
      return true;
    }
    return this.caret.move(e.key, e.shiftKey, false);
  }

  /** The innermost span at the caret (or just before it: the span a label key has just made). */
  spanAtCaret() {
    const u = this.caret.focus;
    const at = this.store.spansAt(u).concat(this.store.spansAt(Math.max(0, u - 1)));
    at.sort((a, b) => (a.e16 - a.s16) - (b.e16 - b.s16));
    return at[0] || null;
  }

  /** `]` / `[`: open the next / previous span after the caret. */
  stepSpan(dir) {
    const from = this.selectedId !== null ? this.store.span(this.selectedId) : null;
    const pos = from ? from.s16 : this.caret.focus;
    const spans = [...this.store.spans.values()].sort((a, b) => a.s16 - b.s16 || b.e16 - a.e16);
    const i = from ? spans.indexOf(from) : -1;
    let next;
    if (i >= 0) next = spans[i + dir];
    else next = dir > 0 ? spans.find((s) => s.s16 >= pos) : spans.reverse().find((s) => s.s16 < pos);
    if (!next) return;
    this.caret.set(next.s16, next.s16);
    this.reveal(next.id, true, true);
  }

  /** Select a found range widened to whole words; with `extend`, grow the selection to its end instead. */
  jumpTo(s16, e16, extend = false) {
    const range = snap(this.store.text, s16, e16, true) || [s16, e16];
    this.deselect();
    this.root.focus({ preventScroll: true });
    const from = Math.min(this.caret.anchor, this.caret.focus);
    if (extend && from < range[1]) this.caret.set(from, range[1]);
    else this.caret.set(range[0], range[1]);
    this.caret.show();
  }

  /** `S`: the project's search page, looking for the selected text (or the open span's text). */
  searchProject() {
    const link = document.querySelector("a.search-link");
    if (!link) return;
    const span = this.selectedId !== null ? this.store.span(this.selectedId) : null;
    const [a, b] = span ? [span.s16, span.e16]
      : [Math.min(this.caret.anchor, this.caret.focus), Math.max(this.caret.anchor, this.caret.focus)];
    const q = this.store.text.slice(a, b).replace(/\s+/g, " ").trim();
    const url = new URL(link.href, window.location.href);
    if (q) url.searchParams.set("q", q);
    window.location.assign(url.href);
  }

  /** `?at=START-END` in the address (code points, as the search page links an occurrence): select that text,
   * scrolled into view, so that a label key marks it. */
  goToLinked(at) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(at || "");
    const size = this.store.offsets.text.length;
    if (!m) return;
    try {
      const [s16, e16] = [this.store.offsets.toUtf16(Number(m[1])), this.store.offsets.toUtf16(Number(m[2]))];
      if (s16 < e16 && e16 <= size) this.jumpTo(s16, e16);
    } catch (exc) {
      if (!(exc instanceof RangeError)) throw exc; // an address from an older version of the text
    }
  }

  showHelp() {
    if (!this.help) return;
    const back = document.activeElement;
    this.help.addEventListener("close", () => back?.focus({ preventScroll: true }), { once: true });
    this.help.showModal();
  }

  // --- actions ---------------------------------------------------------------------------------

  redraw(paras) {
    const kept = this.view.selectionOffsets();
    this.view.redraw(paras);
    if (kept) this.restoreSelection(kept);
    this.caret.draw();
    this.arcs?.schedule();
    this.panel.schedule();
  }

  /** A background save re-renders paragraphs; the selection the user is making must survive it. */
  restoreSelection([start, end]) {
    const c = this.caret;
    const same = Math.min(c.anchor, c.focus) === start && Math.max(c.anchor, c.focus) === end;
    const [a, f] = same ? [c.anchor, c.focus] : [start, end];
    const [an, ao] = this.view.pointAt(a);
    const [fn, fo] = this.view.pointAt(f);
    window.getSelection().setBaseAndExtent(an, ao, fn, fo);
  }

  createSpan(s16, e16, label, extra = {}) {
    const offsets = this.store.offsets;
    const temp = {
      id: `new-${++this.tempIds}`, start: offsets.toCodePoint(s16), end: offsets.toCodePoint(e16), label,
      attrs: {}, actor: extra.actor || null, status: "pending", version: 0, pending: true,
    };
    this.redraw(this.store.put(temp));
    if (this.missesRequired(label)) this.selectSpan(temp.id, null, true); // POSITION asks for its polarity
    const ref = { id: temp.id };
    const entry = {
      undo: () => this.removeSpan(ref.id, false),
      redo: () => this.restoreSpan(ref.id),
    };
    this.history.push(entry);
    this.markInProgress();
    this.history.run(async () => {
      try {
        const body = { start: temp.start, end: temp.end, label };
        if (extra.actor) body.actor = extra.actor.id;
        const saved = await api.post(`/documents/${this.doc.id}/spans`, body);
        ref.id = saved.id;
        this.aliases.set(temp.id, saved.id);
        this.view.moveClasses(temp.id, saved.id);
        if (this.store.span(temp.id)) this.redraw(this.store.rename(temp.id, saved));
        if (String(this.selectedId) === temp.id) {
          this.selectedId = saved.id;
          this.view.setClass(saved.id, "selected", true);
          this.pop.refresh(saved.id);
        }
        this.saved();
      } catch (exc) {
        this.redraw(this.store.remove(temp.id));
        this.history.forget(entry);
        this.failed(t("The span was not saved: {message}", { message: exc.message }));
      }
    });
  }

  /** A label with a required attribute (POSITION's polarity) opens its popover right after it is made. */
  missesRequired(label) {
    const def = this.doc.schema.labels.find((l) => l.name === label);
    return Boolean(def && (def.attributes || []).some((a) => a.required));
  }

  resolve(id) {
    return this.aliases.get(String(id)) ?? id;
  }

  deleteSpan(id) {
    const ref = { id };
    const entry = { undo: () => this.restoreSpan(ref.id), redo: () => this.removeSpan(ref.id, false) };
    this.history.push(entry);
    return this.removeSpan(id, true, entry);
  }

  /** Take a span off the page at once; on a failed delete put it back (and forget the user's `entry`). */
  removeSpan(id, fromUser, entry = null) {
    const span = this.store.span(id);
    if (!span) return Promise.resolve();
    if (String(this.selectedId) === String(id)) this.deselect();
    const rels = this.store.relationsOf(id);
    for (const r of rels) this.store.relations.delete(String(r.id));
    this.redraw(this.store.remove(id));
    return this.history.run(async () => {
      try {
        await api.del(`/spans/${this.resolve(id)}`);
        this.saved();
      } catch (exc) {
        this.redraw(this.store.put(span));
        for (const r of rels) this.store.relations.set(String(r.id), r);
        this.panel.schedule();
        this.failed(t("Could not delete: {message}", { message: exc.message }));
        if (entry) this.history.forget(entry);
        if (!fromUser) throw exc;
      }
    });
  }

  restoreSpan(id) {
    return this.history.run(async () => {
      const res = await api.post(`/spans/${id}/restore`).catch((exc) => this.fail(exc));
      this.redraw(this.store.put(res.span));
      for (const r of res.relations || []) this.store.relations.set(String(r.id), r);
      this.panel.schedule();
      this.saved();
    });
  }

  /** Change label / attrs / actor; `actor` is the actor object (or null) when it changes. */
  updateSpan(id, changes, record = true) {
    const span = this.store.span(id);
    if (!span) return Promise.resolve();
    const before = { label: span.label, attrs: { ...span.attrs } };
    if ("actor" in changes) before.actor = span.actor;
    const local = { ...span, ...changes };
    this.redraw(this.store.put(local));
    const entry = record ? { undo: () => this.updateSpan(id, before, false),
      redo: () => this.updateSpan(id, changes, false) } : null;
    if (entry) this.history.push(entry);
    this.markInProgress();
    return this.history.run(async () => {
      id = this.resolve(id);
      const current = this.store.span(id);
      if (!current) return;
      const body = { version: current.version, label: changes.label, attrs: changes.attrs };
      if ("actor" in changes) body.actor = changes.actor ? changes.actor.id : null;
      try {
        const saved = await api.patch(`/spans/${id}`, body);
        this.redraw(this.store.put(saved));
        this.saved();
      } catch (exc) {
        this.redraw(this.store.put(exc.current || span));
        const message = exc.status === 409 && exc.code !== "decided" // a reviewer's decision says so itself
          ? t("This span was changed elsewhere; showing the current version.")
          : t("The change was not saved: {message}", { message: exc.message });
        this.failed(message);
        if (entry) this.history.forget(entry); // nothing changed: nothing to undo
        if (!record) throw exc;
      }
      this.pop.refresh(id);
    });
  }

  relate(head, tail, anchorEl) {
    if (!head || !tail) return;
    let types = this.store.relationTypes(head.label, tail.label);
    if (!types.length && this.store.relationTypes(tail.label, head.label).length) {
      [head, tail] = [tail, head];
      types = this.store.relationTypes(head.label, tail.label);
    }
    if (!types.length) {
      this.failed(t("No relation type goes from {head} to {tail}.", { head: head.label, tail: tail.label }));
      return;
    }
    if (types.length === 1) {
      this.createRelation(head.id, tail.id, types[0].name);
      return;
    }
    // a span saved since the pick began is drawn under its server id
    const el = anchorEl || this.view.marks(this.resolve(tail.id))[0] || this.view.marks(this.resolve(head.id))[0]
      || this.view.root;
    this.pop.relationMenu(types, el.getBoundingClientRect(), (type) => this.createRelation(head.id, tail.id, type));
  }

  createRelation(headId, tailId, type) {
    const ref = { id: null };
    const entry = { undo: () => this.removeRelation(ref.id, false), redo: () => this.restoreRelation(ref.id) };
    this.history.push(entry);
    this.markInProgress();
    return this.history.run(async () => {
      try {
        const body = { head: this.resolve(headId), tail: this.resolve(tailId), type };
        const rel = await api.post(`/documents/${this.doc.id}/relations`, body);
        ref.id = rel.id;
        this.store.relations.set(String(rel.id), rel);
        this.panel.schedule();
        this.panel.flashRelation(rel.id);
        this.pop.refresh(body.head);
        this.saved();
      } catch (exc) {
        this.history.forget(entry);
        this.failed(t("The relation was not saved: {message}", { message: exc.message }));
      }
    });
  }

  deleteRelation(id) {
    const entry = { undo: () => this.restoreRelation(id), redo: () => this.removeRelation(id, false) };
    this.history.push(entry);
    return this.removeRelation(id, true, entry);
  }

  removeRelation(id, fromUser, entry = null) {
    const rel = this.store.relations.get(String(id));
    if (String(this.selectedRelation) === String(id)) this.arcs.select(null);
    this.store.relations.delete(String(id));
    this.panel.schedule();
    return this.history.run(async () => {
      try {
        await api.del(`/relations/${id}`);
        this.saved();
      } catch (exc) {
        if (rel) this.store.relations.set(String(id), rel);
        this.panel.schedule();
        this.failed(t("Could not delete: {message}", { message: exc.message }));
        if (entry) this.history.forget(entry);
        if (!fromUser) throw exc;
      }
      if (this.selectedId !== null) this.pop.refresh(this.selectedId);
    });
  }

  restoreRelation(id) {
    return this.history.run(async () => {
      const rel = await api.post(`/relations/${id}/restore`).catch((exc) => this.fail(exc));
      this.store.relations.set(String(rel.id), rel);
      this.panel.schedule();
      this.saved();
    });
  }

  async undo() {
    this.pop.closeAll();
    try {
      await this.history.undo();
    } catch (exc) {
      this.failed(t("Could not undo: {message}", { message: exc.message }));
    }
  }

  async redo() {
    this.pop.closeAll();
    try {
      await this.history.redo();
    } catch (exc) {
      this.failed(t("Could not redo: {message}", { message: exc.message }));
    }
  }

  markInProgress() {
    if (this.doc.state !== "new") return;
    this.doc.state = "in_progress";
    this.panel.renderState(); // the server moves the state on the first saved change
  }

  async doneAndNext() {
    const btn = document.getElementById("done-next");
    btn.disabled = true;
    try {
      await this.history.tail;
      await this.docLabels.tail;
      const res = await api.put(`/documents/${this.doc.id}/state`, { state: "done" });
      this.doc.state = res.state;
      this.panel.renderState();
      window.location.assign(res.next ? `/documents/${res.next}` : `/projects/${this.doc.project}`);
    } catch (exc) {
      btn.disabled = false;
      const missing = exc.code === "required_attributes" ? exc.data.details || [] : [];
      const fields = exc.code === "required_attributes" ? exc.data.doc_labels || [] : [];
      if (fields.length) {
        this.docLabels.showMissing(fields);
      } else if (missing.length) {
        const list = missing.map((m) => `${m.label} “${m.text}” (${m.missing.join(", ")})`).join("; ");
        this.failed(t("Not done: {n} span(s) need a required attribute: {list}", { n: missing.length, list }));
        this.reveal(missing[0].id, true);
      } else {
        this.failed(t("Could not mark the document done: {message}", { message: exc.message }));
      }
    }
  }

  // --- feedback --------------------------------------------------------------------------------

  fail(exc) {
    throw exc;
  }

  saved() {
    this.saveError = null;
    this.updateStatus();
  }

  failed(message) {
    this.saveError = message;
    this.updateStatus();
    toast(message, "error");
  }

  toastInfo(message) {
    return toast(message, "info");
  }

  updateStatus() {
    const undo = document.getElementById("undo-btn");
    const redo = document.getElementById("redo-btn");
    if (undo) undo.disabled = !this.history.done.length;
    if (redo) redo.disabled = !this.history.undone.length;
    if (!this.statusEl) return;
    let text = "";
    let state = "idle";
    const labels = this.docLabels || { pending: 0, saves: 0 };
    if (this.history.pending || labels.pending) [text, state] = [t("Saving…"), "saving"];
    else if (this.saveError) [text, state] = [t("Not saved"), "error"];
    else if (this.history.done.length || labels.saves) [text, state] = [t("Saved"), "saved"];
    this.statusEl.textContent = text;
    this.statusEl.dataset.state = state;
  }
}

export function toast(message, kind = "error") {
  const box = document.getElementById("toasts");
  if (!box) return;
  const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message,
    h("button", { type: "button", class: "toast-close", "aria-label": t("Close"),
      onclick: () => item.remove() }, "×"));
  box.appendChild(item);
  setTimeout(() => item.remove(), 8000);
  return item;
}

/** Label colours as CSS custom properties, in a constructed style sheet (no inline style under the CSP). */
function installColours(labels) {
  const sheet = new CSSStyleSheet();
  const rules = labels
    .filter((l) => COLOR.test(l.color || ""))
    .map((l) => `[data-label="${CSS.escape(l.name)}"] { --c: ${l.color}; }`);
  sheet.replaceSync(rules.join("\n"));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function main() {
  const dataEl = document.getElementById("doc-data");
  const root = document.getElementById("doc-text");
  if (!dataEl || !root) return;
  const t0 = performance.now();
  const app = new Annotator(JSON.parse(dataEl.textContent), root);
  app.start();
  app.goToLinked(new URLSearchParams(window.location.search).get("at"));
  window.annotator = app;
  document.documentElement.dataset.annotateReady = String(Math.round(performance.now() - t0));
  document.documentElement.dataset.annotateAt = String(Math.round(performance.now()));
  document.documentElement.dataset.annotateStart = String(Math.round(t0));
}

main();
