"""Streamed export of a project."""

from urllib.parse import quote

from flask import Response, request, stream_with_context

from ..auth import role_required
from ..export import ExportRequest, writer_for
from ..extensions import db
from ..models import Role
from ..services import projects as project_service
from . import bp


def export_request_from_args(args, session, project) -> ExportRequest:
    def values(name):
        return [x for x in args.getlist(name) if x]

    return ExportRequest(layer=args.get("layer") or "gold", langs=values("lang"), labels=values("label"),
                         statuses=values("status"),
                         by_group=args.get("by_group") in ("1", "true", "on")).validated(session, project)


@bp.get("/projects/<int:pid>/export")
@role_required(Role.REVIEWER)  # every layer is in an export: annotators stay blind to each other
def export(pid):
    project = project_service.get_project(db.session, pid)
    req = export_request_from_args(request.args, db.session, project)
    fmt = request.args.get("format", "jsonl")
    lines = writer_for(fmt)(db.session, project, req)
    mimetype, suffix = MEDIA.get(fmt, ("application/x-ndjson", "jsonl"))
    filename = quote(f"{project.name}-{req.layer}-{fmt}.{suffix}", safe="")
    return Response(stream_with_context(lines), mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename=\"export.{suffix}\"; "
                                                    f"filename*=UTF-8''{filename}"})


MEDIA = {"labelstudio": ("application/json", "json"), "conll": ("text/plain", "conll")}
