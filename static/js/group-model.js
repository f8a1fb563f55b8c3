// The versions of one article in memory: texts in UTF-16, sentences, the beads of every pair of versions,
// spans and their cross-language links. Bead edits are pure functions over bead lists.
import { OffsetMap } from "./offsets.js";

const ORDER = ["uk", "en", "ru"];

export class GroupModel {
  constructor(data) {
    this.gid = data.group;
    this.key = data.key;
    const rank = (d) => (ORDER.includes(d.lang) ? ORDER.indexOf(d.lang) : ORDER.length);
    this.docs = [...data.versions].sort((a, b) => rank(a) - rank(b) || a.id - b.id).map(toVersion);
    this.byId = new Map(this.docs.map((d) => [d.id, d]));
    const en = this.docs.find((d) => d.lang === "en");
    this.pivot = (en || this.docs[0] || {}).id;
    this.pairs = new Map();
    for (const p of data.pairs) this.setPair(p);
    this.labels = this.docs.length ? this.docs[0].schema.labels || [] : [];
    this.rebuildLinks();
  }

  doc(id) {
    return this.byId.get(Number(id));
  }

  column(id) {
    return this.docs.findIndex((d) => d.id === Number(id));
  }

  // --- alignment ------------------------------------------------------------------------------

  setPair(p) {
    const pair = { a: p.a, b: p.b, version: p.version, beads: p.beads.map((b) => [b[0], b[1], b[2] || "confirmed"]) };
    pair.index = [new Map(), new Map()];
    pair.beads.forEach((bead, k) => {
      for (const side of [0, 1]) for (const i of bead[side]) pair.index[side].set(i, k);
    });
    this.pairs.set(pairKey(p.a, p.b), pair);
    return pair;
  }

  pair(x, y) {
    return this.pairs.get(pairKey(x, y)) || null;
  }

  /** The bead holding sentence `i` of doc `x` in the pair (x, y), as {bead, k, mine, theirs, status}. */
  beadOf(x, i, y) {
    const pair = this.pair(x, y);
    if (!pair) return null;
    const side = pair.a === Number(x) ? 0 : 1;
    const k = pair.index[side].get(i);
    if (k === undefined) return { k: -1, mine: [i], theirs: [], status: null };
    const bead = pair.beads[k];
    return { k, mine: bead[side], theirs: bead[1 - side], status: bead[2] };
  }

  /** Sentences of other versions aligned with sentence `i` of doc `x`: {docId: [indices]}. */
  counterparts(x, i) {
    const out = {};
    for (const d of this.docs) {
      if (d.id === Number(x)) continue;
      const found = this.beadOf(x, i, d.id);
      if (found) out[d.id] = found.theirs;
    }
    return out;
  }

  /** Rows of a grid: each row gives every version a contiguous run of sentences, aligned through the pivot.
   * A version not aligned with the pivot yet gets one sentence per row. */
  rows() {
    const cols = this.docs;
    const n = cols.map((d) => d.sentences.length);
    const p = cols.findIndex((d) => d.id === this.pivot);
    const paired = cols.map((d, c) => c === p || !!this.pair(d.id, this.pivot));
    const ptr = cols.map(() => 0);
    const rows = [];
    const partners = (c, j, d) => (this.beadOf(cols[c].id, j, cols[d].id) || { theirs: [] }).theirs;
    const emit = (hi) => {
      rows.push(cols.map((_, c) => (hi[c] >= ptr[c] ? [ptr[c], hi[c]] : null)));
      hi.forEach((v, c) => { ptr[c] = Math.max(ptr[c], v + 1); });
    };
    while (ptr.some((v, c) => v < n[c])) {
      const lead = cols.map((_, c) => {
        let j = ptr[c];
        if (c !== p && paired[c]) while (j < n[c] && !partners(c, j, p).some((k) => k >= ptr[p])) j++;
        return j - 1;
      });
      if (lead.some((v, c) => c !== p && v >= ptr[c])) {
        emit(lead.map((v, c) => (c === p ? -1 : v)));
      } else if (ptr[p] >= n[p]) {
        emit(cols.map((_, c) => (ptr[c] < n[c] ? ptr[c] : -1)));
      } else {
        const hi = this.closeRow(ptr, p, paired, partners);
        emit(hi.map((v, c) => (paired[c] ? v : Math.min(n[c] - 1, ptr[c]))));
      }
    }
    return rows;
  }

  closeRow(ptr, p, paired, partners) {
    const hi = ptr.map((v) => v - 1);
    hi[p] = ptr[p];
    const seen = [...ptr];
    const others = hi.map((_, d) => d).filter((d) => d !== p && paired[d]);
    let changed = true;
    while (changed) {
      changed = false;
      for (let c = 0; c < hi.length; c++) {
        if (!paired[c]) continue;
        for (; seen[c] <= hi[c]; seen[c]++) {
          for (const d of c === p ? others : [p]) {
            for (const k of partners(c, seen[c], d)) {
              if (k > hi[d]) {
                hi[d] = k;
                changed = true;
              }
            }
          }
        }
      }
    }
    return hi;
  }

