"""Training formats out (doccano, Label Studio, CoNLL, parallel) and other tools' files in (doccano, Label Studio).

Golden files live in tests/data/formats/expected; ANNOTATOR_UPDATE_GOLDEN=1 rewrites them (then read the diff).
"""

import json
import os
from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select

from annotator.export import WRITERS, ExportRequest
from annotator.export.conll import tokens
from annotator.extensions import db
from annotator.ingest import parse_files
from annotator.models import Document, Relation, Span, User
from annotator.services import imports
from annotator.services import projects as project_service
from tests.api.test_spans import auth

DATA = Path(__file__).parents[1] / "data" / "formats"
GOLDEN = {"doccano": "doccano.jsonl", "doccano-rel": "doccano-rel.jsonl", "labelstudio": "labelstudio.json",
          "conll": "conll.txt", "parallel": "parallel.jsonl"}


@pytest.fixture
def corpus(app, make):
    """tests/data/formats/corpus.jsonl imported into project "talks": an en/uk group with explicit sentences and
    alignment (1-1, 1-2, 1-0 beads), nested spans, two relations, a span link, and an ungrouped ru document."""
    make.project("talks")
    with app.app_context():
        parsed = parse_files([("corpus.jsonl", (DATA / "corpus.jsonl").read_bytes())], "jsonl")
        assert not parsed.errors
        imports.import_documents(db.session, project_service.get_project(db.session, "talks"), parsed.inputs)
        db.session.commit()
    return app.config["SQLALCHEMY_DATABASE_URI"]


def written(app, fmt, layer="all", **options) -> bytes:
    with app.app_context():
        project = project_service.get_project(db.session, "talks")
        req = ExportRequest(layer, **options).validated(db.session, project)
        return b"".join(WRITERS[fmt](db.session, project, req))


