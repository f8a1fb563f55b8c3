"""Native JSONL: one document per line (annotator.document/v1, or any object with text and lang), or one
translation group per line (annotator.group/v1). Spans, relations, sentences, alignments and span links
are read too, so that an export imports back without loss."""

import orjson

from ..errors import Invalid
from ..services.documents import parse_fields
from . import annotations
from .txt import decode

GROUP_SCHEMA = "annotator.group/v1"


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
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Invalid(f"{where}: not valid JSON ({exc})", field="line", where=where)
            continue
        if isinstance(obj, dict) and obj.get("schema") == GROUP_SCHEMA:
            members = obj.get("documents")
            if not isinstance(members, list):
                yield Invalid(f"{where}: field 'documents': a group line holds a list of documents",
                              field="documents", where=where)
                continue
            key = obj.get("key") or obj.get("id")
            for k, member in enumerate(members):
                member = {**member, "group_key": key} if isinstance(member, dict) and key else member
                yield _document(member, f"{where} documents[{k}]", default_lang)
        else:
            yield _document(obj, where, default_lang)


def _document(obj, where: str, default_lang):
    """A DocumentInput with its annotations, or the Invalid that says what is wrong."""
    try:
        if isinstance(obj, dict):
            obj = _native_fields(obj)
        item = parse_fields(obj, where=where, default_lang=default_lang)
        if obj.get("spans") and item.text != obj.get("text"):
            raise Invalid(f"{where}: field 'text': not in NFC form with \\n line ends, so its span offsets would "
                          "shift; normalise the text and its offsets first", field="text", where=where)
        item.ref = str(obj["id"]) if obj.get("id") is not None else None
        item.sentences = annotations.read_sentences(obj, item.text, where)
        item.spans = annotations.read_spans(obj, item.text, where)
        item.relations = annotations.read_relations(obj, item.spans, where)
        item.alignment = annotations.read_alignment(obj, where)
        item.span_links = annotations.read_span_links(obj, item.spans, where)
        return item
    except Invalid as exc:
        return exc


def _native_fields(obj: dict) -> dict:
    """Map the export's shape (source object, group_key) onto the input fields."""
    out = dict(obj)
    if isinstance(obj.get("source"), dict):
        out["source_url"] = obj["source"].get("url")
        out["published"] = obj["source"].get("published")
    if obj.get("group_key"):
        out["group"] = obj["group_key"]
    return out
