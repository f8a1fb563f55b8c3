"""HTML pages: thin blueprints over the services."""

from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..auth import api_error
from ..extensions import db
from . import actors, admin, auth, documents, export, groups, members, projects, review, schema

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
    "done_missing_attrs": "Not done: {n} span(s) need a required attribute: {list}",
    "needs_attrs": "needs {names}",
    "state_new": "New",
    "state_in_progress": "In progress",
    "state_done": "Done",
    "undo_failed": "Could not undo: {message}",
    "unlink": "Unlink",
    "which_span": "Which span?",
    "mark": "Mark",
    "mark_as_actor": "Mark as {name}",
    "find_text": "Find in the text",
    "find_count": "{i} of {n}",
    "find_none": "not found",
    "open_head": "Open the head span",
    "show_more": "Show {n} more",
    "mark_all": "Mark all {n}…",
    "mark_all_as": "Mark as {name}",
    "mark_chosen": "Mark the chosen",
    "cancel": "Cancel",
    "occurrences": "Where",
    "group_accept": "Accept",
    "group_reject": "Reject",
    "group_align": "Align the versions",
    "group_all_linked": "Linked in every version.",
    "group_linked": "Linked counterparts",
    "group_bead_auto": "Aligned with {lang} automatically",
    "group_bead_confirmed": "Alignment with {lang} confirmed",
    "group_bead_none": "No counterpart in {lang}",
    "group_bulk_failed": "{n} span(s) without a suggestion (their sentence is not aligned or no counterpart "
                         "was found).",
    "group_close": "Close",
    "group_reload": "Reload",
    "group_confirm_all": "Confirm all",
    "group_not_saved": "Not saved",
    "group_conflict": "Someone changed this alignment meanwhile; reload the page to see their version.",
    "group_div_missing": "No counterpart",
    "group_div_differ": "Counterparts differ",
    "group_div_unaligned": "Unaligned sentences",
    "group_div_label": "labels differ",
    "group_div_polarity": "polarity {a} ≠ {b}",
    "group_div_not_in": "not in {langs}",
    "group_div_none": "No divergences: every span and sentence has its counterparts.",
    "group_edit": "Edit the alignment",
    "group_pairs": "Pairs of versions",
    "group_stats": "{n} links · {c} confirmed · {u} unaligned",
    "group_link": "Link",
    "group_unlink": "Unlink",
    "group_merge": "Merge",
    "group_split": "Split",
    "group_confirm": "Confirm",
    "group_link_hint": "To link, click a sentence in one version, then one in another version, and press L.",
    "group_pick_first": "Click a sentence first (or move to one with the arrow keys).",
    "group_nothing_to_merge": "There is no next link to merge with.",
    "group_accept_all": "Accept all {n}",
    "group_accept_all_hint": "Reject the wrong ones first; the rest are saved at once.",
    "group_undo": "Undo",
    "group_redo": "Redo",
    "group_undo_hint": "Undo the last alignment edit (Ctrl+Z)",
    "group_redo_hint": "Redo the edit undone last (Ctrl+Shift+Z)",
    "group_save_anyway": "Save anyway",
    "group_cancel": "Cancel",
    "group_warn_skip": "This link skips sentences: {lang} #{x} and #{y} are not next to each other. Save it anyway?",
    "group_warn_cross": "This link crosses another one ({lang} #{x} and #{y} are linked in the opposite order). "
                        "Save it anyway?",
    "group_not_aligned": "These versions are not aligned yet.",
    "group_loading": "Loading…",
    "group_no_suggestions": "No suggestions left.",
    "group_project": "Project to other versions",
    "group_project_all": "Project all",
    "group_project_all_hint": "Suggest counterparts in the other versions for every span",
    "group_span_hint": "Click a highlighted span to see its counterparts and project it to the other versions.",
    "group_one_span": "1 span",
    "group_spans_count": "{n} spans",
    "group_untitled": "(untitled)",
}


def register(app):
    for module in (auth, projects, documents, admin, schema, actors, export, groups, review, members):
        app.register_blueprint(module.bp)
    app.register_error_handler(HTTPException, _error_page)
    app.register_error_handler(CSRFError, _error_page)
    app.context_processor(_globals)


def _globals():
    return {"js_strings": {k: _(v) for k, v in JS_STRINGS.items()}}


def _error_page(exc: HTTPException):
    db.session.rollback()
    if exc.code == 413:
        exc.description = _("The upload is larger than the limit of %(mb)s MB (ANNOTATOR_MAX_UPLOAD_MB).",
                            mb=current_app.config["MAX_UPLOAD_MB"])
    if request.path.startswith("/api/"):
        code = "csrf_failed" if isinstance(exc, CSRFError) else (exc.name or "error").lower().replace(" ", "_")
        return api_error(code, exc.description or exc.name, exc.code or 400)
    return render_template("error.html", error=exc), exc.code or 500
