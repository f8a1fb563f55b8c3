"""CoNLL-style BIO for NER training, one tag column per label so that nested spans survive.

The file starts with a comment naming its columns (`# columns: token ACTOR CLAIM POSITION POSITION.polarity`);
each document starts with a "-DOCSTART-" line (O in every column) and a blank line, after a comment holding
its document labels as JSON (`# doc_labels = {"stance": "oppose"}`) if it has any; then one token per line,
the token and its tags separated by tabs, a blank line after each sentence.

Columns: one BIO column per label of the schema (an ACTOR nested in a CLAIM keeps its own B-ACTOR), then one
column per choice or true/false attribute (`POSITION.polarity`: the value on each token of the span, O
elsewhere). With the `all` layer every annotator has their own set of columns (`olena:ACTOR`, ...), so layers
are never merged. What a column cannot hold is counted (losses.py): a span overlapping another of the same
label in the same layer (the outermost, first, longest is kept), text attribute values, actor links,
relations.

Tokenizer (`tokens`): within each of the document's sentences, a token is either a word — letters, digits
and combining marks, possibly joined by an apostrophe (', ʼ, ’) or a hyphen (пʼять, post-war) — or any
other single visible character, with the variation selectors, skin-tone modifiers and zero-width-joiner
sequences that belong to it (so an emoji is one token). Whitespace separates tokens and is dropped. A token
is cut where a span starts or ends inside it, so every span is whole tokens.
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

import orjson
from sqlalchemy import select

from ..models import Document, Project, Span, User
from . import query as q
from .losses import doc_label_extras
from .native import documents

_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_EMOJI_MODS = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f" + _MARKS
_WORD = rf"(?:[^\W_]|[{_MARKS}])+"
TOKEN = re.compile(rf"{_WORD}(?:['ʼ’\-]{_WORD})*|[^\w\s][{_EMOJI_MODS}]*(?:\u200d[^\w\s][{_EMOJI_MODS}]*)*|_+")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) code-point offsets of the tokens of text[start:end]."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    """The file; with `only`, the documents with these ids alone (one part of a split, see split.py)."""
    columns = Columns(project, req, layers(session, project, req))
    yield (columns.header() + "\n").encode("utf-8")
    for doc in documents(session, project, req):
        if only is None or number(doc["id"]) in only:
            doc_label_extras(losses, doc)
            yield document_block(doc, columns, losses).encode("utf-8")


def number(ref: str) -> int:
    """'d-12' -> 12."""
    return int(ref.partition("-")[2])


def layers(session, project: Project, req: q.ExportRequest) -> list[str | None]:
    """The annotators that get columns of their own: each annotator with live spans in the `all` layer,
    else one set of columns for the layer."""
    if req.layer != "all":
        return [None]
    in_project = select(Document.id).where(Document.project_id == project.id)
    return list(session.scalars(select(User.username).distinct().join(Span, Span.annotator_id == User.id)
                                .where(Span.document_id.in_(in_project), Span.deleted_at.is_(None))
                                .order_by(User.username)))


class Columns:
    """The tag columns: (layer, label, attribute or None), labels in schema order, attributes after them."""

    def __init__(self, project: Project, req: q.ExportRequest, layers: list[str | None]):
        labels = [item for item in project.label_schema.get("labels", [])
                  if not req.labels or item["name"] in req.labels]
        self.text_attrs = {(item["name"], a["name"]) for item in labels for a in item.get("attributes", [])
                           if a.get("type", "text") == "text"}
        self.items = []
        for layer in layers:
            self.items += [(layer, item["name"], None) for item in labels]
            self.items += [(layer, item["name"], a["name"]) for item in labels for a in item.get("attributes", [])
                           if a.get("type") in ("choice", "bool")]

    def header(self) -> str:
        names = [(f"{layer}:" if layer else "") + label + (f".{attr}" if attr else "")
                 for layer, label, attr in self.items]
        return "# columns: token " + " ".join(names)


def _sentences(doc: dict) -> list[list[tuple[int, int]]]:
    text = doc["text"]
    cuts = {x for s in doc["spans"] for x in (s["start"], s["end"])}
    return [toks for a, b in doc["sentences"] if (toks := _cut(tokens(text, a, b), cuts))]


def _column_tags(doc: dict, columns: Columns, flat: list, losses: Counter | None) -> list[dict | None]:
    return [_tags(flat, [s for s in doc["spans"] if s["label"] == label
                         and (layer is None or s["annotator"] == layer)], losses) if attr is None else None
            for layer, label, attr in columns.items]


def tagged(doc: dict, columns: Columns, losses: Counter | None = None) -> tuple[list, dict[str, list[str]]]:
    """The document's tokens and {column name: a BIO tag per token} for the label columns, tagged as in CoNLL
    (B- again at each sentence start); what the columns cannot hold is counted."""
    sentences = _sentences(doc)
    flat = [t for toks in sentences for t in toks]
    tags = _column_tags(doc, columns, flat, losses)
    firsts = {toks[0] for toks in sentences}
    out = {}
    for k, (layer, label, attr) in enumerate(columns.items):
        if attr is None:
            seq, previous = [], None
            for tok in flat:
                span = tags[k].get(tok)
                seq.append("O" if span is None else f"{'I' if previous is span and tok not in firsts else 'B'}-{label}")
                previous = span
            out[(f"{layer}:" if layer else "") + label] = seq
    if losses is not None:
        _count(doc, columns, losses)
    return flat, out


def document_block(doc: dict, columns: Columns, losses: Counter | None = None) -> str:
    text = doc["text"]
    sentences = _sentences(doc)
    flat = [t for toks in sentences for t in toks]
    tags = _column_tags(doc, columns, flat, losses)
    by_label = {(layer, label): k for k, (layer, label, attr) in enumerate(columns.items) if attr is None}
    blank = "\t".join(["O"] * len(columns.items))
    lines = [f"-DOCSTART-\t{blank}", ""]
    if doc.get("doc_labels"):  # a comment line, as CoNLL-U keeps sentence-level metadata
        lines.insert(0, "# doc_labels = " + orjson.dumps(doc["doc_labels"]).decode())
    for toks in sentences:
        previous = [None] * len(columns.items)
        for tok in toks:
            cells = []
            for k, (layer, label, attr) in enumerate(columns.items):
                span = (tags[k] if attr is None else tags[by_label[(layer, label)]]).get(tok)
                if attr is not None:
                    cells.append(_value(span["attrs"].get(attr)) if span else "O")
                    continue
                cells.append("O" if span is None else f"{'I' if previous[k] is span else 'B'}-{label}")
                previous[k] = span
            lines.append(text[tok[0]:tok[1]] + "\t" + "\t".join(cells))
        lines.append("")
    if losses is not None:
        _count(doc, columns, losses)
    return "\n".join(lines) + "\n"


def _value(value) -> str:
    if value is None or value == "":
        return "O"
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _count(doc: dict, columns: Columns, losses: Counter) -> None:
    losses["relations"] += len(doc["relations"])
    for span in doc["spans"]:
        losses["actor links"] += bool(span.get("actor"))
        losses["text attribute values"] += sum(1 for name, value in (span.get("attrs") or {}).items()
                                               if (span["label"], name) in columns.text_attrs and value)


def _cut(toks: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    """The tokens, each cut where a span starts or ends inside it."""
    out = []
    for a, b in toks:
        inner = sorted(x for x in cuts if a < x < b)
        out += list(zip([a, *inner], [*inner, b], strict=True))
    return out


def _tags(toks: list[tuple[int, int]], spans: list[dict], losses: Counter | None) -> dict:
    """{token: the span it belongs to}, keeping the outermost, first, longest of overlapping spans."""
    starts = [t[0] for t in toks]
    tagged: dict = {}
    for span in sorted(spans, key=lambda s: (s["start"], s["start"] - s["end"], s["label"])):
        first, last = max(bisect_right(starts, span["start"]) - 1, 0), bisect_left(starts, span["end"])
        covered = [t for t in toks[first:last] if t[1] > span["start"]]
        if covered and not any(t in tagged for t in covered):
            tagged.update((t, span) for t in covered)
        elif losses is not None:
            losses["spans overlapping another of the same label and layer" if covered
                   else "spans covering no token"] += 1
    return tagged
