"""/api/v1: JSON in, JSON out; one place maps domain and HTTP errors to JSON 4xx."""

from flask import Blueprint, request
from werkzeug.exceptions import HTTPException

from ..auth import api_error
from ..errors import DomainError
from ..extensions import db
from ..i18n import http_error_text

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_body() -> dict:
    """The request's JSON object, or a 400 naming what is wrong with it."""
    data = request.get_json(silent=True, force=True)
    if not isinstance(data, dict):
        raise BadBody("the request body must be a JSON object")
    return data


class BadBody(DomainError):
    code = "bad_request"


@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError):
    db.session.rollback()
    return api_error(**{**exc.to_dict(), "status": exc.status})


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    db.session.rollback()
    code = (exc.name or "error").lower().replace(" ", "_")
    return api_error(code, http_error_text(exc)[1], exc.code or 400)


def is_api_request() -> bool:
    return request.path.startswith(bp.url_prefix + "/")


from . import actors, documents, export, groups, projection, projects, relations, review, spans  # noqa: E402,F401  (routes register on bp)
