"""Labels a file uses that the project lacks: named in the refusal (in the user's language, with the list as
missing_labels for scripts), and added only with add_labels by an administrator, the one who edits schemas."""

from tests.conftest import bearer

LINE = ('{"title": "T", "lang": "en", "text": "Kyiv wakes up.", '
        '"spans": [{"start": 0, "end": 4, "label": "PLACE", "annotator": "olena"}]}\n')


def _import(client, pid, token, query="", **headers):
    return client.post(f"/api/v1/projects/{pid}/import{query}", data=LINE.encode(),
                       headers={**bearer(token), "Content-Type": "application/x-ndjson", **headers})


def _labels(client, pid, token):
    return [label["name"] for label in client.get(f"/api/v1/projects/{pid}", headers=bearer(token))
            .json["schema"]["labels"]]


def test_unknown_labels_are_named_and_listed_in_the_users_language(client, make):
    admin, project = make.admin_token(), make.project()
    refused = _import(client, project.id, admin)
    assert refused.status_code == 400
    error = refused.json["error"]
    assert error["missing_labels"] == ["PLACE"]
    assert error["problems"] == ["body line 1: spans[0]: unknown label 'PLACE'"]
    in_uk = _import(client, project.id, admin, **{"Accept-Language": "uk"}).json["error"]
    assert in_uk["problems"] == ["body line 1: spans[0]: невідома мітка «PLACE»"]
    assert _import(client, project.id, admin, "?add_labels=1").status_code == 201
    assert "PLACE" in _labels(client, project.id, admin)


def test_only_an_administrator_adds_labels_through_an_import(client, make):
    project = make.project()
    make.user("rita", "reviewer")
    refused = _import(client, project.id, make.token("rita"), "?add_labels=1")
    assert refused.status_code == 403
    assert refused.json["error"]["field"] == "add_labels"
    assert "PLACE" not in _labels(client, project.id, make.admin_token())
    assert client.get(f"/api/v1/projects/{project.id}/documents", headers=bearer(make.token("rita"))).json["total"] == 0
