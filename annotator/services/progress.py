"""Per-annotator document states and the queue that "Done & next" follows."""

from sqlalchemy import func, insert, select, update

from ..errors import N_, Conflict, Invalid
from ..models import Assignment, DocState, Document, DocumentProgress, Project, Span, User, utcnow
from . import doclabels
from .schema import missing_required
from .spans import sees_all_layers


def state_of(session, doc: Document, user: User) -> DocState:
    row = session.get(DocumentProgress, (doc.id, user.id))
    return row.state if row else DocState.NEW


class MissingAttributes(Conflict):
    code = "required_attributes"


def set_state(session, doc: Document, user: User, state) -> DocState:
    """The user's state on the document; "done" is refused while one of their spans lacks a required
    attribute (409 naming the spans) or a required document field is unset (409 naming the fields)."""
    try:
        state = DocState(state)
    except ValueError:
        raise Invalid(N_("state must be one of {choices}"), field="state",
                      params={"choices": ", ".join(s.value for s in DocState)}) from None
    if state == DocState.DONE:
        missing = incomplete_spans(session, doc, user)
        own = doclabels.own(session, doc, user)
        fields = doclabels.missing(doc.project, own.values if own else {})
        if fields:
            raise MissingAttributes(N_("the document needs its required document field(s) {fields}"),
                                    params={"fields": ", ".join(fields)}, field="doc_labels", doc_labels=fields,
                                    spans=[m["id"] for m in missing], details=missing)
        if missing:
            first = missing[0]
            raise MissingAttributes(
                f"{len(missing)} span(s) lack a required attribute, e.g. {first['label']} “{first['text']}” needs "
                f"{', '.join(first['missing'])}", field="attrs", spans=[m["id"] for m in missing], details=missing)
    row = session.get(DocumentProgress, (doc.id, user.id))
    if row is None:
        row = DocumentProgress(document_id=doc.id, user_id=user.id, state=state)
        session.add(row)
    else:
        row.state = state
        row.updated_at = utcnow()
    session.flush()
    return state


def incomplete_spans(session, doc: Document, user: User) -> list[dict]:
    """The user's live spans in the document that lack a required attribute, in reading order."""
    project = doc.project
    rows = session.scalars(select(Span).where(Span.document_id == doc.id, Span.annotator_id == user.id,
                                              Span.deleted_at.is_(None)).order_by(Span.start, Span.end, Span.id))
    out = []
    for span in rows:
        names = missing_required(project, span.label, span.attrs)
        if names:
            out.append({"id": span.id, "label": span.label, "text": doc.text[span.start:span.end], "missing": names})
    return out


def touch(session, doc: Document, user: User) -> None:
    """The first annotation moves a new document to in progress."""
    touch_many(session, [doc.id], user)


def touch_many(session, doc_ids: list[int], user: User) -> None:
    """touch() for many documents, in a few statements."""
    if not doc_ids:
        return
    known = dict(session.execute(select(DocumentProgress.document_id, DocumentProgress.state).where(
        DocumentProgress.user_id == user.id, DocumentProgress.document_id.in_(doc_ids))).all())
    new = [i for i in doc_ids if i not in known]
    if new:
        session.execute(insert(DocumentProgress), [
            {"document_id": i, "user_id": user.id, "state": DocState.IN_PROGRESS} for i in new])
    started = [i for i, state in known.items() if state == DocState.NEW]
    if started:
        session.execute(update(DocumentProgress).where(
            DocumentProgress.user_id == user.id, DocumentProgress.document_id.in_(started))
            .values(state=DocState.IN_PROGRESS, updated_at=utcnow()).execution_options(synchronize_session="fetch"))


def next_document(session, doc: Document, user: User) -> int | None:
    """The next document (by id, wrapping round) that the user has not finished: in their queue when they
    have assignments in the project, else in the whole project."""
    done = select(DocumentProgress.document_id).where(DocumentProgress.user_id == user.id,
                                                      DocumentProgress.state == DocState.DONE)
    base = select(Document.id).where(Document.project_id == doc.project_id, Document.id != doc.id,
                                     Document.id.not_in(done))
    queued = select(Assignment.document_id).where(Assignment.user_id == user.id)
    if session.scalar(select(Assignment.document_id).join(Document, Document.id == Assignment.document_id)
                      .where(Assignment.user_id == user.id, Document.project_id == doc.project_id).limit(1)):
        base = base.where(Document.id.in_(queued))
    after = session.scalar(base.where(Document.id > doc.id).order_by(Document.id).limit(1))
    return after if after is not None else session.scalar(base.order_by(Document.id).limit(1))


def annotator_counts(session, project: Project, viewer: User) -> list[dict]:
    """Per annotator: live spans, documents in progress and done. An annotator working blind sees only their
    own row."""
    own = [] if sees_all_layers(viewer, project) else [Span.annotator_id == viewer.id]
    spans = dict(session.execute(
        select(Span.annotator_id, func.count()).join(Document, Document.id == Span.document_id)
        .where(Document.project_id == project.id, Span.deleted_at.is_(None), *own).group_by(Span.annotator_id)).all())
    own = [DocumentProgress.user_id == viewer.id] if own else []
    states = session.execute(
        select(DocumentProgress.user_id, DocumentProgress.state, func.count())
        .join(Document, Document.id == DocumentProgress.document_id)
        .where(Document.project_id == project.id, *own)
        .group_by(DocumentProgress.user_id, DocumentProgress.state)).all()
    per_user: dict[int, dict] = {}
    for uid, state, n in states:
        per_user.setdefault(uid, {})[DocState(state).value] = n
    ids = set(spans) | set(per_user)
    users = {u.id: u.username for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    return sorted(({"user": users.get(uid, "?"), "spans": spans.get(uid, 0),
                    "in_progress": per_user.get(uid, {}).get("in_progress", 0),
                    "done": per_user.get(uid, {}).get("done", 0)} for uid in ids), key=lambda r: r["user"])
