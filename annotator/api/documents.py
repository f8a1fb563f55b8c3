"""One document with what the caller may see of it; the caller's progress on it."""

from flask_login import current_user

from ..auth import role_required
from ..errors import Invalid
from ..extensions import db
from ..models import Role
from ..services import alignment, progress
from ..services import documents as doc_service
from . import bp, json_body
from .serialize import document_json, document_payload


@bp.get("/documents/<int:did>")
def get_document(did):
    doc = doc_service.get_document(db.session, did)
    return document_payload(db.session, doc, current_user)


@bp.patch("/documents/<int:did>")
@role_required(Role.REVIEWER)
def update_document(did):
    """Only the translation group can change ({"group": key or null}); a document's text never does."""
    doc = doc_service.get_document(db.session, did)
    data = json_body()
    unknown = set(data) - {"group"}
    if unknown:
        raise Invalid(f"'{sorted(unknown)[0]}' cannot be changed (a document's text is fixed once imported)",
                      field=sorted(unknown)[0])
    if "group" in data:
        alignment.move_to_group(db.session, doc, data["group"], current_user)
    db.session.commit()
    return document_json(doc)


@bp.put("/documents/<int:did>/state")
def set_state(did):
    doc = doc_service.get_document(db.session, did)
    state = progress.set_state(db.session, doc, current_user, json_body().get("state"))
    following = progress.next_document(db.session, doc, current_user)
    db.session.commit()
    return {"state": str(state), "next": following}
