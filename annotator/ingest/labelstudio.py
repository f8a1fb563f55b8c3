"""Label Studio JSON: a JSON array of tasks (its "JSON" export, or tasks prepared for its import).

A task's text is data.text (or the first other string in data), its language data.lang or data.language.
Spans come from the "labels" results of the task's annotations — the ones not cancelled — or, when it has
none, of its predictions; relations from the results of type "relation"; a span's attributes from the
<Choices>/<TextArea> results of its region (named after the attribute), and the document's labels from those
without a region (named after the document field), as the Label Studio export writes them; those the project
has no attribute or field for are left out and reported (services.imports.unknown_controls). Choices "true" and
"false" read as booleans, one choice as a value, several as a list. Label Studio counts offsets in
UTF-16 code units (JavaScript string indices); they are converted to code points, and an offset inside a
surrogate pair is an error. Identical spans from several annotations are imported once.

The spans land as their own layer, annotator "import:labelstudio", pending review.
"""

from typing import Annotated, Any

import orjson
from msgspec import Meta, Struct

from ..errors import N_, Invalid
from ..services.documents import DocumentInput, RelationInput, SpanInput
from ..text import utf16_offsets, utf16_to_codepoint
from . import shape
from .doccano import document_input
from .shape import bad
from .txt import decode

LAYER = "import:labelstudio"
NOT_TEXT = {"lang", "language", "title", "doc", "group", "id"}
Labels = Annotated[list[shape.Label], Meta(min_length=1)]


class Result(Struct, frozen=True):
    """One result of an annotation: a labelled region (its value checked as a Region) or a relation."""

    id: shape.Ref | None = None
    type: str | None = None
    from_name: str | None = None
    value: dict[str, Any] | None = None
    from_id: shape.Ref | None = None
    to_id: shape.Ref | None = None
    direction: str | None = None
    labels: Labels | None = None


class Region(Struct, frozen=True):
    start: int
    end: int
    labels: Labels
    text: str | None = None


class Annotation(Struct, frozen=True):
    result: list[Result] | None = None
    was_cancelled: bool | None = None


class Task(Struct, frozen=True):
    """A task; its annotations and predictions may be listed by id only (the Export button does so)."""

    id: shape.Ref | None = None
    data: dict[str, Any] | None = None
    annotations: list[Annotation | int] | None = None
    predictions: list[Annotation | int] | None = None


class MinRow(Struct, frozen=True):
    id: shape.Ref | None = None


def read(name: str, data: bytes, lang: str | None = None):
    try:
        content = decode(name, data)
        tasks = orjson.loads(content)
        shape.refuse_nul(content, name)
    except Invalid as exc:
        yield exc
        return
    except orjson.JSONDecodeError as exc:
        yield shape.not_json(name, str(exc), "file")
        return
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        yield Invalid(N_("{name}: expected a JSON array of Label Studio tasks"), field="file", where=name,
                      params={"name": name})
        return
    default_lang = lang if lang and lang != "auto" else None
    try:
        tasks = _from_json_min(name, tasks)
    except Invalid as exc:
        yield exc
        return
    for number, task in enumerate(tasks, 1):
        task_id = task.get("id") if isinstance(task, dict) else None
        where = f"{name} task {number}" + (f" (id {task_id})" if task_id is not None else "")
        try:
            yield _task(task, where, default_lang)
        except Invalid as exc:
            yield exc


def _regions(value) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(r, dict) and "start" in r and "end" in r and "labels" in r for r in value)


def _from_json_min(name: str, rows: list) -> list:
    """Label Studio's JSON_MIN export (one flat row per annotation, regions under the labels' name) as tasks:
    rows of one task become its annotations. Other files pass through unchanged."""
    if not rows or any(not isinstance(r, dict) or "data" in r or "annotations" in r or "predictions" in r
                       for r in rows):
        return rows
    if not any(_regions(v) for r in rows for v in r.values()):
        return rows
    tasks: dict = {}
    for number, row in enumerate(rows, 1):
        shape.typed(row, MinRow, f"{name} row {number}")
        fields = {k: v for k, v in row.items() if not _regions(v) and k not in MIN_META}
        result = [{"id": f"r{n}-{j}", "type": "labels", "value": region}
                  for n, (k, v) in enumerate(row.items()) if _regions(v) for j, region in enumerate(v)]
        task = tasks.setdefault(row.get("id", id(row)), {"id": row.get("id"), "data": fields, "annotations": []})
        task["annotations"].append({"result": result})
    return list(tasks.values())


MIN_META = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}


def _task(raw, where: str, default_lang: str | None) -> DocumentInput:
    task = shape.typed(raw, Task, where)
    data = task.data if task.data is not None else {
        k: v for k, v in raw.items() if k not in ("annotations", "predictions")}
    prefix = "data." if task.data is not None else ""
    key = "text" if isinstance(data.get("text"), str) else next(
        (k for k, v in data.items() if isinstance(v, str) and k not in NOT_TEXT), "text")
    item = document_input(data.get(key), data.get("lang") or data.get("language"), data.get("title"), {}, where,
                          default_lang, prefix + key)
    item.ref = None if task.id is None else str(task.id)
    item.foreign = True
    source, results = _results(task)
    item.spans, item.relations, values = _read_results(results, item.text, where, source)
    if values:
        item.doc_labels_by = [(LAYER, values, "pending")]
    return item


