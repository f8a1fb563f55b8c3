"""The login throttle: per (address, user name), a higher limit per address, kept in the database."""

import re
from datetime import timedelta

from annotator import create_app
from annotator.extensions import db
from annotator.models import LoginFailure, utcnow
from tests.factories import PASSWORD

OFFICE, HOME = "10.0.0.1", "192.0.2.7"


def attempt(client, username, password=PASSWORD, address=OFFICE):
    environ = {"REMOTE_ADDR": address}
    html = client.get("/login", environ_base=environ).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       environ_base=environ).status_code


def test_one_users_failures_do_not_lock_out_others_at_the_same_address(app, client, make):
    make.user("olena")
    make.user("taras")
    for _ in range(5):
        assert attempt(client, "olena", "wrong-password") == 401
    assert attempt(client, "olena") == 429
    assert attempt(app.test_client(), "taras") == 302
    assert attempt(app.test_client(), "olena", address=HOME) == 302


def test_many_user_names_from_one_address_hit_the_address_limit_but_not_known_browsers(app, client, make):
    app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"] = 8
    make.user("taras")
    colleague = app.test_client()
    assert attempt(colleague, "taras") == 302  # this browser has logged in as taras before
    for n in range(8):
        assert attempt(client, f"guess{n}", "wrong-password") == 401
    assert attempt(client, "taras") == 429  # the guesser's browser, even with the right password
    assert attempt(app.test_client(), "taras") == 429  # an unknown browser at that address
    assert attempt(colleague, "taras") == 302
    assert attempt(app.test_client(), "taras", address=HOME) == 302


def test_every_process_sees_the_same_throttle(app, client, make, database_url, tmp_path):
    make.user("olena")
    # the other process starts first: the fifth failure's wait is 2 s, which a slow start on a loaded host outlasts
    other = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret"},
                       instance_path=str(tmp_path / "other"))
    for _ in range(5):
        attempt(client, "olena", "wrong-password")
    try:
        assert attempt(other.test_client(), "olena") == 429
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_a_right_password_clears_its_own_counter_only(app, client, make):
    make.user("olena")
    for _ in range(3):
        attempt(client, "olena", "wrong-password")
    assert attempt(client, "olena") == 302
    with app.app_context():
        rows = {(r.username, r.failures) for r in db.session.query(LoginFailure)}
    assert rows == {("", 3)}


def test_old_failures_are_forgotten_and_deleted(app, client, make):
    make.user("olena")
    with app.app_context():
        old = utcnow() - timedelta(hours=1)
        db.session.add_all([LoginFailure(address=OFFICE, username="olena", failures=50, last_failure_at=old),
                            LoginFailure(address=HOME, username="", failures=500, last_failure_at=old)])
        db.session.commit()
    assert attempt(client, "olena") == 302  # past the window: forgotten
    assert attempt(client, "nobody", "wrong-password") == 401
    with app.app_context():
        rows = {(r.address, r.username, r.failures) for r in db.session.query(LoginFailure)}
    assert rows == {(OFFICE, "nobody", 1), (OFFICE, "", 1)}
