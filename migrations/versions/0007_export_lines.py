"""export lines: a revision per document, bumped by triggers; finished export lines kept per revision

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Replaces the stored span JSON (0005) and the cached arrays (0006), and the triggers that kept them, by one idea
(see annotator/export/lines.py): every document has a revision number that small triggers bump whenever
anything its export line shows changes, and `export_lines` keeps finished lines under the revision they were
built from. A line whose revision is not the document's is ignored. The triggers only bump numbers.

WATCHED lists, per table and event, the documents whose lines a changed row shows in, as SQL over the changed
row `r` (the old row for a delete) and, for an update, the old row `o`. On SQLite each is a row trigger; on
PostgreSQL a statement trigger over the transition table, so that a bulk insert (an import's COPY) bumps each
document once instead of once per span. Updates of names fire only when the name changed.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OWN = "SELECT r.document_id AS id"
ALL = ("INSERT", "UPDATE", "DELETE")
WATCHED = [  # (table, events, the documents whose lines show the row, the columns whose change counts)
    ("spans", ("INSERT", "DELETE"), OWN, ()),
    # a span deleted (deleted_at) drops the links that point at it from other versions' lines
    ("spans", ("UPDATE",), OWN + " UNION SELECT s.document_id FROM span_links l JOIN spans s ON s.id = l.span_id"
                                 " WHERE l.target_id = r.id", ()),
    ("relations", ALL, OWN, ()),
    ("document_reviews", ALL, OWN, ()),
    ("span_links", ALL, "SELECT document_id AS id FROM spans WHERE id IN (r.span_id, r.target_id)", ()),
    ("alignments", ALL, "SELECT r.doc_a_id AS id UNION SELECT r.doc_b_id", ()),
    ("documents", ("UPDATE",), "SELECT r.id AS id UNION SELECT id FROM documents WHERE group_id IN "
                               "(r.group_id, o.group_id)", ()),
    ("translation_groups", ("UPDATE",), "SELECT id FROM documents WHERE group_id = r.id", ("key",)),
    ("projects", ("UPDATE",), "SELECT id FROM documents WHERE project_id = r.id", ("name",)),
    ("actors", ("UPDATE",), "SELECT document_id AS id FROM spans WHERE actor_id = r.id", ("name",)),
    ("users", ("UPDATE",), "SELECT document_id AS id FROM spans WHERE annotator_id = r.id UNION SELECT document_id "
                           "FROM relations WHERE annotator_id = r.id UNION SELECT document_id FROM document_reviews "
                           "WHERE reviewer_id = r.id", ("username",)),
]
UPSERT = ("INSERT INTO document_revisions (document_id, revision) {} "
          "ON CONFLICT (document_id) DO UPDATE SET revision = document_revisions.revision + 1")
BUMP = UPSERT.format("SELECT id, 1 FROM documents WHERE id IN ({}) ORDER BY id")  # documents still there



def _name(table: str, event: str) -> str:
    return f"{table}_{event.lower()}_revision"


def _sqlite(table: str, event: str, documents: str, columns: tuple) -> str:
    row = "OLD" if event == "DELETE" else "NEW"
    documents = re.sub(r"\bo\.", "OLD.", re.sub(r"\br\.", f"{row}.", documents))
    when = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    bump = BUMP.format(documents)
    if documents == f"SELECT {row}.document_id AS id":  # the common case, in its quickest form (imports pay it per row)
        bump = UPSERT.format(f"VALUES ({row}.document_id, 1)" if event == "INSERT" else
                             f"SELECT id, 1 FROM documents WHERE id = {row}.document_id")
    return (f"CREATE TRIGGER {_name(table, event)} AFTER {event} ON {table}" + (f" WHEN {when}" if when else "")
            + f" BEGIN {bump}; END")


def _postgres(table: str, event: str, documents: str, columns: tuple) -> list[str]:
    rows = "changed r"
    if "o." in documents or columns:
        rows += " JOIN before o ON o.id = r.id" + "".join(f" AND o.{c} IS DISTINCT FROM r.{c}" for c in columns)
    documents = f"SELECT x.id FROM {rows} CROSS JOIN LATERAL ({documents}) x"
    tables = {"INSERT": "NEW TABLE AS changed", "UPDATE": "NEW TABLE AS changed OLD TABLE AS before",
              "DELETE": "OLD TABLE AS changed"}[event]
    name = _name(table, event)
    return [f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {BUMP.format(documents)}; "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {name}()"]


def _triggers():
    for table, events, documents, columns in WATCHED:
        for event in events:
            yield table, event, documents, columns


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    _drop_0005_0006(postgres)
    op.create_table(
        "document_revisions",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_revisions"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_revisions_document_id_documents",
                                ondelete="CASCADE"),
    )
    op.create_table(
        "export_lines",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("layer", sa.String(10), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("line", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "layer", name="pk_export_lines"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_export_lines_document_id_documents",
                                ondelete="CASCADE"),
    )
    for table, event, documents, columns in _triggers():
        for statement in _postgres(table, event, documents, columns) if postgres else [
                _sqlite(table, event, documents, columns)]:
            op.execute(statement)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, event, _, _ in _triggers():
        name = _name(table, event)
        op.execute(f"DROP TRIGGER {name} ON {table}" if postgres else f"DROP TRIGGER {name}")
        if postgres:
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_table("export_lines")
    op.drop_table("document_revisions")
    _restore_0005_0006()


def _drop_0005_0006(postgres: bool) -> None:
    """What migrations 0005 and 0006 added for the old export: span JSON, relation flags, cached arrays, their
    triggers and indexes. The indexes on document positions (0005) stay: exports read spans in that order."""
    if postgres:
        for trigger, table in (("users_export_stale", "users"), ("actors_export_stale", "actors"),
                               ("spans_export_stale", "spans"), ("relations_export_changed", "relations")):
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
            op.execute(f"DROP FUNCTION {trigger}()")
    else:
        for trigger in ("users_export_renamed", "actors_export_deleted", "actors_export_renamed",
                        "spans_export_stale", "relations_export_changed"):
            op.execute(f"DROP TRIGGER {trigger}")
    op.drop_index("ix_relations_export_unchecked", "relations")
    op.drop_index("ix_spans_export_stale", "spans")
    # natively (SQLite >= 3.35): a batch copy of the table would delete the rows that cascade from it
    op.execute("ALTER TABLE relations DROP COLUMN export_checked")
    op.execute("ALTER TABLE spans DROP COLUMN export_json")
    op.drop_table("document_exports")


def _restore_0005_0006() -> None:
    """What 0005 and 0006 added, back and empty, so that their own downgrades can remove it."""
    import importlib.util
    from pathlib import Path

    def migration(name):
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    old = migration("0005_export_json")
    op.add_column("spans", sa.Column("export_json", sa.Text, nullable=True))
    op.create_index("ix_spans_export_stale", "spans", ["document_id"], sqlite_where=sa.text("export_json IS NULL"),
                    postgresql_where=sa.text("export_json IS NULL"))
    for statement in old.POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else old.SQLITE_TRIGGERS:
        op.execute(statement)
    migration("0006_document_exports").upgrade()
