import io
import re

import pytest

from tests.conftest import csrf_of, login


@pytest.fixture
def admin_client(client, make):
    make.user("admin", "admin")
    login(client, "admin")
    return client


def form_token(html: str) -> str:
    return re.search(r'name="[\w-]*csrf_token" type="hidden" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("path", ["/", "/projects", "/projects/1", "/documents/1", "/admin/users", "/account",
                                  "/projects/new"])
def test_every_page_but_login_redirects_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_login_page_is_public_and_sets_safe_cookies(client, make):
    assert client.get("/login").status_code == 200
    make.user("olena")
    response = login(client, "olena")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_post_without_csrf_is_400(client, make):
    make.user("olena")
    response = client.post("/login", data={"username": "olena", "password": "correct-horse-42"})
    assert response.status_code == 400


def test_wrong_password_gets_a_generic_message(client, make):
    make.user("olena")
    wrong_password = login(client, "olena", "nope-nope-nope")
    no_such_user = login(client, "nobody", "nope-nope-nope")
    assert wrong_password.status_code == no_such_user.status_code == 401
    assert "Wrong user name or password." in wrong_password.get_data(as_text=True)
    assert "Wrong user name or password." in no_such_user.get_data(as_text=True)


def test_repeated_failures_slow_down_even_with_the_right_password(client, make):
    make.user("olena")
    for _ in range(5):
        login(client, "olena", "wrong-password")
    response = login(client, "olena")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.get_data(as_text=True)


def test_deactivated_user_cannot_log_in(client, make, app):
    make.user("olena")
    from annotator.extensions import db
    from annotator.services import users

    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "olena"), False)
        db.session.commit()
    assert login(client, "olena").status_code == 401


def test_login_ignores_offsite_next(client, make):
    make.user("olena")
    html = client.get("/login?next=https://evil.example/").get_data(as_text=True)
    response = client.post("/login?next=https://evil.example/", data={
        "username": "olena", "password": "correct-horse-42", "csrf_token": form_token(html)})
    assert response.headers["Location"].endswith("/projects")


@pytest.mark.parametrize("target", ["/a%0Ab", "/a%0Db"])
def test_login_ignores_a_next_holding_a_line_break(client, make, target):
    """A Location header cannot hold CR or LF: this was a 500 after the login was already made (found by fuzzing)."""
    make.user("olena")
    html = client.get("/login").get_data(as_text=True)
    response = client.post(f"/login?next={target}", data={
        "username": "olena", "password": "correct-horse-42", "csrf_token": form_token(html)})
    assert response.status_code == 302 and response.headers["Location"].endswith("/projects")


def test_logout_needs_post_with_csrf(admin_client):
    assert admin_client.post("/logout").status_code == 400
    response = admin_client.post("/logout", data={"csrf_token": csrf_of(admin_client)})
    assert response.status_code == 302
    assert admin_client.get("/projects").status_code == 302


def test_pages_send_a_strict_content_security_policy(admin_client):
    csp = admin_client.get("/projects").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_admin_creates_and_edits_a_project(admin_client):
    html = admin_client.get("/projects/new").get_data(as_text=True)
    response = admin_client.post("/projects/new", data={"name": "Війна", "description": "d",
                                                        "csrf_token": form_token(html)})
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Війна" in page
    edit_url = response.headers["Location"] + "/edit"
    html = admin_client.get(edit_url).get_data(as_text=True)
    admin_client.post(edit_url, data={"name": "Війна 2", "csrf_token": form_token(html)})
    assert "Війна 2" in admin_client.get("/projects").get_data(as_text=True)


def test_annotator_cannot_create_projects_or_add_documents(client, make):
    make.user("olena")
    project = make.project()
    login(client, "olena")
    assert client.get("/projects/new").status_code == 403
    assert client.get(f"/projects/{project.id}/documents/new").status_code == 403
    assert client.get("/admin/users").status_code == 403


def test_pasting_a_document_shows_it_escaped(admin_client, make):
    project = make.project()
    url = f"/projects/{project.id}/documents/new"
    text = "Київ 🙂 <script>alert(1)</script> <img src=x onerror=alert(2)>"
    response = admin_client.post(url, data={"form": "paste", "paste-title": "T", "paste-lang": "uk",
                                            "paste-text": text, "paste-csrf_token": form_token(
                                                admin_client.get(url).get_data(as_text=True))})
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Київ 🙂 &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script>alert(1)" not in page


def test_pasting_an_empty_text_is_refused(admin_client, make):
    project = make.project()
    url = f"/projects/{project.id}/documents/new"
    response = admin_client.post(url, data={"form": "paste", "paste-lang": "uk", "paste-text": "",
                                            "paste-csrf_token": form_token(admin_client.get(url).get_data(
                                                as_text=True))})
    assert response.status_code == 400
    assert "The text is empty." in response.get_data(as_text=True)


