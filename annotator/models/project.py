"""Projects: a corpus with its label schema, guidelines and settings."""

import copy
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import JsonType
from ..extensions import db
from .user import utcnow

DEFAULT_SCHEMA = {
    "labels": [
        {"name": "ACTOR", "color": "#2563eb", "hotkey": "a",
         "description": "Who: a person, organisation or state that acts or speaks.",
         "attributes": [{"name": "kind", "type": "choice",
                         "options": ["person", "organisation", "state", "group", "other"]}]},
        {"name": "CLAIM", "color": "#d97706", "hotkey": "c",
         "description": "What is asserted: a statement presented as fact or forecast.",
         "attributes": [{"name": "hedged", "type": "bool"}]},
        {"name": "POSITION", "color": "#059669", "hotkey": "p",
         "description": "A stance taken by an actor towards something, with its polarity.",
         "attributes": [{"name": "polarity", "type": "choice", "options": ["support", "oppose", "neutral"],
                         "required": True},
                        {"name": "note", "type": "text"}]},
    ],
    "relations": [
        {"name": "SAID_BY", "from": ["CLAIM"], "to": ["ACTOR"], "description": "A claim is said by an actor."},
        {"name": "HELD_BY", "from": ["POSITION"], "to": ["ACTOR"],
         "description": "A position is held by an actor."},
        {"name": "ABOUT", "from": ["POSITION"], "to": ["CLAIM", "ACTOR"],
         "description": "A position is about a claim or an actor."},
    ],
}


def default_schema() -> dict:
    return copy.deepcopy(DEFAULT_SCHEMA)


class Project(db.Model):
    __tablename__ = "projects"
    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    guidelines: Mapped[str] = mapped_column(Text, default="")
    label_schema: Mapped[dict] = mapped_column(JsonType, default=default_schema)
    settings: Mapped[dict] = mapped_column(JsonType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    def label_names(self) -> list[str]:
        return [label["name"] for label in self.label_schema.get("labels", [])]
