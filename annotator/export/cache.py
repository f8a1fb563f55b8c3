"""Each document's exported spans and relations for the gold and the all layer, as the JSON arrays the database
joined (arrays.py), kept in document_exports until something in them changes: an export of an unchanged
project reads one row a document instead of joining every span again.

Nothing writes a row but `warm`, under the same lock as fragments.refresh; `refresh` deletes the rows of every
document in which it finds a span or a relation changed since it last looked (a cleared export_json, a cleared
export_checked: database triggers clear them on any change, and new spans and relations start without). So a
row is never read stale: every export refreshes, then warms, then reads. Exports with label or status filters
(or one annotator's layer) join the arrays for themselves.
"""

from collections.abc import Iterable

from sqlalchemy import and_, bindparam, delete, exists, insert, literal, select, update

from ..models import Document, DocumentExport, Project, Relation
from . import arrays
from .query import ExportRequest

LAYERS = ("all", "gold")
CHUNK = 500


def cacheable(req: ExportRequest) -> bool:
    return req.layer in LAYERS and not req.labels and not req.statuses


def invalidate(session, doc_ids: Iterable[int]) -> None:
    ids = sorted(set(doc_ids))
    for n in range(0, len(ids), CHUNK):
        session.execute(delete(DocumentExport).where(DocumentExport.document_id.in_(ids[n:n + CHUNK])))


def _unchecked(project: Project):
    return and_(Relation.export_checked.is_(None),
                Relation.document_id.in_(select(Document.id).where(Document.project_id == project.id)))


def unchecked(session, project: Project) -> bool:
    """Whether the project has relations new or changed since the export last looked."""
    return session.scalar(select(Relation.id).where(_unchecked(project)).limit(1)) is not None


def check_relations(session, project: Project) -> None:
    """Drop the cached rows of documents with relations new or changed since the last look; mark them seen."""
    invalidate(session, session.scalars(select(Relation.document_id).where(_unchecked(project)).distinct()))
    session.execute(update(Relation).where(_unchecked(project)).values(export_checked=True)
                    .execution_options(synchronize_session=False))


def warm(session, project: Project, req: ExportRequest, lock) -> int:
    """Write the missing rows of the request's layer for the project's (or its languages') documents, a chunk
    at a time under `lock` (fragments.lock), each chunk committed; returns how many were written. Takes no lock
    when every document is cached."""
    if not cacheable(req):
        return 0
    dialect = session.get_bind().dialect.name
    cached = exists().where(DocumentExport.document_id == Document.id, DocumentExport.layer == req.layer)
    missing = (select(Document.id).where(Document.project_id == project.id, Document.id > bindparam("after"),
                                         ~cached).order_by(Document.id).limit(CHUNK))
    if req.langs:
        missing = missing.where(Document.lang.in_(req.langs))
    rows = (select(Document.id.label("document_id"), literal(req.layer).label("layer"),
                   arrays.spans(dialect, req).label("spans"), arrays.relations(dialect, req).label("relations"))
            .where(Document.id.in_(bindparam("ids", expanding=True))).subquery())
    fill = insert(DocumentExport.__table__).from_select(["document_id", "layer", "spans", "relations"],
                                              select(rows).where(rows.c.spans.is_not(None)))
    written, last = 0, 0
    if session.scalars(missing, {"after": 0}).first() is None:
        return 0  # all cached: no lock taken
    while True:
        lock(session)
        ids = session.scalars(missing, {"after": last}).all()
        if ids:
            session.connection().execute(fill, {"ids": ids})
        session.commit()
        if not ids:
            return written
        written, last = written + len(ids), ids[-1]
