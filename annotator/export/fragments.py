"""Each span's exported JSON, kept in its row (spans.export_json) so that an export asks the database for a
document's spans as one ready JSON array instead of building every span object in Python.

Building 400,000 span objects and serialising them cost an export seconds; concatenating stored text costs the
database a fraction of that. The stored text is a cache of `span_object`: NULL means it has to be written
again. Database triggers (migration 0005) set it to NULL whenever something it shows changes (the span's
columns, its actor's name, its annotator's name), whatever code path made the change; `refresh` writes the
missing ones before an export reads them, and imports write them with the spans.
"""

from collections.abc import Callable, Iterable

import orjson
from sqlalchemy import String, Text, cast, func, select, text, type_coerce

from ..models import Actor, Document, Project, Span, User
from . import cache
from .query import loads, no_jit

CHUNK = 5_000


def span_object(sid: int, start: int, end: int, span_text: str, label: str, attrs: dict | None, actor_id: int | None,
                actor_name: str | None, annotator: str, status: str) -> dict:
    """A span as annotator.document/v1 writes it."""
    return {"id": f"s-{sid}", "start": start, "end": end, "text": span_text, "label": label, "attrs": attrs or {},
            "actor": {"id": f"a-{actor_id}", "name": actor_name} if actor_id else None,
            "annotator": annotator, "status": status}


def span_json(*fields) -> str:
    """span_object's JSON text, as stored in spans.export_json."""
    return orjson.dumps(span_object(*fields)).decode()


def stale_count(session, project: Project) -> int:
    """How many of the project's spans have no stored JSON (refresh will write them)."""
    return session.scalar(select(func.count()).select_from(Span).join(Document, Document.id == Span.document_id)
                          .where(Span.export_json.is_(None), Document.project_id == project.id))


def refresh(session, project: Project, doc_ids: Iterable[int] | None = None,
            progress: Callable[[int], None] | None = None) -> int:
    """Write the stored JSON of the project's spans (or of these documents' spans) that have none, and drop the
    cached arrays (cache.py) of their documents and of those with changed relations; returns how many spans were
    written, calling progress(n) after each chunk. Deleted spans are written too: that their JSON was cleared is
    how the cache learns of the deletion. Works in chunks, each committed on its own, so that a big backlog (the
    first export after an upgrade) never holds the database's write lock for long."""
    written, last = 0, 0
    ids = sorted(set(doc_ids)) if doc_ids is not None else None
    # Plain SQL: an ORM or Core update of Span would also move updated_at (its onupdate), which a cache must not.
    store = text("UPDATE spans SET export_json = :json WHERE id = :sid")
    while True:
        lock(session)
        rows = session.connection().execute(_stale(project, ids, last)).all()
        if rows:
            session.connection().execute(store, [{"sid": r[0], "json": span_json(*r[:5], loads(r[5]), *r[6:10])}
                                                 for r in rows])
            cache.invalidate(session, {r[10] for r in rows})
        if len(rows) < CHUNK:
            cache.check_relations(session, project)
        session.commit()
        if progress and rows:
            progress(len(rows))
        if len(rows) < CHUNK:
            return written + len(rows)
        written += len(rows)
        last = rows[-1][0]


def lock(session) -> None:
    """Keep every other writer of spans and relations out until this transaction ends, so that what is read
    here and what is written from it (stored JSON, cached arrays) agree: on SQLite by taking the database's
    write lock (a statement that writes nothing takes it), on PostgreSQL by a table lock that lets readers on."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("UPDATE spans SET export_json = NULL WHERE 0")
    else:
        session.connection().exec_driver_sql("LOCK TABLE spans, relations IN SHARE ROW EXCLUSIVE MODE")
        no_jit(session.connection())


def _stale(project: Project, doc_ids: list[int] | None, after: int):
    query = (select(Span.id, Span.start, Span.end, func.substr(Document.text, Span.start + 1, Span.end - Span.start),
                    Span.label, cast(Span.attrs, Text), Span.actor_id, Actor.name, User.username,
                    type_coerce(Span.status, String), Span.document_id)
             .join(Document, Document.id == Span.document_id)
             .join(User, User.id == Span.annotator_id)
             .outerjoin(Actor, Actor.id == Span.actor_id)
             .where(Span.export_json.is_(None), Span.id > after, Document.project_id == project.id)
             .order_by(Span.id).limit(CHUNK))
    return query if doc_ids is None else query.where(Span.document_id.in_(doc_ids))
