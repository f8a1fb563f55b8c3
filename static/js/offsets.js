// Offsets at the boundary: the server counts Unicode code points (Python str indices), the DOM counts
// UTF-16 code units. An astral character (emoji) is one code point but two code units.

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code point index -> UTF-16 index in `text`. */
export function toUtf16(text, cp) {
  let u = 0;
  for (let i = 0; i < cp; i++) {
    if (u >= text.length) throw new RangeError(`code point ${cp} is beyond the text`);
    u += text.codePointAt(u) > 0xffff ? 2 : 1;
  }
  return u;
}

/** UTF-16 index -> code point index in `text`; a RangeError if it splits a surrogate pair. */
export function toCodePoint(text, u16) {
  if (u16 < 0 || u16 > text.length) throw new RangeError(`UTF-16 offset ${u16} is outside the text`);
  let cp = 0;
  for (let u = 0; u < u16; cp++) {
    u += text.codePointAt(u) > 0xffff ? 2 : 1;
    if (u > u16) throw new RangeError(`UTF-16 offset ${u16} falls inside a surrogate pair`);
  }
  return cp;
}

/** Both conversions for one text in O(1) each after one O(n) pass (identity when there is no astral char). */
export class OffsetMap {
  constructor(text) {
    this.text = text;
    this.identity = !SURROGATE.test(text);
    if (this.identity) return;
    const cpToU = [];
    const uToCp = new Int32Array(text.length + 1);
    let cp = 0;
    for (let u = 0; u < text.length; cp++) {
      cpToU.push(u);
      uToCp[u] = cp;
      if (text.codePointAt(u) > 0xffff) {
        uToCp[u + 1] = -1;
        u += 2;
      } else {
        u += 1;
      }
    }
    cpToU.push(text.length);
    uToCp[text.length] = cp;
    this.cpToU = Int32Array.from(cpToU);
    this.uToCp = uToCp;
    this.cpLength = cp;
  }

  get length() {
    return this.identity ? this.text.length : this.cpLength;
  }

  toUtf16(cp) {
    if (this.identity) return cp;
    if (cp < 0 || cp >= this.cpToU.length) throw new RangeError(`code point ${cp} is outside the text`);
    return this.cpToU[cp];
  }

  toCodePoint(u16) {
    if (this.identity) return u16;
    const cp = this.uToCp[u16];
    if (cp === undefined) throw new RangeError(`UTF-16 offset ${u16} is outside the text`);
    if (cp < 0) throw new RangeError(`UTF-16 offset ${u16} falls inside a surrogate pair`);
    return cp;
  }
}
