"""Sentences of each document and the alignment of every two versions of an article.

Automatic beads come from annotator.align; edited beads are stored as confirmed. Re-aligning never
overwrites a pair that has confirmed beads unless asked to.
"""

from itertools import combinations

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import aliased

from ..align import align, lexicon, paragraph_starts, split_sentences
from ..align.counterpart import unexplained
from ..align.segment import base_lang
from ..errors import N_, Invalid, NotFound
from ..models import Alignment, Document, Span, SpanLink, TranslationGroup, User
from . import history, versions

STATUSES = ("auto", "confirmed")


def sentences_of(doc: Document) -> list[list[int]]:
    """The document's sentences as [start, end) code-point pairs, segmented once and kept."""
    if doc.sentences is None:
        doc.sentences = [[start, end] for start, end in split_sentences(doc.text, doc.lang)]
    return doc.sentences


def auto_beads(doc_a: Document, doc_b: Document, lexicons: dict | None = None) -> list[list]:
    """The automatic alignment of two versions; their line breaks are given as soft anchors. `lexicons`:
    as annotator.align.align takes them (the shipped ones if None; see project_lexicons)."""
    spans_a, spans_b = sentences_of(doc_a), sentences_of(doc_b)
    src = [doc_a.text[s:e] for s, e in spans_a]
    tgt = [doc_b.text[s:e] for s, e in spans_b]
    breaks_a, breaks_b = paragraph_starts(doc_a.text, spans_a), paragraph_starts(doc_b.text, spans_b)
    beads = align(src, tgt, doc_a.lang, doc_b.lang, breaks_a, breaks_b, lexicons=lexicons)
    return [[list(a), list(b), "auto"] for a, b in beads]


# project id -> (the keys of its confirmed beads and linked spans, see _confirmed_key and _linked_key; the
# lexicons learned from them)
_PROJECT_LEXICONS: dict[int, tuple[tuple, dict]] = {}


def _confirmed(query, project_id: int):
    """`query` over the project's alignments that hold a confirmed bead (told apart in SQL by the JSON text)."""
    return (query.select_from(Alignment).join(TranslationGroup, TranslationGroup.id == Alignment.group_id)
            .where(TranslationGroup.project_id == project_id,
                   cast(Alignment.beads, Text).like('%"confirmed"%')))


def _confirmed_key(session, project_id: int) -> tuple:
    """One aggregate row that changes whenever a pair with confirmed beads is saved, added or removed: every
    save bumps its version and updated_at, and the beads' length and the time tell a database replaced under
    the same ids apart."""
    return tuple(session.execute(_confirmed(select(
        func.count(), func.sum(Alignment.id), func.sum(Alignment.version), func.max(Alignment.updated_at),
        func.sum(func.length(cast(Alignment.beads, Text)))), project_id)).one())


# the two spans of a link and their documents
_SOURCE, _TARGET, _DOC_A, _DOC_B = aliased(Span), aliased(Span), aliased(Document), aliased(Document)


def _linked(query, project_id: int):
    """`query` over the project's links between live spans (the app stores a link both ways, an import as listed)."""
    return (query.select_from(SpanLink).join(_SOURCE, _SOURCE.id == SpanLink.span_id)
            .join(_TARGET, _TARGET.id == SpanLink.target_id)
            .join(_DOC_A, _DOC_A.id == _SOURCE.document_id).join(_DOC_B, _DOC_B.id == _TARGET.document_id)
            .where(_DOC_A.project_id == project_id, _SOURCE.deleted_at.is_(None), _TARGET.deleted_at.is_(None)))


def _linked_key(session, project_id: int) -> tuple:
    """One aggregate row that changes whenever a link is made or undone, or a linked span is edited or deleted."""
    return tuple(session.execute(_linked(select(func.count(), func.sum(SpanLink.id),
                                                func.sum(_SOURCE.version + _TARGET.version)), project_id)).one())


