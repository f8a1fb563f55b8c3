"""Sentence alignment between two versions of an article, and links between counterpart spans."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import JsonType
from ..extensions import db
from .user import utcnow


class Alignment(db.Model):
    """Beads [[a sentence indices], [b sentence indices], "auto"|"confirmed"] between documents a and b (a < b)."""

    __tablename__ = "alignments"
    __table_args__ = (UniqueConstraint("doc_a_id", "doc_b_id", name="uq_alignments_pair"),
                      CheckConstraint("doc_a_id < doc_b_id", name="ordered_pair"))

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("translation_groups.id", ondelete="CASCADE"), index=True)
    doc_a_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    doc_b_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    beads: Mapped[list] = mapped_column(JsonType, default=list)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __mapper_args__ = {"version_id_col": version}


class SpanLink(db.Model):
    """A span and its counterpart in another version of the same article."""

    __tablename__ = "span_links"
    __table_args__ = (UniqueConstraint("span_id", "target_id", name="uq_span_links_pair"),
                      CheckConstraint("span_id <> target_id", name="distinct_spans"))

    id: Mapped[int] = mapped_column(primary_key=True)
    span_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("spans.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
