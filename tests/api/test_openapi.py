"""The OpenAPI document: made from the routes, served to logged-in callers, and in step with docs/api.md."""

import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from annotator import create_app
from annotator.api.openapi import document

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DOCUMENTED = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`?\s]*)")


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "x"},
                     instance_path=str(tmp_path_factory.mktemp("instance")))
    return document(app)


def _spec_routes(spec) -> set[tuple[str, str]]:
    return {(method.upper(), re.sub(r"\{(\w+)\}", r"<\1>", path.removeprefix("/api/v1")))
            for path, ops in spec["paths"].items() for method in ops}


def test_every_documented_route_is_in_the_spec_and_every_route_is_documented(spec):
    documented = set(DOCUMENTED.findall(DOCS.read_text()))
    routes = _spec_routes(spec)
    assert sorted(documented - routes) == [], "docs/api.md names routes the app does not have"
    assert sorted(routes - documented) == [], "routes missing from docs/api.md"


def test_the_spec_is_openapi_3_1_with_valid_json_schemas(spec):
    assert spec["openapi"].startswith("3.1")
    for schema in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    ops = [op for ops in spec["paths"].values() for op in ops.values()]
    assert len({op["operationId"] for op in ops}) == len(ops)


def test_declared_bodies_and_queries_are_described(spec):
    create_span = spec["paths"]["/api/v1/documents/{did}/spans"]["post"]
    ref = create_span["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    span = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(span["required"]) == {"start", "end", "label"}
    listing = spec["paths"]["/api/v1/projects/{pid}/documents"]["get"]
    per_page = next(p for p in listing["parameters"] if p["name"] == "per_page")
    assert per_page["schema"]["minimum"] == 1 and per_page["schema"]["maximum"] == 500
    did = next(p for p in create_span["parameters"] if p["name"] == "did")
    assert did["in"] == "path" and did["schema"]["maximum"] == 2**31 - 1


def test_the_spec_is_served_to_logged_in_callers_only(client, make):
    assert client.get("/api/v1/openapi.json").status_code == 401
    token = make.admin_token()
    served = client.get("/api/v1/openapi.json", headers={"Authorization": f"Bearer {token}"})
    assert served.status_code == 200 and "/api/v1/projects" in served.json["paths"]
