"""Document-level labels: declared in the schema, set blind per annotator, settled by a reviewer."""

import copy
import json
import re
from pathlib import Path

import jsonschema
import orjson
import pytest

from annotator.models import default_schema
from tests.conftest import login

FIELDS = [{"name": "stance", "type": "choice", "options": ["support", "oppose", "neutral"], "required": True},
          {"name": "topic", "type": "choice", "options": ["war", "economy", "energy"], "multiple": True},
          {"name": "urgent", "type": "bool"},
          {"name": "note", "type": "text"}]


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def schema_with_fields():
    return default_schema() | {"document": copy.deepcopy(FIELDS)}


@pytest.fixture
def team(make):
    """A project with document fields, one document, two annotators and a reviewer, each with a token."""
    for name, role in (("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
    project = make.project("stances", schema=schema_with_fields())
    doc = make.document(project.id, text="Kyiv said the plan is welcome. Moscow disagreed.", lang="en")
    return project, doc, {n: make.token(n) for n in ("olena", "taras", "rita")}


def put(client, doc, token, values, version):
    return client.put(f"/api/v1/documents/{doc.id}/doc-labels", json={"values": values, "version": version},
                      headers=auth(token))


def decide(client, doc, token, version, **what):
    return client.post(f"/api/v1/documents/{doc.id}/doc-labels/review", json={"version": version, **what},
                       headers=auth(token))


def patch_document_fields(client, make, fields, headers=None):
    """An admin PATCHes a new project's schema with these document fields."""
    token = make.admin_token()
    project = make.project("p")
    return client.patch(f"/api/v1/projects/{project.id}", json={"schema": default_schema() | {"document": fields},
                                                                "version": project.version},
                        headers=auth(token) | (headers or {}))


@pytest.mark.parametrize("fields, field", [
    ([{"name": "stance", "type": "choice", "options": ["only"]}], "schema.document[0]"),
    ([{"name": "stance", "type": "number"}], "schema.document[0].type"),
    ([{"name": "1bad", "type": "text"}], "schema.document[0].name"),
    ([{"name": "x" * 101, "type": "text"}], "schema.document[0].name"),
    ([{"name": "note", "type": "text", "multiple": True}], "schema.document[0]"),
    ([{"name": "a", "type": "choice", "options": ["p", "q", "p"]}], "schema.document[0].options"),
    ([{"name": "a", "type": "text"}, {"name": "a", "type": "bool"}], "schema.document[1].name"),
    ([{"name": "a", "type": "choice", "options": ["p", "x" * 201]}], "schema.document[0].options[1]"),
    ([{"name": "a", "required": "yes"}], "schema.document[0].required"),
])
def test_a_bad_document_field_is_a_400_naming_it(client, make, fields, field):
    response = patch_document_fields(client, make, fields)
    assert response.status_code == 400, response.json
    assert response.json["error"]["field"] == field


@pytest.mark.parametrize("fields, russian", [
    ([{"name": "a", "type": "text"}, {"name": "a", "type": "bool"}], "поле документа «a» встречается дважды"),
    ([{"name": "a", "type": "choice", "options": ["p", "q", "p"]}], "поле документа «a» содержит один вариант дважды"),
])
def test_a_bad_document_field_is_said_in_the_callers_language(client, make, fields, russian):
    response = patch_document_fields(client, make, fields, {"Accept-Language": "ru"})
    assert response.status_code == 400 and response.json["error"]["message"] == russian
    assert response.json["error"]["params"] == {"name": "a"}


def test_document_fields_are_saved_with_the_schema_and_a_stale_version_is_a_409(client, make):
    token = make.admin_token()
    project = make.project("p")
    schema = default_schema() | {"document": FIELDS}
    saved = client.patch(f"/api/v1/projects/{project.id}", json={"schema": schema, "version": project.version},
                         headers=auth(token))
    assert saved.status_code == 200, saved.json
    assert [f["name"] for f in saved.json["schema"]["document"]] == ["stance", "topic", "urgent", "note"]
    assert saved.json["schema"]["document"][3] == {"name": "note", "type": "text", "options": [], "required": False,
                                                   "multiple": False}
    stale = client.patch(f"/api/v1/projects/{project.id}", json={"schema": schema, "version": project.version},
                         headers=auth(token))
    assert stale.status_code == 409
    kept = client.patch(f"/api/v1/projects/{project.id}", json={"schema": {"labels": schema["labels"]},
                                                                "version": saved.json["version"]}, headers=auth(token))
    assert kept.json["schema"]["document"] == saved.json["schema"]["document"]  # left out: kept as it was


def test_a_document_field_with_values_cannot_be_removed(client, team, make):
    project, doc, t = team
    token = make.admin_token()
    put(client, doc, t["olena"], {"topic": ["war"]}, 0)
    version = client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json["version"]
    without_topic = default_schema() | {"document": [f for f in FIELDS if f["name"] != "topic"]}
    refused = client.patch(f"/api/v1/projects/{project.id}", json={"schema": without_topic, "version": version},
                           headers=auth(token))
    assert refused.status_code == 400, refused.json
    assert refused.json["error"]["field"] == "document" and "'topic'" in refused.json["error"]["message"]
    assert refused.json["error"]["params"] == {"name": "topic", "count": 1}
    without_note = default_schema() | {"document": [f for f in FIELDS if f["name"] != "note"]}  # no values: goes
    assert client.patch(f"/api/v1/projects/{project.id}", json={"schema": without_note, "version": version},
                        headers=auth(token)).status_code == 200


def test_an_annotator_sets_and_reads_their_labels_with_versions(client, team):
    _, doc, t = team
    fresh = client.get(f"/api/v1/documents/{doc.id}/doc-labels", headers=auth(t["olena"])).json
    assert fresh["values"] == {} and fresh["version"] == 0 and [f["name"] for f in fresh["fields"]][0] == "stance"
    first = put(client, doc, t["olena"], {"stance": "support", "topic": ["energy", "war"], "note": ""}, 0)
    assert first.status_code == 200, first.json
    assert first.json["values"] == {"stance": "support", "topic": ["war", "energy"]}  # schema order, empty dropped
    assert first.json["version"] == 1
    second = put(client, doc, t["olena"], {"stance": "oppose", "urgent": True}, 1)
    assert second.json["version"] == 2 and second.json["values"] == {"stance": "oppose", "urgent": True}
    stale = put(client, doc, t["olena"], {"stance": "neutral"}, 1)
    assert stale.status_code == 409 and stale.json["error"]["field"] == "version"
    assert stale.json["error"]["current"]["values"] == {"stance": "oppose", "urgent": True}
    again = put(client, doc, t["olena"], {"stance": "neutral"}, 0)  # "none yet", but there is one
    assert again.status_code == 409
    page = client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json
    assert page["doc_labels"]["values"] == {"stance": "oppose", "urgent": True}


@pytest.mark.parametrize("values, field", [
    ({"stance": "maybe"}, "values.stance"),
    ({"stance": ["support"]}, "values.stance"),
    ({"topic": "peace"}, "values.topic"),  # one option alone is taken as a list of one; this is none
    ({"topic": 5}, "values.topic"),
    ({"topic": ["war", "war"]}, "values.topic"),
    ({"urgent": "yes"}, "values.urgent"),
    ({"note": "x" * 2001}, "values.note"),
    ({"colour": "red"}, "values.colour"),
])
def test_bad_values_are_a_400_naming_the_field(client, team, values, field):
    _, doc, t = team
    response = put(client, doc, t["olena"], values, 0)
    assert response.status_code == 400, response.json
    assert response.json["error"]["field"] == field


def test_annotators_work_blind(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support"}, 0)
    theirs = client.get(f"/api/v1/documents/{doc.id}/doc-labels", headers=auth(t["taras"])).json
    assert theirs["values"] == {} and theirs["version"] == 0
    assert client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["taras"])).json["doc_labels"]["values"] == {}
    assert client.get(f"/api/v1/documents/{doc.id}/doc-labels/review", headers=auth(t["taras"])).status_code == 403
    assert decide(client, doc, t["taras"], 0, field="stance", value="oppose").status_code == 403
    put(client, doc, t["taras"], {"stance": "oppose"}, 0)
    assert client.get(f"/api/v1/documents/{doc.id}/doc-labels", headers=auth(t["olena"])).json["values"] == {
        "stance": "support"}


def test_a_required_document_field_blocks_done(client, team):
    _, doc, t = team
    refused = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"}, headers=auth(t["olena"]))
    assert refused.status_code == 409
    assert refused.json["error"]["code"] == "required_attributes"
    assert refused.json["error"]["doc_labels"] == ["stance"] and refused.json["error"]["params"] == {"fields": "stance"}
    ukrainian = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"},
                           headers=auth(t["olena"]) | {"Accept-Language": "uk"})
    assert ukrainian.json["error"]["message"] == "документ потребує обовʼязкових полів документа: stance"
    put(client, doc, t["olena"], {"topic": ["war"]}, 0)
    assert client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"},
                      headers=auth(t["olena"])).status_code == 409
    put(client, doc, t["olena"], {"stance": "neutral"}, 1)
    done = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"}, headers=auth(t["olena"]))
    assert done.status_code == 200 and done.json["state"] == "done"


