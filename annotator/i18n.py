"""Interface languages: catalogs compiled in memory from translations/*/LC_MESSAGES/messages.po, the locale of
each request (the user's choice, a cookie, then Accept-Language) and the catalogue sent to scripts."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import current_app, has_request_context, request
from flask_babel import Domain, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .paths import resource_dir

LANGUAGES = ("uk", "en", "ru")  # the order of the switch in the top bar
NAMES = {"uk": "Українська", "en": "English", "ru": "Русский"}
DEFAULT = "en"
COOKIE = "annotator_locale"
ROLE_NAMES = {"admin": _l("admin"), "reviewer": _l("reviewer"), "annotator": _l("annotator")}  # by Role value
JS_DIR = "static/js/"  # its scripts call t("English text {name}", {name}): the msgid is the first argument


@dataclass(frozen=True)
class Catalog:
    translations: Translations  # the compiled gettext catalog
    js: dict[str, str]  # {msgid: translation} for the msgids used in static/js


class Catalogs:
    """The catalogs of translations/, each compiled from its .po file the first time a request needs it (so that
    what is served is always what the .po says, and commands that serve no page never pay for it)."""

    def __init__(self, translations_dir: Path):
        self.dir = translations_dir
        self.locales = sorted(p.parent.parent.name for p in translations_dir.glob("*/LC_MESSAGES/messages.po"))

    def get(self, locale: str) -> Catalog | None:
        if locale not in self.locales:
            return None
        return _compile(self.dir / locale / "LC_MESSAGES" / "messages.po")


@functools.cache
def _compile(path: Path) -> Catalog:
    """The .po at `path` compiled in memory, once per process (a server restarted after an update serves it)."""
    with path.open("rb") as f:
        catalog = read_po(f, locale=path.parent.parent.name)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Catalog(Translations(fp=buf), script_strings(catalog))


class CatalogDomain(Domain):
    """The default gettext domain, reading the catalogs compiled from the .po files instead of .mo files."""

    def get_translations(self):
        catalogs = current_app.extensions.get("i18n") if current_app else None
        locale = get_locale()
        catalog = catalogs.get(str(locale)) if catalogs is not None and locale is not None else None
        return catalog.translations if catalog is not None else NullTranslations()


def init_app(app) -> None:
    from .extensions import babel

    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    babel.init_app(app, locale_selector=select_locale)
    app.extensions["i18n"] = Catalogs(resource_dir("translations"))
    app.context_processor(_template_globals)


def script_strings(catalog) -> dict[str, str]:
    """{msgid: translation} of the messages extracted from static/js (the catalog's locations say which: the
    catalogs are kept in step with the code by `tools/catalogs.py update`, and a test checks it)."""
    return {m.id: m.string for m in catalog
            if isinstance(m.id, str) and m.id and m.string and any(f.startswith(JS_DIR) for f, _ in m.locations)}


HTTP_ERRORS = {  # status -> (name, what it means), for werkzeug's errors that carry only their English defaults
    400: (_l("Bad request"), _l("The request could not be understood.")),
    401: (_l("Not logged in"), _l("Log in to continue.")),
    403: (_l("Forbidden"), _l("Your role does not allow this.")),
    404: (_l("Not found"), _l("There is nothing at this address.")),
    405: (_l("Method not allowed"), _l("This address does not accept this kind of request.")),
    409: (_l("Conflict"), _l("Someone changed this meanwhile; reload and try again.")),
    413: (_l("Too large"), _l("The upload is too large.")),
    429: (_l("Too many requests"), _l("Too many requests; wait a moment and try again.")),
    500: (_l("Server error"), _l("Something went wrong on the server.")),
}
CSRF_EXPIRED = _l("The form has expired or came from elsewhere; reload the page and try again.")


def http_error_text(exc) -> tuple[str, str]:
    """(name, description) of an HTTP error in the request's language; a description given by our own code (not
    the exception class's English default) is kept."""
    from flask_wtf.csrf import CSRFError

    name, meaning = HTTP_ERRORS.get(exc.code, (exc.name, exc.description))
    if isinstance(exc, CSRFError):
        return str(name), str(CSRF_EXPIRED)
    own = exc.description and exc.description != type(exc).description
    return str(name), exc.description if own else str(meaning)


def select_locale() -> str:
    """The user's chosen language, else the language cookie (anonymous pages), else the browser's preference;
    English outside a request (commands)."""
    if not has_request_context():
        return DEFAULT
    user_locale = getattr(current_user, "locale", None) if current_user else None
    if user_locale in LANGUAGES:
        return user_locale
    if request.cookies.get(COOKIE) in LANGUAGES:
        return request.cookies[COOKIE]
    return request.accept_languages.best_match(LANGUAGES, DEFAULT)


def remember(session, user, locale: str) -> None:
    """Store `locale` as the user's interface language."""
    user.locale = locale
    session.flush()


def js_catalogue() -> dict[str, str]:
    """The translations of the script strings for this request's locale (English needs none: msgid is English)."""
    catalog = current_app.extensions["i18n"].get(str(get_locale()))
    return catalog.js if catalog is not None else {}


def _template_globals():
    return {"js_strings": js_catalogue(), "locale": str(get_locale()), "role_names": ROLE_NAMES,
            "languages": [(code, NAMES[code]) for code in LANGUAGES]}
