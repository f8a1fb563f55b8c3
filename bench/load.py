"""Load test: N simulated annotators against a real `annotator serve`, each POSTing, PATCHing and GETting spans on
its own document with an exponential think time between requests.

    python bench/load.py --clients 200 --think 2                      # annotator serve (waitress) on SQLite
    python bench/load.py --clients 50 --think 0                       # saturation
    python bench/load.py --database postgresql://postgres@127.0.0.1/annotator_load --workers 4 --threads 4

It prepares its own data (users, tokens, one project with a document per annotator, memberships) in the given
database (default: a new SQLite file in a temporary instance folder; a PostgreSQL database is initialised or
upgraded, and each run adds its own users and project), starts `python -m annotator serve` on a free loopback port,
lets every client open its connection and GET its document once (a warm-up, not counted: gunicorn's workers are
still starting when the port opens, and each worker's first requests set up its connection pool and statement
caches), then runs the clients until --requests requests have been sent or --duration seconds have passed, and
prints requests per second, the span POST latency percentiles, the errors, and the server's CPU time per request
(all its processes, from /proc: on a shared machine the steadiest of these figures). The clients are asyncio
coroutines with one keep-alive connection each, in this process: on a small machine they share the cores with the
server, so absolute figures understate what the server alone would do.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = ("Київ", "заявив", "Putin", "said", "Москва", "відповіла", "🙂", "the", "minister", "talks")


def prepare(url: str, instance: Path, clients: int) -> tuple[int, list[tuple[str, int, int]]]:
    """Users, tokens, one project with one document per annotator; returns (project id, [(token, doc id, len)])."""
    from annotator import create_app
    from annotator.db import upgrade
    from annotator.extensions import db
    from annotator.services import documents as doc_service
    from annotator.services import members, projects, users

    app = create_app({"DATABASE_URL": url, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, str(instance))
    run = f"load{int(time.time()) % 10**6}"
    rng = random.Random(7)
    out = []
    with app.app_context():
        upgrade(db.engine)
        project = projects.create_project(db.session, run)
        for i in range(clients):
            name = f"{run}_{i}"
            users.create_user(db.session, name, "annotator", "load-password")
            members.add_member(db.session, project, name, "annotator")
            text = " ".join(rng.choice(WORDS) for _ in range(400)) + f" {i}."
            item = doc_service.parse_fields({"text": text, "lang": "uk", "title": f"load {i}"})
            doc = doc_service.add_documents(db.session, project, [item]).created[0]
            token = users.create_token(db.session, users.get_user(db.session, name))
            out.append((token, doc.id, len(doc.text)))
        db.session.commit()
        pid = project.id
        db.engine.dispose()
    return pid, out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, instance: Path, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "ANNOTATOR_DATABASE_URL": url, "ANNOTATOR_INSTANCE": str(instance)}
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "serve", "--port", str(port), "--workers",
                             str(workers), "--threads", str(threads)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def server_cpu_seconds(pgid: int) -> float:
    """User + system CPU time of every process in the server's process group (gunicorn's workers included)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class Connection:
    """One keep-alive HTTP/1.1 connection; reconnects when the server has closed an idle one."""

    def __init__(self, port: int, token: str):
        self.port, self.token = port, token
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body=None) -> tuple[int, dict]:
        payload = json.dumps(body).encode() if body is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writer.write(head + payload)
            try:
                await self.writer.drain()
                status_line = await self.reader.readline()
            except ConnectionError:
                status_line = b""
            if status_line:
                break
            self.close()  # closed while idle: nothing was read, so the request was not handled
            if attempt == 2:
                raise ConnectionError("the server closed the connection")
        length, close = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        data = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return int(status_line.split()[1]), (json.loads(data) if data[:1] == b"{" else {})

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Stats:
    def __init__(self, limit: int, deadline: float):
        self.limit, self.deadline = limit, deadline
        self.sent = 0
        self.done = 0
        self.errors: dict[str, int] = {}
        self.post_ms: list[float] = []

    def more(self) -> bool:
        if self.sent >= self.limit or time.monotonic() >= self.deadline:
            return False
        self.sent += 1
        return True

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


