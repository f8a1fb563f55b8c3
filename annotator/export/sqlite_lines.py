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


def head(project_json: str):
    """`{"schema": …` up to the sentences, or NULL where the Python path has to write the document."""
    group = aliased(TranslationGroup)
    nul = func.char(0)
    # \u escapes in stored JSON: written by json.dumps before JSON columns were written by orjson
    python_path = or_(Document.sentences.is_(None), func.instr(Document.meta, "\\u") > 0,
                      func.instr(Document.text, nul) > 0,
                      func.instr(Document.title, nul) > 0, func.instr(func.coalesce(Document.source_url, ""), nul) > 0)
    parts = [
        literal(f'{{"schema":"{SCHEMA}","id":"d-'), _text(Document.id), literal('","project":'),
        bindparam("project_json", project_json, type_=String), literal(',"group":'),
        case((Document.group_id.is_(None), "null"), else_='"g-' + _text(Document.group_id) + '"'),
        literal(',"group_key":'),
        func.coalesce(select(_quote(group.key)).where(group.id == Document.group_id).scalar_subquery(), "null"),
        literal(',"lang":'), _quote(Document.lang), literal(',"title":'), _quote(Document.title),
        literal(',"text":'), _quote(Document.text), literal(',"source":{"url":'), _quote(Document.source_url),
        literal(',"published":'), _quote(Document.published), literal('},"meta":'), func.json(Document.meta),
        literal(',"sentences":'), func.json(Document.sentences),
    ]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return case((python_path, None), else_=cast(joined, LargeBinary)).label("head")
