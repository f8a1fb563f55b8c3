"""Test data made through the services, as users would make it."""

from sqlalchemy import select

from annotator.extensions import db
from annotator.models import Project, Role, User
from annotator.services import documents as doc_service
from annotator.services import members as member_service
from annotator.services import projects as project_service
from annotator.services import spans as span_service
from annotator.services import users as user_service

PASSWORD = "correct-horse-42"


class Factories:
    """`join`: new users join every existing project and new projects take in every existing user, with the
    project role named like the global role (as an upgraded database has them); tests of membership turn it
    off (make.join = False) or pass members= to project()."""

    def __init__(self, app):
        self.app = app
        self.join = True

    def _commit(self, fn, *args, **kwargs):
        with self.app.app_context():
            obj = fn(db.session, *args, **kwargs)
            db.session.commit()
            if hasattr(obj, "id"):
                db.session.refresh(obj)
                db.session.expunge(obj)
            return obj

    def user(self, username="olena", role="annotator", password=PASSWORD):
        user = self._commit(user_service.create_user, username, role, password)
        if self.join and role != "admin":
            with self.app.app_context():
                for project in db.session.scalars(select(Project)):
                    member_service.add_member(db.session, project, username, role)
                db.session.commit()
        return user

    def token(self, username):
        with self.app.app_context():
            token = user_service.create_token(db.session, user_service.get_user(db.session, username))
            db.session.commit()
            return token

    def project(self, name="news", members=None, **kwargs):
        """A project; `members` ({user name: project role}) instead of every user when given."""
        project = self._commit(project_service.create_project, name, **kwargs)
        with self.app.app_context():
            if members is None and self.join:
                users = db.session.scalars(select(User).where(User.role != Role.ADMIN))
                members = {u.username: u.role.value for u in users}
            for username, role in (members or {}).items():
                member_service.add_member(db.session, db.session.get(Project, project.id), username, role)
            db.session.commit()
        return project

    def member(self, project_id, username, role):
        with self.app.app_context():
            member_service.add_member(db.session, db.session.get(Project, project_id), username, role)
            db.session.commit()

    def document(self, project_id, text="Київ 🙂 — a test text.", lang="uk", title="A title", group=None):
        def add(session):
            project = project_service.get_project(session, project_id)
            item = doc_service.parse_fields({"text": text, "lang": lang, "title": title, "group": group})
            return doc_service.add_documents(session, project, [item]).created[0]

        return self._commit(add)

    def admin_token(self, username="admin"):
        self.user(username, "admin")
        return self.token(username)


def find(text: str, word: str, nth: int = 0) -> int:
    """Where the nth occurrence of `word` starts (code points)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start


def span_on_word(app, doc_id: int, username: str, word: str, label: str, attrs=None, nth: int = 0) -> int:
    """A span saved through the services on the nth `word` of the document, at the offsets Python computes."""
    with app.app_context():
        doc = doc_service.get_document(db.session, doc_id)
        start = find(doc.text, word, nth)
        user = user_service.get_user(db.session, username)
        span = span_service.create_span(db.session, doc, doc.project, user, start, start + len(word), label, attrs)
        db.session.commit()
        return span.id
