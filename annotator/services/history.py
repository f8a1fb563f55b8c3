"""Record every change to annotations: who, when, before, after."""

from sqlalchemy import insert, select

from ..models import HistoryEvent, Relation, Span, User


def span_snapshot(span: Span) -> dict:
    return {"start": span.start, "end": span.end, "label": span.label, "attrs": dict(span.attrs or {}),
            "actor_id": span.actor_id, "status": str(span.status), "annotator_id": span.annotator_id,
            "deleted": span.deleted_at is not None}


def relation_snapshot(rel: Relation) -> dict:
    return {"head": rel.head_id, "tail": rel.tail_id, "type": rel.type, "status": str(rel.status),
            "deleted": rel.deleted_at is not None}


def record(session, project_id: int, user: User | None, entity: str, entity_id: int | None, action: str,
           before: dict | None = None, after: dict | None = None, document_id: int | None = None) -> None:
    session.add(HistoryEvent(project_id=project_id, document_id=document_id, user_id=user.id if user else None,
                             entity=entity, entity_id=entity_id, action=action, before=before, after=after))


def record_many(session, project_id: int, user: User | None, entity: str, action: str,
                items: list[tuple[int, int, dict]]) -> None:
    """record() for many new things at once, (id, document id, after) each, in one executemany."""
    if items:
        session.execute(insert(HistoryEvent), [
            {"project_id": project_id, "document_id": doc_id, "user_id": user.id if user else None, "entity": entity,
             "entity_id": entity_id, "action": action, "before": None, "after": after}
            for entity_id, doc_id, after in items])


def for_document(session, document_id: int, limit: int = 500) -> list[HistoryEvent]:
    return list(session.scalars(select(HistoryEvent).where(HistoryEvent.document_id == document_id)
                                .order_by(HistoryEvent.id.desc()).limit(limit)))
