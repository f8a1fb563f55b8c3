"""A parallel corpus: one JSON line per alignment bead (aligned sentences of two versions of an article).

For each translation group and each pair of its exported languages, in the order of the pair's name
("en-ru", "en-uk", "ru-uk": src is the language that sorts first), the beads follow the alignment. A bead's
side holds the text from its first sentence's start to its last sentence's end, and the spans lying wholly
inside it, with offsets relative to that text (code points). Beads with an empty side (1-0, 0-1) are left
out; so are documents without a translation group.
"""

import dataclasses
from collections.abc import Iterator

import orjson

from ..models import Project
from . import query as q
from .native import documents


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    grouped = dataclasses.replace(req, by_group=True)
    current, members = None, []
    for doc in documents(session, project, grouped):
        if doc["group"] is None:
            break  # the ungrouped documents come last
        if members and doc["group"] != current:
            yield from _group_lines(members)
            members = []
        current = doc["group"]
        members.append(doc)
    yield from _group_lines(members)


def _group_lines(docs: list[dict]) -> Iterator[bytes]:
    by_id = {d["id"]: d for d in docs}
    for src in sorted(docs, key=lambda d: d["lang"]):
        for lang, entry in src["alignment"].items():
            tgt = by_id.get(entry["doc"])
            if tgt is None or lang <= src["lang"]:
                continue
            for (left, right), status in zip(entry["pairs"], entry["status"], strict=True):
                if left and right:
                    yield orjson.dumps({"group": src["group"], "group_key": src["group_key"],
                                        "pair": f"{src['lang']}-{lang}", "src": _side(src, left, tgt["lang"]),
                                        "tgt": _side(tgt, right, src["lang"]), "status": status}) + b"\n"


def _side(doc: dict, indexes: list[int], other_lang: str) -> dict:
    """The sentences `indexes` of doc, their spans relative to the start, and each span's counterparts."""
    start, end = doc["sentences"][indexes[0]][0], doc["sentences"][indexes[-1]][1]
    links: dict[str, list[str]] = {}
    for link in doc["span_links"]:
        if link["lang"] == other_lang:
            links.setdefault(link["span"], []).append(link["target"])
    side = {"doc": doc["id"], "lang": doc["lang"], "sentences": indexes, "text": doc["text"][start:end]}
    if doc.get("doc_labels"):  # the whole version's labels, on each of its beads
        side["doc_labels"] = doc["doc_labels"]
    return side | {"spans": [{"id": s["id"], "start": s["start"] - start, "end": s["end"] - start, "text": s["text"],
                       "label": s["label"], "attrs": s["attrs"], "links": links.get(s["id"], [])}
                      for s in doc["spans"] if start <= s["start"] and s["end"] <= end]}
