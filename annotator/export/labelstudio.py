"""Label Studio JSON tasks: one JSON array, streamed item by item.

Label Studio measures text offsets in the browser, in UTF-16 code units (JavaScript string indices), so
`value.start`/`value.end` are UTF-16 offsets here, not the code points used everywhere else: they differ
after every character outside the Basic Multilingual Plane (most emoji).
"""

from collections.abc import Iterator

import orjson

from ..models import Project
from ..text import utf16_offsets
from . import query as q
from .doccano import number
from .native import documents


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    yield b"["
    separator = b"\n"
    for doc in documents(session, project, req):
        yield separator + orjson.dumps(task(doc))
        separator = b",\n"
    yield b"\n]\n"


def task(doc: dict) -> dict:
    """A task whose single annotation holds the exported layer's spans (labels) and relations."""
    text = doc["text"]
    units = utf16_offsets(text) if len(text.encode("utf-16-le")) != 2 * len(text) else None
    result = []
    for s in doc["spans"]:
        start, end = (units[s["start"]], units[s["end"]]) if units else (s["start"], s["end"])
        result.append({"id": s["id"], "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {"start": start, "end": end, "text": s["text"], "labels": [s["label"]]}})
    for r in doc["relations"]:
        result.append({"from_id": r["head"], "to_id": r["tail"], "type": "relation", "direction": "right",
                       "labels": [r["type"]]})
    return {"id": number(doc["id"]),
            "data": {"text": text, "lang": doc["lang"], "title": doc["title"], "doc": doc["id"],
                     "group": doc["group_key"]},
            "annotations": [{"result": result}]}
