"""API errors keep a stable `code`, `field` and `params`, and say their `message` in the caller's language."""

from tests.conftest import csrf_of, login


def _bad_span(client, doc_id, **headers):
    return client.post(f"/api/v1/documents/{doc_id}/spans", json={"start": 0, "end": 4, "label": "NOPE"},
                       headers=headers)


def test_an_error_message_follows_accept_language_and_keeps_its_code_and_params(client, make):
    make.user("olena")
    token = make.token("olena")
    doc = make.document(make.project("p").id)
    auth = {"Authorization": f"Bearer {token}"}
    english = _bad_span(client, doc.id, **auth).json["error"]
    ukrainian = _bad_span(client, doc.id, **auth, **{"Accept-Language": "uk"}).json["error"]
    russian = _bad_span(client, doc.id, **auth, **{"Accept-Language": "ru-RU,ru;q=0.9"}).json["error"]
    assert english["message"] == "unknown label 'NOPE' (this project has ACTOR, CLAIM, POSITION)"
    assert ukrainian["message"] == "невідома мітка «NOPE» (у цьому проєкті є: ACTOR, CLAIM, POSITION)"
    assert russian["message"] == "неизвестная метка «NOPE» (в этом проекте есть: ACTOR, CLAIM, POSITION)"
    for error in (english, ukrainian, russian):
        assert error["code"] == "invalid" and error["field"] == "label"
        assert error["params"] == {"label": "NOPE", "known": "ACTOR, CLAIM, POSITION"}


def test_a_signed_in_users_chosen_language_wins_over_the_browsers(client, make):
    make.user("olena")
    doc = make.document(make.project("p").id)
    login(client, "olena")
    client.post("/locale", data={"locale": "uk", "csrf_token": csrf_of(client)})
    response = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 3, "end": 1, "label": "ACTOR"},
                           headers={"X-CSRFToken": csrf_of(client), "Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json["error"] == {"code": "invalid", "field": "end", "message": "«end» має бути більшим за «start»"}


def test_domain_errors_read_in_english_outside_a_request():
    from annotator.errors import N_, Invalid

    error = Invalid(N_("no span {id}"), field="span", params={"id": 7})
    assert str(error) == error.message == "no span 7"
    assert error.to_dict() == {"code": "invalid", "message": "no span 7", "field": "span", "params": {"id": 7}}


def test_messages_are_english_in_commands_outside_a_request(app):
    from flask_babel import gettext

    from annotator.errors import N_, Invalid

    with app.app_context():  # as `annotator …` runs: an app, no request
        assert Invalid(N_("no span {id}"), params={"id": 3}).message == "no span 3"
        assert gettext("Saved") == "Saved"


def test_service_and_input_errors_read_in_ukrainian_and_russian_with_stable_codes(client, make):
    make.user("rita", "reviewer")
    make.user("olena")
    project = make.project("p")
    doc = make.document(project.id, text="Путін заявив. Київ відповів.")
    rita, olena = make.token("rita"), make.token("olena")

    def error(method, url, token, lang="uk", **kwargs):
        response = client.open(url, method=method, headers={"Authorization": f"Bearer {token}",
                                                            "Accept-Language": lang}, **kwargs)
        return response.status_code, response.json["error"]

    span = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 5, "label": "ACTOR"},
                       headers={"Authorization": f"Bearer {olena}"}).json
    status, body = error("POST", f"/api/v1/documents/{doc.id}/spans", olena, json={"start": 0, "end": 5})
    assert (status, body["code"], body["field"]) == (400, "invalid", "label")
    assert body["message"] == "«label»: обовʼязкове поле"
    status, body = error("PATCH", f"/api/v1/spans/{span['id']}", olena, json={"label": "CLAIM", "version": 99})
    assert (status, body["code"]) == (409, "conflict")
    assert body["message"] == "тим часом фрагмент змінив хтось інший; перезавантажте його"
    status, body = error("GET", "/api/v1/projects/987654", olena, lang="ru")
    assert (status, body["code"], body["message"]) == (404, "not_found", "нет проекта «987654»")
    status, body = error("PUT", f"/api/v1/documents/{doc.id}/review-state", rita, json={"state": "reviewed"})
    assert (status, body["code"], body["params"]) == (409, "undecided", {"spans": 1, "relations": 0})
    assert body["message"].startswith("нерозглянуті кандидати у фрагменти: 1, звʼязки: 0;")
    client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "accept"},
                headers={"Authorization": f"Bearer {rita}"})
    status, body = error("DELETE", f"/api/v1/spans/{span['id']}", olena, lang="ru")
    assert (status, body["code"], body["params"]) == (409, "decided", {"status": "accepted"})
    assert body["message"].startswith("рецензент уже принял решение по этому фрагменту (accepted);")
    status, body = error("POST", f"/api/v1/projects/{project.id}/import", rita,
                         data='{"lang": "uk", "title": "без тексту"}\n', content_type="application/x-ndjson")
    assert (status, body["code"], body["message"]) == (400, "invalid", "проблем: 1; нічого не імпортовано")
    assert body["problems"] == ["body line 1: поле «text»: обовʼязкове"]


