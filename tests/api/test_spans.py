import pytest

TEXT = "🙂 Путін заявив, що «припинення вогню» неможливе.\n😀 ISW вважає інакше. замо\u0301к пʼять"  # NFC already


def auth(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def setup(make):
    """A project, a document and two annotators plus a reviewer, each with a token."""
    project = make.project()
    doc = make.document(project.id, text=TEXT)
    tokens = {}
    for name, role in (("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
        tokens[name] = make.token(name)
    return project, doc, tokens


def add(client, doc, token, word, label="ACTOR", **extra):
    start = TEXT.index(word)
    return client.post(f"/api/v1/documents/{doc.id}/spans",
                       json={"start": start, "end": start + len(word), "label": label, **extra}, headers=auth(token))


def spans_of(client, doc, token):
    return client.get(f"/api/v1/documents/{doc.id}", headers=auth(token)).json["spans"]


def test_span_after_an_emoji_uses_code_point_offsets(client, setup):
    _, doc, t = setup
    created = add(client, doc, t["olena"], "Путін")
    assert created.status_code == 201
    assert (created.json["start"], created.json["end"], created.json["text"]) == (2, 7, "Путін")
    assert created.json["version"] == 1 and created.json["annotator"] == "olena"
    assert spans_of(client, doc, t["olena"])[0]["text"] == "Путін"


def test_spans_with_combining_marks_and_apostrophes(client, setup):
    _, doc, t = setup
    assert add(client, doc, t["olena"], "пʼять", "CLAIM").json["text"] == "пʼять"
    assert add(client, doc, t["olena"], "замо\u0301к", "CLAIM").json["text"] == "замо\u0301к"


@pytest.mark.parametrize(("payload", "field"), [
    ({"start": 0, "end": len(TEXT) + 1, "label": "ACTOR"}, "end"),
    ({"start": 5, "end": 5, "label": "ACTOR"}, "end"),
    ({"start": -1, "end": 3, "label": "ACTOR"}, "start"),
    ({"start": "a", "end": 3, "label": "ACTOR"}, "start"),
    ({"start": True, "end": 3, "label": "ACTOR"}, "start"),
    ({"start": 0, "end": 3.5, "label": "ACTOR"}, "end"),
    ({"start": 0, "end": 3, "label": "NOPE"}, "label"),
    ({"start": 0, "end": 3, "label": "POSITION", "attrs": {"polarity": "maybe"}}, "attrs.polarity"),
    ({"start": 0, "end": 3, "label": "CLAIM", "attrs": {"hedged": "yes"}}, "attrs.hedged"),
    ({"start": 0, "end": 3, "label": "CLAIM", "attrs": {"colour": "red"}}, "attrs.colour"),
    ({"start": 0, "end": 3, "label": "CLAIM", "attrs": ["x"]}, "attrs"),
    ({"start": 0, "end": 3, "label": "ACTOR", "actor": 999}, "actor"),
])
def test_bad_spans_are_refused_naming_the_field(client, setup, payload, field):
    _, doc, t = setup
    response = client.post(f"/api/v1/documents/{doc.id}/spans", json=payload, headers=auth(t["olena"]))
    assert response.status_code == 400
    assert response.json["error"]["field"] == field
    assert spans_of(client, doc, t["olena"]) == []


def test_typed_attributes_are_stored(client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "ISW", "POSITION", attrs={"polarity": "oppose", "note": "x"}).json
    assert span["attrs"] == {"polarity": "oppose", "note": "x"}
    claim = add(client, doc, t["olena"], "вогню", "CLAIM", attrs={"hedged": True}).json
    assert claim["attrs"] == {"hedged": True}


def test_patch_with_the_current_version_then_a_stale_one_is_409(client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "ISW").json
    ok = client.patch(f"/api/v1/spans/{span['id']}", json={"label": "CLAIM", "version": 1}, headers=auth(t["olena"]))
    assert ok.status_code == 200 and ok.json["version"] == 2 and ok.json["label"] == "CLAIM"
    stale = client.patch(f"/api/v1/spans/{span['id']}", json={"label": "POSITION", "version": 1},
                         headers=auth(t["olena"]))
    assert stale.status_code == 409
    assert stale.json["error"]["current"]["label"] == "CLAIM"
    assert stale.json["error"]["current"]["version"] == 2


def test_changing_the_label_drops_attributes_the_new_label_lacks(client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "ISW", "POSITION", attrs={"polarity": "support"}).json
    changed = client.patch(f"/api/v1/spans/{span['id']}", json={"label": "CLAIM", "version": 1},
                           headers=auth(t["olena"]))
    assert changed.json["attrs"] == {}


def test_patch_without_a_version_is_400(client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "ISW").json
    response = client.patch(f"/api/v1/spans/{span['id']}", json={"label": "CLAIM"}, headers=auth(t["olena"]))
    assert response.status_code == 400 and response.json["error"]["field"] == "version"


def test_annotators_are_blind_to_each_other(client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "Путін").json
    assert spans_of(client, doc, t["taras"]) == []
    assert client.get(f"/api/v1/spans/{span['id']}", headers=auth(t["taras"])).status_code == 404
    assert client.delete(f"/api/v1/spans/{span['id']}", headers=auth(t["taras"])).status_code == 404
    assert client.patch(f"/api/v1/spans/{span['id']}", json={"label": "CLAIM", "version": 1},
                        headers=auth(t["taras"])).status_code == 404
    assert [s["annotator"] for s in spans_of(client, doc, t["rita"])] == ["olena"]


def test_project_setting_opens_annotations_up(app, client, setup):
    project, doc, t = setup
    add(client, doc, t["olena"], "Путін")
    from annotator.extensions import db
    from annotator.models import Project

    with app.app_context():
        db.session.get(Project, project.id).settings = {"open_annotations": True}
        db.session.commit()
    assert len(spans_of(client, doc, t["taras"])) == 1


def test_delete_is_soft_and_restore_brings_relations_back(client, setup):
    _, doc, t = setup
    actor = add(client, doc, t["olena"], "Путін").json
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json
    rel = client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": actor["id"],
                                                                     "type": "SAID_BY"}, headers=auth(t["olena"])).json
    deleted = client.delete(f"/api/v1/spans/{actor['id']}", headers=auth(t["olena"]))
    assert deleted.json == {"id": actor["id"], "deleted": True, "relations_deleted": [rel["id"]]}
    doc_json = client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json
    assert [s["id"] for s in doc_json["spans"]] == [claim["id"]] and doc_json["relations"] == []
    restored = client.post(f"/api/v1/spans/{actor['id']}/restore", headers=auth(t["olena"])).json
    assert restored["span"]["id"] == actor["id"] and [r["id"] for r in restored["relations"]] == [rel["id"]]
    assert len(client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json["relations"]) == 1


def test_every_change_is_in_the_history(app, client, setup):
    _, doc, t = setup
    span = add(client, doc, t["olena"], "ISW").json
    client.patch(f"/api/v1/spans/{span['id']}", json={"label": "CLAIM", "version": 1}, headers=auth(t["olena"]))
    client.delete(f"/api/v1/spans/{span['id']}", headers=auth(t["olena"]))
    from annotator.extensions import db
    from annotator.services import history

    with app.app_context():
        events = history.for_document(db.session, doc.id)
        assert [(e.entity, e.action) for e in reversed(events)] == [("span", "create"), ("span", "update"),
                                                                    ("span", "delete")]
        assert events[1].before["label"] == "ACTOR" and events[1].after["label"] == "CLAIM"


def test_relations_follow_the_schema(client, setup):
    _, doc, t = setup
    actor = add(client, doc, t["olena"], "Путін").json
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json
    position = add(client, doc, t["olena"], "неможливе", "POSITION", attrs={"polarity": "oppose"}).json

    def relate(head, tail, type_, token=t["olena"]):
        return client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": head, "tail": tail, "type": type_},
                           headers=auth(token))

    assert relate(claim["id"], actor["id"], "SAID_BY").status_code == 201
    assert relate(position["id"], actor["id"], "HELD_BY").status_code == 201
    assert relate(position["id"], claim["id"], "ABOUT").status_code == 201
    wrong_way = relate(actor["id"], claim["id"], "SAID_BY")
    assert wrong_way.status_code == 400 and "cannot link ACTOR -> CLAIM" in wrong_way.json["error"]["message"]
    assert relate(claim["id"], actor["id"], "LIKES").json["error"]["field"] == "type"
    assert relate(claim["id"], actor["id"], "SAID_BY").status_code == 409
    assert relate(claim["id"], claim["id"], "SAID_BY").status_code == 400
    assert relate(claim["id"], 9999, "SAID_BY").json["error"]["field"] == "tail"
    assert relate(claim["id"], actor["id"], "SAID_BY", t["taras"]).json["error"]["field"] == "head"