def upload(client, project_id, files, lang="auto", confirm=True, clean=True):
    """Upload files, and (by default) confirm the preview as a user would."""
    url = f"/projects/{project_id}/documents/new"
    token = form_token(client.get(url).get_data(as_text=True))
    data = {"form": "upload", "upload-lang": lang, "upload-csrf_token": token,
            "upload-files": [(io.BytesIO(content), name) for name, content in files]}
    if clean:
        data["upload-clean"] = "y"
    preview = client.post(url, data=data, content_type="multipart/form-data")
    if not confirm or preview.status_code != 200:
        return preview
    html = preview.get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="(token|lang|clean)" value="([^"]*)"', html))
    return client.post(url, data={"form": "confirm", "csrf_token": form_token(html), **fields})


def test_uploading_versions_creates_a_group(admin_client, make):
    project = make.project()
    response = upload(admin_client, project.id, [("story.uk.txt", "Київ\nТекст".encode()),
                                                 ("story.en.txt", b"Kyiv\nText"), ("story.ru.txt",
                                                                                   "Киев\nТекст".encode())])
    assert response.status_code == 302
    page = admin_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert page.count(">story<") == 3
    for lang in ("uk", "en", "ru"):
        assert f'data-lang="{lang}"' in page


def test_a_bad_file_in_an_upload_writes_nothing(admin_client, make):
    project = make.project()
    response = upload(admin_client, project.id, [("good.en.txt", b"Fine"), ("bad.uk.txt", b"\xff\xfe\x00bad")])
    assert response.status_code == 400
    assert "bad.uk.txt: line 1: not UTF-8" in response.get_data(as_text=True)
    assert "No documents yet." in admin_client.get(f"/projects/{project.id}").get_data(as_text=True)


def test_upload_preview_shows_detected_language_and_cleanup_before_saving(admin_client, make):
    from tests.unit.test_ingest import SCRAPED

    project = make.project()
    preview = upload(admin_client, project.id, [("mer.txt", SCRAPED.encode())], confirm=False)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Preview the import" in html
    assert "detected, confidence" in html and "language switcher" in html and "<del>ua en ru" in html
    assert "No documents yet." in admin_client.get(f"/projects/{project.id}").get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="(token|lang|clean)" value="([^"]*)"', html))
    done = admin_client.post(f"/projects/{project.id}/documents/new",
                             data={"form": "confirm", "csrf_token": form_token(html), **fields})
    assert done.status_code == 302
    again = admin_client.post(f"/projects/{project.id}/documents/new",
                              data={"form": "confirm", "csrf_token": form_token(html), **fields})
    assert "This preview has expired" in again.get_data(as_text=True)


def test_pasted_text_cleanup_is_shown_then_confirmed(admin_client, make):
    from tests.unit.test_ingest import SCRAPED

    project = make.project()
    url = f"/projects/{project.id}/documents/new"
    data = {"form": "paste", "paste-lang": "auto", "paste-text": SCRAPED, "paste-clean": "y",
            "paste-csrf_token": form_token(admin_client.get(url).get_data(as_text=True))}
    first = admin_client.post(url, data=data)
    assert first.status_code == 200 and "These parts will be left out" in first.get_data(as_text=True)
    saved = admin_client.post(url, data={**data, "paste-confirmed": "1"})
    assert saved.status_code == 302
    doc = admin_client.get("/api/v1" + saved.headers["Location"]).json
    assert doc["text"].startswith("Мер пообіцяв нові укриття до зими\n\nМіська рада")
    assert doc["lang"] == "uk" and doc["meta"]["cleanup"][0]["reason"] == "language switcher"


def test_an_upload_over_the_size_limit_is_refused(app, admin_client, make):
    project = make.project()
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = upload(admin_client, project.id, [("big.en.txt", b"x" * 5000)])
    assert response.status_code == 413
    assert "larger than the limit of 20 MB" in response.get_data(as_text=True)


def test_a_duplicate_upload_is_reported_and_skipped(admin_client, make):
    project = make.project()
    make.document(project.id, text="Already here.", lang="en")
    response = upload(admin_client, project.id, [("again.en.txt", b"Already here.")])
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Skipped again.en.txt: the same text is already in this project" in page


