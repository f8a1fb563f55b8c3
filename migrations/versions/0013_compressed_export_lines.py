"""export_lines: kept lines are stored lz4-compressed by the app

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

The app now compresses each kept line itself (annotator/export/native.py), so PostgreSQL is told not to try
again (STORAGE EXTERNAL). Lines kept before are plain JSON: they are dropped, and the next export builds them.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM export_lines")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE export_lines ALTER COLUMN line SET STORAGE EXTERNAL")


def downgrade():
    op.execute("DELETE FROM export_lines")  # 0012's export reads plain lines
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE export_lines ALTER COLUMN line SET STORAGE EXTENDED")
