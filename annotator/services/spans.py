"""Spans: create, edit, delete (softly) and restore, with validation against the project's schema.

Offsets are code points of the stored text. Annotators see and change only their own spans unless the
project opens annotations up; reviewers and admins see every layer.
"""

from sqlalchemy import insert, select

from ..errors import N_, Forbidden, Invalid, NotFound
from ..models import Actor, Document, Project, Relation, ReviewStatus, Role, Span, User, utcnow
from . import history, review, versions
from .actors import add_name, by_exact_name

MAX_TEXT_ATTR = 2000


def sees_all_layers(user: User, project: Project) -> bool:
    return user.has_role(Role.REVIEWER) or bool((project.settings or {}).get("open_annotations"))


def visible_spans(session, doc: Document, user: User, project: Project) -> list[Span]:
    """The live spans of `doc` that `user` may see, in reading order, in one query."""
    query = select(Span).where(Span.document_id == doc.id, Span.deleted_at.is_(None))
    if not sees_all_layers(user, project):
        query = query.where(Span.annotator_id == user.id)
    return list(session.scalars(query.order_by(Span.start, Span.end, Span.label, Span.id)))


def get_span(session, span_id: int, user: User, include_deleted=False) -> Span:
    """A span the user may see; 404 otherwise (blind annotation hides others' spans entirely)."""
    span = session.get(Span, span_id)
    if span is None or (span.deleted_at is not None and not include_deleted):
        raise NotFound(N_("no span {id}"), field="span", params={"id": span_id})
    if span.annotator_id != user.id and not sees_all_layers(user, span.document.project):
        raise NotFound(N_("no span {id}"), field="span", params={"id": span_id})
    return span


def _check_can_edit(span: Span, user: User) -> None:
    if span.annotator_id != user.id and not user.has_role(Role.REVIEWER):
        raise Forbidden(N_("only the span's annotator or a reviewer may change it"), field="span")
    review.check_may_change(span, user, "span")


def _int(value, name) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(N_("'{name}' must be an integer (a code point offset)"), field=name, params={"name": name})
    return value


def check_offsets(doc: Document, start, end) -> tuple[int, int]:
    start, end = _int(start, "start"), _int(end, "end")
    if start < 0:
        raise Invalid(N_("'start' must be 0 or more"), field="start")
    if end <= start:
        raise Invalid(N_("'end' must be greater than 'start'"), field="end")
    if end > len(doc.text):
        raise Invalid(N_("'end' is beyond the text ({length} code points)"), field="end",
                      params={"length": len(doc.text)})
    return start, end


def label_def(project: Project, label) -> dict:
    for item in project.label_schema.get("labels", []):
        if item["name"] == label:
            return item
    known = ", ".join(project.label_names())
    raise Invalid(N_("unknown label '{label}' (this project has {known})"), field="label",
                  params={"label": label, "known": known})


def names_actors(project: Project, label: str) -> bool:
    """Whether spans of the label name actors (its "actor" setting; by default only ACTOR does)."""
    return _setting(project, label, "actor", label == "ACTOR")


def states_claims(project: Project, label: str) -> bool:
    """Whether spans of the label are statements, carried to a translation as a whole clause (its "clause"
    setting; by default CLAIM and POSITION are)."""
    return _setting(project, label, "clause", label in ("CLAIM", "POSITION"))


def _setting(project: Project, label: str, key: str, default: bool) -> bool:
    item = next((x for x in project.label_schema.get("labels", []) if x["name"] == label), {})
    return item.get(key, default)


def check_attrs(project: Project, label: str, attrs) -> dict:
    """Attributes typed per the label's schema: choice (one of its options), bool, or text."""
    if attrs is None:
        return {}
    if not isinstance(attrs, dict):
        raise Invalid(N_("'attrs' must be an object"), field="attrs")
    defs = {a["name"]: a for a in label_def(project, label).get("attributes", [])}
    clean = {}
    for name, value in attrs.items():
        spec = defs.get(name)
        if spec is None:
            raise Invalid(N_("label {label} has no attribute '{name}'"), field=f"attrs.{name}",
                          params={"label": label, "name": name})
        if value is None:
            continue
        kind = spec.get("type", "text")
        if kind == "choice" and value not in spec.get("options", []):
            raise Invalid(N_("'{name}' must be one of {options}"), field=f"attrs.{name}",
                          params={"name": name, "options": ", ".join(spec.get("options", []))})
        if kind == "bool" and not isinstance(value, bool):
            raise Invalid(N_("'{name}' must be true or false"), field=f"attrs.{name}", params={"name": name})
        if kind == "text" and (not isinstance(value, str) or len(value) > MAX_TEXT_ATTR):
            raise Invalid(N_("'{name}' must be text of at most {n} characters"), field=f"attrs.{name}",
                          params={"name": name, "n": MAX_TEXT_ATTR})
        clean[name] = value
    return clean


