"""spaCy's binary training format: a DocBin (`.spacy`) that `DocBin().from_bytes(data).get_docs(nlp.vocab)`
reads back, for `spacy train` and for code.

Each document is a spaCy Doc whose text is exactly the document's text: the tokens are the CoNLL export's
(conll.tokens, cut at span boundaries so that every span is whole tokens) and the whitespace between them
(a single space is a token's trailing space, anything else a whitespace token, as spaCy's tokenizer makes).
All exported spans, overlapping or nested, are in `doc.spans["sc"]`; `doc.user_data["annotator"]` keeps what
a Span cannot hold: the document's id, language and group, each span's id, annotator, actor and attributes
(in `doc.spans["sc"]` order), the relations and the document labels, which are also `doc.cats` (1.0 for
"stance:support" and the other options chosen, 0.0 for the rest; free text only in user_data).
Needs spaCy (`pip install 'annotator[spacy]'`).
"""

from collections import Counter
from collections.abc import Iterator

from ..errors import N_, Invalid
from ..models import Project
from . import conll
from . import query as q
from .losses import doc_label_extras
from .native import documents

SPAN_KEY = "sc"


def write(session, project: Project, req: q.ExportRequest, losses: Counter | None = None,
          only: set[int] | None = None) -> Iterator[bytes]:
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise Invalid(N_("the spacy format needs spaCy: pip install 'annotator[spacy]'"), field="format") from None
    vocab = spacy.blank("xx").vocab  # multi-language: the documents are uk, en, ru ...
    docbin = DocBin(store_user_data=True)
    categories = category_options(project)
    for doc in documents(session, project, req):
        if only is None or conll.number(doc["id"]) in only:
            doc_label_extras(losses, doc)
            docbin.add(to_spacy(vocab, doc, losses, categories))
    yield docbin.to_bytes()


def category_options(project: Project) -> dict[str, list[str]]:
    """{field: its categories} for the choice and true/false document fields: spaCy's text categorizer wants
    every category of a document scored, 1.0 for those it has, 0.0 for the others."""
    out = {}
    for f in (project.label_schema or {}).get("document", []):
        if f.get("type") == "choice":
            out[f["name"]] = [f"{f['name']}:{o}" for o in f.get("options", [])]
        elif f.get("type") == "bool":
            out[f["name"]] = [f["name"]]
    return out


def cats(values: dict, categories: dict[str, list[str]]) -> dict[str, float]:
    """doc.cats for these document labels: the fields set, every category of each scored."""
    out = {}
    for name, value in values.items():
        chosen = {f"{name}:{v}" for v in (value if isinstance(value, list) else [value])}
        for category in categories.get(name, []):
            out[category] = 1.0 if (value is True if category == name else category in chosen) else 0.0
    return out


def words(text: str, cuts: set[int]) -> tuple[list[str], list[bool]]:
    """spaCy's words and trailing spaces for `text`, so that Doc(vocab, words, spaces).text == text."""
    out, spaces, at = [], [], 0
    for a, b in conll._cut(conll.tokens(text), cuts):
        gap = text[at:a]
        if gap:
            if gap[0] == " " and out and not spaces[-1]:
                spaces[-1], gap = True, gap[1:]
            if gap:
                out.append(gap)
                spaces.append(False)
        out.append(text[a:b])
        spaces.append(False)
        at = b
    if text[at:]:
        out.append(text[at:])
        spaces.append(False)
    return out, spaces


def to_spacy(vocab, doc: dict, losses: Counter | None = None, categories: dict | None = None):
    from spacy.tokens import Doc

    text = doc["text"]
    made = Doc(vocab, *words(text, {x for s in doc["spans"] for x in (s["start"], s["end"])}))
    kept, extra = [], []
    for s in doc["spans"]:
        span = made.char_span(s["start"], s["end"], label=s["label"])
        if span is None:  # only a span of whitespace alone has no token
            if losses is not None:
                losses["spans covering no token"] += 1
            continue
        kept.append(span)
        extra.append({"id": s["id"], "start": s["start"], "end": s["end"], "annotator": s.get("annotator") or "",
                      "actor": (s.get("actor") or {}).get("name") or "", "attrs": s.get("attrs") or {}})
    made.spans[SPAN_KEY] = kept
    made.cats = cats(doc.get("doc_labels") or {}, categories or {})
    made.user_data["annotator"] = {"id": doc["id"], "lang": doc["lang"], "group": doc["group"] or "",
                                   "doc_labels": doc.get("doc_labels") or {}, "spans": extra,
                                   "relations": [{k: r[k] for k in ("id", "type", "head", "tail")}
                                                 for r in doc["relations"]]}
    return made
