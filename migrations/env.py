"""Alembic environment: runs on the connection annotator hands over (see annotator.db.upgrade)."""

from alembic import context
from sqlalchemy import create_engine

config = context.config


def run_migrations(connection):
    context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite",
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # plain `alembic -x url=... upgrade head`
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    with create_engine(url).begin() as conn:
        run_migrations(conn)
