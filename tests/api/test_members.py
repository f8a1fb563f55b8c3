"""The members API and page: managers and admins change a project's team; membership opens and closes it."""

from tests.conftest import csrf_of, login


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_admin_and_manager_add_change_and_remove_members(client, make):
    make.join = False
    admin = make.admin_token()
    for name in ("mira", "olena"):
        make.user(name)
    project = make.project("news")
    url = f"/api/v1/projects/{project.id}/members"
    added = client.post(url, json={"user": "mira", "role": "manager"}, headers=bearer(admin))
    assert added.status_code == 201 and added.json == {"user": "mira", "role": "manager"}
    mira = make.token("mira")
    olena = make.token("olena")
    assert client.get(f"/api/v1/projects/{project.id}", headers=bearer(olena)).status_code == 404
    assert client.post(url, json={"user": "olena", "role": "annotator"}, headers=bearer(mira)).status_code == 201
    assert client.get(f"/api/v1/projects/{project.id}", headers=bearer(olena)).status_code == 200
    assert client.post(url, json={"user": "mira", "role": "annotator"}, headers=bearer(olena)).status_code == 403
    assert client.get(url, headers=bearer(olena)).json == {"members": [
        {"user": "mira", "role": "manager"}, {"user": "olena", "role": "annotator"}]}
    assert client.delete(f"{url}/olena", headers=bearer(mira)).json == {"user": "olena", "removed": True}
    assert client.get(f"/api/v1/projects/{project.id}", headers=bearer(olena)).status_code == 404
    assert client.get("/api/v1/projects", headers=bearer(olena)).json["projects"] == []


def test_bad_member_input_names_the_field(client, make):
    admin = make.admin_token()
    make.user("olena")
    project = make.project("news")
    url = f"/api/v1/projects/{project.id}/members"
    bad_role = client.post(url, json={"user": "olena", "role": "boss"}, headers=bearer(admin))
    assert bad_role.status_code == 400 and bad_role.json["error"]["field"] == "role"
    nobody = client.post(url, json={"user": "nobody", "role": "annotator"}, headers=bearer(admin))
    assert nobody.status_code == 404 and nobody.json["error"]["field"] == "username"
    no_user = client.post(url, json={"role": "annotator"}, headers=bearer(admin))
    assert no_user.status_code == 400 and no_user.json["error"]["field"] == "user"
    assert client.delete(f"{url}/nobody", headers=bearer(admin)).status_code == 404


def test_a_project_creator_becomes_its_manager(client, make):
    admin = make.admin_token()
    made = client.post("/api/v1/projects", json={"name": "fresh"}, headers=bearer(admin)).json
    assert client.get(f"/api/v1/projects/{made['id']}/members", headers=bearer(admin)).json == {
        "members": [{"user": "admin", "role": "manager"}]}


def test_a_manager_adds_a_member_on_the_members_page(client, make):
    make.join = False
    make.user("mira")
    make.user("olena")
    project = make.project("news", members={"mira": "manager"})
    login(client, "mira")
    page = f"/projects/{project.id}/members"
    assert 'data-username="mira"' in client.get(page).get_data(as_text=True)
    answer = client.post(page, data={"username": "olena", "role": "reviewer", "csrf_token": csrf_of(client, page)},
                         follow_redirects=True)
    assert 'data-username="olena" data-role="reviewer"' in answer.get_data(as_text=True)
    removed = client.post(f"{page}/olena/remove", data={"csrf_token": csrf_of(client, page)}, follow_redirects=True)
    assert 'data-username="olena"' not in removed.get_data(as_text=True)


def test_an_annotator_sees_the_team_but_cannot_change_it(client, make):
    make.join = False
    make.user("olena")
    project = make.project("news", members={"olena": "annotator"})
    login(client, "olena")
    page = f"/projects/{project.id}/members"
    html = client.get(page).get_data(as_text=True)
    assert 'data-username="olena"' in html and 'name="username"' not in html
    refused = client.post(page, data={"username": "olena", "role": "manager", "csrf_token": csrf_of(client, page)})
    assert refused.status_code == 403
