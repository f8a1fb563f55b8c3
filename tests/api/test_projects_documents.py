import unicodedata

import orjson
import pytest


def auth(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def admin(make):
    return make.admin_token()


def test_api_needs_a_token(client):
    response = client.get("/api/v1/projects")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_a_wrong_token_is_401(client, make):
    make.admin_token()
    assert client.get("/api/v1/projects", headers=auth("ann_wrong")).status_code == 401


def test_a_deactivated_users_token_stops_working(app, client, make):
    token = make.admin_token()
    from annotator.extensions import db
    from annotator.services import users

    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "admin"), False)
        db.session.commit()
    assert client.get("/api/v1/projects", headers=auth(token)).status_code == 401


def test_admin_creates_and_lists_projects(client, admin):
    created = client.post("/api/v1/projects", json={"name": "isw"}, headers=auth(admin))
    assert created.status_code == 201
    assert created.json["name"] == "isw"
    assert [label["name"] for label in created.json["schema"]["labels"]] == ["ACTOR", "CLAIM", "POSITION"]
    listed = client.get("/api/v1/projects", headers=auth(admin)).json["projects"]
    assert [(p["name"], p["document_count"]) for p in listed] == [("isw", 0)]


def test_duplicate_project_name_is_409(client, admin):
    client.post("/api/v1/projects", json={"name": "isw"}, headers=auth(admin))
    response = client.post("/api/v1/projects", json={"name": "isw"}, headers=auth(admin))
    assert response.status_code == 409
    assert response.json["error"]["field"] == "name"


def test_annotator_cannot_create_projects(client, make):
    make.user("olena", "annotator")
    response = client.post("/api/v1/projects", json={"name": "x"}, headers=auth(make.token("olena")))
    assert response.status_code == 403
    assert "error" in response.json


def test_document_text_is_stored_nfc_with_lf(client, admin, make):
    project = make.project()
    raw = "Путін 🙂 e\u0301\r\n<b>x</b> it\u2019s пʼять"
    response = client.post(f"/api/v1/projects/{project.id}/documents",
                           json={"lang": "ua", "title": "Т", "text": raw, "group": "story",
                                 "source_url": "https://example.org/a", "published": "2025-03-18",
                                 "meta": {"site": "example"}}, headers=auth(admin))
    assert response.status_code == 201, response.json
    doc = client.get(f"/api/v1/documents/{response.json['id']}", headers=auth(admin)).json
    assert doc["text"] == unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
    assert (doc["lang"], doc["group_key"], doc["published"], doc["meta"]) == ("uk", "story", "2025-03-18",
                                                                              {"site": "example"})
    assert doc["spans"] == [] and doc["sentences"] == [[0, 9], [10, 29]]


@pytest.mark.parametrize(("body", "field"), [
    ({"lang": "uk", "text": ""}, "text"),
    ({"lang": "uk", "text": "   \n "}, "text"),
    ({"lang": "uk"}, "text"),
    ({"lang": "not a language!", "text": "x"}, "lang"),
    ({"text": "x"}, "lang"),
    ({"lang": "uk", "text": "x", "published": "yesterday"}, "published"),
    ({"lang": "uk", "text": "x", "title": 5}, "title"),
])
def test_bad_document_fields_are_400_naming_the_field(client, admin, make, body, field):
    project = make.project()
    response = client.post(f"/api/v1/projects/{project.id}/documents", json=body, headers=auth(admin))
    assert response.status_code == 400
    assert response.json["error"]["field"] == field


def test_malformed_json_is_400(client, admin, make):
    project = make.project()
    response = client.post(f"/api/v1/projects/{project.id}/documents", data="{not json",
                           headers={**auth(admin), "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"


def test_the_same_text_twice_is_409_and_stored_once(client, admin, make):
    project = make.project()
    body = {"lang": "en", "text": "Same text."}
    client.post(f"/api/v1/projects/{project.id}/documents", json=body, headers=auth(admin))
    again = client.post(f"/api/v1/projects/{project.id}/documents", json=body, headers=auth(admin))
    assert again.status_code == 409
    assert client.get(f"/api/v1/projects/{project.id}", headers=auth(admin)).json["documents"] == {"en": 1}


def test_unknown_project_and_document_are_json_404(client, admin):
    assert client.get("/api/v1/projects/999", headers=auth(admin)).json["error"]["code"] == "not_found"
    assert client.get("/api/v1/documents/999", headers=auth(admin)).status_code == 404
    assert client.get("/api/v1/nothing-here", headers=auth(admin)).json["error"]["code"] == "not_found"


def test_jsonl_import_is_all_or_nothing(client, admin, make):
    project = make.project()
    good = orjson.dumps({"text": "One.", "lang": "en"})
    bad = orjson.dumps({"text": "Two.", "lang": "??"})
    response = client.post(f"/api/v1/projects/{project.id}/import", data=good + b"\n" + bad, headers=auth(admin))
    assert response.status_code == 400
    assert response.json["error"]["problems"][0].startswith("body line 2: field 'lang'")
    assert client.get(f"/api/v1/projects/{project.id}", headers=auth(admin)).json["documents"] == {}


def test_jsonl_import_groups_versions_and_skips_duplicates(client, admin, make):
    project = make.project()
    lines = [{"text": "Київ.", "lang": "uk", "group": "g1"}, {"text": "Kyiv.", "lang": "en", "group": "g1"},
             {"text": "Kyiv.", "lang": "en"}]
    body = b"\n".join(orjson.dumps(x) for x in lines)
    dry = client.post(f"/api/v1/projects/{project.id}/import?dry_run=1", data=body, headers=auth(admin))
    assert (dry.status_code, dry.json["created"]) == (200, 2)
    response = client.post(f"/api/v1/projects/{project.id}/import", data=body, headers=auth(admin))
    assert response.status_code == 201
    assert response.json["created"] == 2 and len(response.json["skipped"]) == 1
    docs = [client.get(f"/api/v1/documents/{i}", headers=auth(admin)).json for i in response.json["ids"]]
    assert {d["group"] for d in docs} == {docs[0]["group"]} and docs[0]["group"] is not None


def test_two_versions_in_one_language_in_a_group_are_refused(client, admin, make):
    project = make.project()
    body = b"\n".join(orjson.dumps({"text": t, "lang": "en", "group": "g"}) for t in ("A.", "B."))
    response = client.post(f"/api/v1/projects/{project.id}/import", data=body, headers=auth(admin))
    assert response.status_code == 400
    assert "already has a 'en' version" in response.json["error"]["message"]


def test_session_cookie_api_calls_need_csrf(client, make):
    from tests.conftest import csrf_of, login

    make.user("admin", "admin")
    login(client, "admin")
    refused = client.post("/api/v1/projects", json={"name": "x"})
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "csrf_failed"
    accepted = client.post("/api/v1/projects", json={"name": "x"}, headers={"X-CSRFToken": csrf_of(client)})
    assert accepted.status_code == 201


def test_an_import_result_is_freed_as_soon_as_it_is_dropped(app, make):
    """No reference cycle: what a big import parsed goes when its result does, not at a full collection."""
    import gc
    import weakref

    from annotator.extensions import db
    from annotator.models import Project
    from annotator.services import documents

    project_id = make.project("news").id
    with app.app_context():
        project = db.session.get(Project, project_id)
        gc.disable()
        try:
            item = documents.parse_fields({"text": "Один текст.", "lang": "uk"})
            result = documents.add_documents(db.session, project, [item])
            assert result.created[0].text == "Один текст."
            freed = weakref.ref(result)
            del result
            assert freed() is None
        finally:
            gc.enable()
            db.session.rollback()
