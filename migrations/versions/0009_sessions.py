"""sessions: per-user session generation, token prefix and expiry, a shared login throttle

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-04

A user's session generation is written into their session cookie at login; logging out or changing the password
raises it, which ends every session holding the old one. Tokens keep the first characters of the plain token
(to list and revoke them by prefix; tokens made before this have none) and an optional expiry. Failed logins are
counted in the database, per (address, user) and per address (user ''), so that every worker process sees them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD/DROP COLUMN on both databases (SQLite >= 3.35), never a batch rebuild: rebuilding `users`
# would drop its triggers (migration 0005) and, with foreign keys on, cascade the implicit delete to its rows.


def upgrade():
    op.add_column("users", sa.Column("session_generation", sa.Integer, nullable=False, server_default="0"))
    op.add_column("api_tokens", sa.Column("prefix", sa.String(16), nullable=True))
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime, nullable=True))
    op.create_table(
        "login_failures",
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("address", "username", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_last_failure_at", "login_failures", ["last_failure_at"])


def downgrade():
    op.drop_index("ix_login_failures_last_failure_at", "login_failures")
    op.drop_table("login_failures")
    op.drop_column("api_tokens", "expires_at")
    op.drop_column("api_tokens", "prefix")
    op.drop_column("users", "session_generation")
