// Drawing the text: one inline element per paragraph, spans as nested <mark>s (fragmented where they
// cross), each with data-span-id / data-label and a lane class for its underline depth.
const MAX_LANE = 5;

export class TextView {
  constructor(root, store) {
    this.root = root;
    this.store = store;
    this.paras = [];
    this.spanClasses = new Map(); // span id -> extra classes ("selected", "hl", ...)
  }

  /** Draw every paragraph now (a fresh text). */
  renderAll() {
    this.adopt();
    for (let p = 0; p < this.paras.length; p++) this.paint(p);
  }

  /**
   * Open fast: take the paragraphs the server wrote as plain text, put the marks into those on screen at
   * once, and into the others in slices of a few milliseconds between which input and painting go on.
   * `onDone` runs when every paragraph has its marks.
   */
  renderProgressively(onDone) {
    this.adopt();
    const order = this.paintOrder();
    const first = order.splice(0, this.onScreenCount);
    for (const p of first) this.paint(p);
    this.pending = new Set(order);
    const step = () => {
      const until = performance.now() + 6;
      while (order.length && performance.now() < until) {
        const p = order.shift();
        if (this.pending.delete(p)) this.paint(p);
      }
      if (order.length) setTimeout(step, 0);
      else onDone?.();
    };
    requestAnimationFrame(() => setTimeout(step, 0)); // after the first frame is on screen
  }

  /** Reuse the server's paragraph elements when they hold exactly the text, else write them. */
  adopt() {
    const { store } = this;
    const els = this.root.children;
    let ok = els.length === store.paraCount;
    for (let p = 0; ok && p < els.length; p += Math.max(1, els.length >> 4)) {
      ok = els[p].dataset.p === String(p) && els[p].textContent === store.text.slice(store.paraStarts[p], store.paraStarts[p + 1]);
    }
    if (ok && this.root.textContent.length !== store.text.length) ok = false;
    if (ok) {
      this.paras = [...els];
      return;
    }
    this.paras = [];
    const fragment = document.createDocumentFragment();
    for (let p = 0; p < store.paraCount; p++) {
      const el = document.createElement("span");
      el.className = "para";
      el.dataset.p = p;
      el.textContent = store.text.slice(store.paraStarts[p], store.paraStarts[p + 1]);
      this.paras.push(el);
      fragment.appendChild(el);
    }
    this.root.replaceChildren(fragment);
  }

