"""Streamed export of a project."""

from urllib.parse import quote

from flask import Response, request, stream_with_context

from ..auth import role_required
from ..export import ExportRequest, left_out, writer_for
from ..extensions import db
from ..models import Role
from ..services import projects as project_service
from . import bp


def export_request_from_args(args, session, project) -> ExportRequest:
    def values(name):
        return [x for x in args.getlist(name) if x]

    def flag(name):
        return args.get(name) in ("1", "true", "on")

    return ExportRequest(layer=args.get("layer") or "gold", langs=values("lang"), labels=values("label"),
                         statuses=values("status"), by_group=flag("by_group"),
                         include_unreviewed=flag("include_unreviewed")).validated(session, project)


@bp.get("/projects/<int:pid>/export")
@role_required(Role.REVIEWER)  # every layer is in an export: annotators stay blind to each other
def export(pid):
    project = project_service.get_project(db.session, pid)
    req = export_request_from_args(request.args, db.session, project)
    fmt = request.args.get("format", "jsonl")
    writer, skipped = writer_for(fmt), left_out(db.session, project, req)  # what can fail, before the stream
    mimetype, suffix = MEDIA.get(fmt, ("application/x-ndjson", "jsonl"))
    filename = quote(f"{project.name}-{req.layer}-{fmt}.{suffix}", safe="")
    headers = {"Content-Disposition": f"attachment; filename=\"export.{suffix}\"; filename*=UTF-8''{filename}",
               "X-Annotator-Left-Out": f"{skipped} not reviewed"}
    return Response(stream_with_context(writer(db.session, project, req)), mimetype=mimetype, headers=headers)


MEDIA = {"labelstudio": ("application/json", "json"), "conll": ("text/plain", "conll")}
