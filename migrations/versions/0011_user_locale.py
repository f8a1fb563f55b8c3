"""user_locale: each user's interface language (uk, en, ru), chosen with the switch in the top bar

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-04

NULL means "not chosen": the language cookie, then the browser's Accept-Language decide.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("locale", sa.String(16), nullable=True))


def downgrade():
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locale")
