"""Every route against every role and membership: who gets in, who is refused, who is told the thing does not
exist, and that nobody gets a 500."""

import re

import pytest

from tests.conftest import login

# Each subject: (global role, role in the project or None). The project role, not the global one, decides
# inside the project: "annotator" is a global reviewer who annotates there, "reviewer" a global annotator who
# reviews there; the admin is no member; the outsider is a global reviewer who is no member.
SUBJECTS = {
    "annotator": ("reviewer", "annotator"),
    "reviewer": ("annotator", "reviewer"),
    "manager": ("annotator", "manager"),
    "admin": ("admin", None),
    "outsider": ("reviewer", None),
}
PROJECT_RANK = {"annotator": 0, "reviewer": 1, "manager": 2, "admin": 3}
GLOBAL_RANK = {"annotator": 0, "reviewer": 1, "admin": 2}
PROJECT_ARGS = {"pid", "did", "sid", "rid", "gid", "aid"}

# The lowest role each endpoint admits (in a project: "admin" means its manager); anything not listed admits
# every logged-in user (every member, in a project).
MIN_ROLE = {
    "admin.users": "admin", "admin.user": "admin", "admin.reset_password": "admin",
    "projects.new": "admin", "projects.edit": "admin", "schema.edit": "admin",
    "api.create_project": "admin", "api.update_project": "admin",
    "api.add_member": "admin", "api.remove_member": "admin", "members.remove": "admin",
    "documents.new": "reviewer", "export.page": "reviewer",
    "api.create_document": "reviewer", "api.import_jsonl": "reviewer", "api.export": "reviewer",
    "api.review_span": "reviewer", "api.review_relation": "reviewer", "api.document_review": "reviewer",
    "api.accept_agreed": "reviewer", "api.review_state": "reviewer", "api.project_agreement": "reviewer",
    "api.assign": "reviewer", "api.document_history": "reviewer", "api.update_document": "reviewer",
    "documents.set_group": "reviewer", "projects.assign": "reviewer",
    "review.queue": "reviewer", "review.document": "reviewer", "review.agreement": "reviewer",
    "review.history": "reviewer", "api.review_doc_labels": "reviewer", "api.decide_doc_label": "reviewer",
}
PUBLIC = {"auth.login", "locale.switch", "static"}
MISSING = 987654


@pytest.fixture
def world(client, make):
    """One of everything in a project the subjects are (or are not) members of, so that every URL with an id
    points at something real."""
    make.join = False
    users = {name: make.user(f"u_{name}", role) for name, (role, _) in SUBJECTS.items()}
    tokens = {name: make.token(f"u_{name}") for name in SUBJECTS}
    project = make.project("p", members={f"u_{name}": project_role for name, (_, project_role) in SUBJECTS.items()
                                         if project_role})
    make.project("elsewhere", members={"u_outsider": "manager"})
    make.user("spare")  # the member DELETE .../members/<user> removes
    make.member(project.id, "spare", "annotator")
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
           "uid": users["annotator"].id, "user": "spare", "filename": "css/app.css"}
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


def expected(subject, endpoint, in_project):
    """'in', 'forbidden' or 'missing' for this subject on this endpoint."""
    global_role, project_role = SUBJECTS[subject]
    need = MIN_ROLE.get(endpoint, "annotator")
    if not in_project:
        return "in" if GLOBAL_RANK[global_role] >= GLOBAL_RANK[need] else "forbidden"
    role = "admin" if global_role == "admin" else project_role
    if role is None:
        return "missing"
    need = "manager" if need == "admin" else need
    return "in" if PROJECT_RANK[role] >= PROJECT_RANK[need] else "forbidden"


