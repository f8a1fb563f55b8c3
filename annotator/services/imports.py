"""Importing documents together with their annotations, all or nothing.

Everything is checked against the project before anything is written; then documents, spans,
relations, alignments and span links are written in bulk (a few statements per batch, not one per span).
"""

import secrets
from collections.abc import Callable

from sqlalchemy import func, insert, select, text

from ..errors import N_, Forbidden, Invalid, say
from ..models import (
    Actor,
    Alignment,
    Document,
    DocumentLabels,
    DocumentReview,
    HistoryEvent,
    Project,
    Relation,
    ReviewState,
    ReviewStatus,
    Role,
    Span,
    SpanLink,
    TranslationGroup,
    User,
    utcnow,
)
from . import actors as actor_service
from . import assignments, doclabels
from .alignment import align_group, project_lexicons, validate_beads
from .bulk import BulkWriter, paused_gc
from .documents import IN_CHUNK, AddResult, DocumentInput, add_documents
from .relations import allowed_types
from .spans import check_attrs

MAX_PROBLEMS = 200
NOTHING_IMPORTED = N_("{count} problem(s); nothing was imported")
NEW_LABEL_COLOURS = ("#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c", "#4b5563")


def missing_labels(project: Project, inputs: list[DocumentInput]) -> list[str]:
    """The span labels the inputs use that the project's schema lacks."""
    return sorted({s.label for item in inputs for s in item.spans} - set(project.label_names()))


def unknown_controls(project: Project, inputs: list[DocumentInput], leave_out: bool = False) -> dict[str, int]:
    """The span attributes and document fields of other tools' files (Label Studio's <Choices> and <TextArea>) that
    the project's schema has no field for, with how many values each carries; `leave_out` removes them."""
    fields = {f["name"] for f in doclabels.fields(project)}
    attributes = {label["name"]: {a["name"] for a in label.get("attributes", [])}
                  for label in project.label_schema.get("labels", [])}
    found: dict[str, int] = {}

    def unknown(values: dict, known: set) -> dict:
        for name in values.keys() - known:
            found[name] = found.get(name, 0) + 1
        return {k: v for k, v in values.items() if k in known}

    for item in inputs:
        if not item.foreign:
            continue
        for span in item.spans:
            if span.attrs:  # a label the schema lacks (to be added by the import) has no attributes yet
                kept = unknown(span.attrs, attributes.get(span.label, set()))
                if leave_out:
                    span.attrs = kept
        for k, (annotator, values, status) in enumerate(item.doc_labels_by):
            kept = unknown(values, fields)
            if leave_out:
                item.doc_labels_by[k] = (annotator, kept, status)
        if leave_out:
            item.doc_labels_by = [entry for entry in item.doc_labels_by if entry[1]]
    return dict(sorted(found.items()))


def check_annotations(project: Project, inputs: list[DocumentInput], add_labels: bool = False) -> list[str]:
    """Every problem with the inputs' annotations against the project's schema, as messages."""
    problems: list[str] = []
    known = set(project.label_names())
    missing = missing_labels(project, inputs)
    if missing and add_labels:
        _add_labels(project, missing)
        known |= set(missing)
    allowed: dict[tuple[str, str], list[str]] = {}
    checked: dict = {}  # (label, attributes) -> the checked attributes: most spans repeat a few combinations
    for item in inputs:
        for k, span in enumerate(item.spans):
            if span.label not in known:
                problems.append(say(N_("{where}: unknown label '{name}'"), where=span.where or _span_where(item, k),
                                    name=span.label))
                continue
            if not span.attrs:
                span.attrs = {}  # what check_attrs makes of no attributes, without looking up the label
                continue
            try:
                span.attrs = _checked_attrs(project, span.label, span.attrs, checked)
            except Invalid as exc:
                problems.append(f"{span.where or _span_where(item, k)}: {exc.message}")
        problems.extend(_doc_label_problems(project, item))
        if item.relations:
            labels = {s.ref: s.label for s in item.spans if s.ref}
            for k, rel in enumerate(item.relations):
                head, tail = labels.get(rel.head), labels.get(rel.tail)
                if head not in known or tail not in known:
                    continue
                if (head, tail) not in allowed:
                    allowed[head, tail] = allowed_types(project, head, tail)
                if rel.type not in allowed[head, tail]:
                    problems.append(say(N_("{where}: relation {type} cannot link {head} -> {tail}"),
                                        where=rel.where or f"{item.where}: relations[{k}]", type=rel.type,
                                        head=head, tail=tail))
        if len(problems) >= MAX_PROBLEMS:
            break
    problems.extend(span_link_targets(inputs)[0])
    return problems[:MAX_PROBLEMS]


