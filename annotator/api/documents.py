"""One document with what the caller may see of it; the caller's progress on it."""

from typing import Literal

from flask_login import current_user

from ..auth import role_required
from ..extensions import db
from ..models import Role
from ..services import alignment, progress
from ..services import documents as doc_service
from . import bp
from .inputs import Body, GroupKey, body
from .serialize import document_json, document_payload


class DocumentChanges(Body):
    """Only the translation group can change; a document's text never does."""

    model_config = {"extra": "forbid"}
    group: GroupKey | None = None


class NewState(Body):
    state: Literal["new", "in_progress", "done"]


@bp.get("/documents/<int:did>")
def get_document(did):
    doc = doc_service.get_document(db.session, did)
    return document_payload(db.session, doc, current_user)


@bp.patch("/documents/<int:did>")
@role_required(Role.REVIEWER)
@body(DocumentChanges)
def update_document(did, data: DocumentChanges):
    """Only the translation group can change ({"group": key or null}); a document's text never does."""
    doc = doc_service.get_document(db.session, did)
    if "group" in data.model_fields_set:
        alignment.move_to_group(db.session, doc, data.group, current_user)
    db.session.commit()
    return document_json(doc)


@bp.put("/documents/<int:did>/state")
@body(NewState)
def set_state(did, data: NewState):
    doc = doc_service.get_document(db.session, did)
    state = progress.set_state(db.session, doc, current_user, data.state)
    following = progress.next_document(db.session, doc, current_user)
    db.session.commit()
    return {"state": str(state), "next": following}
