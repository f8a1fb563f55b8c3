"""HTML pages: thin blueprints over the services."""

from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..auth import api_error
from ..extensions import db
from ..i18n import http_error_text
from . import actors, admin, auth, documents, export, groups, locale, members, projects, review, schema, search


def register(app):
    for module in (auth, locale, projects, documents, admin, schema, actors, export, groups, review, members, search):
        app.register_blueprint(module.bp)
    app.register_error_handler(HTTPException, _error_page)
    app.register_error_handler(CSRFError, _error_page)


def _error_page(exc: HTTPException):
    db.session.rollback()
    if exc.code == 413:
        exc.description = _("The upload is larger than the limit of %(mb)s MB (ANNOTATOR_MAX_UPLOAD_MB).",
                            mb=current_app.config["MAX_UPLOAD_MB"])
    name, description = http_error_text(exc)
    if request.path.startswith("/api/"):
        code = "csrf_failed" if isinstance(exc, CSRFError) else (exc.name or "error").lower().replace(" ", "_")
        return api_error(code, description, exc.code or 400)
    return render_template("error.html", error=exc, name=name, description=description), exc.code or 500
