"""Review: all annotators' layers merged into candidates; decisions build the gold layer.

A candidate is one (start, end, label) that one or more annotators marked. Accepting it accepts one
representative span (the first annotator's, by name) and marks the identical ones "merged", so the gold
layer holds each span once. Relations between accepted spans go to gold with them unless rejected.
"""

from collections import defaultdict

from sqlalchemy import insert, select, update
from sqlalchemy.orm import load_only

from ..errors import Conflict, Forbidden, Invalid
from ..models import (
    Assignment,
    Document,
    DocumentReview,
    HistoryEvent,
    Relation,
    ReviewState,
    ReviewStatus,
    Role,
    Span,
    User,
    utcnow,
)
from . import history

DECISIONS = {"accept": ReviewStatus.ACCEPTED, "reject": ReviewStatus.REJECTED, "reset": ReviewStatus.PENDING}


def review_span(session, span: Span, reviewer: User, decision, version=None) -> Span:
    """Record `decision` on one span; with `version`, a decision made on a stale view is refused (409).

    Accepting also marks other annotators' identical spans as merged into this one."""
    if decision not in DECISIONS:
        raise Invalid(f"decision must be one of {', '.join(DECISIONS)}", field="decision")
    if version is not None and version != span.version:
        raise Conflict("someone changed or reviewed this span meanwhile; reload it", field="version")
    _decide(session, span, reviewer, DECISIONS[decision], decision)
    if DECISIONS[decision] == ReviewStatus.ACCEPTED:
        for twin in _twins(session, span):
            _decide(session, twin, reviewer, ReviewStatus.MERGED, "merge")
    _touch_state(session, span.document_id, reviewer)
    session.flush()
    return span


def add_to_gold(session, span: Span, reviewer: User) -> Span:
    """A reviewer annotating the gold layer directly: their new span is accepted at once."""
    if not reviewer.has_role(Role.REVIEWER):
        raise Forbidden("only reviewers annotate the gold layer", field="gold")
    return review_span(session, span, reviewer, "accept")


def _decide(session, span: Span, reviewer: User, status: ReviewStatus, action: str) -> None:
    before = history.span_snapshot(span)
    span.status = status
    span.reviewed_by_id = reviewer.id
    span.reviewed_at = utcnow()
    session.flush()
    history.record(session, span.document.project_id, reviewer, "review", span.id, action, before,
                   history.span_snapshot(span), span.document_id)


def _twins(session, span: Span) -> list[Span]:
    return list(session.scalars(select(Span).where(
        Span.document_id == span.document_id, Span.start == span.start, Span.end == span.end,
        Span.label == span.label, Span.id != span.id, Span.deleted_at.is_(None),
        Span.status != ReviewStatus.ACCEPTED)))


def _touch_state(session, doc_id: int, reviewer: User) -> None:
    row = session.get(DocumentReview, doc_id)
    if row is None:
        session.add(DocumentReview(document_id=doc_id, state=ReviewState.IN_REVIEW, reviewer_id=reviewer.id))
    elif row.state == ReviewState.NEW:
        row.state = ReviewState.IN_REVIEW


def set_state(session, doc: Document, reviewer: User, state) -> ReviewState:
    try:
        state = ReviewState(state)
    except ValueError:
        raise Invalid(f"state must be one of {', '.join(s.value for s in ReviewState)}", field="state") from None
    row = session.get(DocumentReview, doc.id)
    if row is None:
        row = DocumentReview(document_id=doc.id)
        session.add(row)
    row.state, row.reviewer_id = state, reviewer.id
    session.flush()
    history.record(session, doc.project_id, reviewer, "document", doc.id, "review_state", None, {"state": str(state)},
                   doc.id)
    return state


def state_of(session, doc: Document) -> ReviewState:
    row = session.get(DocumentReview, doc.id)
    return row.state if row else ReviewState.NEW