  /** Sentences with no counterpart in some other version: [{doc, i, missing: [docIds]}]. */
  unaligned() {
    const out = [];
    for (const d of this.docs) {
      d.sentences.forEach((_, i) => {
        const missing = this.docs.filter((e) => e.id !== d.id && this.pair(d.id, e.id)
          && !this.beadOf(d.id, i, e.id).theirs.length).map((e) => e.id);
        if (missing.length) out.push({ doc: d.id, i, missing });
      });
    }
    return out;
  }

  // --- spans and links ------------------------------------------------------------------------

  addSpan(docId, json) {
    const d = this.doc(docId);
    if (d.spans.some((s) => s.id === json.id)) return; // a projection that linked a span the user had already
    d.spans.push(toSpan(d, json));
    assignLanes(d.spans);
  }

  addLink(x, y) {
    this.linkPairs.push([Number(x), Number(y)]);
    this.rebuildLinks();
  }

  span(id) {
    return this.spanIndex.get(Number(id)) || null;
  }

  rebuildLinks() {
    this.spanIndex = new Map();
    for (const d of this.docs) for (const s of d.spans) this.spanIndex.set(s.id, s);
    if (!this.linkPairs) {
      this.linkPairs = [];
      for (const d of this.docs) for (const [x, y] of d.links) this.linkPairs.push([x, y]);
    }
    const parent = new Map();
    const find = (x) => {
      while (parent.get(x) !== x) x = parent.get(x);
      return x;
    };
    for (const id of this.spanIndex.keys()) parent.set(id, id);
    for (const [x, y] of this.linkPairs) {
      if (parent.has(x) && parent.has(y)) parent.set(find(x), find(y));
    }
    this.components = new Map();
    for (const id of this.spanIndex.keys()) {
      const root = find(id);
      if (!this.components.has(root)) this.components.set(root, []);
      this.components.get(root).push(id);
    }
    this.componentOf = new Map();
    for (const members of this.components.values()) for (const id of members) this.componentOf.set(id, members);
  }

  /** Spans linked to `id`, directly or through another version. */
  linked(id) {
    return (this.componentOf.get(Number(id)) || []).filter((x) => x !== Number(id)).map((x) => this.span(x));
  }

  /** Spans without a counterpart, counterparts that disagree, unaligned sentences. */
  divergences() {
    const missing = [];
    for (const d of this.docs) {
      for (const s of d.spans) {
        const have = new Set(this.linked(s.id).map((o) => o.doc));
        const langs = this.docs.filter((e) => e.id !== d.id && !have.has(e.id));
        if (langs.length) missing.push({ span: s, docs: langs.map((e) => e.id) });
      }
    }
    const differ = [];
    const done = new Set();
    for (const [x, y] of this.linkPairs) {
      let a = this.span(x);
      let b = this.span(y);
      if (a && b && this.column(a.doc) > this.column(b.doc)) [a, b] = [b, a];
      const key = pairKey(x, y);
      if (!a || !b || done.has(key)) continue;
      done.add(key);
      const what = [];
      if (a.label !== b.label) what.push("label");
      if ((a.attrs.polarity || null) !== (b.attrs.polarity || null)) what.push("polarity");
      if (what.length) differ.push({ a, b, what });
    }
    return { missing, differ, unaligned: this.unaligned() };
  }
}

function pairKey(x, y) {
  return Number(x) < Number(y) ? `${x}-${y}` : `${y}-${x}`;
}

function toVersion(v) {
  const map = new OffsetMap(v.text);
  const doc = { ...v, map };
  doc.sentences = v.sentences.map(([s, e]) => [map.toUtf16(s), map.toUtf16(e)]);
  doc.spans = v.spans.map((s) => toSpan(doc, s));
  assignLanes(doc.spans);
  doc.links = v.links || [];
  return doc;
}

function toSpan(doc, s) {
  return { ...s, attrs: s.attrs || {}, doc: doc.id, s16: doc.map.toUtf16(s.start), e16: doc.map.toUtf16(s.end) };
}

/** Greedy interval colouring: overlapping spans get different lanes (underline depths). */
function assignLanes(spans) {
  spans.sort((a, b) => a.s16 - b.s16 || b.e16 - a.e16);
  const ends = [];
  for (const s of spans) {
    let lane = ends.findIndex((e) => e <= s.s16);
    if (lane < 0) lane = ends.length;
    ends[lane] = s.e16;
    s.lane = lane;
  }
}

// --- bead edits: (beads, ...) -> new beads; edited beads become "confirmed" -------------------------

function clone(beads) {
  return beads.map((b) => [[...b[0]], [...b[1]], b[2]]);
}

function findBead(beads, side, i) {
  return beads.findIndex((b) => b[side].includes(i));
}

