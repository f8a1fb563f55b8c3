"""Input that used to give a 500 (issue 12): each gets a 4xx naming the field, on SQLite and PostgreSQL."""

import json

import pytest
from sqlalchemy import select

from annotator.extensions import db
from annotator.models import TranslationGroup

BIG = 2**64 + 5  # beyond SQLite's integers: an OverflowError in the driver before ids were bounded


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def setup(client, make):
    """An admin, a project with one document, one span and one relation, and the ids of all of them."""
    headers = bearer(make.admin_token())
    project = make.project("news")
    doc = make.document(project.id, text="Зеленський said: the war will end 🙂.", lang="uk")
    claim = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 17, "end": 33, "label": "CLAIM"},
                        headers=headers).json
    actor = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 10, "label": "ACTOR"},
                        headers=headers).json
    rel = client.post(f"/api/v1/documents/{doc.id}/relations",
                      json={"head": claim["id"], "tail": actor["id"], "type": "SAID_BY"}, headers=headers).json
    return {"headers": headers, "pid": project.id, "did": doc.id, "sid": claim["id"], "aid": actor["id"],
            "rid": rel["id"]}


@pytest.mark.parametrize("path", ["/api/v1/documents/{big}", "/api/v1/projects/{big}/documents",
                                  "/api/v1/spans/{big}", "/api/v1/actors/{big}", "/api/v1/groups/{big}/alignment",
                                  "/api/v1/projects/{big}", "/documents/{big}", "/projects/{big}", "/groups/{big}",
                                  "/api/v1/documents/{long}"])
def test_ids_beyond_any_row_in_urls_are_404(client, setup, path):
    response = client.get(path.format(big=BIG, long="9" * 5000), headers=setup["headers"])
    assert response.status_code == 404


@pytest.mark.parametrize(("path", "payload", "field"), [
    ("/api/v1/documents/{did}/spans", {"start": 0, "end": 3, "label": "ACTOR", "actor": BIG}, "actor"),
    ("/api/v1/documents/{did}/relations", {"head": BIG, "tail": 1, "type": "SAID_BY"}, "head"),
    ("/api/v1/documents/{did}/comments", {"body": "x", "span": BIG}, "span"),
    ("/api/v1/spans/{sid}/project", {"doc": BIG, "start": 0, "end": 1}, "doc"),
    ("/api/v1/spans/{sid}/links", {"target": BIG}, "target"),
    ("/api/v1/projects/{pid}/assignments", {"documents": [BIG], "users": ["admin"]}, "documents[0]"),
    ("/api/v1/spans/{sid}/review", {"decision": "accept", "version": BIG}, "version"),
])
def test_ids_beyond_any_row_in_json_are_400(client, setup, path, payload, field):
    response = client.post(path.format(**setup), json=payload, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == field


def test_a_lone_surrogate_in_a_json_string_is_400(client, setup):
    raw = '{"body": "x\\ud800"}'
    response = client.post(f"/api/v1/documents/{setup['did']}/comments", data=raw,
                           headers={**setup["headers"], "Content-Type": "application/json"})
    assert response.status_code == 400 and "JSON" in response.json["error"]["message"]


def test_json_nested_100000_deep_is_400(client, setup):
    raw = '{"body": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post(f"/api/v1/documents/{setup['did']}/comments", data=raw,
                           headers={**setup["headers"], "Content-Type": "application/json"})
    assert response.status_code == 400


