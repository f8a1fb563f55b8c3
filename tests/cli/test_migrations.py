"""The migrations build exactly the schema the models describe, on each backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from annotator.db import Base, upgrade


def test_migrations_match_the_models(empty_database_url):
    engine = create_engine(empty_database_url)
    upgrade(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert differences == []


def test_0012_adds_document_labels_keeps_the_data_and_bumps_revisions(empty_database_url):
    """A database as 0011 left it, with a document and a kept export line: after the upgrade the rows are
    there, the kept line is dropped (it lacks doc_labels), and a document label bumps the revision."""
    from sqlalchemy import func, insert, select

    from annotator.db import current_revision

    tables = Base.metadata.tables
    engine = create_engine(empty_database_url)
    upgrade(engine, "0011")
    with engine.begin() as conn:
        user = conn.execute(insert(tables["users"]).values(username="olena", role="annotator",
                                                           password_hash="x")).inserted_primary_key[0]
        project = conn.execute(insert(tables["projects"]).values(name="p", label_schema={"labels": []})
                               ).inserted_primary_key[0]
        doc = conn.execute(insert(tables["documents"]).values(project_id=project, lang="en", text="Some text.",
                                                              content_hash="h")).inserted_primary_key[0]
        conn.execute(insert(tables["export_lines"]).values(document_id=doc, layer="gold", revision=0, line=b"{}"))
    upgrade(engine, "0012")
    assert current_revision(engine) == "0012"
    with engine.begin() as conn:
        assert conn.scalar(select(tables["documents"].c.text)) == "Some text."
        assert conn.scalar(select(func.count()).select_from(tables["export_lines"])) == 0
        before = conn.scalar(select(func.coalesce(func.max(tables["document_revisions"].c.revision), 0)))
        conn.execute(insert(tables["document_labels"]).values(document_id=doc, annotator_id=user,
                                                              values={"stance": "support"}))
        after = conn.scalar(select(tables["document_revisions"].c.revision)
                            .where(tables["document_revisions"].c.document_id == doc))
        assert after == before + 1
    engine.dispose()


def test_0012_downgrade_drops_the_kept_lines_that_hold_document_labels(empty_database_url):
    from alembic import command
    from sqlalchemy import func, insert, select

    from annotator.db import alembic_config

    tables = Base.metadata.tables
    engine = create_engine(empty_database_url)
    upgrade(engine)
    with engine.begin() as conn:
        project = conn.execute(insert(tables["projects"]).values(name="p", label_schema={"labels": []})
                               ).inserted_primary_key[0]
        doc = conn.execute(insert(tables["documents"]).values(project_id=project, lang="en", text="Some text.",
                                                              content_hash="h")).inserted_primary_key[0]
        conn.execute(insert(tables["export_lines"]).values(document_id=doc, layer="gold", revision=0,
                                                           line=b'{"doc_labels":{"stance":"support"}}'))
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0011")
    with engine.begin() as conn:
        assert conn.scalar(select(tables["documents"].c.text)) == "Some text."
        assert conn.scalar(select(func.count()).select_from(tables["export_lines"])) == 0
    engine.dispose()


def test_0013_drops_the_plain_kept_lines_and_keeps_the_data(empty_database_url):
    """Lines kept before 0013 are plain JSON; from 0013 the export reads lz4 blocks, so the upgrade drops them
    (the next export builds them again) and keeps everything else."""
    from sqlalchemy import func, insert, select

    from annotator.db import current_revision

    tables = Base.metadata.tables
    engine = create_engine(empty_database_url)
    upgrade(engine, "0012")
    with engine.begin() as conn:
        project = conn.execute(insert(tables["projects"]).values(name="p", label_schema={"labels": []})
                               ).inserted_primary_key[0]
        doc = conn.execute(insert(tables["documents"]).values(project_id=project, lang="en", text="Some text.",
                                                              content_hash="h")).inserted_primary_key[0]
        conn.execute(insert(tables["export_lines"]).values(document_id=doc, layer="all", revision=0, line=b"{}"))
    upgrade(engine)
    assert current_revision(engine) == "0013"
    with engine.begin() as conn:
        assert conn.scalar(select(tables["documents"].c.text)) == "Some text."
        assert conn.scalar(select(func.count()).select_from(tables["export_lines"])) == 0
    engine.dispose()
