"""Project members: who may reach a project and with which role in it.

How roles combine: an admin (global role) may do everything in every project and needs no membership. Anyone
else reaches only the projects they are a member of, and there their project role decides: annotator, reviewer,
or manager (the project's own admin: members, settings, label schema). The global reviewer/annotator role is
only the default project role when a user is added without one.
"""

from sqlalchemy import delete, func, select

from ..errors import N_, Invalid, NotFound
from ..models import Project, ProjectMember, ProjectRole, Role, User, utcnow
from . import history
from .users import get_user


def role_in(session, user: User, project_id: int) -> ProjectRole | None:
    return session.scalar(select(ProjectMember.role).where(ProjectMember.project_id == project_id,
                                                           ProjectMember.user_id == user.id))


def annotates(project_id):
    """A condition on User: their spans in the project form an annotator's layer, i.e. their role there is
    annotator (a former member's, their global role). Reviewers', managers' and admins' own spans are gold added
    directly, whatever their global role."""
    there = select(ProjectMember.role).where(ProjectMember.project_id == project_id,
                                             ProjectMember.user_id == User.id).scalar_subquery()
    return func.coalesce(there, User.role) == ProjectRole.ANNOTATOR.value


def reviewer_ids(session, project_id: int, user_ids) -> set[int]:
    """Those of `user_ids` who review in the project: its reviewers and managers, and admins."""
    there = select(ProjectMember.user_id).where(ProjectMember.project_id == project_id,
                                                ProjectMember.role != ProjectRole.ANNOTATOR)
    return set(session.scalars(select(User.id).where(User.id.in_(list(user_ids)),
                                                     User.id.in_(there) | (User.role == Role.ADMIN))))


def visible_project_ids(user: User):
    """A subquery of the ids of the projects `user` may see, or None for every project (admins)."""
    if user.role == Role.ADMIN:
        return None
    return select(ProjectMember.project_id).where(ProjectMember.user_id == user.id)


def list_members(session, project: Project) -> list[ProjectMember]:
    return list(session.scalars(select(ProjectMember).join(User, User.id == ProjectMember.user_id)
                                .where(ProjectMember.project_id == project.id).order_by(User.username)))


def _role(role, user: User) -> ProjectRole:
    if role is None or role == "":
        return ProjectRole.MANAGER if user.role == Role.ADMIN else ProjectRole(user.role.value)
    try:
        return ProjectRole(role)
    except ValueError:
        raise Invalid(N_("role must be one of {choices}"), field="role",
                      params={"choices": ", ".join(r.value for r in ProjectRole)}) from None


def add_member(session, project: Project, username, role=None, by: User | None = None) -> ProjectMember:
    """Make `username` a member with `role` (default: the project role named like their global role), or change
    the role of a member."""
    if not isinstance(username, str) or not username.strip():
        raise Invalid(N_("name the user to add"), field="user")
    user = get_user(session, username.strip())
    role = _role(role, user)
    member = session.get(ProjectMember, (project.id, user.id))
    if member is None:
        member = ProjectMember(project_id=project.id, user_id=user.id, role=role, added_at=utcnow())
        session.add(member)
    else:
        member.role = role
    member.user = user
    session.flush()
    history.record(session, project.id, by, "member", user.id, "update", None,
                   {"user": user.username, "role": role.value})
    return member


def remove_member(session, project: Project, username, by: User | None = None) -> None:
    user = get_user(session, username) if isinstance(username, str) else None
    if user is None or session.get(ProjectMember, (project.id, user.id)) is None:
        raise NotFound(N_("'{name}' is not a member of this project"), field="user", params={"name": username})
    session.execute(delete(ProjectMember).where(ProjectMember.project_id == project.id,
                                                ProjectMember.user_id == user.id))
    history.record(session, project.id, by, "member", user.id, "delete", {"user": user.username}, None)
