import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import orjson
import pytest

from tests.api.test_spans import TEXT, add, auth
from tests.conftest import login

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "annotator.document.v1.schema.json").read_text())


def validate_lines(body: bytes) -> list[dict]:
    lines = [orjson.loads(x) for x in body.splitlines() if x.strip()]
    for line in lines:
        jsonschema.validate(line, SCHEMA)
        for span in line["spans"]:
            assert line["text"][span["start"]:span["end"]] == span["text"]
        assert [(s["start"], s["end"], s["label"]) for s in line["spans"]] == sorted(
            (s["start"], s["end"], s["label"]) for s in line["spans"])
    return lines


@pytest.fixture
def annotated(client, make):
    """olena marks three spans and a relation; the reviewer accepts two of them and marks both versions reviewed."""
    project = make.project("isw")
    doc = make.document(project.id, text=TEXT, group="story")
    other = make.document(project.id, text="Putin said a ceasefire was impossible.", lang="en", group="story")
    make.user("olena")
    make.user("rita", "reviewer")
    t = {"olena": make.token("olena"), "rita": make.token("rita")}
    actor = add(client, doc, t["olena"], "Путін").json
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json
    isw = add(client, doc, t["olena"], "ISW", "POSITION", attrs={"polarity": "oppose"}).json
    client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": actor["id"],
                                                               "type": "SAID_BY"}, headers=auth(t["olena"]))
    for span in (actor, claim):
        client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    client.post(f"/api/v1/spans/{isw['id']}/review", json={"decision": "reject"}, headers=auth(t["rita"]))
    for reviewed in (doc, other):
        assert client.put(f"/api/v1/documents/{reviewed.id}/review-state",
                          json={"state": "reviewed", "undecided": "leave"}, headers=auth(t["rita"])).status_code == 200
    return project, doc, t


def test_gold_export_holds_the_accepted_spans_and_their_relation(client, annotated):
    project, doc, t = annotated
    response = client.get(f"/api/v1/projects/{project.id}/export?layer=gold", headers=auth(t["rita"]))
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "application/x-ndjson"
    lines = validate_lines(response.data)
    assert [line["lang"] for line in lines] == ["uk", "en"]
    first = lines[0]
    assert [(s["text"], s["label"], s["status"]) for s in first["spans"]] == [
        ("Путін", "ACTOR", "accepted"), ("«припинення вогню»", "CLAIM", "accepted")]
    assert first["relations"] == []  # left undecided when the document was marked reviewed: not gold
    rel = client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["rita"])).json["relations"][0]
    assert client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"},
                       headers=auth(t["rita"])).status_code == 200
    first = validate_lines(client.get(f"/api/v1/projects/{project.id}/export?layer=gold",
                                      headers=auth(t["rita"])).data)[0]
    assert [(r["type"], r["status"]) for r in first["relations"]] == [("SAID_BY", "accepted")]
    assert first["relations"][0]["head"] == first["spans"][1]["id"]
    assert first["group"] == lines[1]["group"] is not None


def test_all_layer_and_filters(client, annotated):
    project, _, t = annotated
    everything = validate_lines(client.get(f"/api/v1/projects/{project.id}/export?layer=all",
                                           headers=auth(t["rita"])).data)
    assert len(everything[0]["spans"]) == 3
    positions = validate_lines(client.get(f"/api/v1/projects/{project.id}/export?layer=olena&label=POSITION",
                                          headers=auth(t["rita"])).data)
    assert [s["attrs"] for s in positions[0]["spans"]] == [{"polarity": "oppose"}]
    only_en = validate_lines(client.get(f"/api/v1/projects/{project.id}/export?layer=all&lang=en",
                                        headers=auth(t["rita"])).data)
    assert [line["lang"] for line in only_en] == ["en"]


@pytest.mark.parametrize(("query", "field"), [("layer=nobody", "layer"), ("lang=zz", "lang"),
                                              ("label=NOPE", "label"), ("format=xml", "format"),
                                              ("status=maybe", "status")])
def test_bad_export_options_are_400(client, annotated, query, field):
    project, _, t = annotated
    response = client.get(f"/api/v1/projects/{project.id}/export?{query}", headers=auth(t["rita"]))
    assert response.status_code == 400 and response.json["error"]["field"] == field