def _unattributed(inputs: list[DocumentInput]) -> str | None:
    """Where the first span without an annotator is."""
    return next((s.where or _span_where(item, k) for item in inputs for k, s in enumerate(item.spans)
                 if s.annotator is None), None)


def span_link_targets(items: list[DocumentInput]) -> tuple[list[str], list[tuple[int, str, int, str]]]:
    """The span links of the items as (item, span ref, item, target ref): the target is a span of the one other
    version of the same group that has a span of that id (files may reuse "1", "2" in every document), and the
    problems of the links whose target is in no other version, or in several."""
    groups: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        if item.group is not None:
            groups.setdefault(item.group, []).append(n)
    refs: dict[int, set[str]] = {}
    problems, links = [], []
    for n, item in enumerate(items):
        for k, (ref, target) in enumerate(item.span_links):
            holders = [m for m in groups.get(item.group, ()) if m != n
                       and target in refs.setdefault(m, {s.ref for s in items[m].spans if s.ref})]
            if len(holders) == 1:
                links.append((n, ref, holders[0], target))
            else:
                message = N_("{where}: span_links[{k}].target: no span '{ref}' in the other versions of its group") \
                    if not holders else N_("{where}: span_links[{k}].target: span '{ref}' is in several other "
                                           "versions of its group")
                problems.append(say(message, where=item.where, k=k, ref=target))
    return problems, links


def _doc_label_problems(project: Project, item: DocumentInput) -> list[str]:
    """Check (and type) the document labels an item carries; the problems as messages."""
    problems = []
    names = [name for name, _, _ in item.doc_labels_by]
    if len(set(names)) != len(names):
        twice = Invalid(N_("an annotator appears twice"), field="doc_labels_by").message
        problems.append(f"{item.where}: doc_labels_by: {twice}")
    for k, (where, values) in enumerate([("doc_labels", item.doc_labels)]
                                        + [(f"doc_labels_by[{k}].values", v) for k, (_, v, _) in
                                           enumerate(item.doc_labels_by)]):
        if not values:
            continue
        try:
            checked = doclabels.check_values(project, values, one_for_many=item.foreign)
        except Invalid as exc:
            problems.append(f"{item.where}: {where}: {exc.message}")
            continue
        if k == 0:
            item.doc_labels = checked
        else:
            annotator, _, status = item.doc_labels_by[k - 1]
            item.doc_labels_by[k - 1] = (annotator, checked, status)
    return problems


def _checked_attrs(project: Project, label: str, attrs: dict, checked: dict) -> dict:
    try:
        key = (label, *((name, type(value), value) for name, value in attrs.items()))
        hash(key)
    except TypeError:  # a list or object as a value
        return check_attrs(project, label, attrs)
    if key not in checked:
        checked[key] = check_attrs(project, label, attrs)
    return checked[key]


def _span_where(item: DocumentInput, k: int) -> str:
    return f"{item.where}: spans[{k}]"


def _add_labels(project: Project, names: list[str]) -> None:
    schema = {**project.label_schema, "labels": list(project.label_schema.get("labels", []))}
    for i, name in enumerate(names):
        schema["labels"].append({"name": name, "color": NEW_LABEL_COLOURS[i % len(NEW_LABEL_COLOURS)], "hotkey": "",
                                 "description": "Added by an import.", "attributes": []})
    project.label_schema = schema


def import_documents(session, project: Project, inputs: list[DocumentInput], user: User | None = None,
                     add_labels: bool = False, progress: Callable[[int], None] | None = None) -> AddResult:
    """Check, then store documents and their annotations. Raises Invalid (with every problem, and the labels the
    schema lacks as missing_labels) and writes nothing if anything is wrong. Adding labels changes the schema,
    which only an administrator may do (the CLI, with no user, is the operator)."""
    with paused_gc():
        missing = missing_labels(project, inputs)
        if add_labels and missing and user is not None and not user.has_role(Role.ADMIN):
            raise Forbidden(N_("only an administrator can add labels to the project: {names}"), field="add_labels",
                            params={"names": ", ".join(missing)})
        left_out = unknown_controls(project, inputs, leave_out=True)
        problems = check_annotations(project, inputs, add_labels)
        if user is None and (where := _unattributed(inputs)):  # the command line: no user to credit it to
            problems.insert(0, say(N_("{where}: field 'annotator' is needed: the command line imports as no user"),
                                   where=where))
        if problems:
            raise Invalid(NOTHING_IMPORTED, params={"count": len(problems)}, problems=problems,
                          **({"missing_labels": missing} if missing and not add_labels else {}))
        carries_alignment = any(item.alignment for item in inputs)
        result = add_documents(session, project, inputs, user, progress, align=not carries_alignment)
        result.left_out = left_out
        if any(item.spans for item in result.items):
            _store_annotations(session, project, result, user)
        if carries_alignment:
            _store_alignments(session, result)
            _align_missing_pairs(session, project, {g for g in result.group_ids if g is not None})
        if any(item.review for item in result.items):
            _store_reviews(session, result, user)
        if any(item.doc_labels or item.doc_labels_by for item in result.items):
            _store_doc_labels(session, result, user)
    _auto_assign(session, project, result, user)
    _refresh_statistics(session, len(result.created))
    return result


