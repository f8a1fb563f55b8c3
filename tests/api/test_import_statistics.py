"""A large import brings PostgreSQL's planner statistics up to date in its own transaction, so the next export
and pages are planned for the tables as they are (see services/imports._refresh_statistics)."""

import pytest
from sqlalchemy import text

from annotator.extensions import db
from annotator.ingest import parse_files
from annotator.services import imports
from annotator.services import projects as project_service


def test_a_large_import_analyzes_the_tables_it_filled(app, make, backend, monkeypatch):
    if backend != "postgres":
        pytest.skip("SQLite plans without table statistics")
    monkeypatch.setattr(imports, "ANALYZED_AFTER", 3)  # "large" scaled down to three documents
    make.project("stats")
    files = [(f"story{i}.en.txt", f"Story {i}. The council met on Tuesday and agreed the budget.".encode())
             for i in range(3)]
    with app.app_context():
        parsed = parse_files(files, "txt", "en")
        assert not parsed.errors
        imports.import_documents(db.session, project_service.get_project(db.session, "stats"), parsed.inputs)
        db.session.commit()
        counted = db.session.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'documents'"))
    assert counted == 3
