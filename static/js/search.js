// The project search page: a keyword-in-context list of a word or phrase across the project, grouped by
// document, each row ticked unless the user has already marked it with the chosen label; the ticked rows are
// marked in one request. Offsets come from the server in code points and go back to it unchanged.
import { api } from "./api.js";
import { h } from "./annotate-dom.js";
import { t } from "./i18n.js";
import { installPageColours } from "./review-colours.js";

const $ = (id) => document.getElementById(id);

class SearchPage {
  constructor(root) {
    this.project = root.dataset.project;
    this.rows = []; // {hit, el, box, auto}: auto = unticked because already marked with the label
    this.groups = new Map(); // document id -> its <section>
    this.next = null; // the next page's parameters, when there is one
    this.actor = null;
    this.label = $("mark-label");
    $("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.search();
    });
    $("search-more").addEventListener("click", () => this.load(this.next, true));
    $("select-all").addEventListener("click", () => this.tickAll(true));
    $("select-none").addEventListener("click", () => this.tickAll(false));
    $("mark-btn").addEventListener("click", () => this.mark());
    this.label.addEventListener("change", () => this.applyLabel());
    this.label.addEventListener("change", () => this.showAttrs());
    this.showAttrs();
    $("search-results").addEventListener("keydown", (e) => this.onListKey(e));
    $("search-results").addEventListener("change", () => this.count());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !$("mark-bar").hidden) {
        e.preventDefault();
        this.mark();
      }
    });
    new ActorPicker(this);
    if ($("search-q").value.trim()) this.search();
  }

  params() {
    const q = $("search-q").value.trim();
    const lang = $("search-lang").value;
    const forms = $("search-forms").checked ? "1" : "0";
    return { q, lang, forms, page: 1 };
  }

  search() {
    const params = this.params();
    if (!params.q) return $("search-q").focus();
    const url = new URL(window.location.href);
    for (const key of ["q", "lang", "forms"]) url.searchParams.set(key, params[key]);
    if (!params.lang) url.searchParams.delete("lang");
    window.history.replaceState(null, "", url);
    this.load(params, false);
  }

  async load(params, append) {
    const query = new URLSearchParams({ q: params.q, forms: params.forms, page: params.page });
    if (params.lang) query.set("lang", params.lang);
    $("search-summary").textContent = t("Searching…");
    let res;
    try {
      res = await api.get(`/projects/${this.project}/search?${query}`);
    } catch (exc) {
      $("search-summary").textContent = t("The search failed: {message}", { message: exc.message });
      return;
    }
    if (!append) this.reset();
    this.render(res);
    this.next = res.page < res.pages ? { ...params, page: res.page + 1 } : null;
    const shown = this.rows.length;
    $("search-summary").textContent = res.total
      ? t("{total} occurrences in {docs} documents; {shown} shown.", { total: res.total, docs: res.documents_total, shown })
      : t("Nothing found.");
    $("search-more-row").hidden = !this.next;
    $("search-more").textContent = t("Show more ({n} not shown)", { n: res.total - shown });
    $("mark-bar").hidden = !res.total;
    this.showForms(res.forms);
    this.count();
  }

  reset() {
    this.rows = [];
    this.groups.clear();
    $("search-results").replaceChildren();
    $("mark-status").textContent = "";
  }

  showForms(forms) {
    const el = $("search-forms-used");
    const langs = Object.entries(forms);
    el.hidden = !langs.length;
    el.querySelector("summary").textContent = t("Forms searched: {counts}", {
      counts: langs.map(([lang, words]) => `${lang} ${words.reduce((n, w) => n + w.length, 0)}`).join(", ") });
    el.querySelector("p").textContent = langs.map(([lang, words]) => `${lang}: ${words.map((w) => w.join(", ")).join(" + ")}`).join("; ");
  }

  render(res) {
    const docs = new Map(res.documents.map((d) => [d.id, d]));
    for (const hit of res.hits) {
      const list = this.group(docs.get(hit.document) || { id: hit.document, title: "", lang: "", count: 0 });
      const row = { hit, auto: false };
      row.box = h("input", { type: "checkbox", class: "kwic-tick", checked: true,
        "aria-label": t("Mark “{text}”", { text: hit.text }) });
      row.note = h("span", { class: "kwic-note muted" });
      row.el = h("li", { class: "kwic-row", dataset: { document: hit.document, start: hit.start, end: hit.end } },
        h("label", { class: "kwic" }, row.box,
          h("span", { class: "kwic-left" }, h("span", {}, flat(hit.left))),
          h("a", { class: "kwic-go", href: `/documents/${hit.document}?at=${hit.start}-${hit.end}`,
            title: t("Open the document at this place") }, h("mark", { class: "kwic-hit" }, flat(hit.text))),
          h("span", { class: "kwic-right" }, flat(hit.right))),
        row.note);
      list.appendChild(row.el);
      this.rows.push(row);
      this.applyLabelTo(row);
    }
  }

  group(doc) {
    if (!this.groups.has(doc.id)) {
      const list = h("ul", { class: "kwic-list plain" });
      const section = h("section", { class: "search-doc", dataset: { document: doc.id } },
        h("h2", {}, h("a", { href: `/documents/${doc.id}`, lang: doc.lang || null }, doc.title || t("(untitled)")),
          " ", h("span", { class: "lang" }, doc.lang), " ",
          h("span", { class: "count muted" }, t("{n} in this document", { n: doc.count }))),
        list);
      $("search-results").appendChild(section);
      this.groups.set(doc.id, list);
    }
    return this.groups.get(doc.id);
  }

  // A row already marked with the chosen label is shown so and left unticked; changing the label ticks again
  // the rows that were unticked only for that reason.
  applyLabel() {
    for (const row of this.rows) this.applyLabelTo(row);
    this.count();
  }

  applyLabelTo(row) {
    const label = this.label.value;
    const covered = row.hit.marked.includes(label);
    if (covered && row.box.checked) {
      row.box.checked = false;
      row.auto = true;
    } else if (!covered && row.auto) {
      row.box.checked = true;
      row.auto = false;
    }
    row.el.classList.toggle("covered", covered);
    row.el.dataset.label = covered ? label : "";
    row.note.textContent = covered ? t("already marked {label}", { label }) : "";
  }

  tickAll(on) {
    for (const row of this.rows) {
      row.box.checked = on;
      row.auto = false;
    }
    this.count();
  }

  chosen() {
    return this.rows.filter((r) => r.box.checked);
  }

  count() {
    $("mark-count").textContent = `(${this.chosen().length})`;
  }

  onListKey(e) {
    const boxes = this.rows.map((r) => r.box);
    const i = boxes.indexOf(document.activeElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = i < 0 ? 0 : Math.min(boxes.length - 1, Math.max(0, i + (e.key === "ArrowDown" ? 1 : -1)));
      boxes[next]?.focus();
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      const key = e.key.toLowerCase();
      if (key === "a" || key === "n") this.tickAll(key === "a");
      else if (key === "m") this.mark();
      else return;
      e.preventDefault();
    }
  }

  /** The chosen label's attributes (if it has any) are asked for beside it. */
  showAttrs() {
    for (const box of document.querySelectorAll(".mark-attrs")) box.hidden = box.dataset.label !== this.label.value;
  }

  /** {name: value} of the shown attribute fields, or null (with the first missing required field focused). */
  attrs() {
    const box = [...document.querySelectorAll(".mark-attrs")].find((b) => !b.hidden);
    const out = {};
    for (const input of box ? box.querySelectorAll("[data-attr]") : []) {
      if (input.dataset.type === "bool") out[input.dataset.attr] = input.checked;
      else if (input.value.trim()) out[input.dataset.attr] = input.value.trim();
      else if (input.required) {
        $("mark-status").dataset.state = "error";
        $("mark-status").textContent = t("{label} needs its {name} attribute.", { label: this.label.value, name: input.dataset.attr });
        input.focus();
        return null;
      }
    }
    return out;
  }

  async mark() {
    const rows = this.chosen();
    const status = $("mark-status");
    if (!rows.length) {
      status.textContent = t("Tick at least one occurrence.");
      return;
    }
    const label = this.label.value;
    const attrs = this.attrs();
    if (attrs === null) return;
    const body = { label, occurrences: rows.map((r) => ({ document: r.hit.document, start: r.hit.start, end: r.hit.end })) };
    if (Object.keys(attrs).length) body.attrs = attrs;
    if (this.actor) body.actor = this.actor.id;
    status.dataset.state = "saving";
    status.textContent = t("Marking…");
    try {
      const res = await api.post(`/projects/${this.project}/search/mark`, body);
      for (const row of rows) {
        if (!row.hit.marked.includes(label)) row.hit.marked.push(label);
        row.box.checked = false;
        row.auto = true;
        this.applyLabelTo(row);
      }
      status.dataset.state = "saved";
      status.textContent = t("Marked: {made}. Skipped as already marked: {skipped}.", { made: res.created, skipped: res.skipped });
    } catch (exc) {
      status.dataset.state = "error";
      status.textContent = t("Nothing was marked: {message}", { message: exc.message });
    }
    this.count();
  }
}

