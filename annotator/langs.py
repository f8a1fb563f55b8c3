"""Language codes: BCP-47 tags, normalised; `ua` is accepted as an alias of `uk`."""

import langcodes

FIRST_CLASS = ("uk", "en", "ru")
ALIASES = {"ua": "uk"}


class BadLanguage(ValueError):
    pass


def normalize_lang(value) -> str:
    """Return the normalised BCP-47 tag for `value`, or raise BadLanguage with a readable reason."""
    if not isinstance(value, str) or not value.strip():
        raise BadLanguage("a language code is required (for example uk, en or ru)")
    raw = value.strip().replace("_", "-")
    raw = ALIASES.get(raw.lower(), raw)
    try:
        tag = langcodes.standardize_tag(raw)
        valid = langcodes.tag_is_valid(tag)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        valid = False
    if not valid or len(tag) > 35:
        raise BadLanguage(f"'{value}' is not a BCP-47 language code (for example uk, en or ru)")
    return tag


def lang_name(tag: str) -> str:
    try:
        return langcodes.Language.get(tag).display_name()
    except (ValueError, LookupError):
        return tag
