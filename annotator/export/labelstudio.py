"""Label Studio JSON tasks: one JSON array, streamed item by item.

Label Studio measures text offsets in the browser, in UTF-16 code units (JavaScript string indices), so
`value.start`/`value.end` are UTF-16 offsets here, not the code points used everywhere else: they differ
after every character outside the Basic Multilingual Plane (most emoji).
"""

from collections import Counter
from collections.abc import Iterator

import orjson

from ..models import Project
from ..text import utf16_offsets
from . import query as q
from .doccano import number
from .losses import doc_label_extras, span_extras, text_fields
from .native import documents


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    yield b"["
    separator, free_text, doc_text = b"\n", text_attributes(project), text_fields(project)
    for doc in documents(session, project, req):
        if only is not None and number(doc["id"]) not in only:
            continue
        span_extras(losses, doc["spans"])
        doc_label_extras(losses, doc)
        yield separator + orjson.dumps(task(doc, free_text, doc_text))
        separator = b",\n"
    yield b"\n]\n"


def text_attributes(project: Project) -> set[str]:
    """The schema's free-text attributes: written as textarea results, the others as choices."""
    return {a["name"] for label in project.label_schema.get("labels", []) for a in label.get("attributes", [])
            if a.get("type", "text") == "text"}


def document_results(values: dict, free_text: set[str]) -> list[dict]:
    """Document labels as Label Studio's per-task controls (no region: no start and end), each named after
    its field: a <Choices> result (several for a field that takes several), a <TextArea> one for text."""
    out = []
    for name, value in values.items():
        kind, key = ("textarea", "text") if name in free_text else ("choices", "choices")
        shown = [str(v).lower() if isinstance(v, bool) else v for v in (value if isinstance(value, list) else [value])]
        out.append({"from_name": name, "to_name": "text", "type": kind, "value": {key: shown}})
    return out


def task(doc: dict, free_text: set[str] = frozenset(), doc_text: set[str] = frozenset()) -> dict:
    """A task whose single annotation holds the exported layer's spans (labels) and relations."""
    text = doc["text"]
    units = utf16_offsets(text) if len(text.encode("utf-16-le")) != 2 * len(text) else None
    result = []
    for s in doc["spans"]:
        start, end = (units[s["start"]], units[s["end"]]) if units else (s["start"], s["end"])
        result.append({"id": s["id"], "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {"start": start, "end": end, "text": s["text"], "labels": [s["label"]]}})
        for name, value in (s.get("attrs") or {}).items():  # per-region controls named after the attribute
            if value is None or value == "":
                continue
            kind, key = ("textarea", "text") if isinstance(value, str) and name in free_text else ("choices", "choices")
            shown = ("true" if value else "false") if isinstance(value, bool) else value
            result.append({"id": s["id"], "from_name": name, "to_name": "text", "type": kind,
                           "value": {"start": start, "end": end, key: [shown]}})
    result.extend(document_results(doc.get("doc_labels") or {}, doc_text))
    for r in doc["relations"]:
        result.append({"from_id": r["head"], "to_id": r["tail"], "type": "relation", "direction": "right",
                       "labels": [r["type"]]})
    return {"id": number(doc["id"]),
            "data": {"text": text, "lang": doc["lang"], "title": doc["title"], "doc": doc["id"],
                     "group": doc["group_key"]},
            "annotations": [{"result": result}]}
