"""Configuration: defaults in code, ANNOTATOR_* environment variables over them, test dicts over both."""

import os
import secrets
from pathlib import Path

DEFAULTS = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_CHECK_DEFAULT": False,  # checked in a before_request hook that knows about API tokens
    "WTF_CSRF_TIME_LIMIT": None,
    "MAX_UPLOAD_MB": 20,
    "MAX_IMPORT_MB": 256,  # what one import may hold once decompressed (CLI files, uploads)
    "DOCUMENTS_PER_PAGE": 50,
    "LOGIN_MAX_FAILURES": 5,  # per user name and address, then each try waits longer (services/throttle.py)
    "LOGIN_MAX_FAILURES_PER_ADDRESS": 50,  # for all user names from one address
    "LOGIN_FAILURE_WINDOW_MINUTES": 15,  # failures older than this are forgotten
    "SQLALCHEMY_TRACK_MODIFICATIONS": False,
    "BABEL_DEFAULT_LOCALE": "en",
    "PROXY_FIX": 0,  # reverse proxies in front whose X-Forwarded-For/-Proto/-Host are trusted (0: none)
}


def load(app, test_config=None):
    """Fill app.config from defaults, the environment and an optional test dict, in that order."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("ANNOTATOR")
    if test_config:
        app.config.from_mapping(test_config)
    private_folder(Path(app.instance_path))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path) / "secret_key")
    url = app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'annotator.sqlite3'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = _with_driver(url)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # a file has no server that could drop the connection: no liveness round trip at every checkout
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})["pool_pre_ping"] = False
    app.config["MAX_CONTENT_LENGTH"] = int(float(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024)


def private_folder(path: Path) -> None:
    """Create the instance folder readable by its owner only (0700), and tighten one made before (0755)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _tighten(path, 0o700)


def private_file(path: Path) -> None:
    """Make `path` (created empty if missing) readable and writable by its owner only (0600)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    _tighten(path, 0o600)


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 & ~mode:
            path.chmod(mode)
    except PermissionError:  # not ours (a shared folder): leave it as its owner set it
        pass


def _instance_secret(path: Path) -> str:
    """Read the secret key kept in the instance folder, creating it (mode 0600) on first run."""
    if path.exists():
        _tighten(path, 0o600)
        return path.read_text().strip()
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def _with_driver(url: str) -> str:
    """Let users write postgresql:// and still get psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
