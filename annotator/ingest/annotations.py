"""Reading spans, relations, sentences, alignments and span links from an annotator.document/v1 object.

Checks what can be checked without the project: types, offsets inside the text, span text matching the text.
"""

from datetime import UTC, datetime
from operator import itemgetter

from ..errors import Invalid
from ..services.documents import RelationInput, SpanInput

STATUSES = ("pending", "accepted", "rejected", "merged")


def _bad(where: str, name: str, message: str) -> Invalid:
    return Invalid(f"{where}: field '{name}': {message}", field=name, where=where)


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_spans(obj: dict, text: str, where: str) -> list[SpanInput]:
    """The spans, checked. Their `where` is left empty: check_annotations names them by position when needed."""
    raw = obj.get("spans") or []
    if not isinstance(raw, list):
        raise _bad(where, "spans", "must be a list")
    spans = _spans_as_exported(raw, text)
    return spans if spans is not None else _checked_spans(raw, text, where)


EXPORTED_SPAN = itemgetter("start", "end", "text", "label", "attrs", "status", "annotator", "actor", "id")


def _spans_as_exported(raw: list, text: str) -> list[SpanInput] | None:
    """The spans when each one has every field the export writes, of the plain JSON type and valid; else None,
    and _checked_spans decides, naming the first problem.

    The same checks and values as _checked_spans, for the common case only, and a fifth quicker: the fields come
    in one call per span and one condition tests them (exact types, so a subclass of int or dict goes the long
    way). tests/unit/test_ingest_annotations.py checks that the two agree."""
    if not raw or {*map(type, raw)} != {dict}:
        return None
    try:
        rows = list(map(EXPORTED_SPAN, raw))
    except KeyError:  # a field left out: allowed, but not the common case
        return None
    size, out = len(text), []
    for start, end, given, label, attrs, status, annotator, actor, ref in rows:
        if not (type(start) is int and type(end) is int and 0 <= start < end <= size
                and type(given) is str and given == text[start:end] and type(label) is str and label
                and (attrs is None or type(attrs) is dict) and (annotator is None or type(annotator) is str)
                and (status is None or type(status) is str and status in STATUSES)):
            return None
        out.append(SpanInput(start, end, label, attrs or {}, annotator, status or "pending",
                             None if ref is None else str(ref), actor.get("name") if isinstance(actor, dict) else None))
    return out


def _checked_spans(raw: list, text: str, where: str) -> list[SpanInput]:
    """The spans, checked one field at a time: any shape the format allows, and the exact message for the first
    problem."""
    out = []
    size = len(text)
    for k, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _bad(where, f"spans[{k}]", "must be an object")
        start, end = item.get("start"), item.get("end")
        if not ((type(start) is int or _int(start)) and (type(end) is int or _int(end))):
            raise _bad(where, f"spans[{k}].start", "start and end must be integers (code point offsets)")
        if not 0 <= start < end <= size:
            raise _bad(where, f"spans[{k}].end", f"offsets [{start}, {end}) are outside the text ({size} code points)")
        if "text" in item and item["text"] != text[start:end]:
            raise _bad(where, f"spans[{k}].text", f"'{item['text']}' does not match the text at [{start}, {end}): "
                                                  f"'{text[start:end]}'")
        label = item.get("label")
        if not isinstance(label, str) or not label:
            raise _bad(where, f"spans[{k}].label", "is required")
        attrs = item.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise _bad(where, f"spans[{k}].attrs", "must be an object")
        status = item.get("status") or "pending"
        if status not in STATUSES:
            raise _bad(where, f"spans[{k}].status", f"must be one of {', '.join(STATUSES)}")
        actor = item.get("actor")
        annotator = item.get("annotator")
        if annotator is not None and not isinstance(annotator, str):
            raise _bad(where, f"spans[{k}].annotator", "must be a user name")
        ref = item.get("id")
        out.append(SpanInput(start, end, label, attrs, annotator, status, None if ref is None else str(ref),
                             actor.get("name") if isinstance(actor, dict) else None))
    return out


