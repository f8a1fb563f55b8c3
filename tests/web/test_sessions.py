"""Sessions end when they should: logout and a password change end every session of the user, in every process;
deactivation shuts out cookies and tokens at once; tokens can be listed, revoked and given an expiry."""

from datetime import timedelta

import pytest

from annotator.extensions import db
from annotator.models import ApiToken, utcnow
from annotator.services import users
from tests.conftest import csrf_of, login
from tests.factories import PASSWORD


def copy_of_session(app, client):
    """A second browser holding a copy of `client`'s session cookie (as a thief would)."""
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def logged_in(client) -> bool:
    return client.get("/projects").status_code == 200


def test_logout_ends_copied_sessions_and_other_devices(app, client, make):
    make.user("olena")
    login(client, "olena")
    thief = copy_of_session(app, client)
    laptop = app.test_client()
    login(laptop, "olena")
    assert logged_in(thief) and logged_in(laptop)
    client.post("/logout", data={"csrf_token": csrf_of(client)})
    assert not logged_in(client)
    assert not logged_in(thief)
    assert not logged_in(laptop)
    login(client, "olena")
    assert logged_in(client) and not logged_in(thief)


def test_changing_ones_password_ends_every_other_session_but_keeps_this_one(app, client, make):
    make.user("olena")
    login(client, "olena")
    thief = copy_of_session(app, client)
    response = client.post("/account", data={"current": PASSWORD, "new": "a-new-long-password",
                                              "confirm": "a-new-long-password", "csrf_token": csrf_of(client)})
    assert response.status_code == 302
    assert logged_in(client)
    assert not logged_in(thief)


def test_an_admin_password_reset_ends_the_users_sessions(app, client, make):
    make.user("admin", "admin")
    make.user("olena")
    victim = app.test_client()
    login(victim, "olena")
    login(client, "admin")
    uid = _uid(app, "olena")
    client.post(f"/admin/users/{uid}/reset-password", data={"csrf_token": csrf_of(client, "/admin/users")})
    assert not logged_in(victim)
    assert logged_in(client)


def _uid(app, name):
    with app.app_context():
        return users.get_user(db.session, name).id


def test_cli_password_change_ends_sessions(app, client, make):
    make.user("olena")
    login(client, "olena")
    with app.app_context():
        users.set_password(db.session, users.get_user(db.session, "olena"), "another-long-secret")
        db.session.commit()
    assert not logged_in(client)


def test_deactivation_shuts_out_cookie_and_token_at_once_and_reactivation_revives_neither_cookie(app, client, make):
    make.user("olena")
    token = make.token("olena")
    login(client, "olena")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/projects", headers=headers).status_code == 200
    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "olena"), False)
        db.session.commit()
    assert not logged_in(client)
    assert app.test_client().get("/api/v1/projects", headers=headers).status_code == 401
    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "olena"), True)
        db.session.commit()
    assert not logged_in(client)
    assert app.test_client().get("/api/v1/projects", headers=headers).status_code == 200


def test_a_session_cookie_from_before_the_upgrade_is_refused(app, client, make):
    """Cookies issued before session generations held the bare id: they must log in again."""
    user = make.user("olena")
    with client.session_transaction() as sess:
        sess["_user_id"] = str(user.id)
        sess["_fresh"] = True
    assert not logged_in(client)


def api(client, token):
    return client.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).status_code


def test_revoked_and_expired_tokens_stop_working(app, client, make):
    make.user("olena")
    with app.app_context():
        olena = users.get_user(db.session, "olena")
        short = users.create_token(db.session, olena, "short", timedelta(hours=1))
        revoked = users.create_token(db.session, olena, "old")
        db.session.commit()
        assert api(client, short) == 200 and api(client, revoked) == 200
        users.revoke_token(db.session, users.find_token(db.session, revoked[:12]))
        row = db.session.query(ApiToken).filter_by(name="short").one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert api(client, short) == 401
    assert api(client, revoked) == 401


def test_token_use_is_written_at_most_every_few_minutes(app, client, make):
    make.user("olena")
    token = make.token("olena")
    assert api(client, token) == 200
    with app.app_context():
        first = db.session.query(ApiToken).one().last_used_at
    assert first is not None
    assert api(client, token) == 200
    with app.app_context():
        row = db.session.query(ApiToken).one()
        assert row.last_used_at == first  # the second request wrote nothing
        row.last_used_at = utcnow() - users.TOUCH_EVERY - timedelta(seconds=1)
        db.session.commit()
    assert api(client, token) == 200
    with app.app_context():
        assert db.session.query(ApiToken).one().last_used_at > first


