import re

import pytest

from tests.api.test_spans import TEXT, add, auth
from tests.conftest import login
from tests.web.test_pages import form_token


@pytest.fixture
def admin_client(client, make):
    make.user("admin", "admin")
    login(client, "admin")
    return client


def schema_form(page_html: str) -> dict:
    """The schema editor's current values, as the browser would submit them."""
    data = dict(re.findall(
        r'<input (?:type="(?:hidden|color)" )?name="((?:labels|relations)-\d+-\w+|version)" value="([^"]*)"',
        page_html))
    data["csrf_token"] = form_token(page_html)
    return data


def test_renaming_a_label_keeps_its_spans(admin_client, client, make):
    project = make.project()
    doc = make.document(project.id, text=TEXT)
    make.user("olena")
    token = make.token("olena")
    span = add(client, doc, token, "Путін").json
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data["labels-0-name"] = "PERSON"
    data["labels-0-color"] = "#ff0000"
    response = admin_client.post(url, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    got = client.get(f"/api/v1/spans/{span['id']}", headers=auth(token)).json
    assert got["label"] == "PERSON" and got["version"] == 2
    schema = client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json["schema"]
    assert schema["labels"][0]["color"] == "#ff0000"
    assert schema["relations"][0] == {"name": "SAID_BY", "from": ["CLAIM"], "to": ["PERSON"],
                                      "description": "A claim is said by an actor."}


def test_deleting_a_label_in_use_is_refused_with_its_count(admin_client, client, make):
    project = make.project()
    doc = make.document(project.id, text=TEXT)
    make.user("olena")
    add(client, doc, make.token("olena"), "Путін")
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data["labels-0-delete"] = "1"
    response = admin_client.post(url, data=data)
    assert response.status_code == 400
    assert "label ACTOR is used by 1 span(s)" in response.get_data(as_text=True)


def test_adding_a_label_with_attributes_and_a_relation_type(admin_client, client, make):
    project = make.project()
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data.update({"labels-3-name": "EVENT", "labels-3-color": "#7c3aed", "labels-3-hotkey": "e",
                 "labels-3-attributes": "kind: strike|talks|other; confirmed: bool",
                 "relations-3-name": "INVOLVES", "relations-3-from": "EVENT", "relations-3-to": "ACTOR"})
    assert admin_client.post(url, data=data).status_code == 302
    make.user("olena")
    schema = client.get(f"/api/v1/projects/{project.id}", headers=auth(make.token("olena"))).json["schema"]
    assert schema["labels"][3]["attributes"] == [{"name": "kind", "type": "choice",
                                                  "options": ["strike", "talks", "other"]},
                                                 {"name": "confirmed", "type": "bool"}]
    assert schema["relations"][3]["from"] == ["EVENT"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("labels-1-hotkey", "a", "two labels share a hotkey"),
    ("labels-0-color", "red", "colour must look like"),
    ("labels-0-attributes", "polarity", "write attributes as"),
    ("relations-0-to", "NOBODY", "unknown label NOBODY"),
])
def test_bad_schema_edits_are_refused(admin_client, make, field, value, message):
    project = make.project()
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data[field] = value
    response = admin_client.post(url, data=data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_only_admins_edit_the_schema(client, make):
    project = make.project()
    make.user("rita", "reviewer")
    login(client, "rita")
    assert client.get(f"/projects/{project.id}/schema").status_code == 403


def test_actor_page_lists_mentions_and_claims(admin_client, client, make):
    project = make.project()
    doc = make.document(project.id, text=TEXT)
    make.user("olena")
    token = make.token("olena")
    actor = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Vladimir Putin"},
                        headers=auth(token)).json
    mention = add(client, doc, token, "Путін", actor=actor["id"]).json
    claim = add(client, doc, token, "«припинення вогню»", "CLAIM").json
    client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": mention["id"],
                                                               "type": "SAID_BY"}, headers=auth(token))
    page = admin_client.get(f"/actors/{actor['id']}").get_data(as_text=True)
    assert "Путін</a>" in page and "«припинення вогню»</a>" in page and "SAID_BY" in page
    listing = admin_client.get(f"/projects/{project.id}/actors?q=путин").get_data(as_text=True)
    assert "Vladimir Putin" in listing


