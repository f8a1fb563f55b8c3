"""Uploaded files held between the preview and the confirmation, in the instance folder."""

import re
import secrets
import shutil
import time
from pathlib import Path

import orjson
from flask import current_app

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,40}$")
MAX_AGE = 24 * 3600


def _root() -> Path:
    return Path(current_app.instance_path) / "uploads"


def save(files: list[tuple[str, bytes]], user_id: int) -> str:
    """Keep the files for a later confirmation; returns the token that names them."""
    _sweep()
    token = secrets.token_urlsafe(18)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    for i, (_, data) in enumerate(files):
        (folder / f"{i}.bin").write_bytes(data)
    (folder / "manifest.json").write_bytes(orjson.dumps({"user": user_id, "names": [n for n, _ in files]}))
    return token


def load(token: str, user_id: int) -> list[tuple[str, bytes]] | None:
    """The files saved under `token` by this user, or None if they are gone (or not theirs)."""
    folder = _root() / token
    if not TOKEN.match(token or "") or not (folder / "manifest.json").exists():
        return None
    manifest = orjson.loads((folder / "manifest.json").read_bytes())
    if manifest["user"] != user_id:
        return None
    return [(name, (folder / f"{i}.bin").read_bytes()) for i, name in enumerate(manifest["names"])]


def discard(token: str) -> None:
    if TOKEN.match(token or ""):
        shutil.rmtree(_root() / token, ignore_errors=True)


def _sweep() -> None:
    """Forget previews nobody confirmed within a day."""
    root = _root()
    if not root.exists():
        return
    cutoff = time.time() - MAX_AGE
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