@pytest.mark.parametrize("ref", ["", "ann_", "ann_x", "999999"])
def test_finding_a_token_needs_a_real_id_or_enough_of_its_start(session, ref):
    from annotator.errors import DomainError

    with pytest.raises(DomainError):
        users.find_token(session, ref)


def test_login_does_the_same_work_for_unknown_and_known_users(app, make, monkeypatch):
    """A login that skipped hashing for unknown names would tell which names exist by its speed. Counted, not
    timed: every key derivation a login runs, with its cost parameters, is the same for a known name with a wrong
    password, an unknown name and a deactivated user."""
    import hashlib

    derivations = []

    def counted(name):
        real = getattr(hashlib, name)

        def derive(*args, **kwargs):
            cost = {k: v for k, v in kwargs.items() if k not in ("salt", "password")}
            derivations.append((name, *(a for a in args if not isinstance(a, bytes)), *sorted(cost.items())))
            return real(*args, **kwargs)
        return derive

    for name in ("pbkdf2_hmac", "scrypt"):  # what werkzeug's password hashes call
        monkeypatch.setattr(hashlib, name, counted(name))
    make.user("olena")
    make.user("gone")
    with app.app_context():
        users.set_active(db.session, users.get_user(db.session, "gone"), False)
        db.session.commit()
    client = app.test_client()

    def work(name):
        derivations.clear()
        assert login(client, name, "not-the-password").status_code == 401
        return list(derivations)

    work("warm-up")  # the stand-in hash for unknown names is made once per process
    known = work("olena")
    assert known == [("pbkdf2_hmac", "sha256", 1000)]  # the suite's hash method (conftest): one derivation
    assert work("nobody") == known
    assert work("gone") == known


def test_users_make_list_and_revoke_their_own_tokens_on_the_account_page(app, client, make):
    import re

    make.user("olena")
    make.user("taras")
    theirs = make.token("taras")
    login(client, "olena")
    made = client.post("/account/tokens", data={"label": "my script", "expires": "30d",
                                                 "csrf_token": csrf_of(client)}, follow_redirects=True)
    html = made.get_data(as_text=True)
    token = re.search(r"shown only now: (ann_\S+?)<", html).group(1)
    assert "my script" in html and token[:12] in html
    assert api(app.test_client(), token) == 200
    with app.app_context():
        own = db.session.query(ApiToken).filter_by(name="my script").one()
        assert own.expires_at - utcnow() > timedelta(days=29)
        other = db.session.query(ApiToken).filter(ApiToken.name != "my script").one().id
    refused = client.post("/account/tokens/revoke", data={"token_id": other, "csrf_token": csrf_of(client)})
    assert refused.status_code == 404 and api(app.test_client(), theirs) == 200
    assert client.post("/account/tokens/revoke", data={"token_id": own.id}).status_code == 400  # no CSRF token
    client.post("/account/tokens/revoke", data={"token_id": own.id, "csrf_token": csrf_of(client)})
    assert api(app.test_client(), token) == 401
    assert "revoked" in client.get("/account").get_data(as_text=True)


def test_admin_pages_refuse_weak_passwords_with_the_reason(app, client, make):
    make.user("admin", "admin")
    make.user("olena")
    login(client, "admin")
    added = client.post("/admin/users", data={"username": "taras", "role": "annotator", "password": "        ",
                                              "csrf_token": csrf_of(client, "/admin/users")})
    assert added.status_code == 400 and "only spaces" in added.get_data(as_text=True)
    uid = _uid(app, "olena")
    reset = client.post(f"/admin/users/{uid}", data={"password": "qwerty2024", "active": "y",
                                                     "csrf_token": csrf_of(client, f"/admin/users/{uid}")})
    assert reset.status_code == 400 and "too easy to guess" in reset.get_data(as_text=True)
    assert login(app.test_client(), "olena").status_code == 302  # the old password still works
    own = client.post("/account", data={"current": PASSWORD, "new": "short", "confirm": "short",
                                        "csrf_token": csrf_of(client)})
    assert "at least 10 characters" in own.get_data(as_text=True)
