"""Document-level labels: values of the project's document fields (schema "document"), one set per document and
annotator, and the gold set a reviewer settles field by field (taking one annotator's value or setting one).

Annotators work blind, as with spans: each reads and writes only their own set. Sets are versioned (a stale
version is a 409); a set the review decided changes only by a reviewer's hand (review.check_may_change).
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..errors import N_, Forbidden, Invalid
from ..models import Document, DocumentLabels, Project, ReviewStatus, Role, User, utcnow
from . import history, members, versions

MAX_TEXT = 2000
UNSET = (None, "", [])


def fields(project: Project) -> list[dict]:
    """The project's declared document fields, in schema order."""
    return list((project.label_schema or {}).get("document", []))


def check_values(project: Project, values, one_for_many: bool = False) -> dict:
    """Values typed per the document fields: a choice (one of its options, or a list of them if multiple), bool,
    or text. An empty value (null, "", []) leaves the field unset. `one_for_many`: one option stands for a list
    of it (for files of tools that write a single choice the same way whether the field takes one or several)."""
    if not isinstance(values, dict):
        raise Invalid(N_("'values' must be an object"), field="values")
    defs = {f["name"]: f for f in fields(project)}
    clean = {}
    for name, value in values.items():
        spec = defs.get(name)
        if spec is None:
            raise Invalid(N_("the project has no document field '{name}'"), field=f"values.{name}",
                          params={"name": name})
        if value in UNSET:
            continue
        if one_for_many and spec.get("multiple") and isinstance(value, str):
            value = [value]
        clean[name] = _checked(spec, name, value)
    return clean


def _checked(spec: dict, name: str, value):
    kind, options = spec.get("type", "text"), spec.get("options", [])
    if kind == "choice" and spec.get("multiple"):
        if not isinstance(value, list) or any(v not in options for v in value) or len(set(value)) != len(value):
            raise Invalid(N_("'{name}' must be a list of distinct options from {options}"), field=f"values.{name}",
                          params={"name": name, "options": ", ".join(options)})
        return [o for o in options if o in value]  # in the schema's order, so that equal sets compare equal
    if kind == "choice" and (not isinstance(value, str) or value not in options):
        raise Invalid(N_("'{name}' must be one of {options}"), field=f"values.{name}",
                      params={"name": name, "options": ", ".join(options)})
    if kind == "bool" and not isinstance(value, bool):
        raise Invalid(N_("'{name}' must be true or false"), field=f"values.{name}", params={"name": name})
    if kind == "text" and (not isinstance(value, str) or len(value) > MAX_TEXT):
        raise Invalid(N_("'{name}' must be text of at most {n} characters"), field=f"values.{name}",
                      params={"name": name, "n": MAX_TEXT})
    return value


def missing(project: Project, values: dict | None) -> list[str]:
    """The required document fields that `values` leaves unset."""
    return [f["name"] for f in fields(project) if f.get("required") and (values or {}).get(f["name"]) in UNSET]


def own(session, doc: Document, user: User) -> DocumentLabels | None:
    return session.scalar(select(DocumentLabels).where(DocumentLabels.document_id == doc.id,
                                                       DocumentLabels.annotator_id == user.id))


def gold(session, doc: Document) -> DocumentLabels | None:
    return session.scalar(select(DocumentLabels).where(DocumentLabels.document_id == doc.id,
                                                       DocumentLabels.annotator_id.is_(None)))


def as_json(row: DocumentLabels | None) -> dict:
    """A set as the API shows it; no set yet is version 0 with no values."""
    if row is None:
        return {"values": {}, "version": 0, "status": "pending"}
    return {"values": dict(row.values or {}), "version": row.version, "status": str(row.status)}


def set_own(session, doc: Document, user: User, values, version) -> DocumentLabels:
    """Replace the user's values; `version` is the one last read (0: none yet). Stale: Conflict."""
    from .review import check_may_change

    clean = check_values(doc.project, values)
    row = own(session, doc, user)
    if row is not None:
        check_may_change(row, user, "document labels")
    versions.expect(row or _Nothing, version, "document labels")
    if row is None:
        row = DocumentLabels(document_id=doc.id, annotator_id=user.id, values=clean)
        _add(session, row)
        before = None
    else:
        before = {"values": dict(row.values or {})}
        row.values = clean
        row.updated_at = utcnow()
        versions.write(session, row, "document labels", "values")
    history.record(session, doc.project_id, user, "doc_labels", row.id, "update" if before else "create", before,
                   {"values": clean}, doc.id)
    return row


class _Nothing:
    version = 0


