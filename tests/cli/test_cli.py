import json

import pytest
from sqlalchemy import create_engine, text

from annotator.db import current_revision, upgrade


@pytest.fixture
def ready(cli, empty_database_url):
    assert cli(empty_database_url, "init").exit_code == 0
    return empty_database_url


def rows(url, sql):
    engine = create_engine(url)
    with engine.connect() as conn:
        out = conn.execute(text(sql)).all()
    engine.dispose()
    return out


def test_init_creates_the_schema_and_is_idempotent(cli, empty_database_url):
    first = cli(empty_database_url, "init")
    assert first.exit_code == 0 and "database ready" in first.output
    assert cli(empty_database_url, "init").exit_code == 0
    assert rows(empty_database_url, "SELECT count(*) FROM users") == [(0,)]


def test_init_demo_prints_passwords_once_and_keeps_data(cli, empty_database_url):
    first = cli(empty_database_url, "init", "--demo")
    assert first.exit_code == 0, first.output
    assert first.output.count("password: ") == 4
    assert "demo project 'demo' created" in first.output
    again = cli(empty_database_url, "init", "--demo")
    assert again.exit_code == 0 and "password: " not in again.output and "already present" in again.output
    langs = rows(empty_database_url, "SELECT lang FROM documents ORDER BY lang")
    assert [r[0] for r in langs] == ["en", "ru", "uk"]
    assert rows(empty_database_url, "SELECT count(DISTINCT group_id) FROM documents") == [(1,)]


def test_user_add_and_token_create(cli, ready):
    added = cli(ready, "user", "add", "olena", "--role", "annotator", "--password-stdin", input="long-password\n")
    assert added.exit_code == 0, added.output
    token = cli(ready, "token", "create", "olena")
    assert token.exit_code == 0
    assert token.output.strip().splitlines()[-1].startswith("ann_")


def test_adding_an_existing_user_fails_with_a_reason(cli, ready):
    cli(ready, "user", "add", "olena", "--role", "annotator", "--password-stdin", input="long-password\n")
    again = cli(ready, "user", "add", "olena", "--role", "admin", "--password-stdin", input="long-password\n")
    assert again.exit_code == 1
    assert "a user named 'olena' already exists" in again.output


def test_short_password_and_unknown_user_fail(cli, ready):
    short = cli(ready, "user", "add", "x", "--role", "admin", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    missing = cli(ready, "token", "create", "nobody")
    assert missing.exit_code == 1 and "no user named 'nobody'" in missing.output


def test_project_create_with_a_schema_file(cli, ready, tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"labels": [{"name": "PER"}, {"name": "ORG"}],
                                  "relations": [{"name": "WORKS_FOR", "from": ["PER"], "to": ["ORG"]}]}))
    result = cli(ready, "project", "create", "ner", "--schema", str(schema))
    assert result.exit_code == 0, result.output
    stored = rows(ready, "SELECT label_schema FROM projects WHERE name = 'ner'")[0][0]
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert [label["name"] for label in stored["labels"]] == ["PER", "ORG"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"labels": [{"name": "A"}], "relations": [{"name": "R", "from": ["B"]}]}))
    refused = cli(ready, "project", "create", "bad", "--schema", str(bad))
    assert refused.exit_code == 1 and "unknown label B" in refused.output


def test_import_groups_versions_by_file_name(cli, ready, tmp_path):
    cli(ready, "project", "create", "news")
    for lang, body in (("uk", "Київ"), ("en", "Kyiv"), ("ru", "Киев")):
        (tmp_path / f"story.{lang}.txt").write_text(body, encoding="utf-8")
    files = [str(tmp_path / f"story.{lang}.txt") for lang in ("uk", "en", "ru")]
    dry = cli(ready, "import", "news", *files, "--dry-run")
    assert dry.exit_code == 0 and "would import 3 document(s)" in dry.output
    assert rows(ready, "SELECT count(*) FROM documents") == [(0,)]
    done = cli(ready, "import", "news", *files)
    assert done.exit_code == 0 and "imported 3 document(s) with 0 span(s)" in done.output
    assert rows(ready, "SELECT count(DISTINCT group_id), count(*) FROM documents") == [(1, 3)]
    again = cli(ready, "import", "news", *files)
    assert "imported 0 document(s) with 0 span(s) into news, skipped 3" in again.output


def test_import_with_a_bad_line_writes_nothing(cli, ready, tmp_path):
    cli(ready, "project", "create", "news")
    good = json.dumps({"text": "Good.", "lang": "en"})
    (tmp_path / "in.jsonl").write_text(good + "\n" + '{"text": "x", "lang": "qq"}\n{oops\n', encoding="utf-8")
    result = cli(ready, "import", "news", str(tmp_path / "in.jsonl"))
    assert result.exit_code == 1
    assert "in.jsonl line 2: field 'lang'" in result.output
    assert "in.jsonl line 3: not valid JSON" in result.output
    assert "nothing imported: 2 problem(s)" in result.output
    assert rows(ready, "SELECT count(*) FROM documents") == [(0,)]


