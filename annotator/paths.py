"""Where the top-level templates/, static/ and migrations/ folders are, installed or not."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder `name`: bundled inside a wheel install, or beside the package in a source checkout."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"annotator: cannot find its {name}/ folder; is the package installed completely?")
