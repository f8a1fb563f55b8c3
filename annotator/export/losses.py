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


def doc_label_extras(losses: Counter | None, doc: dict) -> None:
    """Count what a format that holds one set of document labels per document drops: in the all layer, the
    annotators' own sets beside the gold one."""
    if losses is not None and doc.get("doc_labels_by"):
        losses["annotators' document label sets"] += len(doc["doc_labels_by"])


def text_fields(project) -> set[str]:
    """The project's free-text document fields: values, not categories."""
    return {f["name"] for f in (project.label_schema or {}).get("document", []) if f.get("type", "text") == "text"}


def category_names(values: dict, free_text: set[str]) -> list[str]:
    """Document labels as text-classification categories: "stance:support", one per option of a field that
    takes several, "urgent:true"; free-text values are not categories."""
    out = []
    for name, value in values.items():
        if name in free_text:
            continue
        for item in value if isinstance(value, list) else [value]:
            out.append(f"{name}:{str(item).lower() if isinstance(item, bool) else item}")
    return out


def span_extras(losses: Counter | None, spans: list[dict], keeps_attrs: bool = True) -> None:
    """Count what a span-only format drops of these spans besides their offsets and label."""
    if losses is None:
        return
    for span in spans:
        if span.get("actor"):
            losses["actor links"] += 1
        if not keeps_attrs:
            losses["attribute values"] += sum(1 for v in (span.get("attrs") or {}).values() if v not in (None, ""))
