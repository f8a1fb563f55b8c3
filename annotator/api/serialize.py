"""JSON shapes of the API's objects."""

from ..models import Actor, Document, Project, Relation, Span, User
from ..services import alignment, doclabels, progress, projection, relations, review, spans


def project_json(project: Project, counts: dict | None = None) -> dict:
    out = {"id": project.id, "name": project.name, "description": project.description,
           "guidelines": project.guidelines, "schema": project.label_schema, "settings": project.settings or {},
           "created_at": project.created_at.isoformat() + "Z", "version": project.version}
    if counts is not None:
        out["documents"] = counts
    return out


def document_json(doc: Document, with_text: bool = True) -> dict:
    out = {"id": doc.id, "project": doc.project_id, "group": doc.group_id,
           "group_key": doc.group.key if doc.group else None, "lang": doc.lang, "title": doc.title,
           "source_url": doc.source_url, "published": doc.published.isoformat() if doc.published else None,
           "meta": doc.meta, "length": len(doc.text), "created_at": doc.created_at.isoformat() + "Z"}
    if with_text:
        out["text"] = doc.text
    return out


def span_json(span: Span, text: str | None = None) -> dict:
    return {"id": span.id, "document": span.document_id, "start": span.start, "end": span.end,
            "text": text[span.start:span.end] if text is not None else None, "label": span.label,
            "attrs": span.attrs or {}, "actor": actor_ref(span.actor), "annotator": span.annotator.username,
            "status": str(span.status), "version": span.version}


def actor_ref(actor: Actor | None) -> dict | None:
    return {"id": actor.id, "name": actor.name} if actor else None


def actor_json(actor: Actor) -> dict:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "names": actor.names or {}}


def relation_json(rel: Relation) -> dict:
    return {"id": rel.id, "document": rel.document_id, "type": rel.type, "head": rel.head_id, "tail": rel.tail_id,
            "annotator": rel.annotator.username, "status": str(rel.status), "version": rel.version}


def document_payload(session, doc: Document, user: User) -> dict:
    """Everything the annotation page needs, as the API serves it: spans and relations the user may see."""
    project = doc.project
    text = doc.text
    visible = spans.visible_spans(session, doc, user, project)
    return {**document_json(doc), "sentences": alignment.sentences_of(doc),
            "schema": project.label_schema,
            "spans": [span_json(s, text) for s in visible],
            "links": [list(pair) for pair in projection.links_of(session, [s.id for s in visible])],
            "relations": [relation_json(r) for r in relations.visible_relations(session, doc, user, project)],
            "doc_labels": doc_labels_json(session, doc, user),
            "state": str(progress.state_of(session, doc, user))}


def doc_labels_json(session, doc: Document, user: User) -> dict:
    """The caller's own document labels (annotators work blind: never another's) with the fields to fill, and
    whether a reviewer's decision locks them for the caller."""
    own = doclabels.own(session, doc, user)
    return {**doclabels.as_json(own), "fields": doclabels.fields(doc.project),
            "locked": own is not None and not review.may_change(own, user)}
