"""Files produced by the real tools import correctly, every span checked.

tests/data/formats/real/ holds exports made with Label Studio 1.23.2 and doccano 1.8.4 through their own REST
APIs, from texts written for these tests (how: docs/formats.md, "Real exports"). Label Studio has two JSON exports
of the same project: labelstudio_export.json from GET /api/projects/<id>/export (the Export button), which writes
each task's predictions as a list of prediction ids only, and labelstudio_snapshot.json from a snapshot export
(POST /api/projects/<id>/exports/) asked for the predictions in full; labelstudio_export_min.json is its JSON_MIN
export of the same project. Each span's expected position is
worked out here from the file itself, independently of the importer: Label Studio's UTF-16 offsets by decoding
the UTF-16 prefix, doccano's code point offsets as they are; then the stored span must cover exactly the text
that was annotated.
"""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.extensions import db
from annotator.models import Document, Relation, Span, User
from annotator.services import projects as project_service

REAL = Path(__file__).parents[1] / "data" / "formats" / "real"
LS_FILE = REAL / "labelstudio_export.json"
LS_SNAPSHOT = REAL / "labelstudio_snapshot.json"
DOCCANO_FILE = REAL / "doccano_export.jsonl"
DOCCANO_REL_FILE = REAL / "doccano_rel_export.jsonl"


@pytest.fixture
def target(make, app):
    make.project("target")
    return app.config["SQLALCHEMY_DATABASE_URI"]


def imported(app):
    """[(text, lang, meta, [(start, end, label, annotator, status)], {(head, type, tail)})] in import order; the
    relation ends as (start, end, label)."""
    with app.app_context():
        pid = project_service.get_project(db.session, "target").id
        docs = db.session.execute(select(Document).where(Document.project_id == pid).order_by(Document.id)).scalars()
        out = []
        for doc in docs:
            rows = db.session.execute(select(Span.id, Span.start, Span.end, Span.label, User.username, Span.status)
                                      .join(User, User.id == Span.annotator_id)
                                      .where(Span.document_id == doc.id)).all()
            spans = {row.id: (row.start, row.end, row.label) for row in rows}
            rels = db.session.execute(select(Relation.head_id, Relation.type, Relation.tail_id)
                                      .where(Relation.document_id == doc.id)).all()
            out.append((doc.text, doc.lang, doc.meta,
                        sorted((r.start, r.end, r.label, r.username, str(r.status)) for r in rows),
                        {(spans[h], kind, spans[t]) for h, kind, t in rels}))
        return out


def utf16_to_code_points(text: str, offset: int) -> int:
    """Independent of annotator.text: decode the first `offset` UTF-16 units and count the characters."""
    return len(text.encode("utf-16-le")[:2 * offset].decode("utf-16-le"))


# --- Label Studio ------------------------------------------------------------------------------------------------

def ls_expected(task: dict):
    """Spans {(start, end, label)} in code points and relations, as Label Studio's export says: the results of the
    annotations that were not cancelled, or of the predictions when there are none."""
    text = task["data"]["text"]
    annotations = [a for a in task["annotations"] if not a["was_cancelled"]]
    sources = annotations or [p for p in task["predictions"] if isinstance(p, dict)]  # ids only: no results
    spans, rels = set(), set()
    for source in sources:
        regions = {}
        for r in source["result"]:
            if r["type"] != "labels":
                continue
            start = utf16_to_code_points(text, r["value"]["start"])
            end = utf16_to_code_points(text, r["value"]["end"])
            assert text[start:end] == r["value"]["text"]  # the export itself is consistent
            for label in r["value"]["labels"]:
                spans.add((start, end, label))
                regions[r["id"]] = (start, end, label)
        for r in source["result"]:
            if r["type"] == "relation":
                head, tail = regions[r["from_id"]], regions[r["to_id"]]
                if r["direction"] == "left":
                    head, tail = tail, head
                rels |= {(head, kind, tail) for kind in r["labels"]}
    return spans, rels


