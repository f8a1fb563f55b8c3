"""document_exports: each document's exported spans and relations, joined once and kept until they change

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

The JSON arrays of a document's spans and relations as the gold and the all layer export them (see
annotator/export/cache.py). A cached row is deleted when anything in it changes: spans say so by a cleared
export_json (migration 0005), relations by a cleared export_checked, which the trigger below clears whenever a
relation changes and new relations start with.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SHOWN = "document_id, head_id, tail_id, type, status, deleted_at"


def upgrade():
    op.create_table(
        "document_exports",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("layer", sa.String(10), nullable=False),
        sa.Column("spans", sa.Text, nullable=False),
        sa.Column("relations", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "layer", name="pk_document_exports"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_exports_document_id_documents",
                                ondelete="CASCADE"),
    )
    with op.batch_alter_table("relations") as batch:
        batch.add_column(sa.Column("export_checked", sa.Boolean, nullable=True))
    op.create_index("ix_relations_export_unchecked", "relations", ["document_id"],
                    sqlite_where=sa.text("export_checked IS NULL"),
                    postgresql_where=sa.text("export_checked IS NULL"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""CREATE FUNCTION relations_export_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN NEW.export_checked := NULL; RETURN NEW; END $$""")
        op.execute(f"""CREATE TRIGGER relations_export_changed BEFORE UPDATE OF {SHOWN} ON relations
                       FOR EACH ROW EXECUTE FUNCTION relations_export_changed()""")
    else:
        op.execute(f"""CREATE TRIGGER relations_export_changed AFTER UPDATE OF {SHOWN} ON relations
                       WHEN NEW.export_checked IS NOT NULL
                       BEGIN UPDATE relations SET export_checked = NULL WHERE id = NEW.id; END""")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER relations_export_changed ON relations")
        op.execute("DROP FUNCTION relations_export_changed()")
    else:
        op.execute("DROP TRIGGER relations_export_changed")
    op.drop_index("ix_relations_export_unchecked", "relations")
    with op.batch_alter_table("relations") as batch:
        batch.drop_column("export_checked")
    op.drop_table("document_exports")
