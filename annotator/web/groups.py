"""The versions of one article side by side: alignment editor and span projection."""

from flask import Blueprint, abort, render_template
from flask_login import current_user

from ..api.serialize import document_payload
from ..errors import NotFound
from ..extensions import db
from ..services import alignment

bp = Blueprint("groups", __name__)


@bp.get("/groups/<int:gid>")
def show(gid):
    try:
        group = alignment.get_group(db.session, gid)
    except NotFound:
        abort(404)
    data = alignment.group_alignment(db.session, group)
    data["versions"] = [document_payload(db.session, doc, current_user)
                        for doc in sorted(group.documents, key=lambda d: d.id)]
    db.session.commit()  # sentences segmented on first view are kept
    project = group.documents[0].project if group.documents else None
    return render_template("groups/show.html", group=group, project=project, group_data=data)
