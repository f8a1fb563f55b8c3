"""Actors: project-wide canonical persons, organisations and states, with their names in each language."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import JsonType
from ..extensions import db
from .user import utcnow

ACTOR_KINDS = ("person", "organisation", "state", "group", "other")


class Actor(db.Model):
    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_actors_project_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="person")
    names: Mapped[dict] = mapped_column(JsonType, default=dict)  # {"uk": ["Путін"], "en": ["Putin"]}
    search_key: Mapped[str] = mapped_column(String(4000), default="")  # every name, folded, for lookups
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
