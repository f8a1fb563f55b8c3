"""The password policy: at least 10 characters, not blank, not common, not the user name."""

import pytest

from annotator.errors import Invalid
from annotator.services import passwords, users


@pytest.mark.parametrize("password, reason", [
    ("        ", "empty or only spaces"),
    (" \t\n \u00a0 \u2003   ", "empty or only spaces"),
    ("", "empty or only spaces"),
    ("short-pw", "at least 10 characters"),
    ("   abc123   ", "at least 10 characters"),
    ("x" * 201, "at most 200"),
    ("password123", "too easy to guess"),
    ("Password2024!", "too easy to guess"),
    ("QWERTYUIOP", "too easy to guess"),
    ("1234567890", "too easy to guess"),
    ("3456789012", "too easy to guess"),
    ("abababababab", "too easy to guess"),
    ("йцукенгшщз", "too easy to guess"),
    ("olena-olena-2024"[:5] + "2024!!!!!!", "too easy to guess"),  # the user name with digits around it
])
def test_weak_passwords_are_refused_with_the_reason(password, reason):
    with pytest.raises(Invalid, match=reason) as caught:
        passwords.check(password, "olena")
    assert caught.value.field == "password"


@pytest.mark.parametrize("password", ["correct-horse-42", "Київ у вересні 🙂", "tr0ub4dor&3-x", "  spaced out pass  "])
def test_good_passwords_pass(password):
    passwords.check(password, "olena")


def test_generated_passwords_pass_the_policy():
    for _ in range(200):
        passwords.check(users.generate_password(), "admin")