def test_every_route_checks_roles_and_membership(app, world):
    ids, tokens = world
    browsers = {}
    for subject in SUBJECTS:
        browsers[subject] = app.test_client()
        login(browsers[subject], f"u_{subject}")
    checked = 0
    for rule, method in routes(app):
        if rule.endpoint in PUBLIC:
            continue
        url = url_for_rule(rule, ids)
        is_api = rule.rule.startswith("/api/")
        in_project = bool(PROJECT_ARGS & set(rule.arguments))
        anonymous = call(app.test_client(), method, url)
        assert anonymous.status_code == (401 if is_api else 302), (method, url, anonymous.status_code)
        for subject in SUBJECTS:
            if not is_api and method != "GET":
                continue  # pages change state through forms with CSRF tokens; their GET is checked
            if is_api:
                response = call(app.test_client(), method, url, tokens[subject])
            else:
                response = call(browsers[subject], "GET", url)
            outcome = expected(subject, rule.endpoint, in_project)
            where = (subject, method, url, response.status_code)
            if outcome == "missing":
                assert response.status_code == 404, where
                if is_api:
                    assert_same_as_missing(app, rule, method, ids, response, tokens["admin"])
            elif outcome == "forbidden":
                assert response.status_code == 403, where
            else:
                assert response.status_code not in (401, 403, 500), where
            checked += 1
    assert checked > 250


def assert_same_as_missing(app, rule, method, ids, response, admin_token):
    """A non-member's 404 says what an admin is told about an id that does not exist."""
    arg = next(a for a in ("sid", "rid", "aid", "gid", "did", "pid") if a in rule.arguments)
    missing = call(app.test_client(), method, url_for_rule(rule, {**ids, arg: MISSING}), admin_token)
    assert missing.status_code == 404, (method, rule.rule)
    assert response.json == {"error": {**missing.json["error"], "params": {"id": ids[arg]},
                                       "message": missing.json["error"]["message"].replace(str(MISSING),
                                                                                           str(ids[arg]))}}


def test_the_role_table_names_real_endpoints(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    review_pages = {e for e in MIN_ROLE if e.startswith("review.")}
    assert set(MIN_ROLE) - review_pages <= endpoints


def test_users_see_only_their_projects_in_lists(client, make, world):
    ids, tokens = world
    names = {subject: {p["name"] for p in client.get("/api/v1/projects",
                                                     headers={"Authorization": f"Bearer {tokens[subject]}"})
                       .json["projects"]} for subject in SUBJECTS}
    assert names["annotator"] == names["manager"] == {"p"}
    assert names["outsider"] == {"elsewhere"}
    assert names["admin"] == {"p", "elsewhere"}
    browser = app_client = client
    login(app_client, "u_outsider")
    page = browser.get("/projects").get_data(as_text=True)
    assert "elsewhere" in page and f'href="/projects/{ids["pid"]}"' not in page


def test_a_reviewer_in_one_project_and_annotator_in_another_reviews_in_the_first_only(app, client, make):
    make.join = False
    make.user("writer", "annotator")
    make.user("split", "annotator")  # the global role would refuse every review
    make.user("boss", "reviewer")  # the global role would allow every review
    first = make.project("first", members={"writer": "annotator", "split": "reviewer", "boss": "annotator"})
    second = make.project("second", members={"writer": "annotator", "split": "annotator", "boss": "reviewer"})
    writer, split, boss = (make.token(n) for n in ("writer", "split", "boss"))
    spans = {}
    for project in (first, second):
        doc = make.document(project.id, text="Путін заявив. Київ відповів.")
        spans[project.id] = (doc.id, client.post(f"/api/v1/documents/{doc.id}/spans", headers=bearer(writer),
                                                 json={"start": 0, "end": 5, "label": "ACTOR"}).json["id"])

    def review(project, token):
        doc_id, span_id = spans[project.id]
        decided = client.post(f"/api/v1/spans/{span_id}/review", json={"decision": "accept"}, headers=bearer(token))
        merged = client.get(f"/api/v1/documents/{doc_id}/review", headers=bearer(token))
        agreement = client.get(f"/api/v1/projects/{project.id}/agreement", headers=bearer(token))
        return decided.status_code, merged.status_code, agreement.status_code

    assert review(first, split) == (200, 200, 200)
    assert review(second, split) == (403, 403, 403)
    assert review(first, boss) == (403, 403, 403)
    assert review(second, boss) == (200, 200, 200)
    login(client, "split")
    assert client.get(f"/projects/{first.id}/review").status_code == 200
    assert client.get(f"/projects/{second.id}/review").status_code == 403


def bearer(token):
    return {"Authorization": f"Bearer {token}"}
