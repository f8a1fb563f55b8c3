import orjson
import pytest

from tests.api.test_spans import TEXT, add, auth


@pytest.fixture
def team(make):
    project = make.project("isw")
    doc = make.document(project.id, text=TEXT)
    tokens = {}
    for name, role in (("admin", "admin"), ("rita", "reviewer"), ("rob", "reviewer"), ("olena", "annotator"),
                       ("taras", "annotator"), ("ivan", "annotator")):
        make.user(name, role)
        tokens[name] = make.token(name)
    return project, doc, tokens


def review_of(client, doc, token):
    return client.get(f"/api/v1/documents/{doc.id}/review", headers=auth(token)).json


def test_merged_layers_show_agreement_and_accept_agreed_builds_gold(client, team):
    project, doc, t = team
    for who in ("olena", "taras"):
        add(client, doc, t[who], "Путін")
        add(client, doc, t[who], "ISW", "POSITION", attrs={"polarity": "oppose"})
    add(client, doc, t["olena"], "«припинення вогню»", "CLAIM")
    add(client, doc, t["taras"], "ISW", "ACTOR")
    data = review_of(client, doc, t["rita"])
    assert data["annotators"] == ["olena", "taras"]
    agreement = {(c["text"], c["label"]): c["agreement"] for c in data["candidates"]}
    assert agreement == {("Путін", "ACTOR"): "all", ("ISW", "POSITION"): "all",
                         ("«припинення вогню»", "CLAIM"): "one", ("ISW", "ACTOR"): "one"}
    done = client.post(f"/api/v1/documents/{doc.id}/review/accept-agreed", headers=auth(t["rita"])).json
    assert done == {"spans": 2, "relations": 0}
    after = {(c["text"], c["label"]): sorted(s["status"] for s in c["spans"]) for c in review_of(
        client, doc, t["rita"])["candidates"]}
    assert after[("Путін", "ACTOR")] == ["accepted", "merged"]
    gold = orjson.loads(client.get(f"/api/v1/projects/{project.id}/export?include_unreviewed=1",
                                   headers=auth(t["rita"])).data)
    assert [(s["text"], s["label"]) for s in gold["spans"]] == [("ISW", "POSITION"), ("Путін", "ACTOR")] or \
        sorted((s["text"], s["label"]) for s in gold["spans"]) == [("ISW", "POSITION"), ("Путін", "ACTOR")]
    assert review_of(client, doc, t["rita"])["state"] == "in_review"
    asked = client.put(f"/api/v1/documents/{doc.id}/review-state", json={"state": "reviewed"}, headers=auth(t["rita"]))
    assert asked.status_code == 409 and asked.json["error"]["code"] == "undecided"
    assert (asked.json["error"]["spans"], asked.json["error"]["relations"]) == (2, 0)
    state = client.put(f"/api/v1/documents/{doc.id}/review-state", json={"state": "reviewed", "undecided": "leave"},
                       headers=auth(t["rita"]))
    assert state.json == {"state": "reviewed"}


def test_two_reviewers_deciding_one_span_the_second_gets_a_conflict(client, team):
    _, doc, t = team
    span = add(client, doc, t["olena"], "Путін").json
    first = client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "accept", "version": 1},
                        headers=auth(t["rita"]))
    assert first.status_code == 200
    second = client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "reject", "version": 1},
                         headers=auth(t["rob"]))
    assert second.status_code == 409
    assert "reload" in second.json["error"]["message"]


def test_annotators_cannot_use_reviewer_endpoints(client, team):
    project, doc, t = team
    span = add(client, doc, t["olena"], "Путін").json
    for method, path, body in [("get", f"/api/v1/documents/{doc.id}/review", None),
                               ("post", f"/api/v1/documents/{doc.id}/review/accept-agreed", None),
                               ("put", f"/api/v1/documents/{doc.id}/review-state", {"state": "reviewed"}),
                               ("post", f"/api/v1/spans/{span['id']}/review", {"decision": "accept"}),
                               ("get", f"/api/v1/projects/{project.id}/agreement", None),
                               ("post", f"/api/v1/projects/{project.id}/assignments", {"auto": 1}),
                               ("get", f"/api/v1/documents/{doc.id}/history", None)]:
        response = getattr(client, method)(path, json=body, headers=auth(t["olena"]))
        assert response.status_code == 403, path
        assert response.json["error"]["code"] == "forbidden"