def test_the_labelstudio_files_are_what_label_studio_wrote():
    export, snapshot = (json.loads(path.read_text(encoding="utf-8")) for path in (LS_FILE, LS_SNAPSHOT))
    for tasks in (export, snapshot):
        assert [t["data"]["lang"] for t in tasks] == ["uk", "en", "ru", "en"]
        assert [len(t["annotations"]) for t in tasks] == [3, 1, 1, 0]
        assert [a["was_cancelled"] for a in tasks[0]["annotations"]] == [False, False, True]
        en = tasks[1]["data"]["text"]
        berg = next(r["value"] for r in tasks[1]["annotations"][0]["result"]
                    if r.get("value", {}).get("text") == "Anna Berg")
        assert (berg["start"], en.index("Anna Berg")) == (22, 21)  # 🚢 before it: UTF-16 and code points differ
        assert "\u0301" in tasks[2]["data"]["text"]  # a combining accent inside a span
    assert [t["predictions"] for t in export] == [[1], [], [], [2]]  # the Export button writes prediction ids
    assert [[p["id"] for p in t["predictions"]] for t in snapshot] == [[1], [], [], [2]]
    assert [t["annotations"] for t in export] == [t["annotations"] for t in snapshot]


def test_labelstudio_snapshot_imports_with_every_span_in_place(cli, app, target):
    check_labelstudio_import(cli, app, target, LS_SNAPSHOT, spans=15)


def test_labelstudio_export_button_file_imports_with_every_span_in_place(cli, app, target):
    check_labelstudio_import(cli, app, target, LS_FILE, spans=13)  # the prediction-only task has no span here


def check_labelstudio_import(cli, app, target, path, spans):
    tasks = json.loads(path.read_text(encoding="utf-8"))
    result = cli(target, "import", "target", str(path), "--format", "labelstudio")
    assert result.exit_code == 0, result.output
    assert f"imported 4 document(s) with {spans} span(s)" in result.output
    docs = imported(app)
    assert [(text, lang) for text, lang, *_ in docs] == [(t["data"]["text"], t["data"]["lang"]) for t in tasks]
    for (_, _, _, stored, rels), task in zip(docs, tasks, strict=True):
        want_spans, want_rels = ls_expected(task)
        assert {s[:3] for s in stored} == want_spans
        assert len(stored) == len(want_spans)  # an identical region in two annotations is stored once
        assert {s[3:] for s in stored} <= {("import:labelstudio", "pending")}
        assert rels == want_rels


def test_labelstudio_spans_cover_the_annotated_text(cli, app, target):
    assert cli(target, "import", "target", str(LS_SNAPSHOT), "--format", "labelstudio").exit_code == 0
    surfaces = [[(text[s:e], label) for s, e, label, *_ in spans] for text, _, _, spans, _ in imported(app)]
    assert surfaces == [
        [("МЗС", "ACTOR"), ("Олена Коваль", "ACTOR"), ("«переговори без гарантій неможливі»", "CLAIM"),
         ("Київ", "ACTOR"), ("Київ підтримує план обміну полоненими", "POSITION")],
        [("Anna Berg", "ACTOR"), ("\"the grain corridor will stay open\"", "CLAIM"), ("Berlin", "ACTOR"),
         ("Berlin backs the corridor 👍 fully", "POSITION")],
        [("Иван Петро\u0301в", "ACTOR"), ("«перемирие пока невозможно»", "CLAIM"), ("Москва", "ACTOR"),
         ("Москва отвергает план", "POSITION")],
        [("Taras Hnat", "ACTOR"), ("\"the bridge reopens in May\"", "CLAIM")],  # from the prediction only
    ]
    assert all(("план", "ACTOR") not in doc for doc in surfaces)  # the cancelled annotation
    assert all(("переговори", "CLAIM") not in doc for doc in surfaces)  # a prediction beside annotations


def test_labelstudio_relations_keep_head_and_tail(cli, app, target):
    assert cli(target, "import", "target", str(LS_SNAPSHOT), "--format", "labelstudio").exit_code == 0
    named = [sorted((text[h[0]:h[1]], kind, text[t[0]:t[1]]) for h, kind, t in rels)
             for text, _, _, _, rels in imported(app)]
    assert named == [
        [("«переговори без гарантій неможливі»", "SAID_BY", "Олена Коваль"),
         ("Київ підтримує план обміну полоненими", "HELD_BY", "Київ")],
        [("\"the grain corridor will stay open\"", "SAID_BY", "Anna Berg"),
         ("Berlin backs the corridor 👍 fully", "ABOUT", "\"the grain corridor will stay open\""),
         ("Berlin backs the corridor 👍 fully", "HELD_BY", "Berlin")],
        [("«перемирие пока невозможно»", "SAID_BY", "Иван Петро\u0301в"),
         ("Москва отвергает план", "HELD_BY", "Москва")],  # written from_id=ACTOR with direction "left"
        [("\"the bridge reopens in May\"", "SAID_BY", "Taras Hnat")],  # a relation inside a prediction
    ]


# --- doccano -----------------------------------------------------------------------------------------------------

