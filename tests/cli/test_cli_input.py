"""CLI arguments and files: bad ones end with a one-line reason and a non-zero exit, never a traceback."""

import gzip
import json

import pytest


@pytest.fixture
def demo(cli, empty_database_url):
    assert cli(empty_database_url, "init", "--demo").exit_code == 0
    return empty_database_url


@pytest.mark.parametrize("ref", ["²", "³", "99999999999999999999999", "٣"])
def test_a_project_named_by_an_odd_number_is_not_found_cleanly(cli, demo, ref):
    result = cli(demo, "export", ref)
    assert result.exit_code == 1 and f"no project '{ref}'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("key", ["²", "99999999999999999999999", "g" * 300])
def test_align_with_an_odd_group_key_says_there_is_no_such_group(cli, demo, key):
    result = cli(demo, "align", "demo", "--group", key)
    assert result.exit_code == 1 and f"no translation group '{key}' in demo" in result.output


def test_align_realigns_every_group_of_a_project(cli, demo):
    result = cli(demo, "align", "demo", "--force")
    assert result.exit_code == 0, result.output
    assert "aligned " in result.output and "group(s)" in result.output and "aligned 0 pair" not in result.output


def test_a_project_is_still_found_by_its_id(cli, demo):
    assert cli(demo, "export", "1").exit_code == 0


def test_gzipped_files_share_one_budget_per_import(cli, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_MAX_IMPORT_MB", "0.25")
    names = []
    for k in range(6):
        line = json.dumps({"text": f"Документ {k}. " + "a " * 30_000, "lang": "uk"}).encode()
        (tmp_path / f"p{k}.jsonl.gz").write_bytes(gzip.compress(line))
        names.append(str(tmp_path / f"p{k}.jsonl.gz"))
    assert cli(demo, "import", "demo", *names[:3]).exit_code == 0
    refused = cli(demo, "import", "demo", *names)
    assert refused.exit_code == 1 and "p4.jsonl.gz: with the files before it" in refused.output


@pytest.mark.parametrize("schema", [{"labels": [{"name": "AC\x00TOR"}]},
                                    {"labels": [{"name": "ACTOR", "description": "\x00"}]}])
def test_a_schema_file_holding_nul_is_refused_naming_the_entry(cli, demo, tmp_path, schema):
    """PostgreSQL keeps U+0000 in no JSON column: `project create --schema` gave a traceback there."""
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    result = cli(demo, "project", "create", "nul", "--schema", str(path))
    assert result.exit_code == 1 and "'schema.labels[0]." in result.output and "NUL" in result.output
    assert "nul" not in cli(demo, "project", "list").output.split()


@pytest.mark.parametrize("depth", [251, 254])
def test_a_schema_file_nested_too_deep_to_store_is_refused_naming_the_entry(cli, demo, tmp_path, depth):
    """A label's key of its own nested 250 levels or more (a traceback when stored, found by fuzzing)."""
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"labels": [{"name": "ACTOR", "x": _nested(depth)}]}))
    result = cli(demo, "project", "create", "deep", "--schema", str(path))
    assert result.exit_code == 1 and "schema.labels[0]: " in result.output and "nested" in result.output, \
        result.output
    assert "deep" not in cli(demo, "project", "list").output.split()


def _lines(*docs) -> str:
    return "\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n"


def _nested(depth: int):
    value = 1
    for _ in range(depth):
        value = [value]
    return value


SPAN = {"id": "a", "start": 0, "end": 4, "label": "ACTOR", "annotator": "olena"}


@pytest.mark.parametrize(("doc", "field"), [
    ({"text": "Kyiv agreed.", "lang": "en", "meta": {"x": 123456789012345678901234567890}}, "'meta'"),
    ({"text": "Kyiv agreed.", "lang": "en", "meta": {"x": _nested(300)}}, "'meta'"),
    ({"text": "Kyiv agreed.", "lang": "en", "meta": {"x": _nested(253)}}, "'meta'"),  # one level too deep to export
    ({"text": "Kyiv agreed.", "lang": "en", "review": {"state": "reviewed", "at": "0001-01-01T00:00:00+01:00"}},
     "'review.at'"),
    ({"text": "Kyiv agreed.", "lang": "en", "spans": [SPAN], "relations": [{"head": "a", "tail": "a",
                                                                             "type": "SUPPORTS"}]},
     "'relations[0].tail'"),
    ({"id": "d1", "group": "g", "text": "Kyiv agreed.", "lang": "en", "spans": [SPAN],
      "span_links": [{"span": "a", "target": "a"}]}, "span_links[0].target"),
    ({"id": "d1", "group": "g", "text": "Kyiv agreed.", "lang": "en",
      "alignment": {"en": {"doc": "d1", "pairs": [[[0], [0]]]}}}, "'alignment.en.doc'"),
])
def test_a_hostile_native_line_is_refused_naming_its_field_and_nothing_is_imported(cli, demo, tmp_path, doc, field):
    """Found by fuzzing the importer: each of these ended in a traceback (or a database constraint) before."""
    path = tmp_path / "hostile.jsonl"
    path.write_text(_lines(doc), encoding="utf-8")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and field in result.output, result.output
    assert "Traceback" not in result.output
    assert "Kyiv agreed" not in cli(demo, "export", "demo", "--layer", "all").output


