"""Review pages (reviewers and admins): the queue, a document's merged layers, agreement, history."""

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..api.serialize import document_json
from ..auth import role_required
from ..errors import NotFound
from ..extensions import db
from ..models import Actor, Document, Role, Span, User
from ..services import agreement as agreement_service
from ..services import comments, doclabels, review
from ..services import documents as doc_service
from ..services import history as history_service
from ..services import projects as project_service
from .projects import load_project

bp = Blueprint("review", __name__)

@bp.get("/projects/<int:pid>/review")
@role_required(Role.REVIEWER)
def queue(pid):
    """Documents with annotations, most disagreement first; filter by review state."""
    project = load_project(pid)
    rows = review.review_queue(db.session, project.id)
    counts = {"all": len(rows)}
    for row in rows:
        counts[row["state"]] = counts.get(row["state"], 0) + 1
    state = request.args.get("state") or None
    if state:
        rows = [r for r in rows if r["state"] == state]
    notes = comments.counts_by_document(db.session, [r["document"].id for r in rows])
    return render_template("review/queue.html", project=project, rows=rows, state=state, counts=counts,
                           notes=notes)


@bp.get("/documents/<int:did>/review")
@role_required(Role.REVIEWER)
def document(did):
    """The document's candidates from every annotator, merged; the script draws and decides them."""
    doc = _load_document(did)
    data = {"document": document_json(doc), "schema": doc.project.label_schema,
            **review.candidates(db.session, doc),
            "comments": [_comment(c) for c in comments.visible(db.session, doc, current_user)],
            "doc_labels": doclabels.review_view(db.session, doc)}
    return render_template("review/show.html", doc=doc, project=doc.project, review_data=data)


@bp.get("/projects/<int:pid>/agreement")
@role_required(Role.REVIEWER)
def agreement(pid):
    """Agreement per annotator pair and per label, with a heatmap and the documents that disagree most."""
    project = load_project(pid)
    lang = request.args.get("lang") or None
    label = request.args.get("label") or None
    if label not in (None, *project.label_names()):
        label = None
    metric = request.args.get("metric") if request.args.get("metric") in METRICS else "f1_exact"
    figures = agreement_service.by_label(db.session, project, lang)
    current = figures["labels"][label] if label else figures["overall"]
    docs = {d.id: d for d in _documents([d["id"] for d in current["documents"]])}
    return render_template("review/agreement.html", project=project, lang=lang, label=label, metric=metric,
                           metrics=METRICS, figures=figures, current=current, docs=docs,
                           heatmap=heatmap(current, metric), langs=_project_langs(project),
                           doc_fields=agreement_service.document_fields(db.session, project, lang),
                           label_pairs={name: {" ".join(p["annotators"]): p for p in fig["pairs"]}
                                        for name, fig in figures["labels"].items()})


@bp.get("/documents/<int:did>/history")
@role_required(Role.REVIEWER)
def history(did):
    """Every recorded change to the document's annotations, newest first, readable."""
    doc = _load_document(did)
    look = Lookup(doc)
    rows = [describe(e, look) for e in history_service.for_document(db.session, doc.id)]
    return render_template("review/history.html", doc=doc, project=doc.project, rows=rows)


# --- helpers ---------------------------------------------------------------------------------------

METRICS = {"f1_exact": _l("F1 exact"), "f1_overlap": _l("F1 overlap"), "kappa": _l("Cohen’s κ")}


def _load_document(did):
    try:
        return doc_service.get_document(db.session, did)
    except NotFound:
        abort(404)


def _documents(ids):
    return db.session.scalars(select(Document).where(Document.id.in_(ids))).all() if ids else []


def _project_langs(project):
    return list(project_service.language_counts(db.session, project))


def _comment(c) -> dict:
    return {"id": c.id, "span": c.span_id, "relation": c.relation_id, "parent": c.parent_id,
            "author": c.author.username, "body": c.body, "created_at": c.created_at.isoformat() + "Z"}


