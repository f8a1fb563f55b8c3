"""`annotator backup`: a consistent copy of a live SQLite database that a new app can run on."""

import re
import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, text

import annotator.backup
from annotator import create_app
from annotator.extensions import db
from tests.conftest import login

TABLES = ("users", "projects", "documents", "spans", "relations", "translation_groups")


def counts(url):
    engine = create_engine(url)
    with engine.connect() as conn:
        out = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
    engine.dispose()
    return out


def test_backup_of_a_live_database_restores_everything(cli, tmp_path, monkeypatch):
    source = tmp_path / "live.sqlite3"
    url = f"sqlite:///{source}"
    demo = cli(url, "init", "--demo")
    name, password = re.search(r"demo user (\S+) .* password: (\S+)", demo.output).groups()
    before = counts(url)
    assert before["spans"] > 0 and before["relations"] > 0

    stop, written = threading.Event(), []

    def keep_writing():  # another connection writes all along, as a running app would
        conn = sqlite3.connect(source, timeout=30, isolation_level=None)
        while not stop.is_set():
            conn.execute("INSERT INTO login_failures VALUES (?, '', 1, '2026-01-01 00:00:00')", (f"a{len(written)}",))
            written.append(1)
        conn.close()

    monkeypatch.setattr(annotator.backup, "PAGES_PER_STEP", 2)  # many steps, with writes in between
    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        copy = tmp_path / "backup" / "copy.sqlite3"
        copy.parent.mkdir()
        result = cli(url, "backup", str(copy))
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    assert f"written to {copy}" in result.output
    assert copy.stat().st_mode & 0o777 == 0o600
    assert not list(copy.parent.glob(".*partial"))
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        copied_failures = check.execute("SELECT count(*) FROM login_failures").fetchone()[0]
    assert copied_failures <= len(written)
    assert counts(f"sqlite:///{copy}") == before

    restored = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{copy}", "SECRET_KEY": "x"},
                          instance_path=str(tmp_path / "restored"))
    try:
        client = restored.test_client()
        assert login(client, name, password).status_code == 302
        assert "demo" in client.get("/projects").get_data(as_text=True)
    finally:
        with restored.app_context():
            db.engine.dispose()


def test_backup_refuses_to_replace_a_file_without_force(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    cli(url, "init")
    target = tmp_path / "copy.sqlite3"
    target.write_text("keep me")
    refused = cli(url, "backup", str(target))
    assert refused.exit_code == 1 and "--force" in refused.output
    assert target.read_text() == "keep me"
    assert cli(url, "backup", str(target), "--force").exit_code == 0
    assert counts(f"sqlite:///{target}")["users"] == 0


@pytest.mark.parametrize("backend", ["postgres"])
def test_backup_on_postgresql_says_how_to_use_pg_dump(cli, empty_database_url, tmp_path):
    cli(empty_database_url, "init")
    refused = cli(empty_database_url, "backup", str(tmp_path / "x.dump"))
    assert refused.exit_code == 1
    assert "pg_dump --format=custom" in refused.output and "pg_restore" in refused.output
    assert not (tmp_path / "x.dump").exists()