def test_a_line_nested_past_the_decoders_limit_is_refused(cli, demo, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "Kyiv agreed.", "lang": "en", "meta": {"x": ' + "[" * 5000 + "]" * 5000 + "}}\n")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and "deep.jsonl line 1: not valid JSON (nested too deeply)" in result.output


EN_VERSION = {"id": "d1", "group": "g", "text": "Zelensky said the war goes on.", "lang": "en",
              "spans": [{"id": "1", "start": 0, "end": 8, "label": "ACTOR", "annotator": "olena"}]}
UK_VERSION = {"id": "d2", "group": "g", "text": "Зеленський сказав, що війна триває.", "lang": "uk"}


def test_span_links_find_their_target_in_the_other_version_when_ids_repeat(cli, demo, tmp_path):
    """Two documents numbering their spans "1", "2" each: a link goes to the other version's span of that id."""
    path = tmp_path / "linked.jsonl"
    path.write_text(_lines(
        EN_VERSION | {"span_links": [{"span": "1", "target": "2"}]},
        UK_VERSION | {"spans": [{"id": "1", "start": 22, "end": 27, "label": "ACTOR", "annotator": "olena"},
                                {"id": "2", "start": 0, "end": 10, "label": "ACTOR", "annotator": "olena"}],
                      "span_links": [{"span": "2", "target": "1"}]}), encoding="utf-8")
    assert cli(demo, "import", "demo", str(path)).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert cli(demo, "export", "demo", "--layer", "all", "-o", str(out)).exit_code == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    docs = {d["text"][:4]: d for d in lines if d["text"][:4] in ("Zele", "Зеле")}
    texts = {}
    for d in docs.values():
        texts.update({s["id"]: d["text"][s["start"]:s["end"]] for s in d["spans"]})
    links = {(texts[x["span"]], texts[x["target"]]) for d in docs.values() for x in d.get("span_links", [])}
    assert links == {("Zelensky", "Зеленський"), ("Зеленський", "Zelensky")}


def test_a_span_link_to_no_span_of_the_other_versions_is_refused(cli, demo, tmp_path):
    path = tmp_path / "linked.jsonl"
    path.write_text(_lines(EN_VERSION | {"span_links": [{"span": "1", "target": "9"}]}, UK_VERSION),
                    encoding="utf-8")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and "span_links[0].target: no span '9'" in result.output


def test_a_span_without_an_annotator_from_the_command_line_is_named(cli, demo, tmp_path):
    path = tmp_path / "anonymous.jsonl"
    path.write_text(_lines({"text": "Kyiv agreed.", "lang": "en",
                            "spans": [{"start": 0, "end": 4, "label": "ACTOR"}]}), encoding="utf-8")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and "anonymous.jsonl line 1: spans[0]: field 'annotator' is needed" in result.output


def test_actor_names_differing_in_spaces_are_one_actor_and_a_blank_one_is_named(cli, demo, tmp_path):
    path = tmp_path / "actors.jsonl"
    span = {"start": 0, "end": 4, "label": "ACTOR", "annotator": "olena"}
    path.write_text(_lines({"text": "Kyiv agreed.", "lang": "en", "spans": [span | {"actor": {"name": "Kyiv"}}]},
                           {"text": "Kyiv refused.", "lang": "en",
                            "spans": [span | {"actor": {"name": "  Kyiv "}}]}), encoding="utf-8")
    assert cli(demo, "import", "demo", str(path)).exit_code == 0
    path.write_text(_lines({"text": "Kyiv waited.", "lang": "en", "spans": [span | {"actor": {"name": "   "}}]}),
                    encoding="utf-8")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and "field 'spans[0].actor.name': is empty" in result.output


@pytest.mark.parametrize(("name", "content"), [("empty.jsonl", ""), ("blank.jsonl", "\n  \n"), ("empty.txt", " \n"),
                                               ("tasks.json", "[]")])
def test_a_file_with_no_documents_is_refused(cli, demo, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli(demo, "import", "demo", str(path))
    assert result.exit_code == 1 and f"{name}: holds no documents" in result.output


def test_the_language_in_a_file_name_wins_over_lang(cli, demo, tmp_path):
    (tmp_path / "story.uk.txt").write_text("Київ погодився на перемовини у вівторок.", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("Kyiv agreed to talks on Tuesday.", encoding="utf-8")
    result = cli(demo, "import", "demo", str(tmp_path / "story.uk.txt"), str(tmp_path / "story.en.txt"),
                 "--lang", "uk")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    assert cli(demo, "export", "demo", "--layer", "all", "-o", str(out)).exit_code == 0
    langs = {json.loads(x)["text"][:4]: json.loads(x)["lang"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert langs["Київ"] == "uk" and langs["Kyiv"] == "en"


def test_pairs_a_file_does_not_align_are_aligned_automatically(cli, demo, tmp_path):
    """The file aligns en with uk only: ru gets its automatic alignments, en-uk stays as the file has it."""
    path = tmp_path / "partly.jsonl"
    path.write_text(_lines(
        {"id": "d1", "group": "g", "text": "Kyiv agreed. Talks resume on Monday.", "lang": "en",
         "alignment": {"uk": {"doc": "d2", "pairs": [[[0, 1], [0]]], "status": ["confirmed"]}}},
        {"id": "d2", "group": "g", "text": "Київ погодився, і перемовини відновляться в понеділок.", "lang": "uk"},
        {"id": "d3", "group": "g", "text": "Киев согласился. Переговоры возобновятся в понедельник.", "lang": "ru"}),
        encoding="utf-8")
    assert cli(demo, "import", "demo", str(path)).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert cli(demo, "export", "demo", "--layer", "all", "-o", str(out)).exit_code == 0
    docs = {d["lang"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())
            if d["text"][:2] in ("Ky", "Ки")}
    assert docs["en"]["alignment"]["uk"]["pairs"] == [[[0, 1], [0]]]
    assert docs["en"]["alignment"]["ru"]["pairs"] == [[[0], [0]], [[1], [1]]]
    assert "uk" in docs["ru"]["alignment"]
