import stat

from annotator import create_app


def test_secret_key_is_generated_once_with_owner_only_permissions(tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_SECRET_KEY", raising=False)
    monkeypatch.delenv("ANNOTATOR_DATABASE_URL", raising=False)
    first = create_app(instance_path=str(tmp_path))
    second = create_app(instance_path=str(tmp_path))
    key_file = tmp_path / "secret_key"
    assert first.secret_key == second.secret_key == key_file.read_text()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_environment_configures_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_SECRET_KEY", "from-env")
    monkeypatch.setenv("ANNOTATOR_DATABASE_URL", "postgresql://u@h/db")
    monkeypatch.setenv("ANNOTATOR_MAX_UPLOAD_MB", "2")
    app = create_app(instance_path=str(tmp_path))
    assert app.secret_key == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    assert not (tmp_path / "secret_key").exists()


def test_sqlite_default_lives_in_the_instance_folder_with_wal_and_foreign_keys(tmp_path, monkeypatch):
    monkeypatch.delenv("ANNOTATOR_DATABASE_URL", raising=False)
    app = create_app(instance_path=str(tmp_path))
    from sqlalchemy import text

    from annotator.extensions import db

    with app.app_context():
        assert str(tmp_path / "annotator.sqlite3") in str(db.engine.url)
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        db.engine.dispose()


def test_connections_are_pinged_before_use_on_a_server_database_only(tmp_path, monkeypatch):
    from annotator.extensions import db

    monkeypatch.delenv("ANNOTATOR_DATABASE_URL", raising=False)
    for url, pinged in ((f"sqlite:///{tmp_path / 'a.db'}", False), ("postgresql://u@127.0.0.1:1/none", True)):
        app = create_app({"DATABASE_URL": url}, instance_path=str(tmp_path))
        with app.app_context():
            assert db.engine.pool._pre_ping is pinged, url
