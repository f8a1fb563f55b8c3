"""The project's actor registry."""

from typing import Annotated

from flask_login import current_user
from pydantic import Field, StringConstraints

from ..extensions import db
from ..services import actors as actor_service
from ..services import documents as doc_service
from ..services import mentions
from ..services import projects as project_service
from . import bp
from .inputs import Body, Lang, Query, body, query
from .serialize import actor_json

ActorName = Annotated[str, StringConstraints(max_length=300)]  # actors.name is String(300)


class ActorSearch(Query):
    q: Annotated[str, StringConstraints(max_length=300)] | None = None
    limit: Annotated[int, Field(ge=1, le=100)] = 20


class NewActor(Body):
    name: ActorName
    kind: Annotated[str, StringConstraints(max_length=20)] = "person"
    names: dict[Lang, list[ActorName]] | None = Field(None, max_length=50)
    lang: Lang | None = None


@bp.get("/projects/<int:pid>/actors")
@query(ActorSearch)
def list_actors(pid, args: ActorSearch):
    project = project_service.get_project(db.session, pid)
    found = actor_service.search(db.session, project, args.q, args.limit)
    return {"actors": [actor_json(a) for a in found]}


@bp.post("/projects/<int:pid>/actors")
@body(NewActor)
def create_actor(pid, data: NewActor):
    project = project_service.get_project(db.session, pid)
    actor = actor_service.create_actor(db.session, project, current_user, data.name, data.kind, data.names,
                                       data.lang)
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
