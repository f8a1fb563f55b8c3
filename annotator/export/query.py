"""Reading a project's annotations in batches for export: a few queries per batch, never one per span.

JSON columns come back as text (CAST in SQL, so that neither SQLAlchemy's result processors nor psycopg's jsonb
loader decode them with the json module: for every span's attributes that took more time than the rest of an
export) and `loads` decodes them with orjson; enum and date columns as the driver gives them, `day` finishing
the dates. Memory stays flat without a server-side cursor: every query is bounded (BATCH documents by keyset
pagination, and their spans)."""

from collections.abc import Iterator
from dataclasses import dataclass, field

import orjson
from sqlalchemy import String, Text, cast, select, type_coerce
from sqlalchemy.orm import aliased

from ..errors import Invalid
from ..langs import BadLanguage, normalize_lang
from ..models import Actor, Alignment, Document, Project, Relation, ReviewStatus, Span, SpanLink, TranslationGroup, User

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


def _rows(session, statement):
    """Run a Core select on the session's connection: plain rows, without the ORM's per-row result handling."""
    return session.connection().execute(statement)


def loads(value):
    """A JSON column's value: text from SQLite, text or already decoded from PostgreSQL."""
    if value is None or not isinstance(value, str | bytes):
        return value
    return {} if value == EMPTY else orjson.loads(value)


def day(value) -> str | None:
    """A date column's value as YYYY-MM-DD (SQLite keeps that text, PostgreSQL gives a date)."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def _project_docs(project: Project, req: ExportRequest):
    query = select(*DOC_COLUMNS).where(Document.project_id == project.id)
    return query.where(Document.lang.in_(req.langs)) if req.langs else query


def document_batches(session, project: Project, req: ExportRequest) -> Iterator[list]:
    """Documents (as rows) BATCH at a time by keyset pagination: in id order, or with by_group the grouped
    ones first, group by group (so a group's versions arrive together), then the ungrouped ones."""
    if req.by_group:
        yield from _grouped_batches(session, project, req)
    last = 0
    while True:
        query = _project_docs(project, req).where(Document.id > last)
        if req.by_group:
            query = query.where(Document.group_id.is_(None))
        rows = _rows(session, query.order_by(Document.id).limit(BATCH)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _grouped_batches(session, project: Project, req: ExportRequest) -> Iterator[list]:
    last = 0
    while True:
        gids = session.scalars(select(TranslationGroup.id).where(TranslationGroup.project_id == project.id,
                                                                 TranslationGroup.id > last)
                               .order_by(TranslationGroup.id).limit(BATCH // 3)).all()
        if not gids:
            return
        rows = _rows(session, _project_docs(project, req).where(Document.group_id.in_(gids))
                               .order_by(Document.group_id, Document.id)).all()
        if rows:
            yield rows
        last = gids[-1]


def spans_for(session, doc_ids: list[int], req: ExportRequest) -> list:
    query = (select(Span.id, Span.document_id, Span.start, Span.end, Span.label,
                    cast(Span.attrs, Text).label("attrs"), Span.actor_id,
                    type_coerce(Span.status, String).label("status"), User.username)
             .join(User, User.id == Span.annotator_id)
             .where(Span.document_id.in_(doc_ids), Span.deleted_at.is_(None)))
    if req.layer == "gold":
        query = query.where(Span.status == ReviewStatus.ACCEPTED)
    elif req.layer != "all":
        query = query.where(User.username == req.layer)
    if req.labels:
        query = query.where(Span.label.in_(req.labels))
    if req.statuses:
        query = query.where(Span.status.in_(req.statuses))
    return _rows(session, query.order_by(Span.document_id, Span.start, Span.end, Span.label, Span.id)).all()


def relations_for(session, doc_ids: list[int], gold: bool = False) -> list:
    query = (select(Relation.id, Relation.document_id, Relation.type, Relation.head_id, Relation.tail_id)
             .where(Relation.document_id.in_(doc_ids), Relation.deleted_at.is_(None)))
    if gold:
        query = query.where(Relation.status != ReviewStatus.REJECTED)
    return _rows(session, query.order_by(Relation.id)).all()


def merged_spans(session, doc_ids: list[int]) -> list:
    """Spans a reviewer merged into another annotator's identical, accepted one."""
    return _rows(session, select(Span.id, Span.document_id, Span.start, Span.end, Span.label)
                 .where(Span.document_id.in_(doc_ids), Span.deleted_at.is_(None),
                        Span.status == ReviewStatus.MERGED)).all()


def actors_by_id(session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(_rows(session, select(Actor.id, Actor.name).where(Actor.id.in_(ids))).all())


def group_keys(session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(_rows(session, select(TranslationGroup.id, TranslationGroup.key)
                                .where(TranslationGroup.id.in_(ids))).all())


def alignments_for(session, doc_ids: list[int]) -> dict[int, dict]:
    """{document id: {other lang: {"doc", "pairs", "status"}}} seen from each document of the batch."""
    other_a, other_b = aliased(Document), aliased(Document)
    rows = _rows(session, select(Alignment.doc_a_id, Alignment.doc_b_id, cast(Alignment.beads, Text),
                                  other_a.lang, other_b.lang)
                           .join(other_a, other_a.id == Alignment.doc_a_id)
                           .join(other_b, other_b.id == Alignment.doc_b_id)
                           .where(Alignment.doc_a_id.in_(doc_ids) | Alignment.doc_b_id.in_(doc_ids))).all()
    out: dict[int, dict] = {}
    for a, b, raw, lang_a, lang_b in rows:
        beads = loads(raw)
        out.setdefault(a, {})[lang_b] = {"doc": f"d-{b}", "pairs": [[x[0], x[1]] for x in beads],
                                         "status": [x[2] for x in beads]}
        out.setdefault(b, {})[lang_a] = {"doc": f"d-{a}", "pairs": [[x[1], x[0]] for x in beads],
                                         "status": [x[2] for x in beads]}
    return out


def span_links_for(session, span_ids: set[int]) -> list:
    """Links from exported spans to their counterparts, with the counterpart's language."""
    if not span_ids:
        return []
    target = aliased(Span)
    return _rows(session, select(SpanLink.span_id, SpanLink.target_id, Document.lang)
                           .join(target, target.id == SpanLink.target_id)
                           .join(Document, Document.id == target.document_id)
                           .where(SpanLink.span_id.in_(span_ids), target.deleted_at.is_(None))
                           .order_by(SpanLink.span_id, SpanLink.target_id)).all()
