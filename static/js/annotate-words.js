// Word boundaries for snapping and keyboard movement, on UTF-16 indices of the text.
// Letters, digits and combining marks are word characters; an apostrophe (ʼ ’ ') is one only between two.

const CORE = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHES = new Set(["\u02BC", "\u2019", "'"]);
const SPACE = /\s/u;

function charAt(text, i) {
  if (i < 0 || i >= text.length) return "";
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) return String.fromCodePoint(text.codePointAt(i - 1));
  return String.fromCodePoint(text.codePointAt(i));
}

function isCore(text, i) {
  return CORE.test(charAt(text, i));
}

/** Is the UTF-16 unit at i part of a word? */
export function isWordChar(text, i) {
  const ch = charAt(text, i);
  if (!ch) return false;
  if (APOSTROPHES.has(ch)) return isCore(text, i - 1) && isCore(text, i + 1);
  return CORE.test(ch);
}

/** Trim white space from [start, end); optionally widen both ends to whole words. */
export function snap(text, start, end, toWords = true) {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (start >= end) return null;
  if (toWords) {
    while (start > 0 && isWordChar(text, start) && isWordChar(text, start - 1)) start--;
    while (end < text.length && isWordChar(text, end - 1) && isWordChar(text, end)) end++;
  }
  return avoidSplitPairs(text, start, end);
}

function avoidSplitPairs(text, start, end) {
  const low = (i) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  if (low(start)) start--;
  if (low(end)) end++;
  return [start, end];
}

/** The end of the next word after `pos` (Ctrl+Right style, but to the word's end). */
export function nextWordEnd(text, pos) {
  let i = pos;
  while (i < text.length && !isWordChar(text, i)) i++;
  while (i < text.length && isWordChar(text, i)) i++;
  return i;
}

/** The start of the word before `pos`. */
export function prevWordStart(text, pos) {
  let i = pos;
  while (i > 0 && !isWordChar(text, i - 1)) i--;
  while (i > 0 && isWordChar(text, i - 1)) i--;
  return i;
}
