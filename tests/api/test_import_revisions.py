"""An import bumps each document it writes once, whatever the database: on SQLite the span and relation insert
triggers are set aside inside the import's own transaction and put back exactly as they were, also when the
import fails (services/bulk.BulkWriter._revisions_bumped_once)."""

from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from annotator.extensions import db
from annotator.ingest import parse_files
from annotator.models import Document, DocumentRevision, Span
from annotator.services import imports
from annotator.services import projects as project_service

CORPUS = Path(__file__).parents[1] / "data" / "formats" / "corpus.jsonl"


def triggers(app) -> dict:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return {}
        return dict(db.session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())


def run_import(app):
    with app.app_context():
        parsed = parse_files([("corpus.jsonl", CORPUS.read_bytes())], "jsonl")
        assert not parsed.errors
        imports.import_documents(db.session, project_service.get_project(db.session, "talks"), parsed.inputs,
                                 add_labels=True)
        db.session.commit()


def test_an_import_bumps_each_document_and_puts_the_triggers_back(app, make):
    make.project("talks")
    before = triggers(app)
    run_import(app)
    assert triggers(app) == before
    with app.app_context():
        docs = db.session.scalars(select(Document.id)).all()
        revisions = dict(db.session.execute(select(DocumentRevision.document_id, DocumentRevision.revision)).all())
        assert docs and all(revisions.get(d, 0) >= 1 for d in docs)
        # the trigger is back: a later change to one document bumps it
        span = db.session.scalar(select(Span).order_by(Span.id).limit(1))
        db.session.execute(insert(Span).values(document_id=span.document_id, annotator_id=span.annotator_id,
                                               start=span.start, end=span.end, label="CLAIM", attrs={},
                                               status=span.status, version=1))
        db.session.commit()
        after = db.session.scalar(select(DocumentRevision.revision)
                                  .where(DocumentRevision.document_id == span.document_id))
        assert after == revisions[span.document_id] + 1


def test_a_failed_import_leaves_the_triggers_and_writes_nothing(app, make, monkeypatch):
    make.project("talks")
    before = triggers(app)

    def fail(*args, **kwargs):
        raise RuntimeError("stopped after the span rows were written")

    monkeypatch.setattr(imports, "_auto_assign", fail)
    with pytest.raises(RuntimeError):
        run_import(app)
    with app.app_context():
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(Span)) == 0
    assert triggers(app) == before


def test_a_bulk_insert_failing_midway_in_a_fresh_transaction_keeps_the_trigger(app):
    """The trigger is dropped inside a transaction even when nothing was written before (Python's sqlite3 opens
    one only before DML): a failure between the drop and the re-creation is rolled back with everything else."""
    from annotator.services.bulk import BulkWriter

    before = triggers(app)

    def rows():
        raise RuntimeError("the file broke off")
        yield ()

    with app.app_context():
        with pytest.raises(RuntimeError):
            BulkWriter(db.session).insert(Span.__table__, ("id", "document_id"), rows())
        db.session.rollback()
    assert triggers(app) == before