def golden(fmt: str, body: bytes) -> bytes:
    path = DATA / "expected" / GOLDEN[fmt]
    if os.environ.get("ANNOTATOR_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(body)
    return path.read_bytes()


@pytest.mark.parametrize("fmt", list(GOLDEN))
def test_each_writer_matches_its_golden_file(app, corpus, fmt):
    body = written(app, fmt)
    assert body == golden(fmt, body)


@pytest.mark.parametrize("fmt", list(GOLDEN))
def test_cli_export_writes_each_format(cli, app, corpus, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = cli(corpus, "export", "talks", "--format", fmt, "--layer", "all", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (DATA / "expected" / GOLDEN[fmt]).read_bytes()


def test_doccano_offsets_are_code_points(app, corpus):
    lines = [orjson.loads(x) for x in written(app, "doccano").splitlines()]
    assert [x["lang"] for x in lines] == ["en", "uk", "ru"]
    for line in lines:
        assert all(isinstance(s, int) and isinstance(e, int) for s, e, _ in line["label"])
    assert [(lines[0]["text"][s:e], label) for s, e, label in lines[0]["label"]] == [
        ("Zelensky", "ACTOR"), ("\"the front is holding\"", "CLAIM"), ("Kyiv", "ACTOR"),
        ("Kyiv rejected the plan", "POSITION")]


def test_doccano_relations_point_at_entities_of_the_line(app, corpus):
    for line in (orjson.loads(x) for x in written(app, "doccano-rel").splitlines()):
        ids = {e["id"] for e in line["entities"]}
        assert all(r["from_id"] in ids and r["to_id"] in ids for r in line["relations"])
    first = orjson.loads(written(app, "doccano-rel").splitlines()[0])
    by_id = {e["id"]: e for e in first["entities"]}
    assert [(by_id[r["from_id"]]["label"], r["type"], by_id[r["to_id"]]["label"]) for r in first["relations"]] == [
        ("CLAIM", "SAID_BY", "ACTOR"), ("POSITION", "HELD_BY", "ACTOR")]


def test_labelstudio_export_is_one_json_array_with_utf16_offsets(app, corpus):
    tasks = json.loads(written(app, "labelstudio"))
    assert [t["data"]["lang"] for t in tasks] == ["en", "uk", "ru"]
    text = tasks[0]["data"]["text"]
    units = text.encode("utf-16-le")
    labels = [r for r in tasks[0]["annotations"][0]["result"] if r["type"] == "labels"]
    for r in labels:
        value = r["value"]
        assert units[2 * value["start"]:2 * value["end"]].decode("utf-16-le") == value["text"]
    assert labels[0]["value"]["start"] == 3 and text.index("Zelensky") == 2  # 🙂 is two UTF-16 units
    relations = [r for r in tasks[0]["annotations"][0]["result"] if r["type"] == "relation"]
    ids = {r["id"] for r in labels}
    assert relations and all(r["from_id"] in ids and r["to_id"] in ids for r in relations)


def test_labelstudio_export_of_nothing_is_an_empty_array(app, make):
    make.project("talks")
    assert json.loads(written(app, "labelstudio")) == []


def test_conll_tokenizer_keeps_words_emoji_and_apostrophes_whole():
    text = "Пʼять 👍🏽 «post-war» замо\u0301к, 3.5"
    assert [text[a:b] for a, b in tokens(text)] == ["Пʼять", "👍🏽", "«", "post-war", "»", "замо\u0301к", ",", "3",
                                                    ".", "5"]


def conll_blocks(body: bytes) -> tuple[list[str], list[list[list[list[str]]]]]:
    """The column names and, per document, its sentences as lists of [token, tag, ...] rows."""
    head, _, rest = body.decode().partition("\n")
    columns = head.removeprefix("# columns: ").split(" ")
    docs = [block for block in rest.split("-DOCSTART-") if block]
    return columns, [[[row.split("\t") for row in sentence.split("\n")]
                      for sentence in block.split("\n", 2)[2].strip("\n").split("\n\n")] for block in docs]


def test_conll_keeps_nested_spans_one_column_per_label_and_annotator(app, corpus):
    columns, docs = conll_blocks(written(app, "conll"))
    assert columns[:4] == ["token", "olena:ACTOR", "olena:CLAIM", "olena:POSITION"]
    assert "taras:POSITION.polarity" in columns and len(docs) == 3 and len(docs[0]) == 3  # sentences
    col = {name: k for k, name in enumerate(columns)}
    kyiv = docs[0][1][0]
    assert kyiv[0] == "Kyiv" and kyiv[col["taras:ACTOR"]] == "B-ACTOR"  # nested in the POSITION, still there
    assert [row[col["taras:POSITION"]] for row in docs[0][1][:5]] == ["B-POSITION", "I-POSITION", "I-POSITION",
                                                                      "I-POSITION", "O"]
    assert kyiv[col["taras:POSITION.polarity"]] == "oppose"
    assert docs[0][0][1][:2] == ["Zelensky", "B-ACTOR"] and all(len(r) == len(columns) for d in docs
                                                                 for sent in d for r in sent)


def test_conll_counts_what_it_cannot_hold(app, corpus):
    from annotator.export.losses import Losses

    losses = Losses()
    with app.app_context():
        project = project_service.get_project(db.session, "talks")
        req = ExportRequest("all").validated(db.session, project)
        b"".join(WRITERS["conll"](db.session, project, req, losses=losses))
    assert losses["relations"] == 2 and losses["spans overlapping another of the same label and layer"] == 0


def test_parallel_writes_one_line_per_aligned_bead(app, corpus):
    beads = [orjson.loads(x) for x in written(app, "parallel").splitlines()]
    assert [(b["pair"], b["src"]["sentences"], b["tgt"]["sentences"], b["status"]) for b in beads] == [
        ("en-uk", [0], [0], "confirmed"), ("en-uk", [1], [1, 2], "auto")]  # the 1-0 bead and ru doc left out
    for bead in beads:
        for side in ("src", "tgt"):
            for span in bead[side]["spans"]:
                assert bead[side]["text"][span["start"]:span["end"]] == span["text"]
    assert beads[1]["tgt"]["text"] == "Київ відхилив план. Переговори тривають."
    zelensky = beads[0]["src"]["spans"][0]
    assert zelensky["text"] == "Zelensky" and zelensky["links"] == [beads[0]["tgt"]["spans"][0]["id"]]


def test_parallel_respects_the_language_filter(app, corpus):
    assert written(app, "parallel", langs=["en", "ru"]) == b""


def test_gold_layer_in_training_formats_has_only_accepted_spans(app, corpus):
    lines = [orjson.loads(x) for x in written(app, "doccano", layer="gold", include_unreviewed=True).splitlines()]
    assert [len(x["label"]) for x in lines] == [2, 1, 0]
    # none of the corpus is marked reviewed; d-2 counts as reviewed since every candidate of it is decided
    assert [orjson.loads(x)["id"] for x in written(app, "doccano", layer="gold").splitlines()] == ["d-2"]


def test_api_export_streams_a_training_format(client, make, corpus):
    token = make.admin_token()
    with client.application.app_context():
        pid = project_service.get_project(db.session, "talks").id
    response = client.get(f"/api/v1/projects/{pid}/export?format=labelstudio&layer=all", headers=auth(token))
    assert response.status_code == 200 and response.is_streamed
    assert response.data == (DATA / "expected" / "labelstudio.json").read_bytes()


# --- imports ---------------------------------------------------------------------------------------------------


@pytest.fixture
def target(make, app):
    make.project("target")
    return app.config["SQLALCHEMY_DATABASE_URI"]


def stored(app, project="target"):
    """{document text: [(span text, label, annotator, status)]} and the relations as (head text, type, tail text)."""
    with app.app_context():
        pid = project_service.get_project(db.session, project).id
        rows = db.session.execute(select(Document.text, Document.lang, Span.start, Span.end, Span.label,
                                         User.username, Span.status)
                                  .join(Span, Span.document_id == Document.id, isouter=True)
                                  .join(User, User.id == Span.annotator_id, isouter=True)
                                  .where(Document.project_id == pid).order_by(Document.id, Span.start)).all()
        docs: dict = {}
        for text, lang, start, end, label, user, status in rows:
            spans = docs.setdefault((text, lang), [])
            if label:
                spans.append((text[start:end], label, user, str(status)))
        head, tail = Span.__table__.alias(), Span.__table__.alias()
        rel_rows = db.session.execute(select(Document.text, head.c.start, head.c.end, Relation.type, tail.c.start,
                                             tail.c.end)
                                      .join(Relation, Relation.document_id == Document.id)
                                      .join(head, head.c.id == Relation.head_id)
                                      .join(tail, tail.c.id == Relation.tail_id)
                                      .where(Document.project_id == pid)).all()
        rels = sorted((t[hs:he], kind, t[ts:te]) for t, hs, he, kind, ts, te in rel_rows)
        return docs, rels


def count_documents(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Document))


def test_labelstudio_export_imports_with_utf16_offsets_converted(cli, app, target):
    result = cli(target, "import", "target", str(DATA / "labelstudio_export.json"), "--format", "labelstudio")
    assert result.exit_code == 0, result.output
    assert "imported 3 document(s) with 5 span(s)" in result.output
    docs, rels = stored(app)
    layer = ("import:labelstudio", "pending")
    assert list(docs.values()) == [
        [("Zelensky", "ACTOR", *layer), ("\"a first step\"", "CLAIM", *layer)],  # two annotations, one ACTOR
        [("Умєров", "ACTOR", *layer)],  # from the predictions: the task has no annotations
        [("Песков", "ACTOR", *layer), ("«пока не ведутся»", "CLAIM", *layer)],
    ]
    assert [lang for _, lang in docs] == ["en", "uk", "ru"]  # data.lang, "ua" as uk, data.language
    assert rels == [("\"a first step\"", "SAID_BY", "Zelensky"), ("«пока не ведутся»", "SAID_BY", "Песков")]


def test_labelstudio_layer_is_a_deactivated_account_never_gold(cli, app, target):
    cli(target, "import", "target", str(DATA / "labelstudio_export.json"), "--format", "labelstudio")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "import:labelstudio"))
        assert user is not None and not user.active
    gold = cli(target, "export", "target", "--layer", "gold")
    assert all(not orjson.loads(x)["spans"] for x in gold.stdout_bytes.splitlines())


