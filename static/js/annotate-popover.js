// Floating boxes over the text: the span editor, the chooser where spans overlap, the relation-type menu,
// and picking a relation's tail with the keyboard.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { clip, h, placeNear } from "./annotate-dom.js";

export class Popovers {
  constructor(app) {
    this.app = app;
    this.box = null; // the span editor
    this.menu = null; // chooser or relation menu
    this.picking = null; // {head, candidates, index}
    this.actorTimer = null;
    document.addEventListener("mousedown", (e) => {
      if (this.menu && this.menu.contains(e.target)) return;
      this.closeMenu();
      if (this.box && !this.box.contains(e.target) && !e.target.closest("#doc-text, .span-item, .relation, .toasts")) {
        this.app.deselect();
      }
    });
  }

  escape() {
    if (this.menu) return this.closeMenu(), true;
    if (this.picking) return this.stopPick(), true;
    if (this.box) return this.app.deselect(), true;
    return false;
  }

  closeAll() {
    this.closeMenu();
    this.stopPick();
    if (!this.box) return;
    const hadFocus = this.box.contains(document.activeElement);
    this.box.remove();
    this.box = null;
    if (hadFocus) this.giveBack();
  }

  /** The focus goes back to the text, at the caret, when a box that held it closes. */
  giveBack() {
    const { root, caret } = this.app;
    root.focus({ preventScroll: true });
    caret.show(false);
  }

  closeMenu() {
    if (!this.menu) return;
    const hadFocus = this.menu.contains(document.activeElement);
    this.menu.remove();
    this.menu = null;
    if (!hadFocus) return;
    if (this.menuReturn && this.menuReturn.isConnected && this.menuReturn !== document.body) this.menuReturn.focus({ preventScroll: true });
    else this.giveBack();
  }

  // --- the span editor -------------------------------------------------------------------------

  /** The span editor next to its mark; with `focus` it takes the focus (the missing required field first). */
  open(span, anchorEl, focus = false) {
    if (this.box) this.box.remove();
    this.box = h("div", { class: "popover span-pop", role: "dialog", tabindex: "-1",
      "aria-label": `${t("edit_span", {}, "Edit span")}: ${span.label} ${clip(this.app.store.spanText(span), 60)}`,
      dataset: { spanId: span.id } });
    this.fill(span);
    document.body.appendChild(this.box);
    placeNear(this.box, anchorEl.getBoundingClientRect());
    if (focus) (this.box.querySelector(".pop-field.missing select, .pop-field.missing input") || this.box).focus({ preventScroll: true });
  }

  refresh(id) {
    if (!this.box || String(this.box.dataset.spanId) !== String(id)) {
      const alias = this.box && this.app.resolve(this.box.dataset.spanId);
      if (!this.box || String(alias) !== String(id)) return;
    }
    const span = this.app.store.span(id);
    if (!span) return this.app.deselect();
    const focused = document.activeElement && this.box.contains(document.activeElement) ? document.activeElement.name : null;
    this.box.dataset.spanId = span.id;
    this.fill(span);
    if (focused) this.box.querySelector(`[name="${CSS.escape(focused)}"]`)?.focus();
  }

  fill(span) {
    const { app } = this;
    const labelDef = app.store.labels.get(span.label) || { attributes: [] };
    const readonly = app.readonly;
    const parts = [
      h("div", { class: "pop-head" },
        h("span", { class: "label-chip", dataset: { label: span.label } }, span.label),
        h("q", { class: "pop-text" }, clip(app.store.spanText(span), 80)),
        h("button", { type: "button", class: "pop-close", "aria-label": t("Close"),
          onclick: () => app.deselect() }, "×")),
    ];
    if (span.pending) parts.push(h("p", { class: "muted pop-note" }, t("Saving…")));
    if (!readonly) {
      parts.push(h("div", { class: "pop-labels", role: "group", "aria-label": t("Label") },
        [...app.store.labels.values()].map((l) => h("button", {
          type: "button", class: "label-btn small" + (l.name === span.label ? " current" : ""),
          dataset: { label: l.name }, "aria-pressed": String(l.name === span.label),
          onclick: () => l.name !== span.label && app.updateSpan(span.id, { label: l.name }),
        }, h("span", { class: "swatch" }), l.name))));
    }
    const attrs = (labelDef.attributes || []).map((a) => this.attrField(span, a, readonly));
    if (attrs.length) parts.push(h("div", { class: "pop-attrs" }, attrs));
    if (labelDef.actor ?? (span.label === "ACTOR" || span.actor)) parts.push(this.actorField(span, readonly));
    const rels = this.relationsField(span);
    if (rels) parts.push(rels);
    if (!readonly) {
      parts.push(h("div", { class: "pop-foot" },
        h("span", { class: "muted hint" }, t("Shift+click another span (or R) to link")),
        h("button", { type: "button", class: "small danger pop-delete", onclick: () => app.deleteSpan(span.id) },
          t("Delete"))));
    }
    this.box.replaceChildren(...parts);
  }