def test_the_reviewer_takes_one_annotators_value_or_sets_one(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support", "topic": ["war"]}, 0)
    put(client, doc, t["taras"], {"stance": "oppose", "topic": ["war"]}, 0)
    view = client.get(f"/api/v1/documents/{doc.id}/doc-labels/review", headers=auth(t["rita"])).json
    assert [(a["annotator"], a["values"]["stance"]) for a in view["annotators"]] == [("olena", "support"),
                                                                                   ("taras", "oppose")]
    assert view["gold"]["version"] == 0 and view["undecided"] == ["stance"]
    taken = decide(client, doc, t["rita"], 0, field="stance", take="taras")
    assert taken.status_code == 200, taken.json
    assert taken.json["gold"]["values"] == {"stance": "oppose"} and taken.json["undecided"] == []
    assert {a["annotator"]: a["status"] for a in taken.json["annotators"]} == {"olena": "rejected",
                                                                              "taras": "accepted"}
    stale = decide(client, doc, t["rita"], 0, field="topic", value=["war"])
    assert stale.status_code == 409 and stale.json["error"]["current"]["gold"]["version"] == 1
    set_ = decide(client, doc, t["rita"], 1, field="topic", value=["economy", "war"])
    assert set_.json["gold"]["values"] == {"stance": "oppose", "topic": ["war", "economy"]}
    assert decide(client, doc, t["rita"], 2, field="topic", value=["coal"]).status_code == 400
    assert decide(client, doc, t["rita"], 2, field="mood", value="x").json["error"]["field"] == "field"
    assert decide(client, doc, t["rita"], 2, field="stance", take="nobody").json["error"]["field"] == "take"
    decided = put(client, doc, t["taras"], {"stance": "support"}, 1)  # decisions stick
    assert decided.status_code == 409 and decided.json["error"]["code"] == "decided"
    history = client.get(f"/api/v1/documents/{doc.id}/history", headers=auth(t["rita"])).json
    assert any(e.get("action") == "doc_labels" for e in history["events"])


def test_changing_labels_a_reviewer_decided_is_a_translated_409(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support"}, 0)
    assert decide(client, doc, t["rita"], 0, field="stance", take="olena").status_code == 200
    english = put(client, doc, t["olena"], {"stance": "oppose"}, 1)
    assert english.status_code == 409, english.json
    assert english.json["error"]["code"] == "decided" and english.json["error"]["params"] == {"status": "accepted"}
    assert "document labels" in english.json["error"]["message"]
    ukrainian = client.put(f"/api/v1/documents/{doc.id}/doc-labels", json={"values": {"stance": "oppose"},
                                                                           "version": 1},
                           headers=auth(t["olena"]) | {"Accept-Language": "uk"})
    assert ukrainian.status_code == 409 and "рецензент" in ukrainian.json["error"]["message"]


def test_the_history_page_names_document_label_events_and_shows_their_values(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support", "topic": ["war", "energy"]}, 0)
    decide(client, doc, t["rita"], 0, field="stance", take="olena")
    login(client, "rita")
    html = client.get(f"/documents/{doc.id}/history").get_data(as_text=True)
    assert re.search(r'data-entity="doc_labels" data-action="doc_labels">.*?settled</span> document labels', html,
                     re.S)
    assert re.search(r'data-entity="doc_labels" data-action="create">.*?created</span> document labels', html, re.S)
    assert re.search(r"<ins>(stance: support, topic: war \+ energy|topic: war \+ energy, stance: support)</ins>", html)
    assert "<ins>stance: support</ins>" in html  # the gold set the reviewer settled
    ukrainian = client.get(f"/documents/{doc.id}/history", headers={"Accept-Language": "uk"}).get_data(as_text=True)
    assert "установив</span> мітки документа" in ukrainian and "doc_labels</" not in ukrainian


def test_a_managers_own_set_is_no_annotator_layer_and_the_view_says_project_roles(client, team, make):
    project, doc, t = team
    make.user("maks", "annotator")  # an annotator elsewhere, this project's manager
    make.member(project.id, "maks", "manager")
    t["maks"] = make.token("maks")
    put(client, doc, t["olena"], {"stance": "support"}, 0)
    put(client, doc, t["maks"], {"stance": "oppose"}, 0)
    taken = decide(client, doc, t["rita"], 0, field="stance", take="olena")
    assert taken.status_code == 200, taken.json
    view = {a["annotator"]: (a["role"], a["annotates"], a["status"]) for a in taken.json["annotators"]}
    assert view == {"olena": ("annotator", True, "accepted"), "maks": ("manager", False, "pending")}
    assert client.get(f"/api/v1/documents/{doc.id}/doc-labels", headers=auth(t["olena"])).json["locked"] is True
    assert client.get(f"/api/v1/documents/{doc.id}/doc-labels", headers=auth(t["maks"])).json["locked"] is False
    assert put(client, doc, t["maks"], {"stance": "neutral"}, 1).status_code == 200


def test_marking_reviewed_with_an_unsettled_required_field_is_undecided(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support"}, 0)
    url = f"/api/v1/documents/{doc.id}/review-state"
    refused = client.put(url, json={"state": "reviewed"}, headers=auth(t["rita"]))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "undecided"
    assert refused.json["error"]["doc_labels"] == ["stance"]
    decide(client, doc, t["rita"], 0, field="stance", take="olena")
    assert client.put(url, json={"state": "reviewed"}, headers=auth(t["rita"])).status_code == 200


def test_accept_agreed_settles_the_fields_every_annotator_set_alike(client, team):
    _, doc, t = team
    put(client, doc, t["olena"], {"stance": "support", "topic": ["war", "energy"], "note": "a"}, 0)
    put(client, doc, t["taras"], {"stance": "support", "topic": ["energy", "war"], "note": "b"}, 0)
    done = client.post(f"/api/v1/documents/{doc.id}/review/accept-agreed", headers=auth(t["rita"]))
    assert done.json["doc_labels"] == 2
    view = client.get(f"/api/v1/documents/{doc.id}/doc-labels/review", headers=auth(t["rita"])).json
    assert view["gold"]["values"] == {"stance": "support", "topic": ["war", "energy"]}


# --- exports and imports -------------------------------------------------------------------------------------

DOC_SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "annotator.document.v1.schema.json").read_text())


@pytest.fixture
def labelled(client, team, make):
    """Two annotators' document labels (with a text field) and the reviewer's gold, the document reviewed."""
    project, doc, t = team
    t["admin"] = make.admin_token()
    put(client, doc, t["olena"], {"stance": "support", "topic": ["war", "energy"], "note": "cautious"}, 0)
    put(client, doc, t["taras"], {"stance": "oppose", "urgent": False}, 0)
    decide(client, doc, t["rita"], 0, field="stance", take="taras")
    decide(client, doc, t["rita"], 1, field="topic", take="olena")
    decide(client, doc, t["rita"], 2, field="note", value="Kyiv's view")
    decide(client, doc, t["rita"], 3, field="urgent", value=True)
    assert client.put(f"/api/v1/documents/{doc.id}/review-state", json={"state": "reviewed"},
                      headers=auth(t["rita"])).status_code == 200
    return project, doc, t


GOLD = {"stance": "oppose", "topic": ["war", "energy"], "note": "Kyiv's view", "urgent": True}


def export(client, project, token, fmt="jsonl", layer="gold"):
    response = client.get(f"/api/v1/projects/{project.id}/export?format={fmt}&layer={layer}", headers=auth(token))
    assert response.status_code == 200, response.data[:300]
    return response


def test_the_native_line_holds_gold_and_each_annotators_labels_and_validates(client, labelled):
    project, _, t = labelled
    (gold,) = [orjson.loads(x) for x in export(client, project, t["rita"]).data.splitlines()]
    jsonschema.validate(gold, DOC_SCHEMA)
    assert gold["doc_labels"] == GOLD and "doc_labels_by" not in gold
    (everything,) = [orjson.loads(x) for x in export(client, project, t["rita"], layer="all").data.splitlines()]
    jsonschema.validate(everything, DOC_SCHEMA)
    assert everything["doc_labels"] == GOLD
    assert everything["doc_labels_by"] == [
        {"annotator": "olena", "values": {"stance": "support", "topic": ["war", "energy"], "note": "cautious"},
         "status": "rejected"},
        {"annotator": "taras", "values": {"stance": "oppose", "urgent": False}, "status": "rejected"}]
    (own,) = [orjson.loads(x) for x in export(client, project, t["rita"], layer="taras").data.splitlines()]
    assert own["doc_labels"] == {} and own["doc_labels_by"] == [everything["doc_labels_by"][1]]


def test_a_change_of_labels_rebuilds_the_kept_line(client, labelled):
    project, doc, t = labelled
    first = export(client, project, t["rita"]).data  # kept now
    decide(client, doc, t["rita"], 4, field="stance", value="neutral")
    again = orjson.loads(export(client, project, t["rita"]).data)
    assert first != orjson.dumps(again) and again["doc_labels"]["stance"] == "neutral"


def test_doccano_writes_cats_and_the_values(client, labelled):
    project, _, t = labelled
    for fmt in ("doccano", "doccano-rel"):
        line = orjson.loads(export(client, project, t["rita"], fmt).data)
        assert line["cats"] == ["stance:oppose", "topic:war", "topic:energy", "urgent:true"]
        assert line["doc_labels"] == GOLD
    losses = orjson.loads(export(client, project, t["rita"], "doccano", "all").headers["X-Export-Losses"])
    assert losses["annotators' document label sets"] == 2


def test_label_studio_writes_document_choices(client, labelled):
    project, _, t = labelled
    (task,) = orjson.loads(export(client, project, t["rita"], "labelstudio").data)
    results = {r["from_name"]: r for r in task["annotations"][0]["result"] if r["to_name"] == "text"
               and "start" not in r["value"]}
    assert results["stance"] == {"from_name": "stance", "to_name": "text", "type": "choices",
                                 "value": {"choices": ["oppose"]}}
    assert results["topic"]["value"] == {"choices": ["war", "energy"]}
    assert results["urgent"]["value"] == {"choices": ["true"]}
    assert results["note"] == {"from_name": "note", "to_name": "text", "type": "textarea",
                               "value": {"text": ["Kyiv's view"]}}


def test_conll_parallel_and_hf_carry_them(client, labelled):
    project, _, t = labelled
    conll = export(client, project, t["rita"], "conll").data.decode()
    assert '# doc_labels = {"stance":"oppose","topic":["war","energy"],"urgent":true,"note":"Kyiv\'s view"}' in conll
    row = orjson.loads(export(client, project, t["rita"], "hf").data)
    assert orjson.loads(row["doc_labels"]) == GOLD


def test_parallel_sides_carry_the_versions_labels(client, make):
    make.user("rita", "reviewer")
    token = make.token("rita")
    project = make.project("par", schema=schema_with_fields())
    en = make.document(project.id, text="One sentence here. Two sentences there.", lang="en", group="g1")
    make.document(project.id, text="Одне речення тут. Два речення там.", lang="uk", group="g1")
    decide(client, en, token, 0, field="stance", value="neutral")
    lines = [orjson.loads(x) for x in export(client, project, token, "parallel", "all").data.splitlines()]
    assert lines and all(x["src"]["doc_labels"] == {"stance": "neutral"} and "doc_labels" not in x["tgt"]
                         for x in lines)


def test_spacy_doc_cats_score_every_category(client, labelled):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    project, _, t = labelled
    (doc,) = DocBin().from_bytes(export(client, project, t["rita"], "spacy").data).get_docs(spacy.blank("xx").vocab)
    assert doc.cats == {"stance:support": 0.0, "stance:oppose": 1.0, "stance:neutral": 0.0, "topic:war": 1.0,
                        "topic:economy": 0.0, "topic:energy": 1.0, "urgent": 1.0}
    assert doc.user_data["annotator"]["doc_labels"]["note"] == "Kyiv's view"


def test_export_import_export_keeps_document_labels(cli, app, labelled, empty_database_url, tmp_path):
    from sqlalchemy import create_engine

    from annotator.db import upgrade

    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(schema_with_fields()))
    for layer in ("all", "gold"):
        first, second = tmp_path / f"{layer}-1.jsonl", tmp_path / f"{layer}-2.jsonl"
        url = empty_database_url
        assert cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "stances", "--layer", layer,
                   "-o", str(first)).exit_code == 0
        if layer == "all":
            engine = create_engine(url)
            upgrade(engine)
            engine.dispose()
            assert cli(url, "project", "create", "stances", "--schema", str(schema)).exit_code == 0
            imported = cli(url, "import", "stances", str(first))
            assert imported.exit_code == 0, imported.output
        assert cli(url, "export", "stances", "--layer", layer, "-o", str(second)).exit_code == 0
        assert re.sub(rb'"d-\d+"', b"", second.read_bytes()) == re.sub(rb'"d-\d+"', b"", first.read_bytes())
        assert b'"doc_labels":{"stance":"oppose"' in second.read_bytes()


