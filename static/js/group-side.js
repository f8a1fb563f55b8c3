// The side panels of the group page: the selected span with its projection, a whole document's
// projection suggestions, and the divergences between versions.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { clip, h } from "./group-view.js";
import { reasonText } from "./reasons.js";

function chip(label) {
  return h("span", { class: "label-chip", dataset: { label } }, label);
}

function lang(doc) {
  return h("span", { class: "lang" }, doc.lang);
}

function quote(text) {
  return h("span", { class: "gv-quote" }, `«${clip(text, 60)}»`);
}

/** The clicked span: its counterparts, and suggestions for the versions it is missing from. */
export class SpanPanel {
  constructor(page, el) {
    this.page = page;
    this.el = el;
    this.spanId = null;
    this.suggestions = null;
    this.loading = false;
  }

  show(spanId) {
    if (spanId !== this.spanId) this.suggestions = null;
    this.spanId = spanId;
    this.render();
  }

  render() {
    const { model } = this.page;
    const span = this.spanId === null ? null : model.span(this.spanId);
    if (!span) {
      this.el.replaceChildren(h("p", { class: "hint muted" },
        t("Click a highlighted span to see its counterparts and project it to the other versions.")));
      return;
    }
    const doc = model.doc(span.doc);
    const linked = model.linked(span.id);
    const missing = model.docs.filter((d) => d.id !== doc.id && !linked.some((s) => s.doc === d.id));
    const parts = [
      h("div", { class: "gv-span-head" }, chip(span.label), lang(doc), quote(span.text || doc.text.slice(span.s16, span.e16))),
    ];
    if (linked.length) {
      parts.push(h("div", { class: "pop-sub" }, t("Linked counterparts")),
        h("ul", { class: "gv-list" }, linked.map((s) => h("li", {},
          h("button", { type: "button", class: "gv-entry", dataset: { reveal: s.id } },
            chip(s.label), lang(model.doc(s.doc)), quote(s.text || ""))))));
    }
    if (missing.length) {
      parts.push(h("div", { class: "gv-actions" },
        h("button", { type: "button", class: "small primary", id: "gv-project", disabled: this.loading },
          t("Project to other versions"))));
    } else {
      parts.push(h("p", { class: "hint muted" }, t("Linked in every version.")));
    }
    if (this.suggestions) parts.push(this.suggestionList(missing));
    this.el.replaceChildren(...parts);
    this.el.querySelector("#gv-project")?.addEventListener("click", () => this.fetch());
    this.bindReveal();
  }

  bindReveal() {
    for (const btn of this.el.querySelectorAll("[data-reveal]")) {
      btn.addEventListener("click", () => this.page.revealSpan(Number(btn.dataset.reveal)));
    }
  }

  suggestionList(missing) {
    const { model } = this.page;
    const wanted = new Set(missing.map((d) => d.id));
    const items = this.suggestions.filter((s) => wanted.has(s.doc));
    if (!items.length) return h("p", { class: "hint muted" }, t("No suggestions left."));
    return h("ul", { class: "gv-list gv-suggestions" }, items.map((s) => {
      const doc = model.doc(s.doc);
      if (s.error) {
        return h("li", { class: "gv-sugg error", dataset: { doc: s.doc } }, lang(doc), h("span", { class: "muted" }, reasonText(s.error)));
      }
      const accept = h("button", { type: "button", class: "small primary", dataset: { act: "accept" } }, t("Accept"));
      const reject = h("button", { type: "button", class: "small", dataset: { act: "reject" } }, t("Reject"));
      accept.addEventListener("click", () => this.accept(s, accept));
      reject.addEventListener("click", () => this.reject(s));
      return h("li", { class: "gv-sugg", dataset: { doc: s.doc } },
        h("div", {}, lang(doc), quote(s.text)),
        h("div", { class: "gv-sugg-foot" }, h("span", { class: "muted gv-reason" }, reasonText(s.reason)), accept, reject));
    }));
  }

