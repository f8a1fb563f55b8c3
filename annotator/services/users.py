"""Accounts: create, deactivate, change passwords; API tokens shown once and stored hashed."""

import hashlib
import secrets

from flask import current_app
from sqlalchemy import select

from ..errors import Conflict, Invalid, NotFound
from ..models import ApiToken, Role, User, utcnow

MIN_PASSWORD = 8


def _hash_method() -> str:
    """scrypt by default; tests configure a cheaper method to stay quick."""
    return current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if current_app else "scrypt"

TOKEN_PREFIX = "ann_"


def get_user(session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user named '{username}'", field="username")
    return user


def _check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise Invalid(f"the password must have at least {MIN_PASSWORD} characters", field="password")


def create_user(session, username: str, role: str, password: str) -> User:
    username = (username or "").strip()
    if not username or len(username) > 80 or any(c.isspace() for c in username):
        raise Invalid("a user name is 1-80 characters without spaces", field="username")
    try:
        role = Role(role)
    except ValueError:
        raise Invalid(f"role must be one of {', '.join(r.value for r in Role)}", field="role") from None
    _check_password(password)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(f"a user named '{username}' already exists", field="username")
    user = User(username=username, role=role, active=True)
    user.set_password(password, _hash_method())
    session.add(user)
    session.flush()
    return user


def set_password(session, user: User, password: str) -> None:
    _check_password(password)
    user.set_password(password, _hash_method())
    session.flush()


def set_active(session, user: User, active: bool) -> None:
    user.active = active
    session.flush()


def set_role(session, user: User, role: str) -> None:
    user.role = Role(role)
    session.flush()


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session, user: User, name: str = "") -> str:
    """Make an API token for `user`; the plain token is returned once and only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user=user, name=name, token_hash=_hash_token(token), revoked=False))
    session.flush()
    return token


def user_for_token(session, token: str) -> User | None:
    if not token:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash_token(token),
                                                ApiToken.revoked.is_(False)))
    if row is None or not row.user.active:
        return None
    row.last_used_at = utcnow()
    return row.user
