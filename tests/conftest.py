"""Fixtures: a fresh app and database per test, on SQLite and (when configured) PostgreSQL; one browser
per session; a live server per browser test."""

import os
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

from annotator import create_app
from annotator.db import Base, upgrade
from annotator.extensions import db
from annotator.paths import resource_dir

from . import factories

POSTGRES_URL = os.environ.get("ANNOTATOR_TEST_POSTGRES_URL")
CHROMIUM = os.environ.get("ANNOTATOR_CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("ANNOTATOR_REQUIRE_BROWSER") == "1"
BACKENDS = ["sqlite", "postgres"]


def _pg_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite database migrated to the newest schema once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_engine():
    """The PostgreSQL test database, emptied and migrated once per session."""
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need ANNOTATOR_TEST_POSTGRES_URL (set by .ci/run)")
    engine = create_engine(_pg_url(POSTGRES_URL))
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # each pytest-xdist worker empties and fills a database of its own, beside the given one
        name = f"{engine.url.database}_{worker}"
        admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        engine.dispose()
        engine = create_engine(engine.url.set(database=name))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    yield engine
    engine.dispose()


def _truncate(engine) -> None:
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Every database test runs once per backend."""
    return request.param


@pytest.fixture
def database_url(backend, request, tmp_path):
    """A clean database for one test, on each backend."""
    if backend == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        engine = request.getfixturevalue("postgres_engine")
        yield engine.url.render_as_string(hide_password=False)
        _truncate(engine)


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret",
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "SERVER_NAME": None},
                     instance_path=str(tmp_path / "instance"))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def session(app):
    """The app's session inside an app context, for service-level tests."""
    with app.app_context():
        yield db.session
        db.session.rollback()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make(app):
    """Factories bound to the app: make.user(...), make.project(...), make.document(...), make.token(...)."""
    return factories.Factories(app)


CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')


def csrf_of(client, path="/account") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(html) or re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"').search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def bearer(token: str) -> dict:
    """The headers of an API call made with this token."""
    return {"Authorization": f"Bearer {token}"}


def login(client, username, password=factories.PASSWORD):
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


# --- browser -------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = (f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) "
                   "or set ANNOTATOR_CHROMIUM to run the browser tests")
        if REQUIRE_BROWSER:
            pytest.fail(message + " (ANNOTATOR_REQUIRE_BROWSER=1 makes this an error)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()


class _Answering:
    """Counts the requests the live server is still answering, so that a test's end can wait for them: a request
    the browser sent just before the test ended must give its database connection back before the app's engine
    is disposed, or the connection is left open for the garbage collector."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            return self._sent(self.app(environ, start_response))
        except BaseException:
            self._answered()
            raise

    def _sent(self, body):
        """The body, closed as soon as it is sent (a streamed one holds its session until then): werkzeug's server
        closes it only after reading what is left of the request, which raises if the client has gone."""
        try:
            yield from body
        finally:
            if hasattr(body, "close"):
                body.close()
            self._answered()

    def _answered(self):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait(self, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.count == 0, timeout)


@pytest.fixture
def live_server(app):
    """The test's app served on a free loopback port in a thread."""
    answering = _Answering(app)
    server = make_server("127.0.0.1", 0, answering, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    thread.join(5)
    assert answering.wait(10), "the live server was still answering a request 10 s after the test"
    server.server_close()  # the listening socket, or the garbage collector finds it open


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def browser_login(page, username, password=factories.PASSWORD):
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r".*/projects$"))


@pytest.fixture
def empty_database_url(backend, request, tmp_path):
    """A database with no tables at all, on the test's backend (for init, migration and round-trip tests)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_engine")
    name = f"annotator_empty_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = create_engine(server.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield server.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run `annotator ...` in-process against a given database: cli(url, *args, input=None)."""
    from click.testing import CliRunner

    import annotator.cli

    def run(url, *args, input=None):
        monkeypatch.setenv("ANNOTATOR_DATABASE_URL", url)
        monkeypatch.setenv("ANNOTATOR_INSTANCE", str(tmp_path / "cli-instance"))
        monkeypatch.setattr(annotator.cli, "_app", None)
        result = CliRunner().invoke(annotator.cli.main, list(args), input=input, catch_exceptions=False)
        app = annotator.cli._app
        if app is not None:
            with app.app_context():
                db.engine.dispose()
        return result

    return run


@pytest.fixture(scope="session")
def extracted():
    """Every translatable string of the code as pybabel extracts it (babel.cfg), extracted once per run."""
    from tools import catalogs

    return catalogs.extract()


# --- interface language ----------------------------------------------------------------------------

# Words that stay as they are in every language: formats, standards, product names, keys.
KEEP = {"JSONL", "UTF-8", "BCP-47", "URL", "F1", "CoNLL", "doccano", "Label Studio", "JSON", "TXT", "CSV", "spaCy",
        "HF", "Hugging Face", "Enter", "Tab", "Esc", "Shift", "Ctrl", "Alt", "de, pl, be",
        "story.uk.txt", "story.en.txt", "story.ru.txt", "polarity!: support|oppose|neutral; note: text; hedged: bool"}
# An English phrase: two or more ASCII words (capitalised or lower case: ALL-CAPS words are label names and codes).
PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,.:;’'()/-]+[A-Za-z][a-z]+)+\b")
CHECKED_ATTRS = ("title", "placeholder", "aria-label", "alt")


class InterfaceText(HTMLParser):
    """The interface text of a page: text nodes and labelling attributes, outside user data.

    User data is whatever carries a `lang` of its own (article texts and titles are marked with their language,
    as they must be for screen readers), `translate="no"` or `data-user` (names), and script, style, code, kbd."""

    SKIP_TAGS = {"script", "style", "code", "kbd", "pre", "textarea"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page_lang):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack = []  # (tag, skipped)
        self.texts = []

    def skipping(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = (self.skipping() or tag in self.SKIP_TAGS or attrs.get("translate") == "no" or "data-user" in attrs
                or (tag != "html" and attrs.get("lang") not in (None, self.page_lang)))
        if not skip:
            for name in CHECKED_ATTRS:
                if attrs.get(name):
                    self.texts.append((f"<{tag} {name}>", attrs[name]))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.texts.append((f"<{tag} value>", attrs["value"]))
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.texts.append((self.stack[-1][0] if self.stack else "", " ".join(data.split())))


def english_catalogue(locale):
    """English msgids that have a different translation in `locale` (the same text in both proves nothing)."""
    with (resource_dir("translations") / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    return {m.id for m in catalog if isinstance(m.id, str) and m.id and m.string and m.string != m.id}


def english_in(html: str, locale: str, known: set[str], user_data=()) -> list[str]:
    """The English interface text on a page rendered in `locale`: known msgids shown untranslated, and phrases.

    `user_data`: strings the users wrote (titles, names, label descriptions), ignored wherever they appear."""
    parser = InterfaceText(locale)
    parser.feed(html)
    found = []
    for where, shown in parser.texts:
        if shown in user_data:
            continue
        stripped = shown
        for word in sorted(KEEP | set(user_data), key=len, reverse=True):
            stripped = stripped.replace(word, " ")
        if shown in known or PHRASE.search(stripped):
            found.append(f"{where}: {shown!r}")
    return found
