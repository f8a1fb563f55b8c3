"""Native JSONL: one document per line (annotator.document/v1, or any object with text and lang), or one
translation group per line (annotator.group/v1). Spans, relations, sentences, alignments and span links
are read too, so that an export imports back without loss. Shapes are declared in ingest.shape."""

import codecs

from ..errors import Invalid
from ..services.bulk import paused_gc
from ..services.documents import parse_fields
from . import annotations, shape
from .shape import NOT_NFC, bad


def read(name: str, data: bytes, lang: str | None = None) -> list:
    """Every document of the file, or the Invalid saying what is wrong with it. The cyclic collector is paused
    meanwhile: the millions of small objects made never form cycles, and walking them again and again would cost
    about a third of the time."""
    default_lang = lang if lang and lang != "auto" else None
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    out = []
    with paused_gc():
        for number, line in enumerate(data[start:].split(b"\n"), 1):
            if line.strip():
                try:
                    out.extend(_line(line, f"{name} line {number}", default_lang))
                except Invalid as exc:
                    problem = _not_utf8(name, number, line, data) or exc
                    if problem is exc and not line.decode().strip():  # white space beyond ASCII's, such as U+00A0
                        continue
                    out.append(problem)
                    if problem.field == "file":
                        break
    return out


def _line(line: bytes, where: str, default_lang) -> list:
    shape.refuse_nul(line, where)
    if shape.GROUP_SCHEMA.encode() in line and shape.decode(shape.LINE, line, where).schema == shape.GROUP_SCHEMA:
        group = shape.decode(shape.GROUP, line, where)
        key = group.key if group.key is not None else group.id
        return [_document(member, f"{where} documents[{k}]", default_lang, key)
                for k, member in enumerate(group.documents)]
    return [_document(shape.decode(shape.DOCUMENT, line, where), where, default_lang)]


def _not_utf8(name: str, number: int, line: bytes, data: bytes) -> Invalid | None:
    """Bad UTF-8 stops the file, named by its line and its offset in the file."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as bad:
        return shape.not_utf8(name, number, line[bad.start], data.find(line) + bad.start)
    return None


def _document(doc: shape.Document, where: str, default_lang, group_key=None):
    """A DocumentInput with its annotations, or the Invalid that says what is wrong."""
    try:
        source = doc.source or shape.Source()
        key = next((k for k in (group_key, doc.group_key, doc.group) if k is not None), None)
        item = parse_fields({"text": doc.text, "lang": doc.lang, "title": doc.title, "group": key,
                             "source_url": source.url or doc.source_url or doc.url,
                             "published": source.published or doc.published, "meta": doc.meta},
                            where=where, default_lang=default_lang)
        if doc.spans and item.text != doc.text:
            raise bad(where, "text", NOT_NFC)
        item.ref = None if doc.id is None else str(doc.id)
        item.sentences = annotations.read_sentences(doc.sentences, item.text, where)
        item.spans = annotations.read_spans(doc.spans, item.text, where)
        item.relations = annotations.read_relations(doc.relations, item.spans, where)
        item.alignment = annotations.read_alignment(doc.alignment, item.ref, where)
        item.span_links = annotations.read_span_links(doc.span_links, item.spans, where)
        item.review = annotations.read_review(doc.review, where)
        item.doc_labels = doc.doc_labels or {}
        item.doc_labels_by = [(x.annotator, x.values, x.status or "pending") for x in doc.doc_labels_by or []]
        return item
    except Invalid as exc:
        return exc
