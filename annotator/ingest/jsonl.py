"""Native JSONL: one JSON object per line with text, lang and optionally title, group, source_url, meta."""

import orjson

from ..errors import Invalid
from ..services.documents import parse_fields
from .txt import decode


def read(name: str, data: bytes, lang: str | None = None):
    try:
        content = decode(name, data)
    except Invalid as exc:
        yield exc
        return
    default_lang = lang if lang and lang != "auto" else None
    for number, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Invalid(f"{where}: not valid JSON ({exc})", field="line", where=where)
            continue
        if isinstance(obj, dict) and isinstance(obj.get("source"), dict):
            obj = {**obj, "source_url": obj["source"].get("url"), "published": obj["source"].get("published")}
        try:
            yield parse_fields(obj, where=where, default_lang=default_lang)
        except Invalid as exc:
            yield exc
