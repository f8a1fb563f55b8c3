"""Declarative base with a constraint naming convention, SQLite pragmas and schema upgrades."""

import sqlite3

import orjson
from sqlalchemy import JSON, Enum, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BUSY_TIMEOUT_MS = 30_000  # how long a SQLite write waits for another writer to finish

JsonType = JSON().with_variant(JSONB(), "postgresql")


def json_text(value) -> str:
    """A JSON column's value as stored: compact, non-ASCII as is (orjson), keys made strings as json does."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def str_enum(cls, name: str) -> Enum:
    """A StrEnum stored as its values in a VARCHAR(20): no database enum type, so a new value needs no migration."""
    return Enum(cls, name=name, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def _sqlite_pragmas(dbapi_conn, _record):
    if isinstance(dbapi_conn, sqlite3.Connection):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        # Unicode-aware case folding for searches (SQLite's lower() and LIKE only fold ASCII)
        dbapi_conn.create_function("casefold", 1, _casefold, deterministic=True)


def init_app(app, db):
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _private_sqlite_files(db.engine.url.database)
            event.listen(db.engine, "connect", _sqlite_pragmas)
    checked = []

    @app.before_request
    def schema_is_current():
        """Before the first request, whatever server runs the app: a database of another schema gets one clear
        answer instead of SQL errors on every page."""
        if checked:
            return None
        have, need = current_revision(db.engine), head_revision()
        if have != need:
            from flask import Response

            return Response(f"The database has schema {have or 'none'}, this annotator needs {need}: run "
                            "`annotator init` to create or upgrade it (existing data is kept).\n", 503,
                            mimetype="text/plain")
        checked.append(True)
        return None


def _private_sqlite_files(database: str | None) -> None:
    """The database file readable by its owner only (0600), made so before SQLite creates it; SQLite gives its
    -wal and -shm files the database file's permissions, and those made before are tightened too."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    from pathlib import Path

    from .config import private_file

    path = Path(database)
    if not path.parent.is_dir():
        return  # SQLite will say that it cannot open the file
    private_file(path)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            private_file(extra)


def alembic_config(connection=None):
    from alembic.config import Config

    from .paths import resource_dir

    cfg = Config()
    cfg.set_main_option("script_location", str(resource_dir("migrations")))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine, revision="head"):
    """Create or upgrade the database schema to `revision` without touching existing rows."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def head_revision() -> str:
    """The newest schema revision this version of annotator knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine):
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
