"""The language switch in the top bar, in a real browser: server and script strings change, and the choice stays."""

import re

import pytest

from tests.conftest import browser_login, english_catalogue, english_in
from tests.factories import span_on_word

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


def test_pages_drawn_by_scripts_show_no_english_in_ukrainian(page, make, app):
    """The same check as tests/web/test_i18n.py, on the DOM after the scripts have drawn the pages."""
    make.user("rita", "reviewer")
    make.user("olena", "annotator")
    project = make.project("Новини")
    doc = make.document(project.id, text="Путін 🙂 заявив, що Київ відповів.", title="Заява", group="g")
    make.document(project.id, text="Putin said that Kyiv answered.", lang="en", title="The statement", group="g")
    span_id = span_on_word(app, doc.id, "olena", "Путін", "ACTOR")
    span_on_word(app, doc.id, "rita", "Київ", "ACTOR")
    with app.app_context():
        from annotator.extensions import db
        from annotator.models import Document, Project, User
        from annotator.services import comments

        schema = db.session.get(Project, project.id).label_schema
        document = db.session.get(Document, doc.id)
        gid = document.group_id
        rita = db.session.query(User).filter_by(username="rita").one()
        comments.add(db.session, document, rita, "Перевірте це.", None, None, None)
        db.session.commit()
    user_data = {"The statement"} | {label.get("description", "") for label in schema["labels"]} - {""}
    user_data |= {o for label in schema["labels"] for a in label.get("attributes", []) for o in a.get("options", [])}
    known = english_catalogue("uk")
    browser_login(page, "rita")
    page.click(".lang-switch button[value=uk]")
    page.wait_for_selector("html[lang=uk]")
    problems = {}
    for url in (f"/documents/{doc.id}", f"/groups/{gid}", f"/documents/{doc.id}/review",
                f"/projects/{project.id}/agreement", f"/documents/{doc.id}/history",
                f"/projects/{project.id}/search?q=Київ"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if url == f"/documents/{doc.id}":
            page.click(f"mark[data-span-id='{span_id}']")  # the span's popover
            page.wait_for_selector(".span-pop")
        if "/search" in url:  # the list, drawn by the script, with its "already marked" note
            page.wait_for_selector(".kwic-row.covered")
        if url.endswith("/review"):  # a comment's date, formatted by the script in the page's language
            assert re.search("[а-яії]", page.inner_text("#rv-doc-comments time")), page.inner_text("#rv-doc-comments")
        problems[url] = english_in(page.content(), "uk", known, user_data)
    problems = {url: found for url, found in problems.items() if found}
    assert not problems, "English interface text:\n" + "\n".join(f"{p}: {f}" for p, f in problems.items())
    assert page.errors == []
