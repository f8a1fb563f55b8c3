"""Streamed export of a project."""

from typing import Annotated
from urllib.parse import quote

from flask import Response, stream_with_context
from pydantic import Field, StringConstraints

from .. import export as formats
from ..auth import role_required
from ..export import COUNTING, ExportRequest, Losses, left_out, split, writer_for
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
    include_unreviewed: bool = False
    split: Annotated[str, StringConstraints(max_length=20)] | None = None  # e.g. 80/10/10
    seed: Annotated[str, StringConstraints(max_length=20)] = "0"
    part: Annotated[str, StringConstraints(max_length=10)] = ""


@bp.get("/projects/<int:pid>/export")
@role_required(Role.REVIEWER)  # every layer is in an export: annotators stay blind to each other
@query(ExportOptions)
def export(pid, args: ExportOptions):
    project = project_service.get_project(db.session, pid)
    req = ExportRequest(layer=args.layer, langs=args.lang, labels=args.label, statuses=args.status,
                        by_group=args.by_group, include_unreviewed=args.include_unreviewed).validated(db.session,
                                                                                                     project)
    fmt = args.format
    writer_for(fmt)
    skipped = left_out(db.session, project, req)  # what can fail, before the stream
    part = None
    if args.split:  # ?split=80/10/10&seed=1&part=train: one part of a grouped split
        part = (split.parse_ratios(args.split), split.parse_seed(args.seed), args.part)
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
