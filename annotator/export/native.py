"""The native format, annotator.document/v1: one JSON object per document (or per group with by_group)."""

from collections import defaultdict, namedtuple
from collections.abc import Iterator

import orjson

from ..align import split_sentences
from ..models import Project
from ..services.bulk import paused_gc
from . import query as q

SCHEMA = "annotator.document/v1"
GROUP_SCHEMA = "annotator.group/v1"


def write(session, project: Project, req: q.ExportRequest) -> Iterator[bytes]:
    docs = _documents(session, project, req)
    if not req.by_group:
        for doc in docs:
            yield orjson.dumps(doc) + b"\n"
        return
    yield from _by_group(docs, project)


def _documents(session, project: Project, req: q.ExportRequest) -> Iterator[dict]:
    for rows in q.document_batches(session, project, req):
        with paused_gc():  # a batch makes ~30,000 objects the collector would otherwise walk several times
            lines = _batch(session, project, req, rows)
        yield from lines


def _batch(session, project: Project, req: q.ExportRequest, rows) -> list[dict]:
    ids = [r.id for r in rows]
    spans = q.spans_for(session, ids, req)
    exported = {s.id for s in spans}
    rels = q.relations_for(session, ids, gold=req.layer == "gold")
    if req.layer == "gold":
        rels = _onto_gold(session, ids, spans, rels)
    rels = [r for r in rels if r.head_id in exported and r.tail_id in exported]
    actors = q.actors_by_id(session, {s.actor_id for s in spans if s.actor_id})
    groups = q.group_keys(session, {r.group_id for r in rows if r.group_id})
    alignments = q.alignments_for(session, ids) if groups else {}
    spans_by_doc, rels_by_doc, links_by_doc = defaultdict(list), defaultdict(list), defaultdict(list)
    for s in spans:
        spans_by_doc[s.document_id].append(s)
    for r in rels:
        rels_by_doc[r.document_id].append(r)
    if groups:
        span_doc = {s.id: s.document_id for s in spans}
        for link in q.span_links_for(session, exported):
            links_by_doc[span_doc[link.span_id]].append(
                {"span": f"s-{link.span_id}", "lang": link.lang, "target": f"s-{link.target_id}"})
    lines = []
    for row in rows:
        line = _document(project, row, spans_by_doc[row.id], rels_by_doc[row.id], actors, groups)
        line["alignment"] = dict(sorted(alignments.get(row.id, {}).items()))
        line["span_links"] = links_by_doc[row.id]
        lines.append(line)
    return lines


Rel = namedtuple("Rel", "id document_id type head_id tail_id")


def _onto_gold(session, ids: list[int], spans, rels) -> list:
    """Relations whose ends were merged into other annotators' identical spans point at those instead, so the
    gold layer keeps them; the same relation reached twice is written once."""
    gold = {(s.document_id, s.start, s.end, s.label): s.id for s in spans}
    onto = {m.id: gold.get((m.document_id, m.start, m.end, m.label)) for m in q.merged_spans(session, ids)}
    out, seen = [], set()
    for r in rels:
        head, tail = onto.get(r.head_id) or r.head_id, onto.get(r.tail_id) or r.tail_id
        key = (r.document_id, r.type, head, tail)
        if key not in seen:
            seen.add(key)
            out.append(Rel(r.id, r.document_id, r.type, head, tail))
    return out


def _document(project, row, spans, rels, actors, groups) -> dict:
    text = row.text
    sentences = q.loads(row.sentences)
    if sentences is None:
        sentences = split_sentences(text, row.lang)
    return {
        "schema": SCHEMA, "id": f"d-{row.id}", "project": project.name,
        "group": f"g-{row.group_id}" if row.group_id else None,
        "group_key": groups.get(row.group_id), "lang": row.lang, "title": row.title, "text": text,
        "source": {"url": row.source_url, "published": q.day(row.published)},
        "meta": q.loads(row.meta) or {}, "sentences": [list(x) for x in sentences],
        "spans": _spans(text, spans, actors),
        "relations": [{"id": f"r-{r.id}", "type": r.type, "head": f"s-{r.head_id}", "tail": f"s-{r.tail_id}"}
                      for r in rels],
        "alignment": {}, "span_links": [],
    }


def _spans(text: str, spans, actors: dict) -> list[dict]:
    loads = q.loads
    return [{"id": f"s-{sid}", "start": start, "end": end, "text": text[start:end], "label": label,
             "attrs": loads(attrs) or {}, "actor": {"id": f"a-{actor}", "name": actors[actor]} if actor else None,
             "annotator": username, "status": status}
            for sid, _, start, end, label, attrs, actor, status, username in spans]


def _by_group(docs: Iterator[dict], project: Project) -> Iterator[bytes]:
    """Documents arrive group by group (see query.document_batches), so one group is held at a time."""
    current, members = None, []
    for doc in docs:
        if members and (doc["group"] is None or doc["group"] != current):
            yield _group_line(project, current, members[0]["group_key"], members)
            members = []
        current = doc["group"]
        members.append(doc)
    if members:
        yield _group_line(project, current, members[0]["group_key"], members)


def _group_line(project, gid, key, documents) -> bytes:
    return orjson.dumps({"schema": GROUP_SCHEMA, "id": gid, "key": key, "project": project.name,
                         "documents": documents}) + b"\n"
