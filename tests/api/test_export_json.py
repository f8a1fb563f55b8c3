"""The spans' stored export JSON (export/fragments.py) never lets an export show a span as it was before a change.

The oracle: after any change, the export equals the export made with every stored JSON cleared (and so written
again from the current rows)."""

import threading
import time

import orjson
import pytest
from alembic import command
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.orm import Session

from annotator.db import alembic_config, upgrade
from annotator.export import ExportRequest, fragments, native
from annotator.export import query as export_query
from annotator.extensions import db
from annotator.models import Actor, Document, Project, Relation, Span, User
from annotator.services import review, schema
from annotator.services import spans as spans_service
from tests.api.test_roundtrip import rich_project  # noqa: F401 - a fixture
from tests.api.test_spans import auth


def export(app, layer="all", **options) -> bytes:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.name == "isw"))
        req = ExportRequest(layer, **options).validated(db.session, project)
        return b"".join(native.write(db.session, project, req))


def fresh_export(app, layer="all", **options) -> bytes:
    """The export with nothing stored or cached: every span's JSON and every array made again."""
    with app.app_context():
        db.session.execute(text("UPDATE spans SET export_json = NULL"))
        db.session.execute(text("DELETE FROM document_exports"))
        db.session.commit()
    return export(app, layer, **options)


def stored(app) -> dict[int, str | None]:
    with app.app_context():
        return dict(db.session.execute(select(Span.id, Span.export_json).where(Span.deleted_at.is_(None))).all())


def spans_of(body: bytes) -> list[dict]:
    return [s for line in body.splitlines() for s in orjson.loads(line)["spans"]]


def _first_span(app, label=None) -> int:
    with app.app_context():
        query = select(Span.id).where(Span.deleted_at.is_(None)).order_by(Span.id)
        return db.session.scalar(query.where(Span.label == label) if label else query)


def edit_attrs(client, app, t):
    sid = _first_span(app, "POSITION")
    span = client.get(f"/api/v1/spans/{sid}", headers=auth(t["taras"])).json
    client.patch(f"/api/v1/spans/{sid}", json={"attrs": {"polarity": "support"}, "version": span["version"]},
                 headers=auth(t["taras"]))
    return "support"


def review_reject(client, app, t):
    sid = _first_span(app, "POSITION")
    client.post(f"/api/v1/spans/{sid}/review", json={"decision": "reject"}, headers=auth(t["rita"]))
    return "rejected"


def delete_span(client, app, t):
    sid = _first_span(app, "POSITION")
    client.delete(f"/api/v1/spans/{sid}", headers=auth(t["taras"]))
    return None


def accept_agreed(client, app, t):  # a bulk UPDATE statement, not the ORM
    sid = _first_span(app, "POSITION")  # taras's; olena marks it alike, so both agree on it
    span = client.get(f"/api/v1/spans/{sid}", headers=auth(t["rita"])).json
    client.post(f"/api/v1/documents/{span['document']}/spans", headers=auth(t["olena"]),
                json={"start": span["start"], "end": span["end"], "label": "POSITION", "attrs": span["attrs"]})
    export(app)  # both spans' JSON stored before the review changes them
    with app.app_context():
        for doc in db.session.scalars(select(Document)):
            review.accept_agreed(db.session, doc, db.session.scalar(select(User).where(User.username == "rita")))
        db.session.commit()
    return "accepted"


def rename_label(client, app, t):  # a bulk UPDATE statement over the project's spans
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.name == "isw"))
        labels = [{**label, "original": label["name"],
                   "name": "STANCE" if label["name"] == "POSITION" else label["name"]}
                  for label in project.label_schema["labels"]]
        relations = [{**r, "original": r["name"]} for r in project.label_schema["relations"]]
        schema.update_schema(db.session, project, labels, relations)
        db.session.commit()
    return "STANCE"


def rename_actor(client, app, t):
    with app.app_context():
        actor = db.session.scalar(select(Actor))
        actor.name = "Recep Tayyip Erdogan"
        db.session.commit()
    return "Recep Tayyip Erdogan"


