"""The label schema editor (admins): labels with colours, hotkeys, attributes; relation types."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..auth import role_required
from ..errors import DomainError
from ..extensions import db
from ..models import Role
from ..services import schema as schema_service
from ..services import versions
from .forms import UserActionForm
from .projects import load_project

bp = Blueprint("schema", __name__)


@bp.route("/projects/<int:pid>/schema", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit(pid):
    project = load_project(pid)
    form = UserActionForm()
    problems = []
    if form.validate_on_submit():
        try:
            versions.expect(project, request.form.get("version", type=int), "project")
            labels = _keeping_extras(project.label_schema.get("labels", []), _labels_from(request.form))
            relations = _keeping_extras(project.label_schema.get("relations", []), _relations_from(request.form))
            document = _with_descriptions(project, schema_service.parse_attributes(
                request.form.get("document_fields", ""), "document fields", several=True))
            schema_service.update_schema(db.session, project, labels, relations, current_user, document)
            versions.write(db.session, project, "project", "label_schema")
        except (DomainError, StaleDataError) as exc:
            db.session.rollback()
            problems.append(exc.message if isinstance(exc, DomainError) else versions.stale("project").message)
        else:
            db.session.commit()
            flash(_("Schema saved."), "info")
            return redirect(url_for("schema.edit", pid=pid))
    return render_template("schema/edit.html", project=project, form=form, problems=problems,
                           counts=schema_service.label_counts(db.session, project),
                           format_attributes=schema_service.format_attributes), 400 if problems else 200


def _with_descriptions(project, document: list[dict]) -> list[dict]:
    """The document fields as edited here, each keeping the description (set through the API) that its name had
    before: the editor's text form has no place for one, as the labels' rows keep theirs."""
    described = {f["name"]: f["description"] for f in project.label_schema.get("document", []) if f.get("description")}
    return [f | {"description": described[f["name"]]} if f["name"] in described and not f.get("description") else f
            for f in document]


def _keeping_extras(before: list[dict], edited: list[dict]) -> list[dict]:
    """The labels or relations as edited here, each keeping the keys the editor has no field for (set through the
    API or a schema file, perhaps by a newer annotator) that it had under its name before."""
    old = {entry["name"]: entry for entry in before}
    return [{**{k: v for k, v in old.get(entry["original"] or entry["name"], {}).items() if k not in entry}, **entry}
            for entry in edited]


def _rows(form, prefix: str) -> list[dict]:
    """Form fields named prefix-N-field, grouped by N in order; rows without a name are skipped."""
    rows: dict[int, dict] = {}
    for key, value in form.items():
        parts = key.split("-", 2)
        if len(parts) == 3 and parts[0] == prefix and parts[1].isascii() and parts[1].isdigit() and len(parts[1]) < 6:
            rows.setdefault(int(parts[1]), {})[parts[2]] = value.strip()
    return [rows[i] for i in sorted(rows) if rows[i].get("name") and not rows[i].get("delete")]


def _labels_from(form) -> list[dict]:
    return [{"name": row["name"], "original": row.get("original") or None,
             "color": row.get("color") or "#6b7280", "hotkey": row.get("hotkey", "").lower(),
             "description": row.get("description", ""),
             "attributes": schema_service.parse_attributes(row.get("attributes", ""), f"label {row['name']}")}
            for row in _rows(form, "labels")]


def _relations_from(form) -> list[dict]:
    def names(value):
        return [x.strip() for x in value.replace(",", " ").split() if x.strip()]

    return [{"name": row["name"], "original": row.get("original") or None, "from": names(row.get("from", "")),
             "to": names(row.get("to", "")), "description": row.get("description", "")}
            for row in _rows(form, "relations")]
