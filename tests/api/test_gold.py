"""Gold you can trust: decisions stick, versions are checked by the database, the gold layer is consistent."""

import json
import threading
import urllib.error
import urllib.request

import pytest

from tests.api.test_spans import TEXT, add, auth


@pytest.fixture
def team(make):
    """A project, the test text, two annotators and a reviewer, each with a token."""
    project = make.project("gold")
    doc = make.document(project.id, text=TEXT)
    tokens = {}
    for name, role in (("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
        tokens[name] = make.token(name)
    return project, doc, tokens


def decide(client, token, span_id, decision, **extra):
    return client.post(f"/api/v1/spans/{span_id}/review", json={"decision": decision, **extra}, headers=auth(token))


def span(client, token, span_id):
    return client.get(f"/api/v1/spans/{span_id}", headers=auth(token)).json


def relate(client, doc, token, head, tail, type_="SAID_BY"):
    response = client.post(f"/api/v1/documents/{doc.id}/relations", json={"head": head, "tail": tail, "type": type_},
                           headers=auth(token))
    assert response.status_code == 201, response.json
    return response.json


def relation_status(client, doc, token, rel_id):
    rels = client.get(f"/api/v1/documents/{doc.id}", headers=auth(token)).json["relations"]
    return next(r["status"] for r in rels if r["id"] == rel_id)


def updates_in_history(client, doc, token, span_id) -> int:
    events = client.get(f"/api/v1/documents/{doc.id}/history", headers=auth(token)).json["events"]
    return sum(1 for e in events if e["entity"] == "span" and e["entity_id"] == span_id and e["action"] == "update")


# --- decisions stick -------------------------------------------------------------------------------

@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_an_annotator_cannot_edit_or_delete_a_span_a_reviewer_decided(client, team, decision):
    _, doc, t = team
    sid = add(client, doc, t["olena"], "Путін").json["id"]
    assert decide(client, t["rita"], sid, decision).status_code == 200
    version = span(client, t["olena"], sid)["version"]
    edit = client.patch(f"/api/v1/spans/{sid}", json={"version": version, "label": "CLAIM"}, headers=auth(t["olena"]))
    assert edit.status_code == 409 and edit.json["error"]["code"] == "decided"
    assert "only a reviewer can change it" in edit.json["error"]["message"]
    assert edit.json["error"]["current"]["label"] == "ACTOR"
    gone = client.delete(f"/api/v1/spans/{sid}", headers=auth(t["olena"]))
    assert gone.status_code == 409 and gone.json["error"]["code"] == "decided"
    after = span(client, t["olena"], sid)
    assert (after["label"], after["status"], after["version"]) == ("ACTOR", f"{decision}ed", version)
    assert client.patch(f"/api/v1/spans/{sid}", json={"version": version, "label": "CLAIM"},
                        headers=auth(t["rita"])).status_code == 200  # a reviewer still may


def test_a_merged_span_and_a_reviewed_relation_are_also_decided(client, team):
    _, doc, t = team
    olena = add(client, doc, t["olena"], "Путін").json["id"]
    taras = add(client, doc, t["taras"], "Путін").json["id"]
    claim = add(client, doc, t["taras"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["taras"], claim, taras)
    decide(client, t["rita"], olena, "accept")
    assert span(client, t["taras"], taras)["status"] == "merged"
    assert client.delete(f"/api/v1/spans/{taras}", headers=auth(t["taras"])).status_code == 409
    assert client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "reject"},
                       headers=auth(t["rita"])).status_code == 200
    refused = client.delete(f"/api/v1/relations/{rel['id']}", headers=auth(t["taras"]))
    assert refused.status_code == 409 and refused.json["error"]["field"] == "relation"


def test_a_reviewer_rejecting_deleting_or_undoing_an_accepted_span_leaves_no_twin_merged_into_nothing(client, team):
    _, doc, t = team
    olena = add(client, doc, t["olena"], "Путін").json["id"]
    taras = add(client, doc, t["taras"], "Путін").json["id"]
    decide(client, t["rita"], olena, "accept")
    assert span(client, t["rita"], taras)["status"] == "merged"
    decide(client, t["rita"], olena, "reset")
    assert span(client, t["rita"], taras)["status"] == "pending"
    decide(client, t["rita"], olena, "accept")
    decide(client, t["rita"], olena, "reject")
    assert span(client, t["rita"], taras)["status"] == "rejected"
    decide(client, t["rita"], olena, "accept")
    decide(client, t["rita"], taras, "accept")  # the twin stands for the candidate again...
    assert span(client, t["rita"], olena)["status"] == "merged"
    assert client.delete(f"/api/v1/spans/{taras}", headers=auth(t["rita"])).status_code == 200
    assert span(client, t["rita"], olena)["status"] == "pending"  # ...and its deletion sends the other back


def test_relabelling_an_accepted_span_sends_its_twins_back_to_review(client, team):
    _, doc, t = team
    olena = add(client, doc, t["olena"], "Путін").json
    taras = add(client, doc, t["taras"], "Путін").json["id"]
    accepted = decide(client, t["rita"], olena["id"], "accept").json
    client.patch(f"/api/v1/spans/{olena['id']}", json={"version": accepted["version"], "label": "CLAIM"},
                 headers=auth(t["rita"]))
    assert span(client, t["rita"], taras)["status"] == "pending"


# --- versions checked by the database --------------------------------------------------------------

def test_a_patch_that_changes_nothing_still_checks_and_raises_the_version(client, team):
    _, doc, t = team
    sid = add(client, doc, t["olena"], "ISW").json["id"]
    same = client.patch(f"/api/v1/spans/{sid}", json={"version": 1, "label": "ACTOR"}, headers=auth(t["olena"]))
    assert same.status_code == 200 and same.json["version"] == 2
    stale = client.patch(f"/api/v1/spans/{sid}", json={"version": 1, "label": "ACTOR"}, headers=auth(t["olena"]))
    assert stale.status_code == 409 and stale.json["error"]["current"]["version"] == 2
    assert updates_in_history(client, doc, t["rita"], sid) == 1


def _put(url, token, body, method="PATCH"):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                     headers={**auth(token), "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _race(url, token, bodies, method="PATCH") -> list[int]:
    """Send the bodies at the same moment from one thread each; their statuses."""
    barrier, statuses = threading.Barrier(len(bodies)), [None] * len(bodies)

    def send(k):
        barrier.wait()
        statuses[k] = _put(url, token, bodies[k], method)

    threads = [threading.Thread(target=send, args=(k,)) for k in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sorted(statuses)


def test_two_clients_patching_one_version_at_once_exactly_one_wins(client, team, live_server):
    _, doc, t = team
    for round_ in range(6):
        sid = add(client, doc, t["olena"], "ISW").json["id"]
        label = "ACTOR" if round_ % 2 else "CLAIM"  # a change, or nothing changed at all
        statuses = _race(f"{live_server.url}/api/v1/spans/{sid}", t["olena"],
                         [{"version": 1, "label": label}, {"version": 1, "label": label}])
        assert statuses == [200, 409], (round_, statuses)
        assert span(client, t["olena"], sid)["version"] == 2
        assert updates_in_history(client, doc, t["rita"], sid) == 1
        client.delete(f"/api/v1/spans/{sid}", headers=auth(t["olena"]))


def test_two_reviewers_deciding_one_version_at_once_exactly_one_wins(client, team, live_server):
    _, doc, t = team
    sid = add(client, doc, t["olena"], "ISW").json["id"]
    statuses = _race(f"{live_server.url}/api/v1/spans/{sid}/review", t["rita"],
                     [{"decision": "accept", "version": 1}, {"decision": "reject", "version": 1}], "POST")
    assert statuses == [200, 409]


def test_relation_decisions_check_their_version(client, team):
    _, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["olena"], claim, actor)
    url = f"/api/v1/relations/{rel['id']}/review"
    first = client.post(url, json={"decision": "reject", "version": 1}, headers=auth(t["rita"]))
    assert first.status_code == 200 and first.json["version"] == 2
    stale = client.post(url, json={"decision": "accept", "version": 1}, headers=auth(t["rita"]))
    assert stale.status_code == 409 and relation_status(client, doc, t["rita"], rel["id"]) == "rejected"
    assert (stale.json["error"]["current"]["status"], stale.json["error"]["current"]["version"]) == ("rejected", 2)


def test_a_span_decision_on_a_stale_version_is_409_with_the_current_span(client, team):
    _, doc, t = team
    sid = add(client, doc, t["olena"], "Путін").json["id"]
    assert decide(client, t["rita"], sid, "reject", version=1).status_code == 200
    stale = decide(client, t["rita"], sid, "accept", version=1)
    assert stale.status_code == 409 and stale.json["error"]["field"] == "version"
    assert (stale.json["error"]["current"]["status"], stale.json["error"]["current"]["version"]) == ("rejected", 2)
    assert span(client, t["rita"], sid)["status"] == "rejected"


def test_an_unchanged_alignment_saved_on_a_stale_version_is_409(client, make):
    project = make.project("aligned")
    uk = make.document(project.id, text="Перше речення. Друге речення.", lang="uk", group="a")
    en = make.document(project.id, text="First sentence. Second sentence.", lang="en", group="a")
    make.user("olena")
    token = make.token("olena")
    pair = client.get(f"/api/v1/groups/{uk.group_id}/alignment", headers=auth(token)).json["pairs"][0]
    body = {"a": en.id, "b": uk.id, "beads": pair["beads"], "version": pair["version"]}
    url = f"/api/v1/groups/{uk.group_id}/alignment"
    assert client.put(url, json=body, headers=auth(token)).json["version"] == pair["version"] + 1
    stale = client.put(url, json={**body, "beads": [[[0], [0], "confirmed"], [[1], [1], "confirmed"]]},
                       headers=auth(token))
    assert stale.status_code == 409 and stale.json["error"]["field"] == "version"
    current = stale.json["error"]["current"]
    assert (current["version"], current["beads"]) == (pair["version"] + 1, pair["beads"])  # as saved, unchanged
    unversioned = client.put(url, json={**body, "version": None}, headers=auth(token))
    assert unversioned.status_code == 400 and unversioned.json["error"]["field"] == "version"


def test_schema_edits_need_the_current_project_version(client, make):
    project = make.project("schema")
    token = make.admin_token()
    url = f"/api/v1/projects/{project.id}"
    current = client.get(url, headers=auth(token)).json
    schema = current["schema"]
    assert client.patch(url, json={"schema": schema}, headers=auth(token)).status_code == 400
    saved = client.patch(url, json={"schema": schema, "version": current["version"]}, headers=auth(token))
    assert saved.status_code == 200 and saved.json["version"] == current["version"] + 1
    stale = client.patch(url, json={"schema": schema, "version": current["version"]}, headers=auth(token))
    assert stale.status_code == 409 and stale.json["error"]["current"]["version"] == saved.json["version"]


def test_two_admins_saving_the_schema_at_once_exactly_one_wins(client, make, live_server):
    project = make.project("schema")
    token = make.admin_token()
    current = client.get(f"/api/v1/projects/{project.id}", headers=auth(token)).json
    body = {"schema": current["schema"], "version": current["version"]}
    assert _race(f"{live_server.url}/api/v1/projects/{project.id}", token, [body, body]) == [200, 409]


# --- a consistent gold layer -----------------------------------------------------------------------

def test_accepting_a_relation_accepts_its_ends(client, team):
    _, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    add(client, doc, t["taras"], "Путін")
    rel = relate(client, doc, t["olena"], claim, actor)
    done = client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    assert done.status_code == 200 and sorted(done.json["accepted_spans"]) == sorted([actor, claim])
    assert span(client, t["rita"], actor)["status"] == span(client, t["rita"], claim)["status"] == "accepted"
    statuses = {s["annotator"]: s["status"] for s in client.get(f"/api/v1/documents/{doc.id}",
                                                                headers=auth(t["rita"])).json["spans"]
                if s["text"] == "Путін"}
    assert statuses == {"olena": "accepted", "taras": "merged"}


def test_rejecting_a_span_rejects_its_relations_and_a_rejected_end_is_not_overruled(client, team):
    _, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["olena"], claim, actor)
    client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    decide(client, t["rita"], actor, "reject")
    assert relation_status(client, doc, t["rita"], rel["id"]) == "rejected"
    again = client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    assert again.status_code == 409 and again.json["error"]["span"] == actor
    assert "Путін" in again.json["error"]["message"]


def test_undoing_an_accepted_span_sends_its_accepted_relations_back_to_pending(client, team):
    _, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["olena"], claim, actor)
    client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    decide(client, t["rita"], claim, "reset")
    assert relation_status(client, doc, t["rita"], rel["id"]) == "pending"


