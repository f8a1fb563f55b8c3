#!/usr/bin/env python
"""Import speed: `annotator import` of a generated corpus into a fresh database, validation included.

    .venv/bin/python bench/import_bench.py [-n 20000] [-m 20] [--groups] [--runs 3] [--postgres URL] [--cli]

Generates the corpus with bench/gen_corpus.py (or takes `--corpus FILE`), then for each run creates a fresh
database (a SQLite file in a temporary folder; with `--postgres URL` that database's public schema is dropped
and recreated, so give it a throwaway database) and imports the corpus in a child process doing what the CLI
command does (read, parse_files, import_documents, commit), timing each phase:
  read       reading the file's bytes
  parse      parse_files: JSON, fields, NFC, offsets, span texts, relations (the file-level validation)
  check      check_annotations: labels, attributes and relation types against the project's schema
  write      add_documents and the bulk span/relation/history inserts
  commit     the commit
  report     what the command does after it: counting the spans it stored
Process start-up and app creation are excluded; `--cli` also times the real `annotator import` command
end to end (start-up included). Prints one row per run, then medians and spans/s (target >= 200,000 on SQLite).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET_SPANS_PER_S = 200_000
PHASES = ("read", "parse", "check", "write", "commit", "report")


def generate(path: Path, docs: int, spans: int, groups: bool) -> None:
    cmd = [sys.executable, str(HERE / "gen_corpus.py"), "-n", str(docs), "-m", str(spans), "-o", str(path)]
    subprocess.run(cmd + (["--groups"] if groups else []), check=True)


def fresh_database(workdir: Path, postgres: str | None) -> str:
    """A URL of an empty, migrated database."""
    from sqlalchemy import create_engine, text

    from annotator.config import _with_driver
    from annotator.db import upgrade

    url = postgres or f"sqlite:///{workdir / 'bench.sqlite3'}"
    if not postgres:
        Path(workdir / "bench.sqlite3").unlink(missing_ok=True)
    engine = create_engine(_with_driver(url))
    if postgres:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()
    return url


def make_app(url: str, instance: Path):
    from annotator import create_app

    instance.mkdir(parents=True, exist_ok=True)
    return create_app({"DATABASE_URL": url}, instance_path=str(instance))


def create_project(app, name: str = "bench") -> None:
    from annotator.extensions import db
    from annotator.services import projects

    with app.app_context():
        projects.create_project(db.session, name)
        db.session.commit()


def import_corpus(app, corpus: Path, project: str = "bench") -> dict:
    """Import like `annotator import PROJECT FILE`, returning each phase's seconds and the counts."""
    from annotator.extensions import db
    from annotator.ingest import parse_files
    from annotator.services import imports, projects

    times = dict.fromkeys(PHASES, 0.0)
    check = imports.check_annotations

    def timed_check(*args, **kwargs):
        t = time.perf_counter()
        try:
            return check(*args, **kwargs)
        finally:
            times["check"] += time.perf_counter() - t

    imports.check_annotations = timed_check
    try:
        with app.app_context():
            target = projects.get_project(db.session, project)
            t0 = time.perf_counter()
            files = [(str(corpus), corpus.read_bytes())]
            t1 = time.perf_counter()
            parsed = parse_files(files, "auto", "auto")
            del files
            t2 = time.perf_counter()
            if parsed.errors:
                raise SystemExit(f"the corpus has problems: {parsed.errors[0].message}")
            result = imports.import_documents(db.session, target, parsed.inputs)
            t3 = time.perf_counter()
            db.session.commit()
            t4 = time.perf_counter()
            spans = result.span_count  # as the command reports it
            docs = len(result.created)
            t5 = time.perf_counter()
    finally:
        imports.check_annotations = check
    times.update(read=t1 - t0, parse=t2 - t1, write=t3 - t2 - times["check"], commit=t4 - t3, report=t5 - t4)
    return {**times, "total": t5 - t0, "docs": docs, "spans": spans}