  /** Paragraphs with spans, those on screen first, then those below, then those above. */
  paintOrder() {
    const n = this.paras.length;
    const inView = (p) => {
      const r = this.paras[p].getBoundingClientRect();
      return r.bottom < 0 ? -1 : r.top > window.innerHeight ? 1 : 0;
    };
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) { // the first paragraph not above the viewport
      const mid = (lo + hi) >> 1;
      if (inView(mid) < 0) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < n && inView(end) === 0) end++;
    const withSpans = (p) => this.store.byPara[p].size > 0;
    const visible = [];
    for (let p = lo; p < end; p++) if (withSpans(p)) visible.push(p);
    const below = [];
    for (let p = end; p < n; p++) if (withSpans(p)) below.push(p);
    const above = [];
    for (let p = lo - 1; p >= 0; p--) if (withSpans(p)) above.push(p);
    this.onScreenCount = visible.length;
    return visible.concat(below, above);
  }

  paint(p) {
    this.pending?.delete(p);
    if (!this.store.byPara[p].size && !this.paras[p].firstElementChild) return;
    const el = this.renderPara(p);
    this.paras[p].replaceWith(el);
    this.paras[p] = el;
  }

  redraw(paras) {
    for (const p of new Set(paras)) this.paint(p);
  }

  renderPara(p) {
    const { store } = this;
    const start = store.paraStarts[p];
    const end = store.paraStarts[p + 1];
    const el = document.createElement("span");
    el.className = "para";
    el.dataset.p = p;
    const spans = store.spansInPara(p);
    if (!spans.length) {
      el.textContent = store.text.slice(start, end);
      return el;
    }
    const cuts = new Set([start, end]);
    for (const s of spans) {
      if (s.s16 > start) cuts.add(s.s16);
      if (s.e16 < end) cuts.add(s.e16);
    }
    const points = [...cuts].sort((a, b) => a - b);
    spans.sort((a, b) => a.lane - b.lane || a.s16 - b.s16);
    const stack = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const active = spans.filter((s) => s.s16 <= a && s.e16 >= b);
      let k = 0;
      while (k < stack.length && k < active.length && stack[k].span === active[k]) k++;
      stack.length = k;
      let parent = k ? stack[k - 1].el : el;
      for (let j = k; j < active.length; j++) {
        const mark = this.mark(active[j], a === active[j].s16);
        parent.appendChild(mark);
        stack.push({ span: active[j], el: mark });
        parent = mark;
      }
      parent.appendChild(this.textNode(store.text.slice(a, b)));
      for (const item of stack) if (item.span.e16 === b) item.el.classList.add("tail");
    }
    return el;
  }

  /** The node for a piece of text inside the innermost span covering it (a subclass may wrap it). */
  textNode(text) {
    return document.createTextNode(text);
  }

  mark(span, isHead) {
    const mark = document.createElement("mark");
    mark.dataset.spanId = span.id;
    mark.dataset.label = span.label;
    mark.setAttribute("aria-label", `${span.label}: ${this.store.spanText(span)}`);
    let cls = `lane-${Math.min(span.lane, MAX_LANE)}`;
    if (isHead) cls += " head";
    if (span.pending) cls += " pending";
    if (span.status && span.status !== "pending") cls += ` st-${span.status}`;
    if (this.store.missing(span).length) cls += " needs-attrs";
    const extra = this.spanClasses.get(String(span.id));
    if (extra && extra.size) cls += " " + [...extra].join(" ");
    mark.className = cls;
    return mark;
  }

  marks(spanId) {
    return this.root.querySelectorAll(`mark[data-span-id="${CSS.escape(String(spanId))}"]`);
  }

  /** Add or remove a lasting class on a span's elements (kept across redraws). */
  setClass(spanId, cls, on) {
    const id = String(spanId);
    if (!this.spanClasses.has(id)) this.spanClasses.set(id, new Set());
    const set = this.spanClasses.get(id);
    if (on) set.add(cls);
    else set.delete(cls);
    for (const m of this.marks(id)) m.classList.toggle(cls, on);
  }

  /** A span saved under its server id keeps the lasting classes it had under its temporary one ("pick" …). */
  moveClasses(fromId, toId) {
    const set = this.spanClasses.get(String(fromId));
    if (!set) return;
    this.spanClasses.delete(String(fromId));
    this.spanClasses.set(String(toId), set);
  }

  clearClass(cls) {
    for (const [id, set] of this.spanClasses) {
      if (set.delete(cls)) for (const m of this.marks(id)) m.classList.remove(cls);
    }
  }

  /** UTF-16 offset in the whole text of a DOM point inside the text, or null. */
  offsetOf(node, offset) {
    if (node === this.root) {
      return offset >= this.paras.length ? this.store.text.length : this.store.paraStarts[offset];
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const para = el && el.closest(".para");
    if (!para || !this.root.contains(para)) return null;
    const range = document.createRange();
    range.setStart(para, 0);
    range.setEnd(node, offset);
    return this.store.paraStarts[Number(para.dataset.p)] + range.toString().length;
  }

  /** The DOM point (text node, offset) at a UTF-16 offset of the text. */
  pointAt(u) {
    const p = this.store.paraOf(u);
    let rest = u - this.store.paraStarts[p];
    const walker = document.createTreeWalker(this.paras[p], NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (rest <= node.length) return [node, rest];
      rest -= node.length;
      last = node;
    }
    return last ? [last, last.length] : [this.paras[p], 0];
  }

  rangeOf(s16, e16) {
    const range = document.createRange();
    range.setStart(...this.pointAt(s16));
    range.setEnd(...this.pointAt(e16));
    return range;
  }

  /** The selection as [start, end) UTF-16 offsets if it lies in the text and is not empty. */
  selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    const a = this.offsetOf(range.startContainer, range.startOffset);
    const b = this.offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || a === b) return null;
    return [Math.min(a, b), Math.max(a, b)];
  }

  /** [anchor, focus] UTF-16 offsets of the selection when it lies in the text, collapsed or not. */
  selectionPoints() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !this.root.contains(sel.anchorNode) || !this.root.contains(sel.focusNode)) return null;
    const a = this.offsetOf(sel.anchorNode, sel.anchorOffset);
    const f = this.offsetOf(sel.focusNode, sel.focusOffset);
    return a === null || f === null ? null : [a, f];
  }

  /** The element holding UTF-16 offset u (to scroll it into view). */
  pointElement(u) {
    const [node] = this.pointAt(u);
    return node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  }

  select(s16, e16, backwards = false) {
    const sel = window.getSelection();
    const [an, ao] = this.pointAt(backwards ? e16 : s16);
    const [fn, fo] = this.pointAt(backwards ? s16 : e16);
    sel.setBaseAndExtent(an, ao, fn, fo);
  }
}
