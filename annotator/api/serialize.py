"""JSON shapes of the API's objects."""

from ..models import Document, Project


def project_json(project: Project, counts: dict | None = None) -> dict:
    out = {"id": project.id, "name": project.name, "description": project.description,
           "guidelines": project.guidelines, "schema": project.label_schema,
           "created_at": project.created_at.isoformat() + "Z"}
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
