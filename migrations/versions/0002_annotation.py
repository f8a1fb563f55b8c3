"""annotation: actors, spans, relations, per-annotator progress, history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def _status(name="status"):
    return sa.Column(name, sa.Enum("pending", "accepted", "rejected", name="review_status", native_enum=False,
                                   length=20), nullable=False)


def upgrade():
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("names", Json, nullable=False),
        sa.Column("search_key", sa.String(4000), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_actors_project_id_projects",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name="fk_actors_created_by_id_users",
                                ondelete="SET NULL"),
        sa.UniqueConstraint("project_id", "name", name="uq_actors_project_name"),
    )
    op.create_index("ix_actors_project_id", "actors", ["project_id"])
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("annotator_id", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("attrs", Json, nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=True),
        _status(),
        sa.Column("reviewed_by_id", sa.Integer, nullable=True),
        sa.Column("reviewed_at", sa.DateTime, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_spans"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_spans_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["users.id"], name="fk_spans_annotator_id_users"),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["users.id"], name="fk_spans_reviewed_by_id_users"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name="fk_spans_actor_id_actors", ondelete="SET NULL"),
        sa.CheckConstraint('start >= 0 AND start < "end"', name="ck_spans_offsets"),
    )
    op.create_index("ix_spans_document_annotator", "spans", ["document_id", "annotator_id"])
    op.create_index("ix_spans_actor_id", "spans", ["actor_id"])
    op.create_table(
        "relations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("annotator_id", sa.Integer, nullable=False),
        sa.Column("head_id", sa.Integer, nullable=False),
        sa.Column("tail_id", sa.Integer, nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        _status(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_relations"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_relations_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["users.id"], name="fk_relations_annotator_id_users"),
        sa.ForeignKeyConstraint(["head_id"], ["spans.id"], name="fk_relations_head_id_spans", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tail_id"], ["spans.id"], name="fk_relations_tail_id_spans", ondelete="CASCADE"),
        sa.CheckConstraint("head_id <> tail_id", name="ck_relations_distinct_ends"),
    )
    op.create_index("ix_relations_document_id", "relations", ["document_id"])
    op.create_index("ix_relations_head_id", "relations", ["head_id"])
    op.create_index("ix_relations_tail_id", "relations", ["tail_id"])
    op.create_table(
        "document_progress",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("state", sa.Enum("new", "in_progress", "done", name="doc_state", native_enum=False, length=20),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "user_id", name="pk_document_progress"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_progress_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_document_progress_user_id_users",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_document_progress_user_id", "document_progress", ["user_id"])
    op.create_table(
        "history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.Integer, nullable=True),
        sa.Column("user_id", sa.Integer, nullable=True),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("before", Json, nullable=True),
        sa.Column("after", Json, nullable=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_history_project_id_projects",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_history_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_history_user_id_users", ondelete="SET NULL"),
    )
    op.create_index("ix_history_entity", "history", ["entity", "entity_id"])
    op.create_index("ix_history_project_id", "history", ["project_id"])
    op.create_index("ix_history_document_id", "history", ["document_id"])


def downgrade():
    for table in ("history", "document_progress", "relations", "spans", "actors"):
        op.drop_table(table)
