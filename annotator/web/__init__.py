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
    "actor": "Actor",
    "actor_not_saved": "The actor was not created: {message}",
    "change_not_saved": "The change was not saved: {message}",
    "close": "Close",
    "delete": "Delete",
    "delete_failed": "Could not delete: {message}",
    "delete_relation": "Delete relation",
    "edit_span": "Edit span",
    "find_actor": "Find an actor…",
    "label": "Label",
    "new_actor": "New actor “{name}”",
    "no_relation": "No relation type goes from {head} to {tail}.",
    "no_spans": "None yet",
    "no_targets": "No span here can be linked to this one.",
    "not_saved": "Not saved",
    "pick_hint": "Pick the other span: ←/→ or Tab to move, Enter to link, Esc to stop",
    "redo_failed": "Could not redo: {message}",
    "relation_hint": "Shift+click another span (or R) to link",
    "relation_not_saved": "The relation was not saved: {message}",
    "relation_type": "Relation type",
    "span_conflict": "This span was changed elsewhere; showing the current version.",
    "span_not_saved": "The span was not saved: {message}",
    "state_not_saved": "Could not mark the document done: {message}",
    "state_new": "New",
    "state_in_progress": "In progress",
    "state_done": "Done",
    "undo_failed": "Could not undo: {message}",
    "unlink": "Unlink",
    "which_span": "Which span?",
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
