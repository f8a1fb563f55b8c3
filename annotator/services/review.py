"""Review: all annotators' layers merged into candidates; decisions build the gold layer.

A candidate is one (start, end, label) that one or more annotators marked. Accepting it accepts one
representative span (the first annotator's, by name) and marks the identical ones "merged", so the gold
layer holds each span once.

The gold layer stays consistent: decisions stick (once a reviewer decided a span or relation, only a reviewer
changes it); accepting a relation accepts its ends; rejecting a span rejects its relations; an accepted span
that is rejected, reset, deleted or relabelled takes its merged twins with it (rejected, or back to pending);
and a document is marked reviewed only when the reviewer says what to do with undecided candidates.
"""

from collections import defaultdict

from sqlalchemy import insert, select, update
from sqlalchemy.orm import load_only

from ..errors import N_, Conflict, Forbidden, Invalid
from ..models import (
    Assignment,
    Document,
    DocumentLabels,
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
from . import doclabels, history, versions
from .members import annotates
from .schema import missing_required

DECISIONS = {"accept": ReviewStatus.ACCEPTED, "reject": ReviewStatus.REJECTED, "reset": ReviewStatus.PENDING}
DECIDED = (ReviewStatus.ACCEPTED, ReviewStatus.REJECTED, ReviewStatus.MERGED)
UNDECIDED_CHOICES = ("leave", "reject")
DECIDED_MESSAGES = {
    "span": N_("a reviewer has {status} this span; only a reviewer can change it now (leave a comment to ask for "
               "a change)"),
    "relation": N_("a reviewer has {status} this relation; only a reviewer can change it now (leave a comment to "
                   "ask for a change)"),
    "document labels": N_("a reviewer has {status} these document labels; only a reviewer can change them now "
                          "(leave a comment to ask for a change)"),
}


class Decided(Conflict):
    code = "decided"


class Undecided(Conflict):
    code = "undecided"


def may_change(item, user: User) -> bool:
    """Whether `user` may change `item` (a span, relation or set of document labels) despite a decision on it."""
    return item.status not in DECIDED or user.has_role(Role.REVIEWER)


def check_may_change(item: Span | Relation, user: User, what: str) -> None:
    """Decisions stick: a span or relation a reviewer accepted, rejected or merged changes only by a reviewer's
    action. The one rule for every path that edits, deletes or restores annotations (pages, API, import)."""
    if not may_change(item, user):
        raise Decided(DECIDED_MESSAGES[what], field=what, status=item.status.value,
                      params={"status": item.status.value})


def review_span(session, span: Span, reviewer: User, decision, version=None) -> Span:
    """Record `decision` on one span; with `version`, a decision made on a stale view is refused (409).

    Accepting also marks other annotators' identical spans as merged into this one; rejecting rejects the
    span's relations; undoing an acceptance sends the span's accepted relations back to pending."""
    if decision not in DECISIONS:
        raise Invalid(N_("decision must be one of {choices}"), field="decision",
                      params={"choices": ", ".join(DECISIONS)})
    if version is not None:
        versions.expect(span, version, "span")
    status = DECISIONS[decision]
    was_accepted = span.status == ReviewStatus.ACCEPTED
    _decide(session, span, reviewer, status, decision)
    if status == ReviewStatus.ACCEPTED:
        for twin in _twins(session, span):
            _decide(session, twin, reviewer, ReviewStatus.MERGED, "merge")
    elif was_accepted:
        release_twins(session, span, reviewer, status)
    if status == ReviewStatus.REJECTED:
        _relations_of(session, [span.id], reviewer, ReviewStatus.REJECTED)
    elif status == ReviewStatus.PENDING:
        _relations_of(session, [span.id], reviewer, ReviewStatus.PENDING, only=ReviewStatus.ACCEPTED)
    _touch_state(session, span.document_id, reviewer)
    versions.flush(session, "span")
    return span


def release_twins(session, span: Span, reviewer: User, status: ReviewStatus = ReviewStatus.PENDING,
                  label: str | None = None) -> list[Span]:
    """The spans merged into `span` (identical, with `label` if given) when it stops being the accepted one:
    rejected with it, or back to pending for a reviewer to decide again. Never merged into nothing."""
    twins = list(session.scalars(select(Span).where(
        Span.document_id == span.document_id, Span.start == span.start, Span.end == span.end,
        Span.label == (label or span.label), Span.id != span.id, Span.deleted_at.is_(None),
        Span.status == ReviewStatus.MERGED)))
    for twin in twins:
        _decide(session, twin, reviewer, status, "reject" if status == ReviewStatus.REJECTED else "reset")
    if status == ReviewStatus.REJECTED and twins:
        _relations_of(session, [t.id for t in twins], reviewer, ReviewStatus.REJECTED)
    return twins


def _relations_of(session, span_ids: list[int], reviewer: User, status: ReviewStatus,
                  only: ReviewStatus | None = None) -> None:
    """Set the live relations at either end of these spans to `status` (those with status `only`, if given)."""
    query = select(Relation).where((Relation.head_id.in_(span_ids)) | (Relation.tail_id.in_(span_ids)),
                                   Relation.deleted_at.is_(None), Relation.status != status)
    if only is not None:
        query = query.where(Relation.status == only)
    for rel in session.scalars(query):
        _decide_relation(session, rel, reviewer, status, "reject" if status == ReviewStatus.REJECTED else "reset")


def add_to_gold(session, span: Span, reviewer: User) -> Span:
    """A reviewer annotating the gold layer directly: their new span is accepted at once."""
    if not reviewer.has_role(Role.REVIEWER):
        raise Forbidden(N_("only reviewers annotate the gold layer"), field="gold")
    return review_span(session, span, reviewer, "accept")


def _decide(session, span: Span, reviewer: User, status: ReviewStatus, action: str) -> None:
    before = history.span_snapshot(span)
    span.status = status
    span.reviewed_by_id = reviewer.id
    span.reviewed_at = utcnow()
    versions.flush(session, "span")
    history.record(session, span.document.project_id, reviewer, "review", span.id, action, before,
                   history.span_snapshot(span), span.document_id)


def _twins(session, span: Span) -> list[Span]:
    """The other live spans identical to `span` not yet merged: one accepted span stands for them all."""
    return list(session.scalars(select(Span).where(
        Span.document_id == span.document_id, Span.start == span.start, Span.end == span.end,
        Span.label == span.label, Span.id != span.id, Span.deleted_at.is_(None),
        Span.status != ReviewStatus.MERGED)))


def _touch_state(session, doc_id: int, reviewer: User) -> None:
    row = session.get(DocumentReview, doc_id)
    if row is None:
        session.add(DocumentReview(document_id=doc_id, state=ReviewState.IN_REVIEW, reviewer_id=reviewer.id))
    elif row.state == ReviewState.NEW:
        row.state = ReviewState.IN_REVIEW


def set_state(session, doc: Document, reviewer: User, state, undecided=None) -> ReviewState:
    """Set the document's review state. Marking it reviewed while candidates are undecided needs `undecided`:
    "leave" (they stay pending, outside the gold layer) or "reject"; without it, a 409 with their counts."""
    try:
        state = ReviewState(state)
    except ValueError:
        raise Invalid(N_("state must be one of {choices}"), field="state",
                      params={"choices": ", ".join(s.value for s in ReviewState)}) from None
    if undecided is not None and undecided not in UNDECIDED_CHOICES:
        raise Invalid(N_("'undecided' must be one of {choices}"), field="undecided",
                      params={"choices": ", ".join(UNDECIDED_CHOICES)})
    if state == ReviewState.REVIEWED:
        left = undecided_of(session, doc)
        fields = doclabels.undecided(session, doc)
        if (left["spans"] or left["relations"] or fields) and undecided is None:
            counts = {"spans": len(left["spans"]), "relations": len(left["relations"])}
            message = (N_("{spans} span candidate(s) and {relations} relation(s) are undecided, and required document "
                          "field(s) {fields} have no gold value: say whether to leave them out of the gold layer or "
                          "reject them") if fields else
                       N_("{spans} span candidate(s) and {relations} relation(s) are undecided: say whether "
                          "to leave them out of the gold layer or reject them"))
            params = {**counts, "fields": ", ".join(fields)} if fields else counts
            raise Undecided(message, field="undecided", params=params, **counts, doc_labels=fields)
        if undecided == "reject":
            _reject_undecided(session, left, reviewer)
    row = session.get(DocumentReview, doc.id)
    if row is None:
        row = DocumentReview(document_id=doc.id)
        session.add(row)
    row.state, row.reviewer_id = state, reviewer.id
    session.flush()
    history.record(session, doc.project_id, reviewer, "document", doc.id, "review_state", None, {"state": str(state)},
                   doc.id)
    return state



def undecided_of(session, doc: Document) -> dict:
    """What no reviewer has decided: candidates with pending spans and none accepted or merged, relation groups
    with pending relations and none accepted. {"spans": [[pending span ids] per candidate], "relations": [...]}"""
    data = candidates(session, doc)
    spans = [[s["id"] for s in c["spans"] if s["status"] == "pending"] for c in data["candidates"]
             if not {s["status"] for s in c["spans"]} & {"accepted", "merged"}]
    rels = [r["ids"] for r in data["relations"] if "accepted" not in r["statuses"] and "pending" in r["statuses"]]
    return {"spans": [ids for ids in spans if ids], "relations": rels}


def _reject_undecided(session, left: dict, reviewer: User) -> None:
    for span in session.scalars(select(Span).where(Span.id.in_([i for ids in left["spans"] for i in ids]))):
        review_span(session, span, reviewer, "reject")
    for rel in session.scalars(select(Relation).where(
            Relation.id.in_([i for ids in left["relations"] for i in ids]), Relation.status == ReviewStatus.PENDING)):
        _decide_relation(session, rel, reviewer, ReviewStatus.REJECTED, "reject")


def state_of(session, doc: Document) -> ReviewState:
    row = session.get(DocumentReview, doc.id)
    return row.state if row else ReviewState.NEW


def document_annotators(session, doc: Document) -> list[str]:
    """The annotators assigned to the document or with spans or document labels in it, by name. Reviewers' and
    admins' own spans are gold added directly, not a layer to agree with, so they are not counted."""
    with_spans = select(Span.annotator_id).where(Span.document_id == doc.id, Span.deleted_at.is_(None))
    with_labels = select(DocumentLabels.annotator_id).where(DocumentLabels.document_id == doc.id)
    assigned = select(Assignment.user_id).where(Assignment.document_id == doc.id)
    return list(session.scalars(select(User.username).where(
        User.id.in_(with_spans) | User.id.in_(with_labels) | User.id.in_(assigned), annotates(doc.project_id))
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
    out = [_candidate(doc, k, sorted(members, key=lambda s: s.annotator.username), set(annotators))
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


def _candidate(doc: Document, k: tuple, members: list[Span], annotators: set[str]) -> dict:
    statuses = {str(s.status) for s in members}
    own = [s for s in members if s.annotator.username in annotators]  # not reviewers' gold added directly
    attrs = [s.attrs or {} for s in own] or [{}]
    layers = {s.annotator_id for s in own}
    return {"key": _key(k), "start": k[0], "end": k[1], "label": k[2], "text": doc.text[k[0]:k[1]],
            "annotators": [s.annotator.username for s in members],
            "agreement": _agreement(len(layers), len(annotators)),
            "attrs_agree": all(a == attrs[0] for a in attrs),
            "status": statuses.pop() if len(statuses) == 1 else "mixed",
            "missing": missing_required(doc.project, k[2], representative_attrs(members)),
            "spans": [{"id": s.id, "annotator": s.annotator.username, "attrs": s.attrs or {},
                       "missing": missing_required(doc.project, s.label, s.attrs),
                       "actor": {"id": s.actor.id, "name": s.actor.name} if s.actor else None,
                       "status": str(s.status), "version": s.version} for s in members]}


def representative_attrs(members: list[Span]) -> dict:
    """The attributes of the span that stands for a candidate: the accepted one, else the first."""
    chosen = next((s for s in members if s.status == ReviewStatus.ACCEPTED), members[0])
    return chosen.attrs or {}


def accept_agreed(session, doc: Document, reviewer: User) -> dict:
    """Accept every undecided span and relation that all of the document's annotators marked alike (a
    relation only if its ends are gold or accepted with it): one representative per candidate accepted, its
    twins merged, in a few statements."""
    data = candidates(session, doc)
    agreed = [c for c in data["candidates"]
              if c["agreement"] == "all" and c["attrs_agree"] and c["status"] == "pending"]
    chosen = [c["spans"][0]["id"] for c in agreed]
    twins = [s["id"] for c in agreed for s in c["spans"][1:]]
    keep = {c["spans"][0]["id"]: c["spans"][0]["annotator"] for c in agreed}
    gold = {c["key"] for c in agreed} | {c["key"] for c in data["candidates"]
                                         if any(s["status"] == "accepted" for s in c["spans"])}
    rel_ids = [r["ids"][0] for r in data["relations"] if r["agreement"] == "all" and r["statuses"] == ["pending"]
               and r["head"] in gold and r["tail"] in gold]  # a gold relation's ends are gold spans
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
    done = {"spans": len(chosen), "relations": len(rel_ids)}
    if doclabels.fields(doc.project):  # and how many document fields, where the project has some
        done["doc_labels"] = doclabels.accept_agreed(session, doc, reviewer, data["annotators"])
    return done


def review_relation(session, rel: Relation, reviewer: User, decision, version=None) -> dict:
    """Record `decision` on a relation. Accepting it accepts its pending ends too (a gold relation never points
    at a span outside the gold layer); an end a reviewer rejected is not overruled: that is a 409.
    Returns the ids of the spans accepted with it."""
    if decision not in DECISIONS:
        raise Invalid(N_("decision must be one of {choices}"), field="decision",
                      params={"choices": ", ".join(DECISIONS)})
    if version is not None:
        versions.expect(rel, version, "relation")
    status = DECISIONS[decision]
    accepted = []
    if status == ReviewStatus.ACCEPTED:
        ends = [session.get(Span, rel.head_id), session.get(Span, rel.tail_id)]
        rejected = [s for s in ends if s.status == ReviewStatus.REJECTED or s.deleted_at is not None]
        if rejected:
            text = rel.document.text
            raise Conflict(N_("span “{text}” ({label}) of this relation was rejected or deleted; accept it first"),
                           field="relation", span=rejected[0].id,
                           params={"text": text[rejected[0].start:rejected[0].end], "label": rejected[0].label})
        for end in ends:
            if end.status == ReviewStatus.PENDING:
                review_span(session, end, reviewer, "accept")
                accepted.append(end.id)
    _decide_relation(session, rel, reviewer, status, decision)
    _touch_state(session, rel.document_id, reviewer)
    return {"relation": rel, "accepted_spans": accepted}


def _decide_relation(session, rel: Relation, reviewer: User, status: ReviewStatus, action: str) -> None:
    before = history.relation_snapshot(rel)
    rel.status = status
    versions.write(session, rel, "relation", "type")
    history.record(session, rel.document.project_id, reviewer, "review", rel.id, action, before,
                   history.relation_snapshot(rel), rel.document_id)


def review_queue(session, project_id: int) -> list[dict]:
    """Documents with annotations, most disagreement first, with their review state: the same figures as
    candidates() gives one document, for the whole project in four queries."""
    in_project = select(Document.id).where(Document.project_id == project_id)
    spans = session.execute(
        select(Span.document_id, Span.annotator_id, Span.start, Span.end, Span.label, Span.status, Span.attrs,
               annotates(project_id).label("annotates")).join(User, User.id == Span.annotator_id)
        .where(Span.document_id.in_(in_project), Span.deleted_at.is_(None))).all()
    if not spans:
        return []
    assigned = session.execute(
        select(Assignment.document_id, Assignment.user_id).join(User, User.id == Assignment.user_id)
        .where(Assignment.document_id.in_(in_project), annotates(project_id))).all()
    layers: dict[int, set[int]] = defaultdict(set)
    groups: dict[int, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for row in spans:
        if row.annotates:
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
        own = [m for m in members if m.annotates]
        attrs = [m.attrs or {} for m in own] or [{}]
        agreed = _agreement(len({m.annotator_id for m in own}), total) == "all"
        disagreements += not agreed or any(a != attrs[0] for a in attrs)
        pending += {str(m.status) for m in members} == {"pending"}
    return {"document": doc, "annotators": sorted(names[u] for u in layer_ids), "candidates": len(by_key),
            "disagreements": disagreements, "pending": pending, "state": str(state)}