def test_labelstudio_offset_inside_a_surrogate_pair_is_refused(cli, app, target):
    result = cli(target, "import", "target", str(DATA / "labelstudio_surrogate.json"), "--format", "labelstudio")
    assert result.exit_code == 1
    assert "labelstudio_surrogate.json task 1 (id 5): field 'annotations[0].result[1].value'" in result.output
    assert "UTF-16 offset 6 falls inside a surrogate pair" in result.output
    assert count_documents(app) == 0


def ls_task(text, start, end, label="ACTOR", value_text=None, lang="en", **extra):
    value = {"start": start, "end": end, "labels": [label]}
    if value_text is not None:
        value["text"] = value_text
    data = {"text": text, **({"lang": lang} if lang else {})}
    return {"data": data, "annotations": [{"result": [{"id": "a", "from_name": "label", "to_name": "text",
                                                       "type": "labels", "value": value}]}], **extra}


@pytest.mark.parametrize(("task", "message"), [
    (ls_task("🙂 Kyiv", 3, 7, value_text="Kyi"), "field 'annotations[0].result[0].value.text': 'Kyi' does not match"),
    (ls_task("Kyiv", 2, 9), "field 'annotations[0].result[0].value': UTF-16 offsets [2, 9) are outside the text"),
    (ls_task("2025", 0, 4, lang=None), ": could not tell the language (best guess none, confidence 0.00); add a "
                                       "\"lang\" field or choose the import's language"),
    (ls_task("Kyiv", 0, 4, lang="xx-nope-toolong"), "field 'lang'"),
    (ls_task("Kyiv", "0", 4), "field 'annotations[0].result[0].value.start': expected `int`, got `str`"),
    (ls_task("Kyiv", 0, 4, label="PLACE"), "annotations[0].result[0]: unknown label 'PLACE'"),
    ({"data": {"text": "Kyiv", "lang": "en"}, "annotations": [{"result": [
        {"from_id": "a", "to_id": "b", "type": "relation", "labels": ["SAID_BY"]}]}]},
     "field 'annotations[0].result[0].from_id': no labelled region 'a'"),
    ("not a task", "tasks.json task 2: expected `object`, got `str`"),
    ({"data": {"text": "Kyiv", "lang": "en"}, "annotations": [{"result": [{"type": "labels", "value": {
        "start": 0, "end": 4, "labels": []}}]}]}, "field 'annotations[0].result[0].value.labels': expected `array` of "
                                                   "length >= 1"),
])
def test_bad_labelstudio_tasks_are_refused_naming_file_task_and_field(cli, app, target, tmp_path, task, message):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([ls_task("Fine text.", 0, 4), task]))
    result = cli(target, "import", "target", str(path), "--format", "labelstudio")
    assert result.exit_code == 1
    assert message in result.output and "tasks.json task 2" in result.output, result.output
    assert count_documents(app) == 0


