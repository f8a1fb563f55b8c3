// The review page's data: every annotator's spans merged into candidates, their decisions, and the
// disagreements in reading order. No DOM here.

/** A candidate's decision as a whole: accepted if any of its spans is, rejected if all are, else pending/mixed. */
export function decision(c) {
  const statuses = c.spans.map((s) => s.status);
  if (statuses.includes("accepted")) return "accepted";
  if (statuses.every((s) => s === "rejected")) return "rejected";
  if (statuses.every((s) => s === "pending")) return "pending";
  return "mixed";
}

/** The span that stands for the candidate: the accepted one if any, else the first annotator's. */
export function representative(c) {
  return c.spans.find((s) => s.status === "accepted") || c.spans[0];
}

export function isDisagreement(c) {
  return c.agreement !== "all" || !c.attrs_agree;
}

export function relationDecision(rel) {
  if (rel.statuses.includes("accepted")) return "accepted";
  if (rel.statuses.every((s) => s === "rejected")) return "rejected";
  if (rel.statuses.every((s) => s === "pending")) return "pending";
  return "mixed";
}

export class ReviewModel {
  constructor(data) {
    this.doc = data.document;
    this.text = data.document.text;
    this.schema = data.schema || { labels: [], relations: [] };
    this.comments = data.comments || [];
    this.hidden = new Set();
    this.set(data);
  }

  /** Replace the review figures (after a reload from the server). */
  set(data) {
    this.annotators = data.annotators || [];
    this.candidates = [...(data.candidates || [])].sort((a, b) => a.start - b.start || a.end - b.end
      || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    this.byKey = new Map(this.candidates.map((c) => [c.key, c]));
    this.bySpan = new Map();
    for (const c of this.candidates) for (const s of c.spans) this.bySpan.set(String(s.id), c);
    this.relations = data.relations || [];
    this.state = data.state || "new";
  }

  candidate(key) {
    return this.byKey.get(key);
  }

  label(name) {
    return (this.schema.labels || []).find((l) => l.name === name);
  }

  shown(c) {
    return c.annotators.some((name) => !this.hidden.has(name));
  }

  visible() {
    return this.candidates.filter((c) => this.shown(c));
  }

  /** The candidates in the shape the text view draws (one "span" per candidate, keyed by candidate key). */
  viewSpans() {
    return this.visible().map((c) => ({
      id: c.key, start: c.start, end: c.end, label: c.label, status: decision(c), agreement: c.agreement,
      attrsAgree: c.attrs_agree, rep: representative(c).id, annotators: c.annotators.join(", "),
      missing: c.missing || [],
    }));
  }

  disagreements() {
    return this.visible().filter(isDisagreement);
  }

  /** The next (dir 1) or previous (dir -1) disagreement after the candidate `key` in reading order. */
  step(key, dir) {
    const list = this.disagreements();
    if (!list.length) return null;
    const current = key ? this.candidate(key) : null;
    if (!current) return dir > 0 ? list[0] : list[list.length - 1];
    const after = (c) => c.start > current.start || (c.start === current.start && (c.end > current.end
      || (c.end === current.end && c.key > current.key)));
    if (dir > 0) return list.find((c) => after(c) && c.key !== current.key) || null;
    for (let i = list.length - 1; i >= 0; i--) {
      if (!after(list[i]) && list[i].key !== current.key) return list[i];
    }
    return null;
  }

  /** Other candidates overlapping `c` (competing labels or boundaries). */
  overlapping(c) {
    return this.candidates.filter((o) => o !== c && o.start < c.end && c.start < o.end);
  }

  counts() {
    const visible = this.candidates;
    return {
      total: visible.length,
      undecided: visible.filter((c) => !["accepted", "rejected"].includes(decision(c))).length,
      disagreements: visible.filter(isDisagreement).length,
      agreedPending: visible.filter((c) => c.agreement === "all" && c.attrs_agree && c.status === "pending").length,
    };
  }

  spansOf(name) {
    return this.candidates.filter((c) => c.annotators.includes(name)).length;
  }

  /** Comments on a candidate's spans, on a relation's, or on the document itself (span and relation null). */
  commentsFor(target) {
    if (target === null) return this.comments.filter((m) => m.span === null && m.relation === null);
    if (target.spans) {
      const ids = new Set(target.spans.map((s) => s.id));
      return this.comments.filter((m) => ids.has(m.span));
    }
    const ids = new Set(target.ids);
    return this.comments.filter((m) => ids.has(m.relation));
  }

  /** Apply a decision locally (what the server will do), for an immediate redraw. */
  applyLocally(c, verdict) {
    if (verdict === "accept") {
      const rep = representative(c);
      for (const s of c.spans) s.status = s === rep ? "accepted" : "merged";
    } else {
      for (const s of c.spans) s.status = verdict === "reject" ? "rejected" : "pending";
    }
    const statuses = new Set(c.spans.map((s) => s.status));
    c.status = statuses.size === 1 ? [...statuses][0] : "mixed";
  }
}