def test_reviewing_a_document_with_no_annotations(client, team):
    _, doc, t = team
    data = review_of(client, doc, t["rita"])
    assert data["candidates"] == [] and data["annotators"] == []
    assert client.post(f"/api/v1/documents/{doc.id}/review/accept-agreed",
                       headers=auth(t["rita"])).json == {"spans": 0, "relations": 0}


def test_reviewers_annotate_the_gold_layer_directly(client, team):
    project, doc, t = team
    gold_span = add(client, doc, t["rita"], "ISW", gold=True).json
    assert gold_span["status"] == "accepted"
    refused = add(client, doc, t["olena"], "Путін", gold=True)
    assert refused.status_code == 403


def test_a_deactivated_annotators_work_stays_attributed(app, client, team):
    project, doc, t = team
    add(client, doc, t["ivan"], "Путін")
    from annotator.extensions import db
    from annotator.services import users

    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "ivan"), False)
        db.session.commit()
    assert review_of(client, doc, t["rita"])["candidates"][0]["annotators"] == ["ivan"]


def test_assignment_by_hand_and_balanced(client, make, team):
    project, doc, t = team
    other = make.document(project.id, text="Другий текст.", group="g")
    make.document(project.id, text="Second text.", lang="en", group="g")
    by_hand = client.post(f"/api/v1/projects/{project.id}/assignments",
                          json={"documents": [other.id], "users": ["olena"]}, headers=auth(t["rita"]))
    assert by_hand.json == {"added": 2}  # both versions of the article
    auto = client.post(f"/api/v1/projects/{project.id}/assignments", json={"auto": 2}, headers=auth(t["rita"]))
    assert auto.status_code == 200
    queues = {who: client.get(f"/api/v1/projects/{project.id}/queue", headers=auth(t[who])).json["documents"]
              for who in ("olena", "taras", "ivan")}
    per_doc = {}
    for who, docs in queues.items():
        for d in docs:
            per_doc.setdefault(d["id"], set()).add(who)
    assert all(len(users) == 2 for users in per_doc.values())
    assert {d["state"] for docs in queues.values() for d in docs} == {"assigned"}
    bad = client.post(f"/api/v1/projects/{project.id}/assignments", json={"auto": 9}, headers=auth(t["rita"]))
    assert bad.status_code == 400 and bad.json["error"]["field"] == "k"
    unknown = client.post(f"/api/v1/projects/{project.id}/assignments",
                          json={"documents": [doc.id], "users": ["nobody"]}, headers=auth(t["rita"]))
    assert unknown.json["error"]["message"] == "no user named 'nobody'"


def test_next_follows_the_queue(client, make, team):
    project, doc, t = team
    skipped = make.document(project.id, text="Не в черзі.")
    queued = make.document(project.id, text="У черзі.")
    client.post(f"/api/v1/projects/{project.id}/assignments", json={"documents": [doc.id, queued.id],
                                                                     "users": ["olena"]}, headers=auth(t["rita"]))
    done = client.put(f"/api/v1/documents/{doc.id}/state", json={"state": "done"}, headers=auth(t["olena"]))
    assert done.json["next"] == queued.id != skipped.id


def test_comments_are_seen_by_reviewers_and_the_annotator_concerned(client, team):
    _, doc, t = team
    olena_span = add(client, doc, t["olena"], "Путін").json
    add(client, doc, t["taras"], "ISW")
    note = client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "Це не актор?", "span": olena_span["id"]},
                       headers=auth(t["rita"]))
    assert note.status_code == 201
    reply = client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "Актор.", "parent": note.json["id"]},
                        headers=auth(t["olena"]))
    assert reply.json["span"] == olena_span["id"]

    def bodies(who):
        return [c["body"] for c in client.get(f"/api/v1/documents/{doc.id}/comments",
                                              headers=auth(t[who])).json["comments"]]

    assert bodies("rob") == ["Це не актор?", "Актор."]
    assert bodies("olena") == ["Це не актор?", "Актор."]
    assert bodies("taras") == []
    empty = client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "  "}, headers=auth(t["olena"]))
    assert empty.status_code == 400 and empty.json["error"]["field"] == "body"
    hidden = client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "x", "span": olena_span["id"]},
                         headers=auth(t["taras"]))
    assert hidden.status_code == 404