def _results(task: Task) -> tuple[str, list]:
    """("annotations" or "predictions", [(index, result list)]): annotations unless all are cancelled."""
    chosen = {source: [(k, x.result or []) for k, x in enumerate(getattr(task, source) or [])
                       if isinstance(x, Annotation) and not x.was_cancelled]
              for source in ("annotations", "predictions")}
    source = "annotations" if chosen["annotations"] else "predictions"
    return source, chosen[source]


def _read_results(results: list, text: str, where: str, source: str):
    """Spans (identical ones merged, with their regions' attributes), relations and document labels of every
    annotation (or prediction); of two annotations that set one attribute or field, the first counts."""
    to_cp = _converter(text)
    spans: dict[tuple, SpanInput] = {}
    refs: dict[str, str] = {}  # "annotation:result id" -> the ref of the span kept for it
    relations, attributes, values = [], [], {}
    for k, result in results:
        for j, r in enumerate(result):
            name = f"{source}[{k}].result[{j}]"
            control = _control(r)
            if r.type == "relation":
                relations.append((k, r, name))
            elif r.value is not None and "labels" in r.value:
                region = f"{k}:{r.id}" if r.id is not None else f"{k}:#{j}"
                for n, span in enumerate(_spans(r.value, text, to_cp, where, name)):
                    kept = spans.setdefault((span.start, span.end, span.label), span)
                    if kept is span:
                        span.ref = region if n == 0 else f"{region}#{n}"
                    refs.setdefault(region, kept.ref)
            elif control is not None and "start" in r.value:
                attributes.append((f"{k}:{r.id}", control))
            elif control is not None:
                values.setdefault(*control)
    by_ref = {span.ref: span for span in spans.values()}
    for region, (field, value) in attributes:  # a region's controls come with its id, before or after its labels
        span = by_ref.get(refs.get(region))
        if span is not None:
            span.attrs = {field: value, **(span.attrs or {})}
    out = {}
    for k, r, name in relations:
        for rel in _relation(k, r, refs, where, name):
            out.setdefault((rel.head, rel.tail, rel.type), rel)
    return list(spans.values()), list(out.values()), values


def _control(r: Result) -> tuple[str, Any] | None:
    """(control name, value) of a <Choices> or <TextArea> result, or None for any other result."""
    if r.value is None or not isinstance(r.from_name, str) or "labels" in r.value:
        return None
    if isinstance(r.value.get("choices"), list) and r.value["choices"]:
        chosen = [{"true": True, "false": False}.get(c, c) if isinstance(c, str) else c for c in r.value["choices"]]
        return r.from_name, chosen[0] if len(chosen) == 1 else chosen
    if isinstance(r.value.get("text"), list) and all(isinstance(t, str) for t in r.value["text"]):
        return r.from_name, "\n".join(r.value["text"])
    return None


def _converter(text: str):
    """UTF-16 offset -> code point offset; ValueError inside a surrogate pair, None beyond the text."""
    units = utf16_offsets(text)
    if units[-1] == len(text):
        return lambda offset: offset if 0 <= offset <= len(text) else None
    index = {u: i for i, u in enumerate(units)}

    def convert(offset: int):
        if offset in index:
            return index[offset]
        return utf16_to_codepoint(text, offset) if 0 <= offset <= units[-1] else None

    return convert


def _spans(value: dict, text: str, to_cp, where: str, name: str) -> list[SpanInput]:
    region = shape.typed(value, Region, where, f"{name}.value")
    start16, end16 = region.start, region.end
    try:
        start, end = to_cp(start16), to_cp(end16)
    except ValueError as exc:
        raise bad(where, f"{name}.value", N_("{at}field '{name}': {problem} of the text: not an offset Label "
                                             "Studio would write for it (was the text changed?)"),
                  problem=str(exc)) from None
    if start is None or end is None or start >= end:
        raise bad(where, f"{name}.value", N_("{at}field '{name}': UTF-16 offsets [{start}, {end}) are outside the "
                                             "text ({size} UTF-16 units)"),
                  start=start16, end=end16, size=len(text.encode("utf-16-le")) // 2)
    if region.text is not None and region.text != text[start:end]:
        raise bad(where, f"{name}.value.text", N_("{at}field '{name}': '{given}' does not match the text at UTF-16 "
                                                  "[{start}, {end}): '{found}'"),
                  given=region.text, start=start16, end=end16, found=text[start:end])
    return [SpanInput(start=start, end=end, label=label, annotator=LAYER, status="pending",
                      where=f"{where}: {name}") for label in region.labels]


def _relation(k: int, r: Result, refs: dict, where: str, name: str) -> list[RelationInput]:
    ends = []
    for field in ("from_id", "to_id"):
        ref = refs.get(f"{k}:{getattr(r, field)}")
        if ref is None:
            raise bad(where, f"{name}.{field}", N_("{at}field '{name}': no labelled region '{ref}' in this "
                                                   "annotation"), ref=getattr(r, field))
        ends.append(ref)
    direction = r.direction or "right"
    if direction not in ("right", "left"):
        raise bad(where, f"{name}.direction", N_("{at}field '{name}': '{direction}': only one-way relations (right "
                                                 "or left) have a head and a tail"), direction=direction)
    head, tail = ends if direction == "right" else ends[::-1]
    if head == tail:
        raise bad(where, name, N_("{at}field '{name}': a relation needs two different spans"))
    if not r.labels:
        raise bad(where, f"{name}.labels", N_("{at}field '{name}': a relation needs a type: a non-empty list of "
                                              "relation labels"))
    return [RelationInput(head=head, tail=tail, type=t, where=f"{where}: {name}") for t in r.labels]
