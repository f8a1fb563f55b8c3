// The review page's side panel: state and progress, the selected candidate (decide, edit, comments),
// relations, and the document's comment thread.
import { h, clip } from "./annotate-dom.js";
import { pageLocale, t } from "./i18n.js";
import { decision, relationDecision, representative } from "./review-model.js";

const AGREEMENT = {
  all: () => t("all agree"),
  some: () => t("some agree"),
  one: () => t("one annotator"),
};
const STATUS = {
  pending: () => t("pending"),
  accepted: () => t("accepted"),
  rejected: () => t("rejected"),
  merged: () => t("merged"),
  mixed: () => t("mixed"),
};
const STATE = {
  new: () => t("New"),
  in_review: () => t("In review"),
  reviewed: () => t("Reviewed"),
};

export function agreementBadge(c) {
  const badge = h("span", { class: `rv-badge ag-${c.agreement}` }, AGREEMENT[c.agreement]());
  return c.attrs_agree === false
    ? [badge, h("span", { class: "rv-badge attrs-differ" }, t("attributes differ"))]
    : [badge];
}

export function statusBadge(status) {
  return h("span", { class: `rv-status st-${status}` }, (STATUS[status] || (() => status))());
}

/** Required attributes the candidate's span leaves empty (its annotator could not mark the document done). */
export function missingBadge(names) {
  return names.length ? h("span", { class: "rv-badge needs-attrs" },
    t("needs {names}", { names: names.join(", ") })) : null;
}

export function labelChip(name) {
  return h("span", { class: "label-chip", dataset: { label: name } }, name);
}

export function attrText(attrs) {
  const parts = Object.entries(attrs || {}).map(([k, v]) => `${k}: ${v === true ? "✓" : v === false ? "✗" : v}`);
  return parts.join(" · ");
}

export class Side {
  constructor(app) {
    this.app = app;
    this.model = app.model;
    this.editing = false;
    this.el = {
      state: document.getElementById("rv-state"),
      progress: document.getElementById("rv-progress"),
      agreed: document.getElementById("accept-agreed"),
      reviewed: document.getElementById("mark-reviewed"),
      body: document.getElementById("rv-candidate-body"),
      relations: document.getElementById("rv-relations"),
      relCount: document.getElementById("rv-relation-count"),
      docComments: document.getElementById("rv-doc-comments"),
      docCount: document.getElementById("rv-doc-comment-count"),
    };
    this.el.agreed.addEventListener("click", () => app.acceptAgreed());
    this.el.reviewed.addEventListener("click", () => app.toggleReviewed());
  }

  render() {
    this.renderStatus();
    this.renderCandidate();
    this.renderRelations();
    this.renderDocComments();
  }

  renderStatus() {
    const { state } = this.model;
    this.el.state.dataset.state = state;
    this.el.state.textContent = (STATE[state] || (() => state))();
    const n = this.model.counts();
    this.el.progress.textContent = t("{n} of {total} undecided · {d} disagreements", { n: n.undecided, total: n.total, d: n.disagreements });
    this.el.agreed.disabled = n.agreedPending === 0;
    this.el.agreed.dataset.count = String(n.agreedPending);
    this.el.reviewed.textContent = state === "reviewed"
      ? t("Reopen review") : t("Mark reviewed");
  }

  /** Ask in the page what to do with the undecided candidates: "leave", "reject", or null (cancel). */
  askUndecided(counts) {
    this.el.ask?.remove();
    return new Promise((resolve) => {
      const answer = (choice) => {
        box.remove();
        this.el.ask = null;
        resolve(choice);
      };
      const box = h("div", { class: "rv-ask", id: "rv-undecided", role: "alertdialog" },
        h("p", {}, t("{spans} span candidate(s) and {relations} relation(s) are still undecided.", { spans: counts.spans, relations: counts.relations })),
        counts.doc_labels?.length
          ? h("p", {}, t("Required document fields without a gold value: {fields}", { fields: counts.doc_labels.join(", ") }))
          : null,
        h("div", { class: "rv-actions" },
          h("button", { type: "button", id: "rv-undecided-leave", onclick: () => answer("leave") },
            t("Leave them out of the gold layer")),
          h("button", { type: "button", class: "danger", id: "rv-undecided-reject", onclick: () => answer("reject") },
            t("Reject them")),
          h("button", { type: "button", id: "rv-undecided-cancel", onclick: () => answer(null) },
            t("Cancel"))));
      this.el.ask = box;
      this.el.reviewed.closest(".rv-status-box").appendChild(box);
      box.querySelector("button").focus();
    });
  }

