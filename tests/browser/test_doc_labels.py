"""Document labels in a real Chromium: an annotator sets them by keyboard on the annotation page (Done & next
refuses while a required one is missing), a reviewer sees both annotators' values and settles the gold."""

import copy

import pytest

from annotator.models import default_schema
from tests.conftest import browser_login

pytestmark = pytest.mark.browser

FIELDS = [{"name": "stance", "type": "choice", "options": ["support", "oppose", "neutral"], "required": True},
          {"name": "topic", "type": "choice", "options": ["war", "energy"], "multiple": True}]


def saved(page):
    page.wait_for_function("""() => {
        const s = document.getElementById('save-status');
        return s && s.dataset.state === 'saved';
    }""")


def test_an_annotator_sets_document_labels_and_the_reviewer_settles_them(page, make):
    for name, role in (("olena", "annotator"), ("taras", "annotator"), ("rita", "reviewer")):
        make.user(name, role)
    project = make.project("stances", schema=default_schema() | {"document": copy.deepcopy(FIELDS)})
    doc = make.document(project.id, text="Kyiv welcomed the plan. Moscow rejected it.", lang="en")
    make.document(project.id, text="A second text to go on to.", lang="en")

    browser_login(page, "olena")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    page.click("#done-next")  # the stance is required: refused, and the focus goes to it
    page.wait_for_selector(".doc-field.missing[data-field=stance]")
    assert page.evaluate("document.activeElement.id") == "doc-field-stance"
    assert page.url.endswith(f"/documents/{doc.id}")
    page.select_option("#doc-field-stance", "oppose")
    saved(page)
    page.keyboard.press("Tab")  # on to the topics' checkboxes
    page.keyboard.press("Space")
    page.wait_for_function("() => (window.annotator.docLabels.values.topic || []).includes('war')")
    assert page.evaluate("window.annotator.docLabels.values") == {"stance": "oppose", "topic": ["war"]}
    page.reload()
    page.wait_for_selector("html[data-annotate-ready]")
    assert page.input_value("#doc-field-stance") == "oppose"
    assert page.is_checked("input[name=doc-field-topic][value=war]")
    assert not page.errors

    page.context.clear_cookies()
    browser_login(page, "taras")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    assert page.input_value("#doc-field-stance") == ""  # blind: not olena's value
    page.select_option("#doc-field-stance", "support")
    saved(page)

    page.context.clear_cookies()
    browser_login(page, "rita")
    page.goto(f"/documents/{doc.id}/review")
    page.wait_for_selector("#rv-doc-labels:not([hidden]) tr[data-field=stance]")
    row = page.locator("#rv-doc-labels tr[data-field=stance]")
    assert row.locator("td[data-annotator=olena]").inner_text().startswith("oppose")
    assert row.locator("td[data-annotator=taras]").inner_text().startswith("support")
    assert row.locator(".undecided").count() == 1
    row.locator("td[data-annotator=olena] button").click()
    page.wait_for_selector("#rv-doc-labels tr[data-field=stance] .gold-value")
    assert row.locator(".gold-value").inner_text() == "oppose"
    topic = page.locator("#rv-doc-labels tr[data-field=topic]")
    topic.locator("input[value=energy]").check()
    topic.locator("input[value=war]").check()
    topic.get_by_role("button", name="Set the gold topic").click()
    page.wait_for_function("""() => document.querySelector(
        '#rv-doc-labels tr[data-field=topic] .gold-value')?.textContent === 'war, energy'""")
    assert not page.errors


def test_a_decision_does_not_lock_the_own_labels_of_someone_who_may_still_change_them(page, make):
    """A decision marked vera's set while she annotated; now the project's reviewer, she may change it (the
    server's rule), so the page leaves it open; an annotator's decided set stays locked."""
    make.user("olena", "annotator")
    make.user("rita", "reviewer")
    make.user("vera", "reviewer")
    project = make.project("stances", schema=default_schema() | {"document": copy.deepcopy(FIELDS)},
                           members={"olena": "annotator", "rita": "reviewer", "vera": "annotator"})
    doc = make.document(project.id, text="Kyiv welcomed the plan. Moscow rejected it.", lang="en")
    tokens = {n: {"Authorization": f"Bearer {make.token(n)}"} for n in ("olena", "rita", "vera")}
    api = page.context.request
    base = f"/api/v1/documents/{doc.id}/doc-labels"
    for name, stance in (("olena", "support"), ("vera", "oppose")):
        assert api.put(base, data={"values": {"stance": stance}, "version": 0}, headers=tokens[name]).ok
    assert api.post(f"{base}/review", data={"version": 0, "field": "stance", "take": "olena"},
                    headers=tokens["rita"]).ok
    make.member(project.id, "vera", "reviewer")
    for name, locked in (("vera", False), ("olena", True)):
        page.context.clear_cookies()
        browser_login(page, name)
        page.goto(f"/documents/{doc.id}")
        page.wait_for_selector("html[data-annotate-ready]")
        assert page.is_disabled("#doc-field-stance") is locked, name
    page.context.clear_cookies()
    browser_login(page, "vera")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    page.select_option("#doc-field-stance", "neutral")
    saved(page)
    assert not page.errors
