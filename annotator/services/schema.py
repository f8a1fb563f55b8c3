"""A project's label schema: its declared shape (checked whole wherever a schema comes in: the API, the schema
page, `annotator project create --schema`), and editing it without orphaning spans: renames carry spans along,
deleting a label in use is refused with its count."""

import re
from collections import Counter
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    model_validator,
)
from sqlalchemy import func, select, update

from ..db import json_text
from ..errors import N_, Invalid
from ..models import Document, DocumentLabels, Project, Relation, Span
from . import history

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]  # spans.label, relations.type: String(100)
Description = Annotated[str, StringConstraints(max_length=5000)]


def _colour(value: str) -> str:
    if value and not HEX.match(value):
        raise ValueError(N_("{field}: a colour must look like #1d4ed8"))
    return value


def _hotkey(value: str) -> str:
    if value and not value.isalnum():
        raise ValueError(N_("{field}: a hotkey is one letter or digit"))
    return value


class _Part(BaseModel):
    """Keys nobody declared are kept (a newer annotator may add some) but must be plain JSON."""

    model_config = ConfigDict(strict=True, extra="allow")
    __pydantic_extra__: dict[str, JsonValue]

    @model_validator(mode="after")
    def _extra_is_storable(self):
        try:  # as deep as the stored schema holds it: {"labels": [{"attributes": [{...}]}]} at most
            json_text([[[[self.__pydantic_extra__]]]])
        except TypeError:  # orjson stores no integer beyond 64 bits, and nothing nested deeper than 254 levels
            raise ValueError(N_("{field}: keys of its own must be plain JSON, with integers of 64 bits at most "
                                "and nested less than 250 deep")) from None
        return self


class AttributeDef(_Part):
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][\w-]*$", max_length=100)]
    type: Literal["text", "bool", "choice"] = "text"
    options: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field([], max_length=200)
    required: bool = False

    @model_validator(mode="after")
    def _choices_have_options(self):
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError(N_("{field}: a choice needs at least two options"))
        return self


class DocumentFieldDef(AttributeDef):
    """A document-level field: an attribute of the whole document (its stance, its topics); a choice may take
    several options at once."""

    multiple: bool = False
    description: Description = ""

    @model_validator(mode="after")
    def _multiple_is_a_choice(self):
        if self.multiple and self.type != "choice":
            raise ValueError(N_("{field}: only a choice can take several values (multiple)"))
        return self


class LabelDef(_Part):
    name: Name
    original: Name | None = None  # its name before this edit: a rename, not a new label
    color: Annotated[str, StringConstraints(max_length=7), AfterValidator(_colour)] = "#6b7280"
    hotkey: Annotated[str, StringConstraints(max_length=1), AfterValidator(_hotkey)] = ""
    description: Description = ""
    attributes: list[AttributeDef] = Field([], max_length=100)
    actor: bool | None = None  # its spans name actors (unset: only ACTOR's do; services.spans.names_actors)
    clause: bool | None = None  # its spans are statements, carried as clauses (unset: CLAIM's and POSITION's)


class RelationDef(_Part):
    name: Name
    original: Name | None = None
    from_: list[Name] = Field([], alias="from", max_length=500)
    to: list[Name] = Field([], max_length=500)
    description: Description = ""


class LabelSchema(BaseModel):
    """{labels, relations, document}: what a project's spans, relations and document-level labels may be."""

    model_config = ConfigDict(strict=True, extra="forbid")
    labels: list[LabelDef] = Field(max_length=500)
    relations: list[RelationDef] = Field([], max_length=500)
    document: list[DocumentFieldDef] = Field([], max_length=100)

    def as_dict(self) -> dict:
        """As sent: keys the sender left out stay out (the defaults are filled in by validate_schema)."""
        return self.model_dump(by_alias=True, exclude_unset=True)


def parse_schema(schema, where: str = "schema") -> dict:
    """`schema` checked against LabelSchema; Invalid names the first wrong entry (schema.labels[2].color)."""
    from ..api.inputs import invalid, refuse_nul  # one way to name a field in a message

    refuse_nul(schema, where)  # from a file (annotator project create --schema) as well as from a request
    try:
        return LabelSchema.model_validate(schema).as_dict()
    except ValidationError as exc:
        raise invalid(exc, (where,)) from None


