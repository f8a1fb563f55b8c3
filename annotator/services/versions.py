"""Optimistic locking: a versioned write is one UPDATE ... WHERE version = :seen, checked by the database.

SQLAlchemy's version_id_col adds the version to an UPDATE's WHERE clause, but emits no UPDATE when nothing
changed: then nothing was checked, and a stale request would be answered 200. `write` always updates.
"""

from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from ..errors import N_, Conflict, Invalid

STALE = {
    "span": N_("the span was changed by someone else meanwhile; reload it"),
    "relation": N_("the relation was changed by someone else meanwhile; reload it"),
    "alignment": N_("the alignment was changed by someone else meanwhile; reload it"),
    "project": N_("the project was changed by someone else meanwhile; reload it"),
}
STALE_ANY = N_("this was changed by someone else meanwhile; reload it")


def stale(what: str) -> Conflict:
    return Conflict(STALE.get(what, STALE_ANY), field="version")


def expect(obj, version, what: str) -> None:
    """Refuse at once a `version` other than the one just read (the database checks it again on write)."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise Invalid(N_("'version' must be an integer (the version you last read)"), field="version")
    if version != obj.version:
        raise stale(what)


def write(session, obj, what: str, column: str) -> None:
    """Flush `obj` with its version checked and raised in the database, even if none of its values changed
    (`column`, any of its columns but the version, is written again to make sure an UPDATE is sent)."""
    flag_modified(obj, column)
    flush(session, what)


def flush(session, what: str) -> None:
    """Flush; a versioned row that someone else changed since it was read is a Conflict, not a 500."""
    try:
        session.flush()
    except StaleDataError:
        raise stale(what) from None
