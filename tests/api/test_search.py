"""GET /projects/<pid>/search and POST /projects/<pid>/search/mark: answers, who may, and bad input as 4xx."""

import pytest

from tests.api.test_spans import auth

UK = "🙂 Заява: Володимир Зеленський зустрівся з Путіним? Ні. Володимира Зеленського чекали у Києві."
RU = "Владимир Зеленский 🙂 и Путин. Путина не ждали, Путину не писали."


@pytest.fixture
def world(make):
    make.user("olena")
    make.user("taras")
    project = make.project("news")
    uk = make.document(project.id, text=UK, lang="uk", title="Заява", group="g")
    ru = make.document(project.id, text=RU, lang="ru", title="Заявление", group="g")
    return project, uk, ru, make.token("olena")


def test_a_phrase_is_found_in_its_forms_with_context_and_offsets_in_code_points(client, world):
    project, uk, ru, token = world
    got = client.get(f"/api/v1/projects/{project.id}/search?q=Володимир Зеленський", headers=auth(token))
    assert got.status_code == 200
    body = got.json
    assert body["total"] == 2 and body["documents_total"] == 1 and body["page"] == 1 and body["pages"] == 1
    assert [(h["text"], UK[h["start"]:h["end"]]) for h in body["hits"]] == [
        ("Володимир Зеленський", "Володимир Зеленський"), ("Володимира Зеленського", "Володимира Зеленського")]
    assert body["hits"][0]["start"] == 9 and body["hits"][0]["left"] == "🙂 Заява: "
    assert body["documents"] == [{"id": uk.id, "title": "Заява", "lang": "uk", "count": 2}]
    russian = client.get(f"/api/v1/projects/{project.id}/search?q=Путин&lang=ru", headers=auth(token)).json
    assert [h["text"] for h in russian["hits"]] == ["Путин", "Путина", "Путину"]
    assert {d["id"] for d in russian["documents"]} == {ru.id}
    exact = client.get(f"/api/v1/projects/{project.id}/search?q=Путин&lang=ru&forms=0", headers=auth(token)).json
    assert [h["text"] for h in exact["hits"]] == ["Путин"]


def test_marking_makes_the_callers_spans_with_an_actor_and_reports_made_and_skipped(client, world):
    project, uk, ru, token = world
    actor = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Volodymyr Zelensky"},
                        headers=auth(token)).json
    hits = client.get(f"/api/v1/projects/{project.id}/search?q=Зеленський", headers=auth(token)).json["hits"]
    chosen = [{"document": h["document"], "start": h["start"], "end": h["end"]} for h in hits]
    url = f"/api/v1/projects/{project.id}/search/mark"
    made = client.post(url, json={"label": "ACTOR", "actor": actor["id"], "occurrences": chosen}, headers=auth(token))
    assert made.status_code == 201, made.json
    assert made.json["created"] == 2 and made.json["skipped"] == 0  # Russian spells it Зеленский: not a form
    assert {s["actor"] for s in made.json["spans"]} == {actor["id"]}
    doc = client.get(f"/api/v1/documents/{uk.id}", headers=auth(token)).json
    assert [(s["text"], s["label"], s["actor"]["id"], s["annotator"], s["status"]) for s in doc["spans"]] == [
        ("Зеленський", "ACTOR", actor["id"], "olena", "pending"),
        ("Зеленського", "ACTOR", actor["id"], "olena", "pending")]
    again = client.post(url, json={"label": "ACTOR", "occurrences": chosen}, headers=auth(token))
    assert again.status_code == 200 and again.json == {"created": 0, "skipped": 2, "spans": []}
    hits = client.get(f"/api/v1/projects/{project.id}/search?q=Зеленський", headers=auth(token)).json["hits"]
    assert all(h["marked"] == ["ACTOR"] for h in hits)
    history = client.get(f"/api/v1/documents/{uk.id}/history", headers=auth(token))
    assert history.status_code == 403  # an annotator; the entries are checked in the unit tests


