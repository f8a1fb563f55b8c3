"""Document-level labels: declared in the schema, set blind per annotator, settled by a reviewer."""

import copy

import pytest

from annotator.models import default_schema

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
    token = make.admin_token()
    project = make.project("p")
    schema = default_schema() | {"document": fields}
    response = client.patch(f"/api/v1/projects/{project.id}", json={"schema": schema, "version": project.version},
                            headers=auth(token))
    assert response.status_code == 400, response.json
    assert response.json["error"]["field"] == field


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
    ({"topic": "war"}, "values.topic"),
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
    assert refused.json["error"]["doc_labels"] == ["stance"]
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
