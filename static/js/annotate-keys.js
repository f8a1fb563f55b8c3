// The keyboard caret in the text: where it is (it follows clicks), moving it by word, line and paragraph,
// drawing it (read-only text shows no native caret), and `/` to find text and jump to it.
import { t } from "./i18n.js";
import { h } from "./annotate-dom.js";
import { isWordChar, nextWordEnd, prevWordStart } from "./annotate-words.js";

export class Caret {
  constructor(app) {
    this.app = app;
    this.anchor = 0;
    this.focus = 0;
    this.goalX = null; // kept over consecutive ↑/↓ presses
    this.bar = h("span", { class: "kbd-caret", "aria-hidden": "true", hidden: true });
    app.root.parentElement.appendChild(this.bar);
  }

  get collapsed() {
    return this.anchor === this.focus;
  }

  set(anchor, focus = anchor) {
    this.anchor = anchor;
    this.focus = focus;
  }

  /** Take the position from the DOM selection (after a click or a drag), collapsed or not. */
  fromSelection() {
    const points = this.app.view.selectionPoints();
    if (points) this.set(...points);
    return Boolean(points);
  }

  /** Move (or with `extend`, grow the selection) by one step; returns true when the key was one of ours. */
  move(key, extend, byParagraph) {
    const { store } = this.app;
    const text = store.text;
    let to = null;
    if (key === "ArrowRight") to = nextWordEnd(text, this.focus);
    else if (key === "ArrowLeft") to = prevWordStart(text, this.focus);
    else if ((key === "ArrowDown" || key === "ArrowUp") && byParagraph) to = this.paragraphStep(key === "ArrowDown" ? 1 : -1);
    else if (key === "ArrowDown" || key === "ArrowUp") to = this.lineStep(key === "ArrowDown" ? 1 : -1);
    else if (key === "Home" || key === "End") {
      const p = store.paraOf(this.focus);
      const end = Math.max(store.paraStarts[p], store.paraStarts[p + 1] - (text[store.paraStarts[p + 1] - 1] === "\n" ? 1 : 0));
      to = key === "Home" ? store.paraStarts[p] : end;
    } else return false;
    if (key !== "ArrowDown" && key !== "ArrowUp") this.goalX = null;
    if (extend && this.collapsed && key === "ArrowRight") {
      // growing from a bare caret starts at the next word, not at the comma or space before it
      let a = this.focus;
      while (a < to && !isWordChar(text, a)) a++;
      this.set(a, to);
    } else if (extend) this.focus = to;
    else this.set(to);
    this.show();
    return true;
  }

  /** The start of the next (or this/previous) paragraph that has text. */
  paragraphStep(dir) {
    const { store } = this.app;
    const text = store.text;
    let p = store.paraOf(this.focus);
    if (dir < 0 && this.focus > store.paraStarts[p]) return store.paraStarts[p];
    for (p += dir; p >= 0 && p < store.paraCount; p += dir) {
      if (text.slice(store.paraStarts[p], store.paraStarts[p + 1]).trim()) return store.paraStarts[p];
    }
    return dir > 0 ? text.length : 0;
  }

  /** The word start on the line above or below, near the same x (what an editor's ↑/↓ does). */
  lineStep(dir) {
    const { view, store } = this.app;
    let rect = this.rectAt(this.focus);
    if (!rect) return this.focus;
    if (rect.top < 40 || rect.bottom > window.innerHeight - 40) {
      view.pointElement(this.focus)?.scrollIntoView({ block: "center" });
      rect = this.rectAt(this.focus);
    }
    const lineHeight = parseFloat(getComputedStyle(this.app.root).lineHeight) || rect.height * 2;
    if (this.goalX === null) this.goalX = rect.left;
    const y0 = (rect.top + rect.bottom) / 2;
    for (let step = 1; step <= 4; step++) {
      const y = y0 + dir * lineHeight * step;
      if (y < 0 || y > window.innerHeight) {
        window.scrollBy(0, dir * lineHeight * 2);
        return this.lineStep(dir);
      }
      const hit = document.caretRangeFromPoint(this.goalX, y);
      if (!hit || !this.app.root.contains(hit.startContainer)) continue;
      let u = view.offsetOf(hit.startContainer, hit.startOffset);
      if (u === null || u === this.focus) continue;
      if ((dir > 0 && u < this.focus) || (dir < 0 && u > this.focus)) continue;
      const top = this.rectAt(u)?.top ?? rect.top;
      if (dir * (top - rect.top) < lineHeight / 2) continue; // still on this line (below the last one)
      if (!isWordChar(store.text, u) || isWordChar(store.text, u - 1)) {
        // not at a word's start: the start of the word there (or of the line's last word, past its end)
        const w = prevWordStart(store.text, u);
        if (dir < 0 || w > this.focus) u = w;
      }
      return u;
    }
    return dir > 0 ? store.text.length : 0;
  }

