"""HTML pages: thin blueprints over the services."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..auth import api_error
from ..extensions import db
from . import actors, admin, auth, documents, export, groups, projects, schema

JS_STRINGS = {
    "saving": "Saving…",
    "saved": "Saved",
    "error": "Something went wrong",
    "files_selected": "{n} file(s) selected",
}


def register(app):
    for module in (auth, projects, documents, admin, schema, actors, export, groups):
        app.register_blueprint(module.bp)
    app.register_error_handler(HTTPException, _error_page)
    app.register_error_handler(CSRFError, _error_page)
    app.context_processor(_globals)


def _globals():
    return {"js_strings": {k: _(v) for k, v in JS_STRINGS.items()}}


def _error_page(exc: HTTPException):
    db.session.rollback()
    if request.path.startswith("/api/"):
        code = "csrf_failed" if isinstance(exc, CSRFError) else (exc.name or "error").lower().replace(" ", "_")
        return api_error(code, exc.description or exc.name, exc.code or 400)
    return render_template("error.html", error=exc), exc.code or 500