def test_history_lists_review_decisions_and_deleted_spans_can_be_restored(client, team):
    _, doc, t = team
    span = add(client, doc, t["olena"], "Путін").json
    client.delete(f"/api/v1/spans/{span['id']}", headers=auth(t["olena"]))
    restored = client.post(f"/api/v1/spans/{span['id']}/restore", headers=auth(t["rita"]))
    assert restored.status_code == 200
    client.post(f"/api/v1/spans/{span['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    events = client.get(f"/api/v1/documents/{doc.id}/history", headers=auth(t["rita"])).json["events"]
    assert [(e["entity"], e["action"], e["user"]) for e in reversed(events)] == [
        ("span", "create", "olena"), ("span", "delete", "olena"), ("span", "restore", "rita"),
        ("review", "accept", "rita")]


def test_agreement_figures_per_label_and_language(client, team):
    project, doc, t = team
    for who in ("olena", "taras"):
        add(client, doc, t[who], "Путін")
    add(client, doc, t["olena"], "ISW")
    overall = client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["rita"])).json
    assert overall["pairs"][0]["f1_exact"] == pytest.approx(2 / 3, abs=1e-4)
    assert 0 < overall["pairs"][0]["kappa"] < 1 and 0 < overall["alpha"] < 1
    assert overall["documents"][0]["id"] == doc.id
    actors_only = client.get(f"/api/v1/projects/{project.id}/agreement?label=CLAIM", headers=auth(t["rita"])).json
    assert actors_only["pairs"][0]["f1_exact"] is None
    english = client.get(f"/api/v1/projects/{project.id}/agreement?lang=en", headers=auth(t["rita"])).json
    assert english["pairs"] == []


def test_new_documents_are_auto_assigned_when_the_project_says_so(client, team):
    project, _, t = team
    settings = client.patch(f"/api/v1/projects/{project.id}", json={"settings": {"auto_assign": 2}},
                            headers=auth(t["admin"]))
    assert settings.json["settings"]["auto_assign"] == 2
    bad = client.patch(f"/api/v1/projects/{project.id}", json={"settings": {"auto_assign": "two"}},
                       headers=auth(t["admin"]))
    assert bad.status_code == 400 and bad.json["error"]["field"] == "settings.auto_assign"
    body = b"\n".join(orjson.dumps({"text": x, "lang": "uk"}) for x in ("Перший.", "Другий.", "Третій."))
    client.post(f"/api/v1/projects/{project.id}/import", data=body, headers=auth(t["admin"]))
    sizes = [len(client.get(f"/api/v1/projects/{project.id}/queue", headers=auth(t[w])).json["documents"])
             for w in ("olena", "taras", "ivan")]
    assert sum(sizes) == 6 and max(sizes) - min(sizes) <= 1
    refused = client.patch(f"/api/v1/projects/{project.id}", json={"name": "x"}, headers=auth(t["rita"]))
    assert refused.status_code == 403


def test_a_reviewers_gold_span_is_not_a_layer_to_agree_with(client, team):
    project, doc, t = team
    for who in ("olena", "taras"):
        add(client, doc, t[who], "Путін")
    add(client, doc, t["rita"], "Путін", gold=True)
    data = review_of(client, doc, t["rita"])
    assert data["annotators"] == ["olena", "taras"]
    assert data["candidates"][0]["agreement"] == "all"
    figures = client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["rita"])).json
    assert figures["annotators"] == ["olena", "taras"]


