"""Proxy headers count only when ANNOTATOR_PROXY_FIX says how many proxies stand in front."""

import pytest
from werkzeug.middleware.proxy_fix import ProxyFix

from annotator import create_app


def seen_environ(tmp_path, hops):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "x", "PROXY_FIX": hops},
                     instance_path=str(tmp_path / "instance"))
    seen = {}

    def inner(environ, start_response):
        seen.update(environ)
        start_response("204 No Content", [])
        return [b""]

    if isinstance(app.wsgi_app, ProxyFix):
        app.wsgi_app.app = inner  # look at what ProxyFix hands on to the app
    else:
        app.wsgi_app = inner
    app.test_client().get("/login", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https",
                                             "X-Forwarded-Host": "annotator.example.org"})
    return seen


@pytest.mark.parametrize("hops", [0, 1])
def test_forwarded_headers_are_believed_only_behind_a_configured_proxy(tmp_path, hops):
    environ = seen_environ(tmp_path, hops)
    if hops:
        assert (environ["REMOTE_ADDR"], environ["wsgi.url_scheme"], environ["HTTP_HOST"]) == (
            "203.0.113.9", "https", "annotator.example.org")
    else:
        assert (environ["REMOTE_ADDR"], environ["wsgi.url_scheme"]) == ("127.0.0.1", "http")
