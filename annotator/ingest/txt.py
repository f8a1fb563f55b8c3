"""Plain text files: one document per file. `story.uk.txt`, `story.en.txt` … form a translation group."""

from pathlib import PurePath

from ..errors import Invalid
from ..langs import BadLanguage, normalize_lang
from ..services.documents import parse_fields


def decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or an Invalid naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Invalid(f"{name}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                      "save the file as UTF-8", field="file", where=name) from None


def split_name(name: str) -> tuple[str, str | None]:
    """'story.uk.txt' -> ('story', 'uk'); 'notes.txt' -> ('notes', None)."""
    path = PurePath(name)
    stem = path.name[: -len(path.suffix)] if path.suffix.lower() == ".txt" else path.name
    head, dot, tail = stem.rpartition(".")
    if dot and head:
        try:
            return head, normalize_lang(tail)
        except BadLanguage:
            pass
    return stem, None


def title_of(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:500]
    return ""


def read(name: str, data: bytes, lang: str | None = None, siblings=()):
    try:
        text = decode(name, data)
    except Invalid as exc:
        yield exc
        return
    stem, named_lang = split_name(name)
    chosen = lang if lang and lang != "auto" else named_lang
    if chosen is None:
        yield Invalid(f"{name}: no language: pass --lang (uk, en, ru …) or name the file like story.uk.txt",
                      field="lang", where=name)
        return
    grouped = named_lang is not None and sum(split_name(s)[0] == stem for s in siblings) > 1
    try:
        yield parse_fields({"text": text, "lang": chosen, "title": title_of(text),
                            "group": stem if grouped else None}, where=name)
    except Invalid as exc:
        yield exc
