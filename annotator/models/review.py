"""A document's review state: new -> in review -> reviewed."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ..db import str_enum
from ..extensions import db
from .user import utcnow


class ReviewState(enum.StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"


class DocumentReview(db.Model):
    __tablename__ = "document_reviews"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[ReviewState] = mapped_column(str_enum(ReviewState, "review_state"), default=ReviewState.NEW)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
