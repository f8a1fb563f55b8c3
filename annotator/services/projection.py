"""Carrying a span across languages: find its counterpart inside the aligned sentence(s) of another version.

Evidence, strongest first: the linked actor's listed names in the target language, word-level evidence
(align.counterpart), names matched across scripts by their transliterated skeleton, the same number, the same
quotation, the guess of align.counterpart (the one word of the sentence left unmatched), and last the span's
relative position within the aligned sentences.
"""

import re
from dataclasses import dataclass

import orjson
from sqlalchemy import insert, or_, select

from ..align.anchors import name_skeleton, normalize_number
from ..align.counterpart import Leftover, counterpart
from ..align.segment import base_lang
from ..errors import N_, Conflict, DomainError, Invalid
from ..models import Alignment, Document, Span, SpanLink, User
from . import alignment, history
from .spans import check_offsets, create_spans, states_claims

_WORD = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f,.]\d+)*")
_QUOTED = re.compile(r"«[^»]*»|„[^“”]*[“”]|“[^”]*”|\"[^\"]*\"")


@dataclass
class Suggestion:
    doc: int
    lang: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    reason: str = ""
    score: float = 0.0
    error: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def _beads_between(session, source: Document, target: Document) -> list[tuple[list[int], list[int]]]:
    a, b = sorted((source.id, target.id))
    row = session.scalar(select(Alignment).where(Alignment.doc_a_id == a, Alignment.doc_b_id == b))
    if row is None:
        raise Invalid(N_("versions {source} and {target} are not aligned yet; align the group first"),
                      field="doc", params={"source": source.lang, "target": target.lang})
    return [(x[0], x[1]) if source.id == a else (x[1], x[0]) for x in row.beads]


def target_region(span: Span, source: Document, target: Document, beads) -> tuple[int, int] | None:
    """The [start, end) of the target sentences aligned (`beads`, source side first) with the sentences the span
    touches."""
    sentences = alignment.sentences_of(source)
    touched = {i for i, (s, e) in enumerate(sentences) if s < span.end and span.start < e}
    targets = sorted({j for src, tgt in beads if touched & set(src) for j in tgt})
    if not targets:
        return None
    target_sentences = alignment.sentences_of(target)
    return target_sentences[targets[0]][0], target_sentences[targets[-1]][1]


class Projector:
    """Suggestions from one version of an article into another. The pair's alignment and the project's lexicons
    are read once, however many spans are carried ("Project all" on a long article)."""

    def __init__(self, session, source: Document, target: Document):
        self.source, self.target = source, target
        try:
            self.beads, self.error = _beads_between(session, source, target), None
        except Invalid as exc:
            self.beads, self.error = [], exc.message
        self.lexicons = alignment.project_lexicons(session, source.project_id)

    def suggest(self, span: Span, actor_names: list[str] = ()) -> Suggestion:
        source, target = self.source, self.target
        base = Suggestion(doc=target.id, lang=target.lang)
        if self.error:
            base.error = self.error
            return base
        region = target_region(span, source, target, self.beads)
        if region is None:
            base.error = "the span's sentence has no counterpart in this version"
            return base
        text = source.text[span.start:span.end]
        lo, hi = region
        window = target.text[lo:hi]
        words, guess = _by_words(target.lang, self.lexicons)
        finders = (_by_listed_names(actor_names), words, _by_name_skeleton, _by_number, _by_quote, guess,
                   _by_position)
        for finder in finders:
            found = finder(text, window, span, source, region)
            if found:
                start, end, reason, score = _widen(found, text, window, span, source, region)
                return Suggestion(doc=target.id, lang=target.lang, start=lo + start, end=lo + end,
                                  text=window[start:end], reason=reason, score=score)
        base.error = "no counterpart found"
        return base


def _widen(found, text, window, span, source, region):
    """A name found inside a longer span ("Russia's defence ministry" -> "Росії") grows to the words the span's
    relative position covers, when that place touches the name ("Міністерство оборони Росії")."""
    start, end, reason, score = found
    wanted_words = len(_WORD.findall(text))
    if reason != "name across scripts" or wanted_words - len(_WORD.findall(window[start:end])) < 2:
        return found
    guess = _by_position(text, window, span, source, region)
    if guess is None or guess[1] < start - 1 or guess[0] > end + 1:
        return found
    return min(start, guess[0]), max(end, guess[1]), "name across scripts, widened by position", 0.6


def _by_listed_names(names):
    def find(_text, window, *_):
        folded = window.casefold()
        for name in sorted(names, key=len, reverse=True):
            at = folded.find(name.casefold())
            if at >= 0:
                return at, at + len(name), "actor name", 0.95
        return None

    return find


