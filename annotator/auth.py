"""Who is calling: session logins, bearer tokens, role checks, CSRF, and a brake on password guessing."""

import threading
import time
from functools import wraps

from flask import abort, g, jsonify, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .extensions import csrf, db, login_manager
from .models import Role, User
from .services import users as user_service

PUBLIC_ENDPOINTS = {"auth.login", "locale.switch", "static"}


def init_app(app):
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.session_protection = "strong"
    app.before_request(_require_login_and_csrf)
    app.extensions["login_throttle"] = LoginThrottle(app.config["LOGIN_MAX_FAILURES"])


@login_manager.user_loader
def _load_user(user_id: str):
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    return user if user is not None and user.active else None


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


class LoginThrottle:
    """After `limit` failures for a user name or an address, each further try must wait longer (max 5 min)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.failures: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()

    def wait_seconds(self, *keys: str) -> int:
        now = time.monotonic()
        with self.lock:
            waits = [self._wait(self.failures.get(k), now) for k in keys]
        return max(waits, default=0)

    def _wait(self, entry, now) -> int:
        if entry is None or entry[0] < self.limit:
            return 0
        count, last = entry
        delay = min(300, 2 ** (count - self.limit + 1))
        return max(0, int(last + delay - now + 0.999))

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self.lock:
            if len(self.failures) > 100_000:
                self.failures.clear()
            for k in keys:
                count, _ = self.failures.get(k, (0, now))
                self.failures[k] = (count + 1, now)

    def succeeded(self, *keys: str) -> None:
        with self.lock:
            for k in keys:
                self.failures.pop(k, None)
