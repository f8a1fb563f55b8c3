"""The language switch in the top bar: remembered on the user (signed in) and in a cookie (everyone)."""

from flask import Blueprint, abort, current_app, redirect, request
from flask_login import current_user

from .. import i18n
from ..extensions import db
from .auth import _safe_next

bp = Blueprint("locale", __name__)

YEAR = 365 * 24 * 3600


@bp.post("/locale")
def switch():
    locale = request.form.get("locale", "")
    if locale not in i18n.LANGUAGES:
        abort(400, description=f"locale: one of {', '.join(i18n.LANGUAGES)}")
    if current_user.is_authenticated:
        i18n.remember(db.session, current_user, locale)
        db.session.commit()
    response = redirect(_safe_next(request.form.get("next")))
    response.set_cookie(i18n.COOKIE, locale, max_age=YEAR, httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response
