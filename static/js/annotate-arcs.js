// Relation arcs over the text: an SVG layer drawn from the start of the head span to the tail span, for the
// relations near the screen. A click on an arc (or its type) picks the relation: its ends light up, Delete
// removes it. `\` or the "Arcs" box hides and shows them.
import { t } from "./i18n.js";
import { clip, h } from "./annotate-dom.js";

const NS = "http://www.w3.org/2000/svg";
const MARGIN = 400; // px around the viewport whose relations are drawn

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  return el;
}

export class Arcs {
  constructor(app) {
    this.app = app;
    this.selected = null;
    this.toggle_ = document.getElementById("show-arcs");
    this.layer = svg("svg", { class: "arcs", "aria-hidden": "true" },
      svg("defs", {}, svg("marker", { id: "arc-head", viewBox: "0 0 8 8", refX: "7", refY: "4", markerWidth: "7",
        markerHeight: "7", orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L8,4 L0,8 z" }))));
    this.group = svg("g");
    this.layer.appendChild(this.group);
    app.root.parentElement.appendChild(this.layer);
    this.layer.addEventListener("click", (e) => this.onClick(e));
    this.toggle_?.addEventListener("change", () => this.schedule());
    window.addEventListener("scroll", () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(app.root);
    this.frame = null;
  }

  get shown() {
    return !this.toggle_ || this.toggle_.checked;
  }

  toggle() {
    if (this.toggle_) this.toggle_.checked = !this.toggle_.checked;
    this.schedule();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  /** Relations whose head or tail paragraph is near the viewport. */
  visibleRelations() {
    const { store, view } = this.app;
    const near = new Map();
    const visible = (p) => {
      if (!near.has(p)) {
        const r = view.paras[p]?.getBoundingClientRect();
        near.set(p, Boolean(r) && r.bottom > -MARGIN && r.top < window.innerHeight + MARGIN);
      }
      return near.get(p);
    };
    const out = [];
    for (const rel of store.relations.values()) {
      const head = store.span(rel.head);
      const tail = store.span(rel.tail);
      if (head && tail && (visible(store.paraOf(head.s16)) || visible(store.paraOf(tail.s16)))) out.push([rel, head, tail]);
    }
    return out;
  }

  draw() {
    this.layer.classList.toggle("off", !this.shown);
    if (!this.shown) return this.group.replaceChildren();
    const { view, store } = this.app;
    const box = this.layer.parentElement.getBoundingClientRect();
    const items = [];
    for (const [rel, head, tail] of this.visibleRelations()) {
      const hr = firstRect(view.rangeOf(head.s16, head.e16));
      const tr = firstRect(view.rangeOf(tail.s16, tail.e16));
      if (!hr || !tr) continue;
      const x1 = hr.left - box.left + Math.min(6, hr.width / 2);
      const y1 = hr.top - box.top;
      const x2 = tr.left - box.left + tr.width / 2;
      const y2 = tr.top - box.top;
      items.push({ rel, head, tail, x1, y1, x2, y2, span: Math.abs(x2 - x1) + Math.abs(y2 - y1) });
    }
    // shorter arcs lower, longer ones above them, so nested and neighbouring arcs do not lie on each other
    items.sort((a, b) => a.span - b.span);
    const placed = [];
    const paths = items.map((it) => {
      const top = Math.min(it.y1, it.y2);
      const lo = Math.min(it.x1, it.x2);
      const hi = Math.max(it.x1, it.x2);
      let level = 0;
      while (placed.some((p) => p.level === level && Math.abs(p.top - top) < 4 && p.lo < hi && lo < p.hi)) level++;
      placed.push({ level, top, lo, hi });
      const rise = 10 + 5 * Math.min(level, 4);
      const peak = top - rise;
      const d = `M${it.x1},${it.y1} C${it.x1},${peak} ${it.x2},${peak} ${it.x2},${it.y2 - 1}`;
      const selected = String(it.rel.id) === String(this.selected);
      const name = `${it.rel.type}: ${clip(store.spanText(it.head), 30)} → ${clip(store.spanText(it.tail), 30)}`;
      return svg("g", { class: "arc" + (selected ? " selected" : ""), "data-relation-id": String(it.rel.id),
        "data-label": it.head.label },
        svg("title", {}, name),
        svg("path", { class: "arc-hit", d }),
        svg("path", { class: "arc-line", d, "marker-end": "url(#arc-head)" }),
        svg("text", { class: "arc-type", x: String((it.x1 + it.x2) / 2), y: String(peak + rise * 0.25 - 1),
          "text-anchor": "middle" }, it.rel.type));
    });
    this.group.replaceChildren(...paths);
  }

  onClick(e) {
    const g = e.target.closest && e.target.closest("[data-relation-id]");
    if (!g) return;
    e.stopPropagation();
    this.app.selectRelation(g.dataset.relationId);
    this.menu(g.dataset.relationId, e.target.getBoundingClientRect());
  }

  /** Light up a relation (or none) and its two ends. */
  select(id) {
    const { view, store } = this.app;
    const old = this.selected !== null ? store.relations.get(String(this.selected)) : null;
    if (old) {
      view.setClass(old.head, "rel-head", false);
      view.setClass(old.tail, "rel-tail", false);
    }
    this.selected = id === null ? null : String(id);
    const rel = id === null ? null : store.relations.get(String(id));
    if (rel) {
      view.setClass(rel.head, "rel-head", true);
      view.setClass(rel.tail, "rel-tail", true);
    }
    this.schedule();
  }

  menu(id, rect) {
    const { store, pop, readonly } = this.app;
    const rel = store.relations.get(String(id));
    if (!rel) return;
    const head = store.span(rel.head);
    const tail = store.span(rel.tail);
    const title = `${rel.type}: ${clip(store.spanText(head), 24)} → ${clip(store.spanText(tail), 24)}`;
    const items = [
      h("button", { type: "button", role: "menuitem", class: "menu-item", onclick: () => { pop.closeMenu(); this.app.reveal(rel.head); } },
        t("Open the head span")),
      readonly ? null : h("button", { type: "button", role: "menuitem", class: "menu-item arc-delete",
        onclick: () => { pop.closeMenu(); this.app.deleteRelation(id); } }, t("Delete relation")),
    ].filter(Boolean);
    pop.showMenu(title, items, rect);
  }
}

function firstRect(range) {
  const rects = range.getClientRects();
  for (const r of rects) if (r.width > 0) return r;
  return rects[0] || null;
}
