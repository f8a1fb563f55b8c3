"""foundation: users, API tokens, projects, translation groups, documents

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.Enum("admin", "reviewer", "annotator", name="role", native_enum=False,
                                  length=20), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_used_at", sa.DateTime, nullable=True),
        sa.Column("revoked", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_api_tokens_user_id_users",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("guidelines", sa.Text, nullable=False),
        sa.Column("label_schema", Json, nullable=False),
        sa.Column("settings", Json, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.UniqueConstraint("name", name="uq_projects_name"),
        sa.CheckConstraint("length(name) > 0", name="ck_projects_name_not_empty"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name="fk_projects_created_by_id_users",
                                ondelete="SET NULL"),
    )
    op.create_table(
        "translation_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_translation_groups"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_translation_groups_project_id_projects",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("project_id", "key", name="uq_translation_groups_project_key"),
    )
    op.create_index("ix_translation_groups_project_id", "translation_groups", ["project_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=True),
        sa.Column("lang", sa.String(35), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_url", sa.String(2000), nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("meta", Json, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_documents_project_id_projects",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["translation_groups.id"],
                                name="fk_documents_group_id_translation_groups", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name="fk_documents_created_by_id_users",
                                ondelete="SET NULL"),
        sa.UniqueConstraint("project_id", "content_hash", name="uq_documents_project_hash"),
        sa.UniqueConstraint("group_id", "lang", name="uq_documents_group_lang"),
        sa.CheckConstraint("length(text) > 0", name="ck_documents_text_not_empty"),
    )
    op.create_index("ix_documents_project_lang", "documents", ["project_id", "lang"])
    op.create_index("ix_documents_group_id", "documents", ["group_id"])


def downgrade():
    for table in ("documents", "translation_groups", "projects", "api_tokens", "users"):
        op.drop_table(table)
