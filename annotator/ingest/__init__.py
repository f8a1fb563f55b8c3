"""Import formats: each module turns (file name, bytes) into DocumentInputs, reporting every problem.

Nothing is written here; services.documents.add_documents stores what all the files yielded, in one
transaction, only when no file had a problem.
"""

from dataclasses import dataclass, field
from pathlib import PurePath

import orjson

from ..errors import N_, Invalid
from ..services.documents import DocumentInput
from . import doccano, jsonl, labelstudio, txt

READERS = {"txt": txt.read, "jsonl": jsonl.read, "doccano": doccano.read, "labelstudio": labelstudio.read}
MAX_REPORTED = 200


@dataclass
class Parsed:
    inputs: list[DocumentInput] = field(default_factory=list)
    errors: list[Invalid] = field(default_factory=list)


def guess_format(name: str, data: bytes = b"") -> str:
    """By extension: .jsonl/.ndjson native JSONL (or doccano's, told by its first line's keys), .json a Label
    Studio export, anything else plain text."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if ".jsonl" in suffixes or ".ndjson" in suffixes:
        return "doccano" if _looks_like_doccano(data) else "jsonl"
    return "labelstudio" if suffixes and suffixes[-1] == ".json" else "txt"


def _looks_like_doccano(data: bytes) -> bool:
    """doccano's lines carry "label" ([[start, end, label]]) or "entities"; ours carry "spans" or nothing."""
    first = next((line for line in data[:1 << 20].split(b"\n") if line.strip()), b"")
    try:
        obj = orjson.loads(first)
    except orjson.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "spans" not in obj and (
        isinstance(obj.get("entities"), list) or isinstance(obj.get("label"), list))


def parse_files(files, fmt: str = "auto", lang: str | None = None, clean: bool = True) -> Parsed:
    """Parse [(name, bytes)] with the given format (or by extension); collect inputs and errors.

    `clean` removes scraped page furniture from plain-text files (see ingest.cleanup)."""
    parsed = Parsed()
    kinds = [fmt if fmt != "auto" else guess_format(name, data) for name, data in files]
    txt_names = [name for (name, _), kind in zip(files, kinds, strict=True) if kind == "txt"]
    for (name, data), kind in zip(files, kinds, strict=True):
        if kind not in READERS:
            parsed.errors.append(Invalid(N_("{file}: unknown format '{kind}' (known: {known})"), field="format",
                                         params={"file": name, "kind": kind, "known": ", ".join(READERS)}))
            continue
        extra = {"siblings": txt_names, "clean": clean} if kind == "txt" else {}
        found = False
        for item in READERS[kind](name, data, lang, **extra):
            found = True
            if isinstance(item, Invalid):
                if len(parsed.errors) < MAX_REPORTED:
                    parsed.errors.append(item)
            else:
                parsed.inputs.append(item)
        if not found:  # an empty file, or blank lines only: most likely not the file meant
            parsed.errors.append(Invalid(N_("{file}: holds no documents"), field="file", params={"file": name}))
    return parsed
