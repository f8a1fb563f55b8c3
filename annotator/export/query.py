"""Reading a project's annotations in batches for export: a few queries per batch of documents, never one per
span, and no span as a Python object: each document's spans and relations arrive as JSON arrays the database
joined (arrays.py) or kept (cache.py).

The statements are built once per export (`Reader`) with the batch's ids as one parameter: rebuilding them and
expanding an IN list for every batch cost SQLAlchemy more time than the database took to run them. JSON columns
come back as text (CAST in SQL: neither SQLAlchemy's result processors nor psycopg's jsonb loader decode them
with the json module) and `loads` decodes them with orjson; enum and date columns as the driver gives them,
`day` finishing the dates. Memory stays flat without a server-side cursor: every query is bounded (BATCH
documents by keyset pagination, and what belongs to them)."""

from collections.abc import Iterator
from dataclasses import dataclass, field

import orjson
from sqlalchemy import (
    ARRAY,
    Integer,
    String,
    Text,
    and_,
    any_,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased

from ..errors import Invalid
from ..langs import BadLanguage, normalize_lang
from ..models import Alignment, Document, DocumentExport, Project, ReviewStatus, Span, SpanLink, TranslationGroup, User

BATCH = 500


@dataclass
class ExportRequest:
    """What to export: a layer (gold, all, or one annotator's user name), languages, labels, statuses."""

    layer: str = "gold"
    langs: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    by_group: bool = False

    def validated(self, session, project: Project) -> "ExportRequest":
        if self.layer not in ("gold", "all") and session.scalar(
                select(User.id).where(User.username == self.layer)) is None:
            raise Invalid(f"layer must be gold, all or a user name; no user '{self.layer}'", field="layer")
        try:
            self.langs = [normalize_lang(x) for x in self.langs]
        except BadLanguage as exc:
            raise Invalid(str(exc), field="lang") from None
        unknown = [x for x in self.labels if x not in project.label_names()]
        if unknown:
            raise Invalid(f"unknown label '{unknown[0]}'", field="label")
        bad = [s for s in self.statuses if s not in {m.value for m in ReviewStatus}]
        if bad:
            raise Invalid(f"unknown review status '{bad[0]}'", field="status")
        return self


DOC_COLUMNS = (Document.id, Document.group_id, Document.lang, Document.title, Document.text, Document.source_url,
               type_coerce(Document.published, String).label("published"),
               cast(Document.meta, Text).label("meta"), cast(Document.sentences, Text).label("sentences"))
EMPTY = "{}"


def loads(value):
    """A JSON column's value: text from SQLite, text or already decoded from PostgreSQL."""
    if value is None or not isinstance(value, str | bytes):
        return value
    return {} if value == EMPTY else orjson.loads(value)


def day(value) -> str | None:
    """A date column's value as YYYY-MM-DD (SQLite keeps that text, PostgreSQL gives a date)."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def span_conditions(span, req: ExportRequest) -> list:
    """Which spans (Span or an alias of it) the request exports."""
    conditions = [span.deleted_at.is_(None)]
    if req.layer == "gold":
        conditions.append(span.status == ReviewStatus.ACCEPTED)
    elif req.layer != "all":
        conditions.append(span.annotator_id == select(User.id).where(User.username == req.layer).scalar_subquery())
    if req.labels:
        conditions.append(span.label.in_(req.labels))
    if req.statuses:
        conditions.append(span.status.in_(req.statuses))
    return conditions


def no_jit(connection) -> None:
    """PostgreSQL's planner prices the per-document subqueries high enough to compile them (JIT) each time, which
    took 0.2 s a statement to run 10 ms of work; off for the rest of this transaction."""
    connection.exec_driver_sql("SET LOCAL jit = off")


class Reader:
    """The queries of one export, built once; each takes a batch's ids as one parameter."""

    def __init__(self, session, project: Project, req: ExportRequest, lines: bool = False, newline: bool = True):
        """With lines (SQLite only), documents come as the native lines SQLite writes (see sqlite_lines), ending
        with a newline unless newline is False."""
        self.session, self.project, self.req, self.lines, self.newline = session, project, req, lines, newline
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.documents = self._documents(lines)
        self.alignments = self._alignments()
        self.links = self._links()

    def _among(self, column, name: str = "ids"):
        """column IN the parameter `name` (see ids)."""
        if self.postgres:
            return column == any_(bindparam(name, type_=ARRAY(Integer)))
        return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(name))))

    def _ids(self, ids) -> list[int] | str:
        """Ids as the parameter _among reads: an array on PostgreSQL, JSON text for SQLite's json_each."""
        return list(ids) if self.postgres else orjson.dumps(list(ids)).decode()

    def _run(self, statement, **params):
        """Rows through the session's connection: Core rows, without the ORM's per-row result handling."""
        connection = self.session.connection()
        if self.postgres:
            no_jit(connection)
        return connection.execute(statement, params).all()

    def _documents(self, lines: bool):
        """Documents with their exported spans and relations as JSON arrays (`spans`, `relations`): from the
        cache where it holds them, else joined now (arrays.py). With lines, the native lines SQLite writes
        (sqlite_lines), as bytes."""
        from . import arrays, cache, sqlite_lines  # here: they build on this module

        dialect = "postgresql" if self.postgres else "sqlite"
        spans, relations = arrays.spans(dialect, self.req), arrays.relations(dialect, self.req)
        cached = None
        if cache.cacheable(self.req):
            cached = aliased(DocumentExport)
            spans = case((cached.spans.is_not(None), cached.spans), else_=spans)
            relations = case((cached.relations.is_not(None), cached.relations), else_=relations)
        if lines:
            columns = [Document.id, Document.group_id,
                       *sqlite_lines.columns(orjson.dumps(self.project.name).decode(), spans, relations, self.newline)]
        else:
            columns = [*DOC_COLUMNS, spans.label("spans"), relations.label("relations")]
        query = select(*columns).where(Document.project_id == self.project.id)
        if cached is not None:
            query = query.outerjoin(cached, and_(cached.document_id == Document.id, cached.layer == self.req.layer))
        return query.where(Document.lang.in_(self.req.langs)) if self.req.langs else query

    def batches(self) -> Iterator[list]:
        """Documents (as rows, see _documents) BATCH at a time by keyset
        pagination: in id order, or with by_group the grouped ones first, group by group (so a group's versions
        arrive together), then the ungrouped ones."""
        if self.req.by_group:
            yield from self._grouped_batches()
        query = self.documents.where(Document.id > bindparam("after"))
        if self.req.by_group:
            query = query.where(Document.group_id.is_(None))
        query, last = query.order_by(Document.id).limit(BATCH), 0
        while rows := self._run(query, after=last):
            yield rows
            last = rows[-1].id

    def _grouped_batches(self) -> Iterator[list]:
        groups = (select(TranslationGroup.id)
                  .where(TranslationGroup.project_id == self.project.id, TranslationGroup.id > bindparam("after"))
                  .order_by(TranslationGroup.id).limit(BATCH // 3))
        members = self.documents.where(self._among(Document.group_id)).order_by(Document.group_id, Document.id)
        last = 0
        while gids := [g for (g,) in self._run(groups, after=last)]:
            if rows := self._run(members, ids=self._ids(gids)):
                yield rows
            last = gids[-1]

    @staticmethod
    def stale(row, lines: bool) -> bool:
        """Whether a span of the row's document has no stored JSON (it changed after the export began). A line
        is NULL for that and for documents left to the Python path (`python`), whose rows are read again."""
        return row.line is None and not row.python if lines else row.spans is None

    def again(self, ids: list[int], lines: bool | None = None) -> list:
        """These documents read again (after their spans' JSON was written, or whole for the Python path with
        lines=False), in the order asked for."""
        query = self.documents if lines is None or lines == self.lines else self._documents(lines)
        rows = {r.id: r for r in self._run(query.where(self._among(Document.id)), ids=self._ids(ids))}
        return [rows[i] for i in ids]

    def group_keys(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        return dict(self._run(select(TranslationGroup.id, TranslationGroup.key)
                              .where(self._among(TranslationGroup.id)), ids=self._ids(ids)))

    def _alignments(self):
        other_a, other_b = aliased(Document), aliased(Document)
        return (select(Alignment.doc_a_id, Alignment.doc_b_id, cast(Alignment.beads, Text), other_a.lang,
                       other_b.lang)
                .join(other_a, other_a.id == Alignment.doc_a_id).join(other_b, other_b.id == Alignment.doc_b_id)
                .where(self._among(Alignment.doc_a_id) | self._among(Alignment.doc_b_id, "again")))

    def alignments_of(self, doc_ids: list[int]) -> dict[int, dict]:
        """{document id: {other lang: {"doc", "pairs", "status"}}} seen from each document of the batch."""
        out: dict[int, dict] = {}
        ids = self._ids(doc_ids)
        for a, b, raw, lang_a, lang_b in self._run(self.alignments, ids=ids, again=ids):
            beads = loads(raw)
            out.setdefault(a, {})[lang_b] = {"doc": f"d-{b}", "pairs": [[x[0], x[1]] for x in beads],
                                             "status": [x[2] for x in beads]}
            out.setdefault(b, {})[lang_a] = {"doc": f"d-{a}", "pairs": [[x[1], x[0]] for x in beads],
                                             "status": [x[2] for x in beads]}
        return out

    def _links(self):
        source, target = aliased(Span), aliased(Span)
        return (select(SpanLink.span_id, SpanLink.target_id, Document.lang, source.document_id)
                .join(source, source.id == SpanLink.span_id)
                .join(target, target.id == SpanLink.target_id)
                .join(Document, Document.id == target.document_id)
                .where(self._among(source.document_id), target.deleted_at.is_(None),
                       *span_conditions(source, self.req))
                .order_by(SpanLink.span_id, SpanLink.target_id))

    def links_of(self, doc_ids: list[int]) -> list:
        """Links from these documents' exported spans to their counterparts, with the counterpart's language."""
        return self._run(self.links, ids=self._ids(doc_ids))
