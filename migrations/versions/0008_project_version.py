"""projects.version: the label schema and settings are edited with optimistic locking like spans

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-04

Existing projects start at version 1.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade():
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("version")
