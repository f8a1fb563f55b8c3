"""Reading native JSONL annotations: what is read, and every problem named by file, line and field."""

import gc
import json

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import Invalid
from annotator.ingest import parse_files
from annotator.services.documents import SpanInput, parse_fields

TEXT = "🙂 Київ, café"  # offsets are code points: the emoji is one, not two UTF-16 units


def span(start=2, end=6, text="Київ", **fields):
    """A span as the export writes it, every field present."""
    return {"id": "s-1", "start": start, "end": end, "text": text, "label": "PLACE", "attrs": {}, "actor": None,
            "annotator": "ann", "status": "accepted", **fields}


def doc(spans=(), **fields):
    return {"id": "d-1", "text": TEXT, "lang": "uk", "spans": list(spans), **fields}


def problem(obj) -> str:
    parsed = parse_files([("in.jsonl", orjson.dumps(obj))])
    assert not parsed.inputs
    return parsed.errors[0].message


def test_exported_spans_are_read_with_code_point_offsets():
    spans = [span(), span(8, 12, "café", id=7, attrs={"polarity": "support"}, actor={"name": "bot"}, status=None)]
    item = parse_files([("in.jsonl", orjson.dumps(doc(spans)))]).inputs[0]
    assert item.spans == [SpanInput(2, 6, "PLACE", {}, "ann", "accepted", "s-1", None),
                          SpanInput(8, 12, "PLACE", {"polarity": "support"}, "ann", "pending", "7", "bot")]


def test_spans_missing_optional_fields_are_accepted():
    item = parse_files([("in.jsonl", orjson.dumps(doc([{"start": 0, "end": 1, "label": "EMOJI"}])))]).inputs[0]
    assert item.spans == [SpanInput(0, 1, "EMOJI", {}, None, "pending", None, None)]


@pytest.mark.parametrize(("obj", "message"), [
    (doc([span(3, 7)]), "field 'spans[0].text': 'Київ' does not match the text at [3, 7): 'иїв,'"),
    (doc([span(2, 99)]), "field 'spans[0].end': offsets [2, 99) are outside the text (12 code points)"),
    (doc([span(2, 2, "")]), "field 'spans[0].end': offsets [2, 2) are outside the text (12 code points)"),
    (doc([span(-1, 6)]), "field 'spans[0].end': offsets [-1, 6) are outside the text (12 code points)"),
    (doc([span(True, 6)]), "field 'spans[0].start': expected `int`, got `bool`"),
    (doc([span(2.0, 6)]), "field 'spans[0].start': expected `int`, got `float`"),
    (doc([span(2, 6, "Kyiv")]), "field 'spans[0].text': 'Kyiv' does not match the text at [2, 6): 'Київ'"),
    (doc([span(2, 6, 5)]), "field 'spans[0].text': expected `str | null`, got `int`"),
    (doc([span(label="")]), "field 'spans[0].label': must not be empty"),
    (doc([span(label=3)]), "field 'spans[0].label': expected `str`, got `int`"),
    (doc([span(label="L" * 101)]), "field 'spans[0].label': has more than 100 characters"),
    (doc([{"start": 0, "end": 1}]), "field 'spans[0].label': is required"),
    (doc([span(attrs=["x"])]), "field 'spans[0].attrs': expected `object | null`, got `array`"),
    (doc([span(status="done")]), "field 'spans[0].status': invalid enum value 'done'"),
    (doc([span(status=["x"])]), "field 'spans[0].status': expected `str | null`, got `array`"),
    (doc([span(annotator=5)]), "field 'spans[0].annotator': expected `str | null`, got `int`"),
    (doc([span(annotator="")]), "field 'spans[0].annotator': must not be empty"),
    (doc([span(annotator="a" * 81)]), "field 'spans[0].annotator': has more than 80 characters"),
    (doc([span(actor={"name": ["Putin"]})]), "field 'spans[0].actor.name': expected `str`, got `array`"),
    (doc([span(), 5]), "field 'spans[1]': expected `object`, got `int`"),
    (doc([span(), span(0, 1, "x")]), "field 'spans[1].text': 'x' does not match the text at [0, 1): '🙂'"),
    ({"text": "e\u0301 x", "lang": "en", "spans": [{"start": 0, "end": 1, "label": "L"}]},
     "field 'text': not in NFC form with \\n line ends, so its span offsets would shift; normalise the text and its "
     "offsets first"),
    (doc([span()], relations=[{"type": "R", "head": "s-9", "tail": "s-8"}]),
     "field 'relations[0].head': no span 's-9' in this document"),
    (doc([span()], relations=[{"type": "R", "head": "s-1", "tail": "s-8"}]),
     "field 'relations[0].tail': no span 's-8' in this document"),
    (doc([span()], relations=[{"head": "s-1", "tail": "s-1"}]), "field 'relations[0].type': is required"),
    (doc([span()], relations=[{"head": [1], "tail": "s-1", "type": "R"}]),
     "field 'relations[0].head': expected `int | str`, got `array`"),
    (doc([span()], span_links=[{"span": "s-2", "target": "t"}]),
     "field 'span_links[0].span': no span 's-2' in this document"),
    (doc(sentences=[[0, 3], [4, 99]]), "field 'sentences[1]': [4, 99] is not inside the text (12 code points)"),
    (doc(sentences=[[0, True]]), "field 'sentences[0][1]': expected `int`, got `bool`"),
    (doc(alignment={"en": {"doc": "d-2", "pairs": [[[0], [0]]], "status": 5}}),
     "field 'alignment.en.status': expected `array | null`, got `int`"),
    (doc(alignment={"en": {"doc": "d-2", "pairs": [[[0], [0]]], "status": ["auto", "auto"]}}),
     "field 'alignment.en.status': has 2 entries for 1 pairs"),
    (doc(alignment={"en": {"doc": "d-2", "pairs": [[0, 0]]}}), "field 'alignment.en.pairs[0][0]': expected `array`, "
                                                               "got `int`"),
    ([1, 2], "expected `object`, got `array`"),
])
def test_problems_name_file_line_and_field(obj, message):
    assert problem(obj) == f"in.jsonl line 1: {message}"


