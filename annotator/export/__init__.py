"""Export formats: a {name: writer} registry. A writer turns an ExportRequest into a stream of byte lines; all of
them start from native.documents, and the native format keeps finished lines per document revision."""

from collections.abc import Callable, Iterator

from . import conll, doccano, labelstudio, native, parallel
from .query import ExportRequest, left_out

WRITERS: dict[str, Callable[..., Iterator[bytes]]] = {
    "jsonl": native.write, "doccano": doccano.write, "doccano-rel": doccano.write_relations,
    "labelstudio": labelstudio.write, "conll": conll.write, "parallel": parallel.write,
}

__all__ = ["ExportRequest", "WRITERS", "left_out", "writer_for"]


def writer_for(name: str):
    from ..errors import Invalid

    try:
        return WRITERS[name]
    except KeyError:
        raise Invalid(f"unknown export format '{name}' (known: {', '.join(WRITERS)})", field="format") from None
