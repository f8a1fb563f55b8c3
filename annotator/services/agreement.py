"""Inter-annotator agreement.

- Span F1 per annotator pair, exact (same start, end, label) and overlapping (same label, any overlap),
  averaged over the documents both annotated.
- Cohen's kappa per pair and Krippendorff's alpha (nominal) across all annotators, over tokens: each token
  of a document takes, for each annotator, the label of the longest of their spans covering it, or "O".
  Tokens are runs of letters/digits/marks or single other non-space characters (see TOKEN).
Per-label figures treat the label as yes/no per token.
- Document fields (document-level labels, choice and true/false): per field, over the documents that two or
  more annotators gave a value, the observed agreement (the share of annotator pairs per document that agree),
  Krippendorff's alpha (nominal; a field taking several options compares the whole set) and Cohen's kappa
  per annotator pair over the documents both labelled.
"""

import re
from collections import Counter, defaultdict
from itertools import combinations

from sqlalchemy import select

from ..models import Document, DocumentLabels, Project, Span, User
from .members import annotates

TOKEN = re.compile(r"[\w\u0300-\u036f'’ʼ]+|[^\w\s]", re.UNICODE)
OUTSIDE = "O"


def cohen_kappa(a: list, b: list) -> float | None:
    """Cohen's kappa of two equally long label sequences; None when undefined (no items)."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: list[list]) -> float | None:
    """Nominal Krippendorff's alpha; `units` holds, per unit, the values given (missing ones left out)."""
    pairable = [u for u in units if len(u) >= 2]
    coincidence: Counter = Counter()
    for values in pairable:
        m = len(values)
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidence[(values[i], values[j])] += 1 / (m - 1)
    n = sum(coincidence.values())
    if n <= 1:
        return None
    totals: Counter = Counter()
    for (c, _), v in coincidence.items():
        totals[c] += v
    observed = sum(v for (c, k), v in coincidence.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k) / (n - 1)
    if expected == 0:
        return 1.0
    return 1 - observed / expected


def token_labels(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """For each token of `text`, the label of the longest span covering it, or OUTSIDE."""
    out = []
    ordered = sorted(spans, key=lambda s: s[1] - s[0], reverse=True)
    for match in TOKEN.finditer(text):
        s, e = match.span()
        out.append(next((label for start, end, label in ordered if start <= s and e <= end), OUTSIDE))
    return out


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


def _layers(session, project: Project, lang: str | None):
    """{document id: {annotator: set of (start, end, label)}} and {document id: text}, two queries."""
    query = (select(Span.document_id, User.username, Span.start, Span.end, Span.label)
             .join(User, User.id == Span.annotator_id).join(Document, Document.id == Span.document_id)
             .where(Document.project_id == project.id, Span.deleted_at.is_(None), annotates(project.id)))
    if lang:
        query = query.where(Document.lang == lang)
    layers: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for doc_id, user, start, end, label in session.execute(query):
        layers[doc_id][user].add((start, end, label))
    texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(list(layers)))).all()) \
        if layers else {}
    return layers, texts


def _only(label: str | None, spans: set) -> set:
    return {s for s in spans if s[2] == label} if label else spans


def _binary(labels: list[str], label: str | None) -> list[str]:
    return labels if label is None else [x if x == label else OUTSIDE for x in labels]


