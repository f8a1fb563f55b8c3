"""export_json: each span's exported JSON kept in its row, and triggers that clear it when it goes stale

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

An export concatenates the stored JSON of a document's spans in the database instead of building every span
object in Python (see annotator/export/fragments.py). The triggers clear a span's stored JSON whenever something
it shows changes: the span's own columns, its actor's name, its annotator's name. NULL means "to be written
again", and existing rows start so: the first export fills them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SHOWN = 'document_id, annotator_id, start, "end", label, attrs, actor_id, status, deleted_at'

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER spans_export_stale AFTER UPDATE OF {SHOWN} ON spans
        WHEN NEW.export_json IS NOT NULL
        BEGIN UPDATE spans SET export_json = NULL WHERE id = NEW.id; END""",
    """CREATE TRIGGER actors_export_renamed AFTER UPDATE OF name ON actors
        BEGIN UPDATE spans SET export_json = NULL WHERE actor_id = NEW.id AND export_json IS NOT NULL; END""",
    """CREATE TRIGGER actors_export_deleted BEFORE DELETE ON actors
        BEGIN UPDATE spans SET export_json = NULL WHERE actor_id = OLD.id AND export_json IS NOT NULL; END""",
    """CREATE TRIGGER users_export_renamed AFTER UPDATE OF username ON users
        BEGIN UPDATE spans SET export_json = NULL WHERE annotator_id = NEW.id AND export_json IS NOT NULL; END""",
)

POSTGRES_TRIGGERS = (
    """CREATE FUNCTION spans_export_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.export_json := NULL; RETURN NEW; END $$""",
    f"""CREATE TRIGGER spans_export_stale BEFORE UPDATE OF {SHOWN} ON spans
        FOR EACH ROW EXECUTE FUNCTION spans_export_stale()""",
    """CREATE FUNCTION actors_export_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE spans SET export_json = NULL WHERE actor_id = OLD.id AND export_json IS NOT NULL;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER actors_export_stale BEFORE UPDATE OF name OR DELETE ON actors
        FOR EACH ROW EXECUTE FUNCTION actors_export_stale()""",
    """CREATE FUNCTION users_export_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE spans SET export_json = NULL WHERE annotator_id = NEW.id AND export_json IS NOT NULL;
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER users_export_stale AFTER UPDATE OF username ON users
        FOR EACH ROW EXECUTE FUNCTION users_export_stale()""",
)


def upgrade():
    with op.batch_alter_table("spans") as batch:
        batch.add_column(sa.Column("export_json", sa.Text, nullable=True))
    # In the export's order: a document's spans come off the index sorted, with no sort step.
    op.create_index("ix_spans_document_position", "spans", ["document_id", "start", "end", "label"])
    op.create_index("ix_spans_export_stale", "spans", ["document_id"],
                    sqlite_where=sa.text("export_json IS NULL"), postgresql_where=sa.text("export_json IS NULL"))
    # Documents of a project in id order (export batches) without sorting the project's documents each time.
    op.create_index("ix_documents_project_id", "documents", ["project_id", "id"])
    for statement in POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER users_export_stale ON users")
        op.execute("DROP TRIGGER actors_export_stale ON actors")
        op.execute("DROP TRIGGER spans_export_stale ON spans")
        for name in ("users_export_stale", "actors_export_stale", "spans_export_stale"):
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for name in ("users_export_renamed", "actors_export_deleted", "actors_export_renamed", "spans_export_stale"):
            op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_documents_project_id", "documents")
    op.drop_index("ix_spans_export_stale", "spans")
    op.drop_index("ix_spans_document_position", "spans")
    with op.batch_alter_table("spans") as batch:
        batch.drop_column("export_json")