def _refs(spans: list[SpanInput]) -> set[str]:
    return {s.ref for s in spans if s.ref}


def read_relations(obj: dict, spans: list[SpanInput], where: str) -> list[RelationInput]:
    raw = obj.get("relations") or []
    if not isinstance(raw, list):
        raise _bad(where, "relations", "must be a list")
    refs = _refs(spans) if raw else set()
    out = []
    for k, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise _bad(where, f"relations[{k}]", "must be an object with head, tail and type")
        head, tail = str(item.get("head")), str(item.get("tail"))
        if head not in refs or tail not in refs:
            end, ref = ("head", head) if head not in refs else ("tail", tail)
            raise _bad(where, f"relations[{k}].{end}", f"no span '{ref}' in this document")
        annotator, status = item.get("annotator"), item.get("status") or "pending"
        if annotator is not None and not isinstance(annotator, str):
            raise _bad(where, f"relations[{k}].annotator", "must be a user name")
        if status not in STATUSES:
            raise _bad(where, f"relations[{k}].status", f"must be one of {', '.join(STATUSES)}")
        out.append(RelationInput(head, tail, item["type"], f"{where}: relations[{k}]", annotator, status))
    return out


REVIEW_STATES = ("new", "in_review", "reviewed")


def read_review(obj: dict, where: str) -> dict | None:
    """The document's review state as the native export writes it: {"state", "by" (a user name), "at"}."""
    raw = obj.get("review")
    if raw is None or raw == {"state": "new", "by": None, "at": None}:  # what a document never reviewed shows
        return None
    if not isinstance(raw, dict) or raw.get("state") not in REVIEW_STATES:
        raise _bad(where, "review", f"must be an object whose state is one of {', '.join(REVIEW_STATES)}")
    if raw.get("by") is not None and not isinstance(raw["by"], str):
        raise _bad(where, "review.by", "must be a user name")
    at = raw.get("at")
    if at is not None:
        try:
            at = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(UTC).replace(tzinfo=None)
        except (AttributeError, ValueError):
            raise _bad(where, "review.at", "must be an ISO 8601 time such as 2026-12-05T10:00:00Z") from None
    return {"state": raw["state"], "by": raw.get("by"), "at": at}


def read_sentences(obj: dict, text: str, where: str) -> list | None:
    raw = obj.get("sentences")
    if not raw:
        return None
    if not isinstance(raw, list) or not all(map(_pair_inside(len(text)), raw)):
        raise _bad(where, "sentences", "must be a list of [start, end] pairs inside the text")
    return raw


def _pair_inside(size: int):
    def check(x) -> bool:
        if type(x) is list and len(x) == 2:
            a, b = x
            if type(a) is int and type(b) is int:
                return 0 <= a <= b <= size
        return isinstance(x, list) and len(x) == 2 and _int(x[0]) and _int(x[1]) and 0 <= x[0] <= x[1] <= size
    return check


def read_alignment(obj: dict, where: str) -> dict:
    raw = obj.get("alignment") or {}
    if not isinstance(raw, dict):
        raise _bad(where, "alignment", "must be an object keyed by language")
    for lang, entry in raw.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str) \
                or not isinstance(entry.get("pairs"), list):
            raise _bad(where, f"alignment.{lang}", "needs 'doc' and 'pairs'")
    return raw


def read_span_links(obj: dict, spans: list[SpanInput], where: str) -> list[tuple[str, str]]:
    raw = obj.get("span_links") or []
    if not isinstance(raw, list):
        raise _bad(where, "span_links", "must be a list")
    refs = _refs(spans) if raw else set()
    out = []
    for k, item in enumerate(raw):
        if not isinstance(item, dict) or str(item.get("span")) not in refs or item.get("target") is None:
            raise _bad(where, f"span_links[{k}]", "needs 'span' (a span of this document) and 'target'")
        out.append((str(item["span"]), str(item["target"])))
    return out