def _actor(session, project: Project, actor_id) -> Actor | None:
    if actor_id is None:
        return None
    actor = session.get(Actor, _int(actor_id, "actor"))
    if actor is None or actor.project_id != project.id:
        raise Invalid(N_("no actor {id} in this project"), field="actor", params={"id": actor_id})
    return actor


def create_span(session, doc: Document, project: Project, user: User, start, end, label, attrs=None,
                actor=None) -> Span:
    start, end = check_offsets(doc, start, end)
    return create_spans(session, project, user, [(doc, start, end)], label, attrs, actor)[0]


def create_spans(session, project: Project, user: User, places: list[tuple[Document, int, int]], label, attrs=None,
                 actor=None) -> list[Span]:
    """The user's new spans with one label, attributes and actor at (document, start, end) places whose offsets
    were checked: one INSERT, each with its history entry. An ACTOR span given no actor is linked to the registry
    actor its text names, if exactly one does."""
    label_def(project, label)
    attrs = check_attrs(project, label, attrs)
    actor = _actor(session, project, actor)
    by_name = actor is None and names_actors(project, label)
    named = {}
    rows = []
    for doc, start, end in places:
        linked = actor
        if by_name:
            text = doc.text[start:end]
            if text not in named:
                named[text] = by_exact_name(session, project, text)  # a registry name is linked at once
            linked = named[text]
        rows.append({"document_id": doc.id, "annotator_id": user.id, "start": start, "end": end, "label": label,
                     "attrs": dict(attrs), "actor_id": linked.id if linked else None})
    if not rows:
        return []
    # one multi-row INSERT ... RETURNING: the unit of work (and a RETURNING in the rows' order) would send one
    # INSERT per span on SQLite. Each span carries its own place, so the order they come back in does not matter.
    spans = sorted(session.scalars(insert(Span).returning(Span), rows), key=lambda span: span.id)
    history.record_many(session, project.id, user, "span", "create",
                        [(span.id, span.document_id, history.span_snapshot(span)) for span in spans])
    return spans


def update_span(session, span: Span, project: Project, user: User, version, changes: dict) -> Span:
    """Change label, attributes or actor. The version is checked by the database even when nothing changes:
    a stale `version` raises Conflict (the caller answers with the current span) and records nothing."""
    _check_can_edit(span, user)
    versions.expect(span, version, "span")
    before = history.span_snapshot(span)
    label = changes.get("label", span.label)
    label_def(project, label)
    if "attrs" in changes or label != span.label:
        attrs = changes.get("attrs", span.attrs)
        span.attrs = check_attrs(project, label, _keep_known(project, label, attrs))
    old_label, span.label = span.label, label
    if "actor" in changes:
        span.actor = _actor(session, project, changes["actor"])
        if span.actor is not None:
            add_name(session, span.actor, span.document.lang, span.document.text[span.start:span.end])
    span.updated_at = utcnow()
    versions.write(session, span, "span", "updated_at")
    if span.status == ReviewStatus.ACCEPTED and old_label != label:
        review.release_twins(session, span, user, label=old_label)
    history.record(session, project.id, user, "span", span.id, "update", before, history.span_snapshot(span),
                   span.document_id)
    return span


def _keep_known(project, label, attrs):
    """When the label changes, attributes the new label does not have are dropped, not refused."""
    names = {a["name"] for a in label_def(project, label).get("attributes", [])}
    return {k: v for k, v in (attrs or {}).items() if k in names}


def delete_span(session, span: Span, project: Project, user: User) -> list[int]:
    """Soft-delete the span and its live relations; returns the relation ids deleted with it."""
    _check_can_edit(span, user)
    before = history.span_snapshot(span)
    now = utcnow()
    rels = session.scalars(select(Relation).where(
        (Relation.head_id == span.id) | (Relation.tail_id == span.id), Relation.deleted_at.is_(None))).all()
    for rel in rels:
        rel.deleted_at = now
        history.record(session, project.id, user, "relation", rel.id, "delete", history.relation_snapshot(rel),
                       None, span.document_id)
    span.deleted_at = now
    versions.flush(session, "span")
    if span.status == ReviewStatus.ACCEPTED:
        review.release_twins(session, span, user)
    history.record(session, project.id, user, "span", span.id, "delete", before, None, span.document_id)
    return [r.id for r in rels]


def restore_span(session, span: Span, project: Project, user: User) -> tuple[Span, list[Relation]]:
    """Bring back a deleted span and the relations that were deleted together with it."""
    _check_can_edit(span, user)
    if span.deleted_at is None:
        return span, []
    deleted_at = span.deleted_at
    span.deleted_at = None
    rels = session.scalars(select(Relation).where(
        (Relation.head_id == span.id) | (Relation.tail_id == span.id), Relation.deleted_at == deleted_at)).all()
    for rel in rels:
        rel.deleted_at = None
    versions.flush(session, "span")
    history.record(session, project.id, user, "span", span.id, "restore", None, history.span_snapshot(span),
                   span.document_id)
    return span, list(rels)