def test_export_page_downloads_through_the_api(admin_client, make):
    project = make.project("Проєкт")
    make.document(project.id)
    page = admin_client.get(f"/projects/{project.id}/export").get_data(as_text=True)
    assert f'action="/api/v1/projects/{project.id}/export"' in page
    response = admin_client.get(f"/api/v1/projects/{project.id}/export?format=jsonl&layer=all&status=")
    assert response.status_code == 200
    assert "filename*=UTF-8''%D0%9F" in response.headers["Content-Disposition"]


def test_document_fields_are_edited_on_the_schema_page(admin_client, client, make):
    project = make.project()
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data["document_fields"] = "stance!: support|oppose|neutral; topic*: war|economy; note: text"
    assert admin_client.post(url, data=data).status_code == 302
    make.user("olena")
    schema = client.get(f"/api/v1/projects/{project.id}", headers=auth(make.token("olena"))).json["schema"]
    assert schema["document"] == [
        {"name": "stance", "type": "choice", "options": ["support", "oppose", "neutral"], "required": True,
         "multiple": False},
        {"name": "topic", "type": "choice", "options": ["war", "economy"], "multiple": True, "required": False},
        {"name": "note", "type": "text", "options": [], "required": False, "multiple": False}]
    page = admin_client.get(url).get_data(as_text=True)
    assert 'value="stance!: support|oppose|neutral; topic*: war|economy; note: text"' in page
    data = schema_form(page)
    data["document_fields"] = "stance: support"
    refused = admin_client.post(url, data=data)
    assert refused.status_code == 400 and "a choice needs at least two options" in refused.get_data(as_text=True)


def test_the_schema_page_keeps_the_descriptions_of_document_fields(admin_client, make):
    project = make.project()
    token = make.admin_token("root")
    fields = [{"name": "stance", "type": "choice", "options": ["support", "oppose"], "description": "The view taken"},
              {"name": "note", "type": "text", "description": "Anything else"}]
    current = admin_client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json
    saved = admin_client.patch(f"/api/v1/projects/{project.id}", headers=auth(token),
                               json={"schema": current["schema"] | {"document": fields}, "version": current["version"]})
    assert saved.status_code == 200, saved.json
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data["document_fields"] = "stance!: support|oppose; urgent: bool"  # note removed, urgent added
    assert admin_client.post(url, data=data).status_code == 302
    kept = admin_client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json["schema"]["document"]
    assert [(f["name"], f.get("description")) for f in kept] == [("stance", "The view taken"), ("urgent", None)]
    assert kept[0]["required"] is True


def test_the_schema_page_keeps_keys_it_has_no_field_for_through_a_rename(admin_client, make):
    """Keys nobody declared are kept by the API (a newer annotator may add some); the page dropped them on save."""
    project = make.project()
    token = make.admin_token("root")
    current = admin_client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json
    schema = current["schema"]
    schema["labels"][0]["ontology"] = {"wikidata": "Q43229"}
    schema["relations"][0]["weight"] = 2
    assert admin_client.patch(f"/api/v1/projects/{project.id}", headers=auth(token),
                              json={"schema": schema, "version": current["version"]}).status_code == 200
    url = f"/projects/{project.id}/schema"
    data = schema_form(admin_client.get(url).get_data(as_text=True))
    data["labels-0-name"] = "PERSON"
    assert admin_client.post(url, data=data).status_code == 302
    kept = admin_client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json["schema"]
    assert kept["labels"][0]["name"] == "PERSON" and kept["labels"][0]["ontology"] == {"wikidata": "Q43229"}
    assert kept["relations"][0]["weight"] == 2
