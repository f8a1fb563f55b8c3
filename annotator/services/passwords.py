"""What a password must be: long enough, not blank, and not one of those that guessers try first."""

import functools
import string
from importlib import resources

from ..errors import N_, Invalid

MIN_LENGTH = 10
MAX_LENGTH = 200


@functools.cache
def common() -> frozenset[str]:
    """The common passwords and bases of passwords (common_passwords.txt)."""
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_AROUND = string.digits + string.punctuation + string.whitespace
_RUNS = string.digits * 22 + string.ascii_lowercase * 8  # "2345678901", "abcdefghijkl" and their reverses


def check(password, username: str = "") -> None:
    """Raise Invalid (field 'password') with the reason when `password` is not good enough."""
    if not isinstance(password, str) or not password.strip():
        raise Invalid(N_("the password cannot be empty or only spaces"), field="password")
    if len(password.strip()) < MIN_LENGTH:
        raise Invalid(N_("the password must have at least {min} characters (not counting spaces at either end)"),
                      field="password", params={"min": MIN_LENGTH})
    if len(password) > MAX_LENGTH:
        raise Invalid(N_("the password can have at most {max} characters"), field="password",
                      params={"max": MAX_LENGTH})
    folded = password.casefold()
    base = folded.strip(_AROUND)
    if (folded in common() or base in common() or len(set(folded)) <= 2 or folded in _RUNS or folded[::-1] in _RUNS
            or (username and base == username.casefold())):
        raise Invalid(N_("this password is too easy to guess (a common password, the user name, a run like 1234567890, "
                         "or one or two characters repeated): choose another"), field="password")
