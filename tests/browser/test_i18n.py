"""The language switch in the top bar, in a real browser: server and script strings change, and the choice stays."""

import re

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def test_switching_to_ukrainian_translates_the_page_and_its_scripts_and_survives_a_reload(page, make, browser,
                                                                                          live_server):
    make.user("olena", "annotator")
    project = make.project("Новини")
    doc = make.document(project.id, text="Путін 🙂 заявив. Київ відповів.", title="Заява")
    browser_login(page, "olena")
    page.goto(f"/documents/{doc.id}")
    assert page.get_attribute("html", "lang") == "en"
    page.wait_for_selector(".empty-group")
    assert page.inner_text(".empty-group >> nth=0") == "None yet"  # drawn by annotate-panel.js

    page.click(".lang-switch button[value=uk]")
    page.wait_for_url(re.compile(rf".*/documents/{doc.id}$"))
    assert page.get_attribute("html", "lang") == "uk"
    assert page.inner_text(".lang-switch button[aria-current=true]") == "uk"
    assert page.inner_text(".topbar .mainnav") == "Проєкти"  # server-rendered
    page.wait_for_selector(".empty-group")
    assert page.inner_text(".empty-group >> nth=0") == "Поки немає"  # script-rendered, from the same catalog
    assert page.inner_text("#doc-state") == "Новий"

    page.reload()
    assert page.get_attribute("html", "lang") == "uk"
    page.wait_for_selector(".empty-group")
    assert page.inner_text(".empty-group >> nth=0") == "Поки немає"

    other = browser.new_context(base_url=live_server.url, locale="ru-RU")  # another browser: the user's choice wins
    second = other.new_page()
    browser_login(second, "olena")
    assert second.get_attribute("html", "lang") == "uk"
    other.close()
    assert page.errors == []
