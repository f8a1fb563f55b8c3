#!/usr/bin/env python
"""A long Schemathesis run against a live server: every /api/v1 operation from the app's OpenAPI document.

    .venv/bin/python bench/fuzz.py [--requests 10000] [--examples 40] [--coverage 200] [--postgres URL]

Builds a throwaway database (a SQLite file in a temporary folder; with --postgres URL that database, whose public
schema is dropped and recreated), seeds it as tests/api/test_fuzz.py does (tests/fuzzing.py), serves the app on a
free loopback port (werkzeug, threaded) and sends rounds of cases over HTTP with an admin's bearer token until
--requests have been sent: per operation up to --coverage boundary cases, then --examples generated ones (valid and
invalid mixed, a random seed each round). Prints the answers by status and every server error (there should be
none). The suite runs the same thing briefly with a fixed seed.
"""

import argparse
import logging
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sqlalchemy import create_engine, text  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from annotator import create_app  # noqa: E402
from annotator.db import upgrade  # noqa: E402
from tests.fuzzing import Report, fuzz, load_schema, seed  # noqa: E402


def fresh_database(folder: Path, postgres: str | None) -> str:
    url = postgres or f"sqlite:///{folder / 'fuzz.sqlite3'}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    if postgres:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--examples", type=int, default=40)
    parser.add_argument("--coverage", type=int, default=200)
    parser.add_argument("--postgres", help="a PostgreSQL database to use (its public schema is recreated)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="annotator-fuzz-"))
    app = create_app({"DATABASE_URL": fresh_database(folder, args.postgres), "SECRET_KEY": "fuzz",
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, instance_path=str(folder / "instance"))
    token = seed(app)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = f"http://127.0.0.1:{server.server_port}"
    schema = load_schema(base_url=base_url, token=token)
    report, rounds, started = Report(), 0, time.perf_counter()
    while report.requests < args.requests:
        fuzz(schema, token, args.examples, seed_value=None, base_url=base_url, report=report,
             coverage=args.coverage if rounds == 0 else 0)
        rounds += 1
        print(f"round {rounds}: {report.requests} requests, {len(report.failures)} server error(s)", file=sys.stderr)
    elapsed = time.perf_counter() - started
    server.shutdown()
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\n{report.requests} requests to {len(report.operations)} method+path pairs on {backend} in {elapsed:.0f} s "
          f"({rounds} round(s), random seeds; first round with up to {args.coverage} boundary cases per operation)")
    print("\n| status | requests |\n|---|---|")
    for status, n in sorted(report.statuses.items(), key=lambda kv: str(kv[0])):
        print(f"| {status} | {n} |")
    print(f"\nserver errors: {len(report.failures)}")
    for failure in report.failures[:50]:
        print("  " + failure)
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    random.seed()
    main()
