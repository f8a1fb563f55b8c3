"""Review decisions and agreement figures (reviewers and admins)."""

from flask import request
from flask_login import current_user

from ..auth import role_required
from ..extensions import db
from ..models import Role
from ..services import agreement, review
from ..services import projects as project_service
from ..services import spans as span_service
from . import bp, json_body
from .serialize import span_json


@bp.post("/spans/<int:sid>/review")
@role_required(Role.REVIEWER)
def review_span(sid):
    span = span_service.get_span(db.session, sid, current_user)
    data = json_body()
    review.review_span(db.session, span, current_user, data.get("decision"), data.get("version"))
    db.session.commit()
    return span_json(span, span.document.text)


@bp.get("/projects/<int:pid>/agreement")
@role_required(Role.REVIEWER)
def project_agreement(pid):
    project = project_service.get_project(db.session, pid)
    return agreement.pairwise(db.session, project, request.args.get("label"), request.args.get("lang"))
