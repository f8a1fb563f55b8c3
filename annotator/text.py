"""Text as stored: NFC, `\n` line ends; offsets are code points (Python str indices)."""

import hashlib
import unicodedata


def normalize(raw: str) -> str:
    """NFC-normalise and turn CRLF/CR line ends into LF. A leading BOM is dropped."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


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