def _add(session, row: DocumentLabels) -> None:
    """Insert a new set; one made meanwhile by a parallel request is a conflict, not a 500."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise versions.stale("document labels") from None


def layers(session, doc: Document, annotators_only: bool = False) -> list[DocumentLabels]:
    """Every user's own set for the document (not the gold), by user name; with `annotators_only`, only those
    of users who annotate in the project (members.annotates: reviewers' and managers' own sets are not layers)."""
    query = (select(DocumentLabels).join(User, User.id == DocumentLabels.annotator_id)
             .where(DocumentLabels.document_id == doc.id).order_by(User.username))
    if annotators_only:
        query = query.where(members.annotates(doc.project_id))
    return list(session.scalars(query))


def review_view(session, doc: Document) -> dict:
    """What the review page shows: the fields, each annotator's set side by side, the gold set, and which
    required fields the gold leaves undecided."""
    settled = gold(session, doc)
    annotating = {r.id for r in layers(session, doc, annotators_only=True)}
    return {"fields": fields(doc.project),
            "annotators": [{"annotator": r.annotator.username,
                            "role": str(members.role_in(session, r.annotator, doc.project_id) or r.annotator.role),
                            "annotates": r.id in annotating, **as_json(r)} for r in layers(session, doc)],
            "gold": as_json(settled),
            "undecided": missing(doc.project, settled.values if settled else {}) if fields(doc.project) else []}


def undecided(session, doc: Document) -> list[str]:
    """The required document fields that no reviewer has settled in the gold set."""
    if not any(f.get("required") for f in fields(doc.project)):
        return []
    settled = gold(session, doc)
    return missing(doc.project, settled.values if settled else {})


def decide(session, doc: Document, reviewer: User, field: str, version, take: str | None = None,
           value=None) -> DocumentLabels:
    """Settle one field of the gold set: `take` an annotator's value (by user name), or set `value` (null
    clears it). `version` is the gold set's last read (0: none yet). Annotators' sets are then marked
    accepted (the gold holds their values) or rejected (it differs), so that only a reviewer changes them."""
    if not reviewer.has_role(Role.REVIEWER):
        raise Forbidden(N_("only reviewers settle document labels"), field="review")
    if field not in {f["name"] for f in fields(doc.project)}:
        raise Invalid(N_("the project has no document field '{name}'"), field="field", params={"name": field})
    if take is not None:
        source = next((r for r in layers(session, doc) if r.annotator.username == take), None)
        if source is None:
            raise Invalid(N_("{user} set no document labels here"), field="take", params={"user": take})
        value = (source.values or {}).get(field)
    checked = check_values(doc.project, {field: value})
    row = gold(session, doc)
    versions.expect(row or _Nothing, version, "document labels")
    before = None if row is None else {"values": dict(row.values or {})}
    values = {k: v for k, v in (row.values if row else {}).items() if k != field} | checked
    if row is None:
        row = DocumentLabels(document_id=doc.id, annotator_id=None, values=values, status=ReviewStatus.ACCEPTED,
                             reviewed_by_id=reviewer.id, reviewed_at=utcnow())
        _add(session, row)
    else:
        row.values, row.reviewed_by_id, row.reviewed_at = values, reviewer.id, utcnow()
        versions.write(session, row, "document labels", "values")
    _mark_layers(session, doc, reviewer, values)
    from .review import _touch_state

    _touch_state(session, doc.id, reviewer)
    session.flush()
    history.record(session, doc.project_id, reviewer, "review", row.id, "doc_labels", before, {"values": values},
                   doc.id)
    return row


def _mark_layers(session, doc: Document, reviewer: User, settled: dict) -> None:
    """Mark the annotators' sets (not reviewers' or managers' own) by whether the gold holds their values."""
    for row in layers(session, doc, annotators_only=True):
        theirs = row.values or {}
        status = (ReviewStatus.PENDING if not settled else
                  ReviewStatus.ACCEPTED if all(theirs.get(k) == v for k, v in settled.items())
                  else ReviewStatus.REJECTED)
        if status != row.status:
            row.status, row.reviewed_by_id, row.reviewed_at = status, reviewer.id, utcnow()


def accept_agreed(session, doc: Document, reviewer: User, annotators: list[str]) -> int:
    """Settle each unsettled field that all of the document's annotators (two or more) set alike; how many."""
    rows = [r for r in layers(session, doc) if r.annotator.username in annotators]
    if len(annotators) < 2 or len(rows) < len(annotators):
        return 0
    row = gold(session, doc)
    settled = dict(row.values) if row else {}
    agreed = {}
    for f in fields(doc.project):
        name = f["name"]
        seen = [(r.values or {}).get(name) for r in rows]
        if name not in settled and seen[0] not in UNSET and all(v == seen[0] for v in seen):
            agreed[name] = seen[0]
    for name, value in agreed.items():
        row = decide(session, doc, reviewer, name, row.version if row else 0, value=value)
    return len(agreed)