def test_labelstudio_tasks_without_a_language_are_detected_or_take_the_option(cli, app, target, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([ls_task("🙂 Київ прокинувся від вибухів", 3, 7, value_text="Київ", lang=None)]))
    result = cli(target, "import", "target", str(path), "--format", "labelstudio", "--lang", "auto")
    assert result.exit_code == 0, result.output
    assert "language detected for 1 document(s): uk 1" in result.output
    assert list(stored(app)[0].items()) == [(("🙂 Київ прокинувся від вибухів", "uk"),
                                             [("Київ", "ACTOR", "import:labelstudio", "pending")])]
    with app.app_context():
        assert db.session.scalar(select(Document.meta))["language_detected"]["lang"] == "uk"
    path.write_text(json.dumps([ls_task("🙂 Київ", 3, 7, value_text="Київ", lang=None)]))
    assert cli(target, "import", "target", str(path), "--format", "labelstudio", "--lang", "ru").exit_code == 0
    assert ("🙂 Київ", "ru") in stored(app)[0]  # given, not detected


def test_labelstudio_predictions_are_ignored_when_annotations_exist(cli, app, target):
    cli(target, "import", "target", str(DATA / "labelstudio_export.json"), "--format", "labelstudio")
    first = next(iter(stored(app)[0].values()))
    assert ("talks", "CLAIM", "import:labelstudio", "pending") not in first  # the prediction of task 101
    assert all(label != "PLACE" for _, label, _, _ in first)  # the cancelled annotation


