"""The bundled demo: one article in Ukrainian, English and Russian, plus a team of demo users.

The article was written for this project; it is fictional.
"""

from importlib import resources

from sqlalchemy import select

from ..ingest import parse_files
from ..models import Project, User
from ..services import documents as doc_service
from ..services import projects as project_service
from ..services import users as user_service

PROJECT_NAME = "demo"
USERS = (("admin", "admin"), ("rita", "reviewer"), ("olena", "annotator"), ("taras", "annotator"))


def article_files() -> list[tuple[str, bytes]]:
    folder = resources.files(__package__)
    return sorted((f.name, f.read_bytes()) for f in folder.iterdir() if f.name.endswith(".txt"))


def load(session) -> tuple[Project | None, list[tuple[str, str, str]]]:
    """Create the demo users and project if missing. Returns (new project or None, [(user, role, password)])."""
    created_users = []
    for name, role in USERS:
        if session.scalar(select(User.id).where(User.username == name)) is None:
            password = user_service.generate_password()
            user_service.create_user(session, name, role, password)
            created_users.append((name, role, password))
    if session.scalar(select(Project.id).where(Project.name == PROJECT_NAME)) is not None:
        return None, created_users
    admin = session.scalar(select(User).where(User.username == "admin"))
    project = project_service.create_project(
        session, PROJECT_NAME, description="A sample article about restoring heating in Kharkiv, "
        "in Ukrainian, English and Russian.",
        guidelines="ACTOR: people, organisations and states that act or speak.\n"
        "CLAIM: what someone asserts.\nPOSITION: a stance an actor takes, with its polarity.",
        created_by=admin)
    parsed = parse_files(article_files())
    assert not parsed.errors, parsed.errors
    doc_service.add_documents(session, project, parsed.inputs, admin)
    return project, created_users
