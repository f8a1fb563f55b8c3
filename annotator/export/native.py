"""The native format, annotator.document/v1: one JSON object per document (or per group with by_group).

Two ways to the same bytes: on SQLite the database writes most of each line (sqlite_lines.py); elsewhere, and
for the documents SQLite cannot quote, the line is an object serialised with orjson. Either way the spans and
relations are JSON arrays the database joined (arrays.py) or kept (cache.py). The writers of the other formats
read the same objects with the spans as lists (`documents`).
"""

from collections import defaultdict
from collections.abc import Iterator

import orjson

from ..align import split_sentences
from ..errors import Conflict
from ..models import Project
from ..services.bulk import paused_gc
from . import cache, fragments, sqlite_lines
from . import query as q

SCHEMA = sqlite_lines.SCHEMA
GROUP_SCHEMA = "annotator.group/v1"


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    lines = _lines(session, project, req, newline=not req.by_group)
    if not req.by_group:
        for _, _, line in lines:
            yield line
        return
    current, key, members = None, None, []
    for group, group_key, line in lines:  # a group's versions arrive together (see Reader.batches)
        if members and (group is None or group != current):
            yield _group_line(project, current, key, members)
            members = []
        current, key = group, group_key
        members.append(orjson.Fragment(line))
    if members:
        yield _group_line(project, current, key, members)


def _group_line(project, group_id, key, documents) -> bytes:
    return orjson.dumps({"schema": GROUP_SCHEMA, "id": f"g-{group_id}" if group_id else None, "key": key,
                         "project": project.name, "documents": documents}) + b"\n"


def _lines(session, project: Project, req: q.ExportRequest,
           newline: bool) -> Iterator[tuple[int | None, str | None, bytes]]:
    """(group id, group key, line) for each exported document, each line ending with a newline if asked."""
    _prepare(session, project, req)
    end = b"\n" if newline else b""
    reader = q.Reader(session, project, req, lines=session.get_bind().dialect.name == "sqlite", newline=newline)
    for rows in reader.batches():
        with paused_gc():  # a batch makes thousands of objects the collector would otherwise walk several times
            rows = _complete(reader, rows, reader.lines)
            python = [r.id for r in rows if r.python] if reader.lines else []
            by_id = {r.id: r for r in _complete(reader, reader.again(python, lines=False), False)} if python else {}
            parts = _Parts(reader, rows)
            out = []
            for row in rows:
                if row.id in by_id or not reader.lines:
                    line = orjson.dumps(parts.document(by_id.get(row.id, row), raw=True)) + end
                elif row.group_id is None:
                    line = row.line  # whole, as SQLite wrote it
                else:
                    line = parts.finish(row.line, row.id, end)
                out.append((row.group_id, parts.groups.get(row.group_id), line))
        yield from out


def documents(session, project: Project, req: q.ExportRequest) -> Iterator[dict]:
    """The exported documents as annotator.document/v1 objects, spans and sentences as lists."""
    _prepare(session, project, req)
    reader = q.Reader(session, project, req)
    for rows in reader.batches():
        with paused_gc():
            rows = _complete(reader, rows, False)
            parts = _Parts(reader, rows)
            docs = [parts.document(row) for row in rows]
        yield from docs


def _prepare(session, project: Project, req: q.ExportRequest) -> None:
    """Bring the spans' stored JSON and the cached arrays up to date before reading (fragments.py, cache.py)."""
    fragments.refresh(session, project)
    cache.warm(session, project, req, fragments.lock)


def _complete(reader: q.Reader, rows: list, lines: bool) -> list:
    """The rows (native lines with lines, else documents) with every document's spans: where a span changed
    after the export began (its stored JSON cleared, see fragments), the stored JSON is written again and the
    rows read again."""
    for _ in range(5):
        stale = [r.id for r in rows if reader.stale(r, lines)]
        if not stale:
            return rows
        fragments.refresh(reader.session, reader.project, stale)
        rows = reader.again([r.id for r in rows], lines=lines)
    raise Conflict("the project's spans kept changing during the export; try again")


class _Parts:
    """What a batch's documents hold besides their own row: group keys, alignments, span links."""

    def __init__(self, reader: q.Reader, rows: list):
        self.project, ids = reader.project, [r.id for r in rows]
        self.groups = reader.group_keys({r.group_id for r in rows if r.group_id})
        self.alignments = reader.alignments_of(ids) if self.groups else {}
        self.links = defaultdict(list)
        if self.groups:
            for link in reader.links_of(ids):
                self.links[link.document_id].append(
                    {"span": f"s-{link.span_id}", "lang": link.lang, "target": f"s-{link.target_id}"})

    def document(self, row, raw: bool = False) -> dict:
        """The document as an object; with raw, its spans (and where possible its sentences) are
        orjson.Fragment, the JSON text the database put together."""
        return {
            "schema": SCHEMA, "id": f"d-{row.id}", "project": self.project.name,
            "group": f"g-{row.group_id}" if row.group_id else None,
            "group_key": self.groups.get(row.group_id), "lang": row.lang, "title": row.title, "text": row.text,
            "source": {"url": row.source_url, "published": q.day(row.published)},
            "meta": q.loads(row.meta) or {}, "sentences": _sentences(row, raw),
            "spans": orjson.Fragment(row.spans) if raw else orjson.loads(row.spans),
            "relations": orjson.Fragment(row.relations) if raw else orjson.loads(row.relations),
            "alignment": dict(sorted(self.alignments.get(row.id, {}).items())), "span_links": self.links[row.id],
        }

    def finish(self, line: bytes, doc_id: int, end: bytes) -> bytes:
        """A grouped document's line that SQLite wrote up to its relations, with its alignments and links."""
        alignment, links = self.alignments.get(doc_id), self.links.get(doc_id)
        return b"".join((line, b',"alignment":', orjson.dumps(dict(sorted(alignment.items()))) if alignment else b"{}",
                         b',"span_links":', orjson.dumps(links) if links else b"[]", b"}", end))


def _sentences(row, raw: bool):
    """Stored as compact JSON by the application (orjson) they are written as stored; PostgreSQL gives its
    own spacing back, and documents stored before sentences were kept have them computed here."""
    stored = row.sentences
    if stored is None:
        return [list(x) for x in split_sentences(row.text, row.lang)]
    if raw and isinstance(stored, str) and " " not in stored:
        return orjson.Fragment(stored)
    return q.loads(stored)  # lists of [start, end] as they are