def test_labelstudio_tasks_without_data_wrapper_and_bad_json(cli, app, target, tmp_path):
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps([{"body": "Kyiv 🙂 spoke.", "lang": "en"}]))
    assert cli(target, "import", "target", str(plain), "--format", "labelstudio").exit_code == 0
    assert list(stored(app)[0]) == [("Kyiv 🙂 spoke.", "en")]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"data": {"text": "x"}')
    result = cli(target, "import", "target", str(broken), "--format", "labelstudio")
    assert result.exit_code == 1 and "broken.json: not valid JSON" in result.output


def test_doccano_sequence_labeling_imports_code_point_offsets(cli, app, target):
    path = str(DATA / "doccano_seq.jsonl")
    result = cli(target, "import", "target", path, "--format", "doccano")  # line 3 names no language: detected
    assert result.exit_code == 0, result.output
    assert "language detected for 1 document(s): uk 1" in result.output
    docs, _ = stored(app)
    layer = ("import:doccano", "pending")
    assert list(docs.items()) == [
        (("Зеленський 🙂 зустрівся з Макроном у Парижі.", "uk"), [("Зеленський", "ACTOR", *layer),
                                                                 ("Макроном", "ACTOR", *layer)]),
        (("Peskov said 😀 \"no talks are planned\".", "en"), [("Peskov", "ACTOR", *layer),
                                                           ("\"no talks are planned\"", "CLAIM", *layer)]),
        (("Шольц не коментував заяву.", "uk"), []),
    ]
    with app.app_context():
        meta = db.session.scalar(select(Document.meta).where(Document.lang == "en"))
        detected = db.session.scalar(select(Document.meta).where(Document.text.startswith("Шольц")))
    assert meta == {"Comments": ["check quotes"]}
    assert detected["language_detected"]["lang"] == "uk"


def test_doccano_relation_variant_imports_entities_and_relations(cli, app, target):
    result = cli(target, "import", "target", str(DATA / "doccano_rel.jsonl"), "--format", "doccano")
    assert result.exit_code == 0, result.output
    docs, rels = stored(app)
    assert [[s[:2] for s in spans] for spans in docs.values()] == [
        [("Кремль", "ACTOR"), ("«переговори неможливі»", "CLAIM")],
        [("Macron", "ACTOR"), ("\"stand with Ukraine\"", "CLAIM")]]
    assert rels == [("\"stand with Ukraine\"", "SAID_BY", "Macron"), ("«переговори неможливі»", "SAID_BY", "Кремль")]