def test_schema_alignment_import_detection_and_export_errors_read_in_ukrainian_and_russian(client, make, app):
    from annotator.errors import Invalid
    from annotator.ingest import parse_files

    token = make.admin_token()
    project = make.project("p")
    first = make.document(project.id, text="Київ заявив. Перемовини тривають.", lang="uk", group="talks")
    second = make.document(project.id, text="Kyiv said so. The talks go on.", lang="en", group="talks")

    def error(method, url, lang, **kwargs):
        response = client.open(url, method=method, headers={"Authorization": f"Bearer {token}",
                                                            "Accept-Language": lang}, **kwargs)
        assert 400 <= response.status_code < 500
        return response.json["error"]

    schema = {"labels": [{"name": "ACTOR", "color": "red"}]}
    body = error("PATCH", f"/api/v1/projects/{project.id}", "uk", json={"schema": schema, "version": 1})
    assert (body["field"], body["message"]) == ("schema.labels[0].color",
                                                "schema.labels[0].color: колір має виглядати як #1d4ed8")
    body = error("PATCH", f"/api/v1/projects/{project.id}", "ru", json={"settings": {"auto_assign": 99}})
    assert body["message"] == "«settings.auto_assign»: должно быть не больше 20"
    group = client.get(f"/api/v1/documents/{first.id}", headers={"Authorization": f"Bearer {token}"}).json["group"]
    gid = group["id"] if isinstance(group, dict) else int(str(group).removeprefix("g-"))
    body = error("PUT", f"/api/v1/groups/{gid}/alignment", "uk",
                 json={"a": first.id, "b": second.id, "beads": [[[0], [7], "confirmed"]], "version": 0})
    assert body["message"] == "beads[0][1]: речення 7 поза межами (0–1)"
    body = error("GET", f"/api/v1/projects/{project.id}/export?format=nope", "ru")
    assert body["message"].startswith("неизвестный формат экспорта «nope» (известные: jsonl,")

    doccano = b'{"text": "Kyiv", "label": [[0, 9, "ACTOR"]], "lang": "en"}\n{"text": "2025"}\n'
    problems = parse_files([("d.jsonl", doccano)], "doccano").errors
    with app.test_request_context(headers={"Accept-Language": "uk"}):
        assert [p.message for p in problems] == [
            "d.jsonl line 1: поле «label[0]»: зсуви [0, 9) виходять за межі тексту (4 кодових точок)",
            "d.jsonl line 2: не вдалося визначити мову (найімовірніше none, упевненість 0.00); додайте поле \"lang\" "
            "або виберіть мову імпорту (uk, en, ru …; --lang у командному рядку)"]
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert problems[0].message.endswith("смещения [0, 9) выходят за пределы текста (4 кодовых точек)")
    assert all(isinstance(p, Invalid) for p in problems)
    assert problems[0].message.startswith("d.jsonl line 1: field 'label[0]': offsets [0, 9)")  # English outside