  renderCandidate() {
    const c = this.app.selected ? this.model.candidate(this.app.selected) : null;
    if (!c) {
      this.editing = false;
      this.el.body.replaceChildren(h("p", { class: "muted hint" },
        t("Click a span, or press J for the next disagreement.")));
      return;
    }
    const status = decision(c);
    const head = h("div", { class: "rv-cand-head" }, labelChip(c.label),
      h("span", { class: "rv-quote", lang: this.model.doc.lang }, `“${clip(c.text, 80)}”`));
    const badges = h("div", { class: "rv-badges" }, ...agreementBadge(c), statusBadge(status), missingBadge(c.missing || []));
    const rows = c.spans.map((s) => h("tr", { class: s.status === "accepted" ? "rv-rep" : "" },
      h("th", { scope: "row" }, s.annotator),
      h("td", {}, attrText(s.attrs) || h("span", { class: "muted" }, t("no attributes"))),
      h("td", {}, s.actor ? h("span", { class: "actor-tag" }, t("actor: {name}", { name: s.actor.name }))
        : h("span", { class: "muted" }, "—")),
      h("td", {}, statusBadge(s.status))));
    const table = h("table", { class: "rv-who" }, h("tbody", {}, rows));
    const others = this.model.overlapping(c).filter((o) => this.model.shown(o));
    const competing = others.length ? h("div", { class: "rv-others" },
      h("span", { class: "muted" }, t("Overlapping:")),
      ...others.map((o) => h("button", { type: "button", class: "rv-other", onclick: () => this.app.select(o.key, true) },
        labelChip(o.label), ` ${clip(o.text, 24)} `, h("span", { class: "muted" }, o.annotators.join(", "))))) : null;
    const buttons = h("div", { class: "rv-actions" },
      h("button", { type: "button", class: "primary", id: "rv-accept", disabled: status === "accepted",
        onclick: () => this.app.decide(c.key, "accept") }, t("Accept"), " ", h("kbd", {}, "A")),
      h("button", { type: "button", class: "danger", id: "rv-reject", disabled: status === "rejected",
        onclick: () => this.app.decide(c.key, "reject") }, t("Reject"), " ", h("kbd", {}, "R")),
      h("button", { type: "button", id: "rv-edit", onclick: () => this.openEdit() },
        t("Edit"), " ", h("kbd", {}, "E")),
      status !== "pending" ? h("button", { type: "button", class: "small link-like", id: "rv-reset",
        onclick: () => this.app.decide(c.key, "reset") }, t("Undo decision")) : null);
    const form = this.editing ? this.editForm(c) : null;
    const thread = this.thread(this.model.commentsFor(c), { span: representative(c).id });
    this.el.body.replaceChildren(head, badges, table, competing || "", buttons, form || "",
      h("h3", { class: "rv-sub" }, t("Comments")), thread);
    if (form) form.querySelector("select, input")?.focus();
  }

  openEdit() {
    if (!this.app.selected) return;
    this.editing = true;
    this.renderCandidate();
  }

  closeEdit() {
    if (!this.editing) return false;
    this.editing = false;
    this.renderCandidate();
    return true;
  }

