"""How doccano_export.jsonl and doccano_rel_export.jsonl were made.

Not a test and not part of the package: it drives a real doccano (1.8.4) through its REST API, with texts written
for annotator's tests (the people are fictional). In a throwaway venv (doccano 1.8.4 needs marshmallow<4 and
numpy<2 beside it today):

    python3 -m venv /tmp/dcvenv && /tmp/dcvenv/bin/pip install doccano "marshmallow<4" "numpy<2"
    export DOCCANO_HOME=/tmp/dcdata STANDALONE=True DJANGO_SETTINGS_MODULE=config.settings.production \\
        DATABASE_URL=sqlite:////tmp/dcdata/db.sqlite3 MEDIA_ROOT=/tmp/dcdata/media
    /tmp/dcvenv/bin/doccano init && /tmp/dcvenv/bin/doccano createuser --username admin --password PASSWORD
    # `doccano webserver` binds 0.0.0.0; the same gunicorn app on loopback only:
    /tmp/dcvenv/bin/gunicorn --chdir /tmp/dcvenv/lib/python3.11/site-packages/backend \\
        --bind 127.0.0.1:PORT --workers 1 config.wsgi &
    /tmp/dcvenv/bin/doccano task --concurrency 1 &     # the Celery worker: uploads and exports run there
    /tmp/dcvenv/bin/python make_doccano.py http://127.0.0.1:PORT PASSWORD OUTDIR

The texts go in as a JSONL upload (the web UI's path: filepond, then the import task), so "lang" becomes the
examples' metadata; the spans are posted with code point offsets, as doccano's editor saves them with its
grapheme mode off (the default).
"""

import io
import json
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import requests

BASE, PASSWORD, OUT = sys.argv[1], sys.argv[2], Path(sys.argv[3])
api = requests.Session()
key = api.post(f"{BASE}/v1/auth/login/", json={"username": "admin", "password": PASSWORD}).json()["key"]
api.cookies.clear()  # token auth only (the session cookie would ask for CSRF tokens)
api.headers["Authorization"] = f"Token {key}"


def call(method, path, **kw):
    resp = api.request(method, f"{BASE}{path}", **kw)
    if resp.status_code >= 400:
        raise SystemExit(f"{method} {path}: {resp.status_code} {resp.text[:800]}")
    return resp.json() if resp.content else None


LINES = [
    {"text": "🙂 Голова ОВА Марко Лисенко повідомив: «світло повернуть до вечора». Громада підтримує рішення "
             "ради.", "lang": "uk"},
    {"text": "Analyst 📈 Clara Voss wrote that \"sanctions are starting to bite\".\nVienna opposes the new "
             "tariffs 🚫 entirely.", "lang": "en"},
    {"text": "Губернатор Олег Сави\u0301н заявил: «эвакуация завершена». Жители 🏠 не согласны с ним.",
     "lang": "ru"},
    {"text": "Без розмітки: цей рядок 🌻 лишається порожнім.", "lang": "uk"},
]
assert all(unicodedata.normalize("NFC", x["text"]) == x["text"] for x in LINES)
SPANS = [
    [("Марко Лисенко", "ACTOR"), ("«світло повернуть до вечора»", "CLAIM"), ("Громада", "ACTOR"),
     ("Громада підтримує рішення ради", "POSITION")],
    [("Clara Voss", "ACTOR"), ("\"sanctions are starting to bite\"", "CLAIM"), ("Vienna", "ACTOR"),
     ("Vienna opposes the new tariffs 🚫 entirely", "POSITION")],
    [("Олег Сави\u0301н", "ACTOR"), ("«эвакуация завершена»", "CLAIM"), ("Жители 🏠", "ACTOR"),
     ("Жители 🏠 не согласны с ним", "POSITION")],
    [],
]
RELATIONS = [  # (head, type, tail) as indexes into the line's SPANS
    [(1, "SAID_BY", 0), (3, "HELD_BY", 2)],
    [(1, "SAID_BY", 0), (3, "HELD_BY", 2), (3, "ABOUT", 1)],
    [(1, "SAID_BY", 0), (3, "HELD_BY", 2), (3, "ABOUT", 0)],
    [],
]
COLOURS = {"ACTOR": "#2e7d32", "CLAIM": "#1565c0", "POSITION": "#ad1457"}


