"""Who may reach which project: one check, before every request, for every URL that names something in a project.

A user who is neither an admin nor a member of the project gets exactly the 404 a missing project (or document,
span …) gives. For members, the request's role checks (`role_required`, `User.has_role`) then use their role in
that project; see services/members.py for how the global and the project roles combine.
"""

import functools

from flask import abort, g, request
from flask_login import current_user
from sqlalchemy import bindparam, select

from .errors import N_, NotFound
from .extensions import db
from .models import AS_ROLE, Actor, Document, Project, ProjectMember, Relation, Span, TranslationGroup

# URL argument -> (what it names, joined to its project, as the columns to load; the not-found message its route
# gives). The objects are loaded with the membership in one query and stay in the session, so that the view's
# own lookups of them (session.get, span.document.project …) need no further queries.
_URL_OBJECTS = {
    "pid": (lambda i: select(Project).where(Project.id == i), N_("no project '{id}'"), "project"),
    "did": (lambda i: select(Document, Project).join(Project, Project.id == Document.project_id)
            .where(Document.id == i), N_("no document {id}"), "document"),
    "sid": (lambda i: select(Span, Document, Project).join(Document, Document.id == Span.document_id)
            .join(Project, Project.id == Document.project_id).where(Span.id == i), N_("no span {id}"), "span"),
    "rid": (lambda i: select(Relation, Document, Project).join(Document, Document.id == Relation.document_id)
            .join(Project, Project.id == Document.project_id).where(Relation.id == i), N_("no relation {id}"),
            "relation"),
    "gid": (lambda i: select(TranslationGroup, Project).join(Project, Project.id == TranslationGroup.project_id)
            .where(TranslationGroup.id == i), N_("no translation group {id}"), "group"),
    "aid": (lambda i: select(Actor, Project).join(Project, Project.id == Actor.project_id).where(Actor.id == i),
            N_("no actor {id}"), "actor"),
}


def init_app(app):
    """Register after auth: the login check runs first, so every user seen here is logged in."""
    app.before_request(check_project_access)


def check_project_access():
    for arg, value in (request.view_args or {}).items():
        if arg in _URL_OBJECTS and current_user.is_authenticated:
            query, message, field = _URL_OBJECTS[arg]
            row = db.session.execute(_statement(arg), {"ident": value, "user_id": current_user.id}).first()
            g.url_objects = row  # the session holds loaded objects weakly: keep them for this request
            if row is None or (row.role is None and not current_user.is_admin):  # admins need no membership
                _not_found(message, field, value)  # before the body is read: a missing thing is a 404
            if current_user.is_admin:
                return
            current_user.project_role = AS_ROLE[row.role]
            return


@functools.cache
def _statement(arg: str):
    """The object `arg` names, with its project and the caller's role there: built once per kind of object."""
    query = _URL_OBJECTS[arg][0](bindparam("ident"))
    membership = (ProjectMember.project_id == Project.id) & (ProjectMember.user_id == bindparam("user_id"))
    return query.add_columns(ProjectMember.role).outerjoin(ProjectMember, membership)


def _not_found(message, field, value):
    if request.blueprint == "api":
        raise NotFound(message, field=field, params={"id": value})
    abort(404)