def test_by_group_writes_one_line_per_translation_group(client, make, annotated):
    project, _, t = annotated
    make.document(project.id, text="Standalone.", lang="en")
    body = client.get(f"/api/v1/projects/{project.id}/export?layer=all&by_group=1", headers=auth(t["rita"])).data
    lines = [orjson.loads(x) for x in body.splitlines()]
    assert [len(x["documents"]) for x in lines] == [2, 1]
    assert lines[0]["key"] == "story"
    for line in lines:
        for doc in line["documents"]:
            jsonschema.validate(doc, SCHEMA)


def test_cli_export_gzip(cli, annotated, app, tmp_path):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    out = tmp_path / "gold.jsonl.gz"
    result = cli(url, "export", "isw", "-o", str(out), "--layer", "gold")
    assert result.exit_code == 0, result.output
    lines = validate_lines(gzip.decompress(out.read_bytes()))
    assert sum(len(x["spans"]) for x in lines) == 2


def test_cli_export_unknown_project_fails(cli, app):
    result = cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "nope")
    assert result.exit_code == 1 and "no project 'nope'" in result.output


def test_review_needs_a_reviewer_and_a_valid_decision(client, annotated):
    project, doc, t = annotated
    span = client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json["spans"][0]
    assert client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "accept"},
                       headers=auth(t["olena"])).status_code == 403
    bad = client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "maybe"}, headers=auth(t["rita"]))
    assert bad.status_code == 400 and bad.json["error"]["field"] == "decision"
    stale = client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "reject", "version": 1},
                        headers=auth(t["rita"]))
    assert stale.status_code == 409


def test_agreement_compares_annotator_pairs(client, make, annotated):
    project, doc, t = annotated
    make.user("taras")
    taras = make.token("taras")
    add(client, doc, taras, "Путін")
    add(client, doc, taras, "ISW", "ACTOR")
    body = client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["rita"])).json
    assert body["annotators"] == ["olena", "taras"]
    pair = body["pairs"][0]
    assert pair["annotators"] == ["olena", "taras"] and pair["documents"] == 1
    assert pair["f1_exact"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), abs=1e-4)
    assert client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["olena"])).status_code == 403


@pytest.mark.parametrize(("fmt", "mimetype"), [("jsonl", "application/x-ndjson"), ("labelstudio", "application/json"),
                                               ("conll", "text/plain"), ("doccano", "application/x-ndjson")])
def test_each_format_downloads_with_its_media_type(client, annotated, fmt, mimetype):
    project, _, t = annotated
    response = client.get(f"/api/v1/projects/{project.id}/export?format={fmt}&layer=all", headers=auth(t["rita"]))
    assert response.status_code == 200 and response.mimetype == mimetype


def test_annotators_cannot_export_because_exports_hold_every_layer(client, annotated):
    project, _, t = annotated
    response = client.get(f"/api/v1/projects/{project.id}/export?layer=all", headers=auth(t["olena"]))
    assert response.status_code == 403


def _back_in_review(client, doc, t) -> None:
    assert client.put(f"/api/v1/documents/{doc.id}/review-state", json={"state": "in_review"},
                      headers=auth(t["rita"])).status_code == 200


def test_each_line_says_how_its_document_was_reviewed_and_who_made_each_relation(client, annotated):
    project, doc, t = annotated
    lines = validate_lines(client.get(f"/api/v1/projects/{project.id}/export?layer=all",
                                      headers=auth(t["rita"])).data)
    review = lines[0]["review"]
    assert (review["state"], review["by"]) == ("reviewed", "rita")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", review["at"])
    relations = lines[0]["relations"]
    assert [(r["type"], r["annotator"], r["status"]) for r in relations] == [("SAID_BY", "olena", "pending")]
    assert [(s["annotator"], s["status"]) for s in lines[0]["spans"]] == [
        ("olena", "accepted"), ("olena", "accepted"), ("olena", "rejected")]


def test_the_gold_layer_leaves_out_unreviewed_documents_and_the_api_says_how_many(client, annotated):
    project, doc, t = annotated
    _back_in_review(client, doc, t)
    response = client.get(f"/api/v1/projects/{project.id}/export?layer=gold", headers=auth(t["rita"]))
    assert [x["lang"] for x in validate_lines(response.data)] == ["en"]
    assert response.headers["X-Annotator-Left-Out"] == "1 not reviewed"
    asked = client.get(f"/api/v1/projects/{project.id}/export?layer=gold&include_unreviewed=1",
                       headers=auth(t["rita"]))
    lines = validate_lines(asked.data)
    assert [(x["lang"], x["review"]["state"]) for x in lines] == [("uk", "in_review"), ("en", "reviewed")]
    assert asked.headers["X-Annotator-Left-Out"] == "0 not reviewed"
    everything = client.get(f"/api/v1/projects/{project.id}/export?layer=all", headers=auth(t["rita"]))
    assert len(everything.data.splitlines()) == 2 and everything.headers["X-Annotator-Left-Out"] == "0 not reviewed"