  attrField(span, attr, readonly) {
    const value = (span.attrs || {})[attr.name];
    const id = `attr-${attr.name}`;
    const save = (v) => {
      const attrs = { ...(this.app.store.span(span.id)?.attrs || span.attrs) };
      if (v === null || v === "") delete attrs[attr.name];
      else attrs[attr.name] = v;
      this.app.updateSpan(span.id, { attrs });
    };
    let input;
    if (attr.type === "choice") {
      input = h("select", { id, name: attr.name, disabled: readonly, onchange: (e) => save(e.target.value || null) },
        h("option", { value: "" }, "—"),
        (attr.options || []).map((o) => h("option", { value: o, selected: o === value }, o)));
    } else if (attr.type === "bool") {
      input = h("input", { type: "checkbox", id, name: attr.name, checked: value === true, disabled: readonly,
        onchange: (e) => save(e.target.checked) });
      return h("label", { class: "pop-field check", for: id }, input, " ", attr.name);
    } else {
      input = h("input", { type: "text", id, name: attr.name, value: value ?? "", disabled: readonly,
        onchange: (e) => save(e.target.value) });
      input.addEventListener("keydown", (e) => e.key === "Enter" && e.target.blur());
    }
    const missing = attr.required && (value === undefined || value === null || value === "");
    return h("div", { class: "pop-field" + (missing ? " missing" : "") },
      h("label", { for: id }, attr.name, attr.required ? " *" : ""), input);
  }

  actorField(span, readonly) {
    const { app } = this;
    const wrap = h("div", { class: "pop-actor" }, h("div", { class: "pop-sub" }, t("Actor")));
    if (span.actor) {
      wrap.appendChild(h("div", { class: "actor-linked" },
        h("span", { class: "actor-name" }, span.actor.name),
        readonly ? null : h("button", { type: "button", class: "small", onclick: () => app.updateSpan(span.id, { actor: null }) },
          t("Unlink"))));
      return wrap;
    }
    if (readonly) return wrap;
    const list = h("ul", { class: "actor-results", role: "listbox" });
    const input = h("input", { type: "search", name: "actor-q", class: "actor-q", autocomplete: "off",
      placeholder: t("Find an actor…"), "aria-label": t("Find an actor…") });
    const text = app.store.spanText(span).trim();
    input.addEventListener("input", () => this.searchActors(input.value, list, span));
    input.addEventListener("keydown", (e) => this.onActorKey(e, list));
    list.addEventListener("click", (e) => {
      const item = e.target.closest("[data-actor-id]");
      if (item) app.updateSpan(span.id, { actor: { id: Number(item.dataset.actorId), name: item.dataset.name } });
    });
    wrap.append(input, list,
      h("button", { type: "button", class: "small actor-new", onclick: () => this.newActor(span, text) },
        t("New actor “{name}”", { name: clip(text, 30) })));
    this.searchActors(text, list, span);
    return wrap;
  }

  searchActors(query, list, span) {
    clearTimeout(this.actorTimer);
    this.actorTimer = setTimeout(async () => {
      const q = query.trim();
      if (!q) return list.replaceChildren();
      try {
        const res = await api.get(`/projects/${this.app.doc.project}/actors?q=${encodeURIComponent(q)}`);
        if (!list.isConnected) return;
        list.replaceChildren(...res.actors.slice(0, 8).map((a) => h("li", {
          role: "option", tabindex: "-1", class: "actor-option", dataset: { actorId: a.id, name: a.name } },
        h("span", { class: "actor-name" }, a.name), " ", h("span", { class: "muted" }, a.kind || ""),
        h("span", { class: "muted actor-names" }, otherNames(a)))));
      } catch {
        list.replaceChildren();
      }
    }, 120);
  }

  onActorKey(e, list) {
    const options = [...list.querySelectorAll(".actor-option")];
    if (!options.length) return;
    const index = options.findIndex((o) => o.classList.contains("active"));
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (index + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      options.forEach((o, i) => o.classList.toggle("active", i === next));
    } else if (e.key === "Enter") {
      e.preventDefault();
      (options[index] || options[0]).click();
    }
  }

  async newActor(span, name) {
    const labelKind = (span.attrs || {}).kind;
    try {
      const actor = await api.post(`/projects/${this.app.doc.project}/actors`, { name, kind: labelKind || "person", lang: this.app.doc.lang });
      this.app.updateSpan(span.id, { actor: { id: actor.id, name: actor.name } });
    } catch (exc) {
      this.app.failed(t("The actor was not created: {message}", { message: exc.message }));
    }
  }

