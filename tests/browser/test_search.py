"""The project search page in a real Chromium: find a phrase, untick one row, mark the rest as ACTOR with an
actor by keyboard, and see the spans on the annotation page at the offsets Python gives."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login

pytestmark = pytest.mark.browser

FIRST = "🙂 Заява. Володимир Зеленський виступив. Потім Володимира Зеленського вислухали."
SECOND = "Учора 🙂🙂 Володимир\nЗеленський відповів."


def test_a_phrase_is_found_one_row_unticked_and_the_rest_marked_as_actor_with_an_actor(page, make, client):
    make.user("olena")
    project = make.project("news")
    first = make.document(project.id, text=FIRST, lang="uk", title="Перша")
    second = make.document(project.id, text=SECOND, lang="uk", title="Друга")
    make.document(project.id, text="Nothing to see.", lang="en", title="Third")
    token = make.token("olena")
    client.post(f"/api/v1/projects/{project.id}/actors", json={"name": "Volodymyr Zelensky"},
                headers={"Authorization": f"Bearer {token}"})
    browser_login(page, "olena")
    page.goto(f"/projects/{project.id}")
    page.click("a[href$='/search']")
    page.wait_for_selector("html[data-search-ready]")  # typed before the script runs, the query is searched twice
    page.fill("#search-q", "Володимир Зеленський")
    page.press("#search-q", "Enter")
    rows = page.locator(".kwic-row")
    expect(rows).to_have_count(3)
    expect(page.locator(".search-doc")).to_have_count(2)
    assert page.locator(".kwic-hit").all_inner_texts() == [
        "Володимир Зеленський", "Володимира Зеленського", "Володимир Зеленський"]
    assert re.search(r"\bq=", page.url)
    expect(page.locator(".kwic-tick:checked")).to_have_count(3)

    page.locator(".kwic-tick").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # unticks the second row: "Володимира Зеленського"
    expect(page.locator(".kwic-tick:checked")).to_have_count(2)
    expect(page.locator("#mark-count")).to_have_text("(2)")

    page.select_option("#mark-label", "ACTOR")
    page.fill("#mark-actor", "Volodymyr")
    expect(page.locator("#mark-actor-results .actor-option")).to_have_count(1)
    page.press("#mark-actor", "ArrowDown")
    page.press("#mark-actor", "Enter")
    expect(page.locator("#mark-actor-chosen")).to_contain_text("Volodymyr Zelensky")
    page.locator(".kwic-tick").first.focus()
    page.keyboard.press("m")
    expect(page.locator("#mark-status")).to_have_attribute("data-state", "saved")
    expect(page.locator(".kwic-row.covered")).to_have_count(2)
    expect(page.locator(".kwic-tick:checked")).to_have_count(0)

    page.goto(f"/documents/{first.id}")
    page.wait_for_selector("html[data-annotate-done]")
    expect(page.locator("#doc-text mark[data-label=ACTOR]")).to_have_count(1)
    assert page.locator("#doc-text mark[data-label=ACTOR]").inner_text() == "Володимир Зеленський"
    for doc, text in ((first, FIRST), (second, SECOND)):
        spans = page.request.get(f"/api/v1/documents/{doc.id}").json()["spans"]
        start = text.index("Володимир")
        assert [(s["start"], s["end"], s["label"], s["actor"]["name"]) for s in spans] == [
            (start, start + len("Володимир Зеленський"), "ACTOR", "Volodymyr Zelensky")]
    page.click("a.search-link")
    expect(page).to_have_url(re.compile(rf"/projects/{project.id}/search$"))
    assert page.errors == []


def test_a_result_opens_its_document_at_that_place_ready_for_a_label_key(page, make):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=SECOND + "\nПотім 🙂 Зеленський пішов.", lang="uk", title="Друга")
    browser_login(page, "olena")
    page.goto(f"/projects/{project.id}/search?q=Зеленський")
    rows = page.locator(".kwic-row")
    expect(rows).to_have_count(2)
    link = rows.nth(1).locator("a.kwic-go")
    text = SECOND + "\nПотім 🙂 Зеленський пішов."
    start = text.rindex("Зеленський")  # code points: the emoji before it counts once
    assert link.get_attribute("href") == f"/documents/{doc.id}?at={start}-{start + len('Зеленський')}"
    link.click()
    page.wait_for_url(re.compile(rf"/documents/{doc.id}\?at="))
    page.wait_for_selector("html[data-annotate-ready]")
    page.wait_for_function("() => String(window.getSelection()) === 'Зеленський'")
    page.keyboard.press("a")
    expect(page.locator("#doc-text mark[data-label=ACTOR]")).to_have_count(1)
    for _ in range(200):  # the save follows the drawn mark in the background
        spans = page.request.get(f"/api/v1/documents/{doc.id}").json()["spans"]
        if spans:
            break
        page.wait_for_timeout(25)
    assert [(s["start"], s["end"], s["label"]) for s in spans] == [(start, start + len("Зеленський"), "ACTOR")]
    page.goto(f"/documents/{doc.id}?at=999999-1000000")  # an address beyond the text opens the page as usual
    page.wait_for_selector("html[data-annotate-ready]")
    assert page.errors == []


def test_s_on_the_annotation_page_searches_the_project_for_the_selection(page, make):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=FIRST, lang="uk", title="Перша")
    make.document(project.id, text=SECOND, lang="uk", title="Друга")
    browser_login(page, "olena")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    page.locator("#key-help").evaluate("d => d.showModal()")
    assert "search the whole project" in page.locator("#key-help").inner_text()
    page.keyboard.press("Escape")
    start = FIRST.index("Володимир")
    page.evaluate(f"() => window.annotator.jumpTo({start + 1}, {start + 1 + len('Володимир Зеленський')})")
    page.keyboard.press("s")
    page.wait_for_url(re.compile(rf"/projects/{project.id}/search\?q="))
    expect(page.locator("#search-q")).to_have_value("Володимир Зеленський")
    expect(page.locator(".kwic-row")).to_have_count(3)
    assert page.errors == []


def test_marking_from_the_search_page_asks_for_the_labels_required_attribute(page, make):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=FIRST, lang="uk", title="Перша")
    browser_login(page, "olena")
    page.goto(f"/projects/{project.id}/search?q=Зеленський")
    expect(page.locator(".kwic-row")).to_have_count(2)
    expect(page.locator(".mark-attrs:visible")).to_have_count(1)  # ACTOR's kind
    page.select_option("#mark-label", "POSITION")
    fields = page.locator(".mark-attrs[data-label=POSITION]")
    expect(fields).to_be_visible()
    page.click("#mark-btn")
    expect(page.locator("#mark-status")).to_have_attribute("data-state", "error")
    assert "polarity" in page.locator("#mark-status").inner_text()
    expect(fields.locator("select[data-attr=polarity]")).to_be_focused()
    assert page.request.get(f"/api/v1/documents/{doc.id}").json()["spans"] == []
    fields.locator("select[data-attr=polarity]").select_option("oppose")
    page.click("#mark-btn")
    expect(page.locator("#mark-status")).to_have_attribute("data-state", "saved")
    spans = page.request.get(f"/api/v1/documents/{doc.id}").json()["spans"]
    assert sorted((s["label"], s["attrs"].get("polarity")) for s in spans) == [("POSITION", "oppose")] * 2
    assert page.errors == []
