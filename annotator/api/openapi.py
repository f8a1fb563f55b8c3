"""The OpenAPI 3.1 document of /api/v1, made from the routes themselves: their URL rules, and the body and
query models they declare (inputs.py). Nothing here is written by hand but the error shape."""

import re

from flask import current_app
from pydantic.json_schema import models_json_schema

from ..ids import MAX_ID
from . import bp

PARAM = re.compile(r"<(?:(?P<conv>[a-z]+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
ERROR = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "field": {"type": "string", "description": "the field at fault, as schema.labels[0].name"}},
    }},
}


@bp.get("/openapi.json")
def openapi():
    """This document."""
    app = current_app._get_current_object()
    if "openapi" not in app.extensions:  # the routes are fixed once the app serves
        app.extensions["openapi"] = document(app)
    return app.extensions["openapi"]


def document(app) -> dict:
    """OpenAPI for every /api/v1 route of `app`."""
    operations = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(bp.name + "."):
            view = app.view_functions[rule.endpoint]
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                operations.append((rule, method.lower(), view))
    models = {m for _, _, view in operations for m in (getattr(view, "body_model", None),) if m}
    refs, defs = models_json_schema([(m, "validation") for m in sorted(models, key=lambda m: m.__name__)],
                                    ref_template="#/components/schemas/{model}")
    paths: dict[str, dict] = {}
    for rule, method, view in sorted(operations, key=lambda o: (o[0].rule, o[1])):
        path = PARAM.sub(r"{\g<name>}", rule.rule)
        paths.setdefault(path, {})[method] = _operation(rule, method, view, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "annotator API", "version": "1",
                 "description": "JSON in, JSON out. See docs/api.md for who may call what."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": {**defs.get("$defs", {}), "Error": ERROR},
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                           "session": {"type": "apiKey", "in": "cookie", "name": "session"}}},
        "security": [{"bearer": []}, {"session": []}],
    }


def _operation(rule, method: str, view, refs: dict) -> dict:
    doc = (view.__doc__ or "").strip().splitlines()
    op = {"operationId": f"{rule.endpoint.split('.', 1)[1]}_{method}" if len(rule.methods - {"HEAD", "OPTIONS"}) > 1
          else rule.endpoint.split(".", 1)[1],
          "summary": doc[0] if doc else rule.endpoint.split(".", 1)[1].replace("_", " "),
          "parameters": _path_parameters(rule) + _query_parameters(getattr(view, "query_model", None)),
          "responses": {
              "2XX": {"description": "done", "content": {"application/json": {}}},
              "4XX": {"description": "refused: the error names the field at fault",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          }}
    model = getattr(view, "body_model", None)
    if model is not None:
        op["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": refs[(model, "validation")]}}}
    elif getattr(view, "raw_body", None):
        media, description = view.raw_body
        op["requestBody"] = {"required": True, "description": description,
                             "content": {media: {"schema": {"type": "string"}}}}
    return op


def _path_parameters(rule) -> list[dict]:
    out = []
    for match in PARAM.finditer(rule.rule):
        schema = ({"type": "integer", "minimum": 0, "maximum": MAX_ID} if match["conv"] == "int"
                  else {"type": "string"})
        out.append({"name": match["name"], "in": "path", "required": True, "schema": schema})
    return out


def _query_parameters(model) -> list[dict]:
    if model is None:
        return []
    schema = model.model_json_schema(mode="validation")
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema["properties"].items():
        prop = {k: v for k, v in prop.items() if k != "title"}
        if "anyOf" in prop:  # X | None: absent is None, a query string has no null
            prop.update(next(s for s in prop.pop("anyOf") if s.get("type") != "null"))
            prop.pop("default", None)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if prop.get("type") == "array":
            param.update(style="form", explode=True)
        out.append(param)
    return out
