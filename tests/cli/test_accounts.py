"""Accounts and tokens from the command line: the password policy, token list / revoke / expiry, the demo."""

import re

import pytest
from sqlalchemy import create_engine, text

from annotator.services import passwords


@pytest.fixture
def ready(cli, empty_database_url):
    assert cli(empty_database_url, "init").exit_code == 0
    assert cli(empty_database_url, "user", "add", "olena", "--role", "annotator", "--password-stdin",
               input="correct-horse-42\n").exit_code == 0
    return empty_database_url


@pytest.mark.parametrize("password, message", [
    ("        ", "the password cannot be empty or only spaces"),
    ("nine-char", "at least 10 characters"),
    ("qwerty12345", "too easy to guess"),
])
def test_user_add_and_passwd_refuse_weak_passwords_with_the_reason(cli, ready, password, message):
    added = cli(ready, "user", "add", "taras", "--role", "annotator", "--password-stdin", input=password + "\n")
    assert added.exit_code == 1 and message in added.output
    changed = cli(ready, "user", "passwd", "olena", "--password-stdin", input=password + "\n")
    assert changed.exit_code == 1 and message in changed.output


def test_tokens_are_listed_and_revoked_by_id_or_prefix(cli, ready):
    first = cli(ready, "token", "create", "olena", "--label", "laptop").output.strip().splitlines()[-1]
    second = cli(ready, "token", "create", "olena", "--expires", "30d").output.strip().splitlines()[-1]
    listed = cli(ready, "token", "list", "olena")
    assert listed.exit_code == 0
    lines = listed.output.strip().splitlines()[1:]
    assert len(lines) == 2
    assert first[:12] in lines[0] and "laptop" in lines[0] and lines[0].endswith("active")
    assert second[:12] in lines[1] and re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d\tactive$", lines[1])
    assert first not in listed.output  # never the whole token
    revoked = cli(ready, "token", "revoke", first[:9])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    assert cli(ready, "token", "revoke", "2").exit_code == 0
    states = [line.rsplit("\t", 1)[1] for line in cli(ready, "token", "list").output.strip().splitlines()[1:]]
    assert states == ["revoked", "revoked"]


def test_token_commands_explain_bad_arguments(cli, ready):
    bad = cli(ready, "token", "create", "olena", "--expires", "soon")
    assert bad.exit_code == 1 and "not a lifetime" in bad.output
    missing = cli(ready, "token", "revoke", "ann_zzzzzzzz")
    assert missing.exit_code == 1 and "no API token starts with 'ann_zzzzzzzz'" in missing.output
    nobody = cli(ready, "token", "list", "nobody")
    assert nobody.exit_code == 1 and "no user named 'nobody'" in nobody.output
    odd = cli(ready, "token", "revoke", "²")  # a digit to str.isdigit(), refused by int()
    assert odd.exit_code == 1 and "no API token with id ²" in odd.output and "Traceback" not in odd.output


def test_demo_passwords_satisfy_the_policy(cli, empty_database_url):
    output = cli(empty_database_url, "init", "--demo").output
    shown = re.findall(r"demo user (\S+) .* password: (\S+)", output)
    assert len(shown) == 4
    for name, password in shown:
        passwords.check(password, name)


def test_sqlite_files_and_instance_folder_are_private(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert cli(url, "init", "--demo").exit_code == 0
    assert (tmp_path / "cli-instance").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "cli-instance" / "secret_key").stat().st_mode & 0o777 == 0o600
    engine = create_engine(url)
    with engine.connect() as conn:  # an open connection keeps the -wal and -shm files
        conn.execute(text("SELECT count(*) FROM users"))
        for name in ("fresh.sqlite3", "fresh.sqlite3-wal", "fresh.sqlite3-shm"):
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
    engine.dispose()


def test_an_existing_open_database_and_instance_folder_are_tightened(cli, tmp_path):
    db_file = tmp_path / "old.sqlite3"
    (tmp_path / "cli-instance").mkdir(mode=0o755)
    (tmp_path / "cli-instance").chmod(0o755)
    db_file.touch()
    db_file.chmod(0o644)
    assert cli(f"sqlite:///{db_file}", "init").exit_code == 0
    assert db_file.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "cli-instance").stat().st_mode & 0o777 == 0o700


def test_upgrading_keeps_users_and_their_tokens_working(cli, empty_database_url, tmp_path):
    """Migration 0009 adds columns to users and api_tokens: nothing may be lost (no table rebuilt with
    cascading deletes), and a token made before has no prefix but still works."""
    import hashlib

    from annotator import create_app
    from annotator.db import upgrade
    from annotator.extensions import db

    engine = create_engine(empty_database_url)
    upgrade(engine, "0006")
    old_token = "ann_made-before-the-upgrade"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, username, password_hash, role, active, created_at) "
                          "VALUES (1, 'old', 'x', 'admin', true, '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked) "
                          "VALUES (1, 'script', :h, '2025-01-01 00:00:00', false)"),
                     {"h": hashlib.sha256(old_token.encode()).hexdigest()})
    engine.dispose()
    assert cli(empty_database_url, "init").exit_code == 0
    listed = cli(empty_database_url, "token", "list").output.strip().splitlines()
    assert listed[1].startswith("1\told\t-\tscript\t2025-01-01 00:00") and listed[1].endswith("active")
    app = create_app({"TESTING": True, "DATABASE_URL": empty_database_url, "SECRET_KEY": "x"},
                     instance_path=str(tmp_path / "app"))
    try:
        response = app.test_client().get("/api/v1/projects", headers={"Authorization": f"Bearer {old_token}"})
        assert response.status_code == 200
    finally:
        with app.app_context():
            db.engine.dispose()