def worker(args) -> None:
    """One measured import in this (child) process; prints its figures as JSON."""
    workdir = Path(args.workdir)
    url = fresh_database(workdir, args.postgres)
    app = make_app(url, workdir / "instance")
    create_project(app)
    figures = import_corpus(app, Path(args.corpus))
    figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def cli_import(corpus: Path, workdir: Path, postgres: str | None) -> float:
    """Wall time of the real command (process start-up included) into a fresh database."""
    url = fresh_database(workdir, postgres)
    env = {**os.environ, "ANNOTATOR_DATABASE_URL": url, "ANNOTATOR_INSTANCE": str(workdir / "instance")}
    cli = [sys.executable, "-m", "annotator"]
    subprocess.run(cli + ["project", "create", "bench"], env=env, check=True, capture_output=True)
    t = time.perf_counter()
    subprocess.run(cli + ["import", "bench", str(corpus)], env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--docs", type=int, default=20_000)
    parser.add_argument("-m", "--spans", type=int, default=20, help="spans per document")
    parser.add_argument("--groups", action="store_true",
                        help="uk/en/ru translation groups (aligned on import: the corpus carries no alignment)")
    parser.add_argument("--corpus", type=Path, help="use this JSONL file instead of generating one")
    parser.add_argument("--postgres", metavar="URL", help="a throwaway PostgreSQL database (its schema is reset)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time the `annotator import` command end to end")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)

    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        tmp = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = tmp / "corpus.jsonl"
            generate(corpus, args.docs, args.spans, args.groups)
        mb = corpus.stat().st_size / 1e6
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"corpus: {corpus.name}, {mb:.1f} MB; database: {backend}; load average "
              f"{os.getloadavg()[0]:.2f} at start")
        print(f"{'run':>3} " + " ".join(f"{p + ' s':>8}" for p in PHASES)
              + f" {'total s':>8} {'docs':>7} {'spans':>9} {'spans/s':>9} {'docs/s':>8} {'max RSS MB':>10}")
        rows = []
        for run in range(1, args.runs + 1):
            cmd = [sys.executable, __file__, "--worker", "--workdir", str(tmp), "--corpus", str(corpus)]
            out = subprocess.run(cmd + (["--postgres", args.postgres] if args.postgres else []), check=True,
                                 capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            r["spans_s"], r["docs_s"] = r["spans"] / r["total"], r["docs"] / r["total"]
            rows.append(r)
            print(f"{run:>3} " + " ".join(f"{r[p]:>8.2f}" for p in PHASES)
                  + f" {r['total']:>8.2f} {r['docs']:>7} {r['spans']:>9} {r['spans_s']:>9,.0f} {r['docs_s']:>8,.0f}"
                  f" {r['max_rss_mb']:>10.0f}")
        med = {k: statistics.median(r[k] for r in rows) for k in (*PHASES, "total", "spans_s", "docs_s")}
        print("med " + " ".join(f"{med[p]:>8.2f}" for p in PHASES) + f" {med['total']:>8.2f} {'':>7} {'':>9}"
              f" {med['spans_s']:>9,.0f} {med['docs_s']:>8,.0f}")
        validate = med["parse"] + med["check"]
        print(f"split (medians): read {med['read']:.2f} s, parse+validate {validate:.2f} s, "
              f"write+commit {med['write'] + med['commit']:.2f} s, report {med['report']:.2f} s")
        verdict = "met" if med["spans_s"] >= TARGET_SPANS_PER_S else "MISSED"
        target = "" if args.postgres else f" (target >= {TARGET_SPANS_PER_S:,} on SQLite: {verdict})"
        print(f"import: {med['spans_s']:,.0f} spans/s{target}")
        if args.cli:
            walls = [cli_import(corpus, tmp, args.postgres) for _ in range(args.runs)]
            spans = rows[0]["spans"]
            wall = statistics.median(walls)
            print(f"`annotator import` end to end (start-up included): median {wall:.2f} s of "
                  f"{', '.join(f'{w:.2f}' for w in walls)}; {spans / wall:,.0f} spans/s")
        print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
