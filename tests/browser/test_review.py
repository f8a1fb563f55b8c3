"""The review page in a real Chromium: blind annotation, merged layers coloured by agreement, accept-agreed,
resolving disagreements by keyboard, editing, gold spans, comments, and restoring from the history."""

import re

import orjson
import pytest

from annotator.extensions import db
from annotator.services import spans as span_service
from annotator.services import users as user_service
from tests.conftest import browser_login
from tests.factories import span_on_word as add_span

pytestmark = pytest.mark.browser

TEXT = ("Зеленський 🙂 заявив, що переговори можливі. Кремль відповів відмовою.\n"
        "ISW вважає, що наступ на Харків триватиме.")


# --- helpers -------------------------------------------------------------------------------------

def label_word(page, word, key, nth=0):
    """On the annotation page: select `word` through the page's own view and press the label's key."""
    page.evaluate("""([word, nth]) => {
        const view = window.annotator.view;
        let i = -1;
        for (let k = 0; k <= nth; k++) i = view.store.text.indexOf(word, i + 1);
        view.select(i, i + word.length);
    }""", [word, nth])
    page.keyboard.press(key)
    page.wait_for_function("""() => {
        const s = document.getElementById('save-status');
        return s && s.dataset.state === 'saved' && !document.querySelector('#doc-text mark.pending');
    }""")


def switch_user(page, username):
    page.context.clear_cookies()
    browser_login(page, username)


def annotate(page, doc_id, username, words):
    switch_user(page, username)
    page.goto(f"/documents/{doc_id}")
    page.wait_for_selector("html[data-annotate-ready]")
    for word, key in words:
        label_word(page, word, key)


def shown_spans(page):
    """(text, label) of every span drawn on the annotation page."""
    return sorted(tuple(x) for x in page.evaluate("""() => [...window.annotator.store.spans.values()]
        .map((s) => [window.annotator.store.spanText(s), s.label])"""))


def open_review(page, doc_id):
    page.goto(f"/documents/{doc_id}/review")
    page.wait_for_selector("html[data-review-ready]")