def _by_words(target_lang, lexicons=None):
    """Word-level evidence (numbers, names, cognates, the lexicon: the project's, see
    alignment.project_lexicons, or the shipped one) within the span's sentences; and, as a second finder to try
    after the stronger ones, its guess where there is none: the one noun of the aligned sentence that no word of
    the span's sentence accounts for."""
    guesses = []

    def find(_text, window, span, source, _region):
        lo, hi = _sentences_around(span, source)
        found = counterpart(source.text[lo:hi], max(span.start - lo, 0), min(span.end, hi) - lo, window,
                            base_lang(source.lang), base_lang(target_lang), lexicons,
                            clause=states_claims(source.project, span.label), guess=True)  # a claim takes its verbs
        if isinstance(found, Leftover):
            guesses.append(found)
            return None
        return (*found, "words across languages", 0.85) if found else None

    def guess(*_):
        return (*guesses[0], "the one word left unmatched", 0.5) if guesses else None

    return find, guess


def _sentences_around(span: Span, source: Document) -> tuple[int, int]:
    """Where the sentences the span touches begin and end."""
    touched = [(s, e) for s, e in alignment.sentences_of(source) if s < span.end and span.start < e]
    return touched[0][0], touched[-1][1]


def _by_name_skeleton(text, window, *_):
    names = [m for m in _WORD.findall(text) if m[:1].isupper()]
    if not names:
        return None
    wanted = {name_skeleton(n) for n in names} - {""}
    hits = [m for m in _WORD.finditer(window) if m.group()[:1].isupper() and name_skeleton(m.group()) in wanted]
    if not hits:
        return None
    run = [hits[0]]
    for m in hits[1:]:
        if m.start() - run[-1].end() <= 2:
            run.append(m)
        else:
            break
    return run[0].start(), run[-1].end(), "name across scripts", 0.8


def _by_number(text, window, *_):
    numbers = [normalize_number(n) for n in _NUMBER.findall(text)]
    if not numbers:
        return None
    for m in _NUMBER.finditer(window):
        if normalize_number(m.group()) in numbers:
            return _expand(window, m.start(), m.end(), len(text)) + ("number", 0.7)
    return None


def _by_quote(text, window, *_):
    if not _QUOTED.search(text) and text[:1] not in "«“„\"":
        return None
    m = _QUOTED.search(window)
    return (m.start(), m.end(), "quotation", 0.6) if m else None


def _by_position(text, window, span, source, region):
    """Map the span's relative place in its sentences onto the target window, snapped to words."""
    src_lo, src_hi = _sentences_around(span, source)
    width = max(1, src_hi - src_lo)
    start = int((span.start - src_lo) / width * len(window))
    end = max(start + 1, int((span.end - src_lo) / width * len(window)))
    start, end = _snap(window, start, min(end, len(window)))
    return (start, end, "relative position", 0.3) if end > start else None