def test_accepting_what_all_agree_on_leaves_a_relation_with_an_undecided_end(client, team):
    _, doc, t = team
    for who, polarity in (("olena", "support"), ("taras", "oppose")):
        actor = add(client, doc, t[who], "ISW").json["id"]
        position = add(client, doc, t[who], "«припинення вогню»", "POSITION", attrs={"polarity": polarity}).json["id"]
        relate(client, doc, t[who], position, actor, "HELD_BY")
    done = client.post(f"/api/v1/documents/{doc.id}/review/accept-agreed", headers=auth(t["rita"])).json
    assert done == {"spans": 1, "relations": 0}  # the POSITION's polarity differs: its relation waits for it


def test_marking_reviewed_with_undecided_candidates_asks_what_to_do(client, team):
    _, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    other = add(client, doc, t["taras"], "ISW").json["id"]
    relate(client, doc, t["olena"], claim, actor)
    decide(client, t["rita"], actor, "accept")
    url = f"/api/v1/documents/{doc.id}/review-state"
    asked = client.put(url, json={"state": "reviewed"}, headers=auth(t["rita"]))
    assert asked.status_code == 409
    assert (asked.json["error"]["code"], asked.json["error"]["spans"], asked.json["error"]["relations"]) == \
        ("undecided", 2, 1)
    assert client.put(url, json={"state": "reviewed", "undecided": "maybe"}, headers=auth(t["rita"])).status_code == 400
    done = client.put(url, json={"state": "reviewed", "undecided": "reject"}, headers=auth(t["rita"]))
    assert done.json == {"state": "reviewed"}
    assert span(client, t["rita"], claim)["status"] == span(client, t["rita"], other)["status"] == "rejected"
    assert span(client, t["rita"], actor)["status"] == "accepted"
    rels = client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["rita"])).json["relations"]
    assert [r["status"] for r in rels] == ["rejected"]
    assert client.put(url, json={"state": "reviewed"}, headers=auth(t["rita"])).status_code == 200  # nothing left