def test_a_users_layer_carries_their_labels_as_theirs_and_imports_them_so(cli, app, client, labelled,
                                                                         empty_database_url, tmp_path):
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from annotator.db import upgrade
    from annotator.models import DocumentLabels, User

    project, _, t = labelled
    (line,) = [orjson.loads(x) for x in export(client, project, t["rita"], layer="olena").data.splitlines()]
    jsonschema.validate(line, DOC_SCHEMA)
    assert line["doc_labels"] == {}
    assert line["doc_labels_by"] == [{"annotator": "olena", "values": {"stance": "support", "topic": ["war", "energy"],
                                                                       "note": "cautious"}, "status": "rejected"}]
    doccano = orjson.loads(export(client, project, t["rita"], fmt="doccano", layer="olena").data.splitlines()[0])
    assert doccano["doc_labels"]["stance"] == "support"  # one-set formats write the user's own
    exported, schema = tmp_path / "olena.jsonl", tmp_path / "schema.json"
    schema.write_text(json.dumps(schema_with_fields()))
    assert cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "stances", "--layer", "olena",
               "-o", str(exported)).exit_code == 0
    engine = create_engine(empty_database_url)
    upgrade(engine)
    assert cli(empty_database_url, "project", "create", "stances", "--schema", str(schema)).exit_code == 0
    imported = cli(empty_database_url, "import", "stances", str(exported))
    assert imported.exit_code == 0, imported.output
    with Session(engine) as session:
        rows = session.execute(select(User.username, DocumentLabels.values)
                               .outerjoin(User, User.id == DocumentLabels.annotator_id)).all()
    engine.dispose()
    assert [(name, values["stance"]) for name, values in rows] == [("olena", "support")]  # hers, not gold


