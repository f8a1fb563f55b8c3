"""End to end through the API: two annotators and a reviewer annotate, review and export the demo article and
its translations. Every accepted span and relation is in the gold export and nothing undecided is; the CoNLL,
spaCy and `datasets` exports load and hold the same spans as the JSONL, span for span."""

import orjson
import pytest

from annotator.demo import article_files
from annotator.extensions import db
from annotator.ingest import parse_files
from annotator.services import documents as doc_service
from annotator.services import projects as project_service
from tests.api.test_spans import auth
from tests.api.test_training_formats import load_dataset, load_docbin

# (annotator, language, words, label, attributes)
WORK = [
    ("olena", "en", "Olha Marchenko", "ACTOR", {"kind": "person"}),
    ("taras", "en", "Olha Marchenko", "ACTOR", {"kind": "person"}),
    ("olena", "en", "full repairs would take at least three weeks", "CLAIM", {}),
    ("taras", "en", "full repairs would take at least three weeks", "CLAIM", {}),
    ("olena", "en", "Petro Danylenko", "ACTOR", {"kind": "person"}),
    ("taras", "en", "The regional governor, Petro Danylenko", "ACTOR", {"kind": "person"}),
    ("olena", "en", "urged partners to send more air defence systems", "POSITION", {"polarity": "support"}),
    ("taras", "en", "urged partners to send more air defence systems", "POSITION", {"polarity": "oppose"}),
    ("olena", "en", "Local business owners", "ACTOR", {"kind": "group"}),
    ("taras", "en", "parents' groups", "ACTOR", {"kind": "group"}),
    ("olena", "uk", "Ольга Марченко", "ACTOR", {"kind": "person"}),
    ("taras", "uk", "Ольга Марченко", "ACTOR", {"kind": "person"}),
    ("olena", "ru", "Ольга Марченко", "ACTOR", {"kind": "person"}),
]
RELATIONS = [("olena", "en", "full repairs would take at least three weeks", "Olha Marchenko", "SAID_BY"),
             ("taras", "en", "full repairs would take at least three weeks", "Olha Marchenko", "SAID_BY"),
             ("olena", "en", "urged partners to send more air defence systems", "Petro Danylenko", "HELD_BY")]


