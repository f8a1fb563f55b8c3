"""What to export (ExportRequest) and reading it: a project's documents, a batch at a time, as annotator.document/v1
objects (`build`), the one shape every format writer starts from.

A batch costs a few queries (documents, spans, relations, reviews, alignments, links), never one per span;
JSON columns come back as text and are decoded with orjson; memory stays flat because every query is bounded
(BATCH documents by keyset pagination, and what belongs to them).
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import lz4.block
import orjson
from sqlalchemy import String, Text, cast, func, select, type_coerce
from sqlalchemy.orm import aliased

from ..align import split_sentences
from ..errors import N_, Invalid
from ..langs import BadLanguage, normalize_lang
from ..models import (
    Actor,
    Alignment,
    Document,
    DocumentLabels,
    DocumentReview,
    DocumentRevision,
    ExportLine,
    Project,
    Relation,
    ReviewState,
    ReviewStatus,
    Span,
    SpanLink,
    TranslationGroup,
    User,
)
from ..services.bulk import paused_gc

BATCH = 500
SCHEMA = "annotator.document/v1"
LAYERS = ("gold", "all")  # the layers whose lines are kept (export_lines)


@dataclass
class ExportRequest:
    """What to export: a layer (gold, all, or one annotator's user name), languages, labels, statuses; the gold
    layer holds reviewed documents only unless include_unreviewed."""

    layer: str = "gold"
    langs: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    by_group: bool = False
    include_unreviewed: bool = False

    def validated(self, session, project: Project) -> "ExportRequest":
        if self.layer not in LAYERS and session.scalar(select(User.id).where(User.username == self.layer)) is None:
            raise Invalid(N_("layer must be gold, all or a user name; no user '{name}'"), field="layer",
                          params={"name": self.layer})
        try:
            self.langs = [normalize_lang(x) for x in self.langs]
        except BadLanguage as exc:
            raise Invalid(str(exc), field="lang") from None
        unknown = [x for x in self.labels if x not in project.label_names()]
        if unknown:
            raise Invalid(N_("unknown label '{name}'"), field="label", params={"name": unknown[0]})
        bad = [s for s in self.statuses if s not in {m.value for m in ReviewStatus}]
        if bad:
            raise Invalid(N_("unknown review status '{name}'"), field="status", params={"name": bad[0]})
        return self

    @property
    def reviewed_only(self) -> bool:
        return self.layer == "gold" and not self.include_unreviewed

    @property
    def kept(self) -> bool:
        """Whether its lines are the ones export_lines keeps (a whole layer, unfiltered)."""
        return self.layer in LAYERS and not self.labels and not self.statuses


def _reviewed():
    """The documents the gold layer holds: those marked reviewed, and those whose every candidate span and
    relation a reviewer has decided (at least one span, none pending) — the reviewer's work is done there too."""
    marked = select(DocumentReview.document_id).where(DocumentReview.state == ReviewState.REVIEWED)
    pending = (select(Span.document_id).where(Span.deleted_at.is_(None), Span.status == ReviewStatus.PENDING)
               .union(select(Relation.document_id).where(Relation.deleted_at.is_(None),
                                                         Relation.status == ReviewStatus.PENDING)))
    decided = select(Span.document_id).where(Span.deleted_at.is_(None), Span.status != ReviewStatus.PENDING,
                                             Span.document_id.not_in(pending))
    return marked.union(decided)


def left_out(session, project: Project, req: ExportRequest) -> int:
    """How many documents the request leaves out for not being reviewed."""
    if not req.reviewed_only:
        return 0
    query = select(func.count()).where(Document.project_id == project.id, Document.id.not_in(_reviewed()))
    return session.scalar(query.where(Document.lang.in_(req.langs)) if req.langs else query)


def batches(session, project: Project, req: ExportRequest) -> Iterator[list]:
    """The exported documents, BATCH at a time, as rows (id, group_id, group_key, revision). In id order, or with
    by_group the grouped ones first, group by group, then the ungrouped ones."""
    # a lookup per row, not a join: PostgreSQL merge-joins the revisions from the first document on, every batch
    revision = func.coalesce(select(DocumentRevision.revision).where(DocumentRevision.document_id == Document.id)
                             .scalar_subquery(), 0)
    query = (select(Document.id, Document.group_id, TranslationGroup.key.label("group_key"),
                    revision.label("revision"))
             .where(Document.project_id == project.id)
             .outerjoin(TranslationGroup, TranslationGroup.id == Document.group_id))
    if req.langs:
        query = query.where(Document.lang.in_(req.langs))
    if req.reviewed_only:
        query = query.where(Document.id.in_(_reviewed()))
    if req.by_group:
        groups = (select(TranslationGroup.id).where(TranslationGroup.project_id == project.id)
                  .order_by(TranslationGroup.id))
        last = 0
        while gids := _run(session, groups.where(TranslationGroup.id > last).limit(BATCH // 3)).scalars().all():
            members = query.where(Document.group_id.in_(gids)).order_by(Document.group_id, Document.id)
            if rows := _run(session, members).all():
                yield rows
            last = gids[-1]
        query = query.where(Document.group_id.is_(None))
    last = 0
    while rows := _run(session, query.where(Document.id > last).order_by(Document.id).limit(BATCH)).all():
        yield rows
        last = rows[-1].id


def kept_lines(session, layer: str, rows: list) -> dict[int, bytes]:
    """{document id: its kept line of the layer} for the rows whose line was built at their current revision.
    A query of its own, by id: joined to the documents, PostgreSQL would read every kept line for each batch.
    Lines are kept lz4-compressed (see native._Store): a third of the bytes to read and hand over."""
    ids = [r.id for r in rows]
    connection = session.connection()
    if connection.dialect.name == "postgresql":  # bytea in binary: as text it travels hex-encoded, twice the size
        with connection.connection.driver_connection.cursor(binary=True) as cursor:
            kept = cursor.execute("SELECT document_id, revision, line FROM export_lines"
                                  " WHERE layer = %s AND document_id = ANY(%s)", (layer, ids)).fetchall()
    else:
        kept = connection.execute(select(ExportLine.document_id, ExportLine.revision, ExportLine.line)
                                  .where(ExportLine.layer == layer, ExportLine.document_id.in_(ids))).all()
    revisions = {r.id: r.revision for r in rows}
    return {doc: lz4.block.decompress(line) for doc, revision, line in kept if revisions[doc] == revision}


def build(session, project: Project, req: ExportRequest, ids: list[int]) -> list[dict]:
    """These documents (in this order) as annotator.document/v1 objects, with the request's layer of spans.
    The cyclic garbage collector is paused meanwhile: a batch makes tens of thousands of objects that form no
    cycles, and the full collections they set off walk everything the process holds (half the first export's
    time)."""
    if not ids:
        return []
    with paused_gc():
        return _build(session, project, req, ids)


def _build(session, project: Project, req: ExportRequest, ids: list[int]) -> list[dict]:
    docs = _run(session, select(Document.id, Document.group_id, Document.lang, Document.title, Document.text,
                                Document.source_url, type_coerce(Document.published, String),
                                cast(Document.meta, Text), cast(Document.sentences, Text))
                .where(Document.id.in_(ids))).all()
    groups = {d.group_id for d in docs if d.group_id}
    keys = dict(_run(session, select(TranslationGroup.id, TranslationGroup.key)
                     .where(TranslationGroup.id.in_(groups))).all()) if groups else {}
    spans, exported = _spans(session, req, ids, {d.id: d.text for d in docs})
    relations = _relations(session, req, ids, exported)
    reviews = _reviews(session, ids)
    alignments = _alignments(session, ids) if groups else {}
    links = _links(session, req, ids) if groups else {}
    labelled, by_annotator = _doc_labels(session, req, ids, project)
    by_id = {
        d.id: {"schema": SCHEMA, "id": f"d-{d.id}", "project": project.name,
               "group": f"g-{d.group_id}" if d.group_id else None, "group_key": keys.get(d.group_id),
               "lang": d.lang, "title": d.title, "text": d.text,
               "source": {"url": d.source_url, "published": day(d.published)}, "meta": loads(d.meta) or {},
               "sentences": loads(d.sentences) if d.sentences else [list(x) for x in split_sentences(d.text, d.lang)],
               "spans": spans.get(d.id, []), "relations": relations.get(d.id, []),
               "review": reviews.get(d.id) or {"state": "new", "by": None, "at": None},
               "alignment": dict(sorted(alignments.get(d.id, {}).items())),
               "span_links": links.get(d.id, []), "doc_labels": labelled.get(d.id, {})}
        for d in docs}
    if req.layer != "gold":  # the all layer, and a user layer: the user's own set carries their name
        for doc_id, line in by_id.items():
            line["doc_labels_by"] = by_annotator.get(doc_id, [])
    return [by_id[i] for i in ids]


def _run(session, statement):
    """Core rows through the session's connection, without the ORM's per-row handling."""
    return session.connection().execute(statement)


def loads(value):
    """A JSON column's value read as text."""
    return None if value is None else {} if value == "{}" else orjson.loads(value)


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


def _spans(session, req: ExportRequest, ids: list[int], texts: dict[int, str]) -> tuple[dict, dict]:
    """{document: its exported spans} and {span id: (document, start, end, label)}."""
    rows = _run(session, select(Span.document_id, Span.id, Span.start, Span.end, Span.label, cast(Span.attrs, Text),
                                Span.actor_id, Actor.name, User.username, type_coerce(Span.status, String))
                .join(User, User.id == Span.annotator_id).outerjoin(Actor, Actor.id == Span.actor_id)
                .where(Span.document_id.in_(ids), *span_conditions(Span, req))
                .order_by(Span.document_id, Span.start, Span.end, Span.label, Span.id)).all()
    out, keys = defaultdict(list), {}
    for doc, sid, start, end, label, attrs, actor_id, actor, annotator, status in rows:
        keys[sid] = (doc, start, end, label)
        out[doc].append({"id": f"s-{sid}", "start": start, "end": end, "text": texts[doc][start:end],
                         "label": label, "attrs": loads(attrs) or {},
                         "actor": {"id": f"a-{actor_id}", "name": actor} if actor_id else None,
                         "annotator": annotator, "status": status})
    return out, keys


def _relations(session, req: ExportRequest, ids: list[int], exported: dict[int, tuple]) -> dict[int, list[dict]]:
    """Relations whose two ends are exported spans, in id order. The gold layer holds the relations a reviewer
    accepted (accepting one accepts its ends): one left undecided is not gold, even between gold spans. There an
    end a reviewer merged into another annotator's identical span points at that (gold) span, the last by id, and
    a relation reached twice that way is written once, with its lowest id: a gold relation's ends are always gold
    spans."""
    query = (select(Relation.document_id, Relation.id, Relation.head_id, Relation.tail_id, Relation.type,
                    User.username, type_coerce(Relation.status, String))
             .join(User, User.id == Relation.annotator_id)
             .where(Relation.document_id.in_(ids), Relation.deleted_at.is_(None)).order_by(Relation.id))
    merged = {}
    if req.layer == "gold":
        query = query.where(Relation.status == ReviewStatus.ACCEPTED)
        gold = {key: sid for sid, key in sorted(exported.items())}
        merged = {sid: gold.get(tuple(key)) for sid, *key in _run(session,
            select(Span.id, Span.document_id, Span.start, Span.end, Span.label)
            .where(Span.document_id.in_(ids), Span.status == ReviewStatus.MERGED, Span.deleted_at.is_(None)))}
    out, seen = defaultdict(list), set()
    for doc, rid, head, tail, kind, annotator, status in _run(session, query).all():
        head, tail = (head if head in exported else merged.get(head)), (tail if tail in exported else merged.get(tail))
        if head is None or tail is None or (kind, head, tail) in seen:
            continue
        seen.add((kind, head, tail))
        out[doc].append({"id": f"r-{rid}", "type": kind, "head": f"s-{head}", "tail": f"s-{tail}",
                         "annotator": annotator, "status": status})
    return out


def _doc_labels(session, req: ExportRequest, ids: list[int], project: Project) -> tuple[dict, dict]:
    """In one query: {document: the gold document labels} (none with a user layer) and, for the all layer and
    a user layer, {document: [{annotator, values, status}] by annotator name} (a user layer: the user's own, so
    that an import keeps them as theirs, not as gold). Values are in the
    schema's order of fields (PostgreSQL's JSONB keeps no order), undeclared ones after them by name."""
    rank = {f["name"]: k for k, f in enumerate((project.label_schema or {}).get("document", []))}

    def ordered(raw) -> dict:
        values = loads(raw) or {}
        return {k: values[k] for k in sorted(values, key=lambda k: (rank.get(k, len(rank)), k))}

    query = (select(DocumentLabels.document_id, User.username, cast(DocumentLabels.values, Text),
                    type_coerce(DocumentLabels.status, String))
             .outerjoin(User, User.id == DocumentLabels.annotator_id).where(DocumentLabels.document_id.in_(ids)))
    if req.layer not in LAYERS:
        query = query.where(User.username == req.layer)
    elif req.layer == "gold":
        query = query.where(DocumentLabels.annotator_id.is_(None))
    layer, by_annotator = {}, defaultdict(list)
    for doc, annotator, values, status in _run(session, query.order_by(DocumentLabels.document_id, User.username)):
        if annotator is None:
            layer[doc] = ordered(values)
        else:
            by_annotator[doc].append({"annotator": annotator, "values": ordered(values), "status": status})
    return layer, by_annotator


def _reviews(session, ids: list[int]) -> dict[int, dict]:
    rows = _run(session, select(DocumentReview.document_id, type_coerce(DocumentReview.state, String),
                                  User.username, DocumentReview.updated_at)
                           .outerjoin(User, User.id == DocumentReview.reviewer_id)
                           .where(DocumentReview.document_id.in_(ids)))
    return {doc: {"state": state, "by": by, "at": at.strftime("%Y-%m-%dT%H:%M:%SZ") if at else None}
            for doc, state, by, at in rows}


def _alignments(session, ids: list[int]) -> dict[int, dict]:
    """{document id: {other lang: {"doc", "pairs", "status"}}} seen from each document."""
    a, b = aliased(Document), aliased(Document)
    rows = _run(session, select(Alignment.doc_a_id, Alignment.doc_b_id, cast(Alignment.beads, Text), a.lang, b.lang)
                           .join(a, a.id == Alignment.doc_a_id).join(b, b.id == Alignment.doc_b_id)
                           .where(Alignment.doc_a_id.in_(ids) | Alignment.doc_b_id.in_(ids)))
    out: dict[int, dict] = defaultdict(dict)
    for doc_a, doc_b, raw, lang_a, lang_b in rows:
        beads = loads(raw)
        status = [x[2] for x in beads]
        out[doc_a][lang_b] = {"doc": f"d-{doc_b}", "pairs": [[x[0], x[1]] for x in beads], "status": status}
        out[doc_b][lang_a] = {"doc": f"d-{doc_a}", "pairs": [[x[1], x[0]] for x in beads], "status": status}
    return out


def _links(session, req: ExportRequest, ids: list[int]) -> dict[int, list[dict]]:
    """Links from these documents' exported spans to their (not deleted) counterparts."""
    source, target = aliased(Span), aliased(Span)
    rows = _run(session, select(source.document_id, SpanLink.span_id, Document.lang, SpanLink.target_id)
                           .join(source, source.id == SpanLink.span_id).join(target, target.id == SpanLink.target_id)
                           .join(Document, Document.id == target.document_id)
                           .where(source.document_id.in_(ids), target.deleted_at.is_(None),
                                  *span_conditions(source, req))
                           .order_by(SpanLink.span_id, SpanLink.target_id))
    out = defaultdict(list)
    for doc, span, lang, target_id in rows:
        out[doc].append({"span": f"s-{span}", "lang": lang, "target": f"s-{target_id}"})
    return out
