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


# A plain ALTER TABLE on both databases, never a batch rebuild: rebuilding `projects` on SQLite would drop the
# triggers migration 0007 put on it.
def upgrade():
    op.add_column("projects", sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade():
    op.drop_column("projects", "version")
