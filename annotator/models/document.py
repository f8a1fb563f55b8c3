"""Documents (one text in one language) and translation groups (the versions of one article)."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, attributes, mapped_column, relationship

from ..db import JsonType
from ..extensions import db
from .user import utcnow


class TranslationGroup(db.Model):
    __tablename__ = "translation_groups"
    __table_args__ = (UniqueConstraint("project_id", "key", name="uq_translation_groups_project_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    documents: Mapped[list["Document"]] = relationship(back_populates="group", order_by="Document.lang")


class Document(db.Model):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("project_id", "content_hash", name="uq_documents_project_hash"),
        UniqueConstraint("group_id", "lang", name="uq_documents_group_lang"),
        CheckConstraint("length(text) > 0", name="text_not_empty"),
        Index("ix_documents_project_lang", "project_id", "lang"),
        Index("ix_documents_project_id", "project_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("translation_groups.id", ondelete="SET NULL"),
                                                 index=True)
    lang: Mapped[str] = mapped_column(String(35))
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date)
    meta: Mapped[dict] = mapped_column(JsonType, default=dict)
    sentences: Mapped[list | None] = mapped_column(JsonType)  # [[start, end], ...] in code points
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    group: Mapped[TranslationGroup | None] = relationship(back_populates="documents")
    project: Mapped["Project"] = relationship()  # noqa: F821 - resolved by the registry


@event.listens_for(Document, "before_update")
def _text_is_immutable(_mapper, _conn, doc):
    if attributes.get_history(doc, "text").deleted:
        raise ValueError("a document's text never changes after import (spans depend on it)")

