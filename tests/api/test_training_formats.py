"""Exports people train from: spaCy's DocBin and Hugging Face `datasets` JSON read by those libraries, a
grouped deterministic train/dev/test split, and what each format cannot hold, said at export time."""

import orjson
import pytest

from annotator.export import WRITERS, ExportRequest
from annotator.extensions import db
from annotator.services import projects as project_service
from tests.api.test_formats import corpus, written  # noqa: F401 - the imported corpus fixture
from tests.api.test_spans import auth


def native_spans(app, layer="all") -> dict[str, list[tuple]]:
    return {line["id"]: sorted((s["start"], s["end"], s["label"]) for s in line["spans"])
            for line in map(orjson.loads, written(app, "jsonl", layer=layer).splitlines())}


def load_docbin(data: bytes):
    import spacy
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(spacy.blank("xx").vocab))


def load_dataset(path, cache):
    import warnings

    import datasets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the library's own deprecation notices are not ours to fail on
        datasets.disable_progress_bars()
        return list(datasets.load_dataset("json", data_files=str(path), split="train", cache_dir=str(cache)))


def test_spacy_reads_the_docbin_with_every_span_nested_ones_too(app, corpus):  # noqa: F811
    docs = load_docbin(written(app, "spacy"))
    lines = [orjson.loads(x) for x in written(app, "jsonl", layer="all").splitlines()]
    assert [d.text for d in docs] == [line["text"] for line in lines]
    expected = native_spans(app)
    for doc in docs:
        meta = doc.user_data["annotator"]
        assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == expected[meta["id"]]
    en = docs[0]
    nested = [(s.text, s.label_) for s in en.spans["sc"] if s.text.startswith("Kyiv")]
    assert ("Kyiv", "ACTOR") in nested and ("Kyiv rejected the plan", "POSITION") in nested
    assert {s["attrs"].get("polarity") for s in en.user_data["annotator"]["spans"]} >= {"oppose"}
    assert len(en.user_data["annotator"]["relations"]) == 2


def test_datasets_reads_the_hf_export_as_is(app, corpus, tmp_path):  # noqa: F811
    path = tmp_path / "talks.jsonl"
    path.write_bytes(written(app, "hf"))
    rows = load_dataset(path, tmp_path / "cache")
    assert {r["id"]: sorted((s["start"], s["end"], s["label"]) for s in r["spans"]) for r in rows} == native_spans(app)
    en = rows[0]
    assert en["text"][en["spans"][0]["start"]:en["spans"][0]["end"]] == en["spans"][0]["text"]
    kyiv = en["tokens"].index("Kyiv")
    assert en["tags"]["taras:ACTOR"][kyiv] == "B-ACTOR" and en["tags"]["taras:POSITION"][kyiv] == "B-POSITION"
    assert any(orjson.loads(s["attrs"]).get("polarity") == "oppose" for s in en["spans"])
    assert len(en["tokens"]) == len(en["token_spans"]) == len(en["tags"]["olena:ACTOR"])


def test_split_keeps_each_article_in_one_part_and_is_the_same_every_time(cli, app, corpus, tmp_path):  # noqa: F811
    runs = []
    for run in ("a", "b"):
        out = tmp_path / run / "talks.jsonl"
        out.parent.mkdir()
        result = cli(corpus, "export", "talks", "--layer", "all", "--split", "50/0/50", "--seed", "7", "-o", str(out))
        assert result.exit_code == 0, result.output
        runs.append({part: [orjson.loads(x) for x in (tmp_path / run / f"talks.{part}.jsonl").read_bytes().splitlines()]
                     for part in ("train", "dev", "test")})
    assert runs[0] == runs[1]
    parts = {line["id"]: (part, line["group"]) for part, lines in runs[0].items() for line in lines}
    assert len(parts) == 3 and runs[0]["dev"] == []
    by_group = {}
    for part, group in parts.values():
        if group:
            by_group.setdefault(group, set()).add(part)
    assert by_group and all(len(p) == 1 for p in by_group.values())  # the en and uk versions stay together


def test_split_parts_through_the_api_and_bad_ratios(client, make, corpus):  # noqa: F811
    token = make.admin_token()
    with client.application.app_context():
        pid = project_service.get_project(db.session, "talks").id
    url = f"/api/v1/projects/{pid}/export?format=conll&layer=all&split=80/10/10&seed=1"
    blocks = [client.get(f"{url}&part={p}", headers=auth(token)).data.count(b"-DOCSTART-")
              for p in ("train", "dev", "test")]
    assert sum(blocks) == 3
    bad = client.get(url.replace("80/10/10", "80-20") + "&part=train", headers=auth(token))
    assert bad.status_code == 400 and bad.json["error"]["field"] == "split"
    odd = client.get(url.replace("80/10/10", "80/10/%C2%B2") + "&part=train", headers=auth(token))  # '²'
    assert odd.status_code == 400 and odd.json["error"]["field"] == "split"
    assert client.get(f"{url}&part=holdout", headers=auth(token)).json["error"]["field"] == "part"


def test_what_a_format_cannot_hold_is_reported_by_the_cli_and_the_api(cli, client, make, corpus, tmp_path):  # noqa: F811
    result = cli(corpus, "export", "talks", "--format", "doccano", "--layer", "all", "-o", str(tmp_path / "x"))
    assert "the doccano format could not hold: " in result.output and "2 relations" in result.output
    token = make.admin_token()
    with client.application.app_context():
        pid = project_service.get_project(db.session, "talks").id
    response = client.get(f"/api/v1/projects/{pid}/export?format=doccano&layer=all", headers=auth(token))
    assert response.data and orjson.loads(response.headers["X-Export-Losses"])["relations"] == 2
    clean = client.get(f"/api/v1/projects/{pid}/export?format=doccano-rel&layer=all", headers=auth(token))
    assert clean.data and "relations" not in orjson.loads(clean.headers["X-Export-Losses"])


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_attributes_go_where_the_format_can_hold_them(app, corpus, fmt):  # noqa: F811
    body = written(app, fmt)
    if fmt == "doccano":
        attrs = [a for line in body.splitlines() for a in orjson.loads(line)["attrs"]]
    else:
        attrs = [{r["from_name"]: r["value"]["choices"][0]} for task in orjson.loads(body)
                 for r in task["annotations"][0]["result"] if r.get("type") == "choices"]
    assert {"polarity": "oppose"} in attrs


def test_the_writers_take_what_the_registry_promises(app, corpus):  # noqa: F811
    with app.app_context():
        project = project_service.get_project(db.session, "talks")
        req = ExportRequest("gold").validated(db.session, project)
        assert b"".join(WRITERS["hf"](db.session, project, req, only=set())) == b""
