"""Projects: list, create, edit, and a project's documents."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..auth import role_required
from ..errors import DomainError, Invalid, NotFound
from ..extensions import db
from ..ids import as_id
from ..models import Role
from ..services import assignments, progress
from ..services import documents as doc_service
from ..services import projects as project_service
from .forms import ProjectForm, UserActionForm

bp = Blueprint("projects", __name__)


def load_project(pid: int):
    try:
        return project_service.get_project(db.session, pid)
    except NotFound:
        abort(404)


@bp.get("/")
def home():
    return redirect(url_for("projects.index"))


@bp.get("/projects")
def index():
    return render_template("projects/index.html", rows=project_service.project_summaries(db.session, current_user))


@bp.route("/projects/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new():
    form = ProjectForm()
    if form.validate_on_submit():
        try:
            project = project_service.create_project(db.session, form.name.data, form.description.data or "",
                                                      form.guidelines.data or "", created_by=current_user)
        except DomainError as exc:
            form.name.errors.append(exc.message)
        else:
            db.session.commit()
            flash(_("Project “%(name)s” created.", name=project.name), "info")
            return redirect(url_for("projects.show", pid=project.id))
    return render_template("projects/form.html", form=form, project=None)


@bp.route("/projects/<int:pid>/edit", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit(pid):
    project = load_project(pid)
    settings = project.settings or {}
    form = ProjectForm(obj=project, open_annotations=settings.get("open_annotations", False),
                       auto_assign=settings.get("auto_assign", 0))
    if form.validate_on_submit():
        try:
            project_service.update_project(db.session, project, form.name.data, form.description.data or "",
                                           form.guidelines.data or "",
                                           {"open_annotations": bool(form.open_annotations.data),
                                            "auto_assign": form.auto_assign.data or 0})
        except DomainError as exc:
            form.name.errors.append(exc.message)
        else:
            db.session.commit()
            flash(_("Project saved."), "info")
            return redirect(url_for("projects.show", pid=project.id))
    return render_template("projects/form.html", form=form, project=project)


@bp.get("/projects/<int:pid>")
def show(pid):
    project = load_project(pid)
    lang = request.args.get("lang") or None
    q = (request.args.get("q") or "").strip() or None
    page = doc_service.list_documents(db.session, project, lang, q, request.args.get("page", 1, type=int),
                                      current_app.config["DOCUMENTS_PER_PAGE"])
    reviewer = current_user.has_role(Role.REVIEWER)
    return render_template("projects/show.html", project=project, page=page, lang=lang, q=q or "",
                           counts=project_service.language_counts(db.session, project),
                           annotators=progress.annotator_counts(db.session, project, current_user),
                           queue=assignments.queue(db.session, project, current_user),
                           pool=assignments.annotators(db.session, project) if reviewer else [],
                           action=UserActionForm())


@bp.post("/projects/<int:pid>/assign")
@role_required(Role.REVIEWER)
def assign(pid):
    """Assign the ticked documents to the chosen annotators, or give every document k annotators."""
    project = load_project(pid)
    if not UserActionForm().validate_on_submit():
        abort(400)
    try:
        if request.form.get("mode") == "auto":
            added = assignments.auto_assign(db.session, project, request.form.get("k", type=int),
                                            by=current_user)
        else:
            added = _assign_ticked(project)
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(ngettext("%(num)d assignment added.", "%(num)d assignments added.", added), "info")
    return redirect(url_for("projects.show", pid=pid))


def _assign_ticked(project) -> int:
    ids = [as_id(i) for i in request.form.getlist("doc") if as_id(i) is not None]
    names = request.form.getlist("user")
    if not ids or not names:
        raise Invalid(_("Tick at least one document and choose at least one annotator."))
    return assignments.assign_by_name(db.session, project, ids, names, current_user)
