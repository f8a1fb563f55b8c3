"""Who may reach which project: one check, before every request, for every URL that names something in a project.

A user who is neither an admin nor a member of the project gets exactly the 404 a missing project (or document,
span …) gives. For members, the request's role checks (`role_required`, `User.has_role`) then use their role in
that project; see services/members.py for how the global and the project roles combine.
"""

from flask import abort, request
from flask_login import current_user
from sqlalchemy import select

from .errors import NotFound
from .extensions import db
from .models import AS_ROLE, Actor, Document, ProjectMember, Relation, Span, TranslationGroup

# URL argument -> (the id of the project it is in, as SQL; the not-found message its own route gives)
_PROJECT_OF = {
    "pid": (lambda i: i, "no project '{}'", "project"),
    "did": (lambda i: select(Document.project_id).where(Document.id == i).scalar_subquery(),
            "no document {}", "document"),
    "sid": (lambda i: select(Document.project_id).join(Span, Span.document_id == Document.id)
            .where(Span.id == i).scalar_subquery(), "no span {}", "span"),
    "rid": (lambda i: select(Document.project_id).join(Relation, Relation.document_id == Document.id)
            .where(Relation.id == i).scalar_subquery(), "no relation {}", "relation"),
    "gid": (lambda i: select(TranslationGroup.project_id).where(TranslationGroup.id == i).scalar_subquery(),
            "no translation group {}", "group"),
    "aid": (lambda i: select(Actor.project_id).where(Actor.id == i).scalar_subquery(), "no actor {}", "actor"),
}


def init_app(app):
    """Register after auth: the login check runs first, so every user seen here is logged in."""
    app.before_request(check_project_access)


def check_project_access():
    if not current_user.is_authenticated or current_user.is_admin:
        return
    for arg, value in (request.view_args or {}).items():
        if arg in _PROJECT_OF:
            project_of, message, field = _PROJECT_OF[arg]
            role = db.session.scalar(select(ProjectMember.role).where(
                ProjectMember.user_id == current_user.id, ProjectMember.project_id == project_of(value)))
            if role is None:
                _not_found(message.format(value), field)
            current_user.project_role = AS_ROLE[role]
            return


def _not_found(message, field):
    if request.blueprint == "api":
        raise NotFound(message, field=field)
    abort(404)
