"""Documents: validate incoming fields, store them (NFC text, de-duplicated), group translations."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from ..errors import Invalid, NotFound
from ..langs import BadLanguage, normalize_lang
from ..models import Document, Project, TranslationGroup, User
from ..text import content_hash, normalize
from . import alignment

MAX_TITLE = 500


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


@dataclass
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


@dataclass
class RelationInput:
    head: str
    tail: str
    type: str
    where: str = ""


@dataclass
class AddResult:
    created: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[tuple[DocumentInput, Document]] = field(default_factory=list)


def _bad(where: str, name: str, message: str) -> Invalid:
    prefix = f"{where}: " if where else ""
    return Invalid(f"{prefix}field '{name}': {message}", field=name, where=where or None)


def parse_fields(data, where: str = "", default_lang: str | None = None) -> DocumentInput:
    """Validate a mapping of document fields (from JSON, a form or a file) into a DocumentInput."""
    if not isinstance(data, dict):
        raise Invalid(f"{where + ': ' if where else ''}expected a JSON object with 'text' and 'lang'",
                      where=where or None)
    text = data.get("text")
    if not isinstance(text, str):
        raise _bad(where, "text", "is required and must be a string")
    text = normalize(text)
    if not text.strip():
        raise _bad(where, "text", "is empty")
    lang = data.get("lang") or default_lang
    try:
        lang = normalize_lang(lang)
    except BadLanguage as exc:
        raise _bad(where, "lang", str(exc)) from None
    title = data.get("title") or ""
    if not isinstance(title, str):
        raise _bad(where, "title", "must be a string")
    title = normalize(title).strip()
    if len(title) > MAX_TITLE:
        raise _bad(where, "title", f"has more than {MAX_TITLE} characters")
    group = data.get("group")
    if group is not None and not isinstance(group, str | int):
        raise _bad(where, "group", "must be a string or a number")
    source_url = data.get("source_url", data.get("url"))
    if source_url and (not isinstance(source_url, str) or len(source_url) > 2000
                       or not source_url.lower().startswith(("http://", "https://"))):
        raise _bad(where, "source_url", "must be an http(s) URL of at most 2000 characters")
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise _bad(where, "meta", "must be a JSON object")
    return DocumentInput(text=text, lang=lang, title=title, group=str(group) if group is not None else None,
                         source_url=source_url or None, published=_parse_date(data.get("published"), where),
                         meta=meta, where=where)


def _parse_date(value, where):
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise _bad(where, "published", "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise _bad(where, "published", f"'{value}' is not a date written YYYY-MM-DD") from None


def add_documents(session, project: Project, inputs: Iterable[DocumentInput], user: User | None = None,
                  progress: Callable[[int], None] | None = None, align: bool = True) -> AddResult:
    """Store new documents; texts already in the project are skipped and reported, never stored twice.

    Raises Invalid before anything is written if two versions of one group share a language.
    """
    inputs = list(inputs)
    hashes = {content_hash(i.text) for i in inputs}
    known = set(session.scalars(select(Document.content_hash).where(
        Document.project_id == project.id, Document.content_hash.in_(hashes)))) if hashes else set()
    groups = _groups_for(session, project, {i.group for i in inputs if i.group})
    _check_group_languages(session, groups, inputs)
    result = AddResult()
    for n, item in enumerate(inputs, 1):
        digest = content_hash(item.text)
        if digest in known:
            result.skipped.append((item.where or item.title, "the same text is already in this project"))
            continue
        known.add(digest)
        doc = Document(project_id=project.id, lang=item.lang, title=item.title, text=item.text,
                       content_hash=digest, source_url=item.source_url, published=item.published,
                       meta=item.meta, group=groups.get(item.group) if item.group else None,
                       sentences=item.sentences, created_by_id=user.id if user else None)
        session.add(doc)
        result.created.append(doc)
        result.pairs.append((item, doc))
        if progress and n % 500 == 0:
            session.flush()
            progress(500)
    session.flush()
    _segment_and_align(session, result.created, align)
    if progress:
        progress(len(inputs) % 500)
    return result


def _segment_and_align(session, docs: list[Document], align: bool) -> None:
    """New documents get their sentences; groups they joined get (re)aligned."""
    for doc in docs:
        alignment.sentences_of(doc)
    if not align:
        return
    groups = {doc.group.id: doc.group for doc in docs if doc.group is not None}
    for group in groups.values():
        session.refresh(group, ["documents"])
        alignment.align_group(session, group)


def _groups_for(session, project, keys: set[str]) -> dict[str, TranslationGroup]:
    """Existing groups by key (or numeric id), creating the missing ones."""
    found = {g.key: g for g in session.scalars(select(TranslationGroup).where(
        TranslationGroup.project_id == project.id, TranslationGroup.key.in_(keys)))} if keys else {}
    for key in keys - found.keys():
        group = None
        if key.isdigit():
            group = session.get(TranslationGroup, int(key))
            group = group if group is not None and group.project_id == project.id else None
        if group is None:
            group = TranslationGroup(project_id=project.id, key=key)
            session.add(group)
        found[key] = group
    session.flush()
    return found


def _check_group_languages(session, groups, inputs) -> None:
    taken = {}
    ids = [g.id for g in groups.values()]
    if ids:
        for gid, lang, text_hash in session.execute(select(Document.group_id, Document.lang, Document.content_hash)
                                                    .where(Document.group_id.in_(ids))):
            taken[(gid, lang)] = text_hash
    for item in inputs:
        if not item.group:
            continue
        slot = (groups[item.group].id, item.lang)
        digest = content_hash(item.text)
        if slot in taken and taken[slot] != digest:
            raise Invalid(f"{item.where + ': ' if item.where else ''}group '{item.group}' already has a "
                          f"'{item.lang}' version", field="group", where=item.where or None)
        taken[slot] = digest


def get_document(session, doc_id) -> Document:
    doc = session.get(Document, doc_id) if isinstance(doc_id, int) else None
    if doc is None:
        raise NotFound(f"no document {doc_id}", field="document")
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
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(Document.title.ilike(f"%{escaped}%", escape="\\"))
    total = session.scalar(select(func.count()).select_from(Document).where(*where))
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    docs = session.scalars(select(Document).where(*where).order_by(Document.id.desc())
                           .offset((page - 1) * per_page).limit(per_page)).all()
    return DocumentPage(list(docs), total, page, pages)
