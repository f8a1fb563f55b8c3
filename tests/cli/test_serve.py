"""`annotator serve` in real processes: several processes on one PostgreSQL database see each other's edits."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(base, method, path, body=None, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


class Server:
    """`python -m annotator serve ...` on a free port, stopped (with its workers) at the end."""

    def __init__(self, url, instance, *args):
        self.port = free_port()
        env = {**os.environ, "ANNOTATOR_DATABASE_URL": url, "ANNOTATOR_INSTANCE": str(instance)}
        self.proc = subprocess.Popen([sys.executable, "-m", "annotator", "serve", "--port", str(self.port), *args],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(self.proc.stdout.read().decode())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server did not start")

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        self.proc.stdout.close()


@pytest.fixture
def admin_token(cli, empty_database_url):
    assert cli(empty_database_url, "init").exit_code == 0
    added = cli(empty_database_url, "user", "add", "boss", "--role", "admin", "--password-stdin",
                input="long-password\n")
    assert added.exit_code == 0, added.output
    return cli(empty_database_url, "token", "create", "boss").output.strip().splitlines()[-1]


@pytest.mark.parametrize("backend", ["postgres"])
def test_an_edit_through_one_process_is_seen_by_another(empty_database_url, admin_token, tmp_path):
    one = Server(empty_database_url, tmp_path / "instance")
    two = Server(empty_database_url, tmp_path / "instance")
    try:
        status, project = http(one.base, "POST", "/api/v1/projects", {"name": "shared"}, admin_token)
        assert status == 201
        status, doc = http(two.base, "POST", f"/api/v1/projects/{project['id']}/documents",
                           {"lang": "uk", "text": "Київ 🙂 відповів."}, admin_token)
        assert status == 201
        status, span = http(one.base, "POST", f"/api/v1/documents/{doc['id']}/spans",
                            {"start": 0, "end": 4, "label": "ACTOR"}, admin_token)
        assert status == 201
        assert http(two.base, "GET", f"/api/v1/spans/{span['id']}", token=admin_token)[1]["label"] == "ACTOR"
        status, changed = http(two.base, "PATCH", f"/api/v1/spans/{span['id']}",
                               {"label": "CLAIM", "version": span["version"]}, admin_token)
        assert status == 200
        assert http(one.base, "GET", f"/api/v1/spans/{span['id']}", token=admin_token)[1]["label"] == "CLAIM"
        stale = http(one.base, "PATCH", f"/api/v1/spans/{span['id']}",
                     {"label": "POSITION", "version": span["version"]}, admin_token)
        assert stale[0] == 409  # the other process's edit counts in this one's version check
    finally:
        one.stop()
        two.stop()


@pytest.mark.parametrize("backend", ["postgres"])
def test_several_gunicorn_workers_serve_the_api(empty_database_url, admin_token, tmp_path):
    server = Server(empty_database_url, tmp_path / "instance", "--workers", "2", "--threads", "2")
    try:
        for _ in range(6):
            assert http(server.base, "GET", "/api/v1/projects", token=admin_token) == (200, {"projects": []})
    finally:
        server.stop()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_several_workers_are_refused_on_sqlite(cli, empty_database_url):
    assert cli(empty_database_url, "init").exit_code == 0
    refused = cli(empty_database_url, "serve", "--workers", "2")
    assert refused.exit_code == 1 and "need PostgreSQL" in refused.output