  async fetch() {
    const id = this.spanId;
    this.loading = true;
    this.render();
    try {
      const res = await api.get(`/spans/${id}/projection`);
      const { model } = this.page;
      if (this.spanId === id) this.suggestions = res.suggestions.sort((a, b) => model.column(a.doc) - model.column(b.doc));
    } catch (err) {
      this.page.showError(err);
    } finally {
      this.loading = false;
      this.render();
    }
  }

  async accept(s, button) {
    button.disabled = true;
    if (await this.page.acceptProjection(this.spanId, s)) this.reject(s);
    else button.disabled = false;
  }

  reject(s) {
    if (this.suggestions) this.suggestions = this.suggestions.filter((x) => x !== s);
    this.render();
  }
}

/** Every span of one version not yet linked into the others, with a suggestion to accept or reject. */
export class BulkPanel {
  constructor(page, box) {
    this.page = page;
    this.box = box;
    this.el = box.querySelector(".gv-bulk");
    this.items = [];
    this.source = null;
  }

  async open(docId) {
    const { model } = this.page;
    this.source = model.doc(docId);
    this.items = null;
    this.box.hidden = false;
    this.render();
    this.box.scrollIntoView({ block: "nearest" });
    try {
      const targets = model.docs.filter((d) => d.id !== this.source.id);
      const lists = await Promise.all(targets.map((d) => api.get(`/documents/${this.source.id}/projection?to=${d.id}`)));
      this.items = lists.flatMap((res, k) => res.items.map((item) => ({ ...item, target: targets[k].id })))
        .sort((a, b) => a.span.start - b.span.start || model.column(a.target) - model.column(b.target));
    } catch (err) {
      this.items = [];
      this.page.showError(err);
    }
    this.render();
  }

  close() {
    this.box.hidden = true;
    this.source = null;
  }

  render() {
    if (!this.source || this.box.hidden) return;
    const head = this.box.querySelector("h2 .count");
    head.textContent = this.source.lang;
    if (this.items === null) {
      this.el.replaceChildren(h("p", { class: "hint muted" }, t("Loading…")));
      return;
    }
    const { model } = this.page;
    const done = (it) => model.linked(it.span.id).some((s) => s.doc === it.target);
    const open = this.items.filter((it) => !it.suggestion.error && !done(it));
    const groups = sameCounterpart(open);
    const failed = this.items.filter((it) => it.suggestion.error).length;
    const parts = [];
    if (!open.length) parts.push(h("p", { class: "hint muted" }, t("No suggestions left.")));
    else {
      const all = h("button", { type: "button", class: "small primary", id: "gv-accept-all" },
        t("Accept all {n}", { n: groups.length }));
      all.addEventListener("click", async () => {
        all.disabled = true;
        if (await this.page.acceptProjections(open)) this.items = this.items.filter((it) => !open.includes(it));
        this.render();
      });
      parts.push(h("p", { class: "gv-bulk-actions" }, all, " ",
        h("span", { class: "muted" }, t("Reject the wrong ones first; the rest are saved at once."))));
    }
    parts.push(h("ul", { class: "gv-list gv-suggestions" }, groups.map((group) => this.item(group))));
    if (failed) {
      parts.push(h("p", { class: "hint muted" },
        t("{n} span(s) without a suggestion (their sentence is not aligned or no counterpart was found).", { n: failed })));
    }
    this.el.replaceChildren(...parts);
  }

  /** One entry for the suggestions of one counterpart (several annotators' spans of one phrase). */
  item(group) {
    const { model } = this.page;
    const [it] = group;
    const s = it.suggestion;
    const accept = h("button", { type: "button", class: "small primary", dataset: { act: "accept" } }, t("Accept"));
    const reject = h("button", { type: "button", class: "small", dataset: { act: "reject" } }, t("Reject"));
    accept.addEventListener("click", async () => {
      accept.disabled = true;
      if (await this.page.acceptProjections(group)) this.drop(...group);
      else accept.disabled = false;
    });
    reject.addEventListener("click", () => this.drop(...group));
    const from = h("button", { type: "button", class: "gv-entry", dataset: { reveal: it.span.id } },
      chip(it.span.label), quote(it.span.text));
    from.addEventListener("click", () => this.page.revealSpan(it.span.id));
    return h("li", { class: "gv-sugg", dataset: { span: it.span.id, doc: s.doc } },
      from,
      h("div", {}, "→ ", lang(model.doc(s.doc)), quote(s.text)),
      h("div", { class: "gv-sugg-foot" }, h("span", { class: "muted gv-reason" }, reasonText(s.reason)), accept, reject));
  }

