"""Relations: typed, directed links between two spans of one document, checked against the schema."""

from sqlalchemy import select

from ..errors import N_, Conflict, Forbidden, Invalid, NotFound
from ..models import Document, Project, Relation, Role, Span, User, utcnow
from . import history, review, versions
from .spans import sees_all_layers


def allowed_types(project: Project, head_label: str, tail_label: str) -> list[str]:
    return [r["name"] for r in project.label_schema.get("relations", [])
            if head_label in r.get("from", []) and tail_label in r.get("to", [])]


def visible_relations(session, doc: Document, user: User, project: Project) -> list[Relation]:
    query = select(Relation).where(Relation.document_id == doc.id, Relation.deleted_at.is_(None))
    if not sees_all_layers(user, project):
        query = query.where(Relation.annotator_id == user.id)
    return list(session.scalars(query.order_by(Relation.id)))


def _end(session, doc, user, project, value, name) -> Span:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(N_("'{name}' must be a span id"), field=name, params={"name": name})
    span = session.get(Span, value)
    if span is None or span.deleted_at is not None:
        raise Invalid(N_("'{name}': no span {id}"), field=name, params={"name": name, "id": value})
    if span.document_id != doc.id:
        raise Invalid(N_("'{name}': span {id} belongs to another document"), field=name,
                      params={"name": name, "id": value})
    if span.annotator_id != user.id and not sees_all_layers(user, project):
        raise Invalid(N_("'{name}': no span {id}"), field=name, params={"name": name, "id": value})
    return span


def create_relation(session, doc: Document, project: Project, user: User, head, tail, type_) -> Relation:
    head_span = _end(session, doc, user, project, head, "head")
    tail_span = _end(session, doc, user, project, tail, "tail")
    if head_span.id == tail_span.id:
        raise Invalid(N_("a relation links two different spans"), field="tail")
    allowed = allowed_types(project, head_span.label, tail_span.label)
    if type_ not in allowed:
        names = {r["name"] for r in project.label_schema.get("relations", [])}
        params = {"type": type_, "head": head_span.label, "tail": tail_span.label, "allowed": ", ".join(allowed)}
        if type_ not in names:
            message = N_("unknown relation type '{type}'; allowed here: {allowed}") if allowed else \
                N_("unknown relation type '{type}'")
        else:
            message = N_("{type} cannot link {head} -> {tail}; allowed here: {allowed}") if allowed else \
                N_("{type} cannot link {head} -> {tail}")
        raise Invalid(message, field="type", params=params)
    duplicate = session.scalar(select(Relation.id).where(
        Relation.head_id == head_span.id, Relation.tail_id == tail_span.id, Relation.type == type_,
        Relation.annotator_id == user.id, Relation.deleted_at.is_(None)))
    if duplicate is not None:
        raise Conflict(N_("this relation exists already"), field="type", existing=duplicate)
    rel = Relation(document_id=doc.id, annotator_id=user.id, head_id=head_span.id, tail_id=tail_span.id,
                   type=type_)
    session.add(rel)
    session.flush()
    history.record(session, project.id, user, "relation", rel.id, "create", None,
                   history.relation_snapshot(rel), doc.id)
    return rel


def get_relation(session, rel_id: int, user: User) -> Relation:
    rel = session.get(Relation, rel_id)
    if rel is None or (rel.annotator_id != user.id and not sees_all_layers(user, rel.document.project)):
        raise NotFound(N_("no relation {id}"), field="relation", params={"id": rel_id})
    return rel


def _check_can_edit(rel: Relation, user: User) -> None:
    if rel.annotator_id != user.id and not user.has_role(Role.REVIEWER):
        raise Forbidden(N_("only the relation's annotator or a reviewer may change it"), field="relation")
    review.check_may_change(rel, user, "relation")


def delete_relation(session, rel: Relation, project: Project, user: User) -> None:
    _check_can_edit(rel, user)
    if rel.deleted_at is None:
        before = history.relation_snapshot(rel)
        rel.deleted_at = utcnow()
        versions.flush(session, "relation")
        history.record(session, project.id, user, "relation", rel.id, "delete", before, None, rel.document_id)


def restore_relation(session, rel: Relation, project: Project, user: User) -> Relation:
    _check_can_edit(rel, user)
    for span_id in (rel.head_id, rel.tail_id):
        span = session.get(Span, span_id)
        if span.deleted_at is not None:
            raise Conflict(N_("span {id} of this relation is deleted; restore it first"), field="relation",
                           params={"id": span_id})
    rel.deleted_at = None
    versions.flush(session, "relation")
    history.record(session, project.id, user, "relation", rel.id, "restore", None, history.relation_snapshot(rel),
                   rel.document_id)
    return rel
