"""The actor registry: a project's actors and one actor's mentions, claims and positions."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from ..errors import NotFound
from ..extensions import db
from ..services import actors as actor_service
from ..services.spans import sees_all_layers
from .projects import load_project

bp = Blueprint("actors", __name__)


@bp.get("/projects/<int:pid>/actors")
def index(pid):
    project = load_project(pid)
    q = (request.args.get("q") or "").strip()
    return render_template("actors/index.html", project=project, q=q,
                           actors=actor_service.search(db.session, project, q, limit=500))


@bp.get("/actors/<int:aid>")
def show(aid):
    try:
        actor = actor_service.get_actor(db.session, aid)
    except NotFound:
        abort(404)
    project = load_project(actor.project_id)
    mentions, linked = actor_service.mentions(db.session, actor, current_user,
                                              sees_all_layers(current_user, project))
    return render_template("actors/show.html", project=project, actor=actor, mentions=mentions, linked=linked)
