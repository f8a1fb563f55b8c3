// Document-level labels on the annotation page: the project's document fields (stance, topics …) for the whole
// text, the caller's own values, saved with their version like spans (a stale one is a 409: the current values
// are shown again).
import { api } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./annotate-dom.js";

export class DocLabels {
  constructor(app, box) {
    this.app = app;
    this.box = box;
    const own = app.doc.doc_labels || { fields: [], values: {}, version: 0, status: "pending" };
    this.fields = own.fields || [];
    this.values = { ...own.values };
    this.version = own.version;
    this.status = own.status;
    this.decided = !!own.locked; // the server's rule: a decision locks an annotator's set, never a reviewer's
    this.tail = Promise.resolve();
    this.pending = 0; // saves under way, and saves done: the page's "Saving…" / "Saved"
    this.saves = 0;
  }

  /** Locked where the page is read-only, and for an annotator once a reviewer decided their values. */
  get locked() {
    return this.app.readonly || this.decided;
  }

  render() {
    if (!this.box || !this.fields.length) return;
    this.box.hidden = false;
    const list = this.box.querySelector(".doc-fields");
    list.replaceChildren(...this.fields.map((f) => this.field(f)));
    const note = this.box.querySelector(".doc-fields-note");
    note.textContent = this.locked && !this.app.readonly ? t("A reviewer has decided these; only a reviewer can change them now.") : "";
  }

  field(f) {
    return control(f, this.values[f.name], { disabled: this.locked, onchange: () => this.save(), prefix: "doc-field" });
  }

  read() {
    const out = {};
    for (const f of this.fields) {
      const value = readControl(this.box.querySelector(`.doc-field[data-field="${CSS.escape(f.name)}"]`), f);
      if (value !== null) out[f.name] = value;
    }
    return out;
  }

  save() {
    const values = this.read();
    this.pending += 1;
    this.app.updateStatus();
    this.tail = this.tail.then(() => this.send(values)).finally(() => {
      this.pending -= 1;
      this.app.updateStatus();
    });
    return this.tail;
  }

  async send(values) {
    try {
      const res = await api.put(`/documents/${this.app.doc.id}/doc-labels`, { values, version: this.version });
      this.take(res);
      this.saves += 1;
      this.app.markInProgress();
      this.app.saved();
    } catch (exc) {
      if (exc.current) {
        this.take(exc.current);
        this.render();
      }
      this.app.failed(exc.status === 409 && exc.code !== "decided"
        ? t("The document labels were changed elsewhere; they are shown as saved now.")
        : t("Document labels not saved: {message}", { message: exc.message }));
    }
  }

  take(res) {
    this.values = { ...res.values };
    this.version = res.version;
    this.status = res.status;
    this.decided = !!res.locked;
  }

  /** After "Done & next" was refused for these fields: say so and put the focus on the first. */
  showMissing(names) {
    this.app.failed(t("Not done: the document needs {fields}", { fields: names.join(", ") }));
    const first = this.box && this.box.querySelector(`.doc-field[data-field="${CSS.escape(names[0])}"]`);
    if (first) {
      first.classList.add("missing");
      const control = first.querySelector("select, input");
      if (control) control.focus();
    }
  }
}

/** A labelled control for one document field holding `value`: a select (one option), checkboxes (several), a
 * checkbox (true/false) or a text box; `onchange` is called on every change. */
export function control(f, value, { disabled = false, onchange = null, prefix = "doc-field" } = {}) {
  const id = `${prefix}-${f.name}`;
  const required = f.required ? h("span", { class: "required", title: t("required") }, " *") : null;
  if (f.type === "choice" && f.multiple) {
    const chosen = new Set(value || []);
    return h("fieldset", { class: "doc-field", dataset: { field: f.name } },
      h("legend", {}, f.name, required),
      ...f.options.map((o) => h("label", { class: "doc-option" },
        h("input", { type: "checkbox", name: `${prefix}-${f.name}`, value: o, checked: chosen.has(o), disabled, onchange }),
        " ", o)));
  }
  const aria = f.required ? "true" : null;
  let input;
  if (f.type === "choice") {
    input = h("select", { id, name: f.name, disabled, "aria-required": aria, onchange },
      h("option", { value: "" }, "—"), ...f.options.map((o) => h("option", { value: o, selected: value === o }, o)));
  } else if (f.type === "bool") {
    input = h("input", { id, type: "checkbox", name: f.name, checked: value === true, disabled, onchange });
  } else {
    input = h("input", { id, type: "text", name: f.name, value: value || "", disabled, maxlength: "2000",
      "aria-required": aria, onchange });
  }
  return h("div", { class: "doc-field", dataset: { field: f.name } }, h("label", { for: id }, f.name, required), " ", input);
}

/** The value a control made by `control` holds, or null when the field is left unset. */
export function readControl(el, f) {
  if (f.type === "choice" && f.multiple) {
    const on = [...el.querySelectorAll("input:checked")].map((x) => x.value);
    return on.length ? on : null;
  }
  if (f.type === "bool") return el.querySelector("input").checked;
  return el.querySelector("select, input").value || null;
}

/** A value as text: options joined by commas, yes/no for true/false, "—" when unset. */
export function shown(value) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return "—";
  if (value === true) return t("yes");
  if (value === false) return t("no");
  return Array.isArray(value) ? value.join(", ") : String(value);
}