def test_import_refuses_labels_the_schema_does_not_declare(client, team, make):
    project, _, _ = team
    token = make.admin_token()
    line = orjson.dumps({"text": "Some text.", "lang": "en", "doc_labels": {"stance": "maybe"},
                         "doc_labels_by": [{"annotator": "olena", "values": {"mood": "x"}}]})
    response = client.post(f"/api/v1/projects/{project.id}/import", data=line, headers=auth(token))
    assert response.status_code == 400
    problems = " ".join(response.json["error"]["problems"])
    assert "doc_labels: 'stance' must be one of" in problems and "doc_labels_by[0].values" in problems


# --- agreement -----------------------------------------------------------------------------------------------

def test_agreement_per_document_field_matches_a_hand_computation(client, team, make):
    """stance over three documents: (support, support), (oppose, support), (neutral, neutral).
    Observed: 2 of 3 pairs agree. Cohen's kappa: p_o = 2/3, p_e = (1*2 + 1*0 + 1*1)/9 = 1/3, so 0.5.
    Krippendorff's alpha: coincidences s-s 2, n-n 2, s-o 1, o-s 1 (n = 6; totals s 3, o 1, n 2), D_o = 2,
    D_e = (3*1 + 3*2 + 1*3 + 1*2 + 2*3 + 2*1)/5 = 22/5, alpha = 1 - 2/(22/5) = 6/11.
    topic (several options, compared whole): equal sets on one document, one annotator alone on another."""
    project, first, t = team
    docs = [first] + [make.document(project.id, text=f"Another text number {k}.", lang="en") for k in (2, 3)]
    olena = [("support", ["energy", "war"]), ("oppose", None), ("neutral", ["war"])]
    taras = [("support", ["war", "energy"]), ("support", ["economy"]), ("neutral", None)]
    for doc, (s1, t1), (s2, t2) in zip(docs, olena, taras, strict=True):
        put(client, doc, t["olena"], {"stance": s1, "topic": t1}, 0)
        put(client, doc, t["taras"], {"stance": s2, "topic": t2}, 0)
    put(client, docs[0], t["rita"], {"stance": "oppose"}, 0)  # a reviewer's own set is not a layer
    figures = client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["rita"])).json["doc_labels"]
    stance, topic, urgent = figures
    assert stance == {"field": "stance", "documents": 3, "observed": round(2 / 3, 4), "alpha": round(6 / 11, 4),
                      "pairs": [{"annotators": ["olena", "taras"], "documents": 3, "kappa": 0.5}]}
    assert (topic["documents"], topic["observed"]) == (1, 1.0)
    assert (urgent["field"], urgent["documents"], urgent["observed"]) == ("urgent", 0, None)
    login(client, "rita")
    html = client.get(f"/projects/{project.id}/agreement").get_data(as_text=True)
    assert 'id="ag-doc-fields"' in html and 'data-field="stance"' in html and "0.55" in html


