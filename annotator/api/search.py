"""Search a project for a word or phrase (inflected forms included) and mark chosen occurrences at once."""

from typing import Annotated

from flask_login import current_user
from pydantic import Field, StringConstraints

from ..extensions import db
from ..ids import MAX_ID
from ..services import projects as project_service
from ..services import search as search_service
from . import bp
from .inputs import Attrs, Body, Count, Id, Lang, Name, Query, body, query


class SearchQuery(Query):
    q: Annotated[str, StringConstraints(max_length=search_service.MAX_QUERY)]
    lang: Lang | None = None
    forms: bool = True
    page: Annotated[int, Field(ge=1, le=MAX_ID)] = 1
    per_page: Annotated[int, Field(ge=1, le=500)] = 200


class Occurrence(Body):
    document: Id
    start: Count
    end: Count


class Marking(Body):
    label: Name
    actor: Id | None = None
    attrs: Attrs | None = None
    occurrences: list[Occurrence] = Field(min_length=1, max_length=search_service.MAX_MARK)


@bp.get("/projects/<int:pid>/search")
@query(SearchQuery)
def search(pid, args: SearchQuery):
    project = project_service.get_project(db.session, pid)
    found = search_service.search(db.session, project, current_user, args.q, args.lang, args.forms, args.page,
                                  args.per_page)
    return found.to_dict()


@bp.post("/projects/<int:pid>/search/mark")
@body(Marking)
def mark(pid, data: Marking):
    project = project_service.get_project(db.session, pid)
    places = [search_service.Occurrence(o.document, o.start, o.end) for o in data.occurrences]
    done = search_service.mark(db.session, project, current_user, places, data.label, data.actor, data.attrs)
    answer = {"created": len(done["created"]), "skipped": done["skipped"],
              "spans": [{"id": s.id, "document": s.document_id, "start": s.start, "end": s.end,
                         "actor": s.actor_id} for s in done["created"]]}
    db.session.commit()
    return answer, 201 if answer["created"] else 200
