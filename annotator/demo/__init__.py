"""The bundled demo: one article in Ukrainian, English and Russian, plus a team of demo users.

The article was written for this project; it is fictional.
"""

from importlib import resources

from sqlalchemy import select

from ..ingest import parse_files
from ..models import Project, User, default_schema
from ..services import actors as actor_service
from ..services import documents as doc_service
from ..services import members, projection
from ..services import projects as project_service
from ..services import relations as relation_service
from ..services import spans as span_service
from ..services import users as user_service

PROJECT_NAME = "demo"
USERS = (("admin", "admin"), ("rita", "reviewer"), ("olena", "annotator"), ("taras", "annotator"))
MEMBERS = (("rita", "reviewer"), ("olena", "annotator"), ("taras", "annotator"))  # admin: its creator, so manager


def article_files() -> list[tuple[str, bytes]]:
    folder = resources.files(__package__)
    return sorted((f.name, f.read_bytes()) for f in folder.iterdir() if f.name.endswith(".txt"))


DOCUMENT_FIELDS = [  # labels of the whole article, shown on the annotation page
    {"name": "stance", "type": "choice", "options": ["support", "oppose", "neutral"],
     "description": "The article's stance towards what it reports."},
    {"name": "topic", "type": "choice", "options": ["war", "energy", "economy", "politics"], "multiple": True},
]


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
        "CLAIM: what someone asserts.\nPOSITION: a stance an actor takes, with its polarity.\n"
        "Document labels: the article's stance towards the repairs, and its topics.",
        schema=default_schema() | {"document": DOCUMENT_FIELDS}, created_by=admin)
    for name, role in MEMBERS:
        members.add_member(session, project, name, role)
    parsed = parse_files(article_files(), clean=False)
    assert not parsed.errors, parsed.errors
    result = doc_service.add_documents(session, project, parsed.inputs, admin)
    _annotate(session, project, {doc.lang: doc for doc in result.created})
    return project, created_users


# (annotator, language, the exact words, label, attributes): two annotators who mostly agree, so that the
# review page and the agreement dashboard have something to show.
SAMPLE_SPANS = [
    ("olena", "en", "Olha Marchenko", "ACTOR", {"kind": "person"}),
    ("taras", "en", "Olha Marchenko", "ACTOR", {"kind": "person"}),
    ("olena", "en", "full repairs would take at least three weeks", "CLAIM", {}),
    ("taras", "en", "full repairs would take at least three weeks", "CLAIM", {}),
    ("olena", "en", "Petro Danylenko", "ACTOR", {"kind": "person"}),
    ("taras", "en", "The regional governor, Petro Danylenko", "ACTOR", {"kind": "person"}),
    ("olena", "en", "urged partners to send more air defence systems", "POSITION", {"polarity": "support"}),
    ("taras", "en", "urged partners to send more air defence systems", "POSITION", {"polarity": "support"}),
    ("olena", "en", "Local business owners", "ACTOR", {"kind": "group"}),
    ("olena", "en", "parents' groups opposed it", "POSITION", {"polarity": "oppose"}),
    ("taras", "en", "parents' groups", "ACTOR", {"kind": "group"}),
    ("olena", "uk", "Ольга Марченко", "ACTOR", {"kind": "person"}),
]
SAMPLE_RELATIONS = [("olena", "en", "full repairs would take at least three weeks", "Olha Marchenko", "SAID_BY"),
                    ("taras", "en", "full repairs would take at least three weeks", "Olha Marchenko", "SAID_BY"),
                    ("olena", "en", "urged partners to send more air defence systems", "Petro Danylenko",
                     "HELD_BY")]


def _annotate(session, project: Project, docs: dict) -> None:
    users = {u.username: u for u in session.scalars(select(User).where(User.username.in_(["olena", "taras"])))}
    made = {}
    for who, lang, words, label, attrs in SAMPLE_SPANS:
        doc = docs[lang]
        start = doc.text.index(words)
        made[(who, lang, words)] = span_service.create_span(session, doc, project, users[who], start,
                                                            start + len(words), label, attrs)
    for who, lang, head, tail, kind in SAMPLE_RELATIONS:
        relation_service.create_relation(session, docs[lang], project, users[who], made[(who, lang, head)].id,
                                         made[(who, lang, tail)].id, kind)
    actor = actor_service.create_actor(session, project, users["olena"], "Olha Marchenko", "person",
                                       {"en": ["Olha Marchenko"], "uk": ["Ольга Марченко"]})
    for key in (("olena", "en", "Olha Marchenko"), ("olena", "uk", "Ольга Марченко")):
        made[key].actor = actor
    projection.link_spans(session, made[("olena", "en", "Olha Marchenko")], made[("olena", "uk", "Ольга Марченко")],
                          users["olena"])
