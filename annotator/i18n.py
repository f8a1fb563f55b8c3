"""Interface languages: catalogs compiled from translations/*/LC_MESSAGES/messages.po when the app starts, the
locale of each request (the user's choice, a cookie, then Accept-Language) and the catalogue sent to scripts."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import current_app, request
from flask_babel import Domain, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .paths import resource_dir

LANGUAGES = ("uk", "en", "ru")  # the order of the switch in the top bar
NAMES = {"uk": "Українська", "en": "English", "ru": "Русский"}
DEFAULT = "en"
COOKIE = "annotator_locale"
ROLE_NAMES = {"admin": _l("admin"), "reviewer": _l("reviewer"), "annotator": _l("annotator")}  # by Role value
JS_KEYWORDS = {"t": None}  # static/js: t("English text {name}", {name}) — the msgid is the first argument


@dataclass(frozen=True)
class Catalogs:
    translations: dict[str, Translations]  # locale -> compiled gettext catalog
    js: dict[str, dict[str, str]]  # locale -> {msgid: translation} for the msgids used in static/js


class CatalogDomain(Domain):
    """The default gettext domain, reading the catalogs compiled at startup instead of .mo files on disk."""

    def get_translations(self):
        catalogs = current_app.extensions.get("i18n") if current_app else None
        locale = get_locale()
        if catalogs is None or locale is None:
            return NullTranslations()
        return catalogs.translations.get(str(locale)) or NullTranslations()


def init_app(app) -> None:
    from .extensions import babel

    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    babel.init_app(app, locale_selector=select_locale)
    app.extensions["i18n"] = load_catalogs(resource_dir("translations"), Path(app.static_folder) / "js")
    app.context_processor(_template_globals)


def load_catalogs(translations_dir: Path, js_dir: Path) -> Catalogs:
    """Compile every .po under `translations_dir` and pick the strings of the scripts under `js_dir` (cached per
    process, keyed on the files' modification times so that an edited .po is picked up by the next app)."""
    po_files = tuple(sorted(translations_dir.glob("*/LC_MESSAGES/messages.po")))
    js_files = tuple(sorted(js_dir.rglob("*.js")))
    return _load(_stamped(po_files), _stamped(js_files))


def _stamped(paths):
    return tuple((p, p.stat().st_mtime_ns) for p in paths)


@functools.lru_cache(maxsize=4)
def _load(po_files, js_files) -> Catalogs:
    msgids = js_msgids(p for p, _ in js_files)
    translations, js = {}, {}
    for path, _ in po_files:
        locale = path.parent.parent.name
        with path.open("rb") as f:
            catalog = read_po(f, locale=locale)
        translations[locale] = _compile(catalog)
        js[locale] = {m: translations[locale].ugettext(m) for m in msgids}
    return Catalogs(translations, js)


def _compile(catalog) -> Translations:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf)


def js_msgids(paths) -> list[str]:
    """The msgids of every `t("…")` call in these scripts, in order of first use."""
    seen = {}
    for path in paths:
        for _lineno, message, _comments, _context in extract_from_file("javascript", path, keywords=JS_KEYWORDS):
            seen.setdefault(message, None)
    return list(seen)


def select_locale() -> str:
    """The user's chosen language, else the language cookie (anonymous pages), else the browser's preference."""
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
    locale = str(get_locale())
    return current_app.extensions["i18n"].js.get(locale, {}) if locale != "en" else {}


def _template_globals():
    return {"js_strings": js_catalogue(), "locale": str(get_locale()), "role_names": ROLE_NAMES,
            "languages": [(code, NAMES[code]) for code in LANGUAGES]}
