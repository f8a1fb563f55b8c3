"""A project's members: any member may list them; managers and admins add, change and remove them."""

from typing import Annotated, Literal

from flask import url_for
from flask_login import current_user
from pydantic import StringConstraints

from ..auth import role_required
from ..extensions import db
from ..models import Role
from ..services import members as member_service
from ..services import projects as project_service
from . import bp
from .inputs import Body, body


class NewMember(Body):
    user: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    role: Literal["annotator", "reviewer", "manager"] | None = None  # None: as the user's global role


def member_json(member) -> dict:
    return {"user": member.user.username, "role": member.role.value}


@bp.get("/projects/<int:pid>/members")
def list_members(pid):
    project = project_service.get_project(db.session, pid)
    return {"members": [member_json(m) for m in member_service.list_members(db.session, project)]}


@bp.post("/projects/<int:pid>/members")
@role_required(Role.ADMIN)  # in a project: its managers
@body(NewMember)
def add_member(pid, data: NewMember):
    project = project_service.get_project(db.session, pid)
    member = member_service.add_member(db.session, project, data.user, data.role, current_user)
    db.session.commit()
    return member_json(member), 201, {"Location": url_for("api.list_members", pid=pid)}


@bp.delete("/projects/<int:pid>/members/<user>")
@role_required(Role.ADMIN)
def remove_member(pid, user):
    project = project_service.get_project(db.session, pid)
    member_service.remove_member(db.session, project, user, current_user)
    db.session.commit()
    return {"user": user, "removed": True}
