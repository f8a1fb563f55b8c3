"""Reading native JSONL annotations: the quick path for spans shaped as the export writes them must accept, build
and refuse exactly what the field-by-field path does, with the same messages."""

import gc

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import Invalid
from annotator.ingest import parse_files
from annotator.ingest.annotations import _checked_spans, _spans_as_exported, read_spans
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


def outcome(read, raw):
    try:
        return read(raw)
    except Invalid as exc:
        return exc.message


def test_exported_spans_are_read_with_code_point_offsets():
    spans = [span(), span(8, 12, "café", id=7, attrs={"polarity": "support"}, actor={"name": "bot"}, status=None)]
    item = parse_files([("in.jsonl", orjson.dumps(doc(spans)))]).inputs[0]
    assert item.spans == [SpanInput(2, 6, "PLACE", {}, "ann", "accepted", "s-1", None),
                          SpanInput(8, 12, "PLACE", {"polarity": "support"}, "ann", "pending", "7", "bot")]
    assert _spans_as_exported(spans, TEXT) == _checked_spans(spans, TEXT, "w")


def test_spans_missing_optional_fields_take_the_long_way_and_are_accepted():
    spans = [{"start": 0, "end": 1, "label": "EMOJI"}]
    assert _spans_as_exported(spans, TEXT) is None
    assert read_spans({"spans": spans}, TEXT, "w") == [SpanInput(0, 1, "EMOJI", {}, None, "pending", None, None)]


def test_subclasses_of_int_and_dict_are_accepted_by_the_long_way():
    class Offset(int):
        pass

    class Fields(dict):
        pass

    spans = [Fields(span(Offset(2), Offset(6)))]
    assert _spans_as_exported(spans, TEXT) is None
    assert read_spans({"spans": spans}, TEXT, "w") == [SpanInput(2, 6, "PLACE", {}, "ann", "accepted", "s-1", None)]


@pytest.mark.parametrize(("obj", "message"), [
    (doc([span(3, 7)]), "field 'spans[0].text': 'Київ' does not match the text at [3, 7): 'иїв,'"),
    (doc([span(2, 99)]), "field 'spans[0].end': offsets [2, 99) are outside the text (12 code points)"),
    (doc([span(2, 2, "")]), "field 'spans[0].end': offsets [2, 2) are outside the text (12 code points)"),
    (doc([span(-1, 6)]), "field 'spans[0].end': offsets [-1, 6) are outside the text (12 code points)"),
    (doc([span(True, 6)]), "field 'spans[0].start': start and end must be integers (code point offsets)"),
    (doc([span(2.0, 6)]), "field 'spans[0].start': start and end must be integers (code point offsets)"),
    (doc([span(2, 6, "Kyiv")]), "field 'spans[0].text': 'Kyiv' does not match the text at [2, 6): 'Київ'"),
    (doc([span(2, 6, 5)]), "field 'spans[0].text': '5' does not match the text at [2, 6): 'Київ'"),
    (doc([span(label="")]), "field 'spans[0].label': is required"),
    (doc([span(label=3)]), "field 'spans[0].label': is required"),
    (doc([span(attrs=["x"])]), "field 'spans[0].attrs': must be an object"),
    (doc([span(status="done")]), "field 'spans[0].status': must be one of pending, accepted, rejected, merged"),
    (doc([span(status=["x"])]), "field 'spans[0].status': must be one of pending, accepted, rejected, merged"),
    (doc([span(annotator=5)]), "field 'spans[0].annotator': must be a user name"),
    (doc([span(), 5]), "field 'spans[1]': must be an object"),
    (doc([span(), span(0, 1, "x")]), "field 'spans[1].text': 'x' does not match the text at [0, 1): '🙂'"),
    ({"text": "e\u0301 x", "lang": "en", "spans": [{"start": 0, "end": 1, "label": "L"}]},
     "field 'text': not in NFC form with \\n line ends, so its span offsets would shift; normalise the text and its "
     "offsets first"),
    (doc([span()], relations=[{"type": "R", "head": "s-9", "tail": "s-8"}]),
     "field 'relations[0].head': no span 's-9' in this document"),
    (doc([span()], relations=[{"type": "R", "head": "s-1", "tail": "s-8"}]),
     "field 'relations[0].tail': no span 's-8' in this document"),
    (doc([span()], relations=[{"head": "s-1", "tail": "s-1"}]),
     "field 'relations[0]': must be an object with head, tail and type"),
    (doc([span()], span_links=[{"span": "s-2", "target": "t"}]),
     "field 'span_links[0]': needs 'span' (a span of this document) and 'target'"),
    (doc(sentences=[[0, 3], [4, 99]]), "field 'sentences': must be a list of [start, end] pairs inside the text"),
    (doc(sentences=[[0, True]]), "field 'sentences': must be a list of [start, end] pairs inside the text"),
])
def test_problems_name_file_line_and_field(obj, message):
    assert problem(obj) == f"in.jsonl line 1: {message}"


def mostly(good, *bad):
    """Usually the good value, so that whole spans are often valid, else one of the bad ones."""
    return st.sampled_from([good] * 12 * len(bad) + list(bad))


@st.composite
def span_fields(draw):
    """A span as the export writes it, often valid, else wrong in some fields or with some left out."""
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start + 1, len(TEXT)))
    start, end = draw(mostly((start, end), (-1, end), (start, len(TEXT) + 1), (end, start), (True, end),
                             (float(start), end), ("2", end), (start, None)))
    right = TEXT[start:end] if type(start) is int and type(end) is int else "x"
    choices = {
        "start": st.just(start), "end": st.just(end),
        "text": mostly(right, "x", 5, None),
        "label": mostly("PLACE", "", None, 3),
        "attrs": mostly({}, {"a": 1}, None, [], ["x"], "x", 0),
        "status": mostly("accepted", None, "", "pending", "done", 0, ["x"]),
        "annotator": mostly("ann", None, 5),
        "actor": mostly(None, {"name": "bot"}, {}, "bot"),
        "id": mostly("s-1", None, 7, 1.5),
    }
    fields = {name: draw(value) for name, value in choices.items()}
    left_out = draw(mostly(set(), {"text"}, {"id"}, {"status", "actor"}, {"label"}, {"start"}))
    return {name: value for name, value in fields.items() if name not in left_out}


@settings(max_examples=500, deadline=None)
@given(st.lists(span_fields(), max_size=4), mostly((), (5,), (None,), ([1],)))
def test_quick_path_agrees_with_the_field_by_field_check(spans, stray):
    raw = spans + list(stray)
    expected = outcome(lambda r: _checked_spans(r, TEXT, "w"), raw)
    assert outcome(lambda r: read_spans({"spans": r}, TEXT, "w"), raw) == expected
    quick = _spans_as_exported(raw, TEXT)
    assert quick is None or quick == expected


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
    line = orjson.dumps(doc([span()]))
    assert gc.isenabled()
    parse_files([("in.jsonl", line)])
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()  # as a pre-forking server might: those objects must stay frozen
    try:
        frozen = gc.get_freeze_count()
        parse_files([("in.jsonl", line)])
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_a_refused_language_is_refused_every_time():
    for _ in range(2):
        with pytest.raises(Invalid, match="field 'lang'"):
            parse_fields({"text": "t", "lang": "xx-not"})
    assert parse_fields({"text": "t", "lang": "ua"}).lang == parse_fields({"text": "t", "lang": "UA"}).lang == "uk"
