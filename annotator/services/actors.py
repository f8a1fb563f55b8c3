"""Actors: a project-wide registry of canonical persons and organisations with names in every language."""

import re
import unicodedata

from anyascii import anyascii
from sqlalchemy import func, or_, select

from ..errors import N_, Conflict, Invalid, NotFound
from ..models import ACTOR_KINDS, Actor, Document, Project, Relation, Span, User
from . import history

_NON_WORD = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """A script-independent key: 'Зеленський', 'Зеленский' and 'Zelensky' come out close or equal."""
    latin = anyascii(name).lower()
    latin = latin.replace("kh", "h").replace("zh", "z").replace("'", "")
    latin = re.sub(r"[yie]+", "i", latin)
    latin = re.sub(r"(.)\1+", r"\1", latin)
    return _NON_WORD.sub("", latin)


def _search_key(name: str, names: dict) -> str:
    every = [name] + [n for values in names.values() for n in values]
    keys = {n.casefold() for n in every} | {fold(n) for n in every}
    return "|".join(sorted(k for k in keys if k))[:4000]


def _clean_names(names) -> dict[str, list[str]]:
    if names is None:
        return {}
    if not isinstance(names, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                              for v in names.values()):
        raise Invalid(N_("'names' maps a language code to a list of names"), field="names")
    return {lang: sorted({n.strip() for n in values if n.strip()}) for lang, values in names.items()}


def create_actor(session, project: Project, user: User | None, name, kind="person", names=None,
                 lang: str | None = None) -> Actor:
    if not isinstance(name, str) or not name.strip() or len(name) > 300:
        raise Invalid(N_("an actor needs a name of 1-300 characters"), field="name")
    if kind not in ACTOR_KINDS:
        raise Invalid(N_("kind must be one of {choices}"), field="kind", params={"choices": ", ".join(ACTOR_KINDS)})
    name = " ".join(name.split())
    names = _clean_names(names)
    if lang:
        names.setdefault(lang, [])
        if name not in names[lang]:
            names[lang].append(name)
    if session.scalar(select(Actor.id).where(Actor.project_id == project.id, Actor.name == name)) is not None:
        raise Conflict(N_("an actor named '{name}' exists already"), field="name", params={"name": name})
    actor = Actor(project_id=project.id, name=name, kind=kind, names=names, search_key=_search_key(name, names),
                  created_by_id=user.id if user else None)
    session.add(actor)
    session.flush()
    history.record(session, project.id, user, "actor", actor.id, "create", None,
                   {"name": name, "kind": kind, "names": names})
    return actor


def add_name(session, actor: Actor, lang: str, name: str) -> None:
    """Remember `name` as one of the actor's names in `lang` (as spans get linked)."""
    name = " ".join(name.split())
    current = {k: list(v) for k, v in (actor.names or {}).items()}
    if name and name not in current.get(lang, []):
        current.setdefault(lang, []).append(name)
        actor.names = current
        actor.search_key = _search_key(actor.name, current)


def search(session, project: Project, q: str | None, limit: int = 20) -> list[Actor]:
    query = select(Actor).where(Actor.project_id == project.id)
    q = (q or "").strip()
    if q:
        terms = {q.casefold(), fold(q)} - {""}
        query = query.where(or_(*[Actor.search_key.contains(t, autoescape=True) for t in terms]))
    return list(session.scalars(query.order_by(func.lower(Actor.name)).limit(limit)))


def by_exact_name(session, project: Project, text: str) -> Actor | None:
    """The one registry actor with `text` as its name or one of its names (NFC, case folded), else None."""
    key = unicodedata.normalize("NFC", text.strip()).casefold()
    if not key:
        return None
    found = []
    forms = {key, unicodedata.normalize("NFD", key)}  # registry names are stored as they were typed
    near = or_(*[Actor.search_key.contains(form, autoescape=True) for form in forms])
    for actor in session.scalars(select(Actor).where(Actor.project_id == project.id, near)):
        every = [actor.name] + [n for values in (actor.names or {}).values() for n in values]
        if any(unicodedata.normalize("NFC", n).casefold() == key for n in every):
            found.append(actor)
    return found[0] if len(found) == 1 else None


def get_actor(session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(N_("no actor {id}"), field="actor", params={"id": actor_id})
    return actor


def mentions(session, actor: Actor, user: User, sees_all: bool):
    """The actor's live spans across documents and languages, with the claims and positions linked to them."""
    query = (select(Span, Document).join(Document, Document.id == Span.document_id)
             .where(Span.actor_id == actor.id, Span.deleted_at.is_(None)))
    if not sees_all:
        query = query.where(Span.annotator_id == user.id)
    rows = session.execute(query.order_by(Document.id, Span.start)).all()
    ids = [span.id for span, _ in rows]
    linked = []
    if ids:
        linked = session.execute(
            select(Relation, Span).join(Span, Span.id == Relation.head_id)
            .where(Relation.tail_id.in_(ids), Relation.deleted_at.is_(None), Span.deleted_at.is_(None))
            .order_by(Span.document_id, Span.start)).all()
    return rows, linked
