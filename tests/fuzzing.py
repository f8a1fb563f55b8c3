"""Property-based fuzzing of /api/v1 with Schemathesis, from the app's own OpenAPI document: every operation,
valid and invalid input, as an admin with a bearer token. Used by tests/api/test_fuzz.py (short, in CI) and
bench/fuzz.py (long). A server error (5xx, or an exception out of the app) is a failure; every 4xx is fine.

Ids drawn at random almost never name a row, so valid path ids are swapped for small ones: 1 (the first seeded
row of each kind) in the boundary cases, 1-4 in most generated ones. The requests then reach the services.
"""

import json
import random
import traceback
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

from annotator.extensions import db
from annotator.ids import MAX_ID
from annotator.services import documents as doc_service
from annotator.services import projects as project_service
from annotator.services import relations as rel_service
from annotator.services import spans as span_service
from annotator.services import users as user_service

SPEC = "/api/v1/openapi.json"


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx, value) -> bytes:
    """Generated import bodies: text as it is (odd characters too), anything else as one JSON line."""
    if isinstance(value, bytes):
        return value
    text = value if isinstance(value, str) else json.dumps(value)
    return text.encode("utf-8", "surrogatepass")


def seed(app) -> str:
    """An admin with a token; a project with a uk/en translation group, spans, a relation. Returns the token."""
    with app.app_context():
        session = db.session
        admin = user_service.create_user(session, "fuzz-admin", "admin", "correct-horse-42")
        user_service.create_user(session, "fuzz-annotator", "annotator", "correct-horse-42")
        project = project_service.create_project(session, "fuzz", created_by=admin)
        texts = {"uk": "Зеленський заявив: війна закінчиться 🙂. Друге речення.",
                 "en": "Zelensky said: the war will end 🙂. A second sentence."}
        items = [doc_service.parse_fields({"text": t, "lang": lang, "group": "g1"}) for lang, t in texts.items()]
        docs = doc_service.add_documents(session, project, items, admin).created
        for doc in docs:
            claim = span_service.create_span(session, doc, project, admin, 0, 9, "ACTOR")
            said = span_service.create_span(session, doc, project, admin, 11, 20, "CLAIM")
            rel_service.create_relation(session, doc, project, admin, said.id, claim.id, "SAID_BY")
        token = user_service.create_token(session, admin)
        session.commit()
    return token


@dataclass
class Report:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    operations: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def record(self, case, status: int | None, error: str | None = None) -> None:
        self.requests += 1
        self.statuses[status or "exception"] += 1
        self.operations[f"{case.method} {case.path}"] += 1
        if error or (status is not None and status >= 500):
            self.failures.append(f"{case.method} {case.formatted_path} query={case.query!r} "
                                 f"body={getattr(case, 'body', None)!r}: {error or status}")


def load_schema(app=None, base_url: str | None = None, token: str = ""):
    headers = {"Authorization": f"Bearer {token}"}
    if base_url:
        return schemathesis.openapi.from_url(base_url + SPEC, headers=headers)
    return schemathesis.openapi.from_wsgi(SPEC, app, headers=headers)


def fuzz(schema, token: str, examples: int, seed_value: int | None = 0, base_url: str | None = None,
         report: Report | None = None, coverage: int = 100) -> Report:
    """Per operation: up to `coverage` of Schemathesis' boundary cases (each bound, just past it, wrong types),
    then `examples` generated cases, valid and invalid mixed. seed_value=None: a random run."""
    report = report or Report()
    rng = random.Random(seed_value)
    headers = {"Authorization": f"Bearer {token}"}

    def send(case, seeded):
        for name, value in case.path_parameters.items():
            if isinstance(value, int) and 1 <= value <= MAX_ID and (seeded or rng.random() < 0.8):
                case.path_parameters[name] = 1 if seeded else rng.randint(1, 4)
        try:
            response = case.call(base_url=base_url, headers=headers)
        except Exception:  # the app raised: with TESTING on, the test client passes it on
            report.record(case, None, traceback.format_exc(limit=-3))
        else:
            report.record(case, response.status_code)

    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    for result in schema.get_all_operations():
        operation = result.ok()
        config = schema.config.generation_for(operation=operation)
        for case in islice(schema.iter_coverage_cases(operation, generation_modes=modes, generation_config=config),
                           coverage):
            send(case, seeded=True)
        strategy = operation.as_strategy(GenerationMode.POSITIVE)
        if len(operation.path_parameters) or len(operation.query) or len(operation.body):
            strategy = st.one_of(strategy, operation.as_strategy(GenerationMode.NEGATIVE))
        settings(max_examples=examples, deadline=None, database=None, derandomize=seed_value is not None,
                 phases=[Phase.explicit, Phase.generate],
                 suppress_health_check=list(HealthCheck))(given(case=strategy)(lambda case: send(case, False)))()
    return report
