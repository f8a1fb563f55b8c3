"""The data model, one module per concept."""

from .actor import ACTOR_KINDS, Actor
from .alignment import Alignment, SpanLink
from .assignment import Assignment
from .comment import Comment
from .doclabels import DocumentLabels
from .document import Document, TranslationGroup
from .export import DocumentRevision, ExportLine
from .history import HistoryEvent
from .login import LoginFailure
from .member import AS_ROLE, ProjectMember, ProjectRole
from .progress import DocState, DocumentProgress
from .project import DEFAULT_SCHEMA, Project, default_schema
from .review import DocumentReview, ReviewState
from .span import Relation, ReviewStatus, Span
from .user import ApiToken, Role, User, utcnow

__all__ = ["ACTOR_KINDS", "AS_ROLE", "Actor", "Alignment", "ApiToken", "Assignment", "Comment", "DEFAULT_SCHEMA",
           "DocState", "Document", "DocumentLabels", "DocumentProgress", "DocumentReview", "DocumentRevision",
           "ExportLine",
           "HistoryEvent", "LoginFailure", "Project", "ProjectMember", "ProjectRole", "Relation", "ReviewState",
           "ReviewStatus", "Role", "Span", "SpanLink",
           "TranslationGroup", "User", "default_schema", "utcnow"]
