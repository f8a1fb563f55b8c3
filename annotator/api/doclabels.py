"""Document-level labels: the caller's own values (blind, like spans), and the reviewer's gold decisions."""

from flask_login import current_user
from pydantic import JsonValue

from ..auth import role_required
from ..errors import Conflict
from ..extensions import db
from ..models import Role
from ..services import doclabels, progress
from ..services import documents as doc_service
from . import bp
from .inputs import Attrs, Body, Count, Name, body
from .serialize import doc_labels_json


class DocLabelValues(Body):
    values: Attrs
    version: Count  # the version last read; 0 when the caller has set none yet


class DocLabelDecision(Body):
    """Settle one field of the gold set: take an annotator's value, or set `value` (null clears it)."""

    field: Name
    version: Count  # the gold set's version last read; 0 while there is none
    take: Name | None = None
    value: JsonValue = None


@bp.get("/documents/<int:did>/doc-labels")
def get_doc_labels(did):
    doc = doc_service.get_document(db.session, did)
    return doc_labels_json(db.session, doc, current_user)


@bp.put("/documents/<int:did>/doc-labels")
@body(DocLabelValues)
def set_doc_labels(did, data: DocLabelValues):
    doc = doc_service.get_document(db.session, did)
    try:
        doclabels.set_own(db.session, doc, current_user, data.values, data.version)
    except Conflict as exc:
        db.session.rollback()
        exc.extra["current"] = doc_labels_json(db.session, doc, current_user)
        raise
    progress.touch(db.session, doc, current_user)
    db.session.flush()
    answer = doc_labels_json(db.session, doc, current_user)
    db.session.commit()
    return answer


@bp.get("/documents/<int:did>/doc-labels/review")
@role_required(Role.REVIEWER)
def review_doc_labels(did):
    doc = doc_service.get_document(db.session, did)
    return doclabels.review_view(db.session, doc)


@bp.post("/documents/<int:did>/doc-labels/review")
@role_required(Role.REVIEWER)
@body(DocLabelDecision)
def decide_doc_label(did, data: DocLabelDecision):
    doc = doc_service.get_document(db.session, did)
    try:
        doclabels.decide(db.session, doc, current_user, data.field, data.version, data.take, data.value)
    except Conflict as exc:
        db.session.rollback()
        exc.extra["current"] = doclabels.review_view(db.session, doc)
        raise
    answer = doclabels.review_view(db.session, doc)
    db.session.commit()
    return answer
