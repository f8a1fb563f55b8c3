"""Accounts: create, deactivate, change passwords, end sessions; API tokens shown once and stored hashed."""

import functools
import hashlib
import re
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from ..db import BUSY_TIMEOUT_MS
from ..errors import N_, Conflict, Invalid, NotFound
from ..ids import as_id
from ..models import ApiToken, Role, User, utcnow
from . import passwords

TOKEN_PREFIX = "ann_"
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8  # what `token list` shows and `token revoke` accepts
TOUCH_EVERY = timedelta(minutes=5)  # a token's last use is written at most this often


def _hash_method() -> str:
    """scrypt by default; tests configure a cheaper method to stay quick."""
    return current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if current_app else "scrypt"


def get_user(session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(N_("no user named '{name}'"), field="username", params={"name": username})
    return user


def create_user(session, username: str, role: str, password: str) -> User:
    username = (username or "").strip()
    if not username or len(username) > 80 or any(c.isspace() for c in username):
        raise Invalid(N_("a user name is 1-80 characters without spaces"), field="username")
    try:
        role = Role(role)
    except ValueError:
        raise Invalid(N_("role must be one of {choices}"), field="role",
                      params={"choices": ", ".join(r.value for r in Role)}) from None
    passwords.check(password, username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(N_("a user named '{name}' already exists"), field="username", params={"name": username})
    user = User(username=username, role=role, active=True, session_generation=0)
    user.set_password(password, _hash_method())
    session.add(user)
    session.flush()
    return user


def set_password(session, user: User, password: str) -> None:
    """Change the password and end every session of the user (the caller may log the current one in again)."""
    passwords.check(password, user.username)
    user.set_password(password, _hash_method())
    end_sessions(session, user)


def end_sessions(session, user: User) -> None:
    """Every session cookie issued to `user` until now stops working, in every process."""
    user.session_generation = (user.session_generation or 0) + 1
    session.flush()


def set_active(session, user: User, active: bool) -> None:
    if user.active and not active:
        end_sessions(session, user)  # reactivating the user later does not revive old cookies
    user.active = active
    session.flush()


def set_role(session, user: User, role: str) -> None:
    user.role = Role(role)
    session.flush()


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def authenticate(session, username: str, password: str) -> User | None:
    """The active user with this name and password, else None; as slow for unknown names as for known ones."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        check_password_hash(_dummy_hash(_hash_method()), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


@functools.cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash(secrets.token_hex(16), method=method)


# --- API tokens ------------------------------------------------------------------------------------

def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session, user: User, name: str = "", expires_in: timedelta | None = None) -> str:
    """Make an API token for `user`; the plain token is returned once and only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = utcnow() + expires_in if expires_in else None
    session.add(ApiToken(user=user, name=name, token_hash=_hash_token(token), prefix=token[:PREFIX_LENGTH],
                         expires_at=expires_at, revoked=False))
    session.flush()
    return token


def parse_lifetime(text: str) -> timedelta:
    """'30d', '12h', '2w' or '90m' as a timedelta."""
    match = re.fullmatch(r"\s*(\d{1,6})\s*([mhdw])\s*", text or "")
    if not match or int(match.group(1)) == 0:
        raise Invalid(N_("'{text}' is not a lifetime: write a number and a unit, e.g. 30d, 12h, 2w or 90m"),
                      field="expires", params={"text": text})
    unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[match.group(2)]
    return timedelta(**{unit: int(match.group(1))})


def list_tokens(session, user: User | None = None) -> list[ApiToken]:
    query = select(ApiToken).join(ApiToken.user).order_by(User.username, ApiToken.id)
    if user is not None:
        query = query.where(ApiToken.user_id == user.id)
    return list(session.scalars(query))


def token_state(token: ApiToken, now=None) -> str:
    if token.revoked:
        return "revoked"
    if token.expires_at is not None and token.expires_at <= (now or utcnow()):
        return "expired"
    return "active"


def find_token(session, ref: str) -> ApiToken:
    """A token by its id (digits) or by the start of the plain token (at least 'ann_' and 4 more characters)."""
    ref = (ref or "").strip()
    if ref.isdigit():
        token = session.get(ApiToken, as_id(ref)) if as_id(ref) else None
        if token is None:
            raise NotFound(N_("no API token with id {ref}"), field="token", params={"ref": ref})
        return token
    if not ref.startswith(TOKEN_PREFIX):
        ref = TOKEN_PREFIX + ref
    if len(ref) < len(TOKEN_PREFIX) + 4:
        raise Invalid(N_("give a token's id or at least the first 4 characters after 'ann_'"), field="token")
    key = ref[:PREFIX_LENGTH]
    found = [t for t in session.scalars(select(ApiToken).where(ApiToken.prefix.startswith(key, autoescape=True)))
             if ref.startswith(t.prefix) or t.prefix.startswith(ref)]
    if not found:
        raise NotFound(N_("no API token starts with '{ref}'"), field="token", params={"ref": ref})
    if len(found) > 1:
        raise Conflict(N_("{count} API tokens start with '{ref}': give more characters or the id"), field="token",
                       params={"count": len(found), "ref": ref})
    return found[0]


def revoke_token(session, token: ApiToken) -> None:
    token.revoked = True
    session.flush()


def user_for_token(session, token: str) -> User | None:
    """The active user a live token belongs to. Its last use is written at most every few minutes, in a separate
    transaction that gives up at once when the database is busy: a read never waits behind a writer."""
    if not token or len(token) > 200:
        return None
    found = session.execute(_TOKEN_AND_USER, {"token_hash": _hash_token(token)}).first()
    now = utcnow()
    if found is None or (found.ApiToken.expires_at is not None and found.ApiToken.expires_at <= now) \
            or not found.User.active:
        return None
    if found.ApiToken.last_used_at is None or now - found.ApiToken.last_used_at >= TOUCH_EVERY:
        _note_use(session.get_bind(), found.ApiToken.id, now)
    return found.User


# The token and its user in one statement (every API request runs it), built once.
_TOKEN_AND_USER = (select(ApiToken, User).join(User, User.id == ApiToken.user_id)
                   .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked.is_(False)))


def _note_use(engine, token_id: int, now) -> None:
    stale = now - TOUCH_EVERY
    statement = (update(ApiToken).where(ApiToken.id == token_id,
                                        or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at <= stale))
                 .values(last_used_at=now))
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            try:
                conn.exec_driver_sql("PRAGMA busy_timeout=0" if sqlite else "SET LOCAL lock_timeout = '50ms'")
                conn.execute(statement)
                conn.commit()
            finally:
                if sqlite:  # the pooled connection waits for writers again, as all the others do
                    conn.rollback()
                    conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                    conn.commit()
    except OperationalError:
        pass  # the database is busy (an import?): a later request writes it
