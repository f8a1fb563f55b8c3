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
    # `[…][…]*` rather than `[…]+`: re only skips ahead with its fast character-class scan when the pattern
    # starts with a bare class (not a repeat), which makes the search 2.5 times faster on large texts
    run = f"[{members}\U00010000-\U0010FFFF]"
    return re.compile(f"{run}{run}*")


def normalize(raw: str) -> str:
    """NFC-normalise, turn CRLF/CR line ends into LF and drop a leading BOM.

    Only the runs of characters that NFC may change are normalised, each with the character before it: that
    one is a starter nothing before it can combine with, and the character after the run cannot combine with
    anything before it, so NFC of the whole equals NFC of those pieces. Checking every character with
    unicodedata costs 40 ns each (most of a big import's parsing); the search, about 3."""
    text = raw.removeprefix("\ufeff")
    if "\r" in text:  # looking for one character costs a sixth of the two replaces, and most texts have none
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out, done = [], 0
    for found in _may_change_under_nfc().finditer(text):
        start = max(found.start() - 1, done)
        piece = text[start:found.end()]
        nfc = unicodedata.normalize("NFC", piece)
        if nfc != piece:  # most runs (an emoji, an accent already composed) are NFC: no copy of the text for them
            out += (text[done:start], nfc)
            done = found.end()
    if not out:
        return text
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


def paragraphs(text: str) -> list[str]:
    """The text cut after each line feed, as the annotation page draws it (each piece keeps its "\\n"; no
    empty piece after a final one): joined back they give the text."""
    pieces = text.split("\n")
    out = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1] or not out:
        out.append(pieces[-1])
    return out
