"""What one span request costs in-process: statements sent, Python function calls, CPU milliseconds.

    python bench/request_cost.py [--database URL] [--n 200]

Drives the app through Flask's test client with a bearer token (no network, no server threads), on a new SQLite
file unless --database names one. Statements are counted with a SQLAlchemy `before_cursor_execute` listener on
the first request of each kind (a POST of the document's first span); function calls are cProfile's count over
50 requests; CPU time is the best of 5 batches of --n requests (process time, so other programs on a shared
machine inflate it less than wall time, but still do).
"""

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def prepare(url):
    from annotator import create_app
    from annotator.db import upgrade
    from annotator.extensions import db
    from annotator.services import documents as doc_service
    from annotator.services import members, projects, users

    app = create_app({"DATABASE_URL": url, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, tempfile.mkdtemp())
    run = f"cost{int(time.time() * 1000) % 10**9}"
    with app.app_context():
        upgrade(db.engine)
        project = projects.create_project(db.session, run)
        users.create_user(db.session, run, "annotator", "cost-password")
        members.add_member(db.session, project, run, "annotator")
        item = doc_service.parse_fields({"text": "Київ заявив, Putin said. " * 100, "lang": "uk", "title": run})
        doc = doc_service.add_documents(db.session, project, [item]).created[0]
        token = users.create_token(db.session, users.get_user(db.session, run))
        db.session.commit()
        return app, doc.id, {"Authorization": f"Bearer {token}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=None)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    from sqlalchemy import event

    from annotator.extensions import db

    app, did, headers = prepare(args.database or f"sqlite:///{tempfile.mkdtemp()}/cost.sqlite3")
    client = app.test_client()
    statements = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    client.get("/api/v1/projects", headers=headers)  # the first request checks the schema revision
    state = {}

    def send(kind, i):
        if kind == "POST":
            start = (i * 7) % 300
            r = client.post(f"/api/v1/documents/{did}/spans", headers=headers,
                            json={"start": start, "end": start + 4, "label": "ACTOR"})
            state.setdefault("span", r.json)
        elif kind == "PATCH":
            span = state["span"]
            label = "CLAIM" if span["label"] == "ACTOR" else "ACTOR"
            r = client.patch(f"/api/v1/spans/{span['id']}", headers=headers,
                             json={"label": label, "version": span["version"]})
            state["span"] = r.json
        else:
            r = client.get(f"/api/v1/spans/{state['span']['id']}", headers=headers)
        assert r.status_code < 300, r.json

    print("| request | statements | Python calls | CPU ms (best of 5) |\n|---|---|---|---|")
    for kind in ("POST", "PATCH", "GET"):
        statements.clear()
        send(kind, 0)
        count = len(statements)
        profile = cProfile.Profile()
        profile.enable()
        for i in range(50):
            send(kind, i + 1)
        profile.disable()
        calls = pstats.Stats(profile).total_calls / 50
        best = float("inf")
        for _ in range(5):
            began = time.process_time()
            for i in range(args.n):
                send(kind, i)
            best = min(best, (time.process_time() - began) / args.n * 1000)
        print(f"| span {kind} | {count} | {calls:.0f} | {best:.2f} |")


if __name__ == "__main__":
    main()
