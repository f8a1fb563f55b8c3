"""A deterministic train/dev/test split by article: the versions of one translation group always land in the
same part (a model never trains on the English text of an article it is tested on in Ukrainian).

Units are translation groups, and documents outside any group one by one; they are ordered by a hash of the
seed and their key (`g-7`, `d-42`) and cut at the ratios, so the same seed and documents give the same split
on any machine, and a new article moves no old one across parts.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator

import orjson
from sqlalchemy import select

from ..errors import N_, Invalid
from ..models import Document, Project
from . import query as q
from .native import v1_documents

PARTS = ("train", "dev", "test")


def parse_ratios(value) -> tuple[int, ...]:
    """'80/10/10' -> (80, 10, 10): three whole numbers, none negative, adding up to more than 0."""
    parts = str(value or "").split("/")
    whole = all(p.strip().isascii() and p.strip().isdigit() for p in parts)  # not '²', which int() refuses
    if len(parts) != 3 or not whole or not sum(int(p) for p in parts):
        raise Invalid(N_("split must be three whole numbers train/dev/test such as 80/10/10, not '{value}'"),
                      field="split", params={"value": value})
    return tuple(int(p) for p in parts)


def parse_seed(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise Invalid(N_("seed must be a whole number, not '{value}'"), field="seed", params={"value": value})


def assign(session, project: Project, req: q.ExportRequest, ratios: tuple[int, ...], seed: int) -> dict[int, str]:
    """{document id: "train" | "dev" | "test"} for the documents of the request's languages."""
    query = select(Document.id, Document.group_id).where(Document.project_id == project.id)
    if req.langs:
        query = query.where(Document.lang.in_(req.langs))
    rows = session.execute(query).all()
    units = sorted({f"g-{g}" if g is not None else f"d-{d}" for d, g in rows},
                   key=lambda u: hashlib.sha256(f"{seed}:{u}".encode()).hexdigest())
    total, n = sum(ratios), len(units)
    train_end = round(n * ratios[0] / total)
    dev_end = train_end + round(n * ratios[1] / total)
    part_of = {u: PARTS[0] if k < train_end else PARTS[1] if k < dev_end else PARTS[2] for k, u in enumerate(units)}
    return {d: part_of[f"g-{g}" if g is not None else f"d-{d}"] for d, g in rows}


def check_part(part: str) -> str:
    if part not in PARTS:
        raise Invalid(N_("part must be one of {parts}"), field="part", params={"parts": ", ".join(PARTS)})
    return part


def only(parts: dict[int, str], part: str) -> set[int]:
    check_part(part)
    return {d for d, p in parts.items() if p == part}


def native(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
           only: set[int] | None = None) -> Iterator[bytes]:
    """annotator.document/v1 lines of the documents in `only` (the native writer has no filter of its own)."""
    for doc in v1_documents(session, project, req):
        if only is None or int(doc["id"].partition("-")[2]) in only:
            yield orjson.dumps(doc) + b"\n"