def validate_schema(schema) -> dict:
    """Check a whole label schema (shape, then unique names, known labels at both ends of each relation) and
    return it with each label's defaults filled in; the message names the offending entry."""
    schema = parse_schema(schema)
    names = set()
    for i, label in enumerate(schema["labels"]):
        label.pop("original", None)
        if not label["name"].strip():
            raise Invalid(N_("labels[{index}] needs a name"), field=f"schema.labels[{i}].name", params={"index": i})
        if label["name"] in names:
            raise Invalid(N_("label '{name}' appears twice"), field=f"schema.labels[{i}].name",
                          params={"name": label["name"]})
        names.add(label["name"])
        label.setdefault("color", "#6b7280")
        label.setdefault("hotkey", "")
        label.setdefault("description", "")
        label.setdefault("attributes", [])
    relations = schema.setdefault("relations", [])
    for i, rel in enumerate(relations):
        rel.pop("original", None)
        for end in ("from", "to"):
            unknown = [n for n in rel.get(end, []) if n not in names]
            if unknown:
                raise Invalid(N_("relation '{name}' refers to unknown label {label}"),
                              field=f"schema.relations[{i}].{end}", params={"name": rel["name"], "label": unknown[0]})
    _check_document_fields(schema.get("document", []))
    return schema


def _check_document_fields(fields: list[dict]) -> None:
    names = set()
    for i, item in enumerate(fields):
        if item["name"] in names:
            raise Invalid(N_("document field '{name}' appears twice"), field=f"schema.document[{i}].name",
                          params={"name": item["name"]})
        names.add(item["name"])
        for key, default in (("type", "text"), ("options", []), ("required", False), ("multiple", False)):
            item.setdefault(key, default)
        options = item["options"]
        if len(set(options)) != len(options):
            raise Invalid(N_("document field '{name}' lists an option twice"), field=f"schema.document[{i}].options",
                          params={"name": item["name"]})


def parse_attributes(spec: str, where: str, several: bool = False) -> list[dict]:
    """'polarity!: support|oppose|neutral; note: text; hedged: bool' -> typed attribute definitions
    (a name ending in ! is required: the page asks for it as soon as such a span is made; with `several`, a
    choice whose name ends in * takes several options, as document fields may)."""
    out = []
    for part in filter(None, (p.strip() for p in (spec or "").split(";"))):
        name, sep, kind = (x.strip() for x in part.partition(":"))
        marks = name[len(name.rstrip("!*")):] if several else name[len(name.rstrip("!")):]
        required, multiple = "!" in marks, "*" in marks
        name = name[:len(name) - len(marks)].strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", name):
            raise Invalid(N_("{field}: write attributes as 'name: text', 'name: bool' or 'name: a|b|c'"),
                          field=where, params={"field": where})
        if kind in ("text", "bool"):
            item = {"name": name, "type": kind}
        else:
            options = [o.strip() for o in kind.split("|") if o.strip()]
            if len(options) < 2:
                raise Invalid(N_("{field}: a choice needs at least two options separated by |"), field=where,
                              params={"field": where})
            item = {"name": name, "type": "choice", "options": options} | ({"multiple": True} if multiple else {})
        out.append(item | {"required": True} if required else item)
    return out


def format_attributes(attributes: list[dict]) -> str:
    parts = []
    for a in attributes:
        kind = "|".join(a.get("options", [])) if a.get("type") == "choice" else a.get("type", "text")
        marks = ("!" if a.get("required") else "") + ("*" if a.get("multiple") else "")
        parts.append(f"{a['name']}{marks}: {kind}")
    return "; ".join(parts)


def missing_required(project: Project, label: str, attrs: dict | None) -> list[str]:
    """The names of the label's required attributes that `attrs` leaves without a value."""
    defs = next((item.get("attributes", []) for item in project.label_schema.get("labels", [])
                 if item["name"] == label), [])
    return [a["name"] for a in defs if a.get("required") and (attrs or {}).get(a["name"]) in (None, "")]


