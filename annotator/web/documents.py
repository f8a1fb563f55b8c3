"""Add documents (paste or upload) and show one."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..api.serialize import document_payload
from ..auth import role_required
from ..errors import DomainError, Invalid, NotFound
from ..extensions import db
from ..ingest import parse_files
from ..ingest.files import read_uploads
from ..ingest.txt import prepare, title_of
from ..models import Role
from ..services import alignment, imports
from ..services import documents as doc_service
from ..text import normalize, paragraphs
from . import uploads
from .forms import PasteDocumentForm, UploadForm, UserActionForm
from .projects import load_project

bp = Blueprint("documents", __name__)


@bp.route("/projects/<int:pid>/documents/new", methods=["GET", "POST"])
@role_required(Role.REVIEWER)
def new(pid):
    """Paste one text or upload files; scraped-text cleanup and language detection are previewed first."""
    project = load_project(pid)
    paste, upload = PasteDocumentForm(prefix="paste"), UploadForm(prefix="upload")
    which = request.form.get("form")
    try:
        if which == "paste" and paste.validate_on_submit():
            return _paste(project, paste, upload)
        if which == "upload" and upload.validate_on_submit():
            return _upload_preview(project, upload)
        if which == "confirm" and UserActionForm().validate_on_submit():
            return _confirm_upload(project)
    except DomainError as exc:
        db.session.rollback()
        return _page(project, paste, upload, problems=exc.extra.get("problems") or [exc.message], status=exc.status)
    failed = (which == "paste" and paste.errors) or (which == "upload" and upload.errors)
    return _page(project, paste, upload, status=400 if failed else 200)


def _page(project, paste, upload, problems=(), status=None, cleanup=None):
    return render_template("documents/new.html", project=project, paste=paste, upload=upload,
                           problems=list(problems), cleanup=cleanup), status or (400 if problems else 200)


def _paste(project, form, upload_form):
    text, lang, meta = prepare(normalize(form.text.data), _("pasted text"), form.other_lang.data or form.lang.data,
                               form.clean.data)
    if meta.get("cleanup") and not form.confirmed.data:
        form.confirmed.data = "1"
        return _page(project, form, upload_form, cleanup=meta["cleanup"])
    fields = {"title": form.title.data or title_of(text), "lang": lang, "text": text, "meta": meta,
              "source_url": form.source_url.data or None, "group": form.group.data or None}
    result = doc_service.add_documents(db.session, project, [doc_service.parse_fields(fields)], current_user)
    if meta.get("language_detected"):
        found = meta["language_detected"]
        flash(_("Language detected: %(lang)s (confidence %(c).2f).", lang=found["lang"], c=found["confidence"]),
              "info")
    return _finish(project, result)


def _parse_or_raise(files, lang, clean):
    parsed = parse_files(files, "auto", lang, clean)
    if parsed.errors:
        raise Invalid(_("Nothing was added."), problems=[e.message for e in parsed.errors])
    return parsed


def _upload_preview(project, form):
    """Check the files, show what each becomes (language, cleanup), keep them for the confirmation."""
    limit = int(float(current_app.config["MAX_IMPORT_MB"]) * (1 << 20))
    files = read_uploads([(f.filename or "upload.txt", f.stream) for f in form.files.data if f], limit)
    parsed = _parse_or_raise(files, form.lang.data, form.clean.data)
    token = uploads.save(files, current_user.id)
    return render_template("documents/preview.html", project=project, items=parsed.inputs, token=token,
                           lang=form.lang.data, clean=form.clean.data, form=UserActionForm(),
                           missing=imports.missing_labels(project, parsed.inputs),
                           left_out=imports.unknown_controls(project, parsed.inputs),
                           may_add_labels=current_user.has_role(Role.ADMIN))


def _confirm_upload(project):
    token = request.form.get("token", "")
    files = uploads.load(token, current_user.id)
    if files is None:
        raise Invalid(_("This preview has expired or was already imported; upload the files again."))
    parsed = _parse_or_raise(files, request.form.get("lang", "auto"), request.form.get("clean") == "1")
    result = imports.import_documents(db.session, project, parsed.inputs, current_user,
                                      add_labels=request.form.get("add_labels") == "1")
    uploads.discard(token)
    return _finish(project, result)


def _finish(project, result):
    db.session.commit()
    for where, reason in result.skipped:
        flash(_("Skipped %(where)s: %(reason)s", where=where, reason=reason), "warning")
    for name, count in result.left_out.items():
        flash(ngettext("Left out “%(name)s” (%(num)d value): the project has no field of that name.",
                       "Left out “%(name)s” (%(num)d values): the project has no field of that name.", count,
                       name=name), "warning")
    if len(result.created) == 1 and not result.skipped:
        return redirect(url_for("documents.show", did=result.created[0].id))
    if result.created:
        flash(ngettext("%(num)d document added.", "%(num)d documents added.", len(result.created)), "info")
    return redirect(url_for("projects.show", pid=project.id))


@bp.get("/documents/<int:did>")
def show(did):
    try:
        doc = doc_service.get_document(db.session, did)
    except NotFound:
        abort(404)
    versions = [d for d in doc.group.documents if d.id != doc.id] if doc.group else []
    return render_template("documents/show.html", doc=doc, project=doc.project, versions=versions,
                           group_form=UserActionForm(),
                           doc_data=document_payload(db.session, doc, current_user), can_annotate=True,
                           paragraphs=paragraphs)


@bp.post("/documents/<int:did>/group")
@role_required(Role.REVIEWER)
def set_group(did):
    """Link a document into a translation group (or out of one) from its page."""
    try:
        doc = doc_service.get_document(db.session, did)
    except NotFound:
        abort(404)
    if not UserActionForm().validate_on_submit():
        abort(400)
    key = (request.form.get("group") or "").strip() or None
    try:
        alignment.move_to_group(db.session, doc, key, current_user)
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("Now a version of “%(key)s”.", key=key) if key else _("No longer part of a group."), "info")
    return redirect(url_for("documents.show", did=did))
