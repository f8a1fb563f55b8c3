"""CoNLL-2003-style BIO for NER training: "token<TAB>TAG" lines, a blank line after each sentence, and a
"-DOCSTART-<TAB>O" line (then a blank line) before each document.

Tokenizer (`tokens`): within each of the document's sentences, a token is either a word — letters, digits
and combining marks, possibly joined by an apostrophe (', ʼ, ’) or a hyphen (пʼять, post-war) — or any
other single visible character, with the variation selectors, skin-tone modifiers and zero-width-joiner
sequences that belong to it (so an emoji is one token). Whitespace separates tokens and is dropped.

Spans to tags: spans are taken by (start, longest first, label); a span is kept only if none of the tokens
it overlaps is already tagged, so nested and overlapping spans lose to the outermost, first, longest one.
A token overlapping a kept span by any character is tagged with it; the first such token in each sentence
gets B-, the others I- (a span crossing a sentence boundary starts again with B- in the next sentence).
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ..models import Project
from . import query as q
from .native import documents

_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_EMOJI_MODS = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f" + _MARKS
_WORD = rf"(?:[^\W_]|[{_MARKS}])+"
TOKEN = re.compile(rf"{_WORD}(?:['ʼ’\-]{_WORD})*|[^\w\s][{_EMOJI_MODS}]*(?:\u200d[^\w\s][{_EMOJI_MODS}]*)*|_+")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) code-point offsets of the tokens of text[start:end]."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    for doc in documents(session, project, req):
        yield document_block(doc).encode("utf-8")


def document_block(doc: dict) -> str:
    text = doc["text"]
    sentences = [tokens(text, a, b) for a, b in doc["sentences"]]
    sentences = [toks for toks in sentences if toks]
    tags = _tags([t for toks in sentences for t in toks], doc["spans"])
    lines = ["-DOCSTART-\tO", ""]
    for toks in sentences:
        previous = None
        for tok in toks:
            span = tags.get(tok)
            if span is None:
                lines.append(f"{text[tok[0]:tok[1]]}\tO")
            else:
                lines.append(f"{text[tok[0]:tok[1]]}\t{'I' if previous is span else 'B'}-{span['label']}")
            previous = span
        lines.append("")
    return "\n".join(lines) + "\n"


def _tags(toks: list[tuple[int, int]], spans: list[dict]) -> dict:
    """{token: the span it belongs to}, keeping the outermost, first, longest of overlapping spans."""
    starts = [t[0] for t in toks]
    tagged: dict = {}
    for span in sorted(spans, key=lambda s: (s["start"], s["start"] - s["end"], s["label"])):
        first, last = max(bisect_right(starts, span["start"]) - 1, 0), bisect_left(starts, span["end"])
        covered = [t for t in toks[first:last] if t[1] > span["start"]]
        if covered and not any(t in tagged for t in covered):
            tagged.update((t, span) for t in covered)
    return tagged

