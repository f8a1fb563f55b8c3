"""Two `annotator serve` processes on one PostgreSQL database: a logout, a login throttle and an edit made
through one are seen by the other (nothing that must be shared lives in a process's memory)."""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.factories import PASSWORD

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf-token" content="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, database_url, instance):
        self.port = free_port()
        env = {**os.environ, "ANNOTATOR_DATABASE_URL": database_url, "ANNOTATOR_INSTANCE": str(instance),
               "ANNOTATOR_SECRET_KEY": "one-secret-for-all-workers"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "annotator", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"annotator serve exited: {self.process.stderr.read().decode()}")
            try:
                if Browser().request(self, "GET", "/login")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail("annotator serve did not answer in time")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()


class Browser:
    """Just enough of a browser: keeps the session cookies, follows nothing."""

    def __init__(self, cookies=None):
        self.cookies = dict(cookies or {})

    def request(self, server, method, path, form=None):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, text

    def csrf(self, server, path):
        match = CSRF.search(self.request(server, "GET", path)[1])
        return match.group(1) or match.group(2)

    def login(self, server, username, password=PASSWORD):
        token = self.csrf(server, "/login")
        return self.request(server, "POST", "/login",
                            {"username": username, "password": password, "csrf_token": token})[0]

    def api(self, server, method, path, token, body=None):
        """A JSON API call with a bearer token: (status, decoded answer)."""
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request(method, path, body=None if body is None else json.dumps(body),
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        response = conn.getresponse()
        answer = json.loads(response.read() or b"null")
        conn.close()
        return response.status, answer

    def logged_in(self, server) -> bool:
        return self.request(server, "GET", "/projects")[0] == 200


@pytest.fixture
def two_servers(database_url, tmp_path):
    servers = [Server(database_url, tmp_path / f"instance-{n}") for n in (1, 2)]
    try:
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.mark.parametrize("backend", ["postgres"])
def test_logout_throttle_and_edits_made_through_one_server_hold_on_the_other(make, two_servers):
    make.user("olena")
    make.user("taras")
    first, second = two_servers

    doc = make.document(make.project("news").id, text="Київ 🙂 заявив про переговори.").id
    token = make.token("olena")
    status, span = Browser().api(first, "POST", f"/api/v1/documents/{doc}/spans", token,
                                 {"start": 0, "end": 4, "label": "ACTOR"})
    assert status == 201
    status, seen = Browser().api(second, "GET", f"/api/v1/spans/{span['id']}", token)
    assert (status, seen["label"], seen["version"]) == (200, "ACTOR", span["version"])
    status, changed = Browser().api(second, "PATCH", f"/api/v1/spans/{span['id']}", token,
                                    {"label": "CLAIM", "version": span["version"]})
    assert status == 200
    assert Browser().api(first, "GET", f"/api/v1/spans/{span['id']}", token)[1]["label"] == "CLAIM"
    stale = Browser().api(first, "PATCH", f"/api/v1/spans/{span['id']}", token,
                          {"label": "POSITION", "version": span["version"]})
    assert stale[0] == 409  # the version the other process wrote is checked here too

    olena = Browser()
    assert olena.login(first, "olena") == 302
    assert olena.logged_in(second)  # one session, whichever process answers
    thief = Browser(olena.cookies)
    assert olena.request(first, "POST", "/logout", {"csrf_token": olena.csrf(first, "/account")})[0] == 302
    assert not thief.logged_in(second)
    assert not thief.logged_in(first)

    guesser = Browser()
    for _ in range(5):
        assert guesser.login(first, "taras", "wrong-password") == 401
    assert Browser().login(second, "taras") == 429
