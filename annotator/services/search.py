"""Find a word or phrase across a project's documents, inflected forms included, and mark chosen occurrences.

A query is a few words. For each language its words become their forms (services/morph.py: Київ -> києва,
києві …), and a phrase matches word by word, the words separated by spaces or a hyphen, perhaps with one line
break. A match starts and ends at word boundaries (an apostrophe inside a Ukrainian word keeps it one word).
Texts are searched in lower case with one compiled pattern per language; offsets are code points.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from ..errors import N_, DomainError, Invalid, NotFound
from ..models import Document, Project, Span, User
from ..text import normalize
from . import progress
from . import spans as span_service
from .morph import MORPH_LANGS, inflections

MAX_QUERY = 200  # characters
MAX_WORDS = 10
CONTEXT = 60  # characters of context on each side of a match
PARTIAL_START, PARTIAL_END = re.compile(r"^\S+(?=\s)"), re.compile(r"(?<=\s)\S+$")  # a word cut by CONTEXT
MAX_MARK = 5000  # occurrences marked in one request (as many ids as a request may name)

_QUERY_WORD = re.compile(r"\w+(?:['’ʼ-]\w+)*")
_APOSTROPHE = "['’ʼ]"
_YO = {ord("е"): "[её]", ord("ё"): "[её]"}  # Russian е and ё are one letter to a reader
_MARK = r"\u0300-\u036f"  # combining marks (a stress accent) belong to the word they follow
# between the words of a phrase: spaces (or a hyphen), at most one line break: never across a paragraph
_SEP = r"(?:[^\S\n]*[\n\-‐‑][^\S\n]*|[^\S\n]+)"


@dataclass
class Pattern:
    """One language's compiled query: `lower` runs on the lower-cased text, `any_case` on the text itself
    (for the rare text whose lower case has another length, such as one with "İ")."""

    lang: str
    words: list[list[str]]
    lower: re.Pattern
    any_case: re.Pattern
    apostrophe_joins: bool  # Ukrainian and Russian: м'ясо is one word; English: Kremlin's is Kremlin + 's

    def finditer(self, text: str):
        low = text.lower()
        rx, haystack = (self.lower, low) if len(low) == len(text) else (self.any_case, text)
        pos = 0
        while (m := rx.search(haystack, pos)) is not None:
            if self._starts_word(text, m.start()):
                yield m.start(), m.end()
                pos = m.end()
            else:
                pos = m.start() + 1

    def _starts_word(self, text: str, i: int) -> bool:
        """The leading boundary, checked here: a lookbehind before the pattern would stop re from skipping
        quickly to the places where one of the first letters occurs (four times slower)."""
        if i == 0:
            return True
        before = text[i - 1]
        if before.isalnum() or before == "_" or "\u0300" <= before <= "\u036f":
            return False
        return not (self.apostrophe_joins and before in "'’ʼ" and i >= 2 and text[i - 2].isalnum())


def query_words(q: str) -> list[str]:
    """The query's words; a 400 naming `q` when there is none or too many."""
    if not isinstance(q, str) or not q.strip():
        raise Invalid(N_("'q' must name a word or phrase to find"), field="q")
    if len(q) > MAX_QUERY:
        raise Invalid(N_("'q' must be at most {n} characters"), field="q", params={"n": MAX_QUERY})
    words = _QUERY_WORD.findall(normalize(q))
    if not words:
        raise Invalid(N_("'q' must name a word or phrase to find"), field="q")
    if len(words) > MAX_WORDS:
        raise Invalid(N_("'q' must be at most {n} words"), field="q", params={"n": MAX_WORDS})
    return words


def _word_forms(word: str, lang: str, forms: bool) -> list[str]:
    if forms and not any(c.isdigit() or c in "_-" for c in word):
        found = inflections(word, lang)
    else:
        found = {word.lower().replace("’", "'").replace("ʼ", "'")}
    return sorted(found, key=lambda f: (-len(f), f))  # longest first: the alternation takes the first that fits


def _regex(form: str, lang: str) -> str:
    out = re.escape(form).replace("'", _APOSTROPHE)
    if lang == "ru":
        out = out.translate(_YO)
    return out


def compile_pattern(words: list[str], lang: str, forms: bool = True) -> Pattern:
    base = lang.split("-")[0].lower()
    per_word = [_word_forms(w, base, forms) for w in words]
    if base == "ru":  # the pattern takes е or ё: each form once
        per_word = [list(dict.fromkeys(f.replace("ё", "е") for f in found)) for found in per_word]
    joins = base in MORPH_LANGS
    body = _SEP.join("(?:" + "|".join(_regex(f, base) for f in found) + ")" for found in per_word)
    tail = rf"(?![\w{_MARK}])" + (rf"(?!{_APOSTROPHE}\w)" if joins else "")
    return Pattern(base, per_word, re.compile(body + tail), re.compile(body + tail, re.IGNORECASE), joins)


