"""Assigning documents (whole translation groups at once) to annotators, by hand or balanced by load."""

from collections import Counter

from sqlalchemy import delete, func, select

from ..errors import N_, Invalid
from ..models import Assignment, DocState, Document, DocumentProgress, Project, ProjectMember, ProjectRole, Role, User
from . import history


def _units(session, docs: list[Document]) -> list[list[Document]]:
    """Documents grouped into work units: all versions of an article go to the same people."""
    units, seen = [], set()
    for doc in docs:
        if doc.id in seen:
            continue
        members = sorted(doc.group.documents, key=lambda d: d.id) if doc.group else [doc]
        seen.update(d.id for d in members)
        units.append(members)
    return units


def assign(session, docs: list[Document], users: list[User], by: User | None = None) -> int:
    """Assign every version of each document to each user; returns how many assignments were new."""
    for user in users:
        if not user.active:
            raise Invalid(N_("{user} is deactivated"), field="users", params={"user": user.username})
    existing = set(session.execute(select(Assignment.document_id, Assignment.user_id).where(
        Assignment.user_id.in_([u.id for u in users]))).all())
    added = 0
    for unit in _units(session, docs):
        for doc in unit:
            for user in users:
                if (doc.id, user.id) not in existing:
                    session.add(Assignment(document_id=doc.id, user_id=user.id, assigned_by_id=by.id if by else None))
                    existing.add((doc.id, user.id))
                    added += 1
    session.flush()
    if docs and added:
        history.record(session, docs[0].project_id, by, "assignment", None, "create", None,
                       {"documents": sorted({d.id for u in _units(session, docs) for d in u}),
                        "users": [u.username for u in users]})
    return added


def assign_by_name(session, project: Project, doc_ids: list[int], usernames: list[str], by: User | None) -> int:
    """assign() for document ids of this project and user names; unknown ones are refused by name."""
    docs = list(session.scalars(select(Document).where(Document.id.in_(doc_ids), Document.project_id == project.id)))
    if len(docs) != len(set(doc_ids)):
        raise Invalid(N_("every document must belong to this project"), field="documents")
    users = {u.username: u for u in session.scalars(select(User).where(User.username.in_(usernames)))}
    missing = [n for n in usernames if n not in users]
    if missing:
        raise Invalid(N_("no user named '{name}'"), field="users", params={"name": missing[0]})
    members = set(session.scalars(select(ProjectMember.user_id).where(ProjectMember.project_id == project.id)))
    outside = [n for n in usernames if users[n].id not in members and users[n].role != Role.ADMIN]
    if outside:
        raise Invalid(N_("'{name}' is not a member of this project"), field="users", params={"name": outside[0]})
    return assign(session, docs, [users[n] for n in usernames], by)


def unassign(session, doc: Document, user: User) -> None:
    ids = [d.id for d in (doc.group.documents if doc.group else [doc])]
    session.execute(delete(Assignment).where(Assignment.document_id.in_(ids), Assignment.user_id == user.id))


def annotators(session, project: Project) -> list[User]:
    """The project's active members who annotate in it."""
    return list(session.scalars(select(User).join(ProjectMember, ProjectMember.user_id == User.id)
                                .where(ProjectMember.project_id == project.id,
                                       ProjectMember.role == ProjectRole.ANNOTATOR, User.active.is_(True))
                                .order_by(User.username)))


def auto_assign(session, project: Project, k: int, docs: list[Document] | None = None,
                by: User | None = None) -> int:
    """Give each document k annotators, choosing those with the fewest assignments in the project."""
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise Invalid(N_("k must be a whole number of annotators, 1 or more"), field="k")
    pool = annotators(session, project)
    if len(pool) < k:
        raise Invalid(N_("the project has {count} active annotator(s); cannot give each document {k}"), field="k",
                      params={"count": len(pool), "k": k})
    if docs is None:
        docs = list(session.scalars(select(Document).where(Document.project_id == project.id).order_by(Document.id)))
    load = Counter(dict(session.execute(
        select(Assignment.user_id, func.count()).join(Document, Document.id == Assignment.document_id)
        .where(Document.project_id == project.id).group_by(Assignment.user_id)).all()))
    have: dict[int, set[int]] = {}
    for doc_id, user_id in session.execute(select(Assignment.document_id, Assignment.user_id)
                                           .where(Assignment.document_id.in_([d.id for d in docs]))):
        have.setdefault(doc_id, set()).add(user_id)
    added = 0
    for unit in _units(session, docs):
        current = set().union(*(have.get(d.id, set()) for d in unit))
        wanted = k - len(current)
        if wanted <= 0:
            continue
        chosen = sorted((u for u in pool if u.id not in current), key=lambda u: (load[u.id], u.username))[:wanted]
        added += assign(session, unit, chosen, by)
        for user in chosen:
            load[user.id] += len(unit)
    return added


def queue(session, project: Project, user: User) -> list[tuple[Document, str]]:
    """The user's assigned documents in this project with their state (assigned, in_progress, done)."""
    rows = session.execute(
        select(Document, DocumentProgress.state).join(Assignment, Assignment.document_id == Document.id)
        .outerjoin(DocumentProgress, (DocumentProgress.document_id == Document.id)
                   & (DocumentProgress.user_id == user.id))
        .where(Assignment.user_id == user.id, Document.project_id == project.id).order_by(Document.id)).all()
    return [(doc, "assigned" if state in (None, DocState.NEW) else str(state)) for doc, state in rows]


def assigned_ids(session, project_id: int, user: User) -> list[int]:
    return list(session.scalars(select(Assignment.document_id).join(Document, Document.id == Assignment.document_id)
                                .where(Assignment.user_id == user.id, Document.project_id == project_id)
                                .order_by(Assignment.document_id)))
