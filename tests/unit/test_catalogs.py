"""The uk and ru catalogs are complete and in step with the code; the JS string converter is safe to re-run."""

from tools import catalogs, js_strings

UPDATE = f"Run `{catalogs.UPDATE_COMMAND}`, translate the new entries (docs/translating.md) and commit the .po files."


def test_catalogs_hold_exactly_the_strings_extracted_from_the_code(extracted):
    template = extracted
    assert len(template) > 300
    for locale in catalogs.LOCALES:
        missing, stale = catalogs.differences(template, catalogs.read(locale))
        assert not missing, f"{locale}: not in the catalog: {[m[0] for m in missing]}\n{UPDATE}"
        assert not stale, f"{locale}: no longer in the code: {[m[0] for m in stale]}\n{UPDATE}"


def test_every_message_has_a_ukrainian_and_a_russian_translation_with_the_same_placeholders():
    for locale in catalogs.LOCALES:
        problems = catalogs.problems(catalogs.read(locale))
        assert not problems, f"{locale}:\n" + "\n".join(problems) + f"\n{UPDATE}"


def test_the_checks_see_a_missing_string_an_untranslated_one_and_a_broken_placeholder():
    from babel.messages.catalog import Catalog

    template, catalog = Catalog(), Catalog(locale="uk")
    template.add("Saved")
    template.add("{n} spans")
    catalog.add("{n} spans", "фрагментів: {count}")
    catalog.add("Gone", "")
    catalog.add("Link", "Зв’язати")
    catalog.add("Name", "Імʼя")
    catalog.add("Gold", "Золотий шар")
    assert catalogs.differences(template, catalog) == ([("Saved", None)],
                                                       [("Gold", None), ("Gone", None), ("Link", None), ("Name", None)])
    assert catalogs.problems(catalog) == ["placeholders differ: '{n} spans' -> 'фрагментів: {count}'",
                                          "untranslated: 'Gone'", "apostrophe other than ʼ (U+02BC): 'Зв’язати'",
                                          "'золот…' where the glossary says 'еталон' (docs/translating.md): "
                                          "'Золотий шар'"]


def test_scripts_use_only_extractable_calls():
    problems = []
    for path in sorted((catalogs.ROOT / "static" / "js").rglob("*.js")):
        problems += js_strings.old_form_calls(path.read_text(encoding="utf-8"), {}, path.name)
    assert not problems, "\n".join(problems) + "\nRun `python tools/js_strings.py --fix` (docs/translating.md)."


OLD = '''import { t } from "./i18n.js";
const a = t("saving");
const b = t("group_stats", { n: 1, c: f(2, 3) },
  "{n} links · " + "{c} confirmed");
el.textContent = t('close', {}, 'Close "it"'); // t("not_a_call", {}, "Nope")
const c = t(`group_${action}`, {}, label);
const d = t("Already converted {n}", { n });
'''


def test_the_converter_rewrites_old_calls_keeps_new_ones_and_flags_dynamic_keys():
    table = {"saving": "Saving…", "group_stats": "{n} links · {c} confirmed"}
    fixed, problems = js_strings.convert(OLD, table, "x.js")
    assert 'const a = t("Saving…");' in fixed
    assert 'const b = t("{n} links · {c} confirmed", { n: 1, c: f(2, 3) });' in fixed
    assert """el.textContent = t("Close \\"it\\""); // t("not_a_call", {}, "Nope")""" in fixed
    assert 'const d = t("Already converted {n}", { n });' in fixed
    assert problems == ["x.js:6: t() needs a string literal as its first argument: 't(`group_${action}`, {}, label)'"]
    again, _ = js_strings.convert(fixed, table, "x.js")
    assert again == fixed


def test_wheels_carry_the_catalogs_where_the_app_looks_for_them():
    import tomllib

    from annotator.paths import resource_dir

    config = tomllib.loads((catalogs.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    bundled = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert bundled["translations"] == "annotator/_bundled/translations"  # paths.resource_dir's installed place
    assert (resource_dir("translations") / "uk" / "LC_MESSAGES" / "messages.po").is_file()


def test_todo_lists_what_lacks_a_translation_and_apply_puts_it_back(tmp_path):
    import io

    from babel.messages.catalog import Catalog

    for locale in catalogs.LOCALES:
        catalog = Catalog(locale=locale)
        catalog.add("Saved", "Збережено" if locale == "uk" else "")
        catalog.add("Tab\there", "")
        catalog.add(("%(num)d span", "%(num)d spans"), ("", "", ""))
        catalog.add("Done", "Готово")
        catalogs.write(catalog, locale, tmp_path)
    out = io.StringIO()
    catalogs.todo(tmp_path, out)
    lines = out.getvalue().splitlines()
    assert lines[1:] == ["# edit in the .po files (plural forms or context): ('%(num)d span', '%(num)d spans')",
                         "Saved\tЗбережено\t", "Tab\\there\t\t"]
    (tmp_path / "todo.tsv").write_text("Saved\tЗбережено\tСохранено\nTab\\there\tТаб\\tтут\tТаб\\tздесь\n",
                                       encoding="utf-8")
    assert catalogs.apply(tmp_path / "todo.tsv", tmp_path) == 0
    assert catalogs.read("ru", tmp_path).get("Saved").string == "Сохранено"
    assert catalogs.read("uk", tmp_path).get("Tab\there").string == "Таб\tтут"
    assert [p for p in catalogs.problems(catalogs.read("ru", tmp_path)) if "span" not in p] == []
