"""Documents: validate incoming fields, store them (NFC text, de-duplicated), group translations."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import orjson
from sqlalchemy import func, select

from ..align import split_sentences
from ..errors import N_, Invalid, NotFound
from ..ids import as_id
from ..langs import BadLanguage, normalize_lang
from ..models import Document, Project, TranslationGroup, User, utcnow
from ..text import content_hash, normalize
from . import alignment
from .bulk import BulkWriter

MAX_TITLE = 500
MAX_GROUP_KEY = 200  # translation_groups.key
BATCH = 500  # documents per insert (and per progress step)
IN_CHUNK = 5000  # values per IN (...) query: SQLite allows 32,766 parameters


@dataclass
class DocumentInput:
    """One document as it arrives, already validated and normalised."""

    text: str
    lang: str
    title: str = ""
    group: str | None = None
    source_url: str | None = None
    published: date | None = None
    meta: dict = field(default_factory=dict)
    where: str = ""
    ref: str | None = None  # the document's id in the imported file, e.g. "d-42"
    sentences: list | None = None
    spans: list["SpanInput"] = field(default_factory=list)
    relations: list["RelationInput"] = field(default_factory=list)
    alignment: dict = field(default_factory=dict)  # {lang: {"doc": ref, "pairs": [...], "status": [...]}}
    span_links: list[tuple[str, str]] = field(default_factory=list)  # (span ref, target span ref)
    review: dict | None = None  # {"state", "by", "at"} as the native export writes it
    doc_labels: dict = field(default_factory=dict)  # gold document labels: {field: value}
    doc_labels_by: list = field(default_factory=list)  # [(annotator, values, status)]
    foreign: bool = False  # another tool's file: its controls the schema has no field for are left out, not refused


@dataclass(slots=True)  # an import makes hundreds of thousands: slots make them smaller and quicker to build
class SpanInput:
    start: int
    end: int
    label: str
    attrs: dict = field(default_factory=dict)
    annotator: str | None = None
    status: str = "pending"
    ref: str | None = None
    actor: str | None = None
    where: str = ""


@dataclass(slots=True)
class RelationInput:
    head: str
    tail: str
    type: str
    where: str = ""
    annotator: str | None = None  # None: the head span's annotator
    status: str = "pending"


@dataclass
class AddResult:
    """What add_documents did. `created` holds the new documents, loaded from the session when first looked at
    (a big import never needs them as objects); `ids`, `items`, `group_ids` and `sentences` what was stored, in
    input order."""

    created: Sequence[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # another tool's control -> values left out
    ids: list[int] = field(default_factory=list)
    items: list[DocumentInput] = field(default_factory=list)
    group_ids: list[int | None] = field(default_factory=list)
    sentences: list[list] = field(default_factory=list)

    @property
    def span_count(self) -> int:
        return sum(len(item.spans) for item in self.items)


class LoadedDocuments(Sequence):
    """Documents by id, loaded in a few queries the first time one of them is wanted (loading the 20,000
    documents of a big import as objects would add a tenth to its time, and most callers only count them)."""

    def __init__(self, session, ids: list[int]):
        self._session, self._ids, self._docs = session, ids, None

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, k):
        if self._docs is None:
            found = {}
            for n in range(0, len(self._ids), IN_CHUNK):
                chunk = self._ids[n:n + IN_CHUNK]
                found.update((d.id, d) for d in self._session.scalars(select(Document).where(Document.id.in_(chunk))))
            self._docs = [found[i] for i in self._ids]
        return self._docs[k]

    def __repr__(self) -> str:
        return f"LoadedDocuments({self._ids!r})"


def _bad(where: str, name: str, message: str, **params) -> Invalid:
    """`message` (marked with N_; {at}: where, {name}: the field, others from `params`) about field `name`."""
    return Invalid(message, field=name, where=where or None,
                   params={"at": f"{where}: " if where else "", "name": name, **params})


def parse_fields(data, where: str = "", default_lang: str | None = None) -> DocumentInput:
    """Validate a mapping of document fields (from JSON, a form or a file) into a DocumentInput."""
    if not isinstance(data, dict):
        raise Invalid(N_("{at}expected a JSON object with 'text' and 'lang'"), where=where or None,
                      params={"at": f"{where}: " if where else ""})
    text = data.get("text")
    if not isinstance(text, str):
        raise _bad(where, "text", N_("{at}field '{name}': is required and must be a string"))
    text = normalize(text)
    if not text.strip():
        raise _bad(where, "text", N_("{at}field '{name}': is empty"))
    if "\x00" in text:
        raise _bad(where, "text", N_("{at}field '{name}': holds the NUL character (U+0000), which no database "
                                                 "here can keep as text"))
    lang = data.get("lang") or default_lang
    try:
        lang = _lang_tag(lang) if type(lang) is str else normalize_lang(lang)
    except BadLanguage as exc:
        raise _bad(where, "lang", N_("{at}field '{name}': {problem}"), problem=str(exc)) from None
    title = data.get("title") or ""
    if not isinstance(title, str):
        raise _bad(where, "title", N_("{at}field '{name}': must be a string"))
    title = normalize(title).strip()
    if len(title) > MAX_TITLE or "\x00" in title:
        raise _bad(where, "title", N_("{at}field '{name}': must be text of at most {max} characters"), max=MAX_TITLE)
    group = data.get("group")
    if group is not None and not isinstance(group, str | int):
        raise _bad(where, "group", N_("{at}field '{name}': must be a string or a number"))
    if group is not None and (len(str(group)) > MAX_GROUP_KEY or "\x00" in str(group)):
        raise _bad(where, "group", N_("{at}field '{name}': must be a key of at most {max} characters"),
                   max=MAX_GROUP_KEY)
    source_url = data.get("source_url", data.get("url"))
    if source_url and (not isinstance(source_url, str) or len(source_url) > 2000 or "\x00" in source_url
                       or not source_url.lower().startswith(("http://", "https://"))):
        raise _bad(where, "source_url", N_("{at}field '{name}': must be an http(s) URL of at most 2000 characters"))
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise _bad(where, "meta", N_("{at}field '{name}': must be a JSON object"))
    try:  # as the native export writes it, one level down in the document's line (orjson stops at 254 levels)
        orjson.dumps({"meta": meta}, option=orjson.OPT_NON_STR_KEYS)
    except (TypeError, RecursionError):
        raise _bad(where, "meta", N_("{at}field '{name}': must be plain JSON, with integers of 64 bits at most "
                                     "and nested less than 255 deep")) from None
    return DocumentInput(text=text, lang=lang, title=title, group=str(group) if group is not None else None,
                         source_url=source_url or None, published=_parse_date(data.get("published"), where),
                         meta=meta, where=where)


@lru_cache(maxsize=1024)
def _lang_tag(value: str) -> str:
    """normalize_lang, remembered: an import names the same few languages thousands of times, and langcodes
    takes ~4 µs to standardise and check a tag. Refused tags raise, so they are not remembered."""
    return normalize_lang(value)


def _parse_date(value, where):
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _bad(where, "published", N_("{at}field '{name}': must be a date written YYYY-MM-DD"))
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise _bad(where, "published", N_("{at}field '{name}': '{value}' is not a date written YYYY-MM-DD"),
                   value=value) from None


def add_documents(session, project: Project, inputs: Iterable[DocumentInput], user: User | None = None,
                  progress: Callable[[int], None] | None = None, align: bool = True) -> AddResult:
    """Store new documents; texts already in the project are skipped and reported, never stored twice.

    Raises Invalid before anything is written if two versions of one group share a language. Documents go in
    with a few multi-row inserts, their sentences in the same row.
    """
    inputs = list(inputs)
    digests = [content_hash(i.text) for i in inputs]
    known = _known_hashes(session, project, set(digests))
    groups = _groups_for(session, project, {i.group for i in inputs if i.group})
    _check_group_languages(session, groups, inputs, digests)
    result = AddResult()
    rows = []
    writer = BulkWriter(session)
    table = Document.__table__
    meta, published, created_at = (writer.converter(table.c[name]) for name in ("meta", "published", "created_at"))
    sentences_json = writer.converter(table.c.sentences)
    now, creator = created_at(utcnow()), user.id if user else None
    for item, digest in zip(inputs, digests, strict=True):
        if digest in known:
            result.skipped.append((item.where or item.title, "the same text is already in this project"))
            continue
        known.add(digest)
        group_id = groups[item.group].id if item.group else None
        sentences = item.sentences
        if sentences is None:
            sentences = [[start, end] for start, end in split_sentences(item.text, item.lang)]
        rows.append((project.id, group_id, item.lang, item.title, item.text, digest, item.source_url,
                     published(item.published), meta(item.meta), sentences_json(sentences), now, creator))
        result.items.append(item)
        result.group_ids.append(group_id)
        result.sentences.append(sentences)
    for n in range(0, len(rows), BATCH):
        result.ids += writer.insert_with_ids(table, DOCUMENT_COLUMNS, rows[n:n + BATCH])
        if progress:
            progress(len(rows[n:n + BATCH]))
    if progress and len(inputs) > len(rows):
        progress(len(inputs) - len(rows))
    result.created = LoadedDocuments(session, result.ids)
    if align:
        _align_groups(session, project, {gid for gid in result.group_ids if gid is not None}, groups)
    return result


DOCUMENT_COLUMNS = ("project_id", "group_id", "lang", "title", "text", "content_hash", "source_url", "published",
                    "meta", "sentences", "created_at", "created_by_id")


def _known_hashes(session, project, hashes: set[str]) -> set[str]:
    known, wanted = set(), sorted(hashes)
    for n in range(0, len(wanted), IN_CHUNK):
        known.update(session.scalars(select(Document.content_hash).where(
            Document.project_id == project.id, Document.content_hash.in_(wanted[n:n + IN_CHUNK]))))
    return known


def _align_groups(session, project, group_ids: set[int], groups: dict[str, TranslationGroup]) -> None:
    """Groups that new documents joined get (re)aligned, all with the project's lexicons looked up once (new
    automatic beads do not change them)."""
    if not group_ids:
        return
    lexicons = alignment.project_lexicons(session, project.id)
    for group in groups.values():
        if group.id in group_ids:
            session.refresh(group, ["documents"])
            alignment.align_group(session, group, lexicons=lexicons)


def _groups_for(session, project, keys: set[str]) -> dict[str, TranslationGroup]:
    """Existing groups by key (or numeric id), creating the missing ones."""
    found = {g.key: g for g in session.scalars(select(TranslationGroup).where(
        TranslationGroup.project_id == project.id, TranslationGroup.key.in_(keys)))} if keys else {}
    for key in keys - found.keys():
        group = None
        if as_id(key) is not None:
            group = session.get(TranslationGroup, as_id(key))
            group = group if group is not None and group.project_id == project.id else None
        if group is None:
            group = TranslationGroup(project_id=project.id, key=key)
            session.add(group)
        found[key] = group
    session.flush()
    return found


def _check_group_languages(session, groups, inputs, digests) -> None:
    taken = {}
    ids = [g.id for g in groups.values()]
    if ids:
        for gid, lang, text_hash in session.execute(select(Document.group_id, Document.lang, Document.content_hash)
                                                    .where(Document.group_id.in_(ids))):
            taken[(gid, lang)] = text_hash
    for item, digest in zip(inputs, digests, strict=True):
        if not item.group:
            continue
        slot = (groups[item.group].id, item.lang)
        if slot in taken and taken[slot] != digest:
            raise Invalid(N_("{at}group '{group}' already has a '{lang}' version"), field="group",
                          where=item.where or None,
                          params={"at": f"{item.where}: " if item.where else "", "group": item.group,
                                  "lang": item.lang})
        taken[slot] = digest


def _like_escape(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_document(session, doc_id) -> Document:
    doc = session.get(Document, doc_id) if isinstance(doc_id, int) else None
    if doc is None:
        raise NotFound(N_("no document {id}"), field="document", params={"id": doc_id})
    return doc


@dataclass
class DocumentPage:
    documents: list[Document]
    total: int
    page: int
    pages: int


def list_documents(session, project: Project, lang: str | None = None, q: str | None = None,
                   page: int = 1, per_page: int = 50) -> DocumentPage:
    """One page of a project's documents, filtered by language and a title search."""
    where = [Document.project_id == project.id]
    if lang:
        where.append(Document.lang == lang)
    if q:
        # casefold() on both sides: SQLite's own LIKE and lower() only fold ASCII (see db._sqlite_pragmas)
        where.append(func.casefold(Document.title).contains(q.casefold(), autoescape=True)
                     if session.get_bind().dialect.name == "sqlite"
                     else Document.title.ilike(f"%{_like_escape(q)}%", escape="\\"))
    total = session.scalar(select(func.count()).select_from(Document).where(*where))
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    docs = session.scalars(select(Document).where(*where).order_by(Document.id.desc())
                           .offset((page - 1) * per_page).limit(per_page)).all()
    return DocumentPage(list(docs), total, page, pages)
