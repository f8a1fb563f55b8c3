"""One document with what the caller may see of it; the caller's progress on it."""

from flask_login import current_user

from ..extensions import db
from ..services import documents as doc_service
from ..services import progress
from . import bp, json_body
from .serialize import document_payload


@bp.get("/documents/<int:did>")
def get_document(did):
    doc = doc_service.get_document(db.session, did)
    return document_payload(db.session, doc, current_user)


@bp.put("/documents/<int:did>/state")
def set_state(did):
    doc = doc_service.get_document(db.session, did)
    state = progress.set_state(db.session, doc, current_user, json_body().get("state"))
    following = progress.next_document(db.session, doc, current_user)
    db.session.commit()
    return {"state": str(state), "next": following}