def test_project_page_filters_paginates_and_counts(app, admin_client, make):
    app.config["DOCUMENTS_PER_PAGE"] = 2
    project = make.project()
    for i in range(3):
        make.document(project.id, text=f"Текст {i}", lang="uk", title=f"Новина {i}")
    make.document(project.id, text="English", lang="en", title="Report")
    page = admin_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Page 1 of 2" in page and 'data-lang="uk">uk <span class="count">3' in page
    only_en = admin_client.get(f"/projects/{project.id}?lang=en").get_data(as_text=True)
    assert "Report" in only_en and "Новина" not in only_en
    found = admin_client.get(f"/projects/{project.id}?q=Report").get_data(as_text=True)
    assert "Report" in found and "Новина 1" not in found
    cyrillic = admin_client.get(f"/projects/{project.id}?q=НОВИНА 2").get_data(as_text=True)
    assert "Новина 2" in cyrillic and "Новина 1" not in cyrillic and "Report" not in cyrillic
    literal = admin_client.get(f"/projects/{project.id}?q=%25").get_data(as_text=True)
    assert "No documents match." in literal


def test_admin_adds_resets_and_deactivates_users(admin_client):
    html = admin_client.get("/admin/users").get_data(as_text=True)
    response = admin_client.post("/admin/users", data={"username": "taras", "role": "annotator",
                                                       "csrf_token": form_token(html)}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "User taras added." in page and "shown only now" in page
    duplicate = admin_client.post("/admin/users", data={"username": "taras", "role": "annotator",
                                                        "csrf_token": form_token(page)})
    assert duplicate.status_code == 400 and "already exists" in duplicate.get_data(as_text=True)
    uid = re.search(r'href="/admin/users/(\d+)">taras<', page).group(1)
    reset = admin_client.post(f"/admin/users/{uid}/reset-password", data={"csrf_token": form_token(page)},
                              follow_redirects=True).get_data(as_text=True)
    assert "New password for taras" in reset
    admin_client.post(f"/admin/users/{uid}", data={"csrf_token": form_token(page)})  # active unticked
    assert 'class="inactive" data-username="taras"' in admin_client.get("/admin/users").get_data(as_text=True)


def test_users_change_their_own_password(client, make):
    make.user("olena")
    login(client, "olena")
    html = client.get("/account").get_data(as_text=True)
    wrong = client.post("/account", data={"current": "bad-password", "new": "new-password-1",
                                          "confirm": "new-password-1", "csrf_token": form_token(html)})
    assert "This is not your current password." in wrong.get_data(as_text=True)
    client.post("/account", data={"current": "correct-horse-42", "new": "new-password-1",
                                  "confirm": "new-password-1", "csrf_token": form_token(html)})
    client.post("/logout", data={"csrf_token": form_token(html)})
    assert login(client, "olena", "new-password-1").status_code == 302


def test_a_document_is_linked_into_a_group_from_its_page(admin_client, make):
    project = make.project()
    uk = make.document(project.id, text="Київ.", lang="uk", group="story")
    en = make.document(project.id, text="Kyiv.", lang="en")
    html = admin_client.get(f"/documents/{en.id}").get_data(as_text=True)
    done = admin_client.post(f"/documents/{en.id}/group", data={"group": "story", "csrf_token": form_token(html)},
                             follow_redirects=True)
    assert "Now a version of “story”." in done.get_data(as_text=True)
    assert admin_client.get(f"/api/v1/documents/{en.id}").json["group"] == \
        admin_client.get(f"/api/v1/documents/{uk.id}").json["group"]


def test_reviewers_assign_by_hand_and_automatically_and_annotators_see_their_queue(client, make):
    make.user("rita", "reviewer")
    for name in ("olena", "taras"):
        make.user(name)
    project = make.project()
    first = make.document(project.id, text="Перший.", lang="uk", group="a")
    make.document(project.id, text="First.", lang="en", group="a")
    second = make.document(project.id, text="Другий.", lang="uk")
    login(client, "rita")
    html = client.get(f"/projects/{project.id}").get_data(as_text=True)
    done = client.post(f"/projects/{project.id}/assign", data={"mode": "ticked", "doc": [str(first.id)],
                                                              "user": ["olena"], "csrf_token": form_token(html)},
                       follow_redirects=True)
    assert "2 assignments added." in done.get_data(as_text=True)
    auto = client.post(f"/projects/{project.id}/assign", data={"mode": "auto", "k": "1",
                                                              "csrf_token": form_token(html)}, follow_redirects=True)
    assert "1 assignment added." in auto.get_data(as_text=True)
    empty = client.post(f"/projects/{project.id}/assign", data={"mode": "ticked", "csrf_token": form_token(html)},
                        follow_redirects=True)
    assert "Tick at least one document" in empty.get_data(as_text=True)
    client.post("/logout", data={"csrf_token": form_token(html)})
    login(client, "olena")
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert 'id="my-queue"' in page and page.count('data-state="assigned"') >= 2
    assert 'id="assign-form"' not in page
    assert second.id not in [d["id"] for d in client.get(f"/api/v1/projects/{project.id}/queue").json["documents"]]


UNKNOWN_LABEL = (b'{"schema": "annotator.document/v1", "title": "T", "lang": "en", "text": "Kyiv wakes up.", '
                 b'"spans": [{"start": 0, "end": 4, "label": "PLACE", "annotator": "olena"}]}\n')


def test_an_upload_with_labels_the_project_lacks_offers_an_admin_to_add_them(admin_client, make):
    project = make.project()
    preview = upload(admin_client, project.id, [("spans.jsonl", UNKNOWN_LABEL)], confirm=False)
    html = preview.get_data(as_text=True)
    assert "The files use labels this project does not have: PLACE." in html
    assert 'name="add_labels" value="1" required' in html and "--add-labels" not in html  # the page asks first
    fields = dict(re.findall(r'<input type="hidden" name="(token|lang|clean)" value="([^"]*)"', html))
    url = f"/projects/{project.id}/documents/new"
    refused = admin_client.post(url, data={"form": "confirm", "csrf_token": form_token(html), **fields})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert "spans[0]: unknown label &#39;PLACE&#39;" in page and "--add-labels" not in page
    again = upload(admin_client, project.id, [("spans.jsonl", UNKNOWN_LABEL)], confirm=False).get_data(as_text=True)
    fields = dict(re.findall(r'<input type="hidden" name="(token|lang|clean)" value="([^"]*)"', again))
    done = admin_client.post(url, data={"form": "confirm", "csrf_token": form_token(again), "add_labels": "1",
                                        **fields})
    assert done.status_code == 302
    schema = admin_client.get(f"/api/v1/projects/{project.id}").json["schema"]
    assert "PLACE" in [label["name"] for label in schema["labels"]]


def test_a_reviewer_is_told_to_ask_an_administrator_for_missing_labels(client, make):
    project = make.project()
    make.user("rita", "reviewer")
    login(client, "rita")
    html = upload(client, project.id, [("spans.jsonl", UNKNOWN_LABEL)], confirm=False).get_data(as_text=True)
    assert "Ask an administrator to add them" in html and 'name="add_labels"' not in html
    fields = dict(re.findall(r'<input type="hidden" name="(token|lang|clean)" value="([^"]*)"', html))
    forced = client.post(f"/projects/{project.id}/documents/new",
                         data={"form": "confirm", "csrf_token": form_token(html), "add_labels": "1", **fields})
    assert forced.status_code == 403
    assert "only an administrator can add labels to the project: PLACE" in forced.get_data(as_text=True)
    assert "PLACE" not in [label["name"] for label in
                           client.get(f"/api/v1/projects/{project.id}").json["schema"]["labels"]]


def test_a_label_studio_export_uploads_through_the_page_with_its_spans(admin_client, make, app):
    project = make.project()
    task = [{"id": 7, "data": {"text": "Kyiv 🙂 wakes up.", "lang": "en"}, "annotations": [{"result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["ACTOR"]}}]}]}]
    import json

    preview = upload(admin_client, project.id, [("tasks.json", json.dumps(task).encode())], confirm=False)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "1 span" in html
    form = admin_client.get(f"/projects/{project.id}/documents/new").get_data(as_text=True)
    assert "Label Studio JSON" in form and ".json" in form
    assert upload(admin_client, project.id, [("tasks.json", json.dumps(task).encode())]).status_code == 302
    from sqlalchemy import select

    from annotator.extensions import db
    from annotator.models import Span, User

    with app.app_context():
        rows = db.session.execute(select(Span.start, Span.end, Span.label, User.username)
                                  .join(User, User.id == Span.annotator_id)).all()
    assert [tuple(r) for r in rows] == [(0, 4, "ACTOR", "import:labelstudio")]


def test_an_upload_names_the_label_studio_controls_it_leaves_out(admin_client, make):
    project = make.project()
    task = [{"id": 7, "data": {"text": "Kyiv wakes up.", "lang": "en"}, "annotations": [{"result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["ACTOR"]}},
        {"id": "d1", "from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["neg"]}}]}]}]
    import json

    data = json.dumps(task).encode()
    html = upload(admin_client, project.id, [("tasks.json", data)], confirm=False).get_data(as_text=True)
    assert "will be left out: sentiment." in html
    done = upload(admin_client, project.id, [("tasks.json", data)])
    assert done.status_code == 302
    page = admin_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Left out “sentiment” (1 value): the project has no field of that name." in page
