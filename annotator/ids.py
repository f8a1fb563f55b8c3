"""Row ids as the database stores them: positive integers that fit PostgreSQL's `integer` column. A number
beyond that names no row; passed to a driver it would overflow (SQLite: above 2**63) instead of finding nothing."""

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


def as_id(value) -> int | None:
    """`value` (an int, or a string of ASCII digits) as a row id, or None when it cannot be one.

    str.isdigit() alone is not enough: '²' and '³' are digits to Python that int() refuses."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID)):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID:
        return value
    return None


class IdConverter(IntegerConverter):
    """`<int:x>` in every route: a number above MAX_ID does not match (a 404) instead of reaching the database.
    Numbers of more than ten digits do not even match the path (werkzeug answers 405 rather than 404 when a
    number fails to convert in a path that another method's route shares)."""

    regex = r"\d{1,10}"

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002 - werkzeug's names
        super().__init__(map, fixed_digits, min, max, signed)


def init_app(app) -> None:
    """Must run before blueprints are registered: their rules pick their converters then."""
    app.url_map.converters["int"] = IdConverter
