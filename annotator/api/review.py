"""Review (reviewers and admins): decisions, merged layers, agreement, assignments; comments and history."""

from typing import Annotated, Literal

from flask_login import current_user
from pydantic import Field, StringConstraints
from sqlalchemy import select

from ..auth import role_required
from ..errors import N_, Conflict, Invalid
from ..extensions import db
from ..models import Role, User
from ..services import agreement, assignments, comments, history, review
from ..services import documents as doc_service
from ..services import projects as project_service
from ..services import relations as rel_service
from ..services import spans as span_service
from . import bp
from .inputs import MAX_LIST, Body, Count, Id, Lang, Name, Query, body, query
from .serialize import relation_json, span_json

Decision = Literal["accept", "reject", "reset"]
UserName = Annotated[str, StringConstraints(max_length=80)]  # users.username is String(80)


class SpanDecision(Body):
    decision: Decision
    version: Count | None = None


class RelationDecision(Body):
    decision: Decision
    version: Count | None = None


class ReviewState(Body):
    state: Literal["new", "in_review", "reviewed"]
    undecided: Literal["leave", "reject"] | None = None  # what to do with undecided candidates when marking reviewed


class AgreementFilter(Query):
    label: Name | None = None
    lang: Lang | None = None


class Assignment(Body):
    """{documents, users} by hand, or {auto: k} for k annotators per document."""

    documents: Annotated[list[Id], Field(min_length=1, max_length=MAX_LIST)] | None = None
    users: Annotated[list[UserName], Field(min_length=1, max_length=500)] | None = None
    auto: Annotated[int, Field(le=1000)] | None = None


class NewComment(Body):
    body: Annotated[str, StringConstraints(max_length=5000)]
    span: Id | None = None
    relation: Id | None = None
    parent: Id | None = None


@bp.post("/spans/<int:sid>/review")
@role_required(Role.REVIEWER)
@body(SpanDecision)
def review_span(sid, data: SpanDecision):
    span = span_service.get_span(db.session, sid, current_user)
    try:
        review.review_span(db.session, span, current_user, data.decision, data.version)
    except Conflict as exc:  # a stale version: the answer shows what the span is now
        db.session.rollback()
        current = span_service.get_span(db.session, sid, current_user)
        exc.extra["current"] = span_json(current, current.document.text)
        raise
    db.session.commit()
    return span_json(span, span.document.text)


@bp.post("/relations/<int:rid>/review")
@role_required(Role.REVIEWER)
@body(RelationDecision)
def review_relation(rid, data: RelationDecision):
    rel = rel_service.get_relation(db.session, rid, current_user)
    try:
        done = review.review_relation(db.session, rel, current_user, data.decision, data.version)
    except Conflict as exc:  # a stale version or a rejected end: the answer shows what the relation is now
        db.session.rollback()
        exc.extra["current"] = relation_json(rel_service.get_relation(db.session, rid, current_user))
        raise
    db.session.commit()
    return {**relation_json(rel), "accepted_spans": done["accepted_spans"]}


@bp.get("/documents/<int:did>/review")
@role_required(Role.REVIEWER)
def document_review(did):
    doc = doc_service.get_document(db.session, did)
    return {"document": did, **review.candidates(db.session, doc)}


@bp.post("/documents/<int:did>/review/accept-agreed")
@role_required(Role.REVIEWER)
def accept_agreed(did):
    doc = doc_service.get_document(db.session, did)
    done = review.accept_agreed(db.session, doc, current_user)
    db.session.commit()
    return done


@bp.put("/documents/<int:did>/review-state")
@role_required(Role.REVIEWER)
@body(ReviewState)
def review_state(did, data: ReviewState):
    doc = doc_service.get_document(db.session, did)
    state = review.set_state(db.session, doc, current_user, data.state, data.undecided)
    db.session.commit()
    return {"state": str(state)}


@bp.get("/projects/<int:pid>/agreement")
@role_required(Role.REVIEWER)
@query(AgreementFilter)
def project_agreement(pid, args: AgreementFilter):
    project = project_service.get_project(db.session, pid)
    return {**agreement.pairwise(db.session, project, args.label, args.lang),
            "doc_labels": agreement.document_fields(db.session, project, args.lang)}


@bp.post("/projects/<int:pid>/assignments")
@role_required(Role.REVIEWER)
@body(Assignment)
def assign(pid, data: Assignment):
    """{documents: [ids], users: [names]} by hand, or {auto: k} for k annotators per document."""
    project = project_service.get_project(db.session, pid)
    if data.auto is not None:
        added = assignments.auto_assign(db.session, project, data.auto, by=current_user)
    else:
        for field in ("users", "documents"):
            if getattr(data, field) is None:
                raise Invalid(N_("'{field}' is required (or send 'auto')"), field=field, params={"field": field})
        added = assignments.assign_by_name(db.session, project, data.documents, data.users, current_user)
    db.session.commit()
    return {"added": added}


@bp.get("/projects/<int:pid>/queue")
def my_queue(pid):
    project = project_service.get_project(db.session, pid)
    return {"documents": [{"id": d.id, "title": d.title, "lang": d.lang, "state": state}
                          for d, state in assignments.queue(db.session, project, current_user)]}


@bp.get("/documents/<int:did>/comments")
def list_comments(did):
    doc = doc_service.get_document(db.session, did)
    return {"comments": [_comment_json(c) for c in comments.visible(db.session, doc, current_user)]}


@bp.post("/documents/<int:did>/comments")
@body(NewComment)
def add_comment(did, data: NewComment):
    doc = doc_service.get_document(db.session, did)
    comment = comments.add(db.session, doc, current_user, data.body, data.span, data.relation, data.parent)
    db.session.commit()
    return _comment_json(comment), 201


def _comment_json(c) -> dict:
    return {"id": c.id, "document": c.document_id, "span": c.span_id, "relation": c.relation_id, "parent": c.parent_id,
            "author": c.author.username, "body": c.body, "created_at": c.created_at.isoformat() + "Z"}


@bp.get("/documents/<int:did>/history")
@role_required(Role.REVIEWER)
def document_history(did):
    doc = doc_service.get_document(db.session, did)
    names = dict(db.session.execute(select(User.id, User.username)).all())
    return {"events": [{"id": e.id, "entity": e.entity, "entity_id": e.entity_id, "action": e.action,
                        "user": names.get(e.user_id), "at": e.at.isoformat() + "Z", "before": e.before,
                        "after": e.after} for e in history.for_document(db.session, doc.id)]}
