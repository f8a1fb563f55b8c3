"""The Ukrainian and Russian interface: locale choice, the switch, and pages free of English interface text."""

import re

import pytest
from babel.messages.pofile import read_po

from annotator import i18n
from annotator.paths import resource_dir
from tests.conftest import csrf_of, english_catalogue, english_in, login

ROLES = ["annotator", "reviewer", "admin"]


def test_the_heuristic_finds_english_and_ignores_user_data():
    known = english_catalogue("uk")
    page = ('<html lang="uk"><body><p>Проєкти</p><p lang="en">Putin spoke to the press.</p>'
            '<span data-user>olena smith</span><kbd>Shift</kbd><button title="Закрити">×</button>'
            '<p>Export as JSONL or Label Studio</p><p>Save</p><input placeholder="Search titles"></body></html>')
    assert english_in(page, "uk", known) == ["p: 'Export as JSONL or Label Studio'", "p: 'Save'",
                                             "<input placeholder>: 'Search titles'"]


@pytest.fixture
def world(client, make):
    """Users of every role, a project with a Ukrainian document and its English version, spans and a relation."""
    for role in ROLES:
        make.user(f"u_{role}", role)
    token = make.token("u_annotator")
    project = make.project("Новини")
    doc = make.document(project.id, text="Путін 🙂 заявив. Київ відповів.", title="Заява", group="g")
    make.document(project.id, text="Putin spoke to reporters. Kyiv answered him.", lang="en", title="The statement",
                  group="g")
    headers = {"Authorization": f"Bearer {token}"}
    actor = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 5, "label": "ACTOR"},
                        headers=headers).json
    claim = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 8, "end": 14, "label": "CLAIM"},
                        headers=headers).json
    client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": actor["id"],
                                                               "type": "SAID_BY"}, headers=headers)
    gid = client.get(f"/api/v1/documents/{doc.id}", headers=headers).json["group"]
    schema = client.get(f"/api/v1/projects/{project.id}", headers=headers).json.get("schema") or {}
    user_data = {"The statement"} | {label.get("description", "") for label in schema.get("labels", [])}
    return {"pid": project.id, "did": doc.id, "gid": gid, "aid": 0, "uid": 1, "user_data": user_data - {""}}


def html_pages(app, ids):
    """Every HTML page's URL (GET, outside the API), with the ids of `world` filled in."""
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.rule.startswith(("/api/", "/static")):
            if "aid" in rule.arguments:
                continue
            yield re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids[m.group(1)]), rule.rule)


def switch(client, locale, next_path="/projects"):
    return client.post("/locale", data={"locale": locale, "next": next_path, "csrf_token": csrf_of(client, "/login")})


@pytest.mark.parametrize("locale", ["uk", "ru"])
def test_every_page_for_every_role_shows_no_english_interface_text(app, world, locale):
    known = english_catalogue(locale)
    anonymous = app.test_client()
    switch(anonymous, locale, "/login")
    problems = {"/login (anonymous)": english_in(anonymous.get("/login").get_data(as_text=True), locale, known)}
    pages = 0
    for role in ROLES:
        client = app.test_client()
        login(client, f"u_{role}")
        switch(client, locale)
        for url in html_pages(app, world):
            response = client.get(url)
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            html = response.get_data(as_text=True)
            assert f'<html lang="{locale}">' in html, url
            problems[f"{url} ({role})"] = english_in(html, locale, known, world["user_data"])
            pages += 1
    assert pages >= 25
    problems = {page: found for page, found in problems.items() if found}
    assert not problems, "English interface text:\n" + "\n".join(f"{p}: {f}" for p, f in problems.items())


def test_accept_language_chooses_the_language_until_the_user_picks_one(app, world):
    client = app.test_client()
    assert '<html lang="ru">' in client.get("/login", headers={"Accept-Language": "ru,en;q=0.5"}).get_data(True)
    assert '<html lang="uk">' in client.get("/login", headers={"Accept-Language": "uk-UA,uk;q=0.9"}).get_data(True)
    assert '<html lang="en">' in client.get("/login", headers={"Accept-Language": "de"}).get_data(True)
    login(client, "u_annotator")
    assert switch(client, "uk").status_code == 302
    other = app.test_client()  # another browser: no cookie, but the user's choice is stored
    login(other, "u_annotator")
    page = other.get("/projects", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert '<html lang="uk">' in page and "Проєкти" in page


def test_the_switch_on_the_login_page_sets_a_cookie(client):
    response = switch(client, "ru", "/login")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    page = client.get("/login", headers={"Accept-Language": "uk"}).get_data(as_text=True)
    assert '<html lang="ru">' in page and "Войти" in page


def test_the_switch_refuses_unknown_languages_and_foreign_redirects(client):
    token = csrf_of(client, "/login")
    assert client.post("/locale", data={"locale": "de", "csrf_token": token}).status_code == 400
    response = client.post("/locale", data={"locale": "uk", "next": "//evil.example/x", "csrf_token": token})
    assert response.headers["Location"] == "/projects"
    response = client.post("/locale", data={"locale": "uk", "next": "/a\nb", "csrf_token": token})
    assert response.headers["Location"] == "/projects"  # a line break in a header was a 500
    assert client.post("/locale", data={"locale": "uk"}).status_code == 400  # no CSRF token


def test_scripts_get_the_translations_of_exactly_their_msgids(app, world, extracted):
    client = app.test_client()
    login(client, "u_annotator")
    switch(client, "uk")
    html = client.get(f"/documents/{world['did']}").get_data(as_text=True)
    catalogue = _json_script(html, "i18n")
    in_scripts = {m.id for m in extracted if any(f.startswith(i18n.JS_DIR) for f, _ in m.locations)}
    assert set(catalogue) == in_scripts and len(in_scripts) > 100
    assert catalogue["Saving…"] == "Збереження…"
    assert catalogue["{n} spans"] == "фрагментів: {n}"
    switch(client, "en")
    assert _json_script(client.get("/projects").get_data(as_text=True), "i18n") == {}  # msgids are English


def test_what_is_served_is_what_the_po_files_say(app):
    """The catalogs are compiled from the .po files, not read from .mo files that could be stale."""
    catalogs = app.extensions["i18n"]
    assert catalogs.locales == ["ru", "uk"] and catalogs.get("en") is None
    for locale in ("uk", "ru"):
        with (resource_dir("translations") / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f)
        for message in catalog:
            if isinstance(message.id, str) and message.id:
                assert catalogs.get(locale).translations.gettext(message.id) == message.string


def _json_script(html, element_id):
    import json

    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_error_pages_and_api_errors_speak_the_users_language(app, world):
    client = app.test_client()
    login(client, "u_annotator")
    switch(client, "uk")
    response = client.get("/documents/999999")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Не знайдено" in html and not english_in(html, "uk", english_catalogue("uk"))
    assert client.get("/api/v1/nowhere").json["error"]["message"] == "За цією адресою нічого немає."
    response = client.post("/projects/new", data={"name": "x"})  # a form posted without its CSRF token
    assert response.status_code == 400 and "Форма застаріла" in response.get_data(as_text=True)


def test_form_validation_messages_come_from_wtforms_catalogs(client):
    switch(client, "uk", "/login")
    html = client.post("/login", data={"username": "", "password": "", "csrf_token": csrf_of(client, "/login")},
                       headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "This field is required" not in html and "обов" in html  # «Це поле обовʼязкове.»
