"""Project membership: who works in which project, and as what."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import str_enum
from ..extensions import db
from .user import Role, User, utcnow


class ProjectRole(enum.StrEnum):
    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"
    MANAGER = "manager"


# What a project role allows inside its project, in the terms of the global roles: a manager is the project's
# admin (members, settings, schema), never an admin of the site (users, new projects).
AS_ROLE = {ProjectRole.ANNOTATOR: Role.ANNOTATOR, ProjectRole.REVIEWER: Role.REVIEWER,
           ProjectRole.MANAGER: Role.ADMIN}


class ProjectMember(db.Model):
    __tablename__ = "project_members"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[ProjectRole] = mapped_column(str_enum(ProjectRole, "project_role"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
