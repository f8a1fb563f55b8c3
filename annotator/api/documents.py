"""One document with what the caller may see of it."""

from ..extensions import db
from ..services import documents as doc_service
from . import bp
from .serialize import document_json


@bp.get("/documents/<int:did>")
def get_document(did):
    doc = doc_service.get_document(db.session, did)
    return {**document_json(doc), "sentences": [], "spans": [], "relations": []}
