"""Writing many rows fast: plain tuples through the driver (executemany on SQLite, COPY on PostgreSQL) on the
session's own connection and transaction, and the garbage collector paused while millions of small objects
are made."""

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import JSON
from sqlalchemy import text as sql_text

from ..db import json_text

# A document's revision bumped, as the revision triggers of migration 0007 do it.
BUMP = ("INSERT INTO document_revisions (document_id, revision) VALUES ({}, 1) "
        "ON CONFLICT (document_id) DO UPDATE SET revision = document_revisions.revision + 1")


@contextmanager
def paused_gc():
    """Bulk work creates millions of small objects that never form cycles; the cyclic collector would walk
    them again and again (2.7 times the time of orjson.loads over a big file). It runs again afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _json_text(value) -> str | None:
    return None if value is None else json_text(value)


def _same(value):
    return value


class BulkWriter:
    """Plain-tuple inserts for big imports on the session's connection and transaction: executemany on SQLite,
    COPY on PostgreSQL. Through SQLAlchemy's insert each row costs ~20 µs of parameter handling (and with
    RETURNING, a statement of its own on SQLite), several times SQLite's own ~3.5 µs; here values are converted
    once per column type, as that type would convert them."""

    def __init__(self, session):
        self.conn = session.connection()
        self.dialect = self.conn.dialect
        self.sqlite = self.dialect.name == "sqlite"

    def converter(self, column) -> Callable:
        """How values of this column reach the driver: JSON as text (SQLite stores it so, COPY reads it so),
        anything else as the column type's own bind processor makes it."""
        if isinstance(column.type, JSON):
            return _json_text
        process = column.type.dialect_impl(self.dialect).bind_processor(self.dialect)
        return process or _same

    def insert(self, table, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
        """Insert rows (a list, or an iterator that makes them as they are written)."""
        names = ", ".join(self.dialect.identifier_preparer.quote(c) for c in columns)
        if self.sqlite:
            sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
            with self._revisions_bumped_once(table, columns, iter(rows)) as rows:
                self._sqlite_insert(sql, rows)
            return
        cursor = self.conn.connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()

    def _sqlite_insert(self, sql: str, rows: Iterator[tuple]) -> None:
        """executemany straight from the iterator: sqlite3 takes one row at a time, so rows are made as they are
        written and never held together. (A second thread writing chunks while this one made the next gained
        nothing here: the GIL is taken back for every row.)"""
        cursor = self.conn.connection.dbapi_connection.cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()

    @contextmanager
    def _revisions_bumped_once(self, table, columns: tuple[str, ...], rows: Iterator[tuple]):
        """SQLite has only row triggers: the one that bumps a document's revision for each inserted row (migration
        0007) would run once per span of an import. Inside this transaction, which holds the write lock from its
        first write to its commit so that no other writer can come in between, the trigger is dropped, the rows
        are inserted, each document they belong to is bumped once, and the trigger is created again as it was
        (a rollback undoes all of it)."""
        name = f"{table.name}_insert_revision"
        trigger = f"CREATE TRIGGER {name} AFTER INSERT ON {table.name} BEGIN {BUMP.format('NEW.document_id')}; END"
        found = self.conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                          (name,)).scalar()
        if found != trigger or "document_id" not in columns:
            yield rows
            return
        documents, at = set(), columns.index("document_id")
        # a statement that writes nothing opens the transaction (Python's sqlite3 begins one only before a DML
        # statement) and takes the write lock, so that the DROP below is undone by a rollback, never committed alone
        self.conn.exec_driver_sql(f"UPDATE {table.name} SET id = id WHERE 0")
        self.conn.exec_driver_sql(f"DROP TRIGGER {name}")
        yield (documents.add(row[at]) or row for row in rows)
        if documents:
            self.conn.exec_driver_sql(BUMP.format("?"), [(d,) for d in sorted(documents)])
        self.conn.exec_driver_sql(trigger)

    def next_ids(self, table, n: int) -> list[int]:
        """n ids for new rows of table, theirs until the transaction ends: on SQLite the ids after the highest
        one, once this transaction holds the write lock (a statement that writes nothing takes it, so no one
        else can insert until the commit); on PostgreSQL a block drawn from the table's sequence."""
        if n <= 0:
            return []
        if self.sqlite:
            self.conn.exec_driver_sql(f"UPDATE {table.name} SET id = id WHERE 0")
            first = self.conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table.name}").scalar()
            return list(range(first, first + n))
        return list(self.conn.execute(sql_text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) "
                                               "FROM generate_series(1, :n)"), {"t": table.name, "n": n}).scalars())

    def insert_with_ids(self, table, columns: tuple[str, ...], rows: list[tuple]) -> list[int]:
        """Insert rows (without their id) and return the ids they got, in order: no RETURNING (row by row on
        SQLite when the order matters), no second look-up."""
        ids = self.next_ids(table, len(rows))
        self.insert(table, ("id", *columns), [(i, *r) for i, r in zip(ids, rows, strict=True)])
        return ids