  drop(...gone) {
    this.items = this.items.filter((x) => !gone.includes(x));
    this.render();
  }
}

/** Suggestions grouped by the span they would make: the same place in the same version with the same label. */
function sameCounterpart(items) {
  const groups = new Map();
  for (const it of items) {
    const key = [it.target, it.suggestion.start, it.suggestion.end, it.span.label].join(":");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(it);
  }
  return [...groups.values()];
}

/** Where the versions disagree: spans without a counterpart, counterparts that differ, unaligned sentences. */
export class DivergencePanel {
  constructor(page, box) {
    this.page = page;
    this.box = box;
    this.el = box.querySelector(".gv-divergences");
  }

  render() {
    const { model } = this.page;
    const { missing, differ, unaligned } = model.divergences();
    this.box.querySelector("h2 .count").textContent = String(missing.length + differ.length + unaligned.length);
    const langs = (ids) => ids.map((id) => model.doc(id).lang).join(", ");
    // A reviewer sees every annotator's spans: say whose each one is, or two copies of a claim look like one.
    const many = new Set(model.docs.flatMap((d) => d.spans.map((s) => s.annotator))).size > 1;
    const who = (span) => (many ? h("span", { class: "gv-who" }, span.annotator) : "");
    const groups = [
      ["missing", t("No counterpart"), missing.map((m) => this.entry({ span: m.span.id },
        chip(m.span.label), lang(model.doc(m.span.doc)), quote(m.span.text || ""), who(m.span),
        h("span", { class: "gv-why" }, t("not in {langs}", { langs: langs(m.docs) }))))],
      ["differ", t("Counterparts differ"), differ.map((d) => this.entry({ span: d.a.id, other: d.b.id },
        chip(d.a.label), lang(model.doc(d.a.doc)), quote(d.a.text || ""), who(d.a), " ↔ ",
        chip(d.b.label), lang(model.doc(d.b.doc)), quote(d.b.text || ""), who(d.b),
        h("span", { class: "gv-why" }, d.what.includes("polarity")
          ? t("polarity {a} ≠ {b}", { a: d.a.attrs.polarity || "—", b: d.b.attrs.polarity || "—" })
          : t("labels differ"))))],
      ["unaligned", t("Unaligned sentences"), unaligned.map((u) => {
        const doc = model.doc(u.doc);
        const [s, e] = doc.sentences[u.i];
        return this.entry({ doc: u.doc, sentence: u.i }, lang(doc), h("span", { class: "gv-num" }, `#${u.i + 1}`),
          quote(doc.text.slice(s, e)), h("span", { class: "gv-why" }, t("not in {langs}", { langs: langs(u.missing) })));
      })],
    ];
    const total = missing.length + differ.length + unaligned.length;
    if (!total) {
      this.el.replaceChildren(h("p", { class: "hint muted" }, t("No divergences: every span and sentence has its counterparts.")));
      return;
    }
    this.el.replaceChildren(...groups.filter(([, , items]) => items.length).map(([kind, title, items]) =>
      h("details", { class: "gv-div-group", dataset: { kind }, open: true },
        h("summary", {}, title, " ", h("span", { class: "count" }, String(items.length))),
        h("ul", { class: "gv-list" }, items))));
  }

  entry(target, ...children) {
    const btn = h("button", { type: "button", class: "gv-entry" }, ...children);
    btn.addEventListener("click", () => {
      if (target.span !== undefined) this.page.revealSpan(target.span, target.other);
      else this.page.revealSentence(target.doc, target.sentence);
    });
    return h("li", {}, btn);
  }
}
