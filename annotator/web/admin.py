"""Admins manage accounts: add, deactivate, reactivate, reset passwords."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select

from ..auth import role_required
from ..errors import DomainError
from ..extensions import db
from ..models import Role, User
from ..services import users as user_service
from .forms import NewUserForm, ResetPasswordForm, UserActionForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@role_required(Role.ADMIN)
def _admins_only():
    return None


@bp.route("/users", methods=["GET", "POST"])
def users():
    form = NewUserForm()
    if form.validate_on_submit():
        password = form.password.data or user_service.generate_password()
        try:
            user = user_service.create_user(db.session, form.username.data, form.role.data, password)
        except DomainError as exc:
            (form.password if exc.field == "password" else form.username).errors.append(exc.message)
        else:
            db.session.commit()
            flash(_("User %(name)s added.", name=user.username), "info")
            if not form.password.data:
                flash(_("Their password, shown only now: %(pw)s", pw=password), "secret")
            return redirect(url_for("admin.users"))
    rows = db.session.scalars(select(User).order_by(User.username)).all()
    return render_template("admin/users.html", form=form, users=rows, action=UserActionForm()), \
        400 if form.errors else 200


@bp.route("/users/<int:uid>", methods=["GET", "POST"])
def user(uid):
    target = db.session.get(User, uid) or abort(404)
    form = ResetPasswordForm(active=target.active)
    if form.validate_on_submit():
        if target.id == current_user.id and not form.active.data:
            flash(_("You cannot deactivate your own account."), "error")
            return redirect(url_for("admin.user", uid=uid))
        try:
            if form.password.data:
                user_service.set_password(db.session, target, form.password.data)
            user_service.set_active(db.session, target, form.active.data)
        except DomainError as exc:
            db.session.rollback()
            form.password.errors.append(exc.message)
        else:
            db.session.commit()
            _keep_own_session(target)
            flash(_("Saved."), "info")
            return redirect(url_for("admin.users"))
    return render_template("admin/user.html", target=target, form=form, action=UserActionForm()), \
        400 if form.errors else 200


def _keep_own_session(target: User) -> None:
    """Resetting passwords ends the target's sessions; an admin resetting their own keeps this one."""
    if target.id == current_user.id:
        login_user(target)


@bp.post("/users/<int:uid>/reset-password")
def reset_password(uid):
    target = db.session.get(User, uid) or abort(404)
    if not UserActionForm().validate_on_submit():
        abort(400)
    password = user_service.generate_password()
    user_service.set_password(db.session, target, password)
    db.session.commit()
    _keep_own_session(target)
    flash(_("New password for %(name)s, shown only now: %(pw)s", name=target.username, pw=password), "secret")
    return redirect(url_for("admin.users"))
