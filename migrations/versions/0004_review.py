"""review: assignments, comments, document review states

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "assignments",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("assigned_by_id", sa.Integer, nullable=True),
        sa.Column("assigned_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("document_id", "user_id", name="pk_assignments"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_assignments_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_assignments_user_id_users", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["assigned_by_id"], ["users.id"], name="fk_assignments_assigned_by_id_users",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_assignments_user_id", "assignments", ["user_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("span_id", sa.Integer, nullable=True),
        sa.Column("relation_id", sa.Integer, nullable=True),
        sa.Column("parent_id", sa.Integer, nullable=True),
        sa.Column("author_id", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_comments"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_comments_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], name="fk_comments_span_id_spans", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["relation_id"], ["relations.id"], name="fk_comments_relation_id_relations",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["comments.id"], name="fk_comments_parent_id_comments",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name="fk_comments_author_id_users"),
    )
    op.create_index("ix_comments_document_id", "comments", ["document_id"])
    op.create_index("ix_comments_span_id", "comments", ["span_id"])
    op.create_table(
        "document_reviews",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("state", sa.Enum("new", "in_review", "reviewed", name="review_state", native_enum=False, length=20),
                  nullable=False),
        sa.Column("reviewer_id", sa.Integer, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_reviews"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_reviews_document_id_documents",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name="fk_document_reviews_reviewer_id_users",
                                ondelete="SET NULL"),
    )


def downgrade():
    for table in ("document_reviews", "comments", "assignments"):
        op.drop_table(table)
