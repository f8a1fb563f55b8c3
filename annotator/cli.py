"""The `annotator` command: one click group per noun; each command commits once or not at all."""

import contextlib
import sys
from pathlib import Path

import click
from sqlalchemy.exc import OperationalError

from .errors import DomainError


class Group(click.Group):
    """Turns domain errors into a one-line reason on stderr and a non-zero exit."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DomainError as exc:
            _rollback()
            raise click.ClickException(exc.message) from None
        except OperationalError as exc:
            _rollback()
            raise click.ClickException(f"database error: {exc.orig}") from None


def _rollback():
    from .extensions import db

    with contextlib.suppress(Exception):  # the original error is what the user needs to see
        db.session.rollback()


_app = None


def app_context(check_schema: bool = True):
    """The app for this command, created on first use (so --help works without a database). Unless told not to
    (init), the database must be at this version's schema: an older one gets a message, not a SQL error."""
    global _app
    if _app is None:
        from . import create_app
        from .db import current_revision, head_revision
        from .extensions import db

        _app = create_app()
        if check_schema:
            with _app.app_context():
                have, need = current_revision(db.engine), head_revision()
            if have is None:
                raise click.ClickException("the database is empty: run `annotator init` first")
            if have != need:
                raise click.ClickException(f"the database has schema {have}, this annotator needs {need}: run "
                                           "`annotator init` to upgrade it (existing data is kept)")
    return _app.app_context()


def session():
    from .extensions import db

    return db.session


@click.group(cls=Group)
@click.version_option(package_name="annotator")
def main():
    """annotator: multilingual, parallel news annotation."""


@main.command()
@click.option("--demo", is_flag=True, help="Also load the bundled sample project and demo users.")
def init(demo):
    """Create or upgrade the database to the newest schema (existing data is kept)."""
    from .db import upgrade
    from .extensions import db

    with app_context(check_schema=False):
        upgrade(db.engine)
        click.echo(f"database ready: {db.engine.url.render_as_string(hide_password=True)}")
        if demo:
            from . import demo as demo_data

            project, users = demo_data.load(db.session)
            db.session.commit()
            click.echo(f"demo project '{demo_data.PROJECT_NAME}' "
                       + ("created" if project else "already present (kept as it is)"))
            for name, role, password in users:
                click.echo(f"  demo user {name:<6} ({role:<9}) password: {password}")
            if users:
                click.echo("  (passwords are shown only now; change them with `annotator user passwd NAME`)")


@main.group()
def user():
    """Manage accounts."""


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise click.ClickException("--password-stdin: no password on standard input")
        return line.rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["admin", "reviewer", "annotator"]), required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password as one line from standard input.")
def user_add(name, role, password_stdin):
    """Add a user."""
    from .services import users

    password = _read_password(password_stdin)
    with app_context():
        created = users.create_user(session(), name, role, password)
        session().commit()
        click.echo(f"user {created.username} added ({created.role.value})")


@user.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password as one line from standard input.")
def user_passwd(name, password_stdin):
    """Set a user's password."""
    from .services import users

    with app_context():
        target = users.get_user(session(), name)
        users.set_password(session(), target, _read_password(password_stdin))
        session().commit()
        click.echo(f"password of {name} changed")


@user.command("deactivate")
@click.argument("name")
def user_deactivate(name):
    """Stop a user from logging in (their work is kept)."""
    from .services import users

    with app_context():
        users.set_active(session(), users.get_user(session(), name), False)
        session().commit()
        click.echo(f"user {name} deactivated")


@user.command("list")
def user_list():
    """List users."""
    from sqlalchemy import select

    from .models import User

    with app_context():
        for u in session().scalars(select(User).order_by(User.username)):
            click.echo(f"{u.username}\t{u.role.value}\t{'active' if u.active else 'deactivated'}")


@main.group()
def token():
    """API tokens."""


@token.command("create")
@click.argument("name")
@click.option("--label", default="", help="What the token is for.")
def token_create(name, label):
    """Print a new API token for user NAME (shown once, stored hashed)."""
    from .services import users

    with app_context():
        target = users.get_user(session(), name)
        plain = users.create_token(session(), target, label)
        session().commit()
        click.echo(f"API token for {name} (shown once; send it as 'Authorization: Bearer <token>'):", err=True)
        click.echo(plain)


@main.group()
def project():
    """Projects."""


