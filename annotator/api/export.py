"""Streamed export of a project."""

from urllib.parse import quote

from flask import Response, request, stream_with_context

from .. import export as formats
from ..auth import role_required
from ..export import COUNTING, ExportRequest, Losses, left_out, split, writer_for
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
    writer_for(fmt)
    skipped = left_out(db.session, project, req)  # what can fail, before the stream
    part = None
    if request.args.get("split"):  # ?split=80/10/10&seed=1&part=train: one part of a grouped split
        part = (split.parse_ratios(request.args["split"]), split.parse_seed(request.args.get("seed", "0")),
                request.args.get("part", ""))
        split.check_part(part[2])
    headers = {"X-Annotator-Left-Out": f"{skipped} not reviewed"}
    if fmt in COUNTING:  # what the format cannot hold, counted by a first pass before the file is streamed
        found = Losses()
        for _ in formats.lines(fmt, db.session, project, req, found, part):
            pass
        headers["X-Export-Losses"] = found.header()
    lines = formats.lines(fmt, db.session, project, req, part=part)
    mimetype, suffix = MEDIA.get(fmt, ("application/x-ndjson", "jsonl"))
    filename = quote(f"{project.name}-{req.layer}-{fmt}{'-' + part[2] if part else ''}.{suffix}", safe="")
    headers["Content-Disposition"] = f"attachment; filename=\"export.{suffix}\"; filename*=UTF-8''{filename}"
    return Response(stream_with_context(lines), mimetype=mimetype, headers=headers)


MEDIA = {"labelstudio": ("application/json", "json"), "conll": ("text/plain", "conll"),
         "spacy": ("application/octet-stream", "spacy")}
