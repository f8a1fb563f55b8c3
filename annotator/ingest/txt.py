"""Plain text files: one document per file. `story.uk.txt`, `story.en.txt` … form a translation group.

Scraped page furniture is cleaned off by default (what goes is kept in meta["cleanup"] and shown in the
preview), and a file whose language is neither given nor in its name is detected.
"""

from pathlib import PurePath

from ..errors import N_, Invalid
from ..langs import BadLanguage, normalize_lang
from ..services.documents import parse_fields
from .cleanup import propose_cleanup
from .detect import detect_language
from .shape import not_utf8

MIN_CONFIDENCE = 0.5
MISMATCH_CONFIDENCE = 0.9


def decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or an Invalid naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise not_utf8(name, line, data[exc.start], exc.start) from None


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


TITLE_WORDS_CHARS = 120


def title_of(text: str) -> str:
    """The first non-blank line, cut after a word near TITLE_WORDS_CHARS characters (with "…") when longer: a file
    whose first line is a whole paragraph or the whole article gets a title, not a copy of the text."""
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(line) <= TITLE_WORDS_CHARS:
        return line
    cut = line.rfind(" ", 0, TITLE_WORDS_CHARS)
    return line[:cut if cut > TITLE_WORDS_CHARS // 2 else TITLE_WORDS_CHARS].rstrip(" ,;:—–-") + "…"


def prepare(text: str, name: str, lang: str | None, clean: bool = True) -> tuple[str, str, dict]:
    """Clean a scraped text and settle its language: (text, lang, meta describing both)."""
    meta = {}
    if clean:
        proposal = propose_cleanup(text)
        if proposal.changed:
            meta["cleanup"] = [{"start": d.start, "end": d.end, "reason": d.reason, "text": d.text}
                               for d in proposal.dropped]
            text = proposal.text
    if lang and lang != "auto":
        detected, confidence = detect_language(text)
        if detected and detected != lang.split("-")[0] and confidence >= MISMATCH_CONFIDENCE:
            meta["language_warning"] = {"given": lang, "detected": detected, "confidence": round(confidence, 3)}
    else:
        lang, found = settle_language(text, name, UNSURE_OF_FILE)
        meta.update(found)
    return text, lang, meta


UNSURE_OF_RECORD = N_("{where}: could not tell the language (best guess {guess}, confidence {confidence}); add a "
                      "\"lang\" field or choose the import's language (uk, en, ru …; --lang on the command line)")
UNSURE_OF_FILE = N_("{where}: could not tell the language (best guess {guess}, confidence {confidence}); choose the "
                    "import's language (--lang on the command line) or name the file like story.uk.txt")


def settle_language(text: str, where: str, unsure: str = UNSURE_OF_RECORD) -> tuple[str, dict]:
    """The detected language of a text that names none, and the meta that records it; Invalid (the message
    `unsure`) when unsure."""
    detected, confidence = detect_language(text)
    if detected is None or confidence < MIN_CONFIDENCE:
        raise Invalid(unsure, field="lang", where=where,
                      params={"where": where, "guess": detected or "none", "confidence": f"{confidence:.2f}"})
    return detected, {"language_detected": {"lang": detected, "confidence": round(confidence, 3)}}


def read(name: str, data: bytes, lang: str | None = None, siblings=(), clean: bool = True):
    try:
        text = decode(name, data)
        if not text.strip():
            return  # nothing to read: parse_files says the file holds no documents
        stem, named_lang = split_name(name)
        chosen = named_lang or (lang if lang and lang != "auto" else None)  # the name's language, like a "lang" field
        text, chosen, meta = prepare(text, name, chosen, clean)
        grouped = named_lang is not None and sum(split_name(s)[0] == stem for s in siblings) > 1
        yield parse_fields({"text": text, "lang": chosen, "title": title_of(text), "meta": meta,
                            "group": stem if grouped else None}, where=name)
    except Invalid as exc:
        yield exc
