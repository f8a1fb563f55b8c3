"""Streamed export of a project."""

from typing import Annotated
from urllib.parse import quote

from flask import Response, stream_with_context
from pydantic import Field, StringConstraints

from ..auth import role_required
from ..export import ExportRequest, writer_for
from ..extensions import db
from ..models import Role
from ..services import projects as project_service
from . import bp
from .inputs import Lang, Name, Query, query


class ExportOptions(Query):
    format: Annotated[str, StringConstraints(max_length=40)] = "jsonl"
    layer: Annotated[str, StringConstraints(max_length=80)] = "gold"  # gold, all, or a user name (String(80))
    lang: list[Lang] = Field([], max_length=100)
    label: list[Name] = Field([], max_length=500)
    status: list[Annotated[str, StringConstraints(max_length=20)]] = Field([], max_length=10)
    by_group: bool = False


@bp.get("/projects/<int:pid>/export")
@role_required(Role.REVIEWER)  # every layer is in an export: annotators stay blind to each other
@query(ExportOptions)
def export(pid, args: ExportOptions):
    project = project_service.get_project(db.session, pid)
    req = ExportRequest(layer=args.layer, langs=args.lang, labels=args.label, statuses=args.status,
                        by_group=args.by_group).validated(db.session, project)
    fmt = args.format
    lines = writer_for(fmt)(db.session, project, req)
    mimetype, suffix = MEDIA.get(fmt, ("application/x-ndjson", "jsonl"))
    filename = quote(f"{project.name}-{req.layer}-{fmt}.{suffix}", safe="")
    return Response(stream_with_context(lines), mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename=\"export.{suffix}\"; "
                                                    f"filename*=UTF-8''{filename}"})


MEDIA = {"labelstudio": ("application/json", "json"), "conll": ("text/plain", "conll")}