def delete_actor(client, app, t):
    with app.app_context():
        db.session.delete(db.session.scalar(select(Actor)))
        db.session.commit()
    return None


def rename_user(client, app, t):  # no page renames users today; the export must follow if one ever does
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "olena")).username = "olena.k"
        db.session.commit()
    return "olena.k"


def _relation(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Relation.id).where(Relation.deleted_at.is_(None)).order_by(Relation.id))


def add_relation(client, app, t):
    claim = client.get(f"/api/v1/spans/{_first_span(app, 'CLAIM')}", headers=auth(t["olena"])).json
    position = client.post(f"/api/v1/documents/{claim['document']}/spans", headers=auth(t["olena"]),
                           json={"start": claim["start"] + 1, "end": claim["start"] + 3, "label": "POSITION",
                                 "attrs": {"polarity": "support"}}).json
    export(app)  # the new span is in the cache before the relation comes
    assert client.post(f"/api/v1/documents/{claim['document']}/relations", headers=auth(t["olena"]),
                       json={"head": position["id"], "tail": claim["id"], "type": "ABOUT"}).status_code == 201
    return "ABOUT"


def delete_relation(client, app, t):
    assert client.delete(f"/api/v1/relations/{_relation(app)}", headers=auth(t["olena"])).status_code in (200, 204)
    return None


def review_relation(client, app, t):
    """The relation's tail is accepted first (so the relation is in the gold layer), then the relation rejected."""
    rid = _relation(app)
    with app.app_context():
        tail = db.session.get(Relation, rid).tail_id
    client.post(f"/api/v1/spans/{tail}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    assert b"SAID_BY" in export(app, "gold")
    assert client.post(f"/api/v1/relations/{rid}/review", json={"decision": "reject"},
                       headers=auth(t["rita"])).status_code == 200
    assert b"SAID_BY" not in export(app, "gold")
    return None


@pytest.mark.parametrize("change", [edit_attrs, review_reject, delete_span, accept_agreed, rename_label,
                                    rename_actor, delete_actor, rename_user, add_relation, delete_relation,
                                    review_relation])
def test_every_change_a_span_shows_reaches_the_next_export(client, app, rich_project, change):  # noqa: F811
    project, t = rich_project
    before = {layer: export(app, layer) for layer in ("all", "gold")}
    assert None not in stored(app).values()  # the export stored every span's JSON
    shown = change(client, app, t)
    after = export(app)
    assert after != before["all"] or export(app, "gold") != before["gold"]
    if shown:
        assert shown.encode() in after
    assert after == fresh_export(app)
    for layer in ("gold", "taras"):
        assert export(app, layer) == fresh_export(app, layer)


def test_spans_come_sorted_whatever_order_they_were_made_in(client, make, app):
    project = make.project("isw")
    doc = make.document(project.id, text="Один два три чотири 🙂 пʼять")
    make.user("olena")
    token = make.token("olena")
    words = ["пʼять", "три", "Один", "два", "чотири"]
    for word in words:  # ids in an order other than the text's
        start = "Один два три чотири 🙂 пʼять".index(word)
        assert client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": start, "end": start + len(word),
                                                                      "label": "ACTOR"},
                           headers=auth(token)).status_code == 201
    start = "Один два три чотири 🙂 пʼять".index("два")
    client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": start, "end": start + 3, "label": "CLAIM"},
                headers=auth(token))
    spans = spans_of(export(app))
    assert [(s["text"], s["label"]) for s in spans] == [
        ("Один", "ACTOR"), ("два", "ACTOR"), ("два", "CLAIM"), ("три", "ACTOR"), ("чотири", "ACTOR"),
        ("пʼять", "ACTOR")]
    assert spans[-1]["start"] == 22  # code points: the emoji counts one