function tidy(beads) {
  const kept = beads.filter((b) => b[0].length || b[1].length);
  for (const b of kept) {
    b[0].sort((x, y) => x - y);
    b[1].sort((x, y) => x - y);
  }
  const key = (b) => (b[0].length ? b[0][0] : b[1][0]);
  return kept.sort((p, q) => key(p) - key(q) || (p[1][0] ?? -1) - (q[1][0] ?? -1));
}

/** Put sentence j of side `1 - side` into the bead of sentence i of `side`. */
export function link(beads, side, i, j) {
  const out = clone(beads);
  const other = 1 - side;
  let kx = findBead(out, side, i);
  const ky = findBead(out, other, j);
  if (kx >= 0 && kx === ky) {
    out[kx][2] = "confirmed";
    return tidy(out);
  }
  if (ky >= 0) out[ky][other] = out[ky][other].filter((x) => x !== j);
  if (kx < 0) {
    out.push([[], [], "confirmed"]);
    kx = out.length - 1;
    out[kx][side] = [i];
  }
  out[kx][other].push(j);
  out[kx][2] = "confirmed";
  return tidy(out);
}

/** Make sentence i of `side` a bead of its own (1-0). */
export function unlink(beads, side, i) {
  const out = clone(beads);
  const k = findBead(out, side, i);
  if (k >= 0) {
    if (out[k][side].length === 1 && !out[k][1 - side].length) return tidy(out);
    out[k][side] = out[k][side].filter((x) => x !== i);
  }
  const single = [[], [], "confirmed"];
  single[side] = [i];
  out.push(single);
  return tidy(out);
}

/** Split the bead of sentence i into 1-1 beads in order, the rest 1-0 / 0-1. */
export function split(beads, side, i) {
  const out = clone(beads);
  const k = findBead(out, side, i);
  if (k < 0) return tidy(out);
  const [as, bs] = out[k];
  out.splice(k, 1);
  if (as.length === 1 && bs.length === 1) {
    out.push([as, [], "confirmed"], [[], bs, "confirmed"]);
  } else {
    for (let n = 0; n < Math.max(as.length, bs.length); n++) {
      out.push([as[n] === undefined ? [] : [as[n]], bs[n] === undefined ? [] : [bs[n]], "confirmed"]);
    }
  }
  return tidy(out);
}

/** Merge the bead of sentence i with the one after it (an unaligned sentence of the other side first). */
export function mergeNext(beads, side, i) {
  const out = clone(beads);
  const k = findBead(out, side, i);
  if (k < 0) return null;
  const cur = out[k];
  const other = 1 - side;
  const nextOn = (s) => (cur[s].length ? findBead(out, s, Math.max(...cur[s]) + 1) : -1);
  const mine = nextOn(side);
  const theirs = nextOn(other);
  let target = mine;
  if (theirs >= 0 && theirs !== k && !out[theirs][side].length) target = theirs;
  if (target < 0 || target === k) target = theirs >= 0 && theirs !== k ? theirs : -1;
  if (target < 0) return null;
  cur[0].push(...out[target][0]);
  cur[1].push(...out[target][1]);
  cur[2] = "confirmed";
  out.splice(target, 1);
  return tidy(out);
}

export function confirm(beads, side, i) {
  const out = clone(beads);
  const k = findBead(out, side, i);
  if (k >= 0) {
    out[k][2] = "confirmed";
    return tidy(out);
  }
  const single = [[], [], "confirmed"];
  single[side] = [i];
  out.push(single);
  return tidy(out);
}

export function confirmAll(beads) {
  return tidy(clone(beads).map((b) => [b[0], b[1], "confirmed"]));
}

/** What looks wrong in a pair's beads: a bead whose sentences on one side are not consecutive ("skip"),
 * or two links that cross ("cross"). [{kind, side, from, to}], sentence indices of that side. */
export function problems(beads) {
  const out = [];
  for (const b of beads) {
    for (const side of [0, 1]) {
      const xs = b[side];
      for (let k = 1; k < xs.length; k++) {
        if (xs[k] !== xs[k - 1] + 1) out.push({ kind: "skip", side, from: xs[k - 1], to: xs[k] });
      }
    }
  }
  const linked = beads.filter((b) => b[0].length && b[1].length).sort((p, q) => p[0][0] - q[0][0]);
  for (let k = 1; k < linked.length; k++) {
    const [before, after] = [linked[k - 1], linked[k]];
    if (Math.min(...after[1]) < Math.max(...before[1])) {
      out.push({ kind: "cross", side: 0, from: before[0][0], to: after[0][0] });
    }
  }
  return out;
}

/** The problems of `next` that `beads` did not have already. */
export function newProblems(beads, next) {
  const key = (p) => `${p.kind}:${p.side}:${p.from}:${p.to}`;
  const old = new Set(problems(beads).map(key));
  return problems(next).filter((p) => !old.has(key(p)));
}
