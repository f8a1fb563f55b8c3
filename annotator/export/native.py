"""The native format, annotator.document/v1: one JSON line per document (or per group with by_group).

One idea keeps it fast: a document's line changes only when its revision does. Every document has a revision
number (document_revisions) that small database triggers bump whenever anything its line shows changes: its
spans, relations, span links, alignments and review state, its own fields, and the names the line shows (the
project's, the group's key, actors', users'). Triggers, not Python, so that every code path is covered, bulk
UPDATEs and code written later included; they only bump numbers (migration 0007 lists them). export_lines keeps
each document's finished line of the gold and the all layer with the revision it was built at; an export uses a
kept line only while that is still the document's revision, and builds the others (`line`), so a line built
from an older revision is simply ignored: no locks, no refresh step. Fresh lines are stored batch by batch on a
connection of their own, committed at once, so a GET export never holds a writer up. Per-annotator and
filtered exports are built every time.

The writers of the other formats read `documents`: the same objects, built the same way.
"""

from collections.abc import Iterator

import lz4.block
import orjson
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError

from ..models import ExportLine, Project
from . import query as q

SCHEMA = q.SCHEMA
GROUP_SCHEMA = "annotator.group/v1"


def line(doc: dict) -> bytes:
    """A document's line, without its newline."""
    return orjson.dumps(doc)


def v1_documents(session, project: Project, req: q.ExportRequest) -> Iterator[dict]:
    """The exported documents as annotator.document/v1 objects, in export order (see query.batches)."""
    for rows in q.batches(session, project, req):
        yield from q.build(session, project, req, [r.id for r in rows])


def documents(session, project: Project, req: q.ExportRequest) -> Iterator[dict]:
    """The documents for a format that holds one set of document labels per document: as v1_documents, but with
    a user layer the user's own set is the document's `doc_labels` (these formats carry no annotator)."""
    for doc in v1_documents(session, project, req):
        if req.layer not in q.LAYERS:
            own = doc.pop("doc_labels_by", [])
            doc["doc_labels"] = own[0]["values"] if own else {}
        yield doc


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    lines = _lines(session, project, req)
    if not req.by_group:
        for _, text in lines:
            yield text + b"\n"
        return
    current, members = None, []
    for row, text in lines:  # a group's versions arrive together (see query.batches)
        if members and (row.group_id is None or row.group_id != current.group_id):
            yield _group_line(project, current, members)
            members = []
        current = row
        members.append(orjson.Fragment(text))
    if members:
        yield _group_line(project, current, members)


def _group_line(project: Project, row, documents: list) -> bytes:
    group_id, key = row.group_id, row.group_key
    return orjson.dumps({"schema": GROUP_SCHEMA, "id": f"g-{group_id}" if group_id else None, "key": key,
                         "project": project.name, "documents": documents}) + b"\n"


def _lines(session, project: Project, req: q.ExportRequest) -> Iterator[tuple]:
    """(row, line) of each exported document: kept lines where they are current, the others built (and
    kept, for the gold and the all layer)."""
    store = _Store(session, req.layer) if req.kept else None
    for rows in q.batches(session, project, req):
        kept = q.kept_lines(session, req.layer, rows) if store else {}
        missing = [r for r in rows if r.id not in kept]
        built = dict(zip([r.id for r in missing], map(line, q.build(session, project, req, [r.id for r in missing])),
                         strict=True))
        if store and missing:
            store.save([(r.id, r.revision, built[r.id]) for r in missing])
        for r in rows:
            yield r, kept.get(r.id) or built[r.id]


class _Store:
    """Writes fresh lines, lz4-compressed, on its own connection, each batch committed at once: the export's own
    transaction only reads. Storing is a saving, not a duty: if the database is busy, the lines are built again
    next time."""

    def __init__(self, session, layer: str):
        self.engine, self.layer = session.get_bind(), layer
        table = ExportLine.__table__
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        new = insert(table)
        self.upsert = new.on_conflict_do_update(
            index_elements=[table.c.document_id, table.c.layer],
            set_={"revision": new.excluded.revision, "line": new.excluded.line},
            where=table.c.revision < new.excluded.revision)  # a slower export never puts back an older line

    def save(self, rows: list[tuple[int, int, bytes]]) -> None:
        if self.engine is None:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(self.upsert, [{"document_id": d, "layer": self.layer, "revision": rev,
                                            "line": lz4.block.compress(text)} for d, rev, text in rows])
        except OperationalError:  # e.g. SQLite's write lock held past its timeout
            self.engine = None
