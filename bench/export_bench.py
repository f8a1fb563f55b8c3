#!/usr/bin/env python
"""Export speed and memory against orjson serialising the same records from memory, in the same run.

    .venv/bin/python bench/export_bench.py [-n 20000] [-m 20] [--big] [--groups] [--runs 3] [--postgres URL]

Generates a corpus with bench/gen_corpus.py (default 20,000 documents x 20 spans; --big: 100,000 x 20 =
2,000,000 spans), imports it into a fresh database (a SQLite file in a temporary folder, or with --postgres URL
that database, whose public schema is dropped and recreated: give it a throwaway one), then measures:
  orjson     the corpus lines loaded as dicts first, then only `orjson.dumps` over them timed (for --big over
             the first 20,000 records, as the 2,000,000-span corpus does not fit in memory as dicts: the
             per-record cost is the same), after one pass that is timed apart ("orjson 1"): it encodes the
             records' non-ASCII strings to UTF-8, which CPython then keeps on each string for the later passes
  first      the first export after the import: no line is kept yet, so every line is built (and kept)
  ours       `annotator export PROJECT --layer all -o /dev/null` (or --layer LAYER) through the export writer
             in a child process, the lines kept by the first export read back,
             timed from the first query to the last byte (process start-up, app creation and opening the
             database connection excluded); the
             child's peak RSS (VmHWM, start-up included) is its memory figure
Prints docs/s, spans/s and MB/s of each, the ratios to orjson (target >= 0.25), the export's peak RSS
(target < 300 MB for the 2,000,000-span corpus) and the room the kept lines take in the database.
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

import orjson

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TARGET_RATIO = 0.25
TARGET_RSS_MB = 300
ORJSON_SAMPLE = 20_000


def orjson_baseline(corpus: Path, limit: int | None, runs: int) -> dict:
    """Serialise the corpus records from memory with orjson; only the dumps are timed."""
    records = []
    with corpus.open("rb") as fh:
        for line in fh:
            records.append(orjson.loads(line))
            if limit and len(records) >= limit:
                break
    spans = sum(len(r["spans"]) for r in records)
    times, size = [], 0
    t = time.perf_counter()  # the first pass encodes every non-ASCII string to UTF-8, and CPython keeps that
    for record in records:   # encoding on the string object: the later passes skip it
        orjson.dumps(record)
    fresh = time.perf_counter() - t
    for _ in range(runs):
        t = time.perf_counter()
        size = sum(len(orjson.dumps(r) + b"\n") for r in records)
        times.append(time.perf_counter() - t)
    return {"seconds": statistics.median(times), "all": times, "fresh": fresh, "docs": len(records), "spans": spans,
            "bytes": size}


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, as ru_maxrss of a child on Linux starts from its parent's at the fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_worker(args) -> None:
    """In a child process: export the project through the export writer, report time, lines, bytes, RSS."""
    from import_bench import make_app
    from sqlalchemy import text

    from annotator.export import ExportRequest, writer_for
    from annotator.extensions import db
    from annotator.services import projects

    workdir = Path(args.workdir)
    url = args.postgres or f"sqlite:///{workdir / 'bench.sqlite3'}"
    app = make_app(url, workdir / "instance")
    with app.app_context():
        db.session.execute(text("SELECT 1"))  # the connection is start-up: opened before the clock starts
        db.session.rollback()
        rss_before = peak_rss_mb()
        t = time.perf_counter()
        target = projects.get_project(db.session, "bench")
        req = ExportRequest(args.layer, by_group=args.by_group).validated(db.session, target)
        lines = size = 0
        with open(os.devnull, "wb") as out:
            for line in writer_for("jsonl")(db.session, target, req):
                out.write(line)
                lines += 1
                size += len(line)
        seconds = time.perf_counter() - t
        db.session.rollback()
        kept = db.session.scalar(text("SELECT pg_total_relation_size('export_lines')" if args.postgres else
                                      "SELECT coalesce(sum(length(line)), 0) FROM export_lines"))
    print(json.dumps({"seconds": seconds, "lines": lines, "bytes": size, "rss_before_mb": rss_before,
                      "max_rss_mb": peak_rss_mb(), "kept_bytes": kept}))


def run_child(*extra: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *extra], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def rates(seconds: float, docs: int, spans: int, size: int) -> str:
    return f"{docs / seconds:>10,.0f} {spans / seconds:>11,.0f} {size / seconds / 1e6:>7.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--docs", type=int, default=20_000)
    parser.add_argument("-m", "--spans", type=int, default=20, help="spans per document")
    parser.add_argument("--big", action="store_true", help="100,000 documents x 20 spans")
    parser.add_argument("--groups", action="store_true", help="uk/en/ru translation groups")
    parser.add_argument("--by-group", action="store_true", help="export one line per group")
    parser.add_argument("--layer", default="all", help="the layer exported: all (default), gold or a user name")
    parser.add_argument("--corpus", type=Path, help="use this JSONL file instead of generating one")
    parser.add_argument("--postgres", metavar="URL", help="a throwaway PostgreSQL database (its schema is reset)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--export-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_worker:
        return export_worker(args)
    if args.big:
        args.docs, args.spans = 100_000, 20

    from import_bench import generate

    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        tmp = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = tmp / "corpus.jsonl"
            generate(corpus, args.docs, args.spans, args.groups)
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"corpus: {corpus.stat().st_size / 1e6:.1f} MB; database: {backend}; load average "
              f"{os.getloadavg()[0]:.2f} at start")
        t = time.perf_counter()
        cmd = ["import_bench.py", "--worker", "--workdir", str(tmp), "--corpus", str(corpus)]
        imported = subprocess.run([sys.executable, str(HERE / cmd[0]), *cmd[1:]]
                                  + (["--postgres", args.postgres] if args.postgres else []),
                                  check=True, capture_output=True, text=True).stdout
        imported = json.loads(imported.strip().splitlines()[-1])
        docs, spans = imported["docs"], imported["spans"]
        print(f"imported {docs:,} documents, {spans:,} spans in {time.perf_counter() - t:.1f} s")

        limit = ORJSON_SAMPLE if docs > ORJSON_SAMPLE else None
        base = orjson_baseline(corpus, limit, args.runs)  # the records are freed before the children start
        extra = ["--export-worker", "--workdir", str(tmp)] + (["--postgres", args.postgres] if args.postgres else []) \
            + (["--by-group"] if args.by_group else []) + ["--layer", args.layer]
        # The first export after an import builds every line and keeps it (export/native.py); the runs after it
        # read the kept lines, as every later export of an unchanged project does. Both are printed with a ratio.
        db_file = tmp / "bench.sqlite3"
        disk_before = sum(p.stat().st_size for p in tmp.glob("bench.sqlite3*")) if not args.postgres else 0
        first = run_child(*extra)
        disk_after = sum(p.stat().st_size for p in tmp.glob("bench.sqlite3*")) if db_file.exists() else 0
        ours = [run_child(*extra) for _ in range(args.runs)]
        ours_s = statistics.median(r["seconds"] for r in ours)
        size = ours[0]["bytes"]
        rss = max(r["max_rss_mb"] for r in [first, *ours])

        print(f"{'':<8} {'seconds':>8} {'docs/s':>10} {'spans/s':>11} {'MB/s':>7}  runs")
        base_rates = rates(base["seconds"], base["docs"], base["spans"], base["bytes"])
        print(f"{'orjson':<8} {base['seconds']:>8.3f} {base_rates}  {', '.join(f'{x:.3f}' for x in base['all'])}"
              + (f"  (first {limit:,} records)" if limit else ""))
        ours_runs = ", ".join(f"{r['seconds']:.3f}" for r in ours)
        print(f"{'orjson 1':<8} {base['fresh']:>8.3f} "
              f"{rates(base['fresh'], base['docs'], base['spans'], base['bytes'])}  (the first pass over freshly "
              "loaded records, which encodes their strings to UTF-8)")
        print(f"{'first':<8} {first['seconds']:>8.3f} {rates(first['seconds'], docs, spans, size)}  "
              "(the first export after the import: every line built and kept)")
        print(f"{'ours':<8} {ours_s:>8.3f} {rates(ours_s, docs, spans, size)}  {ours_runs}")
        first_ratio = (spans / first["seconds"]) / (base["spans"] / base["seconds"])
        print(f"ratio first/orjson (spans/s): {first_ratio:.3f} (target >= {TARGET_RATIO}: "
              f"{'met' if first_ratio >= TARGET_RATIO else 'MISSED'})")
        fresh_ratio = (spans / first["seconds"]) / (base["spans"] / base["fresh"])
        print(f"ratio first/orjson's first pass (spans/s): {fresh_ratio:.3f}")
        ratio = (spans / ours_s) / (base["spans"] / base["seconds"])
        print(f"ratio ours/orjson (spans/s): {ratio:.3f} (target >= {TARGET_RATIO}: "
              f"{'met' if ratio >= TARGET_RATIO else 'MISSED'})")
        print(f"export: {ours[0]['lines']:,} lines, {size / 1e6:.1f} MB; peak RSS {rss:.0f} MB "
              f"(after start-up {ours[0]['rss_before_mb']:.0f} MB; target < {TARGET_RSS_MB} MB for 2,000,000 spans: "
              f"{'met' if rss < TARGET_RSS_MB else 'MISSED'})")
        print(f"kept lines: {first['kept_bytes'] / 1e6:.1f} MB in the database"
              + (f"; the SQLite file (with its WAL) grew {(disk_after - disk_before) / 1e6:.1f} MB "
                 f"({disk_before / 1e6:.1f} -> {disk_after / 1e6:.1f} MB)" if disk_after else ""))
        print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
