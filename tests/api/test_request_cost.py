"""A span save costs a handful of statements: no lazy reloads of what the access check already loaded, nothing
re-read after the commit."""

from sqlalchemy import event

from annotator.extensions import db

# the token with its user, the access check (the object, its document and project, the caller's role), then the
# work itself: for a new span the actor registry lookup, the span, its history event and the progress row
BUDGET = {"POST": 7, "PATCH": 4, "GET": 2}


def test_span_requests_stay_within_their_statement_budget(app, client, make):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text="Київ 🙂 заявив. Putin spoke.")
    headers = {"Authorization": f"Bearer {make.token('olena')}"}
    client.get("/api/v1/projects", headers=headers)  # the first request's schema check is not a save's cost
    statements = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    def cost(method, url, body=None):
        statements.clear()
        response = client.open(url, method=method, json=body, headers=headers)
        assert response.status_code < 300, response.json
        return response.json, len(statements)

    span, posted = cost("POST", f"/api/v1/documents/{doc.id}/spans", {"start": 0, "end": 4, "label": "ACTOR"})
    _, patched = cost("PATCH", f"/api/v1/spans/{span['id']}", {"label": "CLAIM", "version": span["version"]})
    got, read = cost("GET", f"/api/v1/spans/{span['id']}")
    assert got["label"] == "CLAIM" and got["text"] == "Київ"
    counts = {"POST": posted, "PATCH": patched, "GET": read}
    assert all(counts[k] <= BUDGET[k] for k in BUDGET), counts
