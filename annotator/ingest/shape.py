"""Declared shapes of what import files hold, and the one way their type errors are reported.

Each format declares its records as msgspec structs (the native line here; doccano's and Label Studio's in their
modules). msgspec checks every field's type and size while it decodes, at the speed of plain JSON parsing, and
names the field of the first problem; `typed` and `decode` turn that into the message every reader gives:
"FILE line N: field 'spans[3].start': expected `int`, got `str`". What depends on the text (offsets inside it, a
span's text matching it, relation ends naming spans of the line) is checked afterwards, in `annotations`.
Unknown fields are ignored, so that files written by newer versions or other tools still import.
"""

import re
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from ..errors import N_, Invalid

STATUSES = ("pending", "accepted", "rejected", "merged")
NAME_MAX = 80  # users.username
LABEL_MAX = 100  # a label or relation type
ACTOR_NAME_MAX = 300  # actors.name

Ref = str | int  # an id that spans, relations and alignments use to point at each other
UserName = Annotated[str, Meta(min_length=1, max_length=NAME_MAX)]
Label = Annotated[str, Meta(min_length=1, max_length=LABEL_MAX)]


class ActorName(Struct, frozen=True):
    name: Annotated[str, Meta(min_length=1, max_length=ACTOR_NAME_MAX)]


class Span(Struct, frozen=True):
    start: int
    end: int
    label: Label
    text: str | None = None
    attrs: dict[str, Any] | None = None
    status: Literal[STATUSES] | None = None
    annotator: UserName | None = None
    actor: ActorName | None = None
    id: Ref | None = None


class Relation(Struct, frozen=True):
    head: Ref
    tail: Ref
    type: Label
    annotator: UserName | None = None  # None: the head span's annotator
    status: Literal[STATUSES] | None = None


class Review(Struct, frozen=True):
    """A document's review state as the native export writes it."""

    state: Literal["new", "in_review", "reviewed"]
    by: UserName | None = None
    at: str | None = None


class DocLabels(Struct, frozen=True):
    """One annotator's document labels as the native export's all layer writes them (doc_labels_by)."""

    annotator: UserName
    values: dict[str, Any]
    status: Literal[STATUSES] | None = None


class Alignment(Struct, frozen=True):
    doc: str
    pairs: list[tuple[list[int], list[int]]]
    status: list[Literal["auto", "confirmed"]] | None = None


class SpanLink(Struct, frozen=True):
    span: Ref
    target: Ref


class Source(Struct, frozen=True):
    url: str | None = None
    published: str | None = None


class Document(Struct, frozen=True):
    """One annotator.document/v1 line: the document fields (checked further by services.documents.parse_fields)
    and its annotations. A translation group line (annotator.group/v1) holds several under `documents`."""

    text: str
    lang: str | None = None
    title: str | None = None
    id: Ref | None = None
    group: Ref | None = None
    group_key: Ref | None = None
    source: Source | None = None
    source_url: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] | None = None
    sentences: list[tuple[int, int]] | None = None
    spans: list[Span] | None = None
    relations: list[Relation] | None = None
    alignment: dict[str, Any] | None = None  # each entry an Alignment, checked with its language in the name
    span_links: list[SpanLink] | None = None
    review: Review | None = None
    doc_labels: dict[str, Any] | None = None  # the layer's document labels (the gold ones from gold and all)
    doc_labels_by: list[DocLabels] | None = None


GROUP_SCHEMA = "annotator.group/v1"


class Group(Struct, frozen=True):
    schema: Literal[GROUP_SCHEMA]
    documents: list[Document]
    key: Ref | None = None
    id: Ref | None = None


class Line(Struct, frozen=True):
    """Only what tells a group line from a document line."""

    schema: str | None = None


LINE = msgspec.json.Decoder(Line)
DOCUMENT = msgspec.json.Decoder(Document)
GROUP = msgspec.json.Decoder(Group)

_PATH = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)


NUL_ESCAPE = "\\u0000"  # JSON can carry U+0000 only as this escape: a bare NUL byte is not valid JSON


