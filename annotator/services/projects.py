"""Projects: create, edit, find by name or id, document counts."""

from sqlalchemy import func, select

from ..errors import N_, Conflict, Invalid, NotFound
from ..ids import as_id
from ..models import Document, Project, ProjectMember, ProjectRole, User, default_schema
from . import members
from .schema import validate_schema


def get_project(session, ref) -> Project:
    """A project by numeric id or by name (as the CLI's PROJECT argument allows)."""
    project = session.get(Project, as_id(ref)) if as_id(ref) is not None else None
    if project is None and isinstance(ref, str):
        project = session.scalar(select(Project).where(Project.name == ref))
    if project is None:
        raise NotFound(N_("no project '{ref}'"), field="project", params={"ref": ref})
    return project


def _clean_name(name) -> str:
    if not isinstance(name, str) or not name.strip():
        raise Invalid(N_("a project needs a name"), field="name")
    name = name.strip()
    if len(name) > 120:
        raise Invalid(N_("a project name has at most 120 characters"), field="name")
    return name


def create_project(session, name, description="", guidelines="", schema=None, created_by=None) -> Project:
    name = _clean_name(name)
    if session.scalar(select(Project.id).where(Project.name == name)) is not None:
        raise Conflict(N_("a project named '{name}' already exists"), field="name", params={"name": name})
    project = Project(name=name, description=_text(description, "description"),
                      guidelines=_text(guidelines, "guidelines"),
                      label_schema=validate_schema(schema) if schema is not None else default_schema(),
                      settings={}, created_by_id=created_by.id if created_by else None)
    session.add(project)
    session.flush()
    if created_by is not None:
        session.add(ProjectMember(project_id=project.id, user_id=created_by.id, role=ProjectRole.MANAGER))
        session.flush()
    return project


def update_project(session, project: Project, name=None, description=None, guidelines=None,
                   settings: dict | None = None) -> Project:
    if name is not None:
        name = _clean_name(name)
        other = session.scalar(select(Project.id).where(Project.name == name, Project.id != project.id))
        if other is not None:
            raise Conflict(N_("a project named '{name}' already exists"), field="name", params={"name": name})
        project.name = name
    if description is not None:
        project.description = _text(description, "description")
    if guidelines is not None:
        project.guidelines = _text(guidelines, "guidelines")
    if settings is not None:
        project.settings = {**(project.settings or {}), **validate_settings(settings)}
    session.flush()
    return project


def validate_settings(settings) -> dict:
    """open_annotations: annotators see each other's work; auto_assign: k annotators per new document (0 = off)."""
    if not isinstance(settings, dict):
        raise Invalid(N_("settings must be an object"), field="settings")
    out = {}
    for key, value in settings.items():
        if key == "open_annotations":
            if not isinstance(value, bool):
                raise Invalid(N_("open_annotations must be true or false"), field="settings.open_annotations")
        elif key == "auto_assign":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 20:
                raise Invalid(N_("auto_assign is a number of annotators from 0 to 20"), field="settings.auto_assign")
        else:
            raise Invalid(N_("unknown setting '{name}'"), field=f"settings.{key}", params={"name": key})
        out[key] = value
    return out


def _text(value, field) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invalid(N_("{field} must be text"), field=field, params={"field": field})
    return value


def language_counts(session, project: Project) -> dict[str, int]:
    rows = session.execute(select(Document.lang, func.count()).where(Document.project_id == project.id)
                           .group_by(Document.lang).order_by(Document.lang))
    return dict(rows.all())


def project_summaries(session, user: User | None = None) -> list[tuple[Project, int]]:
    """The projects `user` may see (all without a user) with their document counts, in one query."""
    counts = (select(Document.project_id, func.count().label("n")).group_by(Document.project_id).subquery())
    query = (select(Project, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.project_id == Project.id).order_by(Project.name))
    visible = members.visible_project_ids(user) if user is not None else None
    if visible is not None:
        query = query.where(Project.id.in_(visible))
    return session.execute(query).all()
