"""The `annotator` command: one click group per noun; each command commits once or not at all."""

import contextlib
import sys
from collections import Counter
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
@click.option("--expires", metavar="LIFETIME", help="Stop working after this long: 30d, 12h, 2w or 90m.")
def token_create(name, label, expires):
    """Print a new API token for user NAME (shown once, stored hashed)."""
    from .models import utcnow
    from .services import users

    lifetime = users.parse_lifetime(expires) if expires else None
    with app_context():
        target = users.get_user(session(), name)
        plain = users.create_token(session(), target, label, lifetime)
        session().commit()
        until = f", valid until {_when(utcnow() + lifetime)} UTC" if lifetime else ""
        click.echo(f"API token for {name}{until} (shown once; send it as 'Authorization: Bearer <token>'):",
                   err=True)
        click.echo(plain)


@token.command("list")
@click.argument("name", required=False)
def token_list(name):
    """List the API tokens of user NAME, or of everyone (times in UTC)."""
    from .services import users

    with app_context():
        owner = users.get_user(session(), name) if name else None
        rows = users.list_tokens(session(), owner)
        click.echo("id\tuser\tprefix\tlabel\tcreated\tlast used\texpires\tstate")
        for t in rows:
            click.echo("\t".join([str(t.id), t.user.username, t.prefix or "-", t.name or "-", _when(t.created_at),
                                  _when(t.last_used_at), _when(t.expires_at), users.token_state(t)]))


@token.command("revoke")
@click.argument("ref", metavar="ID|PREFIX")
def token_revoke(ref):
    """Revoke an API token, found by its id or the start of the token (see `token list`)."""
    from .services import users

    with app_context():
        found = users.find_token(session(), ref)
        users.revoke_token(session(), found)
        session().commit()
        click.echo(f"token {found.id} ({found.prefix or 'no prefix'}) of {found.user.username} revoked")


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


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
        _say_detected(parsed.inputs)
        with click.progressbar(length=len(parsed.inputs), label="importing", file=sys.stderr) as bar:
            try:
                result = imports.import_documents(session(), target, parsed.inputs, add_labels=add_labels,
                                                  progress=bar.update)
            except DomainError as exc:
                for problem in exc.extra.get("problems", []):
                    click.echo(problem, err=True)
                if exc.extra.get("missing_labels"):
                    click.echo(f"the project has no label {', '.join(exc.extra['missing_labels'])}: pass --add-labels "
                               "to add the labels the files use", err=True)
                raise
        for where, reason in result.skipped:
            click.echo(f"skipped {where}: {reason}", err=True)
        for name, count in result.left_out.items():
            click.echo(f"left out '{name}' ({count} value(s)): the project has no attribute or document field of "
                       "that name", err=True)
        if dry_run:
            session().rollback()
            click.echo(f"dry run: would import {len(result.created)} document(s) with {result.span_count} span(s), "
                       f"skip {len(result.skipped)}")
        else:
            session().commit()
            click.echo(f"imported {len(result.created)} document(s) with {result.span_count} span(s) into "
                       f"{target.name}, skipped {len(result.skipped)}")


def _say_detected(inputs) -> None:
    """Which languages were detected for documents that named none (each document keeps its guess in meta)."""
    found = Counter(i.meta["language_detected"]["lang"] for i in inputs if "language_detected" in i.meta)
    if found:
        click.echo(f"language detected for {found.total()} document(s): "
                   + ", ".join(f"{lang} {n}" for lang, n in found.most_common()), err=True)


def _read_files(paths):
    from flask import current_app

    from .ingest.files import read_all

    limit = int(float(current_app.config["MAX_IMPORT_MB"]) * (1 << 20))
    with click.progressbar(paths, label="reading", file=sys.stderr) as bar:
        return read_all(bar, limit)


@main.command()
@click.argument("target", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def backup(target, force):
    """Copy the SQLite database to FILE, consistently, while the app keeps running (PostgreSQL: use pg_dump)."""
    from .backup import copy_sqlite
    from .extensions import db

    with app_context(check_schema=False):
        url = db.engine.url
    if url.get_backend_name() != "sqlite":
        shown = url.set(drivername="postgresql").render_as_string(hide_password=True)
        raise click.ClickException(
            "annotator backup copies SQLite databases. For PostgreSQL use its own tools, e.g.\n"
            f"  pg_dump --format=custom --file={target} '{shown}'\n"
            f"and to restore into an empty database: pg_restore --dbname=NEW_DATABASE_URL {target}")
    source = Path(url.database or "")
    if not url.database or url.database == ":memory:" or not source.is_file():
        raise click.ClickException(f"no SQLite database file at '{url.database}'")
    if target.exists() and not force:
        raise click.ClickException(f"{target} exists: choose another name or add --force to replace it")
    if target.resolve() == source.resolve():
        raise click.ClickException("FILE is the database itself: choose another name")
    with click.progressbar(length=1, label="copying", file=sys.stderr, show_percent=True) as bar:
        def progress(done, total):
            bar.length = total
            bar.update(done - bar.pos)

        copy_sqlite(source, target, progress)
    click.echo(f"backup of {source} written to {target} ({target.stat().st_size / 1e6:.1f} MB); to restore, "
               "stop the app and put this file in the database's place (or point ANNOTATOR_DATABASE_URL at it)")


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
              help="Write to this file (gzip when it ends in .gz), whole or not at all; standard output by default.")
