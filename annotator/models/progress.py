"""Each annotator's progress on each document: new -> in progress -> done."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ..db import str_enum
from ..extensions import db
from .user import utcnow


class DocState(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class DocumentProgress(db.Model):
    __tablename__ = "document_progress"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    state: Mapped[DocState] = mapped_column(str_enum(DocState, "doc_state"), default=DocState.NEW)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
