"""Declared input: each /api/v1 route states its JSON body and its query parameters as pydantic models.

    @bp.post("/documents/<int:did>/spans")
    @body(NewSpan)
    def create_span(did, data: NewSpan): ...

One declaration checks the input before the view runs (a 400 naming the field otherwise), hands the view a
typed object, and describes the route in the OpenAPI document (api/openapi.py). Services keep the checks that
need the database (does the label exist, is the offset inside the text).
"""

from functools import wraps
from typing import Annotated, Any, get_args, get_origin

import pydantic_core
from flask import request
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)

from ..errors import N_, Invalid
from ..ids import MAX_ID

Id = Annotated[int, Field(ge=1, le=MAX_ID, description="a row id")]
Count = Annotated[int, Field(ge=0, le=MAX_ID)]
Name = Annotated[str, StringConstraints(max_length=100)]  # labels, relation types, attribute names: String(100)
Lang = Annotated[str, StringConstraints(max_length=35)]  # documents.lang is String(35)
GroupKey = Annotated[str, StringConstraints(max_length=200)]  # translation_groups.key is String(200)
GroupRef = Annotated[GroupKey, BeforeValidator(lambda v: str(v) if type(v) is int else v),  # a key, or a number
                     WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 200}, {"type": "integer"}]})]
Attrs = Annotated[dict[Name, JsonValue], Field(max_length=100)]  # typed by the label's schema in the services
LongText = str  # Text columns: as long as the request allows (ANNOTATOR_MAX_UPLOAD_MB)
MAX_LIST = 5000  # ids in one request: each becomes a query parameter (SQLite allows 32,766 per statement)


class BadBody(Invalid):
    """The body as a whole is wrong: not JSON, or not an object."""

    code = "bad_request"


class Body(BaseModel):
    """A JSON object sent as the request body. Strict: JSON's own types only (5 is a number, "5" is not).
    Fields nobody declared are ignored, as before."""

    model_config = ConfigDict(strict=True, extra="ignore")


class Query(BaseModel):
    """Query-string parameters: text in the URL, converted (?page=2 is the number 2); unknown ones ignored."""

    model_config = ConfigDict(extra="ignore")


def body(model: type[Body]):
    """Validate the request's JSON body against `model` and pass it to the view as `data`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            return view(*args, data=parse_body(model), **kwargs)

        wrapped.body_model = model
        return wrapped

    return decorator


def query(model: type[Query]):
    """Validate the query string against `model` and pass it to the view as `args`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            return view(*args, args=parse_query(model), **kwargs)

        wrapped.query_model = model
        return wrapped

    return decorator


def raw_body(media_type: str, description: str):
    """A body the view reads itself (a JSONL import): only described in the OpenAPI document."""

    def decorator(view):
        view.raw_body = (media_type, description)
        return view

    return decorator


def read_json(raw: bytes) -> Any:
    """Parse JSON with pydantic's parser, which refuses lone surrogates and nesting deeper than 200 levels (the
    standard library accepts both, and then fails further on), and text holding NUL, which PostgreSQL cannot
    store in any column."""
    try:
        data = pydantic_core.from_json(raw or b"{}")
    except ValueError as exc:
        raise BadBody(f"the request body is not valid JSON: {exc}") from None
    refuse_nul(data)
    return data


def parse_body(model: type[Body]) -> Body:
    data = read_json(request.get_data(cache=True))
    if not isinstance(data, dict):
        raise BadBody("the request body must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid(exc) from None


def parse_query(model: type[Query]) -> Query:
    values = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        found = [v for v in request.args.getlist(key) if v != ""]  # ?lang= is no filter, as in forms
        if found:
            values[key] = found if _is_list(info.annotation) else found[-1]
    refuse_nul(values)
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise invalid(exc) from None


def _is_list(annotation) -> bool:
    return get_origin(annotation) is list or any(get_origin(a) is list for a in get_args(annotation))


def refuse_nul(value, path: str = "") -> None:
    """Raise Invalid naming the first string or key (at any depth) that holds U+0000."""
    if isinstance(value, str):
        if "\x00" in value:
            raise Invalid(N_("'{field}' must not contain the NUL character (U+0000)"), field=path or None,
                          params={"field": path or "body"})
    elif isinstance(value, dict):
        for key, item in value.items():
            name = str(key).replace("\x00", "\\u0000")  # the path is shown: no NUL in it
            here = f"{path}.{name}" if path else name
            refuse_nul(key, here)
            refuse_nul(item, here)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            refuse_nul(item, f"{path}[{i}]")


def field_path(loc: tuple) -> str:
    """('schema', 'labels', 0, 'name') -> 'schema.labels[0].name'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# pydantic's commonest complaints, in words the catalogs translate; the others are passed on in its English.
PYDANTIC_MESSAGES = {
    "missing": N_("'{field}': is required"),
    "extra_forbidden": N_("'{field}': is not a field of this request"),
    "string_type": N_("'{field}': must be a string"),
    "int_type": N_("'{field}': must be a whole number"),
    "int_parsing": N_("'{field}': must be a whole number"),
    "int_from_float": N_("'{field}': must be a whole number"),
    "bool_type": N_("'{field}': must be true or false"),
    "bool_parsing": N_("'{field}': must be true or false"),
    "list_type": N_("'{field}': must be a list"),
    "dict_type": N_("'{field}': must be a JSON object"),
    "model_type": N_("'{field}': must be a JSON object"),
    "less_than_equal": N_("'{field}': must be at most {le}"),
    "greater_than_equal": N_("'{field}': must be at least {ge}"),
    "greater_than": N_("'{field}': must be more than {gt}"),
    "string_too_long": N_("'{field}': has more than {max_length} characters"),
    "too_long": N_("'{field}': has more than {max_length} items"),
    "literal_error": N_("'{field}': must be {expected}"),
}


def invalid(exc: ValidationError, prefix: tuple = ()) -> Invalid:
    """The first problem pydantic found, as the API's 400: the message names the field, `field` holds its path
    (under `prefix`, e.g. ("schema",)). Our validators raise ValueError(N_("{field}: …")): translated too."""
    error = exc.errors(include_url=False, include_input=False)[0]
    field = field_path((*prefix, *error["loc"]))
    message = error["msg"].removeprefix("Value error, ")
    if field and error["type"] in PYDANTIC_MESSAGES:  # with the limits pydantic names (le, max_length …)
        limits = {k: str(v) for k, v in error.get("ctx", {}).items() if k != "error"}
        return Invalid(PYDANTIC_MESSAGES[error["type"]], field=field, params={"field": field, **limits})
    if field and message.startswith("{field}: "):
        return Invalid(message, field=field, params={"field": field})
    message = message[0].lower() + message[1:] if message else "is not valid"
    if not field:
        return Invalid(message)  # about the body as a whole, in pydantic's English
    return Invalid(N_("'{field}': {problem}"), field=field, params={"field": field, "problem": message})
