"""doccano JSONL: sequence labeling ({"text", "label": [[start, end, LABEL]]}) and its relation variant
({"text", "entities", "relations"}). Offsets are code points, as in doccano (a Python application)."""

from collections import Counter
from collections.abc import Iterator

import orjson

from ..models import Project
from . import query as q
from .losses import span_extras
from .native import documents


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    """One line per document: {"id", "lang", "text", "label": [[start, end, LABEL], ...], "attrs": [{...}, ...]}
    with each span's attributes in "attrs", in the order of "label" (doccano keeps extra fields as metadata).
    Relations and actor links have no place here: they are counted as lost."""
    for doc in documents(session, project, req):
        if only is not None and number(doc["id"]) not in only:
            continue
        if losses is not None:
            losses["relations"] += len(doc["relations"])
        span_extras(losses, doc["spans"])
        yield orjson.dumps({"id": doc["id"], "lang": doc["lang"], "text": doc["text"],
                            "label": [[s["start"], s["end"], s["label"]] for s in doc["spans"]],
                            "attrs": [s["attrs"] or {} for s in doc["spans"]]}) + b"\n"


def write_relations(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
                    only: set[int] | None = None) -> Iterator[bytes]:
    """One line per document with doccano's entities and relations. doccano's importer wants integer entity
    and relation ids: they are our span and relation ids without the s-/r- prefix. Each entity carries its
    span's attributes in "attrs"."""
    for doc in documents(session, project, req):
        if only is not None and number(doc["id"]) not in only:
            continue
        span_extras(losses, doc["spans"])
        yield orjson.dumps({
            "id": doc["id"], "lang": doc["lang"], "text": doc["text"],
            "entities": [{"id": number(s["id"]), "label": s["label"], "start_offset": s["start"],
                          "end_offset": s["end"], "attrs": s["attrs"] or {}} for s in doc["spans"]],
            "relations": [{"id": number(r["id"]), "from_id": number(r["head"]), "to_id": number(r["tail"]),
                           "type": r["type"]} for r in doc["relations"]],
        }) + b"\n"


def number(ref: str) -> int:
    """'s-12' -> 12."""
    return int(ref.partition("-")[2])