def test_import_with_labels_the_project_lacks_says_how_to_add_them(cli, ready, tmp_path):
    cli(ready, "project", "create", "news")
    line = {"text": "Kyiv wakes.", "lang": "en",
            "spans": [{"start": 0, "end": 4, "label": "PLACE", "annotator": "olena"}]}
    (tmp_path / "in.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    refused = cli(ready, "import", "news", str(tmp_path / "in.jsonl"))
    assert refused.exit_code == 1
    assert "in.jsonl line 1: spans[0]: unknown label 'PLACE'" in refused.output
    assert "the project has no label PLACE: pass --add-labels" in refused.output
    assert rows(ready, "SELECT count(*) FROM documents") == [(0,)]
    added = cli(ready, "import", "news", str(tmp_path / "in.jsonl"), "--add-labels")
    assert added.exit_code == 0, added.output
    assert rows(ready, "SELECT count(*) FROM spans") == [(1,)]


def test_import_into_an_unknown_project_fails(cli, ready, tmp_path):
    (tmp_path / "a.en.txt").write_text("x")
    result = cli(ready, "import", "nope", str(tmp_path / "a.en.txt"))
    assert result.exit_code == 1 and "no project 'nope'" in result.output


def test_project_is_found_by_id_too(cli, ready, tmp_path):
    cli(ready, "project", "create", "news")
    (tmp_path / "a.txt").write_text("Text.")
    assert cli(ready, "import", "1", str(tmp_path / "a.txt"), "--lang", "ua").exit_code == 0
    assert rows(ready, "SELECT lang FROM documents") == [("uk",)]


def test_first_migration_database_upgrades_with_rows_intact(cli, empty_database_url):
    engine = create_engine(empty_database_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, username, password_hash, role, active, created_at) "
                          "VALUES (1, 'old', 'x', 'admin', true, '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO projects (id, name, description, guidelines, label_schema, settings, "
                          "created_at) VALUES (1, 'p', '', '', '{\"labels\": []}', '{}', '2025-01-01')"))
        conn.execute(text("INSERT INTO documents (id, project_id, lang, title, text, content_hash, meta, "
                          "created_at) VALUES (1, 1, 'uk', 'Т', 'Київ 🙂', 'h', '{}', '2025-01-01')"))
    engine.dispose()
    assert cli(empty_database_url, "init").exit_code == 0
    engine = create_engine(empty_database_url)
    from annotator.paths import resource_dir

    heads = sorted(p.name.split("_")[0] for p in (resource_dir("migrations") / "versions").glob("*.py"))
    assert current_revision(engine) == heads[-1]
    engine.dispose()
    assert rows(empty_database_url, "SELECT username FROM users") == [("old",)]
    assert rows(empty_database_url, "SELECT text FROM documents") == [("Київ 🙂",)]


def test_serve_refuses_an_uninitialised_database(cli, empty_database_url):
    result = cli(empty_database_url, "serve", "--port", "1")
    assert result.exit_code == 1 and "run `annotator init` first" in result.output


def test_gzipped_files_import(cli, ready, tmp_path):
    import gzip

    cli(ready, "project", "create", "news")
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": "Київ.", "lang": "uk"}).encode()))
    result = cli(ready, "import", "news", str(tmp_path / "in.jsonl.gz"))
    assert result.exit_code == 0 and "imported 1 document(s)" in result.output


def test_a_gzip_bomb_a_truncated_gzip_and_an_oversized_file_are_refused(cli, ready, tmp_path, monkeypatch):
    import gzip

    cli(ready, "project", "create", "news")
    monkeypatch.setenv("ANNOTATOR_MAX_IMPORT_MB", "1")
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b" " * (8 << 20)))
    bomb = cli(ready, "import", "news", str(tmp_path / "bomb.jsonl.gz"))
    assert bomb.exit_code == 1
    assert "bomb.jsonl.gz: decompresses to more than the import limit of 1 MB" in bomb.output
    whole = gzip.compress(json.dumps({"text": "Київ.", "lang": "uk"}).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    cut = cli(ready, "import", "news", str(tmp_path / "cut.jsonl.gz"))
    assert cut.exit_code == 1 and "cut.jsonl.gz: not a complete gzip file" in cut.output
    (tmp_path / "big.uk.txt").write_bytes(b"x" * (2 << 20))
    big = cli(ready, "import", "news", str(tmp_path / "big.uk.txt"))
    assert big.exit_code == 1 and "2 MB is more than the import limit of 1 MB" in big.output
    assert rows(ready, "SELECT count(*) FROM documents") == [(0,)]


def test_a_truncated_jsonl_line_is_reported_and_nothing_written(cli, ready, tmp_path):
    cli(ready, "project", "create", "news")
    good = json.dumps({"text": "Київ.", "lang": "uk"})
    (tmp_path / "cut.jsonl").write_text(good + "\n" + good[:12], encoding="utf-8")
    result = cli(ready, "import", "news", str(tmp_path / "cut.jsonl"))
    assert result.exit_code == 1 and "cut.jsonl line 2: not valid JSON" in result.output
    assert rows(ready, "SELECT count(*) FROM documents") == [(0,)]


def test_commands_on_an_older_or_empty_database_say_to_run_init(cli, empty_database_url):
    empty = cli(empty_database_url, "project", "list")
    assert empty.exit_code == 1 and "the database is empty: run `annotator init` first" in empty.output
    engine = create_engine(empty_database_url)
    upgrade(engine, "0004")  # as the previous version left it
    engine.dispose()
    older = cli(empty_database_url, "project", "list")
    assert older.exit_code == 1 and "has schema 0004" in older.output and "annotator init" in older.output
    assert cli(empty_database_url, "init").exit_code == 0
    assert cli(empty_database_url, "project", "list").exit_code == 0


def test_the_app_on_an_older_database_answers_with_what_to_do(empty_database_url, tmp_path):
    from annotator import create_app

    engine = create_engine(empty_database_url)
    upgrade(engine, "0004")
    engine.dispose()
    app = create_app({"TESTING": True, "DATABASE_URL": empty_database_url, "SECRET_KEY": "test"},
                     instance_path=str(tmp_path / "instance"))
    response = app.test_client().get("/login")
    assert response.status_code == 503 and b"annotator init" in response.data
    engine = create_engine(empty_database_url)
    upgrade(engine)
    engine.dispose()
    assert app.test_client().get("/login").status_code == 200
    from annotator.extensions import db

    with app.app_context():
        db.engine.dispose()
