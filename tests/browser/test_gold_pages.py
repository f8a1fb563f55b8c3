"""The gold layer's rules on the pages: a span's own decision decides its look on the review page, marking a
document reviewed asks about undecided candidates, required attributes are shown and hold "Done" back."""

import pytest

from annotator.extensions import db
from annotator.services import review
from annotator.services import spans as span_service
from annotator.services import users as user_service
from tests.conftest import browser_login
from tests.factories import span_on_word as add_span

pytestmark = pytest.mark.browser

TEXT = "Кремль 🙂 відповів відмовою.\nISW вважає, що наступ на Харків триватиме."
CLAIM = "ISW вважає, що наступ на Харків триватиме"


@pytest.fixture
def doc(make):
    make.user("olena")
    make.user("rita", "reviewer")
    project = make.project("news")
    return make.document(project.id, text=TEXT, lang="uk")


def decide(app, span_id, decision):
    with app.app_context():
        span = db.session.get(span_service.Span, span_id)
        review.review_span(db.session, span, user_service.get_user(db.session, "rita"), decision)
        db.session.commit()


def open_review(page, doc_id):
    page.goto(f"/documents/{doc_id}/review")
    page.wait_for_selector("html[data-review-ready]")


STRUCK = """(mark) => {
    const root = document.getElementById('doc-text');
    const text = [...mark.querySelectorAll('*'), mark].map((el) => [...el.childNodes]).flat()
        .find((n) => n.nodeType === Node.TEXT_NODE && n.parentElement.closest('mark') === mark);
    const looks = [];
    for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
        const style = getComputedStyle(el);
        looks.push([style.textDecorationLine, Number(style.opacity)]);
    }
    return { struck: looks.some(([line]) => line.includes('line-through')),
             faded: looks.some(([, opacity]) => opacity < 1) };
}"""


def test_an_accepted_span_nested_in_a_rejected_one_is_drawn_as_accepted(page, app, doc):
    claim = add_span(app, doc.id, "olena", CLAIM, "CLAIM")
    actor = add_span(app, doc.id, "olena", "Харків", "ACTOR")
    decide(app, claim, "reject")
    decide(app, actor, "accept")
    browser_login(page, "rita")
    open_review(page, doc.id)
    inner = page.locator(f'#doc-text mark[data-span-id="{actor}"]').first
    outer = page.locator(f'#doc-text mark[data-span-id="{claim}"]').first
    assert "st-accepted" in inner.get_attribute("class") and "st-rejected" in outer.get_attribute("class")
    assert inner.evaluate(STRUCK) == {"struck": False, "faded": False}
    assert outer.evaluate(STRUCK) == {"struck": True, "faded": True}  # its own text still says rejected
    assert page.errors == []


def test_an_annotator_editing_or_deleting_a_decided_span_is_told_a_reviewer_decided_it(page, app, doc):
    sid = add_span(app, doc.id, "olena", "Кремль", "ACTOR")
    decide(app, sid, "accept")
    browser_login(page, "olena")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    page.click(f"#doc-text mark[data-span-id='{sid}']")
    page.click(".span-pop .pop-labels .label-btn[data-label=CLAIM]")
    toast = page.locator(".toast-error").last
    toast.wait_for()
    assert "only a reviewer can change it" in toast.inner_text()
    page.wait_for_selector(f"#doc-text mark[data-span-id='{sid}'][data-label=ACTOR]")
    page.keyboard.press("Escape")
    page.click(f"#doc-text mark[data-span-id='{sid}']")
    page.click(".span-pop .pop-delete")
    page.wait_for_function("() => document.querySelectorAll('.toast-error').length > 1")
    assert "only a reviewer can change it" in page.locator(".toast-error").last.inner_text()
    page.wait_for_selector(f"#doc-text mark[data-span-id='{sid}'][data-label=ACTOR]")
    span = page.request.get(f"/api/v1/spans/{sid}").json()
    assert (span["label"], span["status"]) == ("ACTOR", "accepted")
    assert page.locator("#undo-btn").is_disabled()  # refused edits leave nothing to undo
    assert page.errors == []


def test_marking_reviewed_with_undecided_candidates_asks_in_the_page(page, app, doc):
    accepted = add_span(app, doc.id, "olena", "Кремль", "ACTOR")
    undecided = add_span(app, doc.id, "olena", "ISW", "ACTOR")
    decide(app, accepted, "accept")
    browser_login(page, "rita")
    open_review(page, doc.id)
    page.click("#mark-reviewed")
    ask = page.locator("#rv-undecided")
    assert "1 span candidate(s) and 0 relation(s)" in ask.inner_text()
    page.click("#rv-undecided-cancel")
    assert ask.count() == 0 and page.locator("#rv-state").get_attribute("data-state") == "in_review"
    page.click("#mark-reviewed")
    page.click("#rv-undecided-reject")
    page.wait_for_selector("#rv-state[data-state=reviewed]")
    page.wait_for_selector(f'#doc-text mark[data-span-id="{undecided}"].st-rejected')
    assert page.locator("#rv-relation-rule").is_visible()
    assert page.errors == []


def test_a_span_without_its_required_attribute_is_marked_and_holds_done_back(page, app, doc):
    position = add_span(app, doc.id, "olena", "відповів відмовою", "POSITION")
    add_span(app, doc.id, "olena", "Кремль", "ACTOR")
    browser_login(page, "olena")
    page.goto(f"/documents/{doc.id}")
    page.wait_for_selector("html[data-annotate-ready]")
    mark = page.locator(f'#doc-text mark[data-span-id="{position}"]').first
    assert "needs-attrs" in mark.get_attribute("class")
    assert page.locator("#doc-text mark.needs-attrs").count() == page.locator(
        f'#doc-text mark[data-span-id="{position}"]').count()
    assert "polarity" in page.locator(f'.span-item[data-span-id="{position}"] .needs-attrs-tag').inner_text()
    page.click("#done-next")
    toast = page.locator(".toast-error").first
    toast.wait_for()
    assert "need a required attribute" in toast.inner_text() and "відповів відмовою" in toast.inner_text()
    assert page.url.endswith(f"/documents/{doc.id}")
    assert page.request.get(f"/api/v1/documents/{doc.id}").json()["state"] != "done"

    browser_login(page, "rita")
    open_review(page, doc.id)
    review_mark = page.locator(f'#doc-text mark[data-span-id="{position}"]').first
    assert "needs-attrs" in review_mark.get_attribute("class")
    review_mark.click()
    assert "polarity" in page.locator("#rv-candidate .rv-badge.needs-attrs").inner_text()
    assert page.errors == []


def test_the_export_page_says_what_the_chosen_format_cannot_hold(page, app, doc):
    actor = add_span(app, doc.id, "olena", "ISW", "ACTOR")
    claim = add_span(app, doc.id, "olena", CLAIM, "CLAIM")
    with app.app_context():
        from annotator.services import relations

        document = db.session.get(span_service.Document, doc.id)
        relations.create_relation(db.session, document, document.project,
                                  user_service.get_user(db.session, "olena"), claim, actor, "SAID_BY")
        db.session.commit()
    browser_login(page, "rita")
    page.goto(f"/projects/{doc.project_id}/export")
    page.select_option("#layer", "all")
    page.select_option("#format", "doccano")
    page.wait_for_function("() => (document.getElementById('export-losses').dataset.losses || '')"
                           ".includes('relations')")
    assert "1 relations" in page.locator("#export-losses").inner_text()
    page.select_option("#format", "jsonl")
    page.wait_for_function("() => document.getElementById('export-losses').dataset.losses === '{}'")
    assert page.errors == []
