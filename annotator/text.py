"""Text as stored: NFC, `\n` line ends; offsets are code points (Python str indices)."""

import hashlib
import re
import unicodedata
from functools import cache


@cache
def _may_change_under_nfc() -> re.Pattern:
    """A run of characters NFC may change or combine with the character before them: combining marks, those NFC
    replaces, the second characters of canonical pairs (with the Hangul jamo that compose), and, to keep the
    class to the Basic Multilingual Plane (where re matches it by bitmap), any character beyond it."""
    chars = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for cp in range(0x10000):
        ch = chr(cp)
        decomposition = unicodedata.decomposition(ch)
        if unicodedata.combining(ch) or decomposition and not decomposition.startswith("<") and (
                unicodedata.normalize("NFC", ch) != ch):
            chars.add(cp)
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            chars.add(int(decomposition.split()[1], 16))
    members = "".join(re.escape(chr(cp)) for cp in sorted(chars) if not 0xD800 <= cp <= 0xDFFF)
    return re.compile(f"[{members}\U00010000-\U0010FFFF]+")


def normalize(raw: str) -> str:
    """NFC-normalise, turn CRLF/CR line ends into LF and drop a leading BOM.

    Only the runs of characters that NFC may change are normalised, each with the character before it: that
    one is a starter nothing before it can combine with, and the character after the run cannot combine with
    anything before it, so NFC of the whole equals NFC of those pieces. Checking every character with
    unicodedata costs 40 ns each (most of a big import's parsing); the search, about 1."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    runs = _may_change_under_nfc()
    found = runs.search(text)
    if found is None:
        return text
    out, done = [], 0
    while found is not None:
        start = max(found.start() - 1, done)
        out += (text[done:start], unicodedata.normalize("NFC", text[start:found.end()]))
        done = found.end()
        found = runs.search(text, done)
    out.append(text[done:])
    return "".join(out)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def utf16_offsets(text: str) -> list[int]:
    """For each code point index i (0..len), the UTF-16 offset where it starts."""
    out = [0] * (len(text) + 1)
    pos = 0
    for i, ch in enumerate(text):
        out[i] = pos
        pos += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = pos
    return out


def utf16_to_codepoint(text: str, offset: int) -> int:
    """The code point index of a UTF-16 offset; ValueError if it splits a surrogate pair."""
    pos = 0
    for i, ch in enumerate(text):
        if pos == offset:
            return i
        pos += 2 if ord(ch) > 0xFFFF else 1
        if pos > offset:
            raise ValueError(f"UTF-16 offset {offset} falls inside a surrogate pair")
    if pos == offset:
        return len(text)
    raise ValueError(f"UTF-16 offset {offset} is beyond the text")
