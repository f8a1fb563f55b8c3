"""Export formats: a {name: writer} registry. A writer turns an ExportRequest into a stream of byte lines; all of
them start from native.documents, and the native format keeps finished lines per document revision."""

from collections.abc import Callable, Iterator

from . import conll, doccano, hf, labelstudio, native, parallel, spacy_docbin, split
from .losses import Losses
from .query import ExportRequest, left_out

WRITERS: dict[str, Callable[..., Iterator[bytes]]] = {
    "jsonl": native.write, "doccano": doccano.write, "doccano-rel": doccano.write_relations,
    "labelstudio": labelstudio.write, "conll": conll.write, "parallel": parallel.write,
    "spacy": spacy_docbin.write, "hf": hf.write,
}
# The writers that count what they cannot hold and write a part of a split (keywords losses= and only=).
COUNTING = {"doccano", "doccano-rel", "labelstudio", "conll", "spacy", "hf"}

__all__ = ["COUNTING", "ExportRequest", "Losses", "WRITERS", "left_out", "writer_for", "lines"]


def lines(fmt: str, session, project, req: ExportRequest, losses: Losses | None = None,
          part: tuple[tuple[int, ...], int, str] | None = None) -> Iterator[bytes]:
    """The export in format `fmt`, counting losses where the format has any; with `part` (ratios, seed, name)
    only that part of a train/dev/test split (see split.py)."""
    writer = writer_for(fmt)
    if part is None:
        return writer(session, project, req, losses=losses) if fmt in COUNTING else writer(session, project, req)
    if fmt not in COUNTING | {"jsonl"}:
        from ..errors import N_, Invalid

        raise Invalid(N_("the {format} format cannot be split (it is not one record per document)"), field="split",
                      params={"format": fmt})
    ratios, seed, name = part
    ids = split.only(split.assign(session, project, req, ratios, seed), name)
    return (split.native if fmt == "jsonl" else writer)(session, project, req, losses=losses, only=ids)


def writer_for(name: str):
    from ..errors import N_, Invalid

    try:
        return WRITERS[name]
    except KeyError:
        raise Invalid(N_("unknown export format '{name}' (known: {known})"), field="format",
                      params={"name": name, "known": ", ".join(WRITERS)}) from None
