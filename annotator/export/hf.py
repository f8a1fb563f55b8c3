"""Hugging Face `datasets` JSON lines: one line per document that `load_dataset("json", data_files=...)` reads
as it is, every line with the same fields and types.

{"id", "lang", "group", "title", "text", "tokens", "token_spans", "tags": {column: [BIO per token]},
 "spans": [{"id", "start", "end", "text", "label", "annotator", "actor", "attrs"}], "relations": [...],
 "doc_labels": "{...}"}

Tokens and tag columns are the CoNLL export's (conll.py: one BIO column per label, per annotator in the `all`
layer, nested spans kept); `spans` keeps every span with its code-point offsets. `attrs` is the span's
attributes as a JSON object in a string (their names and types differ between labels, and a dataset column
has one type), `actor` the linked actor's name or "", `group` the translation group or "", `doc_labels` the
document labels as a JSON object in a string ("{}" without any).
"""

from collections import Counter
from collections.abc import Iterator

import orjson

from ..models import Project
from . import conll
from . import query as q
from .losses import doc_label_extras
from .native import documents


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    columns = conll.Columns(project, req, conll.layers(session, project, req))
    for doc in documents(session, project, req):
        if only is None or conll.number(doc["id"]) in only:
            doc_label_extras(losses, doc)
            yield orjson.dumps(record(doc, columns, losses)) + b"\n"


def record(doc: dict, columns: conll.Columns, losses: Counter | None = None) -> dict:
    toks, tags = conll.tagged(doc, columns, losses)
    text = doc["text"]
    return {"id": doc["id"], "lang": doc["lang"], "group": doc["group"] or "", "title": doc["title"] or "",
            "text": text, "tokens": [text[a:b] for a, b in toks], "token_spans": [list(t) for t in toks],
            "tags": tags,
            "spans": [{"id": s["id"], "start": s["start"], "end": s["end"], "text": s["text"], "label": s["label"],
                       "annotator": s.get("annotator") or "", "actor": (s.get("actor") or {}).get("name") or "",
                       "attrs": orjson.dumps(s.get("attrs") or {}).decode()} for s in doc["spans"]],
            "relations": [{"id": r["id"], "type": r["type"], "head": r["head"], "tail": r["tail"]}
                          for r in doc["relations"]],
            "doc_labels": orjson.dumps(doc.get("doc_labels") or {}).decode()}
