#!/usr/bin/env python
"""Token and cookie GETs while `annotator import` writes a generated corpus in another process (SQLite).

    .venv/bin/python bench/busy_reads.py [--docs 5000] [--spans 20]

Makes a throwaway SQLite database with a user, an API token and a project, writes a corpus of --docs documents
× --spans spans with gen_corpus.py, starts `annotator import` on it in a child process and, while the import
holds the database's write lock (probed with a BEGIN IMMEDIATE that gives up at once), sends
GET /api/v1/projects alternately with the bearer token and with a session cookie through the app in this
process. Prints p50/p95/max per kind (ms). The token's last use is stale throughout, so every token request
tries (and skips) its write. Target: token reads < 100 ms while the import writes.
"""

import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

PASSWORD = "bench-password-42"


def locked(path: str) -> bool:
    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args(argv)

    import gen_corpus

    from annotator import create_app
    from annotator.db import upgrade
    from annotator.extensions import db
    from annotator.services import projects, users

    folder = Path(tempfile.mkdtemp(prefix="busy-reads-"))
    path = folder / "bench.sqlite3"
    url = f"sqlite:///{path}"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"}, instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade(db.engine)
        user = users.create_user(db.session, "bench", "annotator", PASSWORD)
        projects.create_project(db.session, "news")
        token = users.create_token(db.session, user)
        db.session.commit()
    gen_corpus.write(gen_corpus.Generator(args.docs, args.spans, project="news"), str(folder / "corpus.jsonl"))

    browser = app.test_client()
    html = browser.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    browser.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": csrf})
    scripts = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    env = {**os.environ, "ANNOTATOR_DATABASE_URL": url, "ANNOTATOR_INSTANCE": str(folder / "cli")}
    importer = subprocess.Popen([sys.executable, "-m", "annotator", "import", "news", str(folder / "corpus.jsonl")],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timings = {"token": [], "cookie": []}
    started_at = time.monotonic()
    while importer.poll() is None:
        if not locked(str(path)):
            time.sleep(0.02)
            continue
        for kind, client, extra in (("token", scripts, headers), ("cookie", browser, {})):
            t0 = time.perf_counter()
            status = client.get("/api/v1/projects", headers=extra).status_code
            timings[kind].append(time.perf_counter() - t0)
            assert status == 200, (kind, status)
    total = time.monotonic() - started_at
    print(f"import of {args.docs} documents × {args.spans} spans: {total:.1f} s, exit {importer.returncode}")
    print("| requests during the import's writes | n | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for kind, values in timings.items():
        if not values:
            print(f"| {kind} | 0 | | | |")
            continue
        ms = sorted(v * 1000 for v in values)
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        print(f"| {kind} | {len(ms)} | {statistics.median(ms):.0f} | {p95:.0f} | {ms[-1]:.0f} |")
    with app.app_context():
        db.engine.dispose()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
