"""alignment: document sentences, sentence alignments between versions, span links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade():
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("sentences", Json, nullable=True))  # filled on demand for existing rows
    op.create_table(
        "alignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("doc_a_id", sa.Integer, nullable=False),
        sa.Column("doc_b_id", sa.Integer, nullable=False),
        sa.Column("beads", Json, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_alignments"),
        sa.ForeignKeyConstraint(["group_id"], ["translation_groups.id"],
                                name="fk_alignments_group_id_translation_groups", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["doc_a_id"], ["documents.id"], name="fk_alignments_doc_a_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["doc_b_id"], ["documents.id"], name="fk_alignments_doc_b_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"], name="fk_alignments_updated_by_id_users",
                                ondelete="SET NULL"),
        sa.UniqueConstraint("doc_a_id", "doc_b_id", name="uq_alignments_pair"),
        sa.CheckConstraint("doc_a_id < doc_b_id", name="ck_alignments_ordered_pair"),
    )
    op.create_index("ix_alignments_group_id", "alignments", ["group_id"])
    op.create_table(
        "span_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("span_id", sa.Integer, nullable=False),
        sa.Column("target_id", sa.Integer, nullable=False),
        sa.Column("created_by_id", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_span_links"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], name="fk_span_links_span_id_spans", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["spans.id"], name="fk_span_links_target_id_spans",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name="fk_span_links_created_by_id_users",
                                ondelete="SET NULL"),
        sa.UniqueConstraint("span_id", "target_id", name="uq_span_links_pair"),
        sa.CheckConstraint("span_id <> target_id", name="ck_span_links_distinct_spans"),
    )
    op.create_index("ix_span_links_span_id", "span_links", ["span_id"])
    op.create_index("ix_span_links_target_id", "span_links", ["target_id"])


def downgrade():
    op.drop_table("span_links")
    op.drop_table("alignments")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("sentences")
