"""Relations between two spans of one document."""

from flask_login import current_user

from ..extensions import db
from ..services import documents as doc_service
from ..services import relations as rel_service
from . import bp
from .inputs import Body, Id, Name, body
from .serialize import relation_json


class NewRelation(Body):
    head: Id
    tail: Id
    type: Name


@bp.post("/documents/<int:did>/relations")
@body(NewRelation)
def create_relation(did, data: NewRelation):
    doc = doc_service.get_document(db.session, did)
    rel = rel_service.create_relation(db.session, doc, doc.project, current_user, data.head, data.tail, data.type)
    db.session.commit()
    return relation_json(rel), 201


@bp.delete("/relations/<int:rid>")
def delete_relation(rid):
    rel = rel_service.get_relation(db.session, rid, current_user)
    rel_service.delete_relation(db.session, rel, rel.document.project, current_user)
    db.session.commit()
    return {"id": rid, "deleted": True}


@bp.post("/relations/<int:rid>/restore")
def restore_relation(rid):
    rel = rel_service.get_relation(db.session, rid, current_user)
    rel_service.restore_relation(db.session, rel, rel.document.project, current_user)
    db.session.commit()
    return relation_json(rel)
