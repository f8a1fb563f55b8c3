"""Native JSONL: one document per line (annotator.document/v1, or any object with text and lang), or one
translation group per line (annotator.group/v1). Spans, relations, sentences, alignments and span links
are read too, so that an export imports back without loss."""

import codecs
import gc

import orjson

from ..errors import Invalid
from ..services.bulk import paused_gc
from ..services.documents import parse_fields
from . import annotations

GROUP_SCHEMA = "annotator.group/v1"


def read(name: str, data: bytes, lang: str | None = None):
    """Lines are parsed from the bytes (orjson checks UTF-8), never decoding the whole file into one string, nor
    copying it into one bytes object a line: each line is a view into `data`."""
    default_lang = lang if lang and lang != "auto" else None
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    view = memoryview(data)
    out = []
    with paused_gc():  # for the whole file: re-enabling it between chunks walks everything parsed so far again
        for number, (start, end) in enumerate(_lines(data, offset), 1):
            if end > start:  # an empty line is skipped here; one of white space only by _not_json
                out.extend(_line(name, number, view[start:end], start, default_lang))
                if out and isinstance(out[-1], Invalid) and out[-1].field == "file":
                    break
        _age_tracked_objects()
    yield from out


def _lines(data: bytes, start: int):
    """(start, end) of each line of data from `start` on, as bytes.split(b"\n") would cut them."""
    while (end := data.find(b"\n", start)) >= 0:
        yield start, end
        start = end + 1
    yield start, len(data)


def _age_tracked_objects() -> None:
    """Move every object the cyclic collector tracks into its oldest generation, without walking them.

    Otherwise the first young collection after the pause walks every list, span and relation just parsed (0.3 s
    for 400,000 spans, a fifth of the parse) only to find them all alive. gc.freeze() then gc.unfreeze() is that
    move ("put them back into the oldest generation", in the gc docs); the oldest generation is still collected,
    so nothing leaks. Skipped if something else froze objects, which unfreeze() would let go."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _line(name: str, number: int, line: memoryview, offset: int, default_lang) -> list:
    where = f"{name} line {number}"
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return _not_json(name, number, line, offset, exc)
    if isinstance(obj, dict) and obj.get("schema") == GROUP_SCHEMA:
        members = obj.get("documents")
        if not isinstance(members, list):
            return [Invalid(f"{where}: field 'documents': a group line holds a list of documents",
                            field="documents", where=where)]
        key = obj.get("key") or obj.get("id")
        return [_document({**member, "group_key": key} if isinstance(member, dict) and key else member,
                          f"{where} documents[{k}]", default_lang) for k, member in enumerate(members)]
    return [_document(obj, where, default_lang)]


def _not_json(name: str, number: int, line: memoryview, offset: int, exc) -> list:
    """Bad UTF-8 stops the file (as decoding it whole would); a line of white space only is skipped."""
    line = bytes(line)
    try:
        content = line.decode("utf-8")
    except UnicodeDecodeError as bad:
        at = offset + bad.start
        return [Invalid(f"{name}: line {number}: not UTF-8 text (byte 0x{line[bad.start]:02x} at "
                        f"offset {at}); save the file as UTF-8", field="file", where=name)]
    if not content.strip():
        return []
    where = f"{name} line {number}"
    return [Invalid(f"{where}: not valid JSON ({exc})", field="line", where=where)]


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
        item.review = annotations.read_review(obj, where)
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
