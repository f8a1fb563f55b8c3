"""Import files as bytes, within one size budget for all the files of an import or an upload together. `.gz`
files are decompressed as a stream that stops where the budget ends, so a gzip bomb (or six) ends with a clear
message instead of filling the memory."""

import gzip
import zlib
from pathlib import Path

from ..errors import N_, Invalid

CHUNK = 1 << 20


# (how the file is too big, whether the files before it count) -> the message
TOO_BIG = {
    ("unpacked", False): N_("{name}: decompresses to more than the import limit of {mb} MB "
                            "(ANNOTATOR_MAX_IMPORT_MB); split it into smaller files"),
    ("unpacked", True): N_("{name}: with the files before it, this import decompresses to more than the limit of "
                           "{mb} MB (ANNOTATOR_MAX_IMPORT_MB); import fewer files at once"),
    ("read", False): N_("{name}: {size}is more than the import limit of {mb} MB (ANNOTATOR_MAX_IMPORT_MB); split "
                        "it into smaller files"),
    ("read", True): N_("{name}: with the files before it, this import {size}is more than the limit of {mb} MB "
                       "(ANNOTATOR_MAX_IMPORT_MB); import fewer files at once"),
}


def _too_big(name: str, limit: int, how: str, together: bool, size: str = "") -> Invalid:
    """`size`: the file's own size ("2 MB "), when known before reading it."""
    return Invalid(TOO_BIG[how, together], field="file", where=name,
                   params={"name": name, "mb": limit // (1 << 20), "size": size})


def _gunzip(name: str, fh, limit: int, room: int) -> bytes:
    """At most `room` bytes (what is left of the budget `limit`) of the file, decompressed."""
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as stream:
            while chunk := stream.read(min(CHUNK, room + 1 - len(out))):
                out += chunk
                if len(out) > room:
                    raise _too_big(name, limit, "unpacked", room < limit)
    except (OSError, EOFError, zlib.error) as exc:
        raise Invalid(N_("{name}: not a complete gzip file ({problem})"), field="file", where=name,
                      params={"name": name, "problem": str(exc)}) from None
    return bytes(out)


def read_stream(name: str, fh, limit: int, room: int | None = None) -> tuple[str, bytes]:
    """(name without .gz, content) of an open binary file, keeping at most `room` of the budget `limit`."""
    room = limit if room is None else room
    if name.lower().endswith(".gz"):
        return name[:-3], _gunzip(name, fh, limit, room)
    data = fh.read(room + 1)
    if len(data) > room:
        raise _too_big(name, limit, "read", room < limit)
    return name, data


def read_path(path: Path, limit: int, room: int | None = None) -> tuple[str, bytes]:
    """The same for a file on disk."""
    name, room = str(path), limit if room is None else room
    size = path.stat().st_size
    if not name.lower().endswith(".gz") and size > room:
        raise _too_big(name, limit, "read", room < limit, f"{size / (1 << 20):.0f} MB ")
    with open(path, "rb") as fh:
        return read_stream(name, fh, limit, room)


def read_uploads(uploads, limit: int) -> list[tuple[str, bytes]]:
    """Uploaded files, (name, open binary stream) each, with one budget for them all together."""
    files, total = [], 0
    for name, fh in uploads:
        name, data = read_stream(name, fh, limit, limit - total)
        total += len(data)
        files.append((name, data))
    return files


def read_all(paths, limit: int) -> list[tuple[str, bytes]]:
    """Files on disk, with one budget for them all together."""
    files, total = [], 0
    for path in paths:
        name, data = read_path(Path(path), limit, limit - total)
        total += len(data)
        files.append((name, data))
    return files
