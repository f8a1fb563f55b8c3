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
