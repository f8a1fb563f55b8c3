"""How labelstudio_export.json, labelstudio_snapshot.json and labelstudio_export_min.json were made.

Not a test and not part of the package: it drives a real Label Studio (1.23.2) through its REST API, with texts
written for annotator's tests (the people are fictional). Run it in a throwaway venv that has Label Studio:

    python3 -m venv /tmp/lsvenv && /tmp/lsvenv/bin/pip install label-studio
    LABEL_STUDIO_BASE_DATA_DIR=/tmp/lsdata /tmp/lsvenv/bin/label-studio start --data-dir /tmp/lsdata \\
        --internal-host 127.0.0.1 --port PORT --host http://127.0.0.1:PORT --no-browser \\
        --username a@b.c --password SOME-PASSWORD --user-token TOKEN --enable-legacy-api-token
    /tmp/lsvenv/bin/python make_labelstudio.py http://127.0.0.1:PORT TOKEN OUTDIR

Regions are posted the way Label Studio's editor saves them: value.start/end in UTF-16 code units (JavaScript
string indices) and value.text the covered text.
"""

import random
import string
import sys
import time
import unicodedata
from pathlib import Path

import requests

BASE, TOKEN, OUT = sys.argv[1], sys.argv[2], Path(sys.argv[3])
api = requests.Session()
api.headers["Authorization"] = f"Token {TOKEN}"  # a legacy token: the server runs with --enable-legacy-api-token


def call(method, path, **kw):
    resp = api.request(method, f"{BASE}{path}", **kw)
    if resp.status_code >= 400:
        raise SystemExit(f"{method} {path}: {resp.status_code} {resp.text[:800]}")
    return resp.json() if resp.content else None


CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="ACTOR"/><Label value="CLAIM"/><Label value="POSITION"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations>
    <Relation value="SAID_BY"/><Relation value="HELD_BY"/><Relation value="ABOUT"/>
  </Relations>
</View>"""
# U+0301 is a combining acute accent (Cyrillic о has no precomposed form with it, so the text stays NFC)
TEXTS = [
    {"text": "🙂 Речниця МЗС Олена Коваль заявила, що «переговори без гарантій неможливі». Київ підтримує план "
             "обміну полоненими.", "lang": "uk", "title": "Заява МЗС"},
    {"text": "On Monday 🚢 minister Anna Berg said \"the grain corridor will stay open\".\nBerlin backs the "
             "corridor 👍 fully.", "lang": "en", "title": "Grain corridor"},
    {"text": "Представитель Кремля Иван Петро\u0301в заявил: «перемирие пока невозможно». Москва отвергает "
             "план.", "lang": "ru", "title": "Заявление"},
    {"text": "🇺🇦 Mayor Taras Hnat said 🏗️ \"the bridge reopens in May\".", "lang": "en", "title": "Bridge"},
]
assert all(unicodedata.normalize("NFC", t["text"]) == t["text"] for t in TEXTS)
random.seed(6)


def rid():
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(10))


def region(text, needle, label, occurrence=0):
    """A labels result as the editor saves it: offsets in UTF-16 code units."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    start16 = len(text[:at].encode("utf-16-le")) // 2
    end16 = start16 + len(needle.encode("utf-16-le")) // 2
    return {"id": rid(), "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": start16, "end": end16, "text": needle, "labels": [label]}}


def predicted(result):
    """A model's result: no "origin": "manual" (that marks a region drawn in the editor)."""
    return [{k: v for k, v in r.items() if k != "origin"} for r in result]


def relation(head, tail, kind, direction="right"):
    return {"from_id": head["id"], "to_id": tail["id"], "type": "relation", "direction": direction,
            "labels": [kind]}


pid = call("POST", "/api/projects", json={"title": "annotator real export", "label_config": CONFIG})["id"]
call("POST", f"/api/projects/{pid}/import", json=TEXTS)
t_uk, t_en, t_ru, t_pred = sorted(call("GET", f"/api/tasks?project={pid}&page_size=100")["tasks"],
                                  key=lambda t: t["id"])