@click.option("--format", "fmt", default="jsonl", show_default=True, help="Export format.")
@click.option("--layer", default="gold", show_default=True, help="gold, all, or one annotator's user name.")
@click.option("--lang", "langs", multiple=True, help="Only these languages (repeatable).")
@click.option("--label", "labels", multiple=True, help="Only spans with these labels (repeatable).")
@click.option("--status", "statuses", multiple=True, help="Only spans with this review status (repeatable).")
@click.option("--by-group", is_flag=True, help="One line per translation group holding its versions.")
@click.option("--include-unreviewed", is_flag=True, help="The gold layer also holds documents not reviewed yet.")
@click.option("--split", "ratios", help="Train/dev/test percentages, e.g. 80/10/10: writes FILE.train.EXT, "
              "FILE.dev.EXT and FILE.test.EXT (needs -o); an article's versions stay in one part.")
@click.option("--seed", default="0", show_default=True, help="Seed of the split (same seed, same split).")
def export(project_ref, output, fmt, layer, langs, labels, statuses, by_group, include_unreviewed, ratios, seed):
    """Export PROJECT's documents and annotations, streamed. What the format cannot hold is counted on
    standard error."""
    from . import export as formats
    from .export import ExportRequest, left_out, split
    from .services import projects

    with app_context():
        target = projects.get_project(session(), project_ref)
        req = ExportRequest(layer, list(langs), list(labels), list(statuses), by_group,
                            include_unreviewed).validated(session(), target)
        skipped = left_out(session(), target, req)
        formats.writer_for(fmt)
        losses = formats.Losses()
        if ratios:
            if output is None:
                raise click.UsageError("--split writes three files: name them with -o FILE")
            part = split.parse_ratios(ratios), split.parse_seed(seed)
            for name in split.PARTS:
                path = _part_path(output, name)
                count = _write_lines(formats.lines(fmt, session(), target, req, losses, (*part, name)), path)
                click.echo(f"exported {count} line(s) of {target.name} to {path}", err=True)
        else:
            count = _write_lines(formats.lines(fmt, session(), target, req, losses), output)
            click.echo(f"exported {count} line(s) of {target.name}" + (f" to {output}" if output else ""), err=True)
        if skipped:
            click.echo(f"{skipped} document(s) left out: not reviewed (use --include-unreviewed)", err=True)
        if losses:
            click.echo(f"the {fmt} format could not hold: " + "; ".join(losses.lines()), err=True)


def _part_path(output: Path, part: str) -> Path:
    """out.conll -> out.train.conll (out.jsonl.gz -> out.train.jsonl.gz)."""
    gz = output.suffix == ".gz"
    base = output.with_suffix("") if gz else output
    return base.with_name(f"{base.stem}.{part}{base.suffix}" + (".gz" if gz else ""))


def _write_lines(lines, output: Path | None) -> int:
    """Write the lines to standard output, or to a temporary file next to `output` renamed to it once complete:
    an export that fails or is killed leaves no partial file under that name (nor replaces an older one). The
    file's bytes reach the disk before the rename, and the rename before the command ends (fsync of the file,
    then of its folder), so that a power cut cannot leave an empty or cut file under the name either."""
    import contextlib
    import gzip
    import os
    import tempfile

    if output is None:
        count = sum(1 for line in lines if sys.stdout.buffer.write(line) is not None)
        sys.stdout.buffer.flush()
        return count
    fd, part = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as raw:
            with (gzip.GzipFile(fileobj=raw, mode="wb", filename=output.stem) if output.suffix == ".gz"
                  else contextlib.nullcontext(raw)) as out:
                count = sum(1 for line in lines if out.write(line) is not None)
            raw.flush()
            os.fsync(raw.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(part, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        os.replace(part, output)
    except BaseException:
        os.unlink(part)
        raise
    try:  # the export is whole under its name by now: a folder that cannot be synced (Windows, some network
        folder = os.open(output.parent, os.O_RDONLY)  # file systems answer EINVAL) must not fail the command
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass
    return count


@main.command("align")
@click.argument("project_ref", metavar="PROJECT")
@click.option("--group", "group_key", help="Only this translation group (its key or id).")
@click.option("--force", is_flag=True, help="Also replace alignments that people have confirmed.")
def align_cmd(project_ref, group_key, force):
    """(Re)compute automatic sentence alignments of PROJECT's translation groups."""
    from sqlalchemy import or_, select

    from .ids import as_id
    from .models import TranslationGroup
    from .services import alignment, projects

    with app_context():
        target = projects.get_project(session(), project_ref)
        query = select(TranslationGroup).where(TranslationGroup.project_id == target.id)
        if group_key:
            ident = as_id(group_key) or -1
            query = query.where(or_(TranslationGroup.key == group_key, TranslationGroup.id == ident))
        groups = session().scalars(query.order_by(TranslationGroup.id)).all()
        if group_key and not groups:
            raise click.ClickException(f"no translation group '{group_key}' in {target.name}")
        totals = {"aligned": 0, "kept": 0}
        lexicons = alignment.project_lexicons(session(), target.id)  # once: the project's confirmations so far
        with click.progressbar(groups, label="aligning", file=sys.stderr) as bar:
            for group in bar:
                for key, n in alignment.align_group(session(), group, force, lexicons).items():
                    totals[key] += n
        session().commit()
        click.echo(f"aligned {totals['aligned']} pair(s) in {len(groups)} group(s); "
                   f"kept {totals['kept']} with confirmed links")