def test_relations_between_documents_are_refused(client, make, setup):
    project, doc, t = setup
    other = make.document(project.id, text="Інший текст про Путіна.")
    actor = add(client, doc, t["olena"], "Путін").json
    start = "Інший текст про Путіна.".index("Путіна")
    there = client.post(f"/api/v1/documents/{other.id}/spans", json={"start": start, "end": start + 6,
                                                                     "label": "CLAIM"}, headers=auth(t["olena"])).json
    response = client.post(f"/api/v1/documents/{doc.id}/relations",
                           json={"head": there["id"], "tail": actor["id"], "type": "SAID_BY"}, headers=auth(t["olena"]))
    assert response.status_code == 400
    assert "belongs to another document" in response.json["error"]["message"]


def test_actors_are_found_across_scripts_and_linked(client, setup):
    project, doc, t = setup
    created = client.post(f"/api/v1/projects/{project.id}/actors",
                          json={"name": "Volodymyr Zelensky", "kind": "person", "names": {"uk": ["Зеленський"]}},
                          headers=auth(t["olena"]))
    assert created.status_code == 201
    for query in ("zelen", "Зелен", "Зеленский", "ZELENSKYY"):
        found = client.get(f"/api/v1/projects/{project.id}/actors", query_string={"q": query},
                           headers=auth(t["olena"])).json["actors"]
        assert [a["name"] for a in found] == ["Volodymyr Zelensky"], query
    span = add(client, doc, t["olena"], "Путін").json
    linked = client.patch(f"/api/v1/spans/{span['id']}", json={"actor": created.json["id"], "version": 1},
                          headers=auth(t["olena"]))
    assert linked.json["actor"] == {"id": created.json["id"], "name": "Volodymyr Zelensky"}
    actor = client.get(f"/api/v1/actors/{created.json['id']}", headers=auth(t["olena"])).json
    assert "Путін" in actor["names"]["uk"]
    duplicate = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Volodymyr Zelensky"},
                            headers=auth(t["olena"]))
    assert duplicate.status_code == 409
    bad_kind = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "X", "kind": "alien"},
                           headers=auth(t["olena"]))
    assert bad_kind.json["error"]["field"] == "kind"


def test_document_state_and_next_in_queue(client, make, setup):
    project, doc, t = setup
    second = make.document(project.id, text="Другий.")
    assert client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json["state"] == "new"
    add(client, doc, t["olena"], "ISW")
    assert client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json["state"] == "in_progress"
    done = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"}, headers=auth(t["olena"]))
    assert done.json == {"state": "done", "next": second.id}
    bad = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "finished"}, headers=auth(t["olena"]))
    assert bad.status_code == 400 and bad.json["error"]["field"] == "state"
    last = client.put(f"/api/v1/documents/{second.id}/state", json={"state": "done"}, headers=auth(t["olena"]))
    assert last.json["next"] is None


def test_no_token_is_401(client, setup):
    _, doc, _ = setup
    assert client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 1,
                                                                  "label": "ACTOR"}).status_code == 401