async def warm_up(port, token, doc_id) -> Connection:
    """A client's connection, opened with one GET of its document that no figure counts."""
    conn = Connection(port, token)
    status, _ = await conn.request("GET", f"/api/v1/documents/{doc_id}")
    if status != 200:
        raise SystemExit(f"warm-up GET of document {doc_id} answered {status}")
    return conn


async def annotator(conn: Connection, doc_id, length, think, stats: Stats, rng: random.Random):
    """POST a span, PATCH it, GET it; think between requests; until the run's budget is spent."""

    async def call(kind, method, path, body=None):
        started = time.perf_counter()
        try:
            status, answer = await conn.request(method, path, body)
        except (ConnectionError, OSError, asyncio.IncompleteReadError) as exc:
            conn.close()
            stats.error(f"{kind}: {type(exc).__name__}")
            return None
        stats.done += 1
        if kind == "POST":
            stats.post_ms.append((time.perf_counter() - started) * 1000)
        if status >= 400:
            stats.error(f"{kind} {status}")
            return None
        return answer

    async def pause():
        if think > 0:
            await asyncio.sleep(rng.expovariate(1 / think))

    await pause()  # spread the clients' first requests
    try:
        while stats.more():
            start = rng.randrange(0, length - 8)
            span = await call("POST", "POST", f"/api/v1/documents/{doc_id}/spans",
                              {"start": start, "end": start + rng.randint(1, 8), "label": "ACTOR"})
            await pause()
            if span is None or not stats.more():
                continue
            changed = await call("PATCH", "PATCH", f"/api/v1/spans/{span['id']}",
                                 {"label": "CLAIM", "version": span["version"]})
            await pause()
            if changed is None or not stats.more():
                continue
            await call("GET", "GET", f"/api/v1/spans/{span['id']}")
            await pause()
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run_clients(port, docs, think, requests, duration) -> tuple[Stats, float]:
    conns = await asyncio.gather(*(warm_up(port, token, doc_id) for token, doc_id, _ in docs))
    stats = Stats(requests, time.monotonic() + duration)
    started = time.monotonic()
    await asyncio.gather(*(annotator(conn, doc_id, length, think, stats, random.Random(i))
                           for i, (conn, (_, doc_id, length)) in enumerate(zip(conns, docs, strict=True))))
    return stats, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--think", type=float, default=2.0, help="mean think time in seconds (0: none)")
    parser.add_argument("--requests", type=int, default=6000, help="stop after this many requests")
    parser.add_argument("--duration", type=float, default=60.0, help="stop after this many seconds")
    parser.add_argument("--database", default=None, help="database URL (default: a new SQLite file)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        url = args.database or f"sqlite:///{instance / 'load.sqlite3'}"
        instance.mkdir()
        _, docs = prepare(url, instance, args.clients)
        proc, port = start_server(url, instance, args.workers, args.threads)
        try:
            cpu = server_cpu_seconds(proc.pid)
            stats, elapsed = asyncio.run(run_clients(port, docs, args.think, args.requests, args.duration))
            cpu = server_cpu_seconds(proc.pid) - cpu
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    server = f"gunicorn {args.workers}x{args.threads}" if args.workers > 1 else f"waitress ({args.threads} threads)"
    print("| server | clients | think | requests | req/s | span POST p50 / p95 / p99 (ms) | errors "
          "| server CPU ms/req |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {server}, {backend} | {args.clients} | {args.think:g} s | {stats.done} | {stats.done / elapsed:.0f} "
          f"| {percentile(stats.post_ms, .5):.0f} / {percentile(stats.post_ms, .95):.0f} / "
          f"{percentile(stats.post_ms, .99):.0f} | {sum(stats.errors.values())} "
          f"| {cpu * 1000 / max(1, stats.done):.1f} |")
    if stats.errors:
        print("errors:", ", ".join(f"{k}: {v}" for k, v in sorted(stats.errors.items())))


if __name__ == "__main__":
    main()
