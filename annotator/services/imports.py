"""Importing documents together with their annotations, all or nothing.

Everything is checked against the project before anything is written; then documents, spans,
relations, alignments and span links are written in bulk (a few statements per batch, not one per span).
"""

import secrets
from collections.abc import Callable

from sqlalchemy import insert, select

from ..errors import Invalid
from ..models import (
    Actor,
    Alignment,
    HistoryEvent,
    Project,
    Relation,
    ReviewStatus,
    Role,
    Span,
    SpanLink,
    User,
    utcnow,
)
from . import actors as actor_service
from . import assignments
from .alignment import validate_beads
from .documents import AddResult, DocumentInput, add_documents
from .relations import allowed_types
from .spans import check_attrs

MAX_PROBLEMS = 200
NEW_LABEL_COLOURS = ("#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c", "#4b5563")


def check_annotations(project: Project, inputs: list[DocumentInput], add_labels: bool = False) -> list[str]:
    """Every problem with the inputs' annotations against the project's schema, as messages."""
    problems: list[str] = []
    known = set(project.label_names())
    missing = sorted({s.label for item in inputs for s in item.spans} - known)
    if missing and add_labels:
        _add_labels(project, missing)
        known |= set(missing)
    for item in inputs:
        labels = {s.ref: s.label for s in item.spans if s.ref}
        for span in item.spans:
            if span.label not in known:
                problems.append(f"{span.where}: unknown label '{span.label}' (use --add-labels to add it)")
                continue
            try:
                span.attrs = check_attrs(project, span.label, span.attrs)
            except Invalid as exc:
                problems.append(f"{span.where}: {exc.message}")
        for rel in item.relations:
            if labels.get(rel.head) in known and labels.get(rel.tail) in known and \
                    rel.type not in allowed_types(project, labels[rel.head], labels[rel.tail]):
                problems.append(f"{rel.where}: relation {rel.type} cannot link {labels[rel.head]} -> "
                                f"{labels[rel.tail]}")
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems[:MAX_PROBLEMS]


def _add_labels(project: Project, names: list[str]) -> None:
    schema = {**project.label_schema, "labels": list(project.label_schema.get("labels", []))}
    for i, name in enumerate(names):
        schema["labels"].append({"name": name, "color": NEW_LABEL_COLOURS[i % len(NEW_LABEL_COLOURS)], "hotkey": "",
                                 "description": "Added by an import.", "attributes": []})
    project.label_schema = schema


def import_documents(session, project: Project, inputs: list[DocumentInput], user: User | None = None,
                     add_labels: bool = False, progress: Callable[[int], None] | None = None) -> AddResult:
    """Check, then store documents and their annotations. Raises Invalid (with every problem) and writes
    nothing if anything is wrong."""
    problems = check_annotations(project, inputs, add_labels)
    if problems:
        raise Invalid(f"{len(problems)} problem(s); nothing was imported", problems=problems)
    carries_alignment = any(item.alignment for item in inputs)
    result = add_documents(session, project, inputs, user, progress, align=not carries_alignment)
    if any(item.spans for item, _ in result.pairs):
        _store_annotations(session, project, result, user)
    if carries_alignment:
        _store_alignments(session, result)
    _auto_assign(session, project, result, user)
    return result


def _auto_assign(session, project: Project, result: AddResult, user: User | None) -> None:
    """With the project's auto_assign setting (k), new documents go to the k least-loaded annotators."""
    k = (project.settings or {}).get("auto_assign") or 0
    if k and result.created and len(assignments.annotators(session)) >= k:
        assignments.auto_assign(session, project, k, result.created, by=user)