# uk: two annotations (the second repeats a region under its own id), a cancelled one, and a prediction
text = t_uk["data"]["text"]
a1, c1 = region(text, "Олена Коваль", "ACTOR"), region(text, "«переговори без гарантій неможливі»", "CLAIM")
a2, p1 = region(text, "Київ", "ACTOR"), region(text, "Київ підтримує план обміну полоненими", "POSITION")
call("POST", f"/api/tasks/{t_uk['id']}/annotations", json={
    "result": [a1, c1, a2, p1, relation(c1, a1, "SAID_BY"), relation(p1, a2, "HELD_BY")], "lead_time": 41.5})
call("POST", f"/api/tasks/{t_uk['id']}/annotations", json={
    "result": [region(text, "Олена Коваль", "ACTOR"), region(text, "МЗС", "ACTOR")], "lead_time": 12.0})
call("POST", f"/api/tasks/{t_uk['id']}/annotations", json={
    "result": [region(text, "план", "ACTOR")], "was_cancelled": True})
call("POST", "/api/predictions", json={"task": t_uk["id"], "model_version": "ner-draft-1", "score": 0.42,
                                       "result": predicted([region(text, "переговори", "CLAIM")])})
# en: emoji before the spans, a line break between them
text = t_en["data"]["text"]
a, c = region(text, "Anna Berg", "ACTOR"), region(text, "\"the grain corridor will stay open\"", "CLAIM")
b, p = region(text, "Berlin", "ACTOR"), region(text, "Berlin backs the corridor 👍 fully", "POSITION")
call("POST", f"/api/tasks/{t_en['id']}/annotations", json={
    "result": [a, c, b, p, relation(c, a, "SAID_BY"), relation(p, b, "HELD_BY"), relation(p, c, "ABOUT")]})
# ru: a combining accent inside the ACTOR span; one relation drawn from the ACTOR with direction "left"
text = t_ru["data"]["text"]
a, c = region(text, "Иван Петро\u0301в", "ACTOR"), region(text, "«перемирие пока невозможно»", "CLAIM")
m, p = region(text, "Москва", "ACTOR"), region(text, "Москва отвергает план", "POSITION")
call("POST", f"/api/tasks/{t_ru['id']}/annotations", json={
    "result": [a, c, m, p, relation(c, a, "SAID_BY"), relation(m, p, "HELD_BY", "left")]})
# the fourth task has only a prediction (a flag is 2 code points, 4 UTF-16 units; 🏗️ ends in U+FE0F)
text = t_pred["data"]["text"]
a, c = region(text, "Taras Hnat", "ACTOR"), region(text, "\"the bridge reopens in May\"", "CLAIM")
call("POST", "/api/predictions", json={"task": t_pred["id"], "model_version": "ner-draft-1", "score": 0.77,
                                       "result": predicted([a, c, relation(c, a, "SAID_BY")])})


def download(path, name):
    resp = api.get(f"{BASE}{path}")
    assert resp.status_code == 200, resp.text[:500]
    (OUT / name).write_bytes(resp.content)


# the Export button: GET .../export (predictions come out as ids), in the JSON and JSON_MIN formats
download(f"/api/projects/{pid}/export?exportType=JSON&download_all_tasks=true", "labelstudio_export.json")
download(f"/api/projects/{pid}/export?exportType=JSON_MIN&download_all_tasks=true", "labelstudio_export_min.json")
# a snapshot export asked for the predictions in full
snap = call("POST", f"/api/projects/{pid}/exports/", json={
    "title": "with predictions", "task_filter_options": {"only_with_annotations": False},
    "annotation_filter_options": {"usual": True, "ground_truth": True, "skipped": True},
    "serialization_options": {"predictions": {"only_id": False}, "drafts": {"only_id": True},
                              "annotations__completed_by": {"only_id": True}}})
for _ in range(60):
    if call("GET", f"/api/projects/{pid}/exports/{snap['id']}")["status"] == "completed":
        break
    time.sleep(1)
download(f"/api/projects/{pid}/exports/{snap['id']}/download?exportType=JSON", "labelstudio_snapshot.json")
print("label-studio", call("GET", "/api/version").get("release"))