@pytest.mark.parametrize("layer", ["all", "olena"])
def test_a_span_changed_while_the_export_runs(client, app, rich_project, monkeypatch, layer):  # noqa: F811
    """The gold and the all layer are read from the cache made when the export began: the export shows the
    project as it was then, and the next export shows the change. Other layers join their arrays batch by batch
    and show a span as it is when its batch is read."""
    project, t = rich_project
    monkeypatch.setattr(export_query, "BATCH", 1)  # one document per batch: the change lands between batches
    with app.app_context():
        proj = db.session.scalar(select(Project).where(Project.name == "isw"))
        lines = native.write(db.session, proj, ExportRequest(layer).validated(db.session, proj))
        first = orjson.loads(next(lines))
        assert first["lang"] == "en"
        engine = create_engine(db.engine.url)  # another connection, as another user's request would be
        with engine.begin() as conn:
            conn.execute(text("UPDATE spans SET label = 'CLAIM' WHERE document_id = "
                              "(SELECT id FROM documents WHERE lang = 'uk')"))
        engine.dispose()
        second = orjson.loads(next(lines))
        rest = list(lines)
    assert second["lang"] == "uk" and len(rest) == 1 and second["spans"]
    labels = {s["label"] for s in second["spans"]}
    assert labels == ({"ACTOR"} if layer == "all" else {"CLAIM"})
    after = [orjson.loads(x) for x in export(app, layer).splitlines()]
    assert {s["label"] for s in after[1]["spans"]} == {"CLAIM"}


