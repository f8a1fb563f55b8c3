"""Log in, log out, change one's own password."""

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..errors import DomainError
from ..extensions import db
from ..services import throttle
from ..services import users as user_service
from .forms import ChangePasswordForm, LoginForm, NewTokenForm, RevokeTokenForm

bp = Blueprint("auth", __name__)

KNOWN_COOKIE = "annotator_known"  # signed: the user name last logged in from this browser
KNOWN_MAX_AGE = 180 * 24 * 3600


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        name, address = form.username.data.strip(), request.remote_addr or "?"
        limits = throttle.Limits.from_config(current_app.config)
        wait = throttle.wait_seconds(db.session, limits, address, name, known_browser=_known_user() == name)
        if wait:
            flash(_("Too many failed attempts. Try again in %(n)d seconds.", n=wait), "error")
            return render_template("auth/login.html", form=form), 429
        user = user_service.authenticate(db.session, name, form.password.data)
        if user is None:
            throttle.failed(db.session, limits, address, name)
            db.session.commit()
            flash(_("Wrong user name or password."), "error")
            return render_template("auth/login.html", form=form), 401
        throttle.succeeded(db.session, address, name)
        db.session.commit()
        login_user(user)
        response = redirect(_safe_next(request.args.get("next")))
        response.set_cookie(KNOWN_COOKIE, _known_serializer().dumps(user.username), max_age=KNOWN_MAX_AGE,
                            httponly=True, samesite="Lax", secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
        return response
    return render_template("auth/login.html", form=form)


def _known_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="annotator-known-browser")


def _known_user() -> str | None:
    """Who last logged in from this browser, if its signed cookie says so."""
    try:
        return _known_serializer().loads(request.cookies.get(KNOWN_COOKIE, ""), max_age=KNOWN_MAX_AGE)
    except BadSignature:
        return None


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login."""
    if target and target.startswith("/") and not target.startswith("//") and target.isprintable() \
            and not urlsplit(target).netloc:  # isprintable: no CR or LF, which no Location header may hold
        return target
    return url_for("projects.index")


@bp.post("/logout")
def logout():
    """Log out everywhere: every session of this user ends, on every device and in every process."""
    user_service.end_sessions(db.session, current_user)
    db.session.commit()
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
                login_user(current_user._get_current_object())  # a new cookie here; every other session has ended
                flash(_("Your password is changed."), "info")
                return redirect(url_for("auth.account"))
    return _account_page(form)


def _account_page(form, status=200):
    tokens = user_service.list_tokens(db.session, current_user)
    return render_template("auth/account.html", form=form, tokens=tokens, state=user_service.token_state,
                           new_token=NewTokenForm(), revoke=RevokeTokenForm()), status


@bp.post("/account/tokens")
@login_required
def create_token():
    """A new API token of one's own, shown once."""
    form = NewTokenForm()
    if not form.validate_on_submit():
        return _account_page(ChangePasswordForm(formdata=None), 400)
    lifetime = user_service.parse_lifetime(form.expires.data) if form.expires.data else None
    plain = user_service.create_token(db.session, current_user, form.label.data or "", lifetime)
    db.session.commit()
    flash(_("Your new API token, shown only now: %(token)s", token=plain), "secret")
    return redirect(url_for("auth.account"))


@bp.post("/account/tokens/revoke")
@login_required
def revoke_token():
    form = RevokeTokenForm()
    own = {str(t.id): t for t in user_service.list_tokens(db.session, current_user)}
    if not form.validate_on_submit() or form.token_id.data not in own:
        abort(404)
    user_service.revoke_token(db.session, own[form.token_id.data])
    db.session.commit()
    flash(_("The token is revoked."), "info")
    return redirect(url_for("auth.account"))
