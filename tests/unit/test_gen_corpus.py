import gzip
import importlib.util
import subprocess
import sys
import unicodedata
from pathlib import Path

import orjson
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "gen_corpus.py"


@pytest.fixture(scope="module")
def gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(gen_corpus, n=60, m=20, **options):
    return list(gen_corpus.Generator(n, m, **options).documents())


def overlaps(span, spans):
    return any(o is not span and o["start"] < span["end"] and span["start"] < o["end"] for o in spans)


def test_same_arguments_and_seed_give_identical_bytes(tmp_path):
    def run(name, *extra):
        out = tmp_path / name
        command = [sys.executable, str(SCRIPT), "-n", "30", "-m", "8", "--groups", *extra, "-o", str(out)]
        subprocess.run(command, check=True)
        return out.read_bytes()

    assert run("a.jsonl") == run("b.jsonl")
    assert run("a.jsonl.gz") == run("b.jsonl.gz")
    assert gzip.decompress(run("c.jsonl.gz")) == run("c.jsonl")
    assert run("d.jsonl", "--seed", "2") != run("c.jsonl")


def test_stdout_is_the_default_output():
    command = [sys.executable, str(SCRIPT), "-n", "4", "-m", "3"]
    result = subprocess.run(command, check=True, capture_output=True)
    lines = result.stdout.splitlines()
    assert [orjson.loads(line)["id"] for line in lines] == ["d-1", "d-2", "d-3", "d-4"]


def test_lines_carry_every_field_of_the_export_format(gen_corpus):
    doc = documents(gen_corpus, n=1)[0]
    assert list(doc) == ["schema", "id", "project", "group", "lang", "title", "text", "source", "meta",
                         "sentences", "spans", "relations", "alignment", "span_links"]
    assert doc["schema"] == "annotator.document/v1"
    assert doc["group"] is None and doc["meta"] == {} and doc["alignment"] == {} and doc["span_links"] == []
    assert set(doc["source"]) == {"url", "published"}


def test_span_text_is_the_slice_of_the_document_text(gen_corpus):
    for doc in documents(gen_corpus, n=90, groups=True):
        text = doc["text"]
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text
        for span in doc["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"]:span["end"]] == span["text"]
            assert span["text"] == span["text"].strip() and span["text"][0].isalnum()


def test_spans_are_sorted_unique_word_aligned_and_labelled(gen_corpus):
    for doc in documents(gen_corpus):
        text, spans = doc["text"], doc["spans"]
        keys = [(s["start"], s["end"], s["label"]) for s in spans]
        assert keys == sorted(keys) and len(set(keys)) == len(keys) == 20
        for span in spans:
            assert span["start"] == 0 or not text[span["start"] - 1].isalnum()
            assert span["end"] == len(text) or not text[span["end"]].isalnum()
            if span["label"] == "POSITION":
                assert span["attrs"]["polarity"] in {"support", "oppose", "neutral"}
            else:
                assert span["label"] in {"ACTOR", "CLAIM"} and span["attrs"] == {}


def test_offsets_are_code_points_after_an_emoji(gen_corpus):
    checked = 0
    for doc in documents(gen_corpus, n=90):
        text = doc["text"]
        astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        for span in doc["spans"]:
            if astral and span["start"] > astral[0]:
                utf16_start = len(text[:span["start"]].encode("utf-16-le")) // 2
                assert utf16_start > span["start"]
                assert text[span["start"]:span["end"]] == span["text"]
                checked += 1
    assert checked


def test_text_has_the_letters_of_each_language_and_paragraphs(gen_corpus):
    texts = {}
    for doc in documents(gen_corpus, n=30):
        texts[doc["lang"]] = texts.get(doc["lang"], "") + doc["text"]
    assert set("іїєґʼ") <= set(texts["uk"])
    assert set("ыэё") <= set(texts["ru"])
    assert all(ch.isascii() or ch in "“”’" or ord(ch) > 0x2000 for ch in texts["en"])
    assert "\u0301" in texts["uk"] + texts["ru"]
    assert all("\n\n" in text for text in texts.values())


def test_about_the_requested_fraction_of_spans_overlap(gen_corpus):
    for fraction in (0.0, 0.1, 0.5):
        spans = [doc["spans"] for doc in documents(gen_corpus, n=200, overlap=fraction)]
        measured = sum(overlaps(s, doc) for doc in spans for s in doc) / sum(map(len, spans))
        assert abs(measured - fraction) < 0.03, (fraction, measured)


def test_relations_link_claims_and_positions_to_actors(gen_corpus):
    docs = documents(gen_corpus)
    assert sum(len(doc["relations"]) for doc in docs) > len(docs)
    for doc in docs:
        labels = {s["id"]: s["label"] for s in doc["spans"]}
        for relation in doc["relations"]:
            expected = {"SAID_BY": "CLAIM", "HELD_BY": "POSITION"}[relation["type"]]
            assert (labels[relation["head"]], labels[relation["tail"]]) == (expected, "ACTOR")


def test_ids_are_unique_across_the_corpus(gen_corpus):
    docs = documents(gen_corpus)
    assert [doc["id"] for doc in docs] == [f"d-{i}" for i in range(1, 61)]
    span_ids = [s["id"] for doc in docs for s in doc["spans"]]
    assert len(set(span_ids)) == len(span_ids)


def test_groups_hold_one_document_per_language(gen_corpus):
    docs = documents(gen_corpus, n=30, groups=True)
    by_group = {}
    for doc in docs:
        by_group.setdefault(doc["group"], []).append(doc)
    assert list(by_group) == [f"g-{k}" for k in range(1, 11)]
    for versions in by_group.values():
        assert [d["lang"] for d in versions] == ["uk", "en", "ru"]
        assert len({len(d["sentences"]) for d in versions}) == 1
        assert len({d["source"]["published"] for d in versions}) == 1


def test_chars_sets_the_approximate_document_length(gen_corpus):
    for chars in (500, 2000):
        lengths = [len(doc["text"]) for doc in documents(gen_corpus, n=30, chars=chars)]
        assert 0.8 * chars < sum(lengths) / len(lengths) < 1.2 * chars


def test_sentences_cover_the_text_in_order(gen_corpus):
    for doc in documents(gen_corpus, n=9):
        sentences = doc["sentences"]
        assert sentences[0][0] == 0 and sentences[-1][1] == len(doc["text"])
        for (_, end), (start, _) in zip(sentences, sentences[1:], strict=False):
            assert doc["text"][end:start] in {" ", "\n\n"}
