#!/usr/bin/env python
"""Save latency of the annotation API as a browser sees it: `annotator serve` (waitress) on a loopback port.

    .venv/bin/python bench/save_latency.py [--chars 100000] [--spans 2000] [--posts 300] [--gets 50]
                                           [--postgres URL]

Builds a throwaway database (a SQLite file in a temporary folder; with --postgres URL that database, whose
public schema is dropped and recreated) with one generated document of --chars characters and --spans spans
(as bench/annotate_page.py makes them), starts `annotator serve` on a free port in a child process, then over
one keep-alive connection with a bearer token:
  POST /api/v1/documents/<id>/spans   --posts times, one after the other, each a new word-aligned span
  GET  /api/v1/documents/<id>         --gets times (text, sentences and every span the caller may see)
and prints p50/p95/p99 of each (ms, client-side wall time per request). Target: save p95 < 100 ms.
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TARGET_P95_MS = 100
LABELS = ("ACTOR", "CLAIM", "POSITION")


def build(url: str, instance: Path, chars: int, spans: int) -> tuple[int, str, str]:
    """The database with its user, token, project and document; returns (document id, token, text)."""
    from annotate_page import make_spans, make_text
    from import_bench import fresh_database, make_app

    from annotator.extensions import db
    from annotator.models import Span
    from annotator.services import documents, projects, users

    fresh_database(instance.parent, url if url.startswith("postgres") else None)
    app = make_app(url, instance)
    rng = random.Random(3)
    text = make_text(chars, rng)
    with app.app_context():
        user = users.create_user(db.session, "bench", "annotator", "bench-password-42")
        project = projects.create_project(db.session, "bench", created_by=user)  # a member (its manager)
        doc = documents.add_documents(db.session, project, [documents.parse_fields(
            {"text": text, "lang": "uk", "title": "Bench"})]).created[0]
        db.session.add_all(Span(document_id=doc.id, annotator_id=user.id, start=s, end=e, label=label, attrs={})
                           for s, e, label in make_spans(doc.text, spans, spans // 10, rng))
        token = users.create_token(db.session, user, "bench")
        db.session.commit()
        return doc.id, token, doc.text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"annotator serve exited: {server.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("annotator serve did not start")


def timed(conn, method: str, path: str, headers: dict, body: bytes | None = None) -> tuple[float, int, bytes]:
    t = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return (time.perf_counter() - t) * 1000, response.status, data


def percentiles(values: list[float]) -> dict:
    ordered = sorted(values)

    def at(p):
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    return {"p50": statistics.median(ordered), "p95": at(95), "p99": at(99), "max": ordered[-1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--gets", type=int, default=50)
    parser.add_argument("--postgres", metavar="URL", help="a throwaway PostgreSQL database (its schema is reset)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="save-latency-") as tmp:
        tmp = Path(tmp)
        url = args.postgres or f"sqlite:///{tmp / 'bench.sqlite3'}"
        doc_id, token, text = build(url, tmp / "instance", args.chars, args.spans)
        port = free_port()
        env = {**os.environ, "ANNOTATOR_DATABASE_URL": url, "ANNOTATOR_INSTANCE": str(tmp / "instance")}
        server = subprocess.Popen([sys.executable, "-m", "annotator", "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for(port, server)
            print(f"document: {len(text):,} chars, {args.spans} spans; database: "
                  f"{'PostgreSQL' if args.postgres else 'SQLite'}; load average {os.getloadavg()[0]:.2f} at start")
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            rng = random.Random(11)
            starts = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] not in " \n"]
            posts = []
            for _ in range(args.posts):
                start = rng.choice(starts)
                end = start + 1
                while end < len(text) and text[end] not in " \n":
                    end += 1
                body = json.dumps({"start": start, "end": end, "label": rng.choice(LABELS)}).encode()
                ms, status, data = timed(conn, "POST", f"/api/v1/documents/{doc_id}/spans", headers, body)
                if status not in (200, 201):
                    raise SystemExit(f"POST answered {status}: {data[:300]!r}")
                posts.append(ms)
            gets, size = [], 0
            for _ in range(args.gets):
                ms, status, data = timed(conn, "GET", f"/api/v1/documents/{doc_id}", headers)
                if status != 200:
                    raise SystemExit(f"GET answered {status}: {data[:300]!r}")
                gets.append(ms)
                size = len(data)
            conn.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
        p, g = percentiles(posts), percentiles(gets)
        print(f"{'request':<34} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
        print(f"{'POST /documents/<id>/spans':<34} {len(posts):>4} {p['p50']:>7.1f} {p['p95']:>7.1f} {p['p99']:>7.1f} "
              f"{p['max']:>7.1f}")
        print(f"{'GET /documents/<id>':<34} {len(gets):>4} {g['p50']:>7.1f} {g['p95']:>7.1f} {g['p99']:>7.1f} "
              f"{g['max']:>7.1f}   ({size / 1e3:.0f} kB, {args.spans + args.posts} spans)")
        verdict = "met" if p["p95"] < TARGET_P95_MS else "MISSED"
        print(f"save p95 {p['p95']:.1f} ms (target < {TARGET_P95_MS} ms: {verdict}); load average "
              f"{os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