def test_an_upgraded_database_fills_the_stored_json_on_its_first_export(app, rich_project, database_url):  # noqa: F811
    before = export(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    engine = create_engine(database_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
    upgrade(engine)
    engine.dispose()
    assert set(stored(app).values()) == {None}
    assert export(app) == before
    assert None not in stored(app).values()


def merged_with_a_relation(client, app, t) -> None:
    """olena marks taras's POSITION again and links hers ABOUT her accepted claim; rita accepts taras's, which
    merges olena's: in the gold layer the relation leaves from taras's span."""
    sid = _first_span(app, "POSITION")
    span = client.get(f"/api/v1/spans/{sid}", headers=auth(t["rita"])).json
    twin = client.post(f"/api/v1/documents/{span['document']}/spans", headers=auth(t["olena"]),
                       json={"start": span["start"], "end": span["end"], "label": "POSITION", "attrs": span["attrs"]})
    claim = _first_span(app, "CLAIM")
    assert client.post(f"/api/v1/documents/{span['document']}/relations", headers=auth(t["olena"]),
                       json={"head": twin.json["id"], "tail": claim, "type": "ABOUT"}).status_code == 201
    assert client.post(f"/api/v1/spans/{sid}/review", json={"decision": "accept"},
                       headers=auth(t["rita"])).json["status"] == "accepted"
    gold = spans_of(export(app, "gold"))
    about = [r for line in export(app, "gold").splitlines() for r in orjson.loads(line)["relations"]
             if r["type"] == "ABOUT"]
    assert about and about[0]["head"] == f"s-{sid}" and f"s-{sid}" in {s["id"] for s in gold}


@pytest.mark.parametrize("options", [{"layer": "all"}, {"layer": "gold"}, {"layer": "olena"}, {"layer": "taras"},
                                     {"layer": "all", "labels": ["ACTOR"]}, {"layer": "all", "statuses": ["pending"]},
                                     {"layer": "all", "langs": ["uk"]}])
def test_the_lines_the_database_writes_are_the_objects_python_writes(client, app, rich_project, options):  # noqa: F811
    """On SQLite most of each line is put together in SQL (export/sqlite_lines.py); it must be byte for byte what
    serialising the document objects gives, including a text SQLite cannot quote (NUL) and sentences never
    stored, which take the Python path."""
    project, t = rich_project
    with app.app_context():
        proj = db.session.scalar(select(Project).where(Project.name == "isw"))
        nul = "\x00" if db.engine.dialect.name == "sqlite" else ""  # PostgreSQL refuses NUL in text
        doc = Document(project_id=proj.id, lang="en", title=f"Odd {nul} title", content_hash="odd",
                       text=f"Zero{nul}byte 🙂 \"quoted\" \\ text", source_url=None, meta={"note": "a b"})
        odd = Document(project_id=proj.id, lang="uk", title='Лапки " і \\ слеш\tтаб', content_hash="odder",
                       text="Рядок\nдругий \x01 🙂 «ё» й\u0301 \u2028 кінець", source_url='https://e.org/"q"',
                       meta={"ключ": ["значення з пробілом", 1.5, None]}, sentences=[[0, 5], [6, 38]])
        db.session.add_all([doc, odd])
        db.session.flush()
        db.session.execute(text("UPDATE documents SET sentences = NULL WHERE id = :id"), {"id": doc.id})
        # JSON as json.dumps stored it before JSON columns were written by orjson: spaced
        db.session.execute(text("""UPDATE documents SET meta = '{"note": "a b", "n": [1, 2]}',
                                   sentences = '[[0, 5], [6, 38]]' WHERE id = :id"""), {"id": odd.id})
        db.session.commit()
    merged_with_a_relation(client, app, t)
    lines = export(app, **options).splitlines()
    with app.app_context():
        proj = db.session.scalar(select(Project).where(Project.name == "isw"))
        req = ExportRequest(**options).validated(db.session, proj)
        objects = [orjson.dumps(d) for d in native.documents(db.session, proj, req)]
    assert lines == objects and len(lines) == (2 if options.get("langs") else 5)
    assert any(b"Zero" in line for line in lines) or options.get("langs")


def test_the_cli_shows_progress_while_it_prepares_many_spans(cli, app, rich_project, monkeypatch, tmp_path):  # noqa: F811
    import annotator.cli

    before = export(app)
    with app.app_context():
        db.session.execute(text("UPDATE spans SET export_json = NULL"))
        db.session.commit()
    monkeypatch.setattr(annotator.cli, "CHUNK_NOTICE", 0)
    out = tmp_path / "all.jsonl"
    result = cli(app.config["SQLALCHEMY_DATABASE_URI"], "export", "isw", "--layer", "all", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "preparing spans" in result.output and out.read_bytes() == before
    assert None not in stored(app).values()


def test_an_unchanged_document_is_read_from_the_cache(client, app, rich_project):  # noqa: F811
    """Proof that the cache is what the export reads (a row changed by hand shows), and that a change to the
    document replaces it."""
    project, t = rich_project
    export(app)
    with app.app_context():
        doc = db.session.scalar(select(Document.id).where(Document.lang == "en"))
        db.session.execute(text("UPDATE document_exports SET spans = '[]' WHERE document_id = :d AND layer = 'all'"),
                           {"d": doc})
        db.session.commit()
    assert [orjson.loads(x)["spans"] for x in export(app).splitlines()][0] == []
    assert spans_of(export(app, "gold"))  # the gold layer has its own row
    edit_attrs(client, app, t)
    assert [orjson.loads(x)["spans"] for x in export(app).splitlines()][0]


# --- found in review -------------------------------------------------------------------------------------------

def _import_one(client, make, spans) -> None:
    project = make.project("isw")
    token = make.admin_token()
    body = orjson.dumps({"text": "Alice met Bob in Kyiv today.", "lang": "en", "title": "t", "spans": spans})
    assert client.post(f"/api/v1/projects/{project.id}/import", data=body, headers=auth(token)).status_code == 201


@pytest.mark.parametrize("span", [
    {"start": 0, "end": 5, "label": "ACTOR", "annotator": "x" * 90},  # the new account's name is cut to 80
    {"start": 0, "end": 5, "label": "ACTOR", "actor": {"name": " Alice   Smith "}},  # the actor's name is tidied
    {"start": 0, "end": 5, "label": "POSITION", "attrs": {"polarity": "support", "note": "n"}},  # jsonb's key order
])
def test_an_import_stores_the_json_an_export_would_write(client, app, make, span):
    _import_one(client, make, [span])
    assert export(app) == fresh_export(app)


def test_spans_after_a_nul_character_keep_their_text(client, app, make, backend):
    if backend != "sqlite":
        pytest.skip("PostgreSQL refuses NUL in text")
    project = make.project("isw")
    make.user("olena")
    body = "Zero\x00byte Alice here"
    with app.app_context():  # stored before the API and imports refused NUL in text
        doc = Document(project_id=project.id, lang="en", title="", text=body, content_hash="zero")
        db.session.add(doc)
        db.session.commit()
        doc_id = doc.id
    start = body.index("Alice")
    assert client.post(f"/api/v1/documents/{doc_id}/spans", json={"start": start, "end": start + 5, "label": "ACTOR"},
                       headers=auth(make.token("olena"))).status_code == 201
    assert [s["text"] for s in spans_of(export(app))] == ["Alice"]


def test_a_document_left_to_python_that_changes_during_the_export(client, app, make, monkeypatch):
    """On SQLite a document with no stored sentences is written by Python; a span of it changed after the
    export's preparation is written again, not lost."""
    project = make.project("isw")
    make.user("olena")
    doc = make.document(project.id, text="Alice met Bob in Kyiv today.", lang="en")
    sid = client.post(f"/api/v1/documents/{doc.id}/spans", json={"start": 0, "end": 5, "label": "ACTOR"},
                      headers=auth(make.token("olena"))).json["id"]
    with app.app_context():  # as documents stored before sentences were kept
        db.session.execute(text("UPDATE documents SET sentences = NULL"))
        db.session.commit()
    export(app, "olena")
    prepare = native._prepare

    def then_a_change(session, proj, req):
        prepare(session, proj, req)
        engine = create_engine(db.engine.url)  # another user's request
        with engine.begin() as conn:
            conn.execute(text("UPDATE spans SET label = 'CLAIM' WHERE id = :id"), {"id": sid})
        engine.dispose()

    monkeypatch.setattr(native, "_prepare", then_a_change)
    assert [s["label"] for s in spans_of(export(app, "olena"))] == ["CLAIM"]


def test_an_export_does_not_lock_when_nothing_changed(app, rich_project, monkeypatch):  # noqa: F811
    export(app)
    taken = []
    monkeypatch.setattr(fragments, "lock", lambda session: taken.append(1))
    assert export(app) and taken == []


def test_a_span_delete_and_an_export_never_deadlock_on_postgres(app, rich_project, backend):  # noqa: F811
    """delete_span writes relations, then spans; an export asking for its lock in between must not wait while
    holding half of it."""
    if backend != "postgres":
        pytest.skip("PostgreSQL's table locks")
    with app.app_context():
        url = db.engine.url
    writer_engine, export_engine = create_engine(url), create_engine(url)
    between = threading.Event()

    @event.listens_for(writer_engine, "after_cursor_execute")
    def pause(conn, cursor, statement, params, context, many):
        if statement.startswith("UPDATE relations"):
            between.set()
            time.sleep(1.5)  # the export asks for its lock now

    outcome = {}

    def export_lock():
        between.wait(5)
        with Session(export_engine) as s:
            try:
                fragments.lock(s)
                s.commit()
                outcome["export"] = "ok"
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome["export"] = repr(exc)

    thread = threading.Thread(target=export_lock)
    thread.start()
    with Session(writer_engine) as s:
        rel = s.scalar(select(Relation).where(Relation.deleted_at.is_(None)))
        try:
            spans_service.delete_span(s, s.get(Span, rel.tail_id), s.scalar(select(Project)),
                                      s.scalar(select(User).where(User.username == "olena")))
            s.commit()
            outcome["writer"] = "ok"
        except Exception as exc:  # noqa: BLE001 - reported below
            outcome["writer"] = repr(exc)
    thread.join()
    writer_engine.dispose()
    export_engine.dispose()
    assert outcome == {"writer": "ok", "export": "ok"}
