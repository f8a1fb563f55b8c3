"""What an export format cannot hold, counted while it writes: the CLI prints it on standard error, the API
sends it in a header (X-Export-Losses) (docs/formats.md has the table of what each format keeps)."""

from collections import Counter

import orjson


class Losses(Counter):
    """{what was left out: how many}, e.g. {"relations": 4, "actor links": 2}."""

    def lines(self) -> list[str]:
        return [f"{n} {what}" for what, n in sorted(self.items()) if n]

    def header(self) -> str:
        """As an HTTP header value: compact JSON, ASCII only."""
        return orjson.dumps(dict(sorted((k, v) for k, v in self.items() if v))).decode()


def span_extras(losses: Counter | None, spans: list[dict], keeps_attrs: bool = True) -> None:
    """Count what a span-only format drops of these spans besides their offsets and label."""
    if losses is None:
        return
    for span in spans:
        if span.get("actor"):
            losses["actor links"] += 1
        if not keeps_attrs:
            losses["attribute values"] += sum(1 for v in (span.get("attrs") or {}).values() if v not in (None, ""))