@pytest.mark.parametrize(("method", "path", "payload", "field"), [
    ("post", "/api/v1/spans/{sid}/review", {"decision": ["accept"]}, "decision"),
    ("post", "/api/v1/relations/{rid}/review", {"decision": {"a": 1}}, "decision"),
    ("post", "/api/v1/documents/{did}/relations", {"head": 1, "tail": 2, "type": {"x": 1}}, "type"),
    ("put", "/api/v1/groups/{gid}/alignment", {"a": [1], "b": 2, "beads": []}, "a"),
    ("post", "/api/v1/projects/{pid}/actors", {"name": "Lee", "lang": ["uk"]}, "lang"),
    ("put", "/api/v1/documents/{did}/state", {"state": ["done"]}, "state"),
    ("post", "/api/v1/documents/{did}/spans", {"start": 0, "end": 3, "label": ["ACTOR"]}, "label"),
])
def test_lists_and_objects_where_plain_values_belong_are_400(client, app, setup, method, path, payload, field):
    with app.app_context():
        group = TranslationGroup(project_id=setup["pid"], key="g")
        db.session.add(group)
        db.session.commit()
        gid = group.id
    response = getattr(client, method)(path.format(gid=gid, **setup), json=payload, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == field


@pytest.mark.parametrize("key", ["³", "²", "1234567890123456789012345", "٣", "0"])
def test_group_keys_that_look_like_numbers_are_keys(client, app, setup, key):
    response = client.post(f"/api/v1/projects/{setup['pid']}/documents",
                           json={"lang": "en", "text": f"Version {key}", "group": key}, headers=setup["headers"])
    assert response.status_code == 201, response.json
    assert response.json["group_key"] == key
    with app.app_context():
        stored = db.session.scalar(select(TranslationGroup.key).where(TranslationGroup.id == response.json["group"]))
    assert stored == key


def test_a_25_digit_group_number_is_a_key_too(client, setup):
    response = client.post(f"/api/v1/projects/{setup['pid']}/documents",
                           json={"lang": "en", "text": "A numbered group", "group": 10**24}, headers=setup["headers"])
    assert response.status_code == 201 and response.json["group_key"] == str(10**24)


@pytest.mark.parametrize("text", ["\x00starts with NUL", "ends with NUL\x00", "in\x00between"])
def test_text_holding_nul_is_refused(client, setup, text):
    response = client.post(f"/api/v1/projects/{setup['pid']}/documents", json={"lang": "en", "text": text},
                           headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == "text"


@pytest.mark.parametrize(("path", "payload", "field"), [
    ("/api/v1/documents/{did}/comments", {"body": "a\x00b"}, "body"),
    ("/api/v1/projects/{pid}/actors", {"name": "Lee", "names": {"en": ["L\x00"]}}, "names.en[0]"),
    ("/api/v1/projects/{pid}/documents", {"lang": "en", "text": "x", "meta": {"k\x00": 1}}, "meta.k\\u0000"),
])
def test_nul_anywhere_in_a_body_is_refused_naming_where(client, setup, path, payload, field):
    response = client.post(path.format(**setup), json=payload, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == field


def test_nul_in_a_query_string_or_form_is_400(client, setup):
    assert client.get(f"/api/v1/projects/{setup['pid']}/documents?q=%00", headers=setup["headers"]).status_code == 400
    assert client.get(f"/api/v1/projects/{setup['pid']}/actors?q=a%00", headers=setup["headers"]).status_code == 400


@pytest.mark.parametrize(("schema", "field"), [
    ({"labels": ["ACTOR", "CLAIM"]}, "schema.labels[0]"),
    ({"labels": [{"name": "ACTOR", "color": 255}]}, "schema.labels[0].color"),
    ({"labels": [{"name": "ACTOR", "hotkey": 5}]}, "schema.labels[0].hotkey"),
    ({"labels": [{"color": "#112233"}]}, "schema.labels[0].name"),
    ({"labels": [{"name": "ACTOR"}], "relations": [{"from": ["ACTOR"], "to": ["ACTOR"]}]}, "schema.relations[0].name"),
    ({"labels": [{"name": "ACTOR"}], "relations": [{"name": "R", "from": 5}]}, "schema.relations[0].from"),
    ({"labels": [{"name": "ACTOR", "attributes": "oops"}]}, "schema.labels[0].attributes"),
    ({"labels": [{"name": "ACTOR", "attributes": [{"name": "k", "type": "choice", "options": ["one"]}]}]},
     "schema.labels[0].attributes[0]"),
    ({"labels": [{"name": "A" * 5000}]}, "schema.labels[0].name"),
    ({"labels": [{"name": "ACTOR"}], "relations": [{"name": "R" * 101}]}, "schema.relations[0].name"),
    ({"labels": {"name": "ACTOR"}}, "schema.labels"),
    ("oops", "schema"),
    ({"labels": [{"name": "ACTOR", "weight": 2**64}]}, "schema.labels[0]"),
    ({"labels": [{"name": "ACTOR", "attributes": [{"name": "k", "min": -(2**63) - 1}]}]},
     "schema.labels[0].attributes[0]"),
    ({"labels": [{"name": "ACTOR"}], "relations": [{"name": "R", "note": {"n": [2**70]}}]}, "schema.relations[0]"),
])
def test_malformed_schemas_are_400_and_change_nothing(client, setup, schema, field):
    before = client.get(f"/api/v1/projects/{setup['pid']}", headers=setup["headers"]).json["schema"]
    response = client.patch(f"/api/v1/projects/{setup['pid']}", json={"schema": schema}, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == field
    assert client.get(f"/api/v1/projects/{setup['pid']}", headers=setup["headers"]).json["schema"] == before


def test_spans_with_attributes_still_work_after_a_refused_schema(client, setup):
    bad = {"labels": [{"name": "ACTOR", "attributes": "oops"}, {"name": "CLAIM"}, {"name": "POSITION"}]}
    client.patch(f"/api/v1/projects/{setup['pid']}", json={"schema": bad}, headers=setup["headers"])
    span = client.post(f"/api/v1/documents/{setup['did']}/spans",
                       json={"start": 0, "end": 10, "label": "ACTOR", "attrs": {"kind": "person"}},
                       headers=setup["headers"])
    assert span.status_code == 201


@pytest.mark.parametrize("query", ["per_page=0", "per_page=-1", "per_page=501", f"per_page={BIG}", "page=0",
                                   f"page={BIG}", "per_page=x"])
def test_paging_outside_its_bounds_is_400(client, setup, query):
    response = client.get(f"/api/v1/projects/{setup['pid']}/documents?{query}", headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == query.split("=")[0]


@pytest.mark.parametrize("limit", ["-1", "0", "101", str(BIG)])
def test_the_actor_limit_cannot_be_bypassed(client, setup, limit):
    response = client.get(f"/api/v1/projects/{setup['pid']}/actors?limit={limit}", headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == "limit"


def test_paging_inside_its_bounds_still_pages(client, setup, make):
    for n in range(3):
        make.document(setup["pid"], text=f"Document number {n}.", lang="en")
    page = client.get(f"/api/v1/projects/{setup['pid']}/documents?per_page=2&page=2", headers=setup["headers"]).json
    assert (len(page["documents"]), page["total"], page["pages"]) == (2, 4, 2)


@pytest.mark.parametrize(("method", "path", "payload", "field"), [
    ("post", "/api/v1/projects/{pid}/documents", {"lang": "en", "text": "x", "group": "g" * 201}, "group"),
    ("patch", "/api/v1/documents/{did}", {"group": "g" * 201}, "group"),
    ("post", "/api/v1/projects/{pid}/documents", {"lang": "en", "text": "x", "title": "t" * 501}, "title"),
    ("post", "/api/v1/projects/{pid}/actors", {"name": "n" * 301}, "name"),
    ("post", "/api/v1/projects/{pid}/actors", {"name": "Lee", "kind": "k" * 21}, "kind"),
    ("post", "/api/v1/documents/{did}/spans", {"start": 0, "end": 1, "label": "L" * 101}, "label"),
    ("post", "/api/v1/projects", {"name": "p" * 121}, "name"),
    ("post", "/api/v1/projects/{pid}/assignments", {"documents": [1], "users": ["u" * 81]}, "users[0]"),
])
def test_text_longer_than_its_column_is_400(client, setup, method, path, payload, field):
    response = getattr(client, method)(path.format(**setup), json=payload, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == field


def test_a_200_character_group_key_and_a_100_character_label_fit(client, setup):
    key = "г" * 200
    created = client.post(f"/api/v1/projects/{setup['pid']}/documents",
                          json={"lang": "en", "text": "A long key", "group": key}, headers=setup["headers"])
    assert created.status_code == 201 and created.json["group_key"] == key
    name = "Л" * 100
    schema = {"labels": [{"name": n} for n in ("ACTOR", "CLAIM", "POSITION", name)],
              "relations": [{"name": "SAID_BY", "from": ["CLAIM"], "to": ["ACTOR"]}]}
    version = client.get(f"/api/v1/projects/{setup['pid']}", headers=setup["headers"]).json["version"]
    assert client.patch(f"/api/v1/projects/{setup['pid']}", json={"schema": schema, "version": version},
                        headers=setup["headers"]).status_code == 200
    span = client.post(f"/api/v1/documents/{setup['did']}/spans", json={"start": 0, "end": 3, "label": name},
                       headers=setup["headers"])
    assert span.status_code == 201 and span.json["label"] == name


def test_a_body_that_is_not_an_object_is_400(client, setup):
    for raw in ("[]", '"text"', "5", "null"):
        response = client.post(f"/api/v1/documents/{setup['did']}/comments", data=raw,
                               headers={**setup["headers"], "Content-Type": "application/json"})
        assert response.status_code == 400 and response.json["error"]["code"] == "bad_request", raw
    assert json.loads(client.get("/api/v1/projects", headers=setup["headers"]).data)["projects"]


def _line(**fields) -> bytes:
    doc = {"id": "d-1", "text": "Kyiv said no.", "lang": "en",
           "spans": [{"id": "s-1", "start": 0, "end": 4, "label": "ACTOR", "annotator": "ann"}], **fields}
    return json.dumps(doc).encode()


def _span(**fields) -> dict:
    return {"id": "s-1", "start": 0, "end": 4, "label": "ACTOR", **fields}


@pytest.mark.parametrize(("body", "problem"), [
    (_line(spans=[_span(annotator="")]), "spans[0].annotator"),
    (_line(spans=[_span(annotator="a" * 80 + "x"), _span(id="s-2", annotator="a" * 80 + "y")]),
     "spans[0].annotator"),
    (_line(relations=[{"type": "SAID_BY", "head": "s-1", "tail": "s-1", "annotator": "b" * 81}]),
     "relations[0].annotator"),
    (_line(spans=[_span(annotator="ann", actor={"name": ["Putin"]})]), "spans[0].actor.name"),
    (_line(group="g", alignment={"uk": {"doc": "d-2", "pairs": [[[0], [0]]], "status": 5}}), "alignment.uk.status"),
    (_line(spans=[_span(annotator="a\x00b")]), "spans[0].annotator"),  # a 500 on PostgreSQL until refused
    (_line(spans=[_span(annotator="ann", attrs={"kind": "\x00"})]), "spans[0].attrs.kind"),
    (_line(spans=[_span(label="AC\x00TOR")]), "spans[0].label"),
    (_line(meta={"k\x00": "v"}), "meta.k\\u0000"),
])
def test_jsonl_imports_with_bad_annotations_are_400_and_write_nothing(client, app, setup, body, problem):
    """Issue 12: these lines once gave a 500 on import (an empty or cut user name, a list for an actor's name,
    a number for alignment statuses, NUL in any string on PostgreSQL); now every one is refused, named, and
    nothing is written (new labels allowed, so that a label is no reason to refuse)."""
    response = client.post(f"/api/v1/projects/{setup['pid']}/import?add_labels=1", data=body,
                           headers={**setup["headers"], "Content-Type": "application/x-ndjson"})
    assert response.status_code == 400, response.json
    assert any(f"field '{problem}'" in p for p in response.json["error"]["problems"]), response.json
    listing = client.get(f"/api/v1/projects/{setup['pid']}/documents", headers=setup["headers"]).json
    assert listing["total"] == 1  # the setup's document only


def test_a_label_setting_that_is_not_true_or_false_is_400_and_one_that_is_kept(client, setup):
    schema = {"labels": [{"name": "QUOTE", "clause": "yes"}]}
    response = client.post("/api/v1/projects", json={"name": "odd", "schema": schema}, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == "schema.labels[0].clause"
    schema = {"labels": [{"name": "QUOTE", "clause": True}, {"name": "ORG", "actor": True}]}
    response = client.post("/api/v1/projects", json={"name": "ok", "schema": schema}, headers=setup["headers"])
    assert response.status_code == 201, response.json
    labels = response.json["schema"]["labels"]
    assert labels[0]["clause"] is True and labels[1]["actor"] is True and "actor" not in labels[0]


def test_a_new_project_with_an_integer_beyond_64_bits_in_its_schema_is_400(client, setup):
    schema = {"labels": [{"name": "ACTOR", "rank": 2**64}]}
    response = client.post("/api/v1/projects", json={"name": "big", "schema": schema}, headers=setup["headers"])
    assert response.status_code == 400 and response.json["error"]["field"] == "schema.labels[0]"
    assert "64 bits" in response.json["error"]["message"]
