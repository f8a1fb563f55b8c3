"""A brake on password guessing, kept in the database so that every worker process shares it.

Failures are counted per (address, user name) and, with a higher limit, per address. Past a limit each further
try must wait longer (2 s, 4 s, … at most 5 minutes after the last failure). A counter idle for longer than the
window is forgotten and deleted. The per-address count does not apply to a browser that has logged in as that
user before (the caller says so): one person guessing from an office address cannot lock the office out.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from ..models import LoginFailure, utcnow

ANY_USER = ""
MAX_DELAY = 300


@dataclass(frozen=True)
class Limits:
    per_user: int = 5  # failures for one user name from one address
    per_address: int = 50  # failures for any user names from one address
    window: timedelta = timedelta(minutes=15)

    @classmethod
    def from_config(cls, config) -> "Limits":
        return cls(int(config["LOGIN_MAX_FAILURES"]), int(config["LOGIN_MAX_FAILURES_PER_ADDRESS"]),
                   timedelta(minutes=float(config["LOGIN_FAILURE_WINDOW_MINUTES"])))


def _keys(address: str, username: str) -> tuple[str, str]:
    return (address or "?")[:64], username.strip().casefold()[:80]


def wait_seconds(session, limits: Limits, address: str, username: str, known_browser: bool = False) -> int:
    """How long this address must wait before trying `username` again (0: it may try now)."""
    address, username = _keys(address, username)
    now = utcnow()
    waits = [0]
    for row in session.scalars(select(LoginFailure).where(LoginFailure.address == address,
                                                          LoginFailure.username.in_([username, ANY_USER]))):
        if row.username == ANY_USER and known_browser:
            continue
        limit = limits.per_address if row.username == ANY_USER else limits.per_user
        waits.append(_wait(row.failures, row.last_failure_at, limit, limits.window, now))
    return max(waits)


def _wait(failures: int, last: datetime, limit: int, window: timedelta, now: datetime) -> int:
    if failures < limit or now - last > window:
        return 0
    delay = timedelta(seconds=min(MAX_DELAY, 2 ** (failures - limit + 1)))
    return max(0, int((last + delay - now).total_seconds() + 0.999))


def failed(session, limits: Limits, address: str, username: str) -> None:
    """Count one failure for (address, user name) and for the address; forget counters idle past the window."""
    address, username = _keys(address, username)
    now = utcnow()
    session.execute(delete(LoginFailure).where(LoginFailure.last_failure_at < now - limits.window))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(LoginFailure).values(
        [{"address": address, "username": name, "failures": 1, "last_failure_at": now}
         for name in sorted({username, ANY_USER})])
    session.execute(insert.on_conflict_do_update(
        index_elements=["address", "username"],
        set_={"failures": LoginFailure.failures + 1, "last_failure_at": now}))
    session.flush()


def succeeded(session, address: str, username: str) -> None:
    """A right password clears its (address, user name) counter; the address's own count runs on (else a guesser
    with an account of their own could reset it)."""
    address, username = _keys(address, username)
    where = (LoginFailure.address == address, LoginFailure.username == username)
    if session.scalar(select(LoginFailure.failures).where(*where)) is not None:  # no write in the usual case
        session.execute(delete(LoginFailure).where(*where))
        session.flush()