def wait(task_id):
    for _ in range(120):
        status = call("GET", f"/v1/tasks/status/{task_id}")
        if status.get("ready"):
            return status
        time.sleep(1)
    raise SystemExit(f"task {task_id} did not finish")


def make_project(name, use_relation):
    pid = call("POST", "/v1/projects", json={
        "name": name, "description": "texts written for annotator's import tests", "guideline": "",
        "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
        "allow_overlapping": True, "grapheme_mode": False, "use_relation": use_relation,
        "collaborative_annotation": False, "random_order": False})["id"]
    labels = {text: call("POST", f"/v1/projects/{pid}/span-types", json={
        "text": text, "prefix_key": None, "suffix_key": "aco"[n], "background_color": colour,
        "text_color": "#ffffff"})["id"] for n, (text, colour) in enumerate(COLOURS.items())}
    reltypes = {text: call("POST", f"/v1/projects/{pid}/relation-types", json={
        "text": text, "background_color": "#607d8b", "text_color": "#ffffff"})["id"]
        for text in (("SAID_BY", "HELD_BY", "ABOUT") if use_relation else ())}
    return pid, labels, reltypes


def upload(pid):
    body = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES).encode()
    upload_id = api.post(f"{BASE}/v1/fp/process/", files={"filepond": ("texts.jsonl", body, "application/json")}
                         ).text.strip()
    wait(call("POST", f"/v1/projects/{pid}/upload", json={
        "uploadIds": [upload_id], "format": "JSONL", "task": "SequenceLabeling",
        "column_data": "text", "column_label": "label"})["task_id"])
    return sorted(call("GET", f"/v1/projects/{pid}/examples?limit=100")["results"], key=lambda e: e["id"])


def annotate(pid, labels, reltypes, examples):
    for n, example in enumerate(examples):
        text = example["text"]
        assert text == LINES[n]["text"] and example["meta"] == {"lang": LINES[n]["lang"]}, example
        ids = []
        for surface, label in SPANS[n]:
            start = text.index(surface)  # code points
            ids.append(call("POST", f"/v1/projects/{pid}/examples/{example['id']}/spans", json={
                "label": labels[label], "start_offset": start, "end_offset": start + len(surface)})["id"])
        for head, kind, tail in (RELATIONS[n] if reltypes else []):
            call("POST", f"/v1/projects/{pid}/examples/{example['id']}/relations", json={
                "from_id": ids[head], "to_id": ids[tail], "type": reltypes[kind]})
        if n == 0:  # marked done and commented, as a reviewer would
            call("POST", f"/v1/projects/{pid}/examples/{example['id']}/states", json={})
            call("POST", f"/v1/projects/{pid}/comments?example={example['id']}", json={
                "text": "перевірити лапки", "example": example["id"]})


def export(pid, name):
    """The download dialog's JSONL export: a Celery task writes a zip with one file per member."""
    task_id = call("POST", f"/v1/projects/{pid}/download", json={"format": "JSONL", "exportApproved": False}
                   )["task_id"]
    wait(task_id)
    resp = api.get(f"{BASE}/v1/projects/{pid}/download?taskId={task_id}")
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/zip", resp.headers
    (OUT / name).write_bytes(zipfile.ZipFile(io.BytesIO(resp.content)).read("admin.jsonl"))


for name, use_relation, out in (("annotator seq", False, "doccano_export.jsonl"),
                                ("annotator rel", True, "doccano_rel_export.jsonl")):
    pid, labels, reltypes = make_project(name, use_relation)
    annotate(pid, labels, reltypes, upload(pid))
    export(pid, out)
print("doccano done")