def document_annotators(session, doc: Document) -> list[str]:
    """The annotators assigned to the document or with spans in it, by name. Reviewers' and admins' own
    spans are gold added directly, not a layer to agree with, so they are not counted."""
    with_spans = select(Span.annotator_id).where(Span.document_id == doc.id, Span.deleted_at.is_(None))
    assigned = select(Assignment.user_id).where(Assignment.document_id == doc.id)
    return list(session.scalars(select(User.username).where(User.id.in_(with_spans) | User.id.in_(assigned),
                                                            User.role == Role.ANNOTATOR)
                                .order_by(User.username)))


def candidates(session, doc: Document) -> dict:
    """Every annotator's live spans merged by (start, end, label), with how widely each is shared."""
    annotators = document_annotators(session, doc)
    spans = session.scalars(select(Span).where(Span.document_id == doc.id, Span.deleted_at.is_(None))
                            .order_by(Span.start, Span.end, Span.label, Span.id)).all()
    groups: dict[tuple, list[Span]] = defaultdict(list)
    for span in spans:
        groups[(span.start, span.end, span.label)].append(span)
    key_of = {s.id: _key(k) for k, members in groups.items() for s in members}
    out = [_candidate(doc, k, sorted(members, key=lambda s: s.annotator.username), len(annotators))
           for k, members in groups.items()]
    rels = session.scalars(select(Relation).where(Relation.document_id == doc.id, Relation.deleted_at.is_(None))
                           .order_by(Relation.id)).all()
    rel_groups: dict[tuple, list[Relation]] = defaultdict(list)
    for rel in rels:
        if rel.head_id in key_of and rel.tail_id in key_of:
            rel_groups[(rel.type, key_of[rel.head_id], key_of[rel.tail_id])].append(rel)
    return {"annotators": annotators, "candidates": out,
            "relations": [{"type": t, "head": h, "tail": tl, "annotators": sorted(r.annotator.username for r in rs),
                           "ids": [r.id for r in rs], "statuses": sorted({str(r.status) for r in rs}),
                           "agreement": _agreement(len({r.annotator_id for r in rs}), len(annotators))}
                          for (t, h, tl), rs in rel_groups.items()],
            "state": str(state_of(session, doc))}


def _key(k: tuple) -> str:
    return f"{k[0]}:{k[1]}:{k[2]}"


def _agreement(count: int, total: int) -> str:
    if total > 1 and count >= total:
        return "all"
    return "one" if count <= 1 else "some"


def _candidate(doc: Document, k: tuple, members: list[Span], total: int) -> dict:
    statuses = {str(s.status) for s in members}
    attrs = [s.attrs or {} for s in members if s.annotator.role == Role.ANNOTATOR] or [{}]
    layers = {s.annotator_id for s in members if s.annotator.role == Role.ANNOTATOR}
    return {"key": _key(k), "start": k[0], "end": k[1], "label": k[2], "text": doc.text[k[0]:k[1]],
            "annotators": [s.annotator.username for s in members],
            "agreement": _agreement(len(layers), total),
            "attrs_agree": all(a == attrs[0] for a in attrs),
            "status": statuses.pop() if len(statuses) == 1 else "mixed",
            "spans": [{"id": s.id, "annotator": s.annotator.username, "attrs": s.attrs or {},
                       "actor": {"id": s.actor.id, "name": s.actor.name} if s.actor else None,
                       "status": str(s.status), "version": s.version} for s in members]}