def project_agreement(session, project: Project, label: str | None = None, lang: str | None = None) -> dict:
    layers, texts = _layers(session, project, lang)
    annotators = sorted({u for by_user in layers.values() for u in by_user})
    pair_f1 = defaultdict(lambda: {"documents": 0, "exact": [], "overlap": []})
    pair_tokens = defaultdict(lambda: ([], []))
    alpha_units, per_doc = [], []
    for doc_id, by_user in layers.items():
        tokens = {u: _binary(token_labels(texts[doc_id], list(spans)), label) for u, spans in by_user.items()}
        doc_scores = []
        for u1, u2 in combinations(sorted(by_user), 2):
            entry = pair_f1[(u1, u2)]
            entry["documents"] += 1
            for kind, match in (("exact", _exact), ("overlap", _overlap)):
                value = _f1(_only(label, by_user[u1]), _only(label, by_user[u2]), match)
                if value is not None:
                    entry[kind].append(value)
                    if kind == "exact":
                        doc_scores.append(value)
            pair_tokens[(u1, u2)][0].extend(tokens[u1])
            pair_tokens[(u1, u2)][1].extend(tokens[u2])
        if len(by_user) >= 2:
            alpha_units.extend(list(values) for values in zip(*tokens.values(), strict=True))
            if doc_scores:
                per_doc.append((doc_id, sum(doc_scores) / len(doc_scores), sorted(by_user)))
    pairs = [{"annotators": list(k), "documents": v["documents"], "f1_exact": _mean(v["exact"]),
              "f1_overlap": _mean(v["overlap"]), "kappa": _round(cohen_kappa(*pair_tokens[k]))}
             for k, v in sorted(pair_f1.items())]
    worst = sorted(per_doc, key=lambda d: d[1])[:20]
    return {"label": label, "lang": lang, "annotators": annotators, "pairs": pairs,
            "alpha": _round(krippendorff_alpha(alpha_units)), "tokens": len(alpha_units),
            "documents": [{"id": d, "f1_exact": round(score, 4), "annotators": users} for d, score, users in worst]}


def by_label(session, project: Project, lang: str | None = None) -> dict:
    """The figures overall and for each label of the schema."""
    return {"overall": project_agreement(session, project, None, lang),
            "labels": {name: project_agreement(session, project, name, lang) for name in project.label_names()}}


def document_fields(session, project: Project, lang: str | None = None) -> list[dict]:
    """Agreement on each choice or true/false document field (see the module's note), in schema order."""
    fields = [f for f in (project.label_schema or {}).get("document", []) if f.get("type") in ("choice", "bool")]
    if not fields:
        return []
    query = (select(DocumentLabels.document_id, User.username, DocumentLabels.values)
             .join(User, User.id == DocumentLabels.annotator_id)
             .join(Document, Document.id == DocumentLabels.document_id)
             .where(Document.project_id == project.id, annotates(project.id)))
    if lang:
        query = query.where(Document.lang == lang)
    sets: dict[int, dict[str, dict]] = defaultdict(dict)
    for doc_id, user, values in session.execute(query):
        sets[doc_id][user] = values or {}
    return [_field_agreement(f["name"], sets) for f in fields]


def _field_agreement(name: str, sets: dict[int, dict[str, dict]]) -> dict:
    units, pairs = [], defaultdict(lambda: ([], []))
    agreeing = total = 0
    for by_user in sets.values():
        given = {u: _nominal(v[name]) for u, v in sorted(by_user.items()) if v.get(name) not in (None, "", [])}
        if len(given) < 2:
            continue
        units.append(list(given.values()))
        for u1, u2 in combinations(sorted(given), 2):
            pairs[(u1, u2)][0].append(given[u1])
            pairs[(u1, u2)][1].append(given[u2])
            agreeing += given[u1] == given[u2]
            total += 1
    return {"field": name, "documents": len(units), "observed": _round(agreeing / total) if total else None,
            "alpha": _round(krippendorff_alpha(units)),
            "pairs": [{"annotators": list(k), "documents": len(a), "kappa": _round(cohen_kappa(a, b))}
                      for k, (a, b) in sorted(pairs.items())]}


def _nominal(value):
    """A value as one category: a set of options is compared whole."""
    return tuple(sorted(value)) if isinstance(value, list) else value


def pairwise(session, project: Project, label: str | None = None, lang: str | None = None) -> dict:
    return project_agreement(session, project, label, lang)


def _mean(values):
    return round(sum(values) / len(values), 4) if values else None


def _round(value):
    return round(value, 4) if value is not None else None
