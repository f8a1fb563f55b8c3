"""Accounts and their API tokens."""

import enum
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..db import str_enum
from ..extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Role(enum.StrEnum):
    ADMIN = "admin"
    REVIEWER = "reviewer"
    ANNOTATOR = "annotator"


ROLE_RANK = {Role.ANNOTATOR: 0, Role.REVIEWER: 1, Role.ADMIN: 2}


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Raised by logout and password changes; a session cookie holding an older one is refused (see get_id).
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    locale: Mapped[str | None] = mapped_column(String(16))  # interface language; None: cookie, then browser

    tokens: Mapped[list["ApiToken"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def set_password(self, password: str, method: str = "scrypt") -> None:
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What the session cookie keeps: the id and the session generation it was issued under."""
        return f"{self.id}:{self.session_generation}"

    # Within a request about one project, the role this user has there (annotator.access sets it); None: the
    # global role counts (admins, and requests about no project).
    project_role = None

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def has_role(self, role: Role) -> bool:
        """True if this user's role (in the current request's project, if any) is `role` or ranks above it."""
        return ROLE_RANK[self.project_role or self.role] >= ROLE_RANK[Role(role)]

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str | None] = mapped_column(String(16))  # the plain token's first characters, to find it by
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]  # to within a few minutes: see services.users.user_for_token
    expires_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship(back_populates="tokens")