@pytest.fixture
def article(app, make):
    """The demo article (uk, en, ru) in a fresh project, two annotators and a reviewer with tokens."""
    project = make.project("e2e")
    with app.app_context():
        parsed = parse_files(article_files(), clean=False)
        result = doc_service.add_documents(db.session, project_service.get_project(db.session, project.id),
                                           parsed.inputs)
        docs = {d.lang: {"id": d.id, "text": d.text} for d in result.created}
        db.session.commit()
    tokens = {}
    for name, role in (("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
        tokens[name] = make.token(name)
    return project, docs, tokens


def api(client, method, url, token, body=None, status=200):
    response = getattr(client, method)(f"/api/v1{url}", json=body, headers=auth(token))
    assert response.status_code == status, (url, response.get_data(as_text=True))
    return response


def test_annotate_review_and_export_the_demo_article(client, article, tmp_path):
    project, docs, t = article
    made = {}
    for who, lang, words, label, attrs in WORK:
        start = docs[lang]["text"].index(words)
        made[(who, lang, words)] = api(client, "post", f"/documents/{docs[lang]['id']}/spans", t[who],
                                       {"start": start, "end": start + len(words), "label": label,
                                        "attrs": attrs}, 201).json["id"]
    rels = {}
    for who, lang, head, tail, kind in RELATIONS:
        rels[(who, head)] = api(client, "post", f"/documents/{docs[lang]['id']}/relations", t[who],
                                {"head": made[(who, lang, head)], "tail": made[(who, lang, tail)], "type": kind},
                                201).json["id"]

    # review: agreed spans and relations at once, a relation with its ends, a rejection, one left undecided
    en, uk = docs["en"]["id"], docs["uk"]["id"]
    assert api(client, "post", f"/documents/{en}/review/accept-agreed", t["rita"]).json == {"spans": 2,
                                                                                            "relations": 1}
    api(client, "post", f"/relations/{rels[('olena', 'urged partners to send more air defence systems')]}/review",
        t["rita"], {"decision": "accept"})
    api(client, "post", f"/spans/{made[('taras', 'en', 'parents' + chr(39) + ' groups')]}/review", t["rita"],
        {"decision": "reject"})
    api(client, "post", f"/documents/{uk}/review/accept-agreed", t["rita"])
    asked = api(client, "put", f"/documents/{en}/review-state", t["rita"], {"state": "reviewed"}, 409).json
    assert (asked["error"]["spans"], asked["error"]["relations"]) == (2, 0)  # the governor, business owners
    for doc in (en, uk):
        api(client, "put", f"/documents/{doc}/review-state", t["rita"], {"state": "reviewed", "undecided": "leave"})
    before = api(client, "get", f"/projects/{project.id}/export?format=jsonl&layer=gold", t["rita"])
    assert sorted(orjson.loads(x)["lang"] for x in before.data.splitlines()) == ["en", "uk"]  # ru: undecided
    assert before.headers["X-Annotator-Left-Out"] == "1 not reviewed"
    api(client, "post", f"/spans/{made[('olena', 'ru', 'Ольга Марченко')]}/review", t["rita"], {"decision": "accept"})
    # ... and the Russian version's one candidate is accepted, but the document is never marked reviewed

    decided = {}  # (document, start, end, label) -> the statuses of the annotators' spans there
    for doc in docs.values():
        for span in api(client, "get", f"/documents/{doc['id']}", t["rita"]).json["spans"]:
            decided.setdefault((f"d-{doc['id']}", span["start"], span["end"], span["label"]), set()).add(
                span["status"])
    accepted = {k for k, statuses in decided.items() if "accepted" in statuses}
    assert len(accepted) == 6  # en: 4, uk: 1, ru: 1

    def export(fmt, **extra):
        query = "&".join(f"{k}={v}" for k, v in {"format": fmt, "layer": "gold", **extra}.items())
        return api(client, "get", f"/projects/{project.id}/export?{query}", t["rita"]).data

    lines = [orjson.loads(x) for x in export("jsonl").splitlines()]
    gold = {(line["id"], s["start"], s["end"], s["label"]) for line in lines for s in line["spans"]}
    # the gold layer: documents marked reviewed, and those whose every candidate is decided (the Russian one here)
    settled = {k[0] for k in decided} - {k[0] for k, statuses in decided.items() if "pending" in statuses}
    reviewed = {f"d-{en}", f"d-{uk}"} | settled
    assert gold == {k for k in accepted if k[0] in reviewed} == accepted
    assert {line["id"]: line["review"]["state"] for line in lines} == {
        f"d-{en}": "reviewed", f"d-{uk}": "reviewed", f"d-{docs['ru']['id']}": "in_review"}
    assert all("accepted" in decided[k] for k in gold)  # nothing undecided or rejected
    assert {r["status"] for line in lines for r in line["relations"]} == {"accepted"}

    by_id = {(line["id"], s["id"]): (s["start"], s["end"], s["label"]) for line in lines for s in line["spans"]}
    gold_rels = {(line["id"], r["type"], by_id[(line["id"], r["head"])], by_id[(line["id"], r["tail"])])
                 for line in lines for r in line["relations"]}
    en_text = docs["en"]["text"]

    def at(words, label):
        start = en_text.index(words)
        return start, start + len(words), label

    assert gold_rels == {
        (f"d-{en}", "SAID_BY", at("full repairs would take at least three weeks", "CLAIM"),
         at("Olha Marchenko", "ACTOR")),
        (f"d-{en}", "HELD_BY", at("urged partners to send more air defence systems", "POSITION"),
         at("Petro Danylenko", "ACTOR"))}

    # the training formats hold the same spans, span for span
    per_doc = {}
    for doc_id, start, end, label in gold:
        per_doc.setdefault(doc_id, set()).add((start, end, label))
    spacy_docs = load_docbin(export("spacy"))
    assert {d.user_data["annotator"]["id"]: {(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]}
            for d in spacy_docs if len(d.spans["sc"])} == per_doc
    (tmp_path / "gold.jsonl").write_bytes(export("hf"))
    rows = load_dataset(tmp_path / "gold.jsonl", tmp_path / "cache")
    assert {r["id"]: {(s["start"], s["end"], s["label"]) for s in r["spans"]} for r in rows if r["spans"]} == per_doc
    conll = export("conll").decode()
    assert conll_spans(conll, rows) == per_doc


def conll_spans(body: str, rows: list[dict]) -> dict[str, set]:
    """Spans read back from the CoNLL file's BIO columns, placed with the tokens' offsets of the hf export
    (the same tokens in the same order)."""
    head, _, rest = body.partition("\n")
    columns = head.removeprefix("# columns: ").split(" ")
    labels = [(k, name) for k, name in enumerate(columns) if k and "." not in name]
    out = {}
    for block, row in zip([b for b in rest.split("-DOCSTART-") if b], rows, strict=True):
        tokens = [line.split("\t") for line in block.split("\n")[2:] if line]
        assert [tok[0] for tok in tokens] == row["tokens"]
        found = set()
        for k, label in labels:
            start = None
            for i, tok in enumerate([*tokens, ["", *["O"] * len(columns)]]):
                tag = tok[k]
                if start is not None and not tag.startswith("I-"):
                    found.add((row["token_spans"][start][0], row["token_spans"][i - 1][1], label))
                    start = None
                if tag.startswith("B-"):
                    start = i
        if found:
            out[row["id"]] = found
    return out