def project_lexicons(session, project_id: int) -> dict | None:
    """The shipped lexicons combined with what the project's confirmed beads and linked spans teach (None:
    neither). Kept per project; each call costs two aggregate queries (_confirmed_key, _linked_key), and the
    confirmations are read and learned from again only when a key changed. Confirmed beads come before the shipped
    entries; linked spans only add partners after them (see learn_linked)."""
    key = (_confirmed_key(session, project_id), _linked_key(session, project_id))
    if not key[0][0] and not key[1][0]:
        return None
    cached = _PROJECT_LEXICONS.get(project_id)
    if cached is not None and cached[0] == key:
        return cached[1]
    rows = session.execute(_confirmed(select(Alignment.beads, Alignment.doc_a_id, Alignment.doc_b_id),
                                      project_id)).all() if key[0][0] else []
    shipped = lexicon.combine(learn_confirmed(session, rows), lexicon.packaged_entries())
    learned = lexicon.prepare(lexicon.combine(shipped, learn_linked(session, project_id)))
    _PROJECT_LEXICONS[project_id] = (key, learned)
    return learned


def learn_confirmed(session, rows) -> lexicon.Lexicons:
    """A lexicon per language pair from the confirmed beads of `rows`, each bead's sentences joined, learned
    in the direction the shipped lexicon stores the pair."""
    ids = {row.doc_a_id for row in rows} | {row.doc_b_id for row in rows}
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))} if ids else {}
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in rows:
        doc_a, doc_b = docs[row.doc_a_id], docs[row.doc_b_id]
        a_sentences, b_sentences = sentences_of(doc_a), sentences_of(doc_b)
        for side_a, side_b, *status in row.beads:
            if status != ["confirmed"] or not side_a or not side_b:
                continue
            _add_oriented(pairs, doc_a.lang, " ".join(doc_a.text[slice(*a_sentences[i])] for i in side_a),
                          doc_b.lang, " ".join(doc_b.text[slice(*b_sentences[i])] for i in side_b))
    return {langs: lexicon.learn(found) for langs, found in pairs.items()}


def learn_linked(session, project_id: int) -> lexicon.Lexicons:
    """A lexicon per language pair from the project's linked spans: the words of a span and its counterpart that
    nothing else pairs up (counterpart.unexplained), so that two links of "rider" and «кур'єр» teach that pair and
    "Professor Marchuk" and «професор Марчук» teach nothing."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    seen = set()
    for source, target, lang_a, text_a, lang_b, text_b in session.execute(_linked(select(
            SpanLink.span_id, SpanLink.target_id,
            _DOC_A.lang, func.substr(_DOC_A.text, _SOURCE.start + 1, _SOURCE.end - _SOURCE.start),
            _DOC_B.lang, func.substr(_DOC_B.text, _TARGET.start + 1, _TARGET.end - _TARGET.start)), project_id)):
        a, b = base_lang(lang_a), base_lang(lang_b)
        if a != b and frozenset((source, target)) not in seen:  # each pair once, whichever ways it is stored
            seen.add(frozenset((source, target)))
            words_a, words_b = unexplained(text_a, text_b, a, b)
            _add_oriented(pairs, a, words_a, b, words_b)
    return {langs: lexicon.learn(found) for langs, found in pairs.items()}


def _add_oriented(pairs: dict, lang_a: str, text_a: str, lang_b: str, text_b: str) -> None:
    """Add (text_a, text_b) to `pairs` under the direction the shipped lexicon stores the language pair."""
    langs = (base_lang(lang_a), base_lang(lang_b))
    shipped = lexicon.packaged_entries()
    if langs not in shipped and langs[::-1] in shipped:
        pairs.setdefault(langs[::-1], []).append((text_b, text_a))
    else:
        pairs.setdefault(langs, []).append((text_a, text_b))


def _pair(session, doc_a: Document, doc_b: Document) -> Alignment | None:
    a, b = sorted((doc_a.id, doc_b.id))
    return session.scalar(select(Alignment).where(Alignment.doc_a_id == a, Alignment.doc_b_id == b))


def pair_json(session, group: TranslationGroup, a_id: int, b_id: int) -> dict | None:
    """One pair of the group's versions as the API shows it ({a, b, beads, version}), None if never aligned."""
    docs = {d.id: d for d in group.documents}
    row = _pair(session, docs[a_id], docs[b_id]) if a_id in docs and b_id in docs else None
    return None if row is None else {"a": row.doc_a_id, "b": row.doc_b_id, "beads": row.beads, "version": row.version}


