"""The project search page: find a word or phrase in every document and mark the chosen occurrences."""

from flask import Blueprint, render_template, request

from ..extensions import db
from ..services import projects as project_service
from .projects import load_project

bp = Blueprint("search", __name__)


@bp.get("/projects/<int:pid>/search")
def page(pid):
    """The form and an empty result list; static/js/search.js asks the API and marks through it."""
    project = load_project(pid)
    return render_template("search/page.html", project=project,
                           counts=project_service.language_counts(db.session, project),
                           q=(request.args.get("q") or "")[:200], lang=request.args.get("lang") or "",
                           forms=request.args.get("forms") != "0", labels=project.label_schema.get("labels", []))
