"""Per-annotator document states and the queue that "Done & next" follows."""

from sqlalchemy import func, select

from ..errors import Invalid
from ..models import Assignment, DocState, Document, DocumentProgress, Project, Span, User, utcnow


def state_of(session, doc: Document, user: User) -> DocState:
    row = session.get(DocumentProgress, (doc.id, user.id))
    return row.state if row else DocState.NEW


def set_state(session, doc: Document, user: User, state) -> DocState:
    try:
        state = DocState(state)
    except ValueError:
        raise Invalid(f"state must be one of {', '.join(s.value for s in DocState)}", field="state") from None
    row = session.get(DocumentProgress, (doc.id, user.id))
    if row is None:
        row = DocumentProgress(document_id=doc.id, user_id=user.id, state=state)
        session.add(row)
    else:
        row.state = state
        row.updated_at = utcnow()
    session.flush()
    return state


def touch(session, doc: Document, user: User) -> None:
    """The first annotation moves a new document to in progress."""
    row = session.get(DocumentProgress, (doc.id, user.id))
    if row is None:
        session.add(DocumentProgress(document_id=doc.id, user_id=user.id, state=DocState.IN_PROGRESS))
    elif row.state == DocState.NEW:
        row.state = DocState.IN_PROGRESS
        row.updated_at = utcnow()


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


def annotator_counts(session, project: Project) -> list[dict]:
    """Per annotator: live spans, documents in progress and done."""
    spans = dict(session.execute(
        select(Span.annotator_id, func.count()).join(Document, Document.id == Span.document_id)
        .where(Document.project_id == project.id, Span.deleted_at.is_(None)).group_by(Span.annotator_id)).all())
    states = session.execute(
        select(DocumentProgress.user_id, DocumentProgress.state, func.count())
        .join(Document, Document.id == DocumentProgress.document_id)
        .where(Document.project_id == project.id).group_by(DocumentProgress.user_id, DocumentProgress.state)).all()
    per_user: dict[int, dict] = {}
    for uid, state, n in states:
        per_user.setdefault(uid, {})[DocState(state).value] = n
    ids = set(spans) | set(per_user)
    users = {u.id: u.username for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    return sorted(({"user": users.get(uid, "?"), "spans": spans.get(uid, 0),
                    "in_progress": per_user.get(uid, {}).get("in_progress", 0),
                    "done": per_user.get(uid, {}).get("done", 0)} for uid in ids), key=lambda r: r["user"])