  editForm(c) {
    const rep = representative(c);
    const labelSelect = h("select", { id: "rv-edit-label", name: "label" },
      ...(this.model.schema.labels || []).map((l) => h("option", { value: l.name, selected: l.name === c.label }, l.name)));
    const fields = h("div", { class: "pop-attrs rv-attr-fields" });
    const drawFields = () => {
      const def = this.model.label(labelSelect.value) || { attributes: [] };
      fields.replaceChildren(...(def.attributes || []).map((a) => attrField(a, rep.attrs[a.name])));
    };
    labelSelect.addEventListener("change", drawFields);
    drawFields();
    const form = h("form", { class: "rv-edit", id: "rv-edit-form" },
      h("div", { class: "pop-attrs" }, h("div", { class: "pop-field" },
        h("label", { for: "rv-edit-label" }, t("Label")), labelSelect)),
      fields,
      h("div", { class: "rv-actions" },
        h("button", { type: "submit", class: "primary" }, t("Save and accept")),
        h("button", { type: "button", onclick: () => this.closeEdit() }, t("Cancel"))));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const attrs = {};
      for (const el of fields.querySelectorAll("[data-attr]")) {
        if (el.type === "checkbox") attrs[el.dataset.attr] = el.checked;
        else if (el.value !== "") attrs[el.dataset.attr] = el.value;
      }
      this.editing = false;
      this.app.editAndAccept(c.key, labelSelect.value, attrs);
    });
    return form;
  }

  renderRelations() {
    const rels = this.model.relations;
    this.el.relCount.textContent = rels.length ? String(rels.length) : "";
    if (!rels.length) {
      this.el.relations.replaceChildren(h("li", { class: "muted" }, t("No relations.")));
      return;
    }
    this.el.relations.replaceChildren(...rels.map((rel) => this.relationItem(rel)));
  }

  relationItem(rel) {
    const head = this.model.candidate(rel.head);
    const tail = this.model.candidate(rel.tail);
    const status = relationDecision(rel);
    const end = (c) => h("button", { type: "button", class: "rel-end rv-rel-end", dataset: { label: c ? c.label : "" },
      onclick: () => c && this.app.select(c.key, true) }, c ? clip(c.text, 24) : "?");
    return h("li", { class: `relation rv-relation st-${status}`, dataset: { relation: rel.ids.join(",") } },
      end(head), h("span", { class: "rel-type" }, ` —${rel.type}→ `), end(tail),
      h("span", { class: "rv-rel-meta" }, h("span", { class: `rv-badge ag-${rel.agreement}` }, AGREEMENT[rel.agreement]()),
        " ", h("span", { class: "muted" }, t("by {names}", { names: rel.annotators.join(", ") })), " ",
        statusBadge(status)),
      h("span", { class: "rv-rel-actions" },
        h("button", { type: "button", class: "small", title: t("Accept"), disabled: status === "accepted",
          onclick: () => this.app.decideRelation(rel, "accept") }, "✓ ", t("Accept")),
        h("button", { type: "button", class: "small danger", title: t("Reject"),
          disabled: status === "rejected", onclick: () => this.app.decideRelation(rel, "reject") },
        "✗ ", t("Reject"))));
  }

  renderDocComments() {
    const list = this.model.commentsFor(null);
    this.el.docCount.textContent = list.length ? String(list.length) : "";
    this.el.docComments.replaceChildren(this.thread(list, {}));
  }

  /** A comment thread (top-level comments with their replies) and a box to add one. */
  thread(comments, target) {
    const byParent = new Map();
    for (const m of comments) {
      const parent = m.parent ?? null;
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(m);
    }
    const ids = new Set(comments.map((m) => m.id));
    const roots = comments.filter((m) => m.parent === null || !ids.has(m.parent));
    const item = (m) => {
      const replies = byParent.get(m.id) || [];
      const li = h("li", { class: "rv-comment", dataset: { commentId: m.id } },
        h("div", { class: "rv-comment-head" }, h("strong", {}, m.author), " ",
          h("time", { class: "muted", datetime: m.created_at }, formatTime(m.created_at))),
        h("div", { class: "rv-comment-body" }, m.body));
      const reply = h("button", { type: "button", class: "small rv-reply-btn" }, t("Reply"));
      reply.addEventListener("click", () => {
        reply.replaceWith(this.commentBox({ parent: m.id }, true));
      });
      li.appendChild(reply);
      if (replies.length) li.appendChild(h("ul", { class: "rv-replies" }, replies.map(item)));
      return li;
    };
    const list = roots.length ? h("ul", { class: "rv-comments" }, roots.map(item))
      : h("p", { class: "muted hint rv-no-comments" }, t("No comments yet."));
    return h("div", { class: "rv-thread" }, list, this.commentBox(target, false));
  }

  commentBox(target, focus) {
    const area = h("textarea", { rows: 2, class: "rv-comment-input", maxlength: 5000,
      placeholder: t("Write a comment…"), "aria-label": t("Comment") });
    const form = h("form", { class: "rv-comment-form" }, area,
      h("button", { type: "submit", class: "small" }, target.parent ? t("Reply") : t("Comment")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (area.value.trim()) this.app.addComment({ ...target, body: area.value });
    });
    if (focus) requestAnimationFrame(() => area.focus());
    return form;
  }
}

function attrField(def, value) {
  const id = `rv-attr-${def.name}`;
  let input;
  if (def.type === "bool") {
    input = h("input", { type: "checkbox", id, dataset: { attr: def.name }, checked: value === true });
    return h("div", { class: "pop-field check" }, input, h("label", { for: id }, def.name));
  }
  if (def.type === "choice") {
    input = h("select", { id, dataset: { attr: def.name } }, h("option", { value: "" }, "—"),
      ...(def.options || []).map((o) => h("option", { value: o, selected: o === value }, o)));
  } else {
    input = h("input", { type: "text", id, dataset: { attr: def.name }, value: value ?? "" });
  }
  return h("div", { class: "pop-field" }, h("label", { for: id }, def.name), input);
}

function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(pageLocale(), { dateStyle: "medium", timeStyle: "short" });
}