  relationsField(span) {
    const { store } = this.app;
    const rels = store.relationsOf(span.id);
    if (!rels.length) return null;
    return h("ul", { class: "pop-rels" }, rels.map((r) => {
      const outgoing = String(r.head) === String(span.id);
      const other = store.span(outgoing ? r.tail : r.head);
      return h("li", {}, outgoing ? `${r.type} → ` : `← ${r.type} `,
        other ? h("span", { class: "rel-end", dataset: { label: other.label } }, clip(store.spanText(other), 30)) : "?",
        this.app.readonly ? null : h("button", { type: "button", class: "small rel-delete", "aria-label": t("Delete relation"),
          onclick: () => this.app.deleteRelation(r.id) }, "×"));
    }));
  }

  // --- small menus -----------------------------------------------------------------------------

  showMenu(title, items, rect) {
    this.closeMenu();
    this.menuReturn = document.activeElement;
    this.menu = h("div", { class: "popover menu", role: "menu", "aria-label": title }, h("div", { class: "menu-title" }, title), items);
    this.menu.addEventListener("keydown", (e) => {
      const buttons = [...this.menu.querySelectorAll("button")];
      const i = buttons.indexOf(document.activeElement);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        buttons[(i + (e.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length].focus();
      }
    });
    document.body.appendChild(this.menu);
    placeNear(this.menu, rect);
    if (this.box && !this.box.classList.contains("hidden")) beside(this.menu, this.box);
    this.menu.querySelector("button")?.focus();
  }

  /** Several spans under one click: list them, innermost first. */
  chooser(spans, rect, onChoose) {
    const { store } = this.app;
    this.showMenu(t("Which span?"), spans.map((s) => h("button", {
      type: "button", role: "menuitem", class: "menu-item", dataset: { spanId: s.id },
      onclick: (e) => { const shift = e.shiftKey; this.closeMenu(); onChoose(s, shift); },
    }, h("span", { class: "label-chip", dataset: { label: s.label } }, s.label), " ", clip(store.spanText(s), 40))), rect);
  }

  relationMenu(types, rect, onChoose) {
    this.showMenu(t("Relation type"), types.map((rel) => h("button", {
      type: "button", role: "menuitem", class: "menu-item", title: rel.description || "",
      onclick: () => { this.closeMenu(); onChoose(rel.name); },
    }, rel.name)), rect);
  }

  // --- picking a tail with the keyboard --------------------------------------------------------

  startPick(head) {
    const { store, view } = this.app;
    const candidates = [...store.spans.values()].filter((s) => s !== head &&
      (store.relationTypes(head.label, s.label).length || store.relationTypes(s.label, head.label).length));
    if (!candidates.length) {
      this.app.failed(t("No span here can be linked to this one."));
      return;
    }
    candidates.sort((a, b) => Math.abs(a.s16 - head.s16) - Math.abs(b.s16 - head.s16));
    if (this.box) this.box.classList.add("hidden");
    this.picking = { head, candidates, index: 0 };
    document.body.classList.add("picking");
    this.pickToast = this.app.toastInfo(t("Pick the other span: ←/→ or Tab to move, Enter to link, Esc to stop"));
    this.movePick(0);
    view.root.focus({ preventScroll: true });
  }

  movePick(delta) {
    const p = this.picking;
    const { view } = this.app;
    view.clearClass("pick");
    p.index = (p.index + delta + p.candidates.length) % p.candidates.length;
    const id = this.app.resolve(p.candidates[p.index].id); // saved since the pick began: its server id
    view.setClass(id, "pick", true);
    view.marks(id)[0]?.scrollIntoView({ block: "nearest" });
  }

  onPickKey(e) {
    if (e.key === "ArrowRight" || e.key === "ArrowDown" || (e.key === "Tab" && !e.shiftKey)) this.movePick(1);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp" || e.key === "Tab") this.movePick(-1);
    else if (e.key === "Enter") this.finishPick(this.picking.candidates[this.picking.index]);
    else return false;
    return true;
  }

  finishPick(tail) {
    const { head } = this.picking;
    this.stopPick();
    this.app.relate(head, tail);
  }

  stopPick() {
    if (!this.picking) return;
    this.picking = null;
    this.pickToast?.remove();
    this.app.view.clearClass("pick");
    document.body.classList.remove("picking");
    if (this.box) this.box.classList.remove("hidden");
  }
}

/** Move a menu off the span editor when they overlap: to its right, else to its left, else below it. */
function beside(menu, box) {
  const a = menu.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom) return;
  let left;
  let top = Math.max(8, Math.min(b.top, window.innerHeight - a.height - 8));
  if (b.right + 6 + a.width < window.innerWidth - 8) left = b.right + 6;
  else if (b.left - 6 - a.width > 8) left = b.left - 6 - a.width;
  else [left, top] = [b.left, b.bottom + 6];
  menu.style.left = `${left + window.scrollX}px`;
  menu.style.top = `${top + window.scrollY}px`;
}

function otherNames(actor) {
  const names = Object.values(actor.names || {}).flat().filter((n) => n !== actor.name);
  return names.length ? ` · ${clip(names.join(", "), 40)}` : "";
}