LOOK_UP = object()


def align_group(session, group: TranslationGroup, force: bool = False, lexicons=LOOK_UP,
                missing_only: bool = False) -> dict[str, int]:
    """(Re)compute every pair of versions; pairs with confirmed beads are kept unless `force`, and every pair
    that has an alignment with `missing_only`. `lexicons`: project_lexicons of the group's project, looked up
    unless given (by a caller aligning many groups)."""
    done = {"aligned": 0, "kept": 0}
    docs = sorted(group.documents, key=lambda d: d.id)
    if lexicons is LOOK_UP:
        lexicons = project_lexicons(session, group.project_id) if len(docs) > 1 else None
    for doc_a, doc_b in combinations(docs, 2):
        existing = _pair(session, doc_a, doc_b)
        if existing is not None and (missing_only or not force and any(b[2] == "confirmed" for b in existing.beads)):
            done["kept"] += 1
            continue
        beads = auto_beads(doc_a, doc_b, lexicons)
        if existing is None:
            session.add(Alignment(group_id=group.id, doc_a_id=doc_a.id, doc_b_id=doc_b.id, beads=beads))
        else:
            existing.beads = beads
        done["aligned"] += 1
    session.flush()
    return done


def get_group(session, group_id: int) -> TranslationGroup:
    group = session.get(TranslationGroup, group_id)
    if group is None:
        raise NotFound(N_("no translation group {id}"), field="group", params={"id": group_id})
    return group


def group_alignment(session, group: TranslationGroup) -> dict:
    """The group's versions with their sentences and every pair's beads."""
    docs = sorted(group.documents, key=lambda d: d.id)
    for doc in docs:
        sentences_of(doc)
    pairs = session.scalars(select(Alignment).where(Alignment.group_id == group.id)
                            .order_by(Alignment.doc_a_id, Alignment.doc_b_id)).all()
    return {"group": group.id, "key": group.key, "project": group.project_id,
            "documents": [{"id": d.id, "lang": d.lang, "title": d.title, "sentences": d.sentences} for d in docs],
            "pairs": [{"a": p.doc_a_id, "b": p.doc_b_id, "beads": p.beads, "version": p.version} for p in pairs]}


def validate_beads(beads, n_a: int, n_b: int) -> list[list]:
    """Beads as [[a indices], [b indices], status]: indices in range, each sentence in at most one bead."""
    if not isinstance(beads, list):
        raise Invalid(N_("'beads' must be a list of [[a sentences], [b sentences], status]"), field="beads")
    seen_a, seen_b, out = set(), set(), []
    for k, bead in enumerate(beads):
        if not isinstance(bead, list) or len(bead) not in (2, 3):
            raise Invalid(N_("beads[{k}] must be [[a sentences], [b sentences], status]"), field=f"beads[{k}]",
                          params={"k": k})
        side_a, side_b = (_indices(bead[i], n, f"beads[{k}][{i}]") for i, n in ((0, n_a), (1, n_b)))
        status = bead[2] if len(bead) == 3 else "confirmed"
        if status not in STATUSES:
            raise Invalid(N_("beads[{k}]: status must be auto or confirmed"), field=f"beads[{k}][2]", params={"k": k})
        if not side_a and not side_b:
            raise Invalid(N_("beads[{k}] links no sentence"), field=f"beads[{k}]", params={"k": k})
        for seen, side, name in ((seen_a, side_a, "a"), (seen_b, side_b, "b")):
            again = seen.intersection(side)
            if again:
                raise Invalid(N_("beads[{k}]: sentence {sentence} of {side} is in two beads"), field=f"beads[{k}]",
                              params={"k": k, "sentence": min(again), "side": name})
            seen.update(side)
        out.append([side_a, side_b, status])
    return sorted(out, key=lambda b: (b[0][0] if b[0] else b[1][0] if b[1] else 0, b[1][0] if b[1] else -1))


