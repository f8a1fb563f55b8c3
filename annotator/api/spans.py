"""Spans: create, edit (with a version), delete and restore."""

from flask_login import current_user

from ..errors import Conflict
from ..extensions import db
from ..services import documents as doc_service
from ..services import progress, review
from ..services import spans as span_service
from . import bp, json_body
from .serialize import relation_json, span_json


@bp.post("/documents/<int:did>/spans")
def create_span(did):
    doc = doc_service.get_document(db.session, did)
    data = json_body()
    span = span_service.create_span(db.session, doc, doc.project, current_user, data.get("start"), data.get("end"),
                                    data.get("label"), data.get("attrs"), data.get("actor"))
    if data.get("gold"):
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
def update_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    data = json_body()
    changes = {k: data[k] for k in ("label", "attrs", "actor") if k in data}
    try:
        span_service.update_span(db.session, span, span.document.project, current_user, data.get("version"), changes)
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
