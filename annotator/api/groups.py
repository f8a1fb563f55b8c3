"""Translation groups: the alignment of their versions, read and edited."""

from flask_login import current_user

from ..extensions import db
from ..services import alignment
from . import bp, json_body


@bp.get("/groups/<int:gid>/alignment")
def get_alignment(gid):
    group = alignment.get_group(db.session, gid)
    body = alignment.group_alignment(db.session, group)
    db.session.commit()  # sentences segmented on first view are kept
    return body


@bp.put("/groups/<int:gid>/alignment")
def put_alignment(gid):
    """One pair's beads: {a, b, beads: [[[a idx], [b idx], "auto"|"confirmed"]], version}."""
    group = alignment.get_group(db.session, gid)
    data = json_body()
    row = alignment.save_pair(db.session, group, data.get("a"), data.get("b"), data.get("beads"),
                              data.get("version"), current_user)
    db.session.commit()
    return {"a": row.doc_a_id, "b": row.doc_b_id, "beads": row.beads, "version": row.version}


@bp.post("/groups/<int:gid>/align")
def realign(gid):
    """Recompute automatic alignments; {"force": true} also replaces confirmed ones."""
    group = alignment.get_group(db.session, gid)
    done = alignment.align_group(db.session, group, force=bool(json_body().get("force")))
    db.session.commit()
    return done
