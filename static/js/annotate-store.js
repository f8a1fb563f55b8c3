// The document's spans and relations in memory: UTF-16 positions, paragraphs, lanes for overlaps.
import { OffsetMap } from "./offsets.js";

const key = (id) => String(id);

export class Store {
  constructor(doc) {
    this.doc = doc;
    this.text = doc.text;
    this.offsets = new OffsetMap(doc.text);
    this.paraStarts = paragraphStarts(doc.text);
    this.byPara = this.paraStarts.slice(0, -1).map(() => new Set());
    this.spans = new Map();
    this.relations = new Map();
    this.labels = new Map((doc.schema.labels || []).map((label) => [label.name, label]));
    for (const span of doc.spans || []) this.put(span, false);
    assignLanes([...this.spans.values()]);
    for (const rel of doc.relations || []) this.relations.set(key(rel.id), rel);
  }

  get paraCount() {
    return this.paraStarts.length - 1;
  }

  /** The paragraph holding UTF-16 position u (a position at a paragraph's end belongs to it). */
  paraOf(u) {
    const starts = this.paraStarts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  parasOf(span) {
    const out = [];
    for (let p = this.paraOf(span.s16), last = this.paraOf(Math.max(span.s16, span.e16 - 1)); p <= last; p++) {
      out.push(p);
    }
    return out;
  }

  span(id) {
    return this.spans.get(key(id));
  }

  /** The span's required attributes without a value (the server's list where it sent one). */
  missing(span) {
    if (Array.isArray(span.missing)) return span.missing;
    const def = this.labels.get(span.label);
    const attrs = span.attrs || {};
    return ((def && def.attributes) || []).filter((a) => a.required && [undefined, null, ""].includes(attrs[a.name]))
      .map((a) => a.name);
  }

  /** Add or replace a span (server shape); returns the paragraphs to redraw. */
  put(data, withLane = true) {
    const old = this.span(data.id);
    const span = { ...data, s16: this.offsets.toUtf16(data.start), e16: this.offsets.toUtf16(data.end) };
    span.lane = old ? old.lane : 0;
    const touched = new Set(old ? this.remove(old.id) : []);
    this.spans.set(key(span.id), span);
    for (const p of this.parasOf(span)) {
      this.byPara[p].add(key(span.id));
      touched.add(p);
    }
    if (withLane && !old) span.lane = this.freeLane(span);
    return [...touched];
  }

  remove(id) {
    const span = this.span(id);
    if (!span) return [];
    this.spans.delete(key(id));
    const paras = this.parasOf(span);
    for (const p of paras) this.byPara[p].delete(key(id));
    return paras;
  }

  /** Give a span a new id (a saved optimistic span); returns the paragraphs to redraw. */
  rename(oldId, data) {
    const span = this.span(oldId);
    const lane = span ? span.lane : 0;
    const paras = this.remove(oldId);
    const touched = this.put(data, false);
    this.span(data.id).lane = lane;
    return [...new Set([...paras, ...touched])];
  }

  spansInPara(p) {
    return [...this.byPara[p]].map((id) => this.spans.get(id));
  }

  overlapping(span) {
    const out = [];
    for (const p of this.parasOf(span)) {
      for (const other of this.spansInPara(p)) {
        if (other !== span && other.s16 < span.e16 && span.s16 < other.e16 && !out.includes(other)) out.push(other);
      }
    }
    return out;
  }

  freeLane(span) {
    const used = new Set(this.overlapping(span).map((other) => other.lane));
    let lane = 0;
    while (used.has(lane)) lane++;
    return lane;
  }

  /** Spans covering UTF-16 position u (strictly inside or at their start). */
  spansAt(u) {
    return this.spansInPara(this.paraOf(u)).filter((s) => s.s16 <= u && u < s.e16);
  }

  relationsOf(spanId) {
    const id = key(spanId);
    return [...this.relations.values()].filter((r) => key(r.head) === id || key(r.tail) === id);
  }

  relationTypes(headLabel, tailLabel) {
    return (this.doc.schema.relations || []).filter(
      (rel) => (rel.from || []).includes(headLabel) && (rel.to || []).includes(tailLabel));
  }

  spanText(span) {
    return this.text.slice(span.s16, span.e16);
  }
}

function paragraphStarts(text) {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i !== -1 && i + 1 < text.length) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  starts.push(text.length);
  return starts;
}

/** Greedy interval colouring: overlapping spans get different lanes, lane 0 first. */
export function assignLanes(spans) {
  spans.sort((a, b) => a.s16 - b.s16 || b.e16 - a.e16);
  const laneEnds = [];
  for (const span of spans) {
    let lane = laneEnds.findIndex((end) => end <= span.s16);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.e16;
    span.lane = lane;
  }
}
