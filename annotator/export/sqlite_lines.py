r"""On SQLite, the native export's lines put together by the database: the document's fields quoted with
json_quote and joined with its spans and relations (arrays.py, cache.py), all as the UTF-8 bytes that are
written out. Python only adds what few documents have (alignments, span links) and joins the pieces.

json_quote escapes exactly as orjson does (checked on every code point) except NUL, where SQLite's strings end:
a document whose text, title or address holds one is left to the Python path (`head` is NULL), as is one whose
sentences were never stored or whose meta was stored with \u escapes (by json.dumps, before orjson wrote JSON
columns). JSON columns are written through json(), which removes any spacing. The tests compare these lines
with the Python path's on every kind of document (tests/api/test_export_json.py).
"""

from sqlalchemy import LargeBinary, String, Text, bindparam, case, cast, func, literal, or_, select
from sqlalchemy.orm import aliased

from ..models import Document, TranslationGroup

SCHEMA = "annotator.document/v1"


def _quote(value):
    return func.json_quote(value)


def _text(value):
    return cast(value, Text)


def _concat(left, right):
    return left.op("||")(right)


def _compact(column):
    """Stored JSON as it is when it holds no space (as orjson writes it), else through json(), which drops
    spacing (parsing every document's JSON again costs more than the rest of its line)."""
    return case((func.instr(column, " ") > 0, func.json(column)), else_=column)


def _chain(parts: list):
    joined = parts[0]
    for part in parts[1:]:
        joined = _concat(joined, part)
    return joined


def columns(project_json: str, spans, relations, newline: bool) -> list:
    """`python`: whether the Python path has to write the document; `line`: the line, or NULL for those and
    while a span's stored JSON is missing (spans is NULL). An ungrouped document's line is whole (with the
    newline if asked); a grouped one's stops after its relations, for its alignments and span links."""
    group = aliased(TranslationGroup)
    nul = func.char(0)
    # \u escapes in stored JSON: written by json.dumps before JSON columns were written by orjson
    python_path = or_(Document.sentences.is_(None), func.instr(Document.meta, "\\u") > 0,
                      func.instr(Document.text, nul) > 0,
                      func.instr(Document.title, nul) > 0, func.instr(func.coalesce(Document.source_url, ""), nul) > 0)
    ending = ',"alignment":{},"span_links":[]}' + ("\n" if newline else "")
    before_text = [
        literal(f'{{"schema":"{SCHEMA}","id":"d-'), _text(Document.id), literal('","project":'),
        bindparam("project_json", project_json, type_=String), literal(',"group":'),
        case((Document.group_id.is_(None), "null"), else_='"g-' + _text(Document.group_id) + '"'),
        literal(',"group_key":'),
        func.coalesce(select(_quote(group.key)).where(group.id == Document.group_id).scalar_subquery(), "null"),
        literal(',"lang":'), _quote(Document.lang), literal(',"title":'), _quote(Document.title), literal(',"text":'),
    ]
    before_spans = [
        literal(',"source":{"url":'), _quote(Document.source_url), literal(',"published":'),
        _quote(Document.published), literal('},"meta":'), _compact(Document.meta), literal(',"sentences":'),
        _compact(Document.sentences), literal(',"spans":'),
    ]
    after_spans = [literal(',"relations":'), relations, case((Document.group_id.is_(None), ending), else_="")]
    # Each || copies both sides: the big pieces (the text, the spans) go in near the top of the tree, so that
    # they are copied twice or three times, not once for every piece after them.
    joined = _concat(_concat(_chain(before_text), _quote(Document.text)),
                     _concat(_chain(before_spans), _concat(spans, _chain(after_spans))))
    return [python_path.label("python"), case((python_path, None), else_=cast(joined, LargeBinary)).label("line")]