@project.command("create")
@click.argument("name")
@click.option("--schema", type=click.File("rb"), help="A JSON label schema (labels and relations).")
@click.option("--description", default="")
def project_create(name, schema, description):
    """Create a project with the default schema (ACTOR, CLAIM, POSITION) or the one given."""
    import orjson

    from .services import projects

    loaded = None
    if schema is not None:
        try:
            loaded = orjson.loads(schema.read())
        except orjson.JSONDecodeError as exc:
            raise click.ClickException(f"{schema.name}: not valid JSON ({exc})") from None
    with app_context():
        created = projects.create_project(session(), name, description, schema=loaded)
        session().commit()
        click.echo(f"project {created.name} created (id {created.id})")


@project.command("list")
def project_list():
    """List projects with their document counts."""
    from .services import projects

    with app_context():
        for p, n in projects.project_summaries(session()):
            click.echo(f"{p.id}\t{p.name}\t{n} documents")


@project.group("member")
def member():
    """A project's members and their role in it (annotator, reviewer, manager)."""


@member.command("add")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("name")
@click.option("--role", type=click.Choice(["annotator", "reviewer", "manager"]),
              help="Default: the project role named like the user's global role.")
def member_add(project_ref, name, role):
    """Make user NAME a member of PROJECT (or change their role in it)."""
    from .services import members, projects

    with app_context():
        added = members.add_member(session(), projects.get_project(session(), project_ref), name, role)
        session().commit()
        click.echo(f"{name} is a member of {project_ref} as {added.role.value}")


@member.command("remove")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("name")
def member_remove(project_ref, name):
    """Take user NAME out of PROJECT."""
    from .services import members, projects

    with app_context():
        members.remove_member(session(), projects.get_project(session(), project_ref), name)
        session().commit()
        click.echo(f"{name} removed from {project_ref}")


@member.command("list")
@click.argument("project_ref", metavar="PROJECT")
def member_list(project_ref):
    """List PROJECT's members with their role in it."""
    from .services import members, projects

    with app_context():
        for m in members.list_members(session(), projects.get_project(session(), project_ref)):
            click.echo(f"{m.user.username}\t{m.role.value}")


@main.command("import")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", default="auto", show_default=True, help="Language of txt files (uk, en, ru, …).")
@click.option("--format", "fmt", type=click.Choice(["auto", "txt", "jsonl", "doccano", "labelstudio"]),
              default="auto", show_default=True)
@click.option("--dry-run", is_flag=True, help="Check everything and report; write nothing.")
@click.option("--add-labels", is_flag=True, help="Add labels the files use but the schema lacks.")
def import_(project_ref, files, lang, fmt, dry_run, add_labels):
    """Import documents from FILES into PROJECT: all of them, or none if any has a problem."""
    from .ingest import parse_files
    from .services import imports, projects

    with app_context():
        target = projects.get_project(session(), project_ref)
        parsed = parse_files(_read_files(files), fmt, lang)  # raises Invalid over the import size limit
        if parsed.errors:
            for err in parsed.errors:
                click.echo(err.message, err=True)
            raise click.ClickException(f"nothing imported: {len(parsed.errors)} problem(s) in the input")
        with click.progressbar(length=len(parsed.inputs), label="importing", file=sys.stderr) as bar:
            try:
                result = imports.import_documents(session(), target, parsed.inputs, add_labels=add_labels,
                                                  progress=bar.update)
            except DomainError as exc:
                for problem in exc.extra.get("problems", []):
                    click.echo(problem, err=True)
                raise
        for where, reason in result.skipped:
            click.echo(f"skipped {where}: {reason}", err=True)
        if dry_run:
            session().rollback()
            click.echo(f"dry run: would import {len(result.created)} document(s) with {_span_count(result)} span(s), "
                       f"skip {len(result.skipped)}")
        else:
            session().commit()
            click.echo(f"imported {len(result.created)} document(s) with {_span_count(result)} span(s) into "
                       f"{target.name}, skipped {len(result.skipped)}")


def _span_count(result) -> int:
    return result.span_count


def _read_files(paths):
    from flask import current_app

    from .ingest.files import read_all

    limit = int(float(current_app.config["MAX_IMPORT_MB"]) * (1 << 20))
    with click.progressbar(paths, label="reading", file=sys.stderr) as bar:
        return read_all(bar, limit)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes; more than one runs gunicorn (pip install 'annotator[server]') and needs "
                   "PostgreSQL.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Threads per worker process.")
@click.option("--connection-limit", default=1000, show_default=True, type=click.IntRange(1, 100_000),
              help="Open client connections one waitress process keeps (idle keep-alive ones included).")