def label_counts(session, project: Project) -> dict[str, int]:
    rows = session.execute(select(Span.label, func.count()).join(Document, Document.id == Span.document_id)
                           .where(Document.project_id == project.id, Span.deleted_at.is_(None))
                           .group_by(Span.label))
    return dict(rows.all())


def update_schema(session, project: Project, labels: list[dict], relations: list[dict], user=None,
                  document: list[dict] | None = None) -> dict:
    """Replace the schema. Each label may carry 'original' (its previous name): a changed name renames its
    spans; an original that disappears is a deletion, refused while spans use it. `document` (the document
    fields) None keeps them as they are."""
    if document is None:
        document = project.label_schema.get("document", [])
    edit = parse_schema({"labels": labels, "relations": relations, "document": document})
    labels, relations = edit["labels"], edit.get("relations", [])
    hotkeys = [label["hotkey"].lower() for label in labels if label.get("hotkey")]
    if len(hotkeys) != len(set(hotkeys)):
        raise Invalid(N_("two labels share a hotkey"), field="hotkey")
    renames = {label["original"]: label["name"] for label in labels
               if label.get("original") and label["original"] != label["name"]}
    kept = {label.get("original") or label["name"] for label in labels}
    counts = label_counts(session, project)
    for old in project.label_names():
        if old not in kept and counts.get(old):
            raise Invalid(N_("label {name} is used by {count} span(s); rename it or move its spans first"),
                          field="labels", params={"name": old, "count": counts[old]})
    type_renames = {r["original"]: r["name"] for r in relations
                    if r.get("original") and r["original"] != r["name"]}
    _refuse_dropping_used_types(session, project, {r.get("original") or r["name"] for r in relations})
    _refuse_dropping_used_fields(session, project, {f["name"] for f in edit.get("document", [])})
    relations = [r | {"from": [renames.get(x, x) for x in r.get("from", [])],
                      "to": [renames.get(x, x) for x in r.get("to", [])]} for r in relations]
    schema = validate_schema({"labels": labels, "relations": relations, "document": edit.get("document", [])})
    if not schema["document"]:
        del schema["document"]  # a schema without document fields reads as it always did
    before = project.label_schema
    doc_ids = select(Document.id).where(Document.project_id == project.id)
    for old, new in renames.items():
        session.execute(update(Span).where(Span.label == old, Span.document_id.in_(doc_ids))
                        .values(label=new, version=Span.version + 1).execution_options(synchronize_session=False))
    for old, new in type_renames.items():
        session.execute(update(Relation).where(Relation.type == old, Relation.document_id.in_(doc_ids))
                        .values(type=new).execution_options(synchronize_session=False))
    project.label_schema = schema
    session.flush()
    history.record(session, project.id, user, "schema", project.id, "update", before, schema)
    return schema


def _refuse_dropping_used_fields(session, project: Project, kept: set[str]) -> None:
    """A document field that some set of document labels (an annotator's or the gold) has a value for stays."""
    dropped = {f["name"] for f in project.label_schema.get("document", [])} - kept
    if not dropped:
        return
    uses = Counter()
    sets = (select(DocumentLabels.values).join(Document, Document.id == DocumentLabels.document_id)
            .where(Document.project_id == project.id))
    for values in session.scalars(sets):
        uses.update(name for name in (values or {}) if name in dropped)
    for name in sorted(dropped):
        if uses[name]:
            raise Invalid(N_("document field '{name}' has values in {count} set(s) of document labels; it cannot be "
                             "removed"), field="document", params={"name": name, "count": uses[name]})


def _refuse_dropping_used_types(session, project: Project, kept: set[str]) -> None:
    rows = session.execute(select(Relation.type, func.count()).join(Document, Document.id == Relation.document_id)
                           .where(Document.project_id == project.id, Relation.deleted_at.is_(None))
                           .group_by(Relation.type)).all()
    for type_, n in rows:
        if type_ not in kept:
            raise Invalid(N_("relation type {name} is used by {count} relation(s); it cannot be deleted"),
                          field="relations", params={"name": type_, "count": n})
