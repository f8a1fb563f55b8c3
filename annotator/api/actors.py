"""The project's actor registry."""

from flask import request
from flask_login import current_user

from ..extensions import db
from ..services import actors as actor_service
from ..services import documents as doc_service
from ..services import mentions
from ..services import projects as project_service
from . import bp, json_body
from .serialize import actor_json


@bp.get("/projects/<int:pid>/actors")
def list_actors(pid):
    project = project_service.get_project(db.session, pid)
    found = actor_service.search(db.session, project, request.args.get("q"),
                                 min(100, request.args.get("limit", 20, type=int)))
    return {"actors": [actor_json(a) for a in found]}


@bp.post("/projects/<int:pid>/actors")
def create_actor(pid):
    project = project_service.get_project(db.session, pid)
    data = json_body()
    actor = actor_service.create_actor(db.session, project, current_user, data.get("name"),
                                       data.get("kind", "person"), data.get("names"), data.get("lang"))
    db.session.commit()
    return actor_json(actor), 201


@bp.get("/actors/<int:aid>")
def get_actor(aid):
    return actor_json(actor_service.get_actor(db.session, aid))


@bp.get("/documents/<int:did>/actor-suggestions")
def actor_suggestions(did):
    """Mentions of the project's known actors that the caller has not marked yet."""
    doc = doc_service.get_document(db.session, did)
    return {"suggestions": mentions.suggest(db.session, doc, current_user)}
