import orjson

from annotator.ingest import parse_files
from annotator.ingest.txt import split_name


def test_language_suffix_in_file_name():
    assert split_name("dir/story.uk.txt") == ("story", "uk")
    assert split_name("story.ua.txt") == ("story", "uk")
    assert split_name("notes.txt") == ("notes", None)
    assert split_name("v1.2.txt") == ("v1.2", None)


def test_versions_sharing_a_stem_form_a_group():
    parsed = parse_files([("story.uk.txt", "Київ".encode()), ("story.en.txt", b"Kyiv"),
                          ("other.ru.txt", "Киев".encode())])
    assert not parsed.errors
    assert [(i.lang, i.group) for i in parsed.inputs] == [("uk", "story"), ("en", "story"), ("ru", None)]


def test_txt_title_is_the_first_non_empty_line_and_text_is_whole():
    parsed = parse_files([("a.en.txt", b"\n\n  Headline  \nBody.\r\n")])
    item = parsed.inputs[0]
    assert item.title == "Headline"
    assert item.text == "\n\n  Headline  \nBody.\n"


def test_file_that_is_not_utf8_is_named_with_its_line():
    parsed = parse_files([("bad.uk.txt", "рядок\n".encode() + "ще".encode("cp1251"))])
    assert not parsed.inputs
    assert "bad.uk.txt: line 2: not UTF-8" in parsed.errors[0].message


def test_txt_without_a_language_is_detected_and_the_guess_recorded():
    item = parse_files([("notes.txt", "Міська рада повідомила про відновлення опалення.".encode())]).inputs[0]
    assert item.lang == "uk"
    assert item.meta["language_detected"]["lang"] == "uk"
    assert item.meta["language_detected"]["confidence"] > 0.9
    assert parse_files([("notes.txt", b"Some text")], lang="en").inputs[0].meta == {}


def test_txt_whose_language_cannot_be_told_asks_for_one():
    parsed = parse_files([("numbers.txt", b"12 345 678")])
    assert "could not tell the language" in parsed.errors[0].message


SCRAPED = ("ua en ru\n\nМер пообіцяв нові укриття до зими\n\n"
           "Мер пообіцяв нові укриття до зими Фото: пресслужба міськради\n\n"
           "Міська рада виділила кошти на будівництво двадцяти укриттів у школах.\n\n"
           "Поділитися\n")


def test_scraped_furniture_is_dropped_and_kept_in_meta():
    item = parse_files([("mer.uk.txt", SCRAPED.encode())]).inputs[0]
    assert item.text == ("Мер пообіцяв нові укриття до зими\n\n"
                         "Міська рада виділила кошти на будівництво двадцяти укриттів у школах.\n")
    reasons = [d["reason"] for d in item.meta["cleanup"]]
    assert {"language switcher", "repeated title", "share/subscribe line"} <= set(reasons)
    for piece in item.meta["cleanup"]:
        assert SCRAPED[piece["start"]:piece["end"]] == piece["text"]
    untouched = parse_files([("mer.uk.txt", SCRAPED.encode())], clean=False).inputs[0]
    assert untouched.text == SCRAPED and "cleanup" not in untouched.meta


def test_jsonl_problems_name_file_line_and_field():
    lines = [orjson.dumps({"text": "ok", "lang": "en"}), b"{broken", orjson.dumps({"text": "", "lang": "en"}),
             orjson.dumps({"text": "x", "lang": "xx-not"}), orjson.dumps([1, 2]),
             orjson.dumps({"text": "y", "lang": "uk", "meta": "no"})]
    parsed = parse_files([("in.jsonl", b"\n".join(lines))])
    messages = [e.message for e in parsed.errors]
    assert len(parsed.inputs) == 1
    assert messages[0].startswith("in.jsonl line 2: not valid JSON")
    assert messages[1] == "in.jsonl line 3: field 'text': is empty"
    assert messages[2].startswith("in.jsonl line 4: field 'lang':")
    assert messages[3] == "in.jsonl line 5: expected `object`, got `array`"
    assert messages[4] == "in.jsonl line 6: field 'meta': expected `object | null`, got `str`"


def test_jsonl_accepts_the_export_source_object():
    line = orjson.dumps({"text": "t", "lang": "en", "source": {"url": "https://e.org/a", "published": "2025-03-18"}})
    item = parse_files([("x.jsonl", line)]).inputs[0]
    assert item.source_url == "https://e.org/a"
    assert item.published.isoformat() == "2025-03-18"


def test_javascript_source_urls_are_refused():
    line = orjson.dumps({"text": "t", "lang": "en", "source_url": "javascript:alert(1)"})
    assert "source_url" in parse_files([("x.jsonl", line)]).errors[0].message


def test_a_text_in_another_language_than_named_is_flagged_for_the_preview():
    english = b"The city council said on Friday that heating was back in every district."
    item = parse_files([("story.uk.txt", english)]).inputs[0]
    assert item.lang == "uk"
    assert item.meta["language_warning"]["detected"] == "en"


def test_a_first_line_that_is_the_whole_article_gives_a_title_cut_after_a_word():
    words = "Міністерство енергетики повідомило про відновлення живлення у Харкові після нічної атаки, " * 6
    item = parse_files([("long.uk.txt", (words + "\n\nДругий абзац.").encode())]).inputs[0]
    assert item.title.endswith("…") and len(item.title) <= 121
    assert words.startswith(item.title[:-1]) and item.text.startswith(words.strip())
    short = parse_files([("short.uk.txt", "Коротка назва\n\nТекст статті.".encode())]).inputs[0]
    assert short.title == "Коротка назва"
