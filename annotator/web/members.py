"""A project's members page: everyone in the project sees the team; managers and admins change it."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth import role_required
from ..errors import DomainError
from ..extensions import db
from ..models import Role
from ..services import members as member_service
from .forms import MemberForm, UserActionForm
from .projects import load_project

bp = Blueprint("members", __name__)


@bp.route("/projects/<int:pid>/members", methods=["GET", "POST"])
def index(pid):
    project = load_project(pid)
    form = MemberForm()
    if form.is_submitted():
        if not current_user.has_role(Role.ADMIN):
            abort(403)
        if form.validate():
            try:
                member_service.add_member(db.session, project, form.username.data, form.role.data, current_user)
            except DomainError as exc:
                db.session.rollback()
                form.username.errors.append(exc.message)
            else:
                db.session.commit()
                flash(_("%(name)s is a member as %(role)s.", name=form.username.data, role=_(form.role.data)), "info")
                return redirect(url_for("members.index", pid=pid))
    return render_template("projects/members.html", project=project, form=form, action=UserActionForm(),
                           members=member_service.list_members(db.session, project))


@bp.post("/projects/<int:pid>/members/<user>/remove")
@role_required(Role.ADMIN)  # in a project: its managers
def remove(pid, user):
    project = load_project(pid)
    if not UserActionForm().validate_on_submit():
        abort(400)
    try:
        member_service.remove_member(db.session, project, user, current_user)
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("%(name)s is no longer a member.", name=user), "info")
    return redirect(url_for("members.index", pid=pid))
