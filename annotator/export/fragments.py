"""Each span's exported JSON, kept in its row (spans.export_json) so that an export asks the database for a
document's spans as one ready JSON array instead of building every span object in Python.

Building 400,000 span objects and serialising them cost an export seconds; concatenating stored text costs the
database a fraction of that. The stored text is a cache of `span_object`: NULL means it has to be written
again. Database triggers (migration 0005) set it to NULL whenever something it shows changes (the span's
columns, its actor's name, its annotator's name), whatever code path made the change; `refresh` writes the
missing ones before an export reads them, and imports write them with the spans.
"""

import time
from collections.abc import Callable, Iterable

import orjson
from sqlalchemy import String, Text, case, cast, func, null, select, type_coerce
from sqlalchemy.exc import OperationalError

from ..errors import Conflict
from ..models import Actor, Document, Project, Span, User
from . import cache
from .query import loads, no_jit

DOCUMENTS = 250  # a chunk: documents whose spans are written in one transaction
LOCK_TRIES = 60  # about 25 s of asking for PostgreSQL's table lock


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
    only = sorted(set(doc_ids)) if doc_ids is not None else None
    if not session.scalars(_next_documents(project, only, 0)).first() and not cache.unchecked(session, project):
        return 0  # nothing to do: no lock taken (an export must not wait behind a long import for nothing)
    # Through the driver: an ORM or Core update of Span would also move updated_at (its onupdate), which a
    # cache must not, and SQLAlchemy's handling of 400,000 parameter sets cost more than the update itself.
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"
    store = f"UPDATE spans SET export_json = {mark} WHERE id = {mark}"
    sqlite = session.get_bind().dialect.name == "sqlite"
    while True:
        lock(session)
        docs = session.scalars(_next_documents(project, only, last)).all()
        rows = session.connection().execute(_stale(docs, sqlite)).all() if docs else []
        if rows:
            session.connection().exec_driver_sql(store, [(_json(r), r[0]) for r in rows])
            cache.invalidate(session, docs)
        if not docs:
            cache.check_relations(session, project)
        session.commit()
        if progress and rows:
            progress(len(rows))
        if not docs:
            return written
        written, last = written + len(rows), docs[-1]


def _json(row) -> str:
    sid, start, end, span_text, label, attrs, actor_id, actor, annotator, status, full_text = row
    if full_text is not None:  # SQLite's substr stops at a NUL: such documents' spans are cut here
        span_text = full_text[start:end]
    return span_json(sid, start, end, span_text, label, loads(attrs), actor_id, actor, annotator, status)


def lock(session) -> None:
    """Keep every other writer of spans and relations out until this transaction ends, so that what is read
    here and what is written from it (stored JSON, cached arrays) agree: on SQLite by taking the database's
    write lock (a statement that writes nothing takes it); on PostgreSQL by a table lock that lets readers on,
    asked for without waiting (NOWAIT) and asked again after a pause: writers take spans and relations in
    either order, and an export waiting for one while holding the other could deadlock with them."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("UPDATE spans SET export_json = NULL WHERE 0")
        return
    pause = 0.01
    for _ in range(LOCK_TRIES):
        try:
            with session.begin_nested():
                session.connection().exec_driver_sql("LOCK TABLE spans, relations IN SHARE ROW EXCLUSIVE MODE NOWAIT")
            no_jit(session.connection())
            return
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)
    raise Conflict("annotations are being written without pause; try the export again in a moment")


def _next_documents(project: Project, only: list[int] | None, after: int):
    """The next documents (DOCUMENTS of them, in id order) with spans that have no stored JSON: read off
    ix_spans_export_stale, which holds only those spans."""
    query = (select(Span.document_id).join(Document, Document.id == Span.document_id)
             .where(Span.export_json.is_(None), Span.document_id > after, Document.project_id == project.id)
             .distinct().order_by(Span.document_id).limit(DOCUMENTS))
    return query if only is None else query.where(Span.document_id.in_(only))


def _stale(doc_ids: list[int], sqlite: bool):
    """These documents' spans without stored JSON, with what their JSON shows."""
    # SQLite's substr stops at a NUL (PostgreSQL refuses NUL in text)
    full = case((func.instr(Document.text, func.char(0)) > 0, Document.text), else_=None) if sqlite else null()
    return (select(Span.id, Span.start, Span.end, func.substr(Document.text, Span.start + 1, Span.end - Span.start),
                   Span.label, cast(Span.attrs, Text), Span.actor_id, Actor.name, User.username,
                   type_coerce(Span.status, String), full)
            .join(Document, Document.id == Span.document_id)
            .join(User, User.id == Span.annotator_id)
            .outerjoin(Actor, Actor.id == Span.actor_id)
            .where(Span.export_json.is_(None), Span.document_id.in_(doc_ids)))