  rectAt(u) {
    const range = this.app.view.rangeOf(u, u);
    const rects = range.getClientRects();
    return rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
  }

  /** Put the DOM selection (and the drawn caret) where the caret is, and scroll it into view. */
  show(scroll = true) {
    const { view } = this.app;
    view.select(Math.min(this.anchor, this.focus), Math.max(this.anchor, this.focus), this.focus < this.anchor);
    if (scroll) {
      const rect = this.rectAt(this.focus);
      if (rect && (rect.bottom > window.innerHeight - 20 || rect.top < 60)) {
        view.pointElement(this.focus)?.scrollIntoView({ block: "center" });
      }
    }
    this.draw();
    this.app.onSelectionChange();
  }

  /** Draw the caret bar where the selection is collapsed and the text has the focus. */
  draw() {
    const root = this.app.root;
    const visible = this.collapsed && document.activeElement === root && !window.getSelection().toString();
    this.bar.hidden = !visible;
    if (!visible) return;
    const rect = this.rectAt(this.focus);
    const box = root.parentElement.getBoundingClientRect();
    if (!rect) return;
    this.bar.style.left = `${rect.left - box.left}px`;
    this.bar.style.top = `${rect.top - box.top}px`;
    this.bar.style.height = `${Math.max(rect.height, 16)}px`;
  }
}

/** `/`: a small find box over the text; typing finds from the caret on, Enter selects the match (widened to
 * whole words), Shift+Enter grows the selection from where it starts to the match's end. */
export class Finder {
  constructor(app) {
    this.app = app;
    this.box = null;
    this.matches = [];
    this.index = 0;
    const text = app.store.text;
    const lower = text.toLowerCase();
    this.haystack = lower.length === text.length ? lower : text;
    this.fold = lower.length === text.length;
  }

  open() {
    if (this.box) return this.input.focus();
    this.returnTo = document.activeElement;
    this.input = h("input", { type: "search", class: "find-input", autocomplete: "off",
      "aria-label": t("Find in the text"), placeholder: t("Find in the text") });
    this.count = h("span", { class: "find-count muted", role: "status" });
    this.box = h("div", { class: "find-box", role: "search" }, this.input, this.count);
    this.input.addEventListener("input", () => this.search());
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.app.root.parentElement.insertBefore(this.box, this.app.root);
    this.input.focus();
  }

  search() {
    const q = this.fold ? this.input.value.toLowerCase() : this.input.value;
    this.matches = [];
    if (q.trim()) {
      for (let i = this.haystack.indexOf(q); i !== -1 && this.matches.length < 5000; i = this.haystack.indexOf(q, i + 1)) {
        this.matches.push([i, i + q.length]);
      }
    }
    const from = this.app.caret.focus;
    this.index = Math.max(0, this.matches.findIndex(([s]) => s >= from));
    this.showMatch();
  }

  showMatch() {
    CSS.highlights?.delete("find-hit");
    const match = this.matches[this.index];
    this.count.textContent = this.matches.length
      ? t("{i} of {n}", { i: this.index + 1, n: this.matches.length })
      : (this.input.value.trim() ? t("not found") : "");
    if (!match) return;
    const range = this.app.view.rangeOf(...match);
    if (window.Highlight) CSS.highlights.set("find-hit", new Highlight(range));
    const el = this.app.view.pointElement(match[0]);
    const rect = range.getBoundingClientRect();
    if (el && (rect.top < 80 || rect.bottom > window.innerHeight - 20)) el.scrollIntoView({ block: "center" });
  }

  onKey(e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.matches.length) return;
      const step = e.key === "ArrowUp" ? -1 : 1;
      this.index = (this.index + step + this.matches.length) % this.matches.length;
      this.showMatch();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const match = this.matches[this.index];
      this.close(false);
      if (match) this.app.jumpTo(match[0], match[1], e.shiftKey);
      else this.app.root.focus({ preventScroll: true });
    }
  }

  /** Close; Escape gives the focus back to where it was. */
  close(restore = true) {
    if (!this.box) return false;
    CSS.highlights?.delete("find-hit");
    this.box.remove();
    this.box = null;
    if (restore) (this.returnTo && this.returnTo.isConnected ? this.returnTo : this.app.root).focus({ preventScroll: true });
    return true;
  }
}
