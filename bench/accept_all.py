#!/usr/bin/env python
"""Time of "Accept all" (POST /api/v1/projection/accept) as the service does it: every suggestion of "Project all" for
new ACTOR spans of the demo article's English version, accepted into its Ukrainian one in one call.

    .venv/bin/python bench/accept_all.py [--spans 150] [--postgres URL]

Builds a throwaway database (a SQLite file in a temporary folder; with --postgres URL that database, whose public
schema is dropped and recreated) with the demo project, marks --spans ACTOR spans on words of five letters or more,
lists their suggestions, and accepts those that have a counterpart once: the time and the SQL statements of that call
(and its commit), by kind.
"""

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spans", type=int, default=150)
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
            sources = [spans.create_span(db.session, en, en.project, user, m.start(), m.end(), "ACTOR")
                       for m in [m for m in re.finditer(r"\w{5,}", en.text) if m.start() not in taken][:args.spans]]
            db.session.commit()
            projector = projection.Projector(db.session, en, uk)
            items = [{"span": s.id, "doc": uk.id, "start": found.start, "end": found.end}
                     for s in sources if (found := projector.suggest(s)).start is not None]
            kinds = Counter()
            event.listen(db.engine, "before_cursor_execute",
                         lambda _c, _k, statement, *_: kinds.update([" ".join(statement.split()[:3])[:40]]))
            started = time.perf_counter()
            projection.accept_many(db.session, user, items, lambda sid: db.session.get(Span, sid),
                                   lambda did: db.session.get(Document, did))
            db.session.commit()
            ms = (time.perf_counter() - started) * 1000
    print(f"{len(items)} suggestions accepted, {'PostgreSQL' if args.postgres else 'SQLite'}\n")
    print("| ms | SQL statements | most frequent |")
    print("|---|---|---|")
    print(f"| {ms:.0f} | {sum(kinds.values())} | {', '.join(f'{k} × {n}' for k, n in kinds.most_common(3))} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
