r"""On SQLite, the native export's lines put together by the database: the document's fields quoted with
json_quote, its spans' stored JSON (fragments.py) and its relations joined, the whole returned as the UTF-8
bytes that are written out. Python only adds what few documents have (alignments, span links) and joins the
pieces.

json_quote escapes exactly as orjson does (checked on every code point) except NUL, where SQLite's strings end:
a document whose text, title or address holds one is left to the Python path (`head` is NULL), as is one whose
sentences were never stored or whose meta was stored with \u escapes (by json.dumps, before orjson wrote JSON
columns). JSON columns are written through json(), which removes any spacing. The tests compare these lines
with the Python path's on every kind of document (tests/api/test_export_json.py).
"""

from sqlalchemy import LargeBinary, String, Text, and_, bindparam, case, cast, func, literal, or_, select
from sqlalchemy.orm import aliased

from ..models import Document, Relation, ReviewStatus, Span, TranslationGroup
from . import query as q

SCHEMA = "annotator.document/v1"


def _quote(value):
    return func.json_quote(value)


def _text(value):
    return cast(value, Text)


def head(project_json: str):
    """`{"schema": …` up to the sentences, or NULL where the Python path has to write the document."""
    group = aliased(TranslationGroup)
    nul = func.char(0)
    # \u escapes in stored JSON: written by json.dumps before JSON columns were written by orjson
    python_path = or_(Document.sentences.is_(None), func.instr(Document.meta, "\\u") > 0,
                      func.instr(Document.text, nul) > 0,
                      func.instr(Document.title, nul) > 0, func.instr(func.coalesce(Document.source_url, ""), nul) > 0)
    parts = [
        literal(f'{{"schema":"{SCHEMA}","id":"d-'), _text(Document.id), literal('","project":'),
        bindparam("project_json", project_json, type_=String), literal(',"group":'),
        case((Document.group_id.is_(None), "null"), else_='"g-' + _text(Document.group_id) + '"'),
        literal(',"group_key":'),
        func.coalesce(select(_quote(group.key)).where(group.id == Document.group_id).scalar_subquery(), "null"),
        literal(',"lang":'), _quote(Document.lang), literal(',"title":'), _quote(Document.title),
        literal(',"text":'), _quote(Document.text), literal(',"source":{"url":'), _quote(Document.source_url),
        literal(',"published":'), _quote(Document.published), literal('},"meta":'), func.json(Document.meta),
        literal(',"sentences":'), func.json(Document.sentences),
    ]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return case((python_path, None), else_=cast(joined, LargeBinary)).label("head")


def relations(req: q.ExportRequest):
    """The document's relations whose two ends are exported, as a JSON array in id order. In the gold layer an
    end a reviewer merged into another annotator's identical span points at that span (the last by id, as in
    native._relations), and a relation reached twice that way is written once, with its lowest id."""
    rel, head_span, tail_span = aliased(Relation), aliased(Span), aliased(Span)

    def joined(*columns):
        return (select(*columns).select_from(rel)
                .join(head_span, head_span.id == rel.head_id).join(tail_span, tail_span.id == rel.tail_id)
                .where(rel.document_id == Document.id, rel.deleted_at.is_(None)))

    if req.layer == "gold":
        rows = (joined(rel.id, rel.type, _end(head_span, req).label("head"), _end(tail_span, req).label("tail"))
                .where(rel.status != ReviewStatus.REJECTED).correlate(Document).subquery())
        first = func.min(rows.c.id)
        items = (select(_relation_json(first, rows.c.type, rows.c.head, rows.c.tail).label("j"))
                 .where(rows.c.head.is_not(None), rows.c.tail.is_not(None))
                 .group_by(rows.c.type, rows.c.head, rows.c.tail).order_by(first))
    else:
        items = (joined(_relation_json(rel.id, rel.type, rel.head_id, rel.tail_id).label("j"))
                 .where(*q.span_conditions(head_span, req), *q.span_conditions(tail_span, req)).order_by(rel.id))
    ordered = items.correlate(Document).subquery()
    joined = "[" + func.coalesce(func.group_concat(ordered.c.j, ","), "") + "]"
    return select(cast(joined, LargeBinary)).scalar_subquery().label("relations_json")


def _relation_json(rid, kind, head, tail):
    return ('{"id":"r-' + _text(rid) + '","type":' + _quote(kind) + ',"head":"s-' + _text(head) + '","tail":"s-'
            + _text(tail) + '"}')


def _end(span, req: q.ExportRequest):
    """A relation end in the gold layer: the span if exported, the gold span it was merged into, or NULL."""
    gold = aliased(Span)
    merged_into = (select(func.max(gold.id))
                   .where(gold.document_id == span.document_id, gold.start == span.start, gold.end == span.end,
                          gold.label == span.label, *q.span_conditions(gold, req)).scalar_subquery())
    return case((and_(*q.span_conditions(span, req)), span.id),
                (and_(span.status == ReviewStatus.MERGED, span.deleted_at.is_(None)), merged_into), else_=None)
