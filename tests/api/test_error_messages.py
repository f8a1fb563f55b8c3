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