def test_another_annotators_layer_stays_hidden_and_their_marks_are_not_duplicates(client, make, world):
    project, uk, ru, token = world
    theirs = make.token("taras")
    hits = client.get(f"/api/v1/projects/{project.id}/search?q=Путін&lang=uk", headers=auth(theirs)).json["hits"]
    chosen = [{"document": h["document"], "start": h["start"], "end": h["end"]} for h in hits]
    url = f"/api/v1/projects/{project.id}/search/mark"
    assert client.post(url, json={"label": "ACTOR", "occurrences": chosen}, headers=auth(theirs)).json["created"] == 1
    mine = client.get(f"/api/v1/projects/{project.id}/search?q=Путін&lang=uk", headers=auth(token)).json["hits"]
    assert [h["marked"] for h in mine] == [[]]
    assert client.post(url, json={"label": "ACTOR", "occurrences": chosen}, headers=auth(token)).json["created"] == 1
    assert client.get(f"/api/v1/documents/{uk.id}", headers=auth(token)).json["spans"][0]["annotator"] == "olena"


def test_a_non_member_gets_404_and_no_one_marks_into_another_projects_documents(client, make, world):
    project, uk, ru, token = world
    make.join = False
    make.user("stranger")
    other = make.project("elsewhere", members={"stranger": "annotator"})
    foreign = make.document(other.id, text="Путін там.", lang="uk")
    stranger = make.token("stranger")
    for url in (f"/api/v1/projects/{project.id}/search?q=Путін",):
        assert client.get(url, headers=auth(stranger)).status_code == 404
    denied = client.post(f"/api/v1/projects/{project.id}/search/mark",
                         json={"label": "ACTOR", "occurrences": [{"document": uk.id, "start": 0, "end": 1}]},
                         headers=auth(stranger))
    assert denied.status_code == 404
    smuggled = client.post(f"/api/v1/projects/{project.id}/search/mark",
                           json={"label": "ACTOR", "occurrences": [{"document": foreign.id, "start": 0, "end": 5}]},
                           headers=auth(token))
    assert smuggled.status_code == 404 and smuggled.json["error"]["field"] == "occurrences[0].document"
    assert client.get(f"/api/v1/documents/{foreign.id}", headers=auth(stranger)).json["spans"] == []


BIG = 2**63 + 5


@pytest.mark.parametrize(("query", "field"), [
    ("", "q"), ("q=", "q"), ("q=%20%20", "q"), ("q=" + "x" * 201, "q"), ("q=!!!", "q"), ("q=a&page=0", "page"),
    ("q=a&per_page=501", "per_page"), ("q=a&forms=maybe", "forms"), (f"q=a&page={BIG}", "page"),
])
def test_bad_search_queries_are_400_naming_the_field(client, world, query, field):
    project, uk, ru, token = world
    got = client.get(f"/api/v1/projects/{project.id}/search?{query}", headers=auth(token))
    assert got.status_code == 400, got.json
    assert got.json["error"]["field"] == field


