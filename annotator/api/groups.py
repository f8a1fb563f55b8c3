"""Translation groups: the alignment of their versions, read and edited."""

from typing import Annotated

from flask_login import current_user
from pydantic import Field, JsonValue

from ..errors import Conflict
from ..extensions import db
from ..ids import MAX_ID
from ..services import alignment
from . import bp
from .inputs import Body, Id, body


class PairBeads(Body):
    a: Id
    b: Id
    beads: list[Annotated[list[JsonValue], Field(min_length=2, max_length=3)]] = Field(max_length=100_000)
    version: Annotated[int, Field(ge=0, le=MAX_ID)] | None = None


class Realign(Body):
    force: bool = False


@bp.get("/groups/<int:gid>/alignment")
def get_alignment(gid):
    group = alignment.get_group(db.session, gid)
    body = alignment.group_alignment(db.session, group)
    db.session.commit()  # sentences segmented on first view are kept
    return body


@bp.put("/groups/<int:gid>/alignment")
@body(PairBeads)
def put_alignment(gid, data: PairBeads):
    """One pair's beads: {a, b, beads: [[[a idx], [b idx], "auto"|"confirmed"]], version}."""
    group = alignment.get_group(db.session, gid)
    try:
        row = alignment.save_pair(db.session, group, data.a, data.b, data.beads, data.version, current_user)
    except Conflict as exc:  # a stale version: the answer shows the pair as it is now
        db.session.rollback()
        exc.extra["current"] = alignment.pair_json(db.session, alignment.get_group(db.session, gid), data.a, data.b)
        raise
    db.session.commit()
    return {"a": row.doc_a_id, "b": row.doc_b_id, "beads": row.beads, "version": row.version}


@bp.post("/groups/<int:gid>/align")
@body(Realign)
def realign(gid, data: Realign):
    """Recompute automatic alignments; {"force": true} also replaces confirmed ones."""
    group = alignment.get_group(db.session, gid)
    done = alignment.align_group(db.session, group, force=data.force)
    db.session.commit()
    return done
