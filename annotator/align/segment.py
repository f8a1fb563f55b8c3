"""Sentence segmentation with code-point offsets, on top of sentencex.

Every line break ends a sentence. Inside a line, sentencex proposes the boundaries; we then trim
whitespace, split after an English "no." that sentencex takes for "number", undo splits after abbreviations that
sentencex does not know (the next fragment starts in lower case, or with a number after "ок."/"approx."), and fold
punctuation-only fragments into a neighbour.
"""

import re

import sentencex

Span = tuple[int, int]

_LANG_ALIASES = {"ua": "uk"}
# Longer fragments are split again inside quotes (a quoted passage of several sentences).
LONG_SENTENCE = 300
_MASK_QUOTES = str.maketrans({ch: " " for ch in '"«»“”„'})
_OPENING = set("«„“‘\"'([{—–-‹")
# Abbreviations that are normally followed by a number, never by the end of a sentence.
_BEFORE_NUMBER = re.compile(
    r"(?:^|[\s(])(?:approx|appr|ca|c|no|nos|vol|art|p|pp|fig|бл|прибл|ок|прим|ст|п|стор|с|гл|рис|№)\.\s*$",
    re.IGNORECASE,
)

# A single capital letter and a full stop: an initial, at the end of one piece and the start of the next.
_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_INITIAL_START = re.compile(r"[^\W\d_]\.(?:\s|$)")


def split_sentences(text: str, lang: str) -> list[Span]:
    """Return the [start, end) code-point offsets of the sentences of `text`, in order."""
    lang = base_lang(lang)
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        spans.extend(_line_sentences(line, start, lang))
        start += len(line) + 1
    return spans


def base_lang(lang: str) -> str:
    base = (lang or "en").split("-")[0].lower()
    return _LANG_ALIASES.get(base, base)


def _line_sentences(line: str, offset: int, lang: str) -> list[Span]:
    if not line.strip():
        return []
    pieces = [_trim(line, start, end) for start, end in _raw_spans(line, lang)]
    if lang == "en":
        pieces = [part for start, end in pieces for part in _split_after_no(line, start, end)]
    pieces = [piece for piece in pieces if piece[0] < piece[1]]
    pieces = _merge_false_splits(line, pieces)
    pieces = _merge_punctuation_only(line, pieces)
    return [(start + offset, end + offset) for start, end in pieces]


def _raw_spans(line: str, lang: str) -> list[Span]:
    spans = []
    for start, end in _sentencex_spans(line, lang):
        fragment = line[start:end]
        if len(fragment) > LONG_SENTENCE or not _quotes_balanced(fragment):
            masked = fragment.translate(_MASK_QUOTES)
            spans.extend((start + a, start + b) for a, b in _sentencex_spans(masked, lang))
        else:
            spans.append((start, end))
    return spans


def _split_after_no(line: str, start: int, end: int) -> list[Span]:
    """sentencex reads "no." as the abbreviation of "number" even in lower case before a capital ("Owner says no. I
    asked …" stays one sentence): the word "no" in lower case ends a sentence there."""
    parts = []
    for m in _NO_THEN_CAPITAL.finditer(line, start, end):
        parts.append((start, m.start() + 3))
        start = m.end()
    return [*parts, (start, end)]


_NO_THEN_CAPITAL = re.compile(r"(?<![^\W\d_])no\.\s+(?=[A-Z])")


def _quotes_balanced(fragment: str) -> bool:
    """sentencex never splits inside quotes, so one unclosed quote would swallow the rest of the line."""
    curly = sum(fragment.count(ch) for ch in "“”„")
    return fragment.count('"') % 2 == 0 and curly % 2 == 0 and fragment.count("«") == fragment.count("»")


def _sentencex_spans(line: str, lang: str) -> list[Span]:
    fragments = list(sentencex.segment(lang, line))
    if "".join(fragments) != line:
        return _located_spans(line, fragments)
    spans, start = [], 0
    for fragment in fragments:
        spans.append((start, start + len(fragment)))
        start += len(fragment)
    return spans


def _located_spans(line: str, fragments: list[str]) -> list[Span]:
    """Fallback when fragments do not concatenate back to the line: find each one in turn."""
    spans, start = [], 0
    for fragment in fragments:
        found = line.find(fragment.strip(), start)
        if found < 0:
            continue
        start = found + len(fragment.strip())
        spans.append((found, start))
    if not spans:
        return [(0, len(line))]
    return spans


def _trim(line: str, start: int, end: int) -> Span:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _merge_false_splits(line: str, pieces: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in pieces:
        if merged and _is_false_split(line[merged[-1][0] : merged[-1][1]], line[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _is_false_split(before: str, after: str) -> bool:
    """A split is false when the next piece starts in lower case (after any dash or quote, as in
    «Ні!» — сказав він), with a number after "ок.", or between two initials ("Ф. В. де Клерк")."""
    first = next((ch for ch in after if ch.isalnum()), after[0])
    if first.isalpha() and first.islower():
        return True
    if _INITIAL_END.search(before) and _INITIAL_START.match(after) and before[-2].isupper() and after[0].isupper():
        return True
    return first.isdigit() and _BEFORE_NUMBER.search(before) is not None


def _merge_punctuation_only(line: str, pieces: list[Span]) -> list[Span]:
    if len(pieces) < 2:
        return pieces
    merged: list[Span] = []
    carry: int | None = None
    for start, end in pieces:
        fragment = line[start:end]
        if carry is not None:
            start, carry = carry, None
        if _has_word(fragment):
            merged.append((start, end))
        elif merged and not set(fragment) <= _OPENING:
            merged[-1] = (merged[-1][0], end)
        else:
            carry = start
    if carry is not None and merged:
        merged[-1] = (merged[-1][0], pieces[-1][1])
    elif carry is not None:  # nothing but opening marks and dashes: one piece
        merged.append((carry, pieces[-1][1]))
    return merged


def _has_word(fragment: str) -> bool:
    return any(ch.isalnum() for ch in fragment)


def paragraph_starts(text: str, spans: list[Span]) -> list[int]:
    """Indices of the sentences that begin a new line (a paragraph, a headline), the first one excluded."""
    return [k for k in range(1, len(spans)) if "\n" in text[spans[k - 1][1] : spans[k][0]]]