def test_a_relation_left_out_when_marking_reviewed_is_not_gold_even_between_gold_spans(client, team):
    project, doc, t = team
    actor = add(client, doc, t["olena"], "Путін").json["id"]
    claim = add(client, doc, t["olena"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["olena"], claim, actor)
    for sid in (actor, claim):
        decide(client, t["rita"], sid, "accept")
    url = f"/api/v1/documents/{doc.id}/review-state"
    asked = client.put(url, json={"state": "reviewed"}, headers=auth(t["rita"])).json["error"]
    assert (asked["spans"], asked["relations"]) == (0, 1)
    assert client.put(url, json={"state": "reviewed", "undecided": "leave"}, headers=auth(t["rita"])).status_code == 200

    def gold():
        line = json.loads(client.get(f"/api/v1/projects/{project.id}/export?layer=gold", headers=auth(t["rita"])).data)
        return len(line["spans"]), [(r["id"], r["status"]) for r in line["relations"]]

    assert gold() == (2, [])  # left out, as the reviewer chose: nothing undecided is gold
    client.post(f"/api/v1/relations/{rel['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    assert gold() == (2, [(f"r-{rel['id']}", "accepted")])


# --- required attributes ---------------------------------------------------------------------------

def test_done_is_refused_while_a_span_lacks_a_required_attribute(client, team):
    _, doc, t = team
    position = add(client, doc, t["olena"], "ISW", "POSITION").json
    add(client, doc, t["olena"], "Путін")
    add(client, doc, t["taras"], "«припинення вогню»", "POSITION")  # another's span does not hold olena back
    url = f"/api/v1/documents/{doc.id}/state"
    refused = client.put(url, json={"state": "done"}, headers=auth(t["olena"]))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "required_attributes"
    assert refused.json["error"]["spans"] == [position["id"]]
    assert refused.json["error"]["details"][0]["missing"] == ["polarity"]
    assert "polarity" in refused.json["error"]["message"]
    assert client.get(f"/api/v1/documents/{doc.id}", headers=auth(t["olena"])).json["state"] != "done"
    client.patch(f"/api/v1/spans/{position['id']}", json={"version": 1, "attrs": {"polarity": "oppose"}},
                 headers=auth(t["olena"]))
    assert client.put(url, json={"state": "done"}, headers=auth(t["olena"])).json["state"] == "done"


def test_the_review_data_says_which_candidates_lack_a_required_attribute(client, team):
    _, doc, t = team
    add(client, doc, t["olena"], "ISW", "POSITION")
    add(client, doc, t["taras"], "Путін", "POSITION", attrs={"polarity": "support"})
    data = client.get(f"/api/v1/documents/{doc.id}/review", headers=auth(t["rita"])).json
    assert {c["text"]: c["missing"] for c in data["candidates"]} == {"ISW": ["polarity"], "Путін": []}


# --- blind means blind -----------------------------------------------------------------------------

def comment(client, doc, token, **fields):
    return client.post(f"/api/v1/documents/{doc.id}/comments", json={"body": "a note", **fields}, headers=auth(token))


def test_a_blind_annotator_cannot_reply_to_a_thread_on_another_annotators_span(client, team):
    _, doc, t = team
    taras_span = add(client, doc, t["taras"], "Путін").json["id"]
    add(client, doc, t["olena"], "ISW")
    note = comment(client, doc, t["rita"], span=taras_span).json
    reply = comment(client, doc, t["olena"], parent=note["id"])
    assert reply.status_code == 404 and reply.json["error"]["field"] == "parent"
    assert "Путін" not in reply.get_data(as_text=True) and "span" not in reply.json["error"]
    assert comment(client, doc, t["taras"], parent=note["id"]).status_code == 201  # the span's own annotator may


def test_a_blind_annotator_cannot_comment_on_another_annotators_relation(client, team):
    _, doc, t = team
    actor = add(client, doc, t["taras"], "Путін").json["id"]
    claim = add(client, doc, t["taras"], "«припинення вогню»", "CLAIM").json["id"]
    rel = relate(client, doc, t["taras"], claim, actor)
    assert comment(client, doc, t["olena"], relation=rel["id"]).status_code == 404
    assert comment(client, doc, t["taras"], relation=rel["id"]).status_code == 201


def test_a_blind_annotator_sees_only_comments_on_their_own_work_and_the_reviewers_notes(client, team):
    _, doc, t = team
    taras_span = add(client, doc, t["taras"], "Путін").json["id"]
    olena_span = add(client, doc, t["olena"], "ISW").json["id"]
    on_taras = comment(client, doc, t["rita"], span=taras_span).json["id"]
    on_olena = comment(client, doc, t["rita"], span=olena_span).json["id"]
    guidance = comment(client, doc, t["rita"]).json["id"]
    taras_note = comment(client, doc, t["taras"], body="I marked Путін as ACTOR").json["id"]
    taras_reply = comment(client, doc, t["taras"], parent=guidance).json["id"]
    own_reply = comment(client, doc, t["olena"], parent=guidance).json["id"]
    seen = {c["id"] for c in client.get(f"/api/v1/documents/{doc.id}/comments",
                                        headers=auth(t["olena"])).json["comments"]}
    assert seen == {on_olena, guidance, own_reply}
    assert not {on_taras, taras_note, taras_reply} & seen
    everything = client.get(f"/api/v1/documents/{doc.id}/comments", headers=auth(t["rita"])).json["comments"]
    assert len(everything) == 6


def test_the_project_page_shows_a_blind_annotator_only_their_own_counts(app, client, team):
    from tests.conftest import login

    project, doc, t = team
    add(client, doc, t["olena"], "ISW")
    add(client, doc, t["taras"], "Путін")
    for who, shown in (("olena", {"olena"}), ("rita", {"olena", "taras"})):
        browser = app.test_client()
        login(browser, who)
        html = browser.get(f"/projects/{project.id}").get_data(as_text=True)
        assert {name for name in ("olena", "taras") if f'data-annotator="{name}"' in html} == shown