def accept_agreed(session, doc: Document, reviewer: User) -> dict:
    """Accept every undecided span and relation that all of the document's annotators marked alike:
    one representative per candidate accepted, its twins merged, in a few statements."""
    data = candidates(session, doc)
    agreed = [c for c in data["candidates"]
              if c["agreement"] == "all" and c["attrs_agree"] and c["status"] == "pending"]
    chosen = [c["spans"][0]["id"] for c in agreed]
    twins = [s["id"] for c in agreed for s in c["spans"][1:]]
    keep = {c["spans"][0]["id"]: c["spans"][0]["annotator"] for c in agreed}
    rel_ids = [r["ids"][0] for r in data["relations"] if r["agreement"] == "all" and r["statuses"] == ["pending"]]
    now = utcnow()
    for ids, status in ((chosen, ReviewStatus.ACCEPTED), (twins, ReviewStatus.MERGED)):
        if ids:
            session.execute(update(Span).where(Span.id.in_(ids)).values(
                status=status, reviewed_by_id=reviewer.id, reviewed_at=now, version=Span.version + 1)
                .execution_options(synchronize_session=False))
    if rel_ids:
        session.execute(update(Relation).where(Relation.id.in_(rel_ids)).values(
            status=ReviewStatus.ACCEPTED, version=Relation.version + 1).execution_options(synchronize_session=False))
    if chosen:
        session.execute(insert(HistoryEvent), [
            {"project_id": doc.project_id, "document_id": doc.id, "user_id": reviewer.id, "entity": "review",
             "entity_id": sid, "action": "accept", "before": {"status": "pending"},
             "after": {"status": "accepted", "agreed": True, "annotator": keep[sid], "merged": len(twins)},
             "at": now} for sid in chosen])
    if chosen or rel_ids:
        _touch_state(session, doc.id, reviewer)
    session.flush()
    session.expire_all()
    return {"spans": len(chosen), "relations": len(rel_ids)}


def review_relation(session, rel: Relation, reviewer: User, decision) -> Relation:
    if decision not in DECISIONS:
        raise Invalid(f"decision must be one of {', '.join(DECISIONS)}", field="decision")
    before = history.relation_snapshot(rel)
    rel.status = DECISIONS[decision]
    session.flush()
    history.record(session, rel.document.project_id, reviewer, "review", rel.id, decision, before,
                   history.relation_snapshot(rel), rel.document_id)
    return rel


def review_queue(session, project_id: int) -> list[dict]:
    """Documents with annotations, most disagreement first, with their review state: the same figures as
    candidates() gives one document, for the whole project in four queries."""
    in_project = select(Document.id).where(Document.project_id == project_id)
    spans = session.execute(
        select(Span.document_id, Span.annotator_id, Span.start, Span.end, Span.label, Span.status, Span.attrs,
               User.role).join(User, User.id == Span.annotator_id)
        .where(Span.document_id.in_(in_project), Span.deleted_at.is_(None))).all()
    if not spans:
        return []
    assigned = session.execute(
        select(Assignment.document_id, Assignment.user_id).join(User, User.id == Assignment.user_id)
        .where(Assignment.document_id.in_(in_project), User.role == Role.ANNOTATOR)).all()
    layers: dict[int, set[int]] = defaultdict(set)
    groups: dict[int, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for row in spans:
        if row.role == Role.ANNOTATOR:
            layers[row.document_id].add(row.annotator_id)
        groups[row.document_id][(row.start, row.end, row.label)].append(row)
    for doc_id, user_id in assigned:
        if doc_id in groups:
            layers[doc_id].add(user_id)
    names = dict(session.execute(select(User.id, User.username).where(
        User.id.in_({uid for ids in layers.values() for uid in ids}))).all())
    states = dict(session.execute(select(DocumentReview.document_id, DocumentReview.state)
                                  .where(DocumentReview.document_id.in_(list(groups)))).all())
    docs = {d.id: d for d in session.scalars(select(Document).options(load_only(
        Document.id, Document.title, Document.lang, Document.project_id)).where(Document.id.in_(list(groups))))}
    rows = [_queue_row(docs[doc_id], by_key, layers[doc_id], names, states.get(doc_id, ReviewState.NEW))
            for doc_id, by_key in groups.items()]
    return sorted(rows, key=lambda r: (-r["disagreements"], r["document"].id))


def _queue_row(doc: Document, by_key: dict, layer_ids: set[int], names: dict, state) -> dict:
    total, disagreements, pending = len(layer_ids), 0, 0
    for members in by_key.values():
        own = [m for m in members if m.role == Role.ANNOTATOR]
        attrs = [m.attrs or {} for m in own] or [{}]
        agreed = _agreement(len({m.annotator_id for m in own}), total) == "all"
        disagreements += not agreed or any(a != attrs[0] for a in attrs)
        pending += {str(m.status) for m in members} == {"pending"}
    return {"document": doc, "annotators": sorted(names[u] for u in layer_ids), "candidates": len(by_key),
            "disagreements": disagreements, "pending": pending, "state": str(state)}