def key_of(text, word, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return f"{start}:{start + len(word)}:{label}"


def candidate_mark(page, word, label):
    return page.locator(f'#doc-text mark[data-key="{key_of(TEXT, word, label)}"]').first


def wait_idle(page):
    page.evaluate("() => window.review.busy")


def gold(page, project_id):
    response = page.request.get(f"/api/v1/projects/{project_id}/export?layer=gold&include_unreviewed=1")
    assert response.ok
    line = orjson.loads(response.body().splitlines()[0])
    return sorted((s["text"], s["label"]) for s in line["spans"])


def team(make):
    make.user("olena")
    make.user("taras")
    make.user("rita", "reviewer")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    return project, doc


# --- the "done when" ---------------------------------------------------------------------

def test_blind_annotation_then_review_builds_exactly_the_accepted_gold_layer(page, make):
    project, doc = team(make)
    annotate(page, doc.id, "olena", [("Зеленський", "a"), ("Кремль", "a"), ("ISW", "a")])
    assert shown_spans(page) == [("ISW", "ACTOR"), ("Зеленський", "ACTOR"), ("Кремль", "ACTOR")]

    annotate(page, doc.id, "taras", [])
    assert shown_spans(page) == []  # blind: olena's spans are not on taras's page
    for word, key in [("Зеленський", "a"), ("переговори", "c"), ("Кремль", "a"), ("ISW", "c")]:
        label_word(page, word, key)
    assert shown_spans(page) == [("ISW", "CLAIM"), ("Зеленський", "ACTOR"), ("Кремль", "ACTOR"),
                                 ("переговори", "CLAIM")]
    page.reload()
    page.wait_for_selector("html[data-annotate-ready]")
    assert ("ISW", "ACTOR") not in shown_spans(page)

    switch_user(page, "rita")
    open_review(page, doc.id)
    agreed = candidate_mark(page, "Зеленський", "ACTOR")
    alone = candidate_mark(page, "ISW", "ACTOR")
    assert agreed.get_attribute("data-agreement") == "all"
    assert alone.get_attribute("data-agreement") == "one"
    style = "el => getComputedStyle(el).borderBottomStyle"
    assert agreed.evaluate(style) == "solid" and alone.evaluate(style) == "dotted"
    assert page.locator("#rv-annotators input").count() == 2

    page.click("#accept-agreed")
    page.wait_for_selector(".toast-info")
    wait_idle(page)
    assert "st-accepted" in candidate_mark(page, "Кремль", "ACTOR").get_attribute("class")
    assert "st-accepted" in agreed.get_attribute("class")
    assert page.locator("#doc-text mark.st-accepted.head").count() == 2

    page.keyboard.press("j")  # переговори (taras alone)
    page.keyboard.press("j")  # ISW as ACTOR (olena)
    assert page.locator("#doc-text mark.selected").first.get_attribute("data-key") == key_of(TEXT, "ISW", "ACTOR")
    page.keyboard.press("a")
    page.keyboard.press("j")  # ISW as CLAIM (taras)
    page.keyboard.press("r")
    wait_idle(page)
    assert "st-rejected" in candidate_mark(page, "ISW", "CLAIM").get_attribute("class")
    assert "st-accepted" in candidate_mark(page, "ISW", "ACTOR").get_attribute("class")

    assert gold(page, project.id) == [("ISW", "ACTOR"), ("Зеленський", "ACTOR"), ("Кремль", "ACTOR")]
    page.click("#mark-reviewed")
    page.click("#rv-undecided-leave")  # переговори is still undecided: the page asks what to do with it
    page.wait_for_selector("#rv-state[data-state=reviewed]")
    assert page.errors == []


# --- keyboard, edit, gold spans, comments ---------------------------------------------------------

def test_keyboard_moves_between_disagreements_and_edits_then_accepts(page, make, app):
    _, doc = team(make)
    for who in ("olena", "taras"):
        add_span(app, doc.id, who, "Зеленський", "ACTOR")
    add_span(app, doc.id, "olena", "переговори", "CLAIM")
    add_span(app, doc.id, "taras", "Кремль", "ACTOR", {"kind": "state"})
    add_span(app, doc.id, "olena", "Кремль", "ACTOR", {"kind": "person"})
    browser_login(page, "rita")
    open_review(page, doc.id)
    selected = "() => document.querySelector('#doc-text mark.selected')?.dataset.key ?? null"
    page.keyboard.press("j")
    assert page.evaluate(selected) == key_of(TEXT, "переговори", "CLAIM")
    page.keyboard.press("n")
    assert page.evaluate(selected) == key_of(TEXT, "Кремль", "ACTOR")  # attributes differ
    assert page.locator("#rv-candidate .rv-badge.attrs-differ").count() == 1
    page.keyboard.press("j")
    page.wait_for_selector(".toast-info")  # nothing further
    page.keyboard.press("k")
    assert page.evaluate(selected) == key_of(TEXT, "переговори", "CLAIM")
    page.keyboard.press("p")
    assert page.evaluate(selected) == key_of(TEXT, "переговори", "CLAIM")  # none before the first

    page.keyboard.press("j")
    page.keyboard.press("e")
    page.select_option("#rv-attr-kind", "state")
    page.click("#rv-edit-form button[type=submit]")
    wait_idle(page)
    data = page.request.get(f"/api/v1/documents/{doc.id}/review").json()
    by_key = {c["key"]: c for c in data["candidates"]}
    kremlin = by_key[key_of(TEXT, "Кремль", "ACTOR")]
    assert sorted(s["status"] for s in kremlin["spans"]) == ["accepted", "merged"]
    assert [s["attrs"] for s in kremlin["spans"] if s["status"] == "accepted"] == [{"kind": "state"}]

    page.keyboard.press("k")
    page.keyboard.press("e")
    page.select_option("#rv-edit-label", "ACTOR")
    page.click("#rv-edit-form button[type=submit]")
    wait_idle(page)
    assert page.evaluate(selected) == key_of(TEXT, "переговори", "ACTOR")
    assert "st-accepted" in candidate_mark(page, "переговори", "ACTOR").get_attribute("class")
    assert page.errors == []


def test_side_by_side_diff_toggles_and_a_gold_span_from_a_selection(page, make, app):
    project, doc = team(make)
    add_span(app, doc.id, "olena", "ISW", "ACTOR")
    add_span(app, doc.id, "taras", "ISW", "CLAIM")
    add_span(app, doc.id, "taras", "Кремль", "ACTOR")
    browser_login(page, "rita")
    open_review(page, doc.id)
    page.click("#view-diff")
    rows = page.locator(".rv-diff-row")
    assert rows.count() == 2
    isw = rows.filter(has_text="ISW")
    assert isw.locator("td").nth(1).inner_text().strip() == "ACTOR"  # olena's column
    assert isw.locator("td").nth(2).inner_text().strip() == "CLAIM"  # taras's column
    page.locator('#rv-annotators input[data-annotator="taras"]').uncheck()
    assert page.locator(".rv-diff-row").count() == 1
    page.click("#view-text")
    assert page.locator("#doc-text mark").count() == 1  # olena's ISW only
    page.locator('#rv-annotators input[data-annotator="taras"]').check()
    assert page.locator("#doc-text mark[data-key]").count() == 3

    page.evaluate("""() => {
        const view = window.review.view, text = view.store.text, i = text.indexOf('Харків');
        view.select(i + 1, i + 3);
    }""")
    page.wait_for_selector("#label-bar .label-btn:not([disabled])")
    page.keyboard.press("a")
    page.wait_for_selector(".toast-info")
    wait_idle(page)
    assert "st-accepted" in candidate_mark(page, "Харків", "ACTOR").get_attribute("class")
    assert gold(page, project.id) == [("Харків", "ACTOR")]
    assert page.errors == []


def test_comments_on_a_span_and_on_the_document_with_a_reply(page, make, app):
    _, doc = team(make)
    add_span(app, doc.id, "olena", "ISW", "ACTOR")
    browser_login(page, "rita")
    open_review(page, doc.id)
    candidate_mark(page, "ISW", "ACTOR").click()
    page.fill("#rv-candidate .rv-comment-input", "Is <b>ISW</b> an actor here?")
    page.click("#rv-candidate .rv-comment-form button")
    page.wait_for_selector("#rv-candidate .rv-comment")
    assert page.locator("#rv-candidate .rv-comment-body").inner_text() == "Is <b>ISW</b> an actor here?"
    page.click("#rv-candidate .rv-reply-btn")
    page.fill("#rv-candidate .rv-comments .rv-comment-input", "Yes: see the guidelines.")
    page.click("#rv-candidate .rv-comments .rv-comment-form button")
    page.wait_for_selector("#rv-candidate .rv-replies .rv-comment")
    page.fill("#rv-doc-comments .rv-comment-input", "Second pass done.")
    page.click("#rv-doc-comments .rv-comment-form button")
    page.wait_for_selector("#rv-doc-comments .rv-comment")
    comments = page.request.get(f"/api/v1/documents/{doc.id}/comments").json()["comments"]
    assert [(c["body"], c["span"] is not None, c["parent"] is not None) for c in comments] == [
        ("Is <b>ISW</b> an actor here?", True, False), ("Yes: see the guidelines.", True, True),
        ("Second pass done.", False, False)]
    assert page.errors == []


def test_two_reviewers_at_once_the_second_sees_the_conflict_and_the_current_state(page, make, app, browser,
                                                                                   live_server):
    _, doc = team(make)
    make.user("rob", "reviewer")
    add_span(app, doc.id, "olena", "ISW", "ACTOR")
    browser_login(page, "rita")
    open_review(page, doc.id)
    other = browser.new_context(base_url=live_server.url)
    rob = other.new_page()
    browser_login(rob, "rob")
    open_review(rob, doc.id)
    candidate_mark(rob, "ISW", "ACTOR").click()
    rob.keyboard.press("r")
    wait_idle(rob)
    other.close()
    candidate_mark(page, "ISW", "ACTOR").click()
    page.keyboard.press("a")
    page.wait_for_selector(".toast-error")
    wait_idle(page)
    assert "st-rejected" in candidate_mark(page, "ISW", "ACTOR").get_attribute("class")


# --- history ----------------------------------------------------------------------------------------

def test_history_lists_changes_and_restores_a_deleted_span(page, make, app):
    _, doc = team(make)
    span_id = add_span(app, doc.id, "olena", "ISW", "ACTOR")
    with app.app_context():
        span = span_service.get_span(db.session, span_id, user_service.get_user(db.session, "olena"))
        span_service.delete_span(db.session, span, span.document.project, user_service.get_user(db.session, "olena"))
        db.session.commit()
    browser_login(page, "rita")
    page.goto(f"/documents/{doc.id}/history")
    rows = page.locator("#history tbody tr")
    assert rows.count() == 2
    assert re.search(r"olena\s+deleted span", rows.first.inner_text())
    page.click(f'.restore-btn[data-span-id="{span_id}"]')
    page.wait_for_selector(".restored")
    assert page.request.get(f"/api/v1/spans/{span_id}").ok
    page.reload()
    assert page.locator("#history tbody tr").first.get_attribute("data-action") == "restore"
    assert page.locator(".restore-btn").count() == 0
    assert page.errors == []