def test_gold_relations_follow_merged_ends_to_the_accepted_span(client, team):
    project, doc, t = team
    made = {}
    for who in ("taras", "olena"):
        made[who] = (add(client, doc, t[who], "Путін").json, add(client, doc, t[who], "«припинення вогню»",
                                                                   "CLAIM").json)
    actor, claim = made["taras"]  # only taras links them; olena's identical spans become the gold ones
    rel = client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": claim["id"], "tail": actor["id"],
                                                                     "type": "SAID_BY"}, headers=auth(t["taras"])).json
    client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    client.post(f"/api/v1/documents/{doc.id}/review/accept-agreed", headers=auth(t["rita"]))
    gold = orjson.loads(client.get(f"/api/v1/projects/{project.id}/export?include_unreviewed=1",
                                   headers=auth(t["rita"])).data)
    ids = {s["id"]: s["text"] for s in gold["spans"]}
    assert sorted(ids.values()) == ["«припинення вогню»", "Путін"]
    assert [(r["type"], ids[r["head"]], ids[r["tail"]]) for r in gold["relations"]] == [
        ("SAID_BY", "«припинення вогню»", "Путін")]


def test_the_review_queue_counts_like_each_documents_review(app, client, make, team):
    project, doc, t = team
    other = make.document(project.id, text="Зеленський відповів Путіну.")
    for who in ("olena", "taras"):
        add(client, doc, t[who], "Путін")
    add(client, doc, t["olena"], "ISW", "POSITION", attrs={"polarity": "oppose"})
    add(client, doc, t["taras"], "ISW", "POSITION", attrs={"polarity": "support"})
    add(client, doc, t["rita"], "«припинення вогню»", "CLAIM", gold=True)
    client.post(f"/api/v1/projects/{project.id}/assignments", json={"documents": [other.id], "users": ["ivan"]},
                headers=auth(t["rita"]))
    start = "Зеленський відповів Путіну.".index("Путіну")
    client.post(f"/api/v1/documents/{other.id}/spans", json={"start": start, "end": start + 6, "label": "ACTOR"},
                headers=auth(t["olena"]))
    from annotator.extensions import db
    from annotator.models import Document
    from annotator.services import review

    with app.app_context():
        rows = {r["document"].id: r for r in review.review_queue(db.session, project.id)}
        for doc_id, row in rows.items():
            data = review.candidates(db.session, db.session.get(Document, doc_id))
            cands = data["candidates"]
            assert row["annotators"] == data["annotators"]
            assert row["candidates"] == len(cands)
            assert row["disagreements"] == sum(c["agreement"] != "all" or not c["attrs_agree"] for c in cands)
            assert row["pending"] == sum(c["status"] == "pending" for c in cands)
            assert row["state"] == data["state"]
    assert rows[doc.id]["disagreements"] == 2 and rows[other.id]["annotators"] == ["ivan", "olena"]


def test_layers_follow_the_project_role_not_the_global_one(app, client, make, team):
    project, doc, t = team
    make.member(project.id, "rob", "annotator")  # a global reviewer annotating here
    make.member(project.id, "taras", "reviewer")  # a global annotator reviewing here
    for who in ("olena", "rob"):
        add(client, doc, t[who], "Путін")
    add(client, doc, t["taras"], "ISW", gold=True)
    data = review_of(client, doc, t["taras"])
    assert data["annotators"] == ["olena", "rob"]
    assert {c["text"]: c["agreement"] for c in data["candidates"]} == {"Путін": "all", "ISW": "one"}
    figures = client.get(f"/api/v1/projects/{project.id}/agreement", headers=auth(t["taras"])).json
    assert figures["annotators"] == ["olena", "rob"]
    from annotator.extensions import db
    from annotator.services import review

    with app.app_context():
        assert [r["annotators"] for r in review.review_queue(db.session, project.id)] == [["olena", "rob"]]
    note = client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "Перевірте ISW."},
                       headers=auth(t["taras"]))
    assert note.status_code == 201
    seen = client.get(f"/api/v1/documents/{doc.id}/comments", headers=auth(t["olena"])).json["comments"]
    assert [c["body"] for c in seen] == ["Перевірте ISW."]  # a reviewer's note to those who work on it