ANALYZED_AFTER = 1000  # documents
ANALYZED = ("documents", "document_revisions", "spans", "relations", "span_links")


def _refresh_statistics(session, count: int) -> None:
    """After a large import, PostgreSQL's planner statistics are brought up to date at once rather than when
    autovacuum next comes round: with stale ones it plans the next export's and pages' queries for near-empty
    tables. (ANALYZE counts the import's own uncommitted rows; SQLite plans without statistics.)"""
    if count >= ANALYZED_AFTER and session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"ANALYZE {', '.join(ANALYZED)}"))


def _auto_assign(session, project: Project, result: AddResult, user: User | None) -> None:
    """With the project's auto_assign setting (k), new documents go to the k least-loaded annotators."""
    k = (project.settings or {}).get("auto_assign") or 0
    if k and result.created and len(assignments.annotators(session, project)) >= k:
        assignments.auto_assign(session, project, k, result.created, by=user)


SPAN_COLUMNS = ("id", "document_id", "annotator_id", "start", "end", "label", "attrs", "actor_id", "status",
                "version", "created_at", "updated_at")
RELATION_COLUMNS = ("document_id", "annotator_id", "head_id", "tail_id", "type", "status", "version", "created_at")


def _store_annotations(session, project: Project, result: AddResult, user: User | None) -> None:
    """Spans, relations, span links and one history event per document, as plain rows in bulk."""
    items = result.items
    users = _users_by_name(session, {s.annotator for item in items for s in item.spans}
                           | {r.annotator for item in items for r in item.relations if r.annotator}, user)
    actors = _actors_by_name(session, project, {s.actor for item in items for s in item.spans if s.actor}, user)
    writer = BulkWriter(session)
    spans, rels = Span.__table__, Relation.__table__
    when, attrs_json = writer.converter(spans.c.created_at), writer.converter(spans.c.attrs)
    status = {s.value: writer.converter(spans.c.status)(s) for s in ReviewStatus}
    now, no_attrs = when(utcnow()), attrs_json({})
    span_ids = writer.next_ids(spans, sum(len(item.spans) for item in items))
    stored_attrs: dict = {}  # most spans repeat a few attribute sets: each is made JSON once

    def attrs_text(attrs: dict) -> str:
        try:
            key = tuple(attrs.items())
            return stored_attrs.get(key) or stored_attrs.setdefault(key, attrs_json(attrs))
        except TypeError:  # a list or an object as a value
            return attrs_json(attrs)

    def span_rows():
        ids = iter(span_ids)
        for item, doc_id in zip(items, result.ids, strict=True):
            for s in item.spans:
                sid, annotator, actor = next(ids), users[s.annotator], actors.get(s.actor)
                yield (sid, doc_id, annotator, s.start, s.end, s.label, attrs_text(s.attrs) if s.attrs else no_attrs,
                       actor, status[s.status], 1, now, now)

    writer.insert(spans, SPAN_COLUMNS, span_rows())
    span_ids = iter(span_ids)
    _, targets = span_link_targets(items)  # checked before: every link has its one target
    linked = {(n, ref) for n, ref, _, _ in targets} | {(m, ref) for _, _, m, ref in targets}
    by_ref: dict[tuple[int, str], int] = {}
    rel_rows = []
    for n, (item, doc_id) in enumerate(zip(items, result.ids, strict=True)):
        refs = {s.ref: (next(span_ids), s.annotator) for s in item.spans}
        for rel in item.relations:
            (head, annotator), (tail, _) = refs[rel.head], refs[rel.tail]
            rel_rows.append((doc_id, users[rel.annotator or annotator], head, tail, rel.type, status[rel.status], 1,
                             now))
        by_ref.update(((n, ref), sid) for ref, (sid, _) in refs.items() if (n, ref) in linked)
    writer.insert(rels, RELATION_COLUMNS, rel_rows)
    links = {(by_ref[n, a], by_ref[m, b]) for n, a, m, b in targets}
    if links:
        session.execute(insert(SpanLink), [{"span_id": a, "target_id": b, "created_at": utcnow(),
                                            "created_by_id": user.id if user else None} for a, b in sorted(links)])
    history = HistoryEvent.__table__
    after = writer.converter(history.c.after)
    writer.insert(history, ("project_id", "document_id", "user_id", "entity", "entity_id", "action", "after", "at"),
                  [(project.id, doc_id, user.id if user else None, "document", doc_id, "import",
                    after({"spans": len(item.spans), "relations": len(item.relations)}), now)
                   for item, doc_id in zip(items, result.ids, strict=True) if item.spans])


