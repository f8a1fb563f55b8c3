"""Projects and their documents."""

from typing import Annotated

from flask import request, url_for
from flask_login import current_user
from pydantic import Field, JsonValue, StringConstraints
from sqlalchemy.orm.exc import StaleDataError

from ..auth import role_required
from ..errors import Conflict, Invalid
from ..extensions import db
from ..ids import MAX_ID
from ..ingest import parse_files
from ..models import Role
from ..services import documents as doc_service
from ..services import imports, versions
from ..services import projects as project_service
from ..services import schema as schema_service
from ..services.schema import LabelSchema
from . import bp
from .inputs import Body, Count, GroupRef, Lang, LongText, Query, body, query, raw_body
from .serialize import document_json, project_json


class Settings(Body):
    model_config = {"extra": "forbid"}
    open_annotations: bool | None = None
    auto_assign: Annotated[int, Field(ge=0, le=20)] | None = None


class NewProject(Body):
    name: Annotated[str, StringConstraints(max_length=120)]
    description: LongText = ""
    guidelines: LongText = ""
    schema_: LabelSchema | None = Field(None, alias="schema")


class ProjectChanges(Body):
    name: Annotated[str, StringConstraints(max_length=120)] | None = None
    description: LongText | None = None
    guidelines: LongText | None = None
    settings: Settings | None = None
    schema_: LabelSchema | None = Field(None, alias="schema")
    version: Count | None = None  # the project's version a schema edit was based on


class NewDocument(Body):
    text: LongText
    lang: Lang | None = None
    title: Annotated[str, StringConstraints(max_length=doc_service.MAX_TITLE)] = ""
    group: GroupRef | None = None
    source_url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    published: Annotated[str, StringConstraints(max_length=40)] | None = None
    meta: dict[str, JsonValue] = {}


class DocumentFilter(Query):
    lang: Lang | None = None
    q: Annotated[str, StringConstraints(max_length=500)] | None = None
    page: Annotated[int, Field(ge=1, le=MAX_ID)] = 1
    per_page: Annotated[int, Field(ge=1, le=500)] = 50


class ImportOptions(Query):
    lang: Lang | None = None
    dry_run: bool = False
    add_labels: bool = False


@bp.get("/projects")
def list_projects():
    rows = project_service.project_summaries(db.session, current_user)
    return {"projects": [{**project_json(p), "document_count": n} for p, n in rows]}


@bp.post("/projects")
@role_required(Role.ADMIN)
@body(NewProject)
def create_project(data: NewProject):
    schema = data.schema_.as_dict() if data.schema_ else None
    project = project_service.create_project(db.session, data.name, data.description, data.guidelines, schema,
                                              current_user)
    db.session.commit()
    return project_json(project), 201, {"Location": url_for("api.get_project", pid=project.id)}


@bp.get("/projects/<int:pid>")
def get_project(pid):
    project = project_service.get_project(db.session, pid)
    return project_json(project, project_service.language_counts(db.session, project))


@bp.patch("/projects/<int:pid>")
@role_required(Role.ADMIN)
@body(ProjectChanges)
def update_project(pid, data: ProjectChanges):
    """Any of name, description, guidelines, settings, schema ({labels, relations}; a label's or relation's
    "original" names what it was called, so that renaming keeps its spans)."""
    project = project_service.get_project(db.session, pid)
    try:
        if data.schema_ is not None or data.version is not None:  # a schema edit needs the version it was based on
            versions.expect(project, data.version, "project")
        settings = data.settings.model_dump(exclude_unset=True) if data.settings else None
        project_service.update_project(db.session, project, data.name, data.description, data.guidelines, settings)
        if data.schema_ is not None:
            schema = data.schema_.as_dict()
            schema_service.update_schema(db.session, project, schema["labels"], schema.get("relations", []),
                                         current_user, schema.get("document"))
        versions.write(db.session, project, "project", "label_schema")
    except (Conflict, StaleDataError) as exc:
        db.session.rollback()
        conflict = exc if isinstance(exc, Conflict) else versions.stale("project")
        conflict.extra["current"] = project_json(project_service.get_project(db.session, pid))
        raise conflict from None
    db.session.commit()
    return project_json(project)


@bp.post("/projects/<int:pid>/documents")
@role_required(Role.REVIEWER)
@body(NewDocument)
def create_document(pid, data: NewDocument):
    project = project_service.get_project(db.session, pid)
    item = doc_service.parse_fields(data.model_dump(exclude_unset=True))
    result = doc_service.add_documents(db.session, project, [item], current_user)
    if result.skipped:
        raise DuplicateDocument("the same text is already in this project", field="text")
    db.session.commit()
    doc = result.created[0]
    return document_json(doc), 201, {"Location": url_for("api.get_document", did=doc.id)}


@bp.get("/projects/<int:pid>/documents")
@query(DocumentFilter)
def list_documents(pid, args: DocumentFilter):
    project = project_service.get_project(db.session, pid)
    page = doc_service.list_documents(db.session, project, args.lang, args.q, args.page, args.per_page)
    return {"documents": [document_json(d, with_text=False) for d in page.documents], "total": page.total,
            "page": page.page, "pages": page.pages}


@bp.post("/projects/<int:pid>/import")
@role_required(Role.REVIEWER)
@query(ImportOptions)
@raw_body("application/x-ndjson", "native annotator.document/v1 lines")
def import_jsonl(pid, args: ImportOptions):
    """A JSONL body, validated whole before anything is written; ?dry_run=1 only reports."""
    project = project_service.get_project(db.session, pid)
    parsed = parse_files([("body", request.get_data())], "jsonl", args.lang)
    if parsed.errors:
        raise Invalid(imports.NOTHING_IMPORTED, params={"count": len(parsed.errors)},
                      problems=[e.message for e in parsed.errors])
    result = imports.import_documents(db.session, project, parsed.inputs, current_user,
                                      add_labels=args.add_labels)
    body = {"created": len(result.created), "spans": result.span_count,
            "skipped": [{"where": w, "reason": r} for w, r in result.skipped],
            "dry_run": args.dry_run}
    if body["dry_run"]:
        db.session.rollback()
    else:
        db.session.commit()
        body["ids"] = [d.id for d in result.created]
    return body, 200 if body["dry_run"] else 201


class DuplicateDocument(Invalid):
    status = 409
    code = "duplicate"
