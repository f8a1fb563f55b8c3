"""The export page: pick the options, then download a streamed file from the API."""

from flask import Blueprint, render_template
from sqlalchemy import select

from ..auth import role_required
from ..export import WRITERS, ExportRequest, left_out
from ..extensions import db
from ..models import Role, User
from ..services import projects as project_service
from .projects import load_project

bp = Blueprint("export", __name__)


@bp.get("/projects/<int:pid>/export")
@role_required(Role.REVIEWER)
def page(pid):
    project = load_project(pid)
    users = db.session.scalars(select(User.username).order_by(User.username)).all()
    return render_template("export/page.html", project=project, formats=list(WRITERS), users=users,
                           langs=project_service.language_counts(db.session, project),
                           unreviewed=left_out(db.session, project, ExportRequest()))
