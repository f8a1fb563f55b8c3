"""doccano JSONL, both sequence-labeling variants: {"text", "label": [[start, end, LABEL], ...]} and
{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"from_id", "to_id",
"type"}]}. doccano is a Python application, so its offsets are code points, like ours.

The spans land as their own layer, annotator "import:doccano", pending review.
"""

import orjson

from ..errors import Invalid
from ..services.documents import DocumentInput, RelationInput, SpanInput, parse_fields
from .txt import decode, settle_language

LAYER = "import:doccano"
KNOWN = {"id", "text", "data", "label", "labels", "entities", "relations", "lang", "language", "title"}


def bad(where: str, name: str, message: str) -> Invalid:
    return Invalid(f"{where}: field '{name}': {message}", field=name, where=where)


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def document_input(text, lang, title, meta: dict, where: str, default_lang: str | None,
                   text_field: str = "text") -> DocumentInput:
    """The document fields checked as every import checks them; the text must already be NFC with \\n line
    ends, since the spans' offsets point into it as it is."""
    if not isinstance(text, str):
        raise bad(where, text_field, "is required and must be a string")
    if not (lang or default_lang):  # neither in the file nor given: detected, and said so in meta
        lang, found = settle_language(text, where)
        meta = {**meta, **found}
    item = parse_fields({"text": text, "lang": lang or default_lang, "title": title if isinstance(title, str) else "",
                         "meta": meta}, where=where)
    if item.text != text:
        raise bad(where, text_field, "not in NFC form with \\n line ends, so its span offsets would shift; "
                                     "normalise the text and its offsets first")
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
            yield _document(orjson.loads(line), where, default_lang)
        except orjson.JSONDecodeError as exc:
            yield Invalid(f"{where}: not valid JSON ({exc})", field="line", where=where)
        except Invalid as exc:
            yield exc


def _document(obj, where: str, default_lang: str | None) -> DocumentInput:
    if not isinstance(obj, dict):
        raise Invalid(f"{where}: expected a JSON object with 'text' and 'label' or 'entities'", where=where)
    field = "text" if "text" in obj or "data" not in obj else "data"
    meta = {k: v for k, v in obj.items() if k not in KNOWN and v not in (None, "", [], {})}
    item = document_input(obj.get(field), obj.get("lang") or obj.get("language"), obj.get("title"), meta, where,
                          default_lang, field)
    item.ref = str(obj["id"]) if obj.get("id") is not None else None
    if "entities" in obj:
        item.spans = _entities(obj["entities"], item.text, where)
        item.relations = _relations(obj.get("relations"), item.spans, where)
    else:
        key = "label" if "label" in obj else "labels"
        item.spans = _labels(obj.get(key), key, item.text, where)
    return item


def _span(start, end, label, text: str, where: str, name: str, ref: str | None = None) -> SpanInput:
    if not is_int(start) or not is_int(end):
        raise bad(where, name, "start and end must be integers (code point offsets)")
    if not 0 <= start < end <= len(text):
        raise bad(where, name, f"offsets [{start}, {end}) are outside the text ({len(text)} code points)")
    if not isinstance(label, str) or not label:
        raise bad(where, name, "the label must be a non-empty string")
    return SpanInput(start=start, end=end, label=label, annotator=LAYER, status="pending", ref=ref,
                     where=f"{where}: {name}")


def _labels(raw, key: str, text: str, where: str) -> list[SpanInput]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad(where, key, "must be a list of [start, end, label]")
    out = []
    for k, entry in enumerate(raw):
        if not isinstance(entry, list) or len(entry) != 3:
            raise bad(where, f"{key}[{k}]", "must be [start, end, label] (a sequence-labeling span; text "
                                            "classification labels cannot be imported as spans)")
        out.append(_span(*entry, text, where, f"{key}[{k}]"))
    return out


def _entities(raw, text: str, where: str) -> list[SpanInput]:
    if not isinstance(raw, list):
        raise bad(where, "entities", "must be a list")
    out, seen = [], set()
    for k, entity in enumerate(raw):
        name = f"entities[{k}]"
        if not isinstance(entity, dict):
            raise bad(where, name, "must be an object with id, label, start_offset and end_offset")
        ref = str(entity["id"]) if entity.get("id") is not None else None
        if ref is not None and ref in seen:
            raise bad(where, f"{name}.id", f"entity id {entity['id']} is used twice")
        seen.add(ref)
        out.append(_span(entity.get("start_offset"), entity.get("end_offset"), entity.get("label"), text, where,
                         name, ref))
    return out


def _relations(raw, spans: list[SpanInput], where: str) -> list[RelationInput]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad(where, "relations", "must be a list")
    refs = {s.ref for s in spans if s.ref is not None}
    out = []
    for k, rel in enumerate(raw):
        name = f"relations[{k}]"
        if not isinstance(rel, dict) or not isinstance(rel.get("type"), str) or not rel["type"]:
            raise bad(where, name, "must be an object with from_id, to_id and type")
        head, tail = str(rel.get("from_id")), str(rel.get("to_id"))
        for end, ref in (("from_id", head), ("to_id", tail)):
            if ref not in refs:
                raise bad(where, f"{name}.{end}", f"no entity with id {ref} in this line")
        if head == tail:
            raise bad(where, f"{name}.to_id", "a relation needs two different entities")
        out.append(RelationInput(head=head, tail=tail, type=rel["type"], where=f"{where}: {name}"))
    return out
