"""A project's members: any member may list them; managers and admins add, change and remove them."""

from flask import url_for
from flask_login import current_user

from ..auth import role_required
from ..extensions import db
from ..models import Role
from ..services import members as member_service
from ..services import projects as project_service
from . import bp, json_body


def member_json(member) -> dict:
    return {"user": member.user.username, "role": member.role.value}


@bp.get("/projects/<int:pid>/members")
def list_members(pid):
    project = project_service.get_project(db.session, pid)
    return {"members": [member_json(m) for m in member_service.list_members(db.session, project)]}


@bp.post("/projects/<int:pid>/members")
@role_required(Role.ADMIN)  # in a project: its managers
def add_member(pid):
    project = project_service.get_project(db.session, pid)
    data = json_body()
    member = member_service.add_member(db.session, project, data.get("user"), data.get("role"), current_user)
    db.session.commit()
    return member_json(member), 201, {"Location": url_for("api.list_members", pid=pid)}


@bp.delete("/projects/<int:pid>/members/<user>")
@role_required(Role.ADMIN)
def remove_member(pid, user):
    project = project_service.get_project(db.session, pid)
    member_service.remove_member(db.session, project, user, current_user)
    db.session.commit()
    return {"user": user, "removed": True}