def doccano_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", [DOCCANO_FILE, DOCCANO_REL_FILE], ids=["seq", "rel"])
def test_doccano_export_imports_with_every_span_in_place(cli, app, target, path):
    lines = doccano_lines(path)
    result = cli(target, "import", "target", str(path), "--format", "doccano")
    assert result.exit_code == 0, result.output
    assert "imported 4 document(s) with 12 span(s)" in result.output
    docs = imported(app)
    assert [(text, lang) for text, lang, *_ in docs] == [(x["text"], x["lang"]) for x in lines]
    for (_, _, _, spans, _), line in zip(docs, lines, strict=True):
        if "entities" in line:
            want = [(e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]]
        else:
            want = [tuple(x) for x in line["label"]]
        assert [s[:3] for s in spans] == sorted(want)
        assert {s[3:] for s in spans} <= {("import:doccano", "pending")}
    surfaces = [[(text[s:e], label) for s, e, label, *_ in spans] for text, _, _, spans, _ in docs]
    assert surfaces == [
        [("Марко Лисенко", "ACTOR"), ("«світло повернуть до вечора»", "CLAIM"), ("Громада", "ACTOR"),
         ("Громада підтримує рішення ради", "POSITION")],
        [("Clara Voss", "ACTOR"), ("\"sanctions are starting to bite\"", "CLAIM"), ("Vienna", "ACTOR"),
         ("Vienna opposes the new tariffs 🚫 entirely", "POSITION")],
        [("Олег Сави\u0301н", "ACTOR"), ("«эвакуация завершена»", "CLAIM"), ("Жители 🏠", "ACTOR"),
         ("Жители 🏠 не согласны с ним", "POSITION")],
        [],
    ]


def test_doccano_relation_variant_keeps_its_relations(cli, app, target):
    lines = doccano_lines(DOCCANO_REL_FILE)
    assert cli(target, "import", "target", str(DOCCANO_REL_FILE), "--format", "doccano").exit_code == 0
    for (_, _, _, _, rels), line in zip(imported(app), lines, strict=True):
        entity = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in line["entities"]}
        assert rels == {(entity[r["from_id"]], r["type"], entity[r["to_id"]]) for r in line["relations"]}
    named = sorted((text[h[0]:h[1]], kind, text[t[0]:t[1]])
                   for text, _, _, _, rels in imported(app) for h, kind, t in rels)
    assert named == sorted([
        ("\"sanctions are starting to bite\"", "SAID_BY", "Clara Voss"),
        ("«світло повернуть до вечора»", "SAID_BY", "Марко Лисенко"),
        ("«эвакуация завершена»", "SAID_BY", "Олег Сави\u0301н"),
        ("Vienna opposes the new tariffs 🚫 entirely", "ABOUT", "\"sanctions are starting to bite\""),
        ("Vienna opposes the new tariffs 🚫 entirely", "HELD_BY", "Vienna"),
        ("Громада підтримує рішення ради", "HELD_BY", "Громада"),
        ("Жители 🏠 не согласны с ним", "ABOUT", "Олег Сави\u0301н"),
        ("Жители 🏠 не согласны с ним", "HELD_BY", "Жители 🏠"),
    ])


def test_doccano_comments_are_kept_as_metadata(cli, app, target):
    assert cli(target, "import", "target", str(DOCCANO_FILE), "--format", "doccano").exit_code == 0
    metas = [meta for _, _, meta, _, _ in imported(app)]
    assert metas[0] == {"Comments": ["перевірити лапки"]}
    assert metas[1:] == [{}, {}, {}]


# --- real files the importer once read wrongly (found with these exports) ------------------------------------------

def test_labelstudio_json_min_export_is_read_or_refused_never_emptied(cli, app, target):
    path = REAL / "labelstudio_export_min.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert sum(len(row.get("label", [])) for row in rows) == 14  # the spans are in the file (2 + 4 + 4 + 4)
    result = cli(target, "import", "target", str(path))  # .json: read as Label Studio, JSON_MIN recognised
    assert result.exit_code == 0, result.output
    annotated = {(r["text"], region["text"], region["labels"][0]) for r in rows for region in r.get("label", [])}
    got = {(text, text[start:end], label) for text, _, _, spans, _ in imported(app) for start, end, label, *_ in spans}
    assert got == annotated


def test_doccano_export_with_format_auto_is_not_silently_emptied(cli, app, target):
    result = cli(target, "import", "target", str(DOCCANO_FILE))
    assert result.exit_code != 0 or sum(len(spans) for *_, spans, _ in imported(app)) == 12, result.output