/** The optional actor: a search box over the project's registry (the API the annotation page uses). */
class ActorPicker {
  constructor(page) {
    this.page = page;
    this.input = $("mark-actor");
    this.list = $("mark-actor-results");
    this.input.addEventListener("input", () => this.find());
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.list.addEventListener("click", (e) => {
      const item = e.target.closest("[data-actor-id]");
      if (item) this.choose({ id: Number(item.dataset.actorId), name: item.dataset.name });
    });
    $("mark-actor-clear").addEventListener("click", () => this.choose(null));
  }

  find() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const q = this.input.value.trim();
      let actors = [];
      if (q) {
        try {
          actors = (await api.get(`/projects/${this.page.project}/actors?q=${encodeURIComponent(q)}&limit=8`)).actors;
        } catch {
          actors = [];
        }
      }
      this.list.replaceChildren(...actors.map((a) => h("li", {
        role: "option", class: "actor-option", tabindex: "-1", dataset: { actorId: a.id, name: a.name } },
      h("span", { class: "actor-name" }, a.name), " ", h("span", { class: "muted" }, a.kind || ""))));
      this.input.setAttribute("aria-expanded", actors.length ? "true" : "false");
    }, 120);
  }

  onKey(e) {
    const options = [...this.list.querySelectorAll(".actor-option")];
    const i = options.findIndex((o) => o.classList.contains("active"));
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && options.length) {
      e.preventDefault();
      const next = (i + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      options.forEach((o, k) => o.classList.toggle("active", k === next));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (options.length) (options[i] || options[0]).click();
    } else if (e.key === "Escape") {
      this.list.replaceChildren();
    }
  }

  choose(actor) {
    this.page.actor = actor;
    this.list.replaceChildren();
    this.input.value = "";
    this.input.setAttribute("aria-expanded", "false");
    const chosen = $("mark-actor-chosen");
    chosen.hidden = !actor;
    chosen.querySelector(".actor-name").textContent = actor ? actor.name : "";
    this.input.hidden = Boolean(actor);
    (actor ? $("mark-actor-clear") : this.input).focus();
  }
}

function flat(text) {
  return text.replace(/\s+/g, " ");
}

installPageColours();
new SearchPage($("search-app"));
document.documentElement.dataset.searchReady = "1";
