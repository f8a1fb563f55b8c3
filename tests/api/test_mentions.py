from tests.api.test_spans import auth

UK = "Ольга Марченко заявила про ремонт. Марченко додала, що Путіна не чекають. Зустріч із Путіним скасовано."
RU = "Путин сказал, что Ольге Марченко не верит. С Путиным никто не спорил."


def test_known_actors_are_suggested_in_inflected_forms_and_not_twice(client, make):
    project = make.project()
    uk = make.document(project.id, text=UK, lang="uk", group="g")
    ru = make.document(project.id, text=RU, lang="ru", group="g")
    make.user("olena")
    token = make.token("olena")
    for name, names in (("Olha Marchenko", {"uk": ["Ольга Марченко"], "ru": ["Ольга Марченко"]}),
                        ("Vladimir Putin", {"uk": ["Путін"], "ru": ["Путин"]})):
        client.post(f"/api/v1/projects/{project.id}/actors", json={"name": name, "names": names},
                    headers=auth(token))
    got = client.get(f"/api/v1/documents/{uk.id}/actor-suggestions", headers=auth(token)).json["suggestions"]
    assert [(s["text"], s["actor"]["name"], s["reason"]) for s in got] == [
        ("Ольга Марченко", "Olha Marchenko", "listed name"), ("Марченко", "Olha Marchenko", "listed name"),
        ("Путіна", "Vladimir Putin", "inflected form"), ("Путіним", "Vladimir Putin", "inflected form")]
    for s in got:
        assert UK[s["start"]:s["end"]] == s["text"]
    russian = client.get(f"/api/v1/documents/{ru.id}/actor-suggestions", headers=auth(token)).json["suggestions"]
    assert [s["text"] for s in russian] == ["Путин", "Ольге Марченко", "Путиным"]
    first = got[0]
    client.post(f"/api/v1/documents/{uk.id}/spans", json={"start": first["start"], "end": first["end"],
                                                          "label": "ACTOR", "actor": first["actor"]["id"]},
                headers=auth(token))
    again = client.get(f"/api/v1/documents/{uk.id}/actor-suggestions", headers=auth(token)).json["suggestions"]
    assert [s["text"] for s in again] == ["Марченко", "Путіна", "Путіним"]


def test_a_new_actor_span_whose_text_is_a_registry_name_is_linked_to_that_actor(client, make):
    text = "VLADIMIR PUTIN met Put\u00e9. Путін и Путин. Kuleba spoke."  # stored NFC; the registry has "e" + U+0301
    project = make.project()
    doc = make.document(project.id, text=text, lang="uk")
    make.user("olena")
    token = make.token("olena")
    made = {}
    for name, names in (("Vladimir Putin", {"uk": ["Путін"], "ru": ["Путин"]}), ("Pute\u0301", {}),
                        ("Dmytro Kuleba", {})):
        made[name] = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": name, "names": names},
                                 headers=auth(token)).json["id"]

    def mark(words, label="ACTOR"):
        start = text.index(words)
        res = client.post(f"/api/v1/documents/{doc.id}/spans", headers=auth(token),
                          json={"start": start, "end": start + len(words), "label": label})
        assert res.status_code == 201, res.json
        return (res.json["actor"] or {}).get("id")

    assert mark("VLADIMIR PUTIN") == made["Vladimir Putin"]  # case-insensitive
    assert mark("Путін") == made["Vladimir Putin"]  # any listed name
    assert mark("Путин") == made["Vladimir Putin"]
    assert mark("Put\u00e9") == made["Pute\u0301"]  # NFC on both sides
    assert mark("Kuleba") is None  # part of a name is not the name
    assert mark("Путин", label="CLAIM") is None  # only actor labels are linked