def _indices(value, n: int, field: str) -> list[int]:
    if not isinstance(value, list) or any(isinstance(i, bool) or not isinstance(i, int) for i in value):
        raise Invalid(N_("{field} must be a list of sentence indices"), field=field, params={"field": field})
    bad = [i for i in value if not 0 <= i < n]
    if bad:
        raise Invalid(N_("{field}: sentence {sentence} is out of range (0-{last})"), field=field,
                      params={"field": field, "sentence": bad[0], "last": n - 1})
    return sorted(set(value))


def save_pair(session, group: TranslationGroup, a_id, b_id, beads, version, user: User) -> Alignment:
    """Replace the beads of one pair of versions; a stale `version` is a conflict."""
    docs = {d.id: d for d in group.documents}
    if a_id not in docs or b_id not in docs or a_id == b_id:
        raise Invalid(N_("'a' and 'b' must be two different documents of this group"), field="a")
    if a_id > b_id:
        a_id, b_id = b_id, a_id
        beads = [[b[1], b[0], *b[2:]] for b in beads] if isinstance(beads, list) else beads
    doc_a, doc_b = docs[a_id], docs[b_id]
    clean = validate_beads(beads, len(sentences_of(doc_a)), len(sentences_of(doc_b)))
    row = _pair(session, doc_a, doc_b)
    if row is None:
        row = Alignment(group_id=group.id, doc_a_id=a_id, doc_b_id=b_id, beads=[])
        session.add(row)
        session.flush()
    else:
        versions.expect(row, version, "alignment")
    before = {"beads": row.beads}
    row.beads = clean
    row.updated_by_id = user.id
    versions.write(session, row, "alignment", "beads")  # checked in the database even if the beads are the same
    history.record(session, group.project_id, user, "alignment", row.id, "update", before, {"beads": clean})
    return row


def groups_with_documents(session, doc_ids: list[int]) -> list[TranslationGroup]:
    ids = set(session.scalars(select(Document.group_id).where(Document.id.in_(doc_ids),
                                                              Document.group_id.is_not(None))))
    return list(session.scalars(select(TranslationGroup).where(TranslationGroup.id.in_(ids)))) if ids else []


def move_to_group(session, doc: Document, key: str | None, user: User | None = None) -> TranslationGroup | None:
    """Make `doc` a version of the article `key` (created if new), or of none; alignments follow."""
    from sqlalchemy import delete

    if key is not None and (not isinstance(key, str) or not key.strip() or len(key) > 200):
        raise Invalid(N_("a group is named by 1-200 characters"), field="group")
    target = None
    if key is not None:
        key = key.strip()
        target = session.scalar(select(TranslationGroup).where(TranslationGroup.project_id == doc.project_id,
                                                                TranslationGroup.key == key))
        if target is None:
            target = TranslationGroup(project_id=doc.project_id, key=key)
            session.add(target)
            session.flush()
        clash = [d for d in target.documents if d.lang == doc.lang and d.id != doc.id]
        if clash:
            raise Invalid(N_("group '{key}' already has a '{lang}' version (document {id})"), field="group",
                          params={"key": key, "lang": doc.lang, "id": clash[0].id})
    before = doc.group.key if doc.group else None
    session.execute(delete(Alignment).where((Alignment.doc_a_id == doc.id) | (Alignment.doc_b_id == doc.id)))
    doc.group = target
    session.flush()
    if target is not None:
        session.refresh(target, ["documents"])
        align_group(session, target)
    history.record(session, doc.project_id, user, "document", doc.id, "group", {"group": before}, {"group": key},
                   doc.id)
    return target
