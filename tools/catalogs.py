"""Keep translations/*/LC_MESSAGES/messages.po in step with the strings in the code (see docs/translating.md).

    python tools/catalogs.py update     extract (babel.cfg) and merge into every .po; list what needs translating
    python tools/catalogs.py check      exit 1 if a .po lacks an extracted string, has a stale one, or has an
                                        untranslated, fuzzy or placeholder-breaking entry
    python tools/catalogs.py todo > t.tsv    what lacks a translation, one `msgid <TAB> uk <TAB> ru` line each
    python tools/catalogs.py apply t.tsv     put the filled-in lines into the .po files

The app compiles the .po files when it starts (annotator/i18n.py): there is no compile step and no .mo file.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("uk", "ru")
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "N_": None}
PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0]*\d*(?:\.\d+)?[sdf]|\{\w+\}")
UPDATE_COMMAND = "python tools/catalogs.py update"


def po_path(locale: str, root: Path = ROOT) -> Path:
    return root / "translations" / locale / "LC_MESSAGES" / "messages.po"


def extract(root: Path = ROOT) -> Catalog:
    """Every translatable string of the Python code, the templates and the scripts, as babel.cfg maps them."""
    with (root / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    template = Catalog(project="annotator", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=KEYWORDS):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(locale: str, root: Path = ROOT) -> Catalog:
    path = po_path(locale, root)
    if not path.exists():
        return Catalog(locale=locale, project="annotator", version="", charset="utf-8", copyright_holder="annotator",
                       msgid_bugs_address="", last_translator="", language_team="",
                       header_comment=f"# annotator interface, {locale} (docs/translating.md).")
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def write(catalog: Catalog, locale: str, root: Path = ROOT) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=120, sort_output=True, ignore_obsolete=True, include_lineno=False)
    path = po_path(locale, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def key(message) -> tuple:
    return (message.id if isinstance(message.id, str) else tuple(message.id)), message.context


def differences(template: Catalog, catalog: Catalog) -> tuple[list, list]:
    """(msgids extracted but missing from the catalog, msgids in the catalog no longer extracted)."""
    wanted = {key(m) for m in template if m.id}
    present = {key(m) for m in catalog if m.id}
    return sorted(wanted - present, key=str), sorted(present - wanted, key=str)


# A Ukrainian word's apostrophe (звʼязок) is written one way, the modifier letter U+02BC, which word selection
# and search treat as part of the word; not the quotation mark ’ nor the ASCII '.
WRONG_APOSTROPHE = re.compile(r"(?<=[а-щьюяієїґ])[\u2019'](?=[а-щьюяієїґ])", re.IGNORECASE)


# Words the glossary (docs/translating.md) replaces with its own term.
AVOIDED = {"uk": {"золот": "еталон"}, "ru": {"золот": "эталон"}}


def problems(catalog: Catalog) -> list[str]:
    """Untranslated or fuzzy entries, translations whose placeholders differ from the msgid's, Ukrainian
    apostrophes written other than as ʼ, and words the glossary replaces."""
    found = []
    for m in catalog:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strs = [m.string] if isinstance(m.string, str) else list(m.string)
        if m.fuzzy or not all(strs):
            found.append(f"untranslated{' (fuzzy)' if m.fuzzy else ''}: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for s in strs:
            if set(PLACEHOLDER.findall(s)) - wanted or (len(strs) == 1 and set(PLACEHOLDER.findall(s)) != wanted):
                found.append(f"placeholders differ: {ids[0]!r} -> {s!r}")
            if str(catalog.locale) == "uk" and WRONG_APOSTROPHE.search(s):
                found.append(f"apostrophe other than ʼ (U+02BC): {s!r}")
            for avoided, term in AVOIDED.get(str(catalog.locale), {}).items():
                if avoided in s.lower():
                    found.append(f"'{avoided}…' where the glossary says '{term}' (docs/translating.md): {s!r}")
    return found


def update(root: Path = ROOT) -> int:
    template = extract(root)
    for locale in LOCALES:
        catalog = read(locale, root)
        created = catalog.creation_date  # kept: a date that changes on every run only makes merge conflicts
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created
        write(catalog, locale, root)
        todo = problems(read(locale, root))
        print(f"{po_path(locale, root).relative_to(root)}: {len(catalog)} messages, {len(todo)} to translate")
        for line in todo:
            print(f"  {line}")
    return 0


def check(root: Path = ROOT) -> int:
    template = extract(root)
    failed = False
    for locale in LOCALES:
        catalog = read(locale, root)
        missing, stale = differences(template, catalog)
        report = ([f"not in the catalog: {m[0]!r}" for m in missing] + [f"no longer used: {m[0]!r}" for m in stale]
                  + problems(catalog))
        for line in report:
            print(f"{locale}: {line}", file=sys.stderr)
        failed = failed or bool(report)
    if failed:
        print(f"Run `{UPDATE_COMMAND}`, translate the new entries, and commit the .po files.", file=sys.stderr)
    return 1 if failed else 0


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), text)


def _translated(message) -> bool:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return not message.fuzzy and all(strings)


def todo(root: Path = ROOT, out=sys.stdout) -> int:
    """Print the messages some locale lacks, with what the others have, as tab-separated lines to fill in."""
    books = {locale: read(locale, root) for locale in LOCALES}
    print("# msgid\t" + "\t".join(LOCALES) + "   (fill in the empty columns; `apply` reads this back)", file=out)
    first = books[LOCALES[0]]
    for message in first:
        if not message.id:
            continue
        entries = [books[locale].get(message.id, message.context) for locale in LOCALES]
        if all(e is not None and _translated(e) for e in entries):
            continue
        if not isinstance(message.id, str) or message.context:
            print(f"# edit in the .po files (plural forms or context): {message.id!r}", file=out)
            continue
        cells = [e.string if e is not None and not e.fuzzy else "" for e in entries]
        print("\t".join(_escape(c) for c in [message.id, *cells]), file=out)
    return 0


def apply(path: Path, root: Path = ROOT) -> int:
    """Put the translations of a filled-in `todo` file into the .po files (empty cells change nothing)."""
    books = {locale: read(locale, root) for locale in LOCALES}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        msgid, *cells = [_unescape(c) for c in line.split("\t")]
        if len(cells) != len(LOCALES):
            print(f"{path}:{number}: expected {len(LOCALES) + 1} tab-separated columns", file=sys.stderr)
            return 1
        for locale, text in zip(LOCALES, cells, strict=True):
            entry = books[locale].get(msgid)
            if entry is None:
                print(f"{path}:{number}: not in the {locale} catalog (run update first): {msgid!r}", file=sys.stderr)
                return 1
            if text.strip():
                entry.string, entry.flags = text.strip(), entry.flags - {"fuzzy"}
    for locale, catalog in books.items():
        write(catalog, locale, root)
        print(f"{locale}: {len(problems(catalog))} still to translate")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check", "todo", "apply"))
    parser.add_argument("file", nargs="?", type=Path, help="for apply: the filled-in todo file")
    args = parser.parse_args(argv)
    if args.command == "apply":
        if args.file is None:
            parser.error("apply needs the filled-in file")
        return apply(args.file)
    return {"update": update, "check": check, "todo": todo}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
