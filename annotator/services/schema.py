"""Editing a project's label schema without orphaning spans: renames carry spans along, deleting a label in
use is refused with its count."""

import re

from sqlalchemy import func, select, update

from ..errors import Invalid
from ..models import Document, Project, Relation, Span
from . import history
from .projects import validate_schema

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_attributes(spec: str, where: str) -> list[dict]:
    """'polarity!: support|oppose|neutral; note: text; hedged: bool' -> typed attribute definitions
    (a name ending in ! is required: the page asks for it as soon as such a span is made)."""
    out = []
    for part in filter(None, (p.strip() for p in (spec or "").split(";"))):
        name, sep, kind = (x.strip() for x in part.partition(":"))
        required = name.endswith("!")
        name = name.rstrip("!").strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", name):
            raise Invalid(f"{where}: write attributes as 'name: text', 'name: bool' or 'name: a|b|c'",
                          field=where)
        if kind in ("text", "bool"):
            item = {"name": name, "type": kind}
        else:
            options = [o.strip() for o in kind.split("|") if o.strip()]
            if len(options) < 2:
                raise Invalid(f"{where}: a choice needs at least two options separated by |", field=where)
            item = {"name": name, "type": "choice", "options": options}
        out.append(item | {"required": True} if required else item)
    return out


def format_attributes(attributes: list[dict]) -> str:
    parts = []
    for a in attributes:
        kind = "|".join(a.get("options", [])) if a.get("type") == "choice" else a.get("type", "text")
        parts.append(f"{a['name']}{'!' if a.get('required') else ''}: {kind}")
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


def update_schema(session, project: Project, labels: list[dict], relations: list[dict], user=None) -> dict:
    """Replace the schema. Each label may carry 'original' (its previous name): a changed name renames its
    spans; an original that disappears is a deletion, refused while spans use it."""
    for i, label in enumerate(labels):
        if label.get("color") and not HEX.match(label["color"]):
            raise Invalid(f"label {label.get('name')}: colour must look like #1d4ed8", field=f"labels[{i}].color")
        hotkey = label.get("hotkey") or ""
        if len(hotkey) > 1 or (hotkey and not hotkey.isalnum()):
            raise Invalid(f"label {label.get('name')}: a hotkey is one letter or digit", field=f"labels[{i}].hotkey")
    hotkeys = [label["hotkey"].lower() for label in labels if label.get("hotkey")]
    if len(hotkeys) != len(set(hotkeys)):
        raise Invalid("two labels share a hotkey", field="hotkey")
    renames = {label["original"]: label["name"] for label in labels
               if label.get("original") and label["original"] != label["name"]}
    kept = {label.get("original") or label["name"] for label in labels}
    counts = label_counts(session, project)
    for old in project.label_names():
        if old not in kept and counts.get(old):
            raise Invalid(f"label {old} is used by {counts[old]} span(s); rename it or move its spans first",
                          field="labels")
    type_renames = {r["original"]: r["name"] for r in relations
                    if r.get("original") and r["original"] != r["name"]}
    _refuse_dropping_used_types(session, project, {r.get("original") or r["name"] for r in relations})
    relations = [{k: v for k, v in r.items() if k != "original"}
                 | {"from": [renames.get(x, x) for x in r.get("from", [])],
                    "to": [renames.get(x, x) for x in r.get("to", [])]} for r in relations]
    schema = validate_schema({"labels": [{k: v for k, v in label.items() if k != "original"} for label in labels],
                              "relations": relations})
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


def _refuse_dropping_used_types(session, project: Project, kept: set[str]) -> None:
    rows = session.execute(select(Relation.type, func.count()).join(Document, Document.id == Relation.document_id)
                           .where(Document.project_id == project.id, Relation.deleted_at.is_(None))
                           .group_by(Relation.type)).all()
    for type_, n in rows:
        if type_ not in kept:
            raise Invalid(f"relation type {type_} is used by {n} relation(s); it cannot be deleted", field="relations")