def _store_reviews(session, result: AddResult, user: User | None) -> None:
    """Review states the file carries (the native export's `review`), with their reviewer and time."""
    items = [(item.review, doc_id) for item, doc_id in zip(result.items, result.ids, strict=True) if item.review]
    users = _users_by_name(session, {r["by"] for r, _ in items if r["by"]}, user)
    session.add_all(DocumentReview(document_id=doc_id, state=ReviewState(r["state"]), reviewer_id=users.get(r["by"]),
                                   updated_at=r["at"] or utcnow()) for r, doc_id in items)
    session.flush()


def _store_doc_labels(session, result: AddResult, user: User | None) -> None:
    """Document labels the file carries: the gold set, and each annotator's (the all layer's doc_labels_by)."""
    items = list(zip(result.items, result.ids, strict=True))
    users = _users_by_name(session, {name for item, _ in items for name, _, _ in item.doc_labels_by}, user)
    now = utcnow()
    rows = [{"document_id": doc_id, "annotator_id": None, "values": item.doc_labels, "status": "accepted",
             "reviewed_by_id": user.id if user else None, "reviewed_at": now}
            for item, doc_id in items if item.doc_labels]
    rows += [{"document_id": doc_id, "annotator_id": users[name], "values": values, "status": status,
              "reviewed_by_id": None, "reviewed_at": None}
             for item, doc_id in items for name, values, status in item.doc_labels_by]
    session.execute(insert(DocumentLabels), [r | {"version": 1, "created_at": now, "updated_at": now} for r in rows])


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
            raise Invalid(N_("spans without an annotator need an importing user"), field="annotator")
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


def _align_missing_pairs(session, project: Project, group_ids: set[int]) -> None:
    """Pairs of versions the file carries no alignment for (it aligns only some pairs, or a version came with an
    earlier import) are aligned automatically, as an import without alignments does for all of them."""
    ids, lacking = sorted(group_ids), []
    for n in range(0, len(ids), IN_CHUNK):
        chunk = ids[n:n + IN_CHUNK]
        versions = session.execute(select(Document.group_id, func.count()).where(Document.group_id.in_(chunk))
                                   .group_by(Document.group_id)).all()
        aligned = dict(session.execute(select(Alignment.group_id, func.count()).where(Alignment.group_id.in_(chunk))
                                       .group_by(Alignment.group_id)).all())
        lacking += [g for g, count in versions if aligned.get(g, 0) < count * (count - 1) // 2]
    lexicons = project_lexicons(session, project.id) if lacking else None
    for n in range(0, len(lacking), IN_CHUNK):
        for group in session.scalars(select(TranslationGroup).where(TranslationGroup.id.in_(lacking[n:n + IN_CHUNK]))):
            align_group(session, group, lexicons=lexicons, missing_only=True)


def _store_alignments(session, result: AddResult) -> None:
    """Alignments between documents of this import, each pair once, from the lower id's side. Both documents
    are new, so no alignment of the pair exists yet."""
    docs = list(zip(result.items, result.ids, result.group_ids, result.sentences, strict=True))
    by_ref = {item.ref: (doc_id, group_id, sentences) for item, doc_id, group_id, sentences in docs if item.ref}
    done, rows = set(), []
    for item, doc_id, group_id, sentences in docs:
        for entry in item.alignment.values():
            other = by_ref.get(entry["doc"])
            if other is None or other[1] != group_id or group_id is None:
                continue
            other_id, _, other_sentences = other
            pair = tuple(sorted((doc_id, other_id)))
            if pair in done:
                continue
            done.add(pair)
            statuses = entry.get("status") or ["auto"] * len(entry["pairs"])
            beads = [[p[0], p[1], st] if isinstance(p, list) and len(p) == 2 else p
                     for p, st in zip(entry["pairs"], statuses, strict=False)]
            try:
                beads = validate_beads(beads, len(sentences or []), len(other_sentences or []))
            except Invalid as exc:
                raise Invalid(N_("{where}: alignment with {doc}: {problem}"), field="alignment", where=item.where,
                              params={"where": item.where, "doc": entry["doc"], "problem": exc.message}) from None
            if doc_id > other_id:
                beads = [[b[1], b[0], b[2]] for b in beads]
            rows.append((group_id, pair[0], pair[1], beads))
    writer = BulkWriter(session)
    table = Alignment.__table__
    beads_json, now = writer.converter(table.c.beads), writer.converter(table.c.updated_at)(utcnow())
    writer.insert(table, ("group_id", "doc_a_id", "doc_b_id", "beads", "version", "updated_at"),
                  [(group, a, b, beads_json(beads), 1, now) for group, a, b, beads in rows])
