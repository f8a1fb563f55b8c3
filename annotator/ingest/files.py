"""Import files as bytes, within a size limit. `.gz` files are decompressed as a stream that stops at the
limit, so a gzip bomb ends with a clear message instead of filling the memory."""

import gzip
import io
import zlib
from pathlib import Path

from ..errors import Invalid

CHUNK = 1 << 20


def _too_big(name: str, limit: int, what: str) -> Invalid:
    return Invalid(f"{name}: {what} more than the import limit of {limit // (1 << 20)} MB "
                   "(ANNOTATOR_MAX_IMPORT_MB); split it into smaller files", field="file", where=name)


def _gunzip(name: str, fh, limit: int) -> bytes:
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as stream:
            while chunk := stream.read(CHUNK):
                out += chunk
                if len(out) > limit:
                    raise _too_big(name, limit, "decompresses to")
    except (OSError, EOFError, zlib.error) as exc:
        raise Invalid(f"{name}: not a complete gzip file ({exc})", field="file", where=name) from None
    return bytes(out)


def read_path(path: Path, limit: int) -> tuple[str, bytes]:
    """(name without .gz, content) of a file on disk."""
    name = str(path)
    if name.lower().endswith(".gz"):
        with open(path, "rb") as fh:
            return name[:-3], _gunzip(name, fh, limit)
    if path.stat().st_size > limit:
        raise _too_big(name, limit, f"{path.stat().st_size / (1 << 20):.0f} MB is")
    return name, path.read_bytes()


def read_bytes(name: str, data: bytes, limit: int) -> tuple[str, bytes]:
    """The same for an upload already in memory (its size is capped by the upload limit)."""
    if name.lower().endswith(".gz"):
        return name[:-3], _gunzip(name, io.BytesIO(data), limit)
    return name, data


def read_all(paths, limit: int) -> list[tuple[str, bytes]]:
    """Every file, with one limit for them all together."""
    files, total = [], 0
    for path in paths:
        name, data = read_path(Path(path), limit - total)
        total += len(data)
        files.append((name, data))
    return files
