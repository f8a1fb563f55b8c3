"""Domain errors raised by services; the web and API layers turn them into 4xx answers.

A message is English. Mark it for translation with `N_` and pass its values as `params`, and it is shown in the
language of the request that caused it (the API keeps `code` and `params` as they are, for scripts):

    raise Invalid(N_("'end' is beyond the text ({length} code points)"), field="end", params={"length": n})
"""

from flask_babel import gettext


def N_(message: str) -> str:  # noqa: N802  (the gettext convention)
    """Mark `message` (English, with {name} placeholders) for extraction; it is translated when shown."""
    return message


def say(message: str, **params) -> str:
    """A message marked with N_, in the current request's language (English outside a request), filled in: for
    the lines of a problem list, which travel as text."""
    text = gettext(message)
    return text.format(**params) if params else text


class DomainError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str, field: str | None = None, params: dict | None = None, **extra):
        self.template = str(message)
        self.params = params or {}
        self.field = field
        self.extra = extra
        super().__init__(message.format(**self.params) if self.params else message)

    @property
    def message(self) -> str:
        """The message in the current request's language (English outside a request, as for the CLI)."""
        return say(self.template, **self.params) if self.template else self.template

    def to_dict(self) -> dict:
        body = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        if self.params:
            body["params"] = self.params
        body.update(self.extra)
        return body


class Invalid(DomainError):
    status = 400
    code = "invalid"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class Conflict(DomainError):
    status = 409
    code = "conflict"