@pytest.mark.parametrize(("line", "message"), [
    ({"text": "Kyiv", "label": [[0, 9, "ACTOR"]]}, "line 2: field 'label[0]': offsets [0, 9) are outside the text"),
    ({"text": "Kyiv", "label": ["positive"]}, "line 2: field 'label[0]': expected `array`, got `str`"),
    ({"text": "Kyiv", "label": [[0, 4, "PLACE"]]}, "line 2: label[0]: unknown label 'PLACE'"),
    ({"text": "Kyiv", "label": [[0, 4.5, "ACTOR"]]}, "line 2: field 'label[0][1]': expected `int`, got `float`"),
    ({"text": "Kyiv", "entities": [{"id": [1], "label": "ACTOR", "start_offset": 0, "end_offset": 4}]},
     "line 2: field 'entities[0].id': expected `int | str | null`, got `array`"),
    ({"text": "Kyiv and Odesa", "entities": [{"id": 1, "label": "ACTOR", "start_offset": 0, "end_offset": 4}],
      "relations": [{"from_id": 1, "to_id": 2, "type": "SAID_BY"}]},
     "line 2: field 'relations[0].to_id': no entity with id 2"),
    ({"text": "Kyiv", "entities": [{"id": 1, "label": "ACTOR", "start_offset": 0, "end_offset": 4},
                                   {"id": 1, "label": "ACTOR", "start_offset": 0, "end_offset": 2}]},
     "line 2: field 'entities[1].id': entity id 1 is used twice"),
    ({"text": "Kyiv\r\nOdesa", "label": [[6, 11, "ACTOR"]]}, "line 2: field 'text': not in NFC form"),
    ({"label": []}, "line 2: field 'text': is required"),
    ("[1, 2]", "line 2: expected `object`, got `array`"),
])
def test_bad_doccano_lines_are_refused_naming_file_line_and_field(cli, app, target, tmp_path, line, message):
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"text": "Fine.", "label": []}) + "\n" + (line if isinstance(line, str) else
                                                                         json.dumps({**line, "lang": "en"})) + "\n")
    result = cli(target, "import", "target", str(path), "--format", "doccano", "--lang", "en")
    assert result.exit_code == 1
    assert f"data.jsonl {message}" in result.output, result.output
    assert count_documents(app) == 0


def test_bad_json_line_in_doccano_file(cli, app, target, tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"text": "Kyiv", "label": []}\n{"text": \n')
    result = cli(target, "import", "target", str(path), "--format", "doccano", "--lang", "en")
    assert result.exit_code == 1 and "data.jsonl line 2: not valid JSON" in result.output
    assert count_documents(app) == 0


@pytest.mark.parametrize(("fmt", "reader", "layer"), [("doccano-rel", "doccano", "import:doccano"),
                                                      ("labelstudio", "labelstudio", "import:labelstudio")])
def test_our_export_imports_back_with_the_same_spans(cli, app, corpus, make, tmp_path, fmt, reader, layer):
    out = tmp_path / "out"
    assert cli(corpus, "export", "talks", "--format", fmt, "--layer", "all", "-o", str(out)).exit_code == 0
    make.project("target")
    result = cli(corpus, "import", "target", str(out), "--format", reader)
    assert result.exit_code == 0, result.output
    original, original_rels = stored(app, "talks")
    copied, copied_rels = stored(app, "target")
    assert list(copied) == list(original)
    for key, spans in original.items():
        assert sorted(s[:2] for s in copied[key]) == sorted({s[:2] for s in spans})
        assert {s[2:] for s in copied[key]} <= {(layer, "pending")}
    assert copied_rels == original_rels


def test_labelstudio_json_min_rows_with_a_list_for_an_id_are_refused(cli, app, target, tmp_path):
    path = tmp_path / "min.json"
    path.write_text(json.dumps([{"id": [7], "text": "Kyiv", "lang": "en",
                                 "label": [{"start": 0, "end": 4, "text": "Kyiv", "labels": ["ACTOR"]}]}]))
    result = cli(target, "import", "target", str(path))
    assert result.exit_code == 1
    assert "min.json row 1: field 'id': expected `int | str | null`, got `array`" in result.output, result.output
    assert count_documents(app) == 0
