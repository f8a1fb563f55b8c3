"""document_labels: each annotator's values of the project's document fields, and the gold values

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

A row per document and annotator (annotator_id NULL: the gold values a reviewer settled), versioned like spans.
Export lines show them, so changes bump the document's revision with triggers built as 0007 builds its own.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

EVENTS = ("INSERT", "UPDATE", "DELETE")
# the all layer's lines name each annotator of document labels: a renamed user bumps those documents too
RENAMED = ("users", "UPDATE", "SELECT document_id AS id FROM document_labels WHERE annotator_id = r.id", ("username",))
RENAMED_NAME = "users_update_doc_labels_revision"


def _triggers_0007():
    spec = importlib.util.spec_from_file_location("m0007", Path(__file__).parent / "0007_export_lines.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade():
    op.create_table(
        "document_labels",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("annotator_id", sa.Integer, nullable=True),
        sa.Column("values", sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("status", sa.Enum("pending", "accepted", "rejected", "merged", name="review_status",
                                    native_enum=False, length=20), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer, nullable=True),
        sa.Column("reviewed_at", sa.DateTime, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_labels"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_labels_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["users.id"], name="fk_document_labels_annotator_id_users"),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["users.id"], name="fk_document_labels_reviewed_by_id_users",
                                ondelete="SET NULL"),
    )
    op.create_index("uq_document_labels_document_annotator", "document_labels", ["document_id", "annotator_id"],
                    unique=True)
    op.create_index("uq_document_labels_gold", "document_labels", ["document_id"], unique=True,
                    sqlite_where=sa.text("annotator_id IS NULL"), postgresql_where=sa.text("annotator_id IS NULL"))
    m = _triggers_0007()
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute("DELETE FROM export_lines")  # kept lines were built without the new doc_labels field
    for event in EVENTS:
        for statement in m._postgres("document_labels", event, m.OWN, ()) if postgres else [
                m._sqlite("document_labels", event, m.OWN, ())]:
            op.execute(statement)
    for statement in m._postgres(*RENAMED) if postgres else [m._sqlite(*RENAMED)]:
        op.execute(statement.replace(m._name("users", "UPDATE"), RENAMED_NAME))


def downgrade():
    m = _triggers_0007()
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, name in [("document_labels", m._name("document_labels", e)) for e in EVENTS] + [("users", RENAMED_NAME)]:
        op.execute(f"DROP TRIGGER {name} ON {table}" if postgres else f"DROP TRIGGER {name}")
        if postgres:
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_table("document_labels")
    op.execute("DELETE FROM export_lines")  # kept lines hold doc_labels, which 0011's export does not write
