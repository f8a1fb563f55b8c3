"""/api/v1: JSON in, JSON out; one place maps domain and HTTP errors to JSON 4xx."""

from flask import Blueprint, request
from flask_babel import gettext
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from ..auth import api_error
from ..errors import DomainError
from ..extensions import db
from ..i18n import http_error_text
from ..services.versions import STALE_ANY
from .inputs import BadBody, read_json

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_body() -> dict:
    """The request's JSON object, or a 400 naming what is wrong with it. Routes declare their body instead
    (@body(Model), see inputs.py): this is for one that cannot yet."""
    data = read_json(request.get_data(cache=True))
    if not isinstance(data, dict):
        raise BadBody("the request body must be a JSON object")
    return data


@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError):
    db.session.rollback()
    return api_error(**{**exc.to_dict(), "status": exc.status})


@bp.errorhandler(StaleDataError)
def _stale(exc: StaleDataError):
    """A versioned row changed by someone else between read and write, wherever a service did not say so."""
    db.session.rollback()
    return api_error("conflict", gettext(STALE_ANY), 409, field="version")


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    db.session.rollback()
    code = (exc.name or "error").lower().replace(" ", "_")
    return api_error(code, http_error_text(exc)[1], exc.code or 400)


def is_api_request() -> bool:
    return request.path.startswith(bp.url_prefix + "/")


from . import (  # noqa: E402,F401  (routes register on bp)
    actors,
    doclabels,
    documents,
    export,
    groups,
    members,
    openapi,
    projection,
    projects,
    relations,
    review,
    search,
    spans,
)
