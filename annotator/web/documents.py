"""Add documents (paste or upload) and show one."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..api.serialize import document_payload
from ..auth import role_required
from ..errors import DomainError, Invalid, NotFound
from ..extensions import db
from ..ingest import parse_files
from ..models import Role
from ..services import documents as doc_service
from ..services import imports
from .forms import PasteDocumentForm, UploadForm
from .projects import load_project

bp = Blueprint("documents", __name__)


@bp.route("/projects/<int:pid>/documents/new", methods=["GET", "POST"])
@role_required(Role.REVIEWER)
def new(pid):
    project = load_project(pid)
    paste, upload = PasteDocumentForm(prefix="paste"), UploadForm(prefix="upload")
    problems, result = [], None
    which = request.form.get("form")
    try:
        if which == "paste" and paste.validate_on_submit():
            result = _add_pasted(project, paste)
        elif which == "upload" and upload.validate_on_submit():
            result = _add_uploaded(project, upload)
    except DomainError as exc:
        problems = exc.extra.get("problems") or [exc.message]
    if result is not None:
        return _finish(project, result)
    db.session.rollback()
    failed = problems or (which == "paste" and paste.errors) or (which == "upload" and upload.errors)
    return render_template("documents/new.html", project=project, paste=paste, upload=upload,
                           problems=problems, active=which or "paste"), 400 if failed else 200


def _add_pasted(project, form):
    fields = {"title": form.title.data, "lang": form.other_lang.data or form.lang.data, "text": form.text.data,
              "source_url": form.source_url.data or None, "group": form.group.data or None}
    return doc_service.add_documents(db.session, project, [doc_service.parse_fields(fields)], current_user)


def _add_uploaded(project, form):
    files = [(f.filename or "upload.txt", f.read()) for f in form.files.data if f]
    parsed = parse_files(files, "auto", form.lang.data)
    if parsed.errors:
        raise Invalid(_("Nothing was added."), problems=[e.message for e in parsed.errors])
    return imports.import_documents(db.session, project, parsed.inputs, current_user)


def _finish(project, result):
    db.session.commit()
    for where, reason in result.skipped:
        flash(_("Skipped %(where)s: %(reason)s", where=where, reason=reason), "warning")
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
                           doc_data=document_payload(db.session, doc, current_user), can_annotate=True)
