"""user_locale: each user's interface language (uk, en, ru), chosen with the switch in the top bar

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-04

NULL means "not chosen": the language cookie, then the browser's Accept-Language decide.
Plain ALTER TABLE on both databases: a batch (copy and move) on SQLite would drop the triggers on users.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("locale", sa.String(16), nullable=True))


def downgrade():
    op.execute("ALTER TABLE users DROP COLUMN locale")
