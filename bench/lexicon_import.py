#!/usr/bin/env python
"""Importing translation groups into a project that already has many, some of them confirmed.

    .venv/bin/python bench/lexicon_import.py [--groups 400] [--confirmed 50] [--postgres URL]

Generates 2 x GROUPS uk/en/ru groups with bench/gen_corpus.py (no spans; their alignment left out, so that
the import aligns them), imports the first GROUPS into a fresh
database (a SQLite file in a temporary folder, or the given PostgreSQL database, whose public schema is dropped
and recreated), marks every bead of the first CONFIRMED pairs confirmed, then times the import of the other
GROUPS: the whole import (aligning included) and the part of it spent in services.alignment.project_lexicons,
and counts the statements that read over the whole project's alignments (those joining alignments to
translation_groups). Run it with PYTHONPATH pointing at another checkout's code to compare.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import orjson
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).parent))
from import_bench import create_project, fresh_database, generate, make_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=400)
    parser.add_argument("--confirmed", type=int, default=50)
    parser.add_argument("--postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = workdir / "groups.jsonl"
        generate(corpus, 6 * args.groups, 0, True)
        lines = [orjson.dumps({k: v for k, v in orjson.loads(line).items() if k != "alignment"})
                 for line in corpus.read_bytes().splitlines()]  # aligned by the import, not carried
        first, second = workdir / "first.jsonl", workdir / "second.jsonl"
        first.write_bytes(b"\n".join(lines[:3 * args.groups]))
        second.write_bytes(b"\n".join(lines[3 * args.groups:]))
        app = make_app(fresh_database(workdir, args.postgres), workdir / "instance")
        create_project(app)
        print(run(app, first, second, args.confirmed))


def run(app, first: Path, second: Path, confirmed: int) -> str:
    from sqlalchemy import select

    from annotator.extensions import db
    from annotator.ingest import parse_files
    from annotator.models import Alignment
    from annotator.services import alignment, imports, projects

    def import_file(path: Path) -> int:
        parsed = parse_files([(str(path), path.read_bytes())], "auto", "auto")
        result = imports.import_documents(db.session, projects.get_project(db.session, "bench"), parsed.inputs)
        db.session.commit()
        return len(result.created)

    with app.app_context():
        import_file(first)
        for row in db.session.scalars(select(Alignment).order_by(Alignment.id).limit(confirmed)):
            row.beads = [[a, b, "confirmed"] for a, b, _ in orjson.loads(orjson.dumps(row.beads))]
        db.session.commit()
        existing = db.session.query(Alignment).count()
        statements, spent = [], [0.0]
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        learn = alignment.project_lexicons

        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return learn(*a, **k)
            finally:
                spent[0] += time.perf_counter() - t

        alignment.project_lexicons = timed
        t = time.perf_counter()
        docs = import_file(second)
        total = time.perf_counter() - t
        wide = sum("FROM alignments JOIN translation_groups" in s for s in statements)
    return (f"{docs} documents ({docs // 3} groups) onto {existing} alignments ({confirmed} confirmed): "
            f"{total:.2f} s, of it {spent[0]:.2f} s in project_lexicons; {wide} statement(s) over the project's "
            f"alignments")


if __name__ == "__main__":
    main()
