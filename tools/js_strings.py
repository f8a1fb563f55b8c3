"""Convert JS calls `t("key", {params}, "Fallback")` to the extractable form `t("English text", {params})`.

The English text becomes the gettext msgid: pybabel extracts it from static/js with the keyword `t`, and the
server sends the translated catalogue for exactly those msgids (annotator/i18n.py).

    python tools/js_strings.py            check: list old-form and non-extractable calls, exit 1 if any
    python tools/js_strings.py --fix      rewrite old-form calls in place (idempotent)

A key's English text is the fallback in the call, or else the entry in an old key table (a module-level dict
named `*_STRINGS` anywhere in annotator/, as the server kept them before; after converting, delete the table).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
CALL = re.compile(r"(?<![\w.$])t\(")


@dataclass
class Call:
    start: int  # offset of `t(`
    end: int  # offset just after `)`
    args: list[str]  # raw argument source texts


def legacy_tables(package: Path) -> dict[str, str]:
    """key -> English from every module-level `NAME_STRINGS = {...}` dict of string literals."""
    table: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)):
                continue
            if not any(isinstance(t, ast.Name) and t.id.endswith("_STRINGS") for t in node.targets):
                continue
            for k, v in zip(node.value.keys, node.value.values, strict=True):
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant):
                    table[k.value] = v.value
    return table


def _skip_string(src: str, i: int) -> int:
    """The offset after the string literal (or template literal) that starts at `i`."""
    quote = src[i]
    i += 1
    while src[i] != quote:
        i += 2 if src[i] == "\\" else 1
    return i + 1


def _skip_comment(src: str, i: int) -> int | None:
    if src.startswith("//", i):
        return src.index("\n", i)
    if src.startswith("/*", i):
        return src.index("*/", i) + 2
    return None


def find_calls(src: str) -> list[Call]:
    """Every `t(...)` call, its arguments split at top-level commas (strings, brackets and comments respected)."""
    calls = []
    pos = 0
    while True:
        m = CALL.search(src, pos)
        if not m:
            return calls
        if src[:m.start()].rstrip().endswith("function") or _in_comment_or_string(src, m.start()):
            pos = m.end()
            continue
        i, depth, args, arg_start = m.end(), 0, [], m.end()
        while True:
            c = src[i]
            skipped = _skip_comment(src, i)
            if skipped is not None:
                i = skipped
            elif c in "\"'`":
                i = _skip_string(src, i)
            elif c in "([{":
                depth, i = depth + 1, i + 1
            elif c in ")]}" and depth:
                depth, i = depth - 1, i + 1
            elif c == ")" or (c == "," and not depth):
                args.append(src[arg_start:i].strip())
                arg_start = i = i + 1
                if c == ")":
                    break
            else:
                i += 1
        calls.append(Call(m.start(), i, [a for a in args if a]))
        pos = i


def _in_comment_or_string(src: str, offset: int) -> bool:
    """Whether `offset` lies inside a comment or string literal (scanning from the start of the file)."""
    i = 0
    while i < offset:
        skipped = _skip_comment(src, i)
        if skipped is not None:
            if skipped > offset:
                return True
            i = skipped
        elif src[i] in "\"'`":
            end = _skip_string(src, i)
            if end > offset:
                return True
            i = end
        else:
            i += 1
    return False


def literal(arg: str) -> str | None:
    """The value of a JS string literal (or of literals joined with `+`), or None when it is not one."""
    parts = [p.strip() for p in re.split(r"""(?<=["'])\s*\+\s*(?=["'])""", arg)]
    values = []
    for part in parts:
        if len(part) < 2 or part[0] not in "\"'" or part[-1] != part[0]:
            return None
        body = part[1:-1]
        if part[0] == "'":
            body = body.replace('\\"', '"').replace('"', '\\"').replace("\\'", "'")
        try:
            values.append(json.loads(f'"{body}"'))
        except json.JSONDecodeError:
            return None
    return "".join(values)


def js_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def convert(src: str, table: dict[str, str], where: str) -> tuple[str, list[str]]:
    """The source with old-form calls rewritten, and the problems found (non-extractable calls)."""
    out, problems, last = [], [], 0
    for call in find_calls(src):
        line = src.count("\n", 0, call.start) + 1
        first = literal(call.args[0]) if call.args else None
        if first is None:
            problems.append(f"{where}:{line}: t() needs a string literal as its first argument: "
                            f"{src[call.start:call.end]!r}")
            continue
        old_form = len(call.args) == 3 or (first in table and KEY.match(first))
        if not old_form:
            continue
        fallback = literal(call.args[2]) if len(call.args) == 3 else None
        english = table.get(first, fallback)
        if english is None:
            problems.append(f"{where}:{line}: no English text for key {first!r} (give a literal fallback)")
            continue
        params = call.args[1] if len(call.args) > 1 else "{}"
        new = f"t({js_string(english)}" + ("" if re.fullmatch(r"\{\s*\}", params) else f", {params}") + ")"
        out.append(src[last:call.start] + new)
        last = call.end
    out.append(src[last:])
    return "".join(out), problems


def old_form_calls(src: str, table: dict[str, str], where: str) -> list[str]:
    converted, problems = convert(src, table, where)
    return problems + ([f"{where}: has old-form t(key, params, fallback) calls"] if converted != src else [])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fix", action="store_true", help="rewrite old-form calls in place")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    table = legacy_tables(args.root / "annotator")
    problems = []
    for path in sorted((args.root / "static" / "js").rglob("*.js")):
        src = path.read_text(encoding="utf-8")
        where = str(path.relative_to(args.root))
        if args.fix:
            converted, found = convert(src, table, where)
            if converted != src:
                path.write_text(converted, encoding="utf-8")
                print(f"converted {where}")
            problems += found
        else:
            problems += old_form_calls(src, table, where)
    for problem in problems:
        print(problem, file=sys.stderr)
    if table and args.fix and not problems:
        print("All calls converted: the *_STRINGS key tables in annotator/ are no longer needed; delete them.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
