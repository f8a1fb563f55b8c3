"""Threaded comments on documents, spans and relations, seen by reviewers and the annotators concerned."""

from sqlalchemy import select

from ..errors import Invalid, NotFound
from ..models import Assignment, Comment, Document, Relation, Role, Span, User
from . import history

MAX_BODY = 5000


def _concerned_ids(session, doc: Document) -> set[int]:
    """Annotators of the document: assigned to it or with spans in it."""
    assigned = set(session.scalars(select(Assignment.user_id).where(Assignment.document_id == doc.id)))
    return assigned | set(session.scalars(select(Span.annotator_id).where(Span.document_id == doc.id)))


def visible(session, doc: Document, user: User) -> list[Comment]:
    """Reviewers see every comment; an annotator sees those on the document itself (if they work on it),
    on their own spans and relations, and the ones they wrote."""
    rows = session.scalars(select(Comment).where(Comment.document_id == doc.id, Comment.deleted_at.is_(None))
                           .order_by(Comment.id)).all()
    if user.has_role(Role.REVIEWER):
        return list(rows)
    own_spans = set(session.scalars(select(Span.id).where(Span.document_id == doc.id, Span.annotator_id == user.id)))
    own_rels = set(session.scalars(select(Relation.id).where(Relation.document_id == doc.id,
                                                             Relation.annotator_id == user.id)))
    works_on = user.id in _concerned_ids(session, doc)
    return [c for c in rows if c.author_id == user.id or c.span_id in own_spans or c.relation_id in own_rels
            or (c.span_id is None and c.relation_id is None and works_on)]


def add(session, doc: Document, user: User, body, span_id=None, relation_id=None, parent_id=None) -> Comment:
    if not isinstance(body, str) or not body.strip():
        raise Invalid("a comment needs some text", field="body")
    if len(body) > MAX_BODY:
        raise Invalid(f"a comment has at most {MAX_BODY} characters", field="body")
    span = _target(session, Span, span_id, doc, "span")
    rel = _target(session, Relation, relation_id, doc, "relation")
    parent = _target(session, Comment, parent_id, doc, "parent")
    if parent is not None:
        span_id, relation_id = parent.span_id, parent.relation_id
    if span is not None and not user.has_role(Role.REVIEWER) and span.annotator_id != user.id:
        raise NotFound(f"no span {span_id}", field="span")
    comment = Comment(document_id=doc.id, author_id=user.id, body=body.strip(), span_id=span_id,
                      relation_id=relation_id if rel is not None or parent is not None else None, parent_id=parent_id)
    session.add(comment)
    session.flush()
    history.record(session, doc.project_id, user, "comment", comment.id, "create", None,
                   {"body": comment.body, "span": span_id, "relation": relation_id}, doc.id)
    return comment


def _target(session, model, ident, doc: Document, field: str):
    if ident is None:
        return None
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise Invalid(f"'{field}' must be an id", field=field)
    row = session.get(model, ident)
    if row is None or row.document_id != doc.id:
        raise Invalid(f"no {field} {ident} in this document", field=field)
    return row


def counts_by_document(session, doc_ids: list[int]) -> dict[int, int]:
    from sqlalchemy import func

    if not doc_ids:
        return {}
    return dict(session.execute(select(Comment.document_id, func.count()).where(
        Comment.document_id.in_(doc_ids), Comment.deleted_at.is_(None)).group_by(Comment.document_id)).all())
