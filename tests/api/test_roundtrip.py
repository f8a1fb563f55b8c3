"""Export, import into an empty database, export again: the same file, ids aside."""

import re

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.db import upgrade
from tests.api.test_alignment import EN, RU, UK, auth

IDS = re.compile(rb'"([dsrga])-(\d+)"')


def without_ids(body: bytes) -> bytes:
    """Replace every d-/s-/r-/g-/a- id by its order of first appearance, per kind."""
    seen: dict[tuple, int] = {}

    def renumber(match):
        key = (match.group(1), match.group(2))
        seen.setdefault(key, sum(1 for k in seen if k[0] == key[0]) + 1)
        return b'"%s-%d"' % (match.group(1), seen[key])

    return IDS.sub(renumber, body)


@pytest.fixture
def rich_project(client, make):
    """A uk/en/ru group with spans of two annotators, reviews, a relation, an actor, a projection link."""
    project = make.project("isw")
    for name, role in (("admin", "admin"), ("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
    t = {n: make.token(n) for n in ("admin", "olena", "taras", "rita")}
    body = b"\n".join(orjson.dumps({"text": x, "lang": lang, "group": "sochi", "title": f"T {lang}",
                                    "source_url": "https://example.org/a", "published": "2025-03-18",
                                    "meta": {"k": [1, "два"]}})
                      for lang, x in (("en", EN), ("uk", UK), ("ru", RU)))
    ids = client.post(f"/api/v1/projects/{project.id}/import", data=body, headers=auth(t["admin"])).json["ids"]
    en, uk = ids[0], ids[1]
    actor = client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Recep Erdogan"},
                        headers=auth(t["olena"])).json

    def span(doc, text, word, label, token, **extra):
        start = text.index(word)
        return client.post(f"/api/v1/documents/{doc}/spans", json={"start": start, "end": start + len(word),
                                                                  "label": label, **extra},
                           headers=auth(token)).json

    erdogan = span(en, EN, "Erdogan said", "ACTOR", t["olena"])
    client.patch(f"/api/v1/spans/{erdogan['id']}", json={"actor": actor["id"], "version": 1}, headers=auth(t["olena"]))
    claim = span(en, EN, "\"We have no agreement yet,\"", "CLAIM", t["olena"], attrs={"hedged": False})
    client.post(f"/api/v1/documents/{en}/relations", json={"head": claim["id"], "tail": erdogan["id"],
                                                           "type": "SAID_BY"}, headers=auth(t["olena"]))
    span(en, EN, "Kyiv rejected the plan", "POSITION", t["taras"], attrs={"polarity": "oppose"})
    client.post(f"/api/v1/spans/{claim['id']}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    start = UK.index("Ердоган.")
    client.post(f"/api/v1/spans/{erdogan['id']}/project", json={"doc": uk, "start": start, "end": start + 7},
                headers=auth(t["olena"]))
    gid = client.get(f"/api/v1/documents/{en}", headers=auth(t["olena"])).json["group"]
    client.put(f"/api/v1/groups/{gid}/alignment", json={"a": en, "b": uk, "beads": [
        [[0, 1], [0, 1], "confirmed"], [[2], [2], "auto"], [[3], [3], "confirmed"]], "version": 1},
        headers=auth(t["olena"]))
    assert client.put(f"/api/v1/documents/{en}/review-state", json={"state": "reviewed", "undecided": "leave"},
                      headers=auth(t["rita"])).status_code == 200
    return project, t


@pytest.mark.parametrize("by_group", [False, True])
def test_export_import_export_gives_the_same_file(cli, app, rich_project, empty_database_url, tmp_path, by_group):
    from sqlalchemy import create_engine

    first = tmp_path / "first.jsonl"
    flags = ["--by-group"] if by_group else []
    assert cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(first),
               *flags).exit_code == 0
    engine = create_engine(empty_database_url)
    upgrade(engine)
    engine.dispose()
    assert cli(empty_database_url, "project", "create", "isw").exit_code == 0
    imported = cli(empty_database_url, "import", "isw", str(first))
    assert imported.exit_code == 0, imported.output
    assert "with 4 span(s)" in imported.output
    second = tmp_path / "second.jsonl"
    assert cli(empty_database_url, "export", "isw", "--layer", "all", "-o", str(second), *flags).exit_code == 0
    assert without_ids(second.read_bytes()) == without_ids(first.read_bytes())
    gold, gold_again = tmp_path / "gold.jsonl", tmp_path / "gold-again.jsonl"
    cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "-o", str(gold))
    cli(empty_database_url, "export", "isw", "-o", str(gold_again))
    assert without_ids(gold_again.read_bytes()) == without_ids(gold.read_bytes())
    lines = [orjson.loads(line) for line in gold.read_bytes().splitlines()]
    assert [s["text"] for line in lines for s in line["spans"]] == ["\"We have no agreement yet,\""]
    assert [(line["lang"], line["review"]["state"], line["review"]["by"]) for line in lines] == [
        ("en", "reviewed", "rita")]


LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё ABCxyz.,«»—ʼ’\n🙂😀👍🏽"
TEXT_CHARS = st.sampled_from(list(LETTERS) + ["e\u0301", "и\u0301"])


@st.composite
def documents(draw):
    text = "".join(draw(st.lists(TEXT_CHARS, min_size=1, max_size=80)))
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        text = "Київ " + text
    spans = []
    for k in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["ACTOR", "CLAIM", "POSITION"]))
        attrs = {"polarity": draw(st.sampled_from(["support", "oppose", "neutral"]))} if label == "POSITION" else {}
        spans.append({"id": f"s-{k + 1}", "start": start, "end": end, "text": text[start:end], "label": label,
                      "attrs": attrs, "actor": None, "annotator": draw(st.sampled_from(["olena", "taras"])),
                      "status": draw(st.sampled_from(["pending", "accepted", "rejected"]))})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return text, spans


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_random_texts_and_spans_survive_a_round_trip(client, make, doc):
    """Cyrillic, emoji, combining marks and random (overlapping) spans: import then export keeps them exactly."""
    text, spans = doc
    name = f"p{abs(hash((text, str(spans)))) % 10**12}"
    project = make.project(name)
    token = make.admin_token(f"admin{name}")
    line = orjson.dumps({"text": text, "lang": "uk", "title": "t", "spans": spans})
    imported = client.post(f"/api/v1/projects/{project.id}/import", data=line, headers=auth(token))
    assert imported.status_code == 201, imported.json
    exported = orjson.loads(client.get(f"/api/v1/projects/{project.id}/export?layer=all", headers=auth(token)).data)
    assert exported["text"] == text
    got = [{k: v for k, v in s.items() if k != "id"} for s in exported["spans"]]
    assert got == [{k: v for k, v in s.items() if k != "id"} for s in spans]
    for s in exported["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