def _snap(window: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and window[start - 1].isalnum():
        start -= 1
    while end < len(window) and window[end].isalnum():
        end += 1
    while start < end and window[start].isspace():
        start += 1
    while end > start and window[end - 1].isspace():
        end -= 1
    return start, end


def _expand(window: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Grow a matched number to about the source span's width, on word boundaries."""
    grow = max(0, width - (end - start)) // 2
    return _snap(window, max(0, start - grow), min(len(window), end + grow))


def versions(doc: Document) -> list[Document]:
    return [d for d in (doc.group.documents if doc.group else []) if d.id != doc.id]


def link_spans(session, span: Span, target: Span, user: User) -> None:
    """Link two counterpart spans (both directions) of two versions of one article."""
    if span.document_id == target.document_id:
        raise Invalid(N_("linked spans must be in two different versions"), field="target")
    if span.document.group_id is None or span.document.group_id != target.document.group_id:
        raise Invalid(N_("linked spans must be in versions of the same article"), field="target")
    exists = session.scalar(select(SpanLink.id).where(SpanLink.span_id == span.id, SpanLink.target_id == target.id))
    if exists is not None:
        raise Conflict(N_("these spans are linked already"), field="target")
    session.add_all([SpanLink(span_id=span.id, target_id=target.id, created_by_id=user.id),
                     SpanLink(span_id=target.id, target_id=span.id, created_by_id=user.id)])
    session.flush()
    history.record(session, span.document.project_id, user, "span_link", span.id, "create", None,
                   {"span": span.id, "target": target.id}, span.document_id)


def project_span(session, span: Span, target: Document, user: User, start, end) -> Span:
    """Accept a suggestion: create the counterpart span (same label, attributes, actor) and link it. Where the
    user has that span already (two annotators' spans of one name, projected in one go), it is linked instead."""
    return _project(session, user, [(None, span, target, *_place(span, target, start, end))])[0]


MAX_ACCEPT = 1000


def accept_many(session, user: User, items, get_span, get_document) -> list[tuple[Span, Span]]:
    """Accept many suggestions at once, all or none: [{span, doc, start, end}] -> [(source, created)].

    `get_span` / `get_document` look ids up with the caller's access checks. A bad item is named by its index.
    """
    if not isinstance(items, list) or not items or len(items) > MAX_ACCEPT:
        raise Invalid(N_("'items' must be a list of 1-{most} suggestions"), field="items", params={"most": MAX_ACCEPT})
    places = []
    for k, item in enumerate(items):
        field = f"items[{k}]"
        if not isinstance(item, dict) or any(isinstance(item.get(n), bool) or not isinstance(item.get(n), int)
                                             for n in ("span", "doc", "start", "end")):
            raise Invalid(N_("{field} must be {{span, doc, start, end}} with integer values"), field=field,
                          params={"field": field})
        try:
            span, target = get_span(item["span"]), get_document(item["doc"])
            places.append((field, span, target, *_place(span, target, item["start"], item["end"])))
        except DomainError as exc:
            raise type(exc)(f"{field}: {exc.message}", field=field) from None
    return list(zip((p[1] for p in places), _project(session, user, places), strict=True))


def _place(span: Span, target: Document, start, end) -> tuple[int, int]:
    """The checked offsets of a counterpart of `span` in `target`, another version of its article."""
    if target.group_id is None or target.group_id != span.document.group_id or target.id == span.document_id:
        raise Invalid(N_("the target must be another version of the same article"), field="doc")
    return check_offsets(target, start, end)


def _project(session, user: User, places: list[tuple]) -> list[Span]:
    """The counterpart spans at `places`, [(field or None, source span, target document, start, end)], each
    linked to its source: the user's own span with that label where there is one, else a new one with the
    source's label, attributes and actor. The user's spans and the sources' links are read once, the new spans
    written with one INSERT per kind of span and the links with one more."""
    targets = {target.id for _f, _s, target, _a, _b in places}
    mine = {(s.document_id, s.start, s.end, s.label): s for s in session.scalars(select(Span).where(
        Span.document_id.in_(targets), Span.annotator_id == user.id, Span.deleted_at.is_(None)))}
    missing = {}  # each place and label the user has no span at yet: the first source that wants one there
    for _f, span, target, start, end in places:
        if (target.id, start, end, span.label) not in mine:
            missing.setdefault((target.id, start, end, span.label), (target, start, end, span))
    kinds: dict[tuple, list] = {}  # the spans to make, by what they copy of their source
    for target, start, end, span in missing.values():
        key = (target.project_id, span.label, orjson.dumps(span.attrs, option=orjson.OPT_SORT_KEYS), span.actor_id)
        kinds.setdefault(key, []).append((target, start, end, span))
    for made in kinds.values():
        target, _a, _b, span = made[0]
        for created in create_spans(session, target.project, user, [m[:3] for m in made], span.label, span.attrs,
                                    span.actor_id):
            mine[(created.document_id, created.start, created.end, created.label)] = created
    linked = set(session.execute(select(SpanLink.span_id, SpanLink.target_id).where(
        SpanLink.span_id.in_({span.id for _f, span, *_ in places}))).all())
    out = []
    for field, span, target, start, end in places:
        created = mine[(target.id, start, end, span.label)]
        if (span.id, created.id) in linked:
            conflict = Conflict(N_("these spans are linked already"), field="target")
            raise Conflict(f"{field}: {conflict.message}", field=field) if field else conflict
        linked.add((span.id, created.id))
        out.append((span, created))
    session.execute(insert(SpanLink), [
        link for span, created in out for link in (
            {"span_id": span.id, "target_id": created.id, "created_by_id": user.id},
            {"span_id": created.id, "target_id": span.id, "created_by_id": user.id})])
    for span, created in out:
        history.record(session, span.document.project_id, user, "span_link", span.id, "create", None,
                       {"span": span.id, "target": created.id}, span.document_id)
    return [created for _span, created in out]


def links_of(session, span_ids: list[int]) -> list[tuple[int, int]]:
    if not span_ids:
        return []
    return session.execute(select(SpanLink.span_id, SpanLink.target_id)
                           .where(or_(SpanLink.span_id.in_(span_ids)))).all()