def serve(host, port, workers, threads, connection_limit):
    """Serve the app: waitress in this process, or gunicorn with several worker processes."""
    from .extensions import db

    with app_context():  # checks the database's schema
        backend = db.engine.url.get_backend_name()
        db.engine.dispose()  # connections are not shared with the workers gunicorn forks
    if workers > 1:
        _serve_with_gunicorn(host, port, workers, threads, backend)
        return
    import waitress

    click.echo(f"annotator serving on http://{host}:{port}/ (Ctrl+C to stop)")
    waitress.serve(_app, host=host, port=port, threads=threads, connection_limit=connection_limit,
                   ident="annotator")


def _serve_with_gunicorn(host, port, workers, threads, backend):
    if backend == "sqlite":
        raise click.ClickException("several worker processes need PostgreSQL (SQLite takes one writer at a time); "
                                   "set ANNOTATOR_DATABASE_URL=postgresql://... or serve with --workers 1")
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        raise click.ClickException("--workers needs gunicorn: pip install 'annotator[server]' "
                                   "(or serve with --workers 1)") from None

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                               "worker_class": "gthread", "worker_connections": 1000, "keepalive": 30,
                               "proc_name": "annotator"}.items():
                self.cfg.set(key, value)

        def load(self):
            from . import create_app

            return create_app()  # in each worker, after the fork: its own connection pool

    click.echo(f"annotator serving on http://{host}:{port}/ with {workers} gunicorn workers (Ctrl+C to stop)")
    Server().run()


@main.command("export")
@click.argument("project_ref", metavar="PROJECT")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (gzip when it ends in .gz); standard output by default.")
@click.option("--format", "fmt", default="jsonl", show_default=True, help="Export format.")
@click.option("--layer", default="gold", show_default=True, help="gold, all, or one annotator's user name.")
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable).")
@click.option("--label", "labels", multiple=True, help="Only spans with these labels (repeatable).")
@click.option("--status", "statuses", multiple=True, help="Only spans with this review status (repeatable).")
@click.option("--by-group", is_flag=True, help="One line per translation group holding its versions.")
def export(project_ref, output, fmt, layer, langs, labels, statuses, by_group):
    """Export PROJECT's documents and annotations, streamed."""
    from .export import ExportRequest, fragments, writer_for
    from .services import projects

    with app_context():
        target = projects.get_project(session(), project_ref)
        req = ExportRequest(layer, list(langs), list(labels), list(statuses), by_group).validated(session(), target)
        stale = fragments.stale_count(session(), target)
        if stale > CHUNK_NOTICE:  # e.g. the first export after an upgrade: the spans' JSON is written once
            with click.progressbar(length=stale, label="preparing spans", file=sys.stderr) as bar:
                fragments.refresh(session(), target, progress=bar.update)
        lines = writer_for(fmt)(session(), target, req)
        count = _write_lines(lines, output)
        click.echo(f"exported {count} line(s) of {target.name}" + (f" to {output}" if output else ""), err=True)


CHUNK_NOTICE = 10_000  # spans to prepare before an export that are worth a progress bar


def _write_lines(lines, output) -> int:
    import gzip

    if output is None:
        out, close = sys.stdout.buffer, False
    elif output.suffix == ".gz":
        out, close = gzip.open(output, "wb"), True  # noqa: SIM115 - closed below
    else:
        out, close = open(output, "wb"), True  # noqa: SIM115 - closed below, stdout is not ours to close
    count = 0
    try:
        for line in lines:
            out.write(line)
            count += 1
    finally:
        if close:
            out.close()
        else:
            out.flush()
    return count


@main.command("align")
@click.argument("project_ref", metavar="PROJECT")
@click.option("--group", "group_key", help="Only this translation group (its key or id).")
@click.option("--force", is_flag=True, help="Also replace alignments that people have confirmed.")
def align_cmd(project_ref, group_key, force):
    """(Re)compute automatic sentence alignments of PROJECT's translation groups."""
    from sqlalchemy import or_, select

    from .models import TranslationGroup
    from .services import alignment, projects

    with app_context():
        target = projects.get_project(session(), project_ref)
        query = select(TranslationGroup).where(TranslationGroup.project_id == target.id)
        if group_key:
            ident = int(group_key) if group_key.isdigit() else -1
            query = query.where(or_(TranslationGroup.key == group_key, TranslationGroup.id == ident))
        groups = session().scalars(query.order_by(TranslationGroup.id)).all()
        if group_key and not groups:
            raise click.ClickException(f"no translation group '{group_key}' in {target.name}")
        totals = {"aligned": 0, "kept": 0}
        with click.progressbar(groups, label="aligning", file=sys.stderr) as bar:
            for group in bar:
                for key, n in alignment.align_group(session(), group, force).items():
                    totals[key] += n
        session().commit()
        click.echo(f"aligned {totals['aligned']} pair(s) in {len(groups)} group(s); "
                   f"kept {totals['kept']} with confirmed links")
