"""A consistent copy of a live SQLite database, made while the app and imports go on writing."""

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .config import private_file

PAGES_PER_STEP = 4096  # 16 MB of 4 kB pages between progress reports


def copy_sqlite(source: Path, target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Copy the database at `source` to `target` (mode 0600) as it was when the copy began.

    SQLite's online backup runs inside one read transaction of the source, so writers in other connections or
    processes neither wait for it nor make it start over (WAL). The copy is written beside `target` under a
    temporary name and renamed when complete: an interrupted backup leaves no half-written file at `target`.
    """
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    private_file(partial)
    src = sqlite3.connect(source, timeout=30, isolation_level=None)
    dst = sqlite3.connect(partial, isolation_level=None)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot the copy is taken from
        src.backup(dst, pages=PAGES_PER_STEP, progress=_reporter(progress) if progress else None)
        src.execute("COMMIT")
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file; the app turns WAL on again
    except BaseException:
        dst.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    dst.close()
    os.replace(partial, target)


def _reporter(progress):
    def report(_status, remaining, total):
        progress(total - remaining, total)

    return report
