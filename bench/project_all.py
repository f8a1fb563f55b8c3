#!/usr/bin/env python
"""Time of "Project all" (GET /api/v1/documents/<id>/projection?to=<id>) as the service computes it: suggestions for
every span of the demo article's English version into its Ukrainian one.

    .venv/bin/python bench/project_all.py [--spans 150] [--runs 7] [--postgres URL]

Builds a throwaway database (a SQLite file in a temporary folder; with --postgres URL that database, whose public
schema is dropped and recreated) with the demo project, marks --spans more ACTOR spans on words of five letters or
more, and prints the median of --runs runs (after one warm-up) of: one Projector for the pair (the alignment and the
project's lexicons read once per request, as the API does now) against a Projector per span (as it did before),
with the SQL statements each issued; then "Accept all" (POST /api/v1/projection/accept) of the suggestions for the
spans it marked, once, with its commit.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=150)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres")
    args = parser.parse_args(argv)
    from import_bench import fresh_database, make_app
    from sqlalchemy import event, select

    from annotator import demo
    from annotator.extensions import db
    from annotator.models import Document, Span, User
    from annotator.services import projection, spans

    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(Path(folder), args.postgres)
        app = make_app(url, Path(folder) / "instance")
        with app.app_context():
            demo.load(db.session)
            en = db.session.scalar(select(Document).where(Document.lang == "en"))
            uk = db.session.scalar(select(Document).where(Document.lang == "uk"))
            user = db.session.scalar(select(User).where(User.username == "olena"))
            taken = {s.start for s in db.session.scalars(select(Span).where(Span.document_id == en.id))}
            marked = {spans.create_span(db.session, en, en.project, user, m.start(), m.end(), "ACTOR").id
                      for m in [m for m in re.finditer(r"\w{5,}", en.text) if m.start() not in taken][:args.spans]}
            db.session.commit()
            every = list(db.session.scalars(select(Span).where(Span.document_id == en.id)))
            statements = [0]
            event.listen(db.engine, "before_cursor_execute",
                         lambda *_: statements.__setitem__(0, statements[0] + 1))

            def once_per_request():
                projector = projection.Projector(db.session, en, uk)
                return [projector.suggest(s) for s in every]

            def once_per_span():
                return [projection.Projector(db.session, en, uk).suggest(s) for s in every]

            rows = []
            for name, run in (("a Projector per request", once_per_request), ("a Projector per span", once_per_span)):
                run()
                times, statements[0] = [], 0
                for _ in range(args.runs):
                    start = time.perf_counter()
                    run()
                    times.append((time.perf_counter() - start) * 1000)
                rows.append((name, statistics.median(times), statements[0] / args.runs))
            # then "Accept all" of those suggestions, once (it writes): POST /api/v1/projection/accept
            items = [{"span": span.id, "doc": uk.id, "start": found.start, "end": found.end}
                     for span, found in zip(every, once_per_request(), strict=True)
                     if found.start is not None and span.id in marked]
            statements[0], start = 0, time.perf_counter()
            projection.accept_many(db.session, user, items, lambda sid: db.session.get(Span, sid),
                                   lambda did: db.session.get(Document, did))
            db.session.commit()
            accepted = (len(items), (time.perf_counter() - start) * 1000, statements[0])
    print(f"{len(every)} spans, {'PostgreSQL' if args.postgres else 'SQLite'}, median of {args.runs} runs\n")
    print("| how | ms | SQL statements |")
    print("|---|---|---|")
    for name, ms, count in rows:
        print(f"| {name} | {ms:.0f} | {count:.0f} |")
    print(f"\nAccept all of the {accepted[0]} suggestions for the marked spans, one call: {accepted[1]:.0f} ms, "
          f"{accepted[2]} SQL statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
