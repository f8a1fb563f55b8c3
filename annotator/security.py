"""Response headers that make the pages safe to open (a strict CSP, no sniffing, no framing); a refusal of the one
character no database here can take as text; and, behind a reverse proxy, the client's address and scheme taken
from the proxy's headers (only when configured)."""

from flask import abort, request
from werkzeug.middleware.proxy_fix import ProxyFix

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def init_app(app):
    hops = int(app.config["PROXY_FIX"])
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.before_request(_refuse_nul)


def _refuse_nul():
    """A NUL (U+0000) in the query string or a form field is a 400: PostgreSQL refuses it in any text, so it would
    otherwise fail deep in a query. JSON bodies are checked where they are parsed (api/inputs.py)."""
    if b"%00" in request.query_string or b"\x00" in request.query_string:
        abort(400, "the query string holds the NUL character (U+0000)")
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, values in request.form.lists():
            if "\x00" in name or any("\x00" in v for v in values):
                abort(400, f"the form field '{name.replace(chr(0), '')}' holds the NUL character (U+0000)")
