"""Reading spans, relations, sentences, alignments and span links of a native line, once its shape is checked
(ingest.shape): what the types cannot say — offsets inside the text, span text matching it, references to spans
of the same line — checked without the project (services.imports checks labels and attributes against it).
"""

from datetime import UTC, datetime

from ..errors import N_
from ..services.documents import RelationInput, SpanInput
from . import shape
from .shape import bad

OUTSIDE = N_("{at}field '{name}': offsets [{start}, {end}) are outside the text ({size} code points)")
NO_SPAN = N_("{at}field '{name}': no span '{ref}' in this document")


def read_spans(spans: list[shape.Span] | None, text: str, where: str) -> list[SpanInput]:
    """The spans as inputs. Their `where` is left empty: check_annotations names them by position when needed."""
    size, out = len(text), []
    for k, s in enumerate(spans or ()):
        start, end = s.start, s.end
        if not 0 <= start < end <= size:
            raise bad(where, f"spans[{k}].end", OUTSIDE, start=start, end=end, size=size)
        if s.text is not None and s.text != text[start:end]:
            raise bad(where, f"spans[{k}].text", N_("{at}field '{name}': '{given}' does not match the text at "
                                                    "[{start}, {end}): '{found}'"),
                      given=s.text, start=start, end=end, found=text[start:end])
        actor = " ".join(s.actor.name.split()) if s.actor else None  # as actors are named: spaces collapsed
        if actor == "":
            raise bad(where, f"spans[{k}].actor.name", N_("{at}field '{name}': is empty"))
        out.append(SpanInput(start, end, s.label, s.attrs or {}, s.annotator, s.status or "pending",
                             None if s.id is None else str(s.id), actor))
    return out


def _refs(spans: list[SpanInput]) -> set[str]:
    return {s.ref for s in spans if s.ref}


def read_relations(relations: list[shape.Relation] | None, spans: list[SpanInput], where: str
                   ) -> list[RelationInput]:
    refs = _refs(spans) if relations else set()
    out = []
    for k, rel in enumerate(relations or ()):
        head, tail = str(rel.head), str(rel.tail)
        for end, ref in (("head", head), ("tail", tail)):
            if ref not in refs:
                raise bad(where, f"relations[{k}].{end}", NO_SPAN, ref=ref)
        if head == tail:
            raise bad(where, f"relations[{k}].tail", N_("{at}field '{name}': a relation links two different spans"))
        out.append(RelationInput(head, tail, rel.type, f"{where}: relations[{k}]", rel.annotator,
                                 rel.status or "pending"))
    return out


def read_review(review: shape.Review | None, where: str) -> dict | None:
    """{"state", "by" (a user name), "at" (naive UTC)}, or None for a document never reviewed."""
    if review is None or (review.state == "new" and review.by is None and review.at is None):
        return None
    at = review.at
    if at is not None:
        try:
            at = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(UTC).replace(tzinfo=None)
        except (ValueError, OverflowError):  # OverflowError: a time zone that moves year 1 or 9999 out of range
            raise bad(where, "review.at", N_("{at}field '{name}': must be an ISO 8601 time such as "
                                             "2026-12-05T10:00:00Z")) from None
    return {"state": review.state, "by": review.by, "at": at}


def read_sentences(sentences: list[tuple[int, int]] | None, text: str, where: str) -> list | None:
    if not sentences:
        return None
    size = len(text)
    for k, (start, end) in enumerate(sentences):
        if not 0 <= start <= end <= size:
            raise bad(where, f"sentences[{k}]", N_("{at}field '{name}': [{start}, {end}] is not inside the text "
                                                   "({size} code points)"), start=start, end=end, size=size)
    return [list(pair) for pair in sentences]


def read_alignment(alignment: dict | None, ref: str | None, where: str) -> dict:
    """{lang: {"doc", "pairs", "status"?}} as the importer stores it (services.alignment checks the beads); `ref`
    is the document's own id, which no entry may name."""
    out = {}
    for lang, raw in (alignment or {}).items():
        entry = shape.typed(raw, shape.Alignment, where, f"alignment.{lang}")
        if ref is not None and str(entry.doc) == ref:
            raise bad(where, f"alignment.{lang}.doc", N_("{at}field '{name}': names this document itself, not "
                                                         "another version"))
        if entry.status is not None and len(entry.status) != len(entry.pairs):
            raise bad(where, f"alignment.{lang}.status", N_("{at}field '{name}': has {count} entries for {pairs} "
                                                            "pairs"), count=len(entry.status), pairs=len(entry.pairs))
        out[lang] = {"doc": entry.doc, "pairs": [[a, b] for a, b in entry.pairs],
                     **({"status": entry.status} if entry.status is not None else {})}
    return out


def read_span_links(links: list[shape.SpanLink] | None, spans: list[SpanInput], where: str
                    ) -> list[tuple[str, str]]:
    refs = _refs(spans) if links else set()
    out = []
    for k, link in enumerate(links or ()):
        if str(link.span) not in refs:
            raise bad(where, f"span_links[{k}].span", NO_SPAN, ref=link.span)
        out.append((str(link.span), str(link.target)))
    return out
