"""Document-level labels: the values of a project's document fields (a whole article's stance, its topics) per
document and annotator, and the gold values a reviewer settled."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import JsonType, str_enum
from ..extensions import db
from .span import ReviewStatus
from .user import User, utcnow


class DocumentLabels(db.Model):
    """One annotator's values of the document fields, or (annotator_id NULL) the gold values: one row of each
    per document. `status` says what the review made of an annotator's values (accepted: the gold took them)."""

    __tablename__ = "document_labels"
    __table_args__ = (
        Index("uq_document_labels_document_annotator", "document_id", "annotator_id", unique=True),
        Index("uq_document_labels_gold", "document_id", unique=True,
              sqlite_where=text("annotator_id IS NULL"), postgresql_where=text("annotator_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    values: Mapped[dict] = mapped_column(JsonType, default=dict)
    status: Mapped[ReviewStatus] = mapped_column(str_enum(ReviewStatus, "review_status"), default=ReviewStatus.PENDING)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    annotator: Mapped[User | None] = relationship(foreign_keys=[annotator_id], lazy="joined")

    __mapper_args__ = {"version_id_col": version}
