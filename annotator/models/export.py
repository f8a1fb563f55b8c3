"""Export lines kept per document revision (see annotator/export/lines.py and migration 0007)."""

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class DocumentRevision(db.Model):
    """A number that database triggers bump whenever anything a document's export line shows changes (its
    spans, relations, span links, alignments, review state, and the names the line shows). No row: revision 0.
    Nothing in Python writes it."""

    __tablename__ = "document_revisions"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int]


class ExportLine(db.Model):
    """A document's finished native export line for one layer (gold or all), built at `revision`, lz4-compressed
    (lz4.block): used only while that is still the document's revision."""

    __tablename__ = "export_lines"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    layer: Mapped[str] = mapped_column(String(10), primary_key=True)
    revision: Mapped[int]
    line: Mapped[bytes] = mapped_column(LargeBinary)
