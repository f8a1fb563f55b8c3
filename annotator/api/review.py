"""Review (reviewers and admins): decisions, merged layers, agreement, assignments; comments and history."""

from flask import request
from flask_login import current_user
from sqlalchemy import select

from ..auth import role_required
from ..errors import Invalid
from ..extensions import db
from ..models import Role, User
from ..services import agreement, assignments, comments, history, review
from ..services import documents as doc_service
from ..services import projects as project_service
from ..services import relations as rel_service
from ..services import spans as span_service
from . import bp, json_body
from .serialize import relation_json, span_json


@bp.post("/spans/<int:sid>/review")
@role_required(Role.REVIEWER)
def review_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    data = json_body()
    review.review_span(db.session, span, current_user, data.get("decision"), data.get("version"))
    db.session.commit()
    return span_json(span, span.document.text)


@bp.post("/relations/<int:rid>/review")
@role_required(Role.REVIEWER)
def review_relation(rid):
    rel = rel_service.get_relation(db.session, rid, current_user)
    data = json_body()
    done = review.review_relation(db.session, rel, current_user, data.get("decision"), data.get("version"))
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
def review_state(did):
    doc = doc_service.get_document(db.session, did)
    data = json_body()
    state = review.set_state(db.session, doc, current_user, data.get("state"), data.get("undecided"))
    db.session.commit()
    return {"state": str(state)}


@bp.get("/projects/<int:pid>/agreement")
@role_required(Role.REVIEWER)
def project_agreement(pid):
    project = project_service.get_project(db.session, pid)
    return agreement.pairwise(db.session, project, request.args.get("label") or None, request.args.get("lang") or None)


@bp.post("/projects/<int:pid>/assignments")
@role_required(Role.REVIEWER)
def assign(pid):
    """{documents: [ids], users: [names]} by hand, or {auto: k} for k annotators per document."""
    project = project_service.get_project(db.session, pid)
    data = json_body()
    if "auto" in data:
        added = assignments.auto_assign(db.session, project, data["auto"], by=current_user)
    else:
        names = data.get("users")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise Invalid("'users' must be a non-empty list of user names", field="users")
        added = assignments.assign_by_name(db.session, project, _ids(data.get("documents"), "documents"), names,
                                           current_user)
    db.session.commit()
    return {"added": added}


def _ids(value, field):
    if not isinstance(value, list) or not value or any(isinstance(i, bool) or not isinstance(i, int) for i in value):
        raise Invalid(f"'{field}' must be a non-empty list of ids", field=field)
    return value


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
def add_comment(did):
    doc = doc_service.get_document(db.session, did)
    data = json_body()
    comment = comments.add(db.session, doc, current_user, data.get("body"), data.get("span"), data.get("relation"),
                           data.get("parent"))
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