def test_a_renamed_annotator_rebuilds_the_all_layers_kept_line(client, app, labelled):
    from sqlalchemy import text

    from annotator.extensions import db

    project, _, t = labelled
    export(client, project, t["rita"], layer="all")  # kept now
    with app.app_context():
        db.session.execute(text("UPDATE users SET username = 'olena_k' WHERE username = 'olena'"))
        db.session.commit()
    line = orjson.loads(export(client, project, t["rita"], layer="all").data)
    assert [x["annotator"] for x in line["doc_labels_by"]] == ["olena_k", "taras"]


def test_a_field_of_several_options_takes_a_list_through_the_api(client, team):
    """Only importers of other tools' files read one option as a list of it; the API asks for the list."""
    _, doc, t = team
    response = put(client, doc, t["olena"], {"stance": "support", "topic": "war"}, 0)
    assert response.status_code == 400 and response.json["error"]["field"] == "values.topic"
    assert put(client, doc, t["olena"], {"stance": "support", "topic": ["war"]}, 0).status_code == 200


def label_studio_task(text: str, label: str = "ACTOR") -> bytes:
    """A task as another Label Studio project writes it: a labelled region with a control of its own
    (certainty), a document control the project lacks (sentiment), and one option of a field of several."""
    region = {"start": 0, "end": 5, "text": text[:5], "labels": [label]}
    return orjson.dumps([{"id": 7, "data": {"text": text, "lang": "en"}, "annotations": [{"result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": region},
        {"id": "r1", "from_name": "certainty", "to_name": "text", "type": "choices",
         "value": {"start": 0, "end": 5, "choices": ["high"]}},
        {"id": "d1", "from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["neg"]}},
        {"id": "d2", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["war"]}},
    ]}]}])


