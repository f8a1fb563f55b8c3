"""A document's exported spans and relations as JSON arrays, joined by the database: correlated subqueries (one
per document) for SQLite and PostgreSQL, so that nothing per span or relation reaches Python.

Spans are their stored export_json (fragments.py) in (start, end, label, id) order; relations are written here,
in id order. The arrays are text; `spans` is NULL while any of the document's exported spans has no stored JSON
(see fragments.refresh). SQLite (before 3.44) has no ORDER BY inside an aggregate: there group_concat takes the
rows in the order of the subquery it reads, for spans straight off ix_spans_document_position.
"""

from sqlalchemy import Text, and_, case, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import aliased

from ..models import Document, Relation, ReviewStatus, Span
from .query import ExportRequest, span_conditions


def spans(dialect: str, req: ExportRequest):
    """The document's exported spans, or NULL if one of them has no stored JSON yet."""
    span = aliased(Span)
    rows = select(span.export_json.label("j"), span.start.label("k1"), span.end.label("k2"), span.label.label("k3"),
                  span.id.label("k4")).where(span.document_id == Document.id, *span_conditions(span, req))
    if dialect == "postgresql":
        rows = rows.correlate(Document).subquery()
        joined = func.string_agg(rows.c.j, aggregate_order_by(literal_column("','"), rows.c.k1, rows.c.k2, rows.c.k3,
                                                              rows.c.k4))
    else:
        rows = rows.order_by(span.start, span.end, span.label, span.id).correlate(Document).subquery()
        joined = func.group_concat(rows.c.j, ",")
    complete = func.count() == func.count(rows.c.j)
    return select(case((complete, "[" + func.coalesce(joined, "") + "]"), else_=None)).scalar_subquery()


def relations(dialect: str, req: ExportRequest):
    """The document's relations whose two ends are exported, in id order. In the gold layer an end a reviewer
    merged into another annotator's identical span points at that span (the last by id), and a relation reached
    twice that way is written once, with its lowest id."""
    postgres = dialect == "postgresql"
    rel, head_span, tail_span = aliased(Relation), aliased(Span), aliased(Span)

    def with_ends(*columns):
        return (select(*columns).select_from(rel)
                .join(head_span, head_span.id == rel.head_id).join(tail_span, tail_span.id == rel.tail_id)
                .where(rel.document_id == Document.id, rel.deleted_at.is_(None)))

    if req.layer == "gold":
        rows = (with_ends(rel.id, rel.type, _end(head_span, req).label("head"), _end(tail_span, req).label("tail"))
                .where(rel.status != ReviewStatus.REJECTED).correlate(Document).subquery())
        first = func.min(rows.c.id)
        items = (select(first.label("first"), _item(postgres, first, rows.c.type, rows.c.head, rows.c.tail).label("j"))
                 .where(rows.c.head.is_not(None), rows.c.tail.is_not(None))
                 .group_by(rows.c.type, rows.c.head, rows.c.tail))
    else:
        item = _item(postgres, rel.id, rel.type, rel.head_id, rel.tail_id)
        items = (with_ends(rel.id.label("first"), item.label("j"))
                 .where(*span_conditions(head_span, req), *span_conditions(tail_span, req)))
    if postgres:
        items = items.correlate(Document).subquery()
        joined = func.string_agg(items.c.j, aggregate_order_by(literal_column("','"), items.c.first))
    else:
        items = items.order_by(literal_column("first")).correlate(Document).subquery()
        joined = func.group_concat(items.c.j, ",")
    return select("[" + func.coalesce(joined, "") + "]").scalar_subquery()


def _quote(postgres: bool, value):
    """A JSON string, escaped as orjson escapes (SQLite's json_quote; PostgreSQL's to_json)."""
    return cast(func.to_json(value), Text) if postgres else func.json_quote(value)


def _item(postgres: bool, rid, kind, head, tail):
    return ('{"id":"r-' + cast(rid, Text) + '","type":' + _quote(postgres, kind) + ',"head":"s-' + cast(head, Text)
            + '","tail":"s-' + cast(tail, Text) + '"}')


def _end(span, req: ExportRequest):
    """A relation end in the gold layer: the span if exported, the gold span it was merged into, or NULL."""
    gold = aliased(Span)
    merged_into = (select(func.max(gold.id))
                   .where(gold.document_id == span.document_id, gold.start == span.start, gold.end == span.end,
                          gold.label == span.label, *span_conditions(gold, req)).scalar_subquery())
    return case((and_(*span_conditions(span, req)), span.id),
                (and_(span.status == ReviewStatus.MERGED, span.deleted_at.is_(None)), merged_into), else_=None)