@dataclass
class SearchResult:
    query: str
    words: list[str]
    forms: dict[str, list[list[str]]]
    total: int = 0
    documents_total: int = 0
    page: int = 1
    per_page: int = 200
    documents: list[dict] = field(default_factory=list)
    hits: list[dict] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict:
        return {"query": self.query, "words": self.words, "forms": self.forms, "total": self.total,
                "documents_total": self.documents_total, "page": self.page, "pages": self.pages,
                "per_page": self.per_page, "documents": self.documents, "hits": self.hits}


def search(session, project: Project, user: User, q: str, lang: str | None = None, forms: bool = True,
           page: int = 1, per_page: int = 200) -> SearchResult:
    """Every occurrence of `q` in the project's documents (of language `lang`), counted, and one page of them
    with their context, in document order. Each hit says which labels the user's own live spans covering it
    carry (`marked`): the user's own layer only, whatever else they may see."""
    words = query_words(q)
    result = SearchResult(q, words, {}, page=page, per_page=per_page)
    first, last = (page - 1) * per_page, page * per_page
    patterns: dict[str, Pattern] = {}
    shown: dict[int, dict] = {}
    query = select(Document.id, Document.title, Document.lang, Document.text).where(
        Document.project_id == project.id)
    if lang:
        query = query.where(Document.lang == lang)
    for doc_id, title, doc_lang, text in session.execute(query.order_by(Document.id).execution_options(
            yield_per=500)):
        pattern = patterns.get(doc_lang) or patterns.setdefault(doc_lang, compile_pattern(words, doc_lang, forms))
        found, on_page = 0, len(result.hits)
        for start, end in pattern.finditer(text):
            if first <= result.total < last:
                result.hits.append(_hit(doc_id, text, start, end))
            result.total += 1
            found += 1
        if found:
            result.documents_total += 1
            if len(result.hits) > on_page:
                shown[doc_id] = {"id": doc_id, "title": title, "lang": doc_lang, "count": found}
    result.forms = {p.lang: p.words for p in patterns.values()}
    result.documents = list(shown.values())
    _mark_covered(session, user, result.hits)
    return result


def _hit(doc_id: int, text: str, start: int, end: int) -> dict:
    """A match with up to CONTEXT characters on each side, cut where a word begins or ends, not inside one."""
    left, right = text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
    if start > CONTEXT and not text[start - CONTEXT - 1].isspace():
        left = PARTIAL_START.sub("", left, count=1)
    if end + CONTEXT < len(text) and not text[end + CONTEXT].isspace():
        right = PARTIAL_END.sub("", right, count=1)
    return {"document": doc_id, "start": start, "end": end, "text": text[start:end],
            "left": left, "right": right, "marked": []}


def _mark_covered(session, user: User, hits: list[dict]) -> None:
    """Fill each hit's `marked` with the labels of the user's live spans that cover it, in one query."""
    if not hits:
        return
    own = defaultdict(list)
    for doc_id, start, end, label in session.execute(
            select(Span.document_id, Span.start, Span.end, Span.label).where(
                Span.document_id.in_({h["document"] for h in hits}), Span.annotator_id == user.id,
                Span.deleted_at.is_(None))):
        own[doc_id].append((start, end, label))
    for hit in hits:
        labels = {label for start, end, label in own[hit["document"]] if start <= hit["start"] and hit["end"] <= end}
        hit["marked"] = sorted(labels)


@dataclass
class Occurrence:
    document: int
    start: int
    end: int


def mark(session, project: Project, user: User, occurrences: list[Occurrence], label: str,
         actor: int | None = None, attrs: dict | None = None) -> dict:
    """Mark the occurrences as the user's own spans with one label (and actor), all or none; those the user
    has marked with that label at those offsets already are skipped. {"created": [spans], "skipped": n}."""
    if not occurrences or len(occurrences) > MAX_MARK:
        raise Invalid(N_("'occurrences' must list 1 to {n} occurrences"), field="occurrences", params={"n": MAX_MARK})
    span_service.label_def(project, label)
    docs = {d.id: d for d in session.scalars(select(Document).where(
        Document.project_id == project.id, Document.id.in_({o.document for o in occurrences})))}
    wanted = []
    for k, item in enumerate(occurrences):
        doc = docs.get(item.document)
        if doc is None:
            raise NotFound(N_("'occurrences[{k}].document': no document {id} in this project"),
                           field=f"occurrences[{k}].document", params={"k": k, "id": item.document})
        try:
            span_service.check_offsets(doc, item.start, item.end)
        except DomainError as exc:
            raise Invalid(N_("'occurrences[{k}]': {problem}"), field=f"occurrences[{k}].{exc.field}",
                          params={**exc.params, "problem": exc.message, "k": k}) from None
        wanted.append((doc, item.start, item.end))
    taken = set(session.execute(select(Span.document_id, Span.start, Span.end).where(
        Span.document_id.in_(docs), Span.annotator_id == user.id, Span.label == label, Span.deleted_at.is_(None))))
    fresh = []
    for doc, start, end in wanted:
        if (doc.id, start, end) not in taken:
            taken.add((doc.id, start, end))
            fresh.append((doc, start, end))
    created = span_service.create_spans(session, project, user, fresh, label, attrs, actor)
    progress.touch_many(session, sorted({doc.id for doc, _, _ in fresh}), user)
    return {"created": created, "skipped": len(wanted) - len(fresh)}