def test_bad_marks_are_4xx_naming_the_field_and_write_nothing(client, make, world):
    project, uk, ru, token = world
    other = make.project("elsewhere")
    their_actor = client.post(f"/api/v1/projects/{other.id}/actors", json={"name": "Somebody"},
                              headers=auth(token)).json
    ok = {"document": uk.id, "start": 2, "end": 7}
    url = f"/api/v1/projects/{project.id}/search/mark"
    cases = [
        ({"occurrences": [ok]}, 400, "label"),
        ({"label": "NOPE", "occurrences": [ok]}, 400, "label"),
        ({"label": "ACTOR", "occurrences": []}, 400, "occurrences"),
        ({"label": "ACTOR"}, 400, "occurrences"),
        ({"label": "ACTOR", "occurrences": [ok] * 5001}, 400, "occurrences"),
        ({"label": "ACTOR", "actor": their_actor["id"], "occurrences": [ok]}, 400, "actor"),
        ({"label": "ACTOR", "actor": BIG, "occurrences": [ok]}, 400, "actor"),
        ({"label": "ACTOR", "occurrences": [{**ok, "document": BIG}]}, 400, "occurrences[0].document"),
        ({"label": "ACTOR", "occurrences": [{**ok, "start": BIG}]}, 400, "occurrences[0].start"),
        ({"label": "ACTOR", "occurrences": [ok, {**ok, "end": 10_000}]}, 400, "occurrences[1].end"),
        ({"label": "ACTOR", "occurrences": [{**ok, "start": 7}]}, 400, "occurrences[0].end"),
        ({"label": "ACTOR", "occurrences": [{**ok, "start": "2"}]}, 400, "occurrences[0].start"),
        ({"label": "ACTOR", "occurrences": [ok], "attrs": {"nope": 1}}, 400, "attrs.nope"),
    ]
    for body, status, field in cases:
        got = client.post(url, json=body, headers=auth(token))
        assert (got.status_code, got.json["error"].get("field")) == (status, field), (body, got.json)
    beyond = client.post(url, json={"label": "ACTOR", "occurrences": [{**ok, "end": 10_000}]},
                         headers=auth(token) | {"Accept-Language": "uk"}).json["error"]
    assert beyond["message"].startswith("«occurrences[0]»: ") and beyond["params"]["k"] == 0
    assert "«end»" in beyond["message"] and len(beyond["params"]) > 2  # the offset problem's own, translated
    assert client.get(f"/api/v1/documents/{uk.id}", headers=auth(token)).json["spans"] == []
    assert client.post(f"/api/v1/projects/{BIG}/search/mark", json={}, headers=auth(token)).status_code == 404


def test_a_decided_span_is_left_alone_and_a_new_one_made_beside_it(client, make, world):
    """Review rules: marking never changes existing spans; a reviewer's decision on one stays."""
    project, uk, ru, token = world
    make.user("rita", "reviewer")
    make.member(project.id, "rita", "reviewer")
    start = UK.index("Путіним")
    span = client.post(f"/api/v1/documents/{uk.id}/spans", json={"start": start, "end": start + 7, "label": "ACTOR"},
                       headers=auth(token)).json
    rita = make.token("rita")
    assert client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "reject"},
                       headers=auth(rita)).status_code == 200
    url = f"/api/v1/projects/{project.id}/search/mark"
    chosen = [{"document": uk.id, "start": start, "end": start + 7}]
    assert client.post(url, json={"label": "ACTOR", "occurrences": chosen}, headers=auth(token)).json["skipped"] == 1
    made = client.post(url, json={"label": "CLAIM", "occurrences": chosen}, headers=auth(token)).json
    assert made["created"] == 1
    spans = client.get(f"/api/v1/documents/{uk.id}", headers=auth(token)).json["spans"]
    assert sorted((s["label"], s["status"]) for s in spans) == [("ACTOR", "rejected"), ("CLAIM", "pending")]


def test_words_the_morphology_cannot_read_are_searched_and_suggested_without_an_error(client, make, world):
    """pymorphy3 raises on a word of Latin letters and a character Unicode gives no name (U+17000 here)."""
    project, _uk, _ru, token = world
    odd = "A\U00017000"
    doc = make.document(project.id, text=f"Володимир Зеленський і {odd} у Києві.", lang="uk", title="Дивне")
    client.post(f"/api/v1/projects/{project.id}/actors", json={"name": f"Зеленський {odd}"}, headers=auth(token))
    for lang in ("uk", "ru"):
        got = client.get(f"/api/v1/projects/{project.id}/search?q={odd}&lang={lang}", headers=auth(token))
        assert got.status_code == 200, got.json
    assert [h["text"] for h in client.get(f"/api/v1/projects/{project.id}/search?q={odd}",
                                          headers=auth(token)).json["hits"]] == [odd]
    suggested = client.get(f"/api/v1/documents/{doc.id}/actor-suggestions", headers=auth(token))
    assert suggested.status_code == 200, suggested.json
