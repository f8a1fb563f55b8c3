"""Projects and their documents."""

from flask import request, url_for
from flask_login import current_user

from ..auth import role_required
from ..errors import Invalid
from ..extensions import db
from ..ingest import parse_files
from ..models import Role
from ..services import documents as doc_service
from ..services import imports
from ..services import projects as project_service
from ..services import schema as schema_service
from . import bp, json_body
from .serialize import document_json, project_json


@bp.get("/projects")
def list_projects():
    rows = project_service.project_summaries(db.session, current_user)
    return {"projects": [{**project_json(p), "document_count": n} for p, n in rows]}


@bp.post("/projects")
@role_required(Role.ADMIN)
def create_project():
    data = json_body()
    project = project_service.create_project(db.session, data.get("name"), data.get("description", ""),
                                              data.get("guidelines", ""), data.get("schema"), current_user)
    db.session.commit()
    return project_json(project), 201, {"Location": url_for("api.get_project", pid=project.id)}


@bp.get("/projects/<int:pid>")
def get_project(pid):
    project = project_service.get_project(db.session, pid)
    return project_json(project, project_service.language_counts(db.session, project))


@bp.patch("/projects/<int:pid>")
@role_required(Role.ADMIN)
def update_project(pid):
    """Any of name, description, guidelines, settings, schema ({labels, relations}; a label's or relation's
    "original" names what it was called, so that renaming keeps its spans)."""
    project = project_service.get_project(db.session, pid)
    data = json_body()
    project_service.update_project(db.session, project, data.get("name"), data.get("description"),
                                   data.get("guidelines"), data.get("settings"))
    if "schema" in data:
        schema = data["schema"]
        if not isinstance(schema, dict) or not isinstance(schema.get("labels"), list):
            raise Invalid("schema must be an object with 'labels' and 'relations' lists", field="schema")
        schema_service.update_schema(db.session, project, schema["labels"], schema.get("relations", []),
                                     current_user)
    db.session.commit()
    return project_json(project)


@bp.post("/projects/<int:pid>/documents")
@role_required(Role.REVIEWER)
def create_document(pid):
    project = project_service.get_project(db.session, pid)
    item = doc_service.parse_fields(json_body())
    result = doc_service.add_documents(db.session, project, [item], current_user)
    if result.skipped:
        raise DuplicateDocument("the same text is already in this project", field="text")
    db.session.commit()
    doc = result.created[0]
    return document_json(doc), 201, {"Location": url_for("api.get_document", did=doc.id)}


@bp.get("/projects/<int:pid>/documents")
def list_documents(pid):
    project = project_service.get_project(db.session, pid)
    page = doc_service.list_documents(db.session, project, request.args.get("lang"), request.args.get("q"),
                                      request.args.get("page", 1, type=int),
                                      min(500, request.args.get("per_page", 50, type=int)))
    return {"documents": [document_json(d, with_text=False) for d in page.documents], "total": page.total,
            "page": page.page, "pages": page.pages}


@bp.post("/projects/<int:pid>/import")
@role_required(Role.REVIEWER)
def import_jsonl(pid):
    """A JSONL body, validated whole before anything is written; ?dry_run=1 only reports."""
    project = project_service.get_project(db.session, pid)
    parsed = parse_files([("body", request.get_data())], "jsonl", request.args.get("lang"))
    if parsed.errors:
        raise Invalid(f"{len(parsed.errors)} problem(s); nothing was imported",
                      problems=[e.message for e in parsed.errors])
    result = imports.import_documents(db.session, project, parsed.inputs, current_user,
                                      add_labels=request.args.get("add_labels") in ("1", "true"))
    body = {"created": len(result.created), "spans": result.span_count,
            "skipped": [{"where": w, "reason": r} for w, r in result.skipped],
            "dry_run": request.args.get("dry_run") in ("1", "true")}
    if body["dry_run"]:
        db.session.rollback()
    else:
        db.session.commit()
        body["ids"] = [d.id for d in result.created]
    return body, 200 if body["dry_run"] else 201


class DuplicateDocument(Invalid):
    status = 409
    code = "duplicate"