def test_the_cli_says_how_many_documents_the_gold_layer_left_out(cli, client, annotated, app, tmp_path):
    project, doc, t = annotated
    _back_in_review(client, doc, t)
    url, out = app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "gold.jsonl"
    result = cli(url, "export", "isw", "-o", str(out))
    assert result.exit_code == 0 and len(out.read_bytes().splitlines()) == 1
    assert "1 document(s) left out: not reviewed (use --include-unreviewed)" in result.output
    result = cli(url, "export", "isw", "-o", str(out), "--include-unreviewed")
    assert result.exit_code == 0 and len(out.read_bytes().splitlines()) == 2 and "left out" not in result.output


def test_the_export_page_says_how_many_documents_are_not_reviewed(client, make, annotated):
    project, doc, t = annotated
    _back_in_review(client, doc, t)
    make.user("admin", "admin")
    login(client, "admin")
    page = client.get(f"/projects/{project.id}/export").get_data(as_text=True)
    assert 'name="include_unreviewed"' in page and "1 document(s) are not reviewed yet" in page


def _failing_writer(session, project, req):
    yield b'{"first":1}\n'
    raise RuntimeError("the database went away")


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_an_export_that_fails_midway_leaves_the_previous_file_whole(cli, annotated, app, tmp_path, monkeypatch, name):
    import annotator.cli
    from annotator import export as export_package
    from annotator.extensions import db

    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / name
    out.write_bytes(b"the previous export\n")
    monkeypatch.setitem(export_package.WRITERS, "jsonl", _failing_writer)
    with pytest.raises(RuntimeError):
        cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(out))
    with annotator.cli._app.app_context():  # the cli fixture closes its connections only when a command returns
        db.engine.dispose()
    assert out.read_bytes() == b"the previous export\n" and [p.name for p in folder.iterdir()] == [name]
    monkeypatch.undo()
    assert cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(out)).exit_code == 0
    body = gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()
    assert len(validate_lines(body)) == 2 and [p.name for p in folder.iterdir()] == [name]
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # as open() makes files, not mkstemp


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_an_export_reaches_the_disk_before_it_takes_its_name(cli, annotated, app, tmp_path, monkeypatch, name):
    """A power cut after the rename must not find an empty or cut file: the whole file is synced before the
    rename (the gzip trailer included), and the folder after it."""
    import os

    out, events = tmp_path / name, []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        path = os.readlink(f"/proc/self/fd/{fd}")
        size = os.fstat(fd).st_size
        events.append(("fsync", os.path.basename(path), size))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", os.path.basename(dst), os.path.getsize(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    assert cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(out)).exit_code == 0
    size = out.stat().st_size
    assert [e[0] for e in events] == ["fsync", "replace", "fsync"]
    assert events[0][1].endswith(".part") and events[0][2] == size  # the whole file, before its rename
    assert events[1] == ("replace", name, size) and events[2][1] == tmp_path.name  # then the folder


def test_a_folder_that_cannot_be_synced_does_not_fail_a_finished_export(cli, annotated, app, tmp_path, monkeypatch):
    """Windows and some network file systems refuse to fsync a folder (EINVAL): the file is whole under its name
    by then, so the command succeeds."""
    import errno
    import os
    import stat

    real_fsync = os.fsync

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "out.jsonl"
    result = cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(validate_lines(out.read_bytes())) == 2


KILLED_EXPORT = """
import sys, time
import annotator.export as export
from annotator.cli import main

def slow(session, project, req):
    yield b'{"first":1}\\n'
    time.sleep(60)

export.WRITERS["jsonl"] = slow
main(["export", "isw", "--layer", "all", "-o", sys.argv[1]])
"""


def test_an_export_killed_midway_leaves_no_partial_file(annotated, app, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.jsonl"
    out.write_bytes(b"the previous export\n")
    env = {**os.environ, "ANNOTATOR_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "ANNOTATOR_INSTANCE": str(tmp_path / "instance")}
    child = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(out)], env=env)
    try:
        deadline = time.monotonic() + 30
        while not list(folder.glob(".out.jsonl.*.part")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(folder.glob(".out.jsonl.*.part")), "the export never started"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert out.read_bytes() == b"the previous export\n"
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".")] == ["out.jsonl"]