def test_another_label_studio_projects_controls_are_left_out_and_named(app, make, cli, tmp_path):
    """Controls the project has no attribute or field for do not stop the import: they are left out and named."""
    from sqlalchemy import select

    from annotator.extensions import db
    from annotator.ingest import parse_files
    from annotator.models import DocumentLabels, Project, Span
    from annotator.services import imports

    project = make.project("ls", schema=schema_with_fields())
    data = label_studio_task("Kyiv said on Monday that talks would resume.")
    with app.app_context():
        parsed = parse_files([("tasks.json", data)], "labelstudio", "auto")
        assert not parsed.errors, [e.message for e in parsed.errors]
        assert imports.unknown_controls(db.session.get(Project, project.id), parsed.inputs) == \
            {"certainty": 1, "sentiment": 1}
        result = imports.import_documents(db.session, db.session.get(Project, project.id), parsed.inputs)
        db.session.commit()
        assert result.left_out == {"certainty": 1, "sentiment": 1}
        assert db.session.scalars(select(Span.attrs).where(Span.document_id == result.ids[0])).all() == [{}]
        assert [dict(v) for v in db.session.scalars(select(DocumentLabels.values)
                                                    .where(DocumentLabels.document_id == result.ids[0]))] == \
            [{"topic": ["war"]}]
    file = tmp_path / "tasks.json"
    file.write_bytes(label_studio_task("Odesa said on Tuesday that ships would sail."))
    run = cli(app.config["SQLALCHEMY_DATABASE_URI"], "import", "ls", str(file))
    assert run.exit_code == 0, run.output
    assert "left out 'certainty' (1 value(s))" in run.output and "left out 'sentiment'" in run.output


