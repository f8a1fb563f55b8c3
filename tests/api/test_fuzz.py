"""Schemathesis against the app, from its OpenAPI document: every operation, valid and invalid input, no 5xx.

On both databases (PostgreSQL enforces column lengths and refuses NUL, SQLite does neither) with a fixed seed
(the same cases every run); bench/fuzz.py runs longer and random."""

from tests.fuzzing import fuzz, load_schema, seed

EXAMPLES = 15  # generated cases per operation, after up to 60 boundary cases: about 3,000 requests, ~1 min CPU


def test_no_operation_answers_generated_input_with_a_server_error(app):
    token = seed(app)
    schema = load_schema(app, token=token)
    report = fuzz(schema, token, EXAMPLES, coverage=60)
    assert report.failures == [], "\n".join(report.failures[:20])
    every = {f"{method.upper()} {path}" for path, ops in schema.raw_schema["paths"].items() for method in ops}
    declared = every - {"GET /api/v1/openapi.json"}  # Schemathesis leaves out the document it read
    assert declared <= set(report.operations)  # and tries methods no route has (TRACE, PUT on a GET route…)
    assert min(report.operations[label] for label in declared) >= EXAMPLES
    assert report.statuses[200] + report.statuses[201] > 0, report.statuses  # some requests got through
