"""doccano JSONL, both sequence-labeling variants: {"text", "label": [[start, end, LABEL], ...]} and
{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"from_id", "to_id",
"type"}]}. doccano is a Python application, so its offsets are code points, like ours.

The spans land as their own layer, annotator "import:doccano", pending review, and so do the document labels
of `doc_labels` (an object of document fields, as annotator's doccano export writes it beside `cats`).
"""

from typing import Any

import orjson
from msgspec import Struct

from ..errors import N_, Invalid
from ..services.documents import DocumentInput, RelationInput, SpanInput, parse_fields
from . import shape
from .annotations import OUTSIDE
from .shape import NOT_NFC, bad
from .txt import decode, settle_language

LAYER = "import:doccano"


class Entity(Struct, frozen=True):
    start_offset: int
    end_offset: int
    label: shape.Label
    id: shape.Ref | None = None


class Relation(Struct, frozen=True):
    from_id: shape.Ref
    to_id: shape.Ref
    type: shape.Label


class Record(Struct, frozen=True):
    """A doccano line. `text` (or `data`) is checked by document_input; other fields land in the document's meta."""

    label: list[tuple[int, int, shape.Label]] | None = None
    labels: list[tuple[int, int, shape.Label]] | None = None
    entities: list[Entity] | None = None
    relations: list[Relation] | None = None
    lang: str | None = None
    language: str | None = None
    title: str | None = None
    id: shape.Ref | None = None
    doc_labels: dict[str, Any] | None = None


KNOWN = {"text", "data", *Record.__struct_fields__}


def document_input(text, lang, title, meta: dict, where: str, default_lang: str | None,
                   text_field: str = "text") -> DocumentInput:
    """The document fields checked as every import checks them; the text must already be NFC with \\n line
    ends, since the spans' offsets point into it as it is."""
    if not isinstance(text, str):
        raise bad(where, text_field, N_("{at}field '{name}': is required and must be a string"))
    if not (lang or default_lang):  # neither in the file nor given: detected, and said so in meta
        lang, found = settle_language(text, where)
        meta = {**meta, **found}
    item = parse_fields({"text": text, "lang": lang or default_lang, "title": title if isinstance(title, str) else "",
                         "meta": meta}, where=where)
    if item.text != text:
        raise bad(where, text_field, NOT_NFC)
    return item


def read(name: str, data: bytes, lang: str | None = None):
    try:
        content = decode(name, data)
    except Invalid as exc:
        yield exc
        return
    default_lang = lang if lang and lang != "auto" else None
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            shape.refuse_nul(line, where)
            yield _document(orjson.loads(line), where, default_lang)
        except orjson.JSONDecodeError as exc:
            yield shape.not_json(where, str(exc), "line")
        except Invalid as exc:
            yield exc


def _document(obj, where: str, default_lang: str | None) -> DocumentInput:
    record = shape.typed(obj, Record, where)
    field = "text" if "text" in obj or "data" not in obj else "data"
    meta = {k: v for k, v in obj.items() if k not in KNOWN and v not in (None, "", [], {})}
    item = document_input(obj.get(field), record.lang or record.language, record.title, meta, where, default_lang,
                          field)
    item.ref = None if record.id is None else str(record.id)
    if record.doc_labels:
        item.doc_labels_by = [(LAYER, record.doc_labels, "pending")]
    if record.entities is not None:
        item.spans = _entities(record.entities, item.text, where)
        item.relations = _relations(record.relations or [], item.spans, where)
    else:
        key = "label" if record.label is not None else "labels"
        item.spans = [_span(start, end, label, item.text, where, f"{key}[{k}]")
                      for k, (start, end, label) in enumerate(getattr(record, key) or [])]
    return item


def _span(start: int, end: int, label: str, text: str, where: str, name: str, ref: str | None = None) -> SpanInput:
    if not 0 <= start < end <= len(text):
        raise bad(where, name, OUTSIDE, start=start, end=end, size=len(text))
    return SpanInput(start=start, end=end, label=label, annotator=LAYER, status="pending", ref=ref,
                     where=f"{where}: {name}")


def _entities(entities: list[Entity], text: str, where: str) -> list[SpanInput]:
    out, seen = [], set()
    for k, entity in enumerate(entities):
        ref = None if entity.id is None else str(entity.id)
        if ref is not None and ref in seen:
            raise bad(where, f"entities[{k}].id", N_("{at}field '{name}': entity id {id} is used twice"),
                      id=entity.id)
        seen.add(ref)
        out.append(_span(entity.start_offset, entity.end_offset, entity.label, text, where, f"entities[{k}]", ref))
    return out


def _relations(relations: list[Relation], spans: list[SpanInput], where: str) -> list[RelationInput]:
    refs = {s.ref for s in spans if s.ref is not None}
    out = []
    for k, rel in enumerate(relations):
        name = f"relations[{k}]"
        head, tail = str(rel.from_id), str(rel.to_id)
        for end, ref in (("from_id", head), ("to_id", tail)):
            if ref not in refs:
                raise bad(where, f"{name}.{end}", N_("{at}field '{name}': no entity with id {ref} in this line"),
                          ref=ref)
        if head == tail:
            raise bad(where, f"{name}.to_id", N_("{at}field '{name}': a relation needs two different entities"))
        out.append(RelationInput(head=head, tail=tail, type=rel.type, where=f"{where}: {name}"))
    return out
