"""Kept export lines (export/native.py) never let an export show a document as it was before a change.

The oracle: after any change, the export equals the export made with no line kept (every line built again from
the current rows)."""

import time

import lz4.block
import orjson
import pytest
from alembic import command
from sqlalchemy import create_engine, func, select, text

from annotator.db import alembic_config, upgrade
from annotator.export import ExportRequest, native
from annotator.export import query as export_query
from annotator.extensions import db
from annotator.models import (
    Actor,
    Alignment,
    Document,
    DocumentRevision,
    ExportLine,
    Project,
    Relation,
    Span,
    SpanLink,
    User,
)
from annotator.services import review, schema
from tests.api.test_roundtrip import rich_project  # noqa: F401 - a fixture
from tests.api.test_spans import auth


def export(app, layer="all", **options) -> bytes:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.name == "isw"))
        req = ExportRequest(layer, **options).validated(db.session, project)
        return b"".join(native.write(db.session, project, req))


def fresh_export(app, layer="all", **options) -> bytes:
    """The export with no line kept: every line built again."""
    with app.app_context():
        db.session.execute(text("DELETE FROM export_lines"))
        db.session.commit()
    return export(app, layer, **options)


def kept(app) -> dict[tuple[int, str], bool]:
    """{(document, layer): whether its kept line is current}."""
    with app.app_context():
        rows = db.session.execute(select(ExportLine.document_id, ExportLine.layer,
                                         ExportLine.revision == func.coalesce(DocumentRevision.revision, 0))
                                  .outerjoin(DocumentRevision, DocumentRevision.document_id == ExportLine.document_id))
        return {(d, layer): bool(current) for d, layer, current in rows}


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
    """The relation is accepted first (its tail with it: the relation is in the gold layer), then rejected."""
    rid = _relation(app)
    assert b"SAID_BY" not in export(app, "gold")
    client.post(f"/api/v1/relations/{rid}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    assert b"SAID_BY" in export(app, "gold")
    assert client.post(f"/api/v1/relations/{rid}/review", json={"decision": "reject"},
                       headers=auth(t["rita"])).status_code == 200
    assert b"SAID_BY" not in export(app, "gold")
    return None


def review_state(client, app, t):
    en = _document(app, "en")
    assert client.put(f"/api/v1/documents/{en}/review-state", json={"state": "in_review"},
                      headers=auth(t["rita"])).status_code == 200
    return "in_review"


def edit_alignment(client, app, t):
    en, uk = _document(app, "en"), _document(app, "uk")
    gid = client.get(f"/api/v1/documents/{en}", headers=auth(t["olena"])).json["group"]
    pairs = client.get(f"/api/v1/groups/{gid}/alignment", headers=auth(t["olena"])).json["pairs"]
    version = next((p["version"] for p in pairs if {p["a"], p["b"]} == {en, uk}), None)
    assert client.put(f"/api/v1/groups/{gid}/alignment", json={"a": en, "b": uk, "version": version, "beads": [
        [[0], [0], "confirmed"], [[1], [1], "confirmed"], [[2], [2], "confirmed"], [[3], [3], "auto"]]},
        headers=auth(t["olena"])).status_code == 200
    return None


def unlink_span(client, app, t):  # the link's target deleted: the other version's line loses the link
    with app.app_context():
        target = db.session.scalar(select(SpanLink.target_id))
    assert client.delete(f"/api/v1/spans/{target}", headers=auth(t["olena"])).status_code in (200, 204)
    return None


def rename_project(client, app, t):
    with app.app_context():
        db.session.scalar(select(Project)).name = "isw"  # unchanged: no line is built again
        db.session.commit()
        assert all(kept(app).values())
        db.session.scalar(select(Project)).name = "isw2"
        db.session.commit()
        db.session.scalar(select(Project)).name = "isw"
        db.session.commit()
    return None


def _document(app, lang) -> int:
    with app.app_context():
        return db.session.scalar(select(Document.id).where(Document.lang == lang))


@pytest.mark.parametrize("change", [edit_attrs, review_reject, delete_span, accept_agreed, rename_label,
                                    rename_actor, delete_actor, rename_user, add_relation, delete_relation,
                                    review_relation, review_state, edit_alignment, unlink_span, rename_project])
def test_every_change_a_line_shows_reaches_the_next_export(client, app, rich_project, change):  # noqa: F811
    project, t = rich_project
    before = {layer: export(app, layer) for layer in ("all", "gold")}
    assert len(kept(app)) == 4 and all(kept(app).values())  # three lines of the all layer, one of gold (reviewed)
    assert {layer: export(app, layer) for layer in ("all", "gold")} == before  # read back as kept
    shown = change(client, app, t)
    after = export(app)
    if change is not rename_project:
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


def test_a_line_built_after_a_change_is_not_kept_as_current(client, app, rich_project, monkeypatch):  # noqa: F811
    """The export reads each document's revision, then its rows: a change committed in between is either in the
    line (kept under the older revision, so built again next time) or not (then the revision says it is stale)."""
    project, t = rich_project
    build = export_query.build

    def change_then_build(session, proj, req, ids):
        if ids:
            engine = create_engine(db.engine.url)  # another user's request
            with engine.begin() as conn:
                conn.execute(text("UPDATE spans SET label = 'CLAIM' WHERE label = 'ACTOR'"))
            engine.dispose()
        return build(session, proj, req, ids)

    monkeypatch.setattr(export_query, "build", change_then_build)
    export(app)
    monkeypatch.setattr(export_query, "build", build)
    assert {s["label"] for s in spans_of(export(app))} == {"CLAIM", "POSITION"}
    assert export(app) == fresh_export(app)


def test_an_export_never_holds_writers_up(client, app, rich_project, monkeypatch):  # noqa: F811
    """While an export streams (and keeps fresh lines), another request writes and commits without waiting."""
    monkeypatch.setattr(export_query, "BATCH", 1)
    with app.app_context():
        proj = db.session.scalar(select(Project).where(Project.name == "isw"))
        lines = native.write(db.session, proj, ExportRequest("all").validated(db.session, proj))
        first = next(lines)
        sqlite = db.engine.dialect.name == "sqlite"
        writer = create_engine(db.engine.url, connect_args={"timeout": 0.5} if sqlite else {})
        started = time.perf_counter()
        with writer.begin() as conn:
            if not sqlite:
                conn.execute(text("SET LOCAL lock_timeout = '500ms'"))
            conn.execute(text("UPDATE spans SET label = 'CLAIM'"))
            conn.execute(text("UPDATE document_reviews SET state = 'in_review'"))
        writer.dispose()
        assert time.perf_counter() - started < 0.5
        rest = list(lines)
    assert first and len(rest) == 2
    assert export(app) == fresh_export(app)


def test_an_upgraded_database_exports_the_same_lines(app, rich_project, database_url):  # noqa: F811
    """Down to 0006 (the old export's stored JSON and arrays) and up again, with the data: nothing lost."""
    before = {layer: export(app, layer) for layer in ("all", "gold")}
    with app.app_context():
        counts = [db.session.scalar(select(func.count()).select_from(m)) for m in (Span, Relation, Alignment)]
        db.session.remove()
        db.engine.dispose()
    engine = create_engine(database_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    upgrade(engine)
    engine.dispose()
    assert kept(app) == {}
    assert {layer: export(app, layer) for layer in ("all", "gold")} == before
    with app.app_context():
        assert [db.session.scalar(select(func.count()).select_from(m)) for m in (Span, Relation, Alignment)] == counts


def merged_with_a_relation(client, app, t) -> None:
    """olena marks taras's POSITION again and links hers ABOUT her accepted claim; rita accepts taras's, which
    merges olena's: in the gold layer the relation leaves from taras's span."""
    sid = _first_span(app, "POSITION")
    span = client.get(f"/api/v1/spans/{sid}", headers=auth(t["rita"])).json
    twin = client.post(f"/api/v1/documents/{span['document']}/spans", headers=auth(t["olena"]),
                       json={"start": span["start"], "end": span["end"], "label": "POSITION", "attrs": span["attrs"]})
    claim = _first_span(app, "CLAIM")
    about = client.post(f"/api/v1/documents/{span['document']}/relations", headers=auth(t["olena"]),
                        json={"head": twin.json["id"], "tail": claim, "type": "ABOUT"})
    assert about.status_code == 201
    assert client.post(f"/api/v1/spans/{sid}/review", json={"decision": "accept"},
                       headers=auth(t["rita"])).json["status"] == "accepted"
    assert client.post(f"/api/v1/relations/{about.json['id']}/review", json={"decision": "accept"},
                       headers=auth(t["rita"])).status_code == 200
    gold = spans_of(export(app, "gold"))
    about = [r for line in export(app, "gold").splitlines() for r in orjson.loads(line)["relations"]
             if r["type"] == "ABOUT"]
    assert about and about[0]["head"] == f"s-{sid}" and f"s-{sid}" in {s["id"] for s in gold}


@pytest.mark.parametrize("options", [{"layer": "all"}, {"layer": "gold"}, {"layer": "olena"}, {"layer": "taras"},
                                     {"layer": "all", "labels": ["ACTOR"]}, {"layer": "all", "statuses": ["pending"]},
                                     {"layer": "all", "langs": ["uk"]}])
def test_kept_and_built_lines_are_the_objects_other_writers_read(client, app, rich_project, options):  # noqa: F811
    """The native lines, kept or built, are byte for byte the objects native.v1_documents gives (and, but for a
    user layer's own document labels, native.documents gives every other writer),
    on awkward documents too (NUL, quotes, control characters, spaced JSON, sentences never stored)."""
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
    assert export(app, **options) == export(app, **options)  # the second from kept lines where they are kept
    lines = export(app, **options).splitlines()
    with app.app_context():
        proj = db.session.scalar(select(Project).where(Project.name == "isw"))
        req = ExportRequest(**options).validated(db.session, proj)
        objects = [orjson.dumps(d) for d in native.v1_documents(db.session, proj, req)]
    assert lines == objects and len(lines) == (1 if options.get("layer") == "gold" else 2 if options.get("langs")
                                               else 5)
    assert any(b"Zero" in line for line in lines) or options.get("langs") or options["layer"] == "gold"


def test_a_kept_line_is_what_the_export_reads_until_its_document_changes(client, app, rich_project):  # noqa: F811
    project, t = rich_project
    export(app)
    en = _document(app, "en")
    with app.app_context():
        db.session.execute(text("UPDATE export_lines SET line = :line WHERE document_id = :d AND layer = 'all'"),
                           {"d": en, "line": lz4.block.compress(b'{"kept":true}')})
        db.session.commit()
    assert export(app).splitlines()[0] == b'{"kept":true}'
    assert b"kept" not in export(app, "gold")  # the gold layer has its own line
    assert b"kept" not in export(app, "olena")  # one annotator's layer is built every time
    edit_attrs(client, app, t)
    assert b"kept" not in export(app)


def test_gold_relations_point_at_gold_spans_only(client, app, rich_project):  # noqa: F811
    """A relation no reviewer accepted stays out of the gold layer, even once both its ends are gold; accepted,
    it is in (its ends with it), with its own status and annotator."""
    project, t = rich_project
    gold = [orjson.loads(x) for x in export(app, "gold").splitlines()]
    assert gold[0]["relations"] == []  # SAID_BY's tail (Erdogan) is pending
    rid = _relation(app)
    with app.app_context():
        tail = db.session.get(Relation, rid).tail_id
    client.post(f"/api/v1/spans/{tail}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    gold = [orjson.loads(x) for x in export(app, "gold").splitlines()]
    assert len(gold[0]["spans"]) == 2 and gold[0]["relations"] == []  # both ends gold, the relation undecided
    client.post(f"/api/v1/relations/{rid}/review", json={"decision": "accept"}, headers=auth(t["rita"]))
    gold = [orjson.loads(x) for x in export(app, "gold").splitlines()]
    ids = {s["id"] for s in gold[0]["spans"]}
    assert [(r["type"], r["annotator"], r["status"]) for r in gold[0]["relations"]] == [
        ("SAID_BY", "olena", "accepted")]
    assert {gold[0]["relations"][0]["head"], gold[0]["relations"][0]["tail"]} <= ids


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