def test_a_lone_surrogate_is_not_json():
    parsed = parse_files([("in.jsonl", b'{"text": "x\\ud800", "lang": "en"}')])
    assert parsed.errors[0].message.startswith("in.jsonl line 1: not valid JSON")


SCALARS = st.none() | st.booleans() | st.integers(-3, 2**70) | st.floats(allow_nan=False) | st.text(max_size=5)
FIELDS = ["text", "lang", "title", "id", "group", "meta", "sentences", "spans", "relations", "alignment",
          "span_links", "source", "start", "end", "label", "attrs", "status", "annotator", "actor", "name", "head",
          "tail", "type", "doc", "pairs", "span", "target", "schema", "documents", "key"]
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4), max_leaves=10)


@st.composite
def lines(draw):
    """JSON shaped roughly like our lines (our field names at any depth), with values of any type."""
    line = draw(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=6))
    if draw(st.booleans()):
        line["text"], line["lang"] = "🙂 Київ, café", "uk"
    return line


@settings(max_examples=200, deadline=None)
@given(lines())
def test_any_json_line_is_read_or_refused_with_a_message(line):
    parsed = parse_files([("in.jsonl", json.dumps(line).encode())])  # orjson refuses integers beyond 64 bits
    assert len(parsed.inputs) + len(parsed.errors) >= 1
    assert all(e.message.startswith("in.jsonl line 1") for e in parsed.errors)


def test_relations_keep_where_they_came_from():
    obj = doc([span(), span(8, 12, "café", id="s-2")], relations=[{"type": "R", "head": "s-1", "tail": "s-2"}])
    (relation,) = parse_files([("in.jsonl", orjson.dumps(obj))]).inputs[0].relations
    assert (relation.head, relation.tail, relation.type, relation.where) == ("s-1", "s-2", "R", "in.jsonl line 1: "
                                                                                              "relations[0]")


def test_blank_lines_are_skipped_and_counted_and_bad_utf8_is_located():
    good = orjson.dumps(doc([span()]))
    data = b"\xef\xbb\xbf" + good + b"\n  \r\n\n" + orjson.dumps(doc()) + b"\n\xc2\xa0\n" + b'{"text": "\xff"}\n'
    parsed = parse_files([("b.jsonl", data)])
    at = data.index(b"\xff")  # from the start of the file, its byte order mark included
    assert len(parsed.inputs) == 2
    assert [e.message for e in parsed.errors] == [
        f"b.jsonl: line 6: not UTF-8 text (byte 0xff at offset {at}); save the file as UTF-8"]


def test_reading_jsonl_leaves_the_collector_as_it_found_it():
    assert gc.isenabled()
    parse_files([("in.jsonl", orjson.dumps(doc([span()])))])
    assert gc.isenabled()


def test_a_refused_language_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(Invalid, match="field 'lang'"):
            parse_fields({"text": "t", "lang": "xx-not"})
    assert parse_fields({"text": "t", "lang": "ua"}).lang == parse_fields({"text": "t", "lang": "UA"}).lang == "uk"


NUL = "holds the NUL character (U+0000), which no database here can keep as text"


@pytest.mark.parametrize(("fmt", "data", "message"), [
    ("jsonl", doc([span(annotator="a\x00b")]), "in.json line 1: field 'spans[0].annotator'"),
    ("jsonl", doc(meta={"note": ["ok", "n\x00"]}), "in.json line 1: field 'meta.note[1]'"),
    ("jsonl", {"schema": "annotator.group/v1", "key": "g", "documents": [doc(title="\x00")]},
     "in.json line 1: field 'documents[0].title'"),
    ("doccano", {"text": "Kyiv", "lang": "en", "label": [[0, 4, "AC\x00"]]}, "in.json line 1: field 'label[0][2]'"),
    ("labelstudio", [{"data": {"text": "Kyiv", "lang": "en"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["AC\x00"]}}]}]}],
     "in.json: field '[0].annotations[0].result[0].value.labels[0]'"),
])
def test_nul_anywhere_in_an_import_record_is_refused_naming_the_field(fmt, data, message):
    """PostgreSQL keeps U+0000 in no text or JSON column: a 500 there, a stored NUL on SQLite, until refused."""
    parsed = parse_files([("in.json", json.dumps(data).encode())], fmt)
    assert not parsed.inputs
    assert [e.message for e in parsed.errors] == [f"{message}: {NUL}"]


def test_an_escaped_backslash_before_u0000_is_not_nul():
    parsed = parse_files([("in.jsonl", json.dumps(doc(meta={"path": "C:\\u0000"})).encode())])
    assert parsed.errors == [] and parsed.inputs[0].meta == {"path": "C:\\u0000"}
