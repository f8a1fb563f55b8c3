"""Who is calling: session logins, bearer tokens, role checks and CSRF (the login throttle: services/throttle)."""

from functools import wraps

from flask import abort, g, jsonify, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .extensions import csrf, db, login_manager
from .ids import as_id
from .models import Role, User
from .services import users as user_service

PUBLIC_ENDPOINTS = {"auth.login", "locale.switch", "static"}


def init_app(app):
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.session_protection = "strong"
    app.before_request(_require_login_and_csrf)


@login_manager.user_loader
def _load_user(user_id: str):
    """The session cookie's user, if still active and the cookie is of their current session generation (see
    User.get_id): logout, a password change and deactivation end every older session, in every process."""
    ident, _, generation = user_id.partition(":")
    user = db.session.get(User, as_id(ident)) if as_id(ident) else None
    if user is None or not user.active or str(user.session_generation) != generation:
        return None
    return user


@login_manager.request_loader
def _load_from_token(req):
    header = req.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    user = user_service.user_for_token(db.session, header[len("Bearer "):].strip())
    if user is not None:
        g.token_auth = True
    return user


@login_manager.unauthorized_handler
def _unauthorized():
    if request.blueprint == "api":
        return api_error("unauthorized", "log in or send 'Authorization: Bearer <token>'", 401)
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def api_error(code: str, message: str, status: int, **extra):
    return jsonify({"error": {"code": code, "message": message, **extra}}), status


def _require_login_and_csrf():
    """Every endpoint but the login page needs a user; every state change by cookie needs a CSRF token.

    A request that carries a bearer token is that token's user and nobody else, cookie or not.
    """
    if request.headers.get("Authorization", "").startswith("Bearer "):
        login_manager._update_request_context_with_user(_load_from_token(request))
    if request.endpoint in PUBLIC_ENDPOINTS:
        if request.method == "POST":
            csrf.protect()
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if request.method not in ("GET", "HEAD", "OPTIONS") and not g.get("token_auth"):
        csrf.protect()
    return None


def role_required(role: Role):
    """Refuse (403) users whose role ranks below `role`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator
