"""The history: every change to annotations, who made it, when, and the values before and after."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import JsonType
from ..extensions import db
from .user import utcnow


class HistoryEvent(db.Model):
    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entity: Mapped[str] = mapped_column(String(30))  # span, relation, actor, alignment, review, schema
    entity_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(30))  # create, update, delete, restore, review
    before: Mapped[dict | None] = mapped_column(JsonType)
    after: Mapped[dict | None] = mapped_column(JsonType)
    at: Mapped[datetime] = mapped_column(default=utcnow)