def heatmap(figures: dict, metric: str) -> dict:
    """An annotator × annotator matrix of `metric` with a colour step 0-10 per cell (None off the pairs)."""
    names = figures["annotators"]
    values = {}
    for pair in figures["pairs"]:
        a, b = pair["annotators"]
        values[(a, b)] = values[(b, a)] = pair[metric]
    rows = []
    for a in names:
        cells = []
        for b in names:
            value = 1.0 if a == b else values.get((a, b))
            cells.append({"value": value, "self": a == b,
                          "step": None if value is None else max(0, min(10, round(value * 10)))})
        rows.append({"name": a, "cells": cells})
    return {"names": names, "rows": rows}


SHOWN_FIELDS = ("label", "attrs", "actor_id", "status", "deleted", "type", "state", "body", "beads", "values")
ACTIONS = {"create": _l("created"), "update": _l("changed"), "delete": _l("deleted"), "restore": _l("restored"),
           "accept": _l("accepted"), "reject": _l("rejected"), "reset": _l("reset the decision on"),
           "merge": _l("merged"), "review_state": _l("set the review state of"), "doc_labels": _l("settled")}
ENTITY_NAMES = {"span": _l("span"), "relation": _l("relation"), "document": _l("document"), "comment": _l("comment"),
                "alignment": _l("alignment"), "span_link": _l("span link"), "doc_labels": _l("document labels")}
FIELD_NAMES = {"label": _l("label"), "attrs": _l("attributes"), "actor_id": _l("actor"), "status": _l("status"),
               "deleted": _l("deleted"), "type": _l("type"), "state": _l("state"), "body": _l("text"),
               "beads": _l("alignment"), "values": _l("values")}


class Lookup:
    """What the history page needs to name things: users, span texts, actors."""

    def __init__(self, doc):
        self.text = doc.text
        self.users = dict(db.session.execute(select(User.id, User.username)).all())
        rows = db.session.execute(select(Span.id, Span.start, Span.end, Span.deleted_at)
                                  .where(Span.document_id == doc.id)).all()
        self.spans = {i: doc.text[s:e] for i, s, e, _ in rows}
        self.deleted = {i for i, _, _, gone in rows if gone is not None}
        self.actors = dict(db.session.execute(select(Actor.id, Actor.name)
                                              .where(Actor.project_id == doc.project_id)).all())


def describe(event, look: Lookup) -> dict:
    """One history event as the page shows it: who, when, what, and the fields that changed."""
    before, after = event.before or {}, event.after or {}
    shown = after or before
    entity = event.entity
    if entity == "review":  # a reviewer's decision: on a span, a relation, or the gold document labels
        entity = "doc_labels" if event.action == "doc_labels" else "relation" if "type" in shown else "span"
    quote = None
    if "start" in shown and "end" in shown:
        quote = look.text[shown["start"]:shown["end"]]
    elif "head" in shown and "tail" in shown:
        quote = f"{_clip(look.spans.get(shown['head'], '?'))} → {_clip(look.spans.get(shown['tail'], '?'))}"
    if before and after:
        keys = [k for k in SHOWN_FIELDS if before.get(k) != after.get(k)]
        changes = [_change(k, before.get(k), after.get(k), look) for k in keys]
    elif after:  # a creation or a restore: what it holds beyond the label
        changes = [_change(k, None, after[k], look) for k in ("attrs", "actor_id", "body", "state", "values")
                   if after.get(k)]
    else:
        changes = []
    return {"id": event.id, "at": event.at, "user": look.users.get(event.user_id) or _("(deleted user)"),
            "entity": entity, "entity_name": ENTITY_NAMES.get(entity, entity), "entity_id": event.entity_id,
            "action": event.action,
            "verb": ACTIONS.get(event.action, event.action), "label": shown.get("label") or shown.get("type"),
            "quote": quote, "changes": changes,
            "restorable": event.entity == "span" and event.action == "delete" and event.entity_id in look.deleted}


def _clip(text: str, size: int = 32) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _change(field, before, after, look) -> dict:
    return {"field": FIELD_NAMES.get(field, field), "before": _value(field, before, look),
            "after": _value(field, after, look)}


def _value(field, value, look):
    if value is None or value == {}:
        return None
    if field == "actor_id":
        return look.actors.get(value, f"#{value}")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(k, v, look)}" for k, v in value.items())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):  # a document field that takes several options
        return " + ".join(map(str, value))
    return str(value)
