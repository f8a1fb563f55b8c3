"""Every route against every role: who gets in, who is refused, and that nobody gets a 500."""

import re

import pytest

from tests.conftest import login

ROLES = ["anonymous", "annotator", "reviewer", "admin"]
RANK = {role: i for i, role in enumerate(ROLES)}

# The lowest role each endpoint admits; anything not listed admits every logged-in user.
MIN_ROLE = {
    "admin.users": "admin", "admin.user": "admin", "admin.reset_password": "admin",
    "projects.new": "admin", "projects.edit": "admin", "schema.edit": "admin",
    "api.create_project": "admin", "api.update_project": "admin",
    "documents.new": "reviewer", "export.page": "reviewer",
    "api.create_document": "reviewer", "api.import_jsonl": "reviewer", "api.export": "reviewer",
    "api.review_span": "reviewer", "api.review_relation": "reviewer", "api.document_review": "reviewer",
    "api.accept_agreed": "reviewer", "api.review_state": "reviewer", "api.project_agreement": "reviewer",
    "api.assign": "reviewer", "api.document_history": "reviewer", "api.update_document": "reviewer",
    "documents.set_group": "reviewer", "projects.assign": "reviewer",
    "review.queue": "reviewer", "review.document": "reviewer", "review.agreement": "reviewer",
    "review.history": "reviewer",
}
PUBLIC = {"auth.login", "locale.switch", "static"}


@pytest.fixture
def world(client, make):
    """One of everything, so that every URL with an id points at something real."""
    users = {role: make.user(f"u_{role}", role) for role in ROLES[1:]}
    tokens = {role: make.token(f"u_{role}") for role in ROLES[1:]}
    project = make.project("p")
    doc = make.document(project.id, text="Путін 🙂 заявив. Київ відповів.", group="g")
    make.document(project.id, text="Putin spoke. Kyiv answered.", lang="en", group="g")
    headers = {"Authorization": f"Bearer {tokens['annotator']}"}
    span = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 5, "label": "ACTOR"},
                       headers=headers).json
    claim = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 8, "end": 14, "label": "CLAIM"},
                        headers=headers).json
    rel = client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": span["id"],
                                                                     "type": "SAID_BY"}, headers=headers).json
    actor = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Putin"}, headers=headers).json
    gid = client.get(f"/api/v1/documents/{doc.id}", headers=headers).json["group"]
    ids = {"pid": project.id, "did": doc.id, "sid": span["id"], "rid": rel["id"], "aid": actor["id"], "gid": gid,
           "uid": users["annotator"].id, "filename": "css/app.css"}
    return ids, tokens


def routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def url_for_rule(rule, ids):
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids[m.group(1)]), rule.rule)


def call(client, method, url, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.open(url, method=method, headers=headers, json={} if method != "GET" else None)
    response.get_data()  # streamed answers run to the end inside the request
    response.close()
    return response


def test_every_route_checks_roles(app, world):
    ids, tokens = world
    browsers = {}
    for role in ROLES[1:]:
        browsers[role] = app.test_client()
        login(browsers[role], f"u_{role}")
    checked = 0
    for rule, method in routes(app):
        if rule.endpoint in PUBLIC:
            continue
        url = url_for_rule(rule, ids)
        is_api = rule.rule.startswith("/api/")
        need = MIN_ROLE.get(rule.endpoint, "annotator")
        anonymous = call(app.test_client(), method, url)
        expected_anonymous = 401 if is_api else 302
        assert anonymous.status_code == expected_anonymous, (method, url, anonymous.status_code)
        for role in ROLES[1:]:
            if not is_api and method != "GET":
                continue  # pages change state through forms with CSRF tokens; their GET is checked
            if is_api:
                response = call(app.test_client(), method, url, tokens[role])
            else:
                response = call(browsers[role], "GET", url)
            if RANK[role] < RANK[need]:
                assert response.status_code == 403, (role, method, url, response.status_code)
            else:
                assert response.status_code not in (401, 403, 500), (role, method, url, response.status_code)
            checked += 1
    assert checked > 100


def test_the_role_table_names_real_endpoints(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    review_pages = {e for e in MIN_ROLE if e.startswith("review.")}
    assert set(MIN_ROLE) - review_pages <= endpoints
