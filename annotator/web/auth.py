"""Log in, log out, change one's own password."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from ..errors import DomainError
from ..extensions import db
from ..models import User
from ..services import users as user_service
from .forms import ChangePasswordForm, LoginForm

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        throttle = current_app.extensions["login_throttle"]
        keys = ("user:" + form.username.data.strip().lower(), "addr:" + (request.remote_addr or "?"))
        wait = throttle.wait_seconds(*keys)
        if wait:
            flash(_("Too many failed attempts. Try again in %(n)d seconds.", n=wait), "error")
            return render_template("auth/login.html", form=form), 429
        user = db.session.scalar(select(User).where(User.username == form.username.data.strip()))
        if user is None or not user.active or not user.check_password(form.password.data):
            throttle.failed(*keys)
            flash(_("Wrong user name or password."), "error")
            return render_template("auth/login.html", form=form), 401
        throttle.succeeded(*keys)
        login_user(user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("projects.index")


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            form.current.errors.append(_("This is not your current password."))
        else:
            try:
                user_service.set_password(db.session, current_user, form.new.data)
            except DomainError as exc:
                form.new.errors.append(exc.message)
            else:
                db.session.commit()
                flash(_("Your password is changed."), "info")
                return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form)