def refuse_nul(raw: bytes | str, where: str) -> None:
    """Invalid naming the first string or key of the JSON `raw` (at any depth) that holds U+0000, which PostgreSQL
    keeps in no text or JSON column (SQLite does, and its length() stops there). Only JSON holding the escape is
    parsed again, so ordinary input costs one substring search."""
    escape = NUL_ESCAPE.encode() if isinstance(raw, bytes) else NUL_ESCAPE
    if escape not in raw:
        return
    try:
        value = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return  # not JSON: the reader says so
    if path := _nul_path(value):  # a bare string is not a record: the reader says so
        raise Invalid(N_("{at}field '{name}': holds the NUL character (U+0000), which no database here can keep "
                         "as text"), field=path, where=where, params={"at": f"{where}: ", "name": path})


def _nul_path(value, path: str = "") -> str | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            if "\x00" in key:
                return here.replace("\x00", "\\u0000")  # the path is shown: no NUL in it
            if (found := _nul_path(item, here)) is not None:
                return found
    elif isinstance(value, list):
        for k, item in enumerate(value):
            if (found := _nul_path(item, f"{path}[{k}]")) is not None:
                return found
    return None


def typed(value, shape, where: str, prefix: str = ""):
    """value (parsed JSON) as the declared shape, or the Invalid that names its first wrong field."""
    try:
        return msgspec.convert(value, shape)
    except msgspec.ValidationError as exc:
        raise problem(exc, where, prefix) from None


def decode(decoder: msgspec.json.Decoder, line, where: str):
    """A JSON line decoded into its declared shape; Invalid for bad JSON or a wrong field."""
    try:
        return decoder.decode(line)
    except msgspec.ValidationError as exc:
        raise problem(exc, where) from None
    except msgspec.DecodeError as exc:
        raise not_json(where, str(exc).removeprefix("JSON is malformed: "), "line") from None
    except RecursionError:
        raise not_json(where, "nested too deeply", "line") from None


NOT_NFC = N_("{at}field '{name}': not in NFC form with \\n line ends, so its span offsets would shift; normalise the "
             "text and its offsets first")


def bad(where: str, name: str, template: str, **params) -> Invalid:
    """A record's field refused: `template` (marked with N_) starts with "{at}field '{name}': " and says why."""
    return Invalid(template, field=name, where=where, params={"at": f"{where}: ", "name": name, **params})


def not_json(where: str, problem: str, field: str) -> Invalid:
    return Invalid(N_("{where}: not valid JSON ({problem})"), field=field, where=where,
                   params={"where": where, "problem": problem})


def not_utf8(name: str, line: int, byte: int, offset: int) -> Invalid:
    """Bad UTF-8 stops the file, named by its line and its offset in the file."""
    return Invalid(N_("{name}: line {line}: not UTF-8 text (byte 0x{byte} at offset {offset}); save the file as "
                      "UTF-8"), field="file", where=name,
                   params={"name": name, "line": line, "byte": f"{byte:02x}", "offset": offset})


def problem(exc: msgspec.ValidationError, where: str, prefix: str = "") -> Invalid:
    match = _PATH.match(str(exc))
    path, message = prefix + (match["path"] or ""), match["message"]
    if message.startswith("Object missing required field `"):
        path, message = f"{path}.{message.split('`')[1]}", "is required"
    path = path.lstrip(".")
    template, params = _say(message)
    params["at"] = f"{where}: "
    if not path:
        return Invalid(N_("{at}{problem}"), where=where, params={"problem": message[0].lower() + message[1:], **params})
    return Invalid(template, field=path, where=where, params={"name": path, **params})


def _say(message: str) -> tuple[str, dict]:
    """msgspec's words, as the rest of our messages put things: a template and its values."""
    if message == "is required":
        return N_("{at}field '{name}': is required"), {}
    if message.startswith("Expected `str` of length >= 1"):
        return N_("{at}field '{name}': must not be empty"), {}
    if message.startswith("Expected `str` of length <= "):
        return N_("{at}field '{name}': has more than {max} characters"), {"max": message.split("<= ")[1].rstrip("`")}
    return N_("{at}field '{name}': {problem}"), {"problem": message[0].lower() + message[1:]}
