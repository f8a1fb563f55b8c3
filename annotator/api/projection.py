"""Span projection across versions and links between counterpart spans."""

from typing import Annotated

from flask_login import current_user
from pydantic import Field

from ..errors import N_, Invalid
from ..extensions import db
from ..services import documents as doc_service
from ..services import projection
from ..services import spans as span_service
from ..services.projection import MAX_ACCEPT
from . import bp
from .inputs import Body, Count, Id, Query, body, query
from .serialize import span_json


class Target(Query):
    to: Id


class Counterpart(Body):
    doc: Id
    start: Count
    end: Count


class Link(Body):
    target: Id


class Suggestion(Body):
    span: Id
    doc: Id
    start: Count
    end: Count


class Suggestions(Body):
    items: Annotated[list[Suggestion], Field(min_length=1, max_length=MAX_ACCEPT)]


def _actor_names(span, lang):
    return (span.actor.names or {}).get(lang, []) if span.actor else []


@bp.get("/spans/<int:sid>/projection")
def suggest_for_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    source = span.document
    out = [projection.Projector(db.session, source, target).suggest(span, _actor_names(span, target.lang)).as_dict()
           for target in projection.versions(source)]
    db.session.commit()  # sentences segmented on the way are kept
    return {"span": span_json(span, source.text), "suggestions": out}


@bp.get("/documents/<int:did>/projection")
@query(Target)
def suggest_for_document(did, args: Target):
    """Suggestions for every span of the caller's view of `did` not yet linked into the version `to`."""
    source = doc_service.get_document(db.session, did)
    target = doc_service.get_document(db.session, args.to)
    if target.group_id is None or target.group_id != source.group_id or target.id == source.id:
        raise Invalid(N_("'to' must be another version of the same article"), field="to")
    spans = span_service.visible_spans(db.session, source, current_user, source.project)
    linked = {s for s, t in projection.links_of(db.session, [s.id for s in spans])
              if t in _span_ids_of(target)}
    projector = projection.Projector(db.session, source, target)
    out = [{"span": span_json(span, source.text),
            "suggestion": projector.suggest(span, _actor_names(span, target.lang)).as_dict()}
           for span in spans if span.id not in linked]
    db.session.commit()
    return {"source": source.id, "target": target.id, "items": out}


def _span_ids_of(doc):
    from sqlalchemy import select

    from ..models import Span

    return set(db.session.scalars(select(Span.id).where(Span.document_id == doc.id, Span.deleted_at.is_(None))))


@bp.post("/spans/<int:sid>/project")
@body(Counterpart)
def accept_projection(sid, data: Counterpart):
    span = span_service.get_span(db.session, sid, current_user)
    target = doc_service.get_document(db.session, data.doc)
    created = projection.project_span(db.session, span, target, current_user, data.start, data.end)
    db.session.commit()
    return {"span": span_json(created, target.text), "source": span.id}, 201


@bp.post("/projection/accept")
@body(Suggestions)
def accept_many(data: Suggestions):
    """Accept several suggestions in one transaction ("Project all" → "Accept all")."""
    items = [item.model_dump() for item in data.items]
    made = projection.accept_many(db.session, current_user, items,
                                  lambda sid: span_service.get_span(db.session, sid, current_user),
                                  lambda did: doc_service.get_document(db.session, did))
    db.session.commit()
    return {"created": [{"source": source.id, "span": span_json(created, created.document.text)}
                        for source, created in made]}, 201


@bp.post("/spans/<int:sid>/links")
@body(Link)
def link(sid, data: Link):
    span = span_service.get_span(db.session, sid, current_user)
    target = span_service.get_span(db.session, data.target, current_user)
    projection.link_spans(db.session, span, target, current_user)
    db.session.commit()
    return {"span": span.id, "target": target.id}, 201
