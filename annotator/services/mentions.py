"""Mentions of known actors that nobody has marked yet, found in every language, inflected forms included.

An actor's listed names for the document's language are matched first as written; then word by word
through their dictionary forms (pymorphy3 for Ukrainian and Russian: Путіна, Путіну -> путін), so that
"Зеленського" finds the actor listed as "Зеленський". A surname alone (the last word of a listed name of
two or more words) counts too.
"""

from sqlalchemy import select

from ..models import Actor, Document, User
from .morph import WORD as _WORD
from .morph import lemmas as _forms
from .spans import visible_spans


def _patterns(actors: list[Actor], lang: str) -> list[tuple[list[str], Actor, str]]:
    """(word forms to match, actor, the name they come from), longest names first."""
    base = lang.split("-")[0]
    out = []
    for actor in actors:
        names = set(actor.names.get(lang, []) or actor.names.get(base, []))
        if base == "en" or not actor.names:
            names.add(actor.name)
        for name in names:
            words = _WORD.findall(name)
            if words:
                out.append((words, actor, name))
            if len(words) >= 2 and len(words[-1]) >= 4 and words[-1][0].isupper():
                out.append((words[-1:], actor, name))
    return sorted(out, key=lambda p: -len(p[0]))


def suggest(session, doc: Document, user: User) -> list[dict]:
    """Known actors' mentions in `doc` that none of the user's visible spans covers yet."""
    actors = list(session.scalars(select(Actor).where(Actor.project_id == doc.project_id)))
    if not actors:
        return []
    lang = doc.lang.split("-")[0]
    taken = [(s.start, s.end) for s in visible_spans(session, doc, user, doc.project)]
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(doc.text)]
    found, used = [], set()
    for words, actor, name in _patterns(actors, doc.lang):
        wanted = [_forms(w, lang) for w in words]
        for i in range(len(tokens) - len(words) + 1):
            window = tokens[i:i + len(words)]
            if any(k in used for k in range(i, i + len(words))):
                continue
            exact = [t[2].casefold() for t in window] == [w.casefold() for w in words]
            if not exact and not all(_forms(t[2], lang) & want for t, want in zip(window, wanted, strict=True)):
                continue
            start, end = window[0][0], window[-1][1]
            if any(s < end and start < e for s, e in taken):
                continue
            used.update(range(i, i + len(words)))
            found.append({"start": start, "end": end, "text": doc.text[start:end], "label": "ACTOR",
                          "actor": {"id": actor.id, "name": actor.name}, "matched": name,
                          "reason": "listed name" if exact else "inflected form"})
    return sorted(found, key=lambda f: f["start"])
