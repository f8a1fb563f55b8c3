#!/usr/bin/env python
"""Project search and mark at size: how long a search over every document takes, and marking its hits.

    .venv/bin/python bench/search.py [-n 2000] [--chars 3000] [--runs 5] [--postgres URL]

Generates a corpus with bench/gen_corpus.py (-n documents of about --chars characters, uk/en/ru, 10 spans
each), imports it into a fresh database (a SQLite file in a temporary folder, or with --postgres URL that
database, whose public schema is dropped and recreated: give it a throwaway one), then times, in-process:
  search   services.search.search() for several queries (the median of --runs), one page of 200 hits with
           their context and the caller's covering labels; "api" the same through GET /api/v1/.../search
  mark     services.search.mark() and the commit, for the first 1,000 and 5,000 hits of a frequent name
Prints a table: query, hits, documents, milliseconds. Target: a search well under a second.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

QUERIES = [  # (query, lang, forms)
    ("Київ", None, True),
    ("Коваль", None, True),
    ("Олена Коваль", None, True),
    ("Киев", "ru", True),
    ("Kyiv", "en", True),
    ("Київ", None, False),
    ("і", None, True),  # the commonest Ukrainian word: the worst case for counting
]


def build(workdir: Path, docs: int, chars: int, postgres: str | None):
    import subprocess

    from import_bench import create_project, fresh_database, import_corpus, make_app

    from annotator.extensions import db
    from annotator.services import members, users

    corpus = workdir / "corpus.jsonl"
    subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "-n", str(docs), "-m", "10", "--chars", str(chars),
                    "-o", str(corpus)], check=True)
    app = make_app(fresh_database(workdir, postgres), workdir / "instance")
    create_project(app)
    imported = import_corpus(app, corpus)
    with app.app_context():
        from annotator.services import projects

        users.create_user(db.session, "searcher", "annotator", "bench-password-42")
        members.add_member(db.session, projects.get_project(db.session, "bench"), "searcher", "annotator")
        db.session.commit()
    return app, imported


def timed(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def measure(app, runs: int) -> list[tuple]:
    from annotator.extensions import db
    from annotator.services import projects, search, users

    rows = []
    with app.app_context():
        project = projects.get_project(db.session, "bench")
        user = users.get_user(db.session, "searcher")
        token = users.create_token(db.session, user, "bench")
        db.session.commit()
        search.search(db.session, project, user, "Київ")  # loads the dictionaries once, as a server has
        for q, lang, forms in QUERIES:
            seconds, got = timed(lambda q=q, lang=lang, forms=forms: search.search(
                db.session, project, user, q, lang, forms), runs)
            rows.append((f"search “{q}”" + (f" lang={lang}" if lang else "") + ("" if forms else " exact"),
                         got.total, got.documents_total, seconds))
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        seconds, response = timed(lambda: client.get(f"/api/v1/projects/{project.id}/search?q=Київ",
                                                     headers=headers), runs)
        rows.append(("api GET …/search?q=Київ", response.json["total"], response.json["documents_total"], seconds))
        hits = search.search(db.session, project, user, "Коваль", per_page=5000).hits
        for n, label in ((1000, "ACTOR"), (5000, "CLAIM")):
            places = [search.Occurrence(h["document"], h["start"], h["end"]) for h in hits[:n]]
            t = time.perf_counter()
            done = search.mark(db.session, project, user, places, label)
            db.session.commit()
            rows.append((f"mark {len(places)} as {label} (+ commit)", len(done["created"]),
                         len({p.document for p in places}), time.perf_counter() - t))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--docs", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", help="a throwaway PostgreSQL database URL (its public schema is dropped)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        app, imported = build(Path(tmp), args.docs, args.chars, args.postgres)
        with app.app_context():
            from sqlalchemy import func, select

            from annotator.extensions import db
            from annotator.models import Document

            size = db.session.scalar(select(func.sum(func.length(Document.text))))
            backend = db.engine.dialect.name
        rows = measure(app, args.runs)
    print(f"{backend}: {imported['docs']} documents, {size:,} characters; median of {args.runs} runs")
    print("| what | hits (spans made) | documents | ms |")
    print("|---|---|---|---|")
    for what, hits, docs, seconds in rows:
        print(f"| {what} | {hits:,} | {docs:,} | {seconds * 1000:.0f} |")


if __name__ == "__main__":
    main()
