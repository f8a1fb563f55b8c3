"""project_members: each project's members and their role in it

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-04

Until now every user saw every project. So that nobody loses access on upgrade, every existing non-admin user
becomes a member of every existing project with the project role named like their global role (annotator or
reviewer); admins need no membership (they see every project); each project's creator, when not an admin,
becomes its manager.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "project_members",
        sa.Column("project_id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("role", sa.Enum("annotator", "reviewer", "manager", name="project_role", native_enum=False,
                                  length=20), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("project_id", "user_id", name="pk_project_members"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_project_members_project_id_projects",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_project_members_user_id_users",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_project_members_user_id", "project_members", ["user_id"])
    op.execute("""INSERT INTO project_members (project_id, user_id, role, added_at)
                  SELECT p.id, u.id,
                         CASE WHEN p.created_by_id = u.id THEN 'manager' ELSE u.role END,
                         CURRENT_TIMESTAMP
                  FROM projects p CROSS JOIN users u WHERE u.role <> 'admin'""")


def downgrade():
    op.drop_index("ix_project_members_user_id", "project_members")
    op.drop_table("project_members")
