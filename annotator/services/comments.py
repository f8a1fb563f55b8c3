"""Threaded comments on documents, spans and relations, seen by reviewers and the annotators concerned."""

from sqlalchemy import select

from ..errors import N_, Invalid, NotFound
from ..models import Assignment, Comment, Document, Relation, Span, User
from . import history
from .members import reviewer_ids
from .spans import sees_all_layers

NO_SUCH = {"span": N_("no span {id}"), "relation": N_("no relation {id}")}
MAX_BODY = 5000


def _concerned_ids(session, doc: Document) -> set[int]:
    """Annotators of the document: assigned to it or with spans in it."""
    assigned = set(session.scalars(select(Assignment.user_id).where(Assignment.document_id == doc.id)))
    return assigned | set(session.scalars(select(Span.annotator_id).where(Span.document_id == doc.id)))


def visible(session, doc: Document, user: User) -> list[Comment]:
    """Reviewers see every comment. Blind annotators see only their own work: comments on their own spans and
    relations, the ones they wrote, and reviewers' comments on the document itself (if they work on it) with
    the replies in those threads that they or reviewers wrote."""
    rows = session.scalars(select(Comment).where(Comment.document_id == doc.id, Comment.deleted_at.is_(None))
                           .order_by(Comment.id)).all()
    if sees_all_layers(user, doc.project):
        return list(rows)
    own_spans = set(session.scalars(select(Span.id).where(Span.document_id == doc.id, Span.annotator_id == user.id)))
    own_rels = set(session.scalars(select(Relation.id).where(Relation.document_id == doc.id,
                                                             Relation.annotator_id == user.id)))
    works_on = user.id in _concerned_ids(session, doc)
    reviewers = reviewer_ids(session, doc.project_id, {c.author_id for c in rows})
    shown: set[int] = set()
    for c in rows:  # in id order: a reply comes after its parent
        if c.span_id is not None or c.relation_id is not None:
            ok = c.span_id in own_spans or c.relation_id in own_rels
        else:
            ok = works_on and (c.author_id == user.id or c.author_id in reviewers) \
                and (c.parent_id is None or c.parent_id in shown)
        if ok or c.author_id == user.id:
            shown.add(c.id)
    return [c for c in rows if c.id in shown]


def add(session, doc: Document, user: User, body, span_id=None, relation_id=None, parent_id=None) -> Comment:
    """A comment on the document, a span or a relation, or a reply (on its parent's target). An annotator
    working blind comments on and replies to only what they may see: others' spans, relations and threads
    are not found."""
    if not isinstance(body, str) or not body.strip():
        raise Invalid(N_("a comment needs some text"), field="body")
    if len(body) > MAX_BODY:
        raise Invalid(N_("a comment has at most {max} characters"), field="body", params={"max": MAX_BODY})
    span = _target(session, Span, span_id, doc, "span")
    rel = _target(session, Relation, relation_id, doc, "relation")
    parent = _target(session, Comment, parent_id, doc, "parent")
    if parent is not None:
        if parent not in visible(session, doc, user):
            raise NotFound(N_("no comment {id} in this document"), field="parent", params={"id": parent_id})
        span = session.get(Span, parent.span_id) if parent.span_id is not None else None
        rel = session.get(Relation, parent.relation_id) if parent.relation_id is not None else None
    if not sees_all_layers(user, doc.project):
        for item, field in ((span, "span"), (rel, "relation")):
            if item is not None and item.annotator_id != user.id:
                raise NotFound(NO_SUCH[field], field=field, params={"id": item.id})
    comment = Comment(document_id=doc.id, author_id=user.id, body=body.strip(), span_id=span.id if span else None,
                      relation_id=rel.id if rel else None, parent_id=parent.id if parent else None)
    session.add(comment)
    session.flush()
    history.record(session, doc.project_id, user, "comment", comment.id, "create", None,
                   {"body": comment.body, "span": comment.span_id, "relation": comment.relation_id}, doc.id)
    return comment


def _target(session, model, ident, doc: Document, field: str):
    if ident is None:
        return None
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise Invalid(N_("'{name}' must be an id"), field=field, params={"name": field})
    row = session.get(model, ident)
    if row is None or row.document_id != doc.id:
        raise Invalid(N_("no {name} {id} in this document"), field=field, params={"name": field, "id": ident})
    return row


def counts_by_document(session, doc_ids: list[int]) -> dict[int, int]:
    from sqlalchemy import func

    if not doc_ids:
        return {}
    return dict(session.execute(select(Comment.document_id, func.count()).where(
        Comment.document_id.in_(doc_ids), Comment.deleted_at.is_(None)).group_by(Comment.document_id)).all())
