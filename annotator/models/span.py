"""Spans and relations: each annotator's layer; review status; versions for optimistic locking."""

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import JsonType, str_enum
from ..extensions import db
from .actor import Actor
from .user import User, utcnow


class ReviewStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MERGED = "merged"  # the same span as another annotator's, which stands for both in the gold layer


class Span(db.Model):
    __tablename__ = "spans"
    __table_args__ = (
        CheckConstraint('start >= 0 AND start < "end"', name="offsets"),
        Index("ix_spans_document_annotator", "document_id", "annotator_id"),
        Index("ix_spans_document_position", "document_id", "start", "end", "label"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    start: Mapped[int]
    end: Mapped[int]
    label: Mapped[str] = mapped_column(String(100))
    attrs: Mapped[dict] = mapped_column(JsonType, default=dict)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    status: Mapped[ReviewStatus] = mapped_column(str_enum(ReviewStatus, "review_status"), default=ReviewStatus.PENDING)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]

    annotator: Mapped[User] = relationship(foreign_keys=[annotator_id], lazy="joined")
    actor: Mapped[Actor | None] = relationship(lazy="joined")
    document: Mapped["Document"] = relationship()  # noqa: F821 - resolved by the registry

    __mapper_args__ = {"version_id_col": version}


class Relation(db.Model):
    __tablename__ = "relations"
    __table_args__ = (CheckConstraint("head_id <> tail_id", name="distinct_ends"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    head_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    tail_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(100))
    status: Mapped[ReviewStatus] = mapped_column(str_enum(ReviewStatus, "review_status"), default=ReviewStatus.PENDING)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]

    annotator: Mapped[User] = relationship(lazy="joined")
    document: Mapped["Document"] = relationship()  # noqa: F821 - resolved by the registry

    __mapper_args__ = {"version_id_col": version}