def test_a_label_the_import_adds_brings_no_unknown_control_with_it(app, make, cli, tmp_path):
    """A new label has no attributes in the schema yet: its controls are left out like any other, not refused."""
    project = make.project("ls", schema=schema_with_fields())
    file = tmp_path / "tasks.json"
    file.write_bytes(label_studio_task("Odesa said on Tuesday that ships would sail.", label="PLACE"))
    run = cli(app.config["SQLALCHEMY_DATABASE_URI"], "import", "ls", str(file), "--add-labels")
    assert run.exit_code == 0, run.output
    assert "left out 'certainty' (1 value(s))" in run.output
    with app.app_context():
        from annotator.extensions import db
        from annotator.models import Project
        assert "PLACE" in db.session.get(Project, project.id).label_names()


@pytest.mark.parametrize(("fmt", "name", "layer"), [("labelstudio", "tasks.json", "import:labelstudio"),
                                                     ("doccano", "lines.jsonl", "import:doccano")])
def test_label_studio_and_doccano_exports_bring_their_labels_and_attributes_back(app, client, labelled, make, fmt,
                                                                                   name, layer):
    """What annotator writes to these formats reads back: the document labels (as the import's own layer,
    pending review), and in Label Studio the spans' attributes too."""
    from sqlalchemy import select

    from annotator.extensions import db
    from annotator.ingest import parse_files
    from annotator.models import DocumentLabels, Span, User
    from annotator.services import imports

    project, doc, t = labelled
    position = client.post(f"/api/v1/documents/{doc.id}/spans", json={
        "start": 10, "end": 29, "label": "POSITION", "attrs": {"polarity": "support"}}, headers=auth(t["rita"]))
    assert position.status_code == 201, position.json
    client.post(f"/api/v1/spans/{position.json['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    data = export(client, project, t["rita"], fmt).data
    copy_of = make.project("copy", schema=schema_with_fields())
    with app.app_context():
        parsed = parse_files([(name, data)], fmt, "auto")
        assert not parsed.errors, [e.message for e in parsed.errors]
        result = imports.import_documents(db.session, db.session.get(type(project), copy_of.id), parsed.inputs)
        db.session.commit()
        new_id = result.ids[0]
        labels = db.session.execute(select(User.username, DocumentLabels.values, DocumentLabels.status)
                                    .join(User, User.id == DocumentLabels.annotator_id)
                                    .where(DocumentLabels.document_id == new_id)).all()
        assert [(n, dict(v), str(s.value if hasattr(s, "value") else s)) for n, v, s in labels] == \
            [(layer, GOLD, "pending")]
        attrs = db.session.scalars(select(Span.attrs).where(Span.document_id == new_id, Span.label == "POSITION")).all()
        assert attrs == ([{"polarity": "support"}] if fmt == "labelstudio" else [{}])
