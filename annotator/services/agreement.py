"""Inter-annotator agreement: pairwise span F1 (exact and overlapping matches) per annotator pair."""

from collections import defaultdict
from itertools import combinations

from sqlalchemy import select

from ..models import Document, Project, Span, User


def _f1(a: set, b: set, match) -> float | None:
    if not a and not b:
        return None
    hits_a = sum(1 for x in a if any(match(x, y) for y in b))
    hits_b = sum(1 for y in b if any(match(x, y) for x in a))
    precision = hits_b / len(b) if b else 0.0
    recall = hits_a / len(a) if a else 0.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _exact(x, y) -> bool:
    return x == y


def _overlap(x, y) -> bool:
    return x[2] == y[2] and x[0] < y[1] and y[0] < x[1]


def pairwise(session, project: Project, label: str | None = None, lang: str | None = None) -> dict:
    """Per annotator pair, over the documents both annotated: exact and overlap span F1."""
    query = (select(Span.document_id, User.username, Span.start, Span.end, Span.label)
             .join(User, User.id == Span.annotator_id).join(Document, Document.id == Span.document_id)
             .where(Document.project_id == project.id, Span.deleted_at.is_(None)))
    if label:
        query = query.where(Span.label == label)
    if lang:
        query = query.where(Document.lang == lang)
    layers: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for doc_id, user, start, end, span_label in session.execute(query):
        layers[doc_id][user].add((start, end, span_label))
    pairs = defaultdict(lambda: {"documents": 0, "exact": [], "overlap": []})
    for by_user in layers.values():
        for u1, u2 in combinations(sorted(by_user), 2):
            entry = pairs[(u1, u2)]
            entry["documents"] += 1
            for kind, match in (("exact", _exact), ("overlap", _overlap)):
                value = _f1(by_user[u1], by_user[u2], match)
                if value is not None:
                    entry[kind].append(value)
    return {"pairs": [{"annotators": list(k), "documents": v["documents"],
                       "f1_exact": _mean(v["exact"]), "f1_overlap": _mean(v["overlap"])}
                      for k, v in sorted(pairs.items())],
            "annotators": sorted({u for by_user in layers.values() for u in by_user})}


def _mean(values):
    return round(sum(values) / len(values), 4) if values else None
