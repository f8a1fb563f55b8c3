"""Spans: create, edit (with a version), delete and restore."""

from flask_login import current_user

from ..errors import Conflict
from ..extensions import db
from ..services import documents as doc_service
from ..services import progress, review
from ..services import spans as span_service
from . import bp
from .inputs import Attrs, Body, Count, Id, Name, body
from .serialize import relation_json, span_json


class NewSpan(Body):
    start: Count
    end: Count
    label: Name
    attrs: Attrs | None = None
    actor: Id | None = None
    gold: bool = False


class SpanChanges(Body):
    version: Count
    label: Name | None = None
    attrs: Attrs | None = None
    actor: Id | None = None


@bp.post("/documents/<int:did>/spans")
@body(NewSpan)
def create_span(did, data: NewSpan):
    doc = doc_service.get_document(db.session, did)
    span = span_service.create_span(db.session, doc, doc.project, current_user, data.start, data.end, data.label,
                                    data.attrs, data.actor)
    if data.gold:
        review.add_to_gold(db.session, span, current_user)
    progress.touch(db.session, doc, current_user)
    db.session.flush()
    answer = span_json(span, doc.text)  # before the commit expires what it reads
    db.session.commit()
    return answer, 201


@bp.get("/spans/<int:sid>")
def get_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    return span_json(span, span.document.text)


@bp.patch("/spans/<int:sid>")
@body(SpanChanges)
def update_span(sid, data: SpanChanges):
    span = span_service.get_span(db.session, sid, current_user)
    changes = data.model_dump(include={"label", "attrs", "actor"}, exclude_unset=True)
    try:
        span_service.update_span(db.session, span, span.document.project, current_user, data.version, changes)
    except Conflict as exc:
        db.session.rollback()
        current = span_service.get_span(db.session, sid, current_user)
        exc.extra = {"current": span_json(current, current.document.text)}
        raise
    db.session.flush()
    answer = span_json(span, span.document.text)  # before the commit expires what it reads
    db.session.commit()
    return answer


@bp.delete("/spans/<int:sid>")
def delete_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    rel_ids = span_service.delete_span(db.session, span, span.document.project, current_user)
    db.session.commit()
    return {"id": sid, "deleted": True, "relations_deleted": rel_ids}


@bp.post("/spans/<int:sid>/restore")
def restore_span(sid):
    span = span_service.get_span(db.session, sid, current_user, include_deleted=True)
    span, rels = span_service.restore_span(db.session, span, span.document.project, current_user)
    db.session.commit()
    return {"span": span_json(span, span.document.text), "relations": [relation_json(r) for r in rels]}
