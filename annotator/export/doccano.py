"""doccano JSONL: sequence labeling ({"text", "label": [[start, end, LABEL]]}) and its relation variant
({"text", "entities", "relations"}). Offsets are code points, as in doccano (a Python application)."""

from collections import Counter
from collections.abc import Iterator

import orjson

from ..models import Project
from . import query as q
from .losses import category_names, doc_label_extras, span_extras, text_fields
from .native import documents


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    """One line per document: {"id", "lang", "text", "label": [[start, end, LABEL], ...], "attrs": [{...}, ...]}
    with each span's attributes in "attrs", in the order of "label" (doccano keeps extra fields as metadata).
    Relations and actor links have no place here: they are counted as lost. Document labels are doccano's
    "cats" (see with_cats)."""
    free_text = text_fields(project)
    for doc in documents(session, project, req):
        if only is not None and number(doc["id"]) not in only:
            continue
        if losses is not None:
            losses["relations"] += len(doc["relations"])
        span_extras(losses, doc["spans"])
        doc_label_extras(losses, doc)
        yield orjson.dumps(with_cats({"id": doc["id"], "lang": doc["lang"], "text": doc["text"],
                                      "label": [[s["start"], s["end"], s["label"]] for s in doc["spans"]],
                                      "attrs": [s["attrs"] or {} for s in doc["spans"]]}, doc, free_text)) + b"\n"


def with_cats(line: dict, doc: dict, free_text: set[str]) -> dict:
    """A document with document labels also gets doccano's text-classification categories ("cats":
    ["stance:support", ...], as its intent-and-slot projects read them) and the values as they are
    ("doc_labels", kept by doccano as metadata, free text included)."""
    if doc.get("doc_labels"):
        line["cats"] = category_names(doc["doc_labels"], free_text)
        line["doc_labels"] = doc["doc_labels"]
    return line


def write_relations(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
                    only: set[int] | None = None) -> Iterator[bytes]:
    """One line per document with doccano's entities and relations. doccano's importer wants integer entity
    and relation ids: they are our span and relation ids without the s-/r- prefix. Each entity carries its
    span's attributes in "attrs"."""
    free_text = text_fields(project)
    for doc in documents(session, project, req):
        if only is not None and number(doc["id"]) not in only:
            continue
        span_extras(losses, doc["spans"])
        doc_label_extras(losses, doc)
        yield orjson.dumps(with_cats({
            "id": doc["id"], "lang": doc["lang"], "text": doc["text"],
            "entities": [{"id": number(s["id"]), "label": s["label"], "start_offset": s["start"],
                          "end_offset": s["end"], "attrs": s["attrs"] or {}} for s in doc["spans"]],
            "relations": [{"id": number(r["id"]), "from_id": number(r["head"]), "to_id": number(r["tail"]),
                           "type": r["type"]} for r in doc["relations"]],
        }, doc, free_text)) + b"\n"


def number(ref: str) -> int:
    """'s-12' -> 12."""
    return int(ref.partition("-")[2])