def _store_annotations(session, project: Project, result: AddResult, user: User | None) -> None:
    users = _users_by_name(session, {s.annotator for item, _ in result.pairs for s in item.spans}, user)
    actors = _actors_by_name(session, project, {s.actor for item, _ in result.pairs for s in item.spans if s.actor},
                             user)
    now = utcnow()
    rows, keys = [], []
    for n, (item, doc) in enumerate(result.pairs):
        for span in item.spans:
            rows.append({"document_id": doc.id, "annotator_id": users[span.annotator], "start": span.start,
                         "end": span.end, "label": span.label, "attrs": span.attrs,
                         "actor_id": actors.get(span.actor), "status": ReviewStatus(span.status), "version": 1,
                         "created_at": now, "updated_at": now})
            keys.append((n, span.ref))
    ids = _insert_returning_ids(session, Span, rows)
    by_doc_ref = dict(zip(keys, ids, strict=True))
    by_ref = {ref: sid for (_, ref), sid in by_doc_ref.items() if ref}
    rel_rows = [{"document_id": doc.id, "annotator_id": users[_annotator_of(item, rel.head)],
                 "head_id": by_doc_ref[(n, rel.head)], "tail_id": by_doc_ref[(n, rel.tail)], "type": rel.type,
                 "status": ReviewStatus.PENDING, "version": 1, "created_at": now}
                for n, (item, doc) in enumerate(result.pairs) for rel in item.relations]
    if rel_rows:
        session.execute(insert(Relation), rel_rows)
    links = {(by_ref[a], by_ref[b]) for item, _ in result.pairs for a, b in item.span_links
             if a in by_ref and b in by_ref}
    if links:
        session.execute(insert(SpanLink), [{"span_id": a, "target_id": b, "created_at": now,
                                            "created_by_id": user.id if user else None} for a, b in sorted(links)])
    session.execute(insert(HistoryEvent), [
        {"project_id": project.id, "document_id": doc.id, "user_id": user.id if user else None, "entity": "document",
         "entity_id": doc.id, "action": "import", "before": None,
         "after": {"spans": len(item.spans), "relations": len(item.relations)}, "at": now}
        for item, doc in result.pairs if item.spans])


def _annotator_of(item: DocumentInput, ref: str) -> str | None:
    return next(s.annotator for s in item.spans if s.ref == ref)


def _insert_returning_ids(session, model, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    result = session.execute(insert(model).returning(model.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def _users_by_name(session, names: set, importer: User | None) -> dict:
    """Annotator names to user ids; unknown names become deactivated accounts (their work stays attributed)."""
    wanted = {n for n in names if n}
    found = dict(session.execute(select(User.username, User.id).where(User.username.in_(wanted))).all()) \
        if wanted else {}
    for name in sorted(wanted - found.keys()):
        account = User(username=name[:80], role=Role.ANNOTATOR, active=False)
        account.set_password(secrets.token_urlsafe(24), "pbkdf2:sha256:1000")  # never used: the account is off
        session.add(account)
        session.flush()
        found[name] = account.id
    if None in names:
        if importer is None:
            raise Invalid("spans without an annotator need an importing user", field="annotator")
        found[None] = importer.id
    return found


def _actors_by_name(session, project: Project, names: set[str], user: User | None) -> dict[str, int]:
    if not names:
        return {}
    found = dict(session.execute(select(Actor.name, Actor.id).where(Actor.project_id == project.id,
                                                                    Actor.name.in_(names))).all())
    for name in sorted(names - found.keys()):
        found[name] = actor_service.create_actor(session, project, user, name, "other").id
    return found


def _store_alignments(session, result: AddResult) -> None:
    """Alignments between documents of this import, each pair once, from the lower id's side."""
    by_ref = {item.ref: doc for item, doc in result.pairs if item.ref}
    done = set()
    for item, doc in result.pairs:
        for entry in item.alignment.values():
            other = by_ref.get(entry["doc"])
            if other is None or other.group_id != doc.group_id or doc.group_id is None:
                continue
            pair = tuple(sorted((doc.id, other.id)))
            if pair in done:
                continue
            done.add(pair)
            statuses = entry.get("status") or ["auto"] * len(entry["pairs"])
            beads = [[p[0], p[1], st] if isinstance(p, list) and len(p) == 2 else p
                     for p, st in zip(entry["pairs"], statuses, strict=False)]
            try:
                beads = validate_beads(beads, len(doc.sentences or []), len(other.sentences or []))
            except Invalid as exc:
                raise Invalid(f"{item.where}: alignment with {entry['doc']}: {exc.message}", field="alignment",
                              where=item.where) from None
            if doc.id > other.id:
                beads = [[b[1], b[0], b[2]] for b in beads]
            existing = session.scalar(select(Alignment).where(Alignment.doc_a_id == pair[0],
                                                              Alignment.doc_b_id == pair[1]))
            if existing is None:
                session.add(Alignment(group_id=doc.group_id, doc_a_id=pair[0], doc_b_id=pair[1], beads=beads))
            else:
                existing.beads = beads
    session.flush()
