"""The data model, one module per concept."""

from .document import Document, TranslationGroup
from .project import DEFAULT_SCHEMA, Project, default_schema
from .user import ApiToken, Role, User, utcnow

__all__ = ["ApiToken", "DEFAULT_SCHEMA", "Document", "Project", "Role", "TranslationGroup", "User",
           "default_schema", "utcnow"]
