"""A long write (an import in another process) must not hold up reads, token requests included."""

import importlib.util
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from annotator.extensions import db
from annotator.models import ApiToken
from annotator.services import users

GEN_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "gen_corpus.py"
BOUND = 2.0  # seconds; a GET that waited for the import's write lock would wait until the import commits
TYPICAL = 0.1  # seconds: the median GET while the import writes (issue 12's figure; ~2 ms on a quiet machine)


def write_corpus(path: Path, docs: int, spans: int) -> None:
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN_CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(module.Generator(docs, spans, project="news"), str(path))


def write_locked(path: str) -> bool:
    """Does another connection hold the database's write lock? (A write attempt that gives up at once.)"""
    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_token_requests_answer_while_an_import_writes(app, client, make, database_url, tmp_path, monkeypatch):
    monkeypatch.setattr(users, "TOUCH_EVERY", timedelta(0))  # every request tries to note the token's use
    make.user("olena")
    make.project("news")
    token = make.token("olena")
    assert client.get("/api/v1/projects").status_code == 401  # the app's first request checks the schema: not timed
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 3000, 20)
    env = {**os.environ, "ANNOTATOR_DATABASE_URL": database_url, "ANNOTATOR_INSTANCE": str(tmp_path / "cli")}
    importer = subprocess.Popen([sys.executable, "-m", "annotator", "import", "news", str(corpus)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    path = database_url.removeprefix("sqlite:///")
    headers = {"Authorization": f"Bearer {token}"}
    timings = []
    try:
        while importer.poll() is None:
            if not write_locked(path):
                time.sleep(0.05)
                continue
            started = time.monotonic()
            status = client.get("/api/v1/projects", headers=headers).status_code
            timings.append((time.monotonic() - started, status))
    finally:
        out, err = importer.communicate(timeout=600)
    assert importer.returncode == 0, err.decode()
    assert timings, "the import finished before a request could overlap its writes"
    assert all(status == 200 for _, status in timings)
    slowest, typical = max(s for s, _ in timings), statistics.median(s for s, _ in timings)
    assert slowest < BOUND and typical < TYPICAL, \
        f"{len(timings)} requests during the import, median {typical:.3f} s, slowest {slowest:.2f} s"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_token_use_is_not_written_while_another_process_holds_the_write_lock(app, client, make, database_url):
    make.user("olena")
    token = make.token("olena")
    headers = {"Authorization": f"Bearer {token}"}
    client.get("/api/v1/projects")  # the app's first request checks the schema: not timed
    writer = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert client.get("/api/v1/projects", headers=headers).status_code == 200
        assert time.monotonic() - started < BOUND
    finally:
        writer.rollback()
        writer.close()
    with app.app_context():
        assert db.session.query(ApiToken).one().last_used_at is None  # given up at once
    assert client.get("/api/v1/projects", headers=headers).status_code == 200
    with app.app_context():
        assert db.session.query(ApiToken).one().last_used_at is not None  # written once the database was free
