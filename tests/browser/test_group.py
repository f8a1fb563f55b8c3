"""The group page in a real Chromium: versions side by side, hover highlights through the alignment,
editing beads by mouse and keyboard, projecting spans across languages, divergences."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from annotator.extensions import db
from annotator.models import Span
from annotator.services import documents as doc_service
from annotator.services import projection
from annotator.services import spans as span_service
from annotator.services import users as user_service
from tests.conftest import browser_login
from tests.factories import span_on_word

pytestmark = pytest.mark.browser

TEXTS = {
    "uk": "Новини 🙂 Харкова\n\nМер Ігор Терехов у понеділок заявив, що 12 шкіл відкриються знову.\n\n"
          "Місто отримало 300 генераторів від партнерів. Терехов подякував волонтерам за допомогу.\n\n"
          "Ремонт триватиме два тижні.",
    "en": "Kharkiv news 🙂 digest\n\nMayor Ihor Terekhov said on Monday that 12 schools will reopen.\n\n"
          "The city received 300 generators from partners. Terekhov thanked the volunteers for their help.\n\n"
          "Repairs will take two weeks.",
    "ru": "Новости 🙂 Харькова\n\nМэр Игорь Терехов в понедельник заявил, что 12 школ снова откроются.\n\n"
          "Город получил 300 генераторов от партнёров. Терехов поблагодарил волонтёров. "
          "Особенно он отметил их помощь.\n\nРемонт продлится две недели.",
}


# --- helpers -------------------------------------------------------------------------------------

def make_story(make, user="olena"):
    make.user(user)
    project = make.project("news")
    docs = {lang: make.document(project.id, text=text, lang=lang, title=f"story {lang}", group="story")
            for lang, text in TEXTS.items()}
    return project, docs


def open_group(page, gid):
    page.goto(f"/groups/{gid}")
    page.wait_for_selector("html[data-group-ready]")


def add_span(app, doc_id, word, label="ACTOR", attrs=None, username="olena"):
    return span_on_word(app, doc_id, username, word, label, attrs)


def link(app, a, b, username="olena"):
    with app.app_context():
        user = user_service.get_user(db.session, username)
        projection.link_spans(db.session, span_service.get_span(db.session, a, user),
                              span_service.get_span(db.session, b, user), user)
        db.session.commit()


def sentence(page, doc_id, i):
    return page.locator(f'.gv-sent[data-doc="{doc_id}"][data-sentence="{i}"]')


def alignment(page, gid):
    return page.evaluate("""async (gid) => (await fetch(`/api/v1/groups/${gid}/alignment`)).json()""", gid)


def beads_of(page, gid, x, y):
    """The beads of the pair (x, y), oriented x -> y, without their status."""
    for pair in alignment(page, gid)["pairs"]:
        if (pair["a"], pair["b"]) == (x, y):
            return [(b[0], b[1], b[2]) for b in pair["beads"]]
        if (pair["a"], pair["b"]) == (y, x):
            return [(b[1], b[0], b[2]) for b in pair["beads"]]
    raise AssertionError(f"no pair {x}-{y}")


def bead_with(beads, side, i):
    return next(b for b in beads if i in b[side])


def wait_saved(page):
    page.wait_for_selector('#gv-status[data-state="saved"]')
    page.evaluate("document.getElementById('gv-status').dataset.state = ''")


# --- tests ---------------------------------------------------------------------------------------

def test_versions_open_side_by_side_with_every_character_of_their_text(page, make):
    project, docs = make_story(make)
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    heads = page.locator(".gv-head .lang").all_text_contents()
    assert heads == ["uk", "en", "ru"]
    for lang, doc in docs.items():
        text = page.locator(f'.gv-version[data-document-id="{doc.id}"]').text_content()
        assert text == TEXTS[lang]
    assert sentence(page, docs["en"].id, 1).text_content().startswith("Mayor Ihor Terekhov")
    # aligned sentences sit on the same grid row, level with each other
    tops = [sentence(page, docs[lang].id, 1).bounding_box()["y"] for lang in ("uk", "en", "ru")]
    assert max(tops) - min(tops) < 2
    assert sentence(page, docs["ru"].id, 1).get_attribute("data-bead") == "auto"
    assert page.errors == []


def test_hovering_a_sentence_highlights_its_counterparts(page, make):
    project, docs = make_story(make)
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    sentence(page, docs["en"].id, 3).hover()
    assert "hl-self" in sentence(page, docs["en"].id, 3).get_attribute("class")
    highlighted = page.eval_on_selector_all(".gv-sent.hl", "els => els.map(e => [e.dataset.doc, e.dataset.sentence])")
    assert [str(docs["uk"].id), "3"] in highlighted
    assert [str(docs["ru"].id), "3"] in highlighted
    assert [str(docs["ru"].id), "4"] in highlighted  # the aligner's 1-2 link
    assert [str(docs["en"].id), "2"] not in highlighted

    sentence(page, docs["uk"].id, 1).hover()
    highlighted = page.eval_on_selector_all(".gv-sent.hl", "els => els.map(e => [e.dataset.doc, e.dataset.sentence])")
    assert sorted(highlighted) == sorted([[str(docs["en"].id), "1"], [str(docs["ru"].id), "1"]])


def test_unlink_relink_merge_split_and_confirm_are_saved(page, make):
    project, docs = make_story(make)
    en, ru = docs["en"].id, docs["ru"].id
    gid = docs["en"].group_id
    browser_login(page, "olena")
    open_group(page, gid)
    assert bead_with(beads_of(page, gid, en, ru), 0, 3)[:2] == ([3], [3, 4])

    # unlink the extra Russian sentence with the mouse: it becomes 0-1, flagged and listed as a divergence
    sentence(page, ru, 4).click()
    page.click('.gv-tools button[data-action="unlink"]')
    wait_saved(page)
    beads = beads_of(page, gid, en, ru)
    assert ([], [4], "confirmed") in beads
    assert bead_with(beads, 0, 3)[:2] == ([3], [3])
    assert sentence(page, ru, 4).get_attribute("data-bead") == "none"
    unaligned = page.locator('.gv-div-group[data-kind="unaligned"] .gv-entry')
    assert unaligned.count() == 1 and "#5" in unaligned.text_content()

    # relink by keyboard: pick the English sentence, move right into Russian, down one, L
    sentence(page, en, 3).click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    assert "cursor" in sentence(page, ru, 4).get_attribute("class")
    page.keyboard.press("l")
    wait_saved(page)
    assert bead_with(beads_of(page, gid, en, ru), 0, 3) == ([3], [3, 4], "confirmed")
    assert page.locator('.gv-div-group[data-kind="unaligned"]').count() == 0

    # merge the bead of en #3 with the next one, then split it into its parts
    sentence(page, en, 3).click()
    page.keyboard.press("m")
    wait_saved(page)
    assert bead_with(beads_of(page, gid, en, ru), 0, 3) == ([3, 4], [3, 4, 5], "confirmed")
    page.keyboard.press("s")
    wait_saved(page)
    beads = beads_of(page, gid, en, ru)
    assert ([3], [3], "confirmed") in beads and ([4], [4], "confirmed") in beads and ([], [5], "confirmed") in beads
    sentence(page, en, 4).click()
    sentence(page, ru, 5).click()
    page.keyboard.press("l")
    wait_saved(page)
    assert bead_with(beads_of(page, gid, en, ru), 0, 4) == ([4], [4, 5], "confirmed")

    # confirm one bead by key, then all of the pair with the button
    beads = beads_of(page, gid, en, ru)
    assert bead_with(beads, 0, 0)[2] == "auto"
    sentence(page, en, 0).click()
    page.keyboard.press("c")
    wait_saved(page)
    assert bead_with(beads_of(page, gid, en, ru), 0, 0)[2] == "confirmed"
    assert sentence(page, en, 0).get_attribute("data-bead") == "confirmed"
    page.click("#gv-confirm-all")
    wait_saved(page)
    assert {b[2] for b in beads_of(page, gid, en, ru)} == {"confirmed"}
    assert page.errors == []


def test_a_stale_alignment_says_to_reload(page, make):
    project, docs = make_story(make)
    gid = docs["en"].group_id
    browser_login(page, "olena")
    open_group(page, gid)
    # someone else confirms a bead of the uk-en pair meanwhile
    page.evaluate("""async ([gid, uk, en]) => {
        const data = await (await fetch(`/api/v1/groups/${gid}/alignment`)).json();
        const pair = data.pairs.find((p) => [p.a, p.b].includes(uk) && [p.a, p.b].includes(en));
        pair.beads[0][2] = "confirmed";
        const token = document.querySelector('meta[name="csrf-token"]').content;
        await fetch(`/api/v1/groups/${gid}/alignment`, {method: "PUT", body: JSON.stringify(pair),
            headers: {"Content-Type": "application/json", "X-CSRFToken": token}});
    }""", [gid, docs["uk"].id, docs["en"].id])
    sentence(page, docs["uk"].id, 1).click()
    page.keyboard.press("c")
    page.wait_for_selector('#gv-status[data-state="error"]')
    assert "reload" in page.locator("#gv-msg").text_content().lower()
    assert page.locator("#gv-msg button", has_text="Reload").is_visible()


def test_projecting_an_actor_from_english_links_it_in_every_version(page, make, app):
    project, docs = make_story(make)
    en, uk, ru = docs["en"].id, docs["uk"].id, docs["ru"].id
    source = add_span(app, en, "Ihor Terekhov")
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    page.click(f'mark[data-span-id="{source}"]')
    assert "Ihor Terekhov" in page.locator("#gv-span").text_content()
    page.click("#gv-project")
    suggestions = page.locator("#gv-span .gv-sugg")
    suggestions.first.wait_for()
    assert suggestions.count() == 2
    assert "Ігор Терехов" in page.locator(f'#gv-span .gv-sugg[data-doc="{uk}"]').text_content()
    page.click(f'#gv-span .gv-sugg[data-doc="{uk}"] button[data-act="accept"]')
    page.wait_for_selector(f'.gv-version[data-document-id="{uk}"] mark[data-label="ACTOR"]')
    page.click(f'#gv-span .gv-sugg[data-doc="{ru}"] button[data-act="accept"]')
    page.wait_for_selector(f'.gv-version[data-document-id="{ru}"] mark[data-label="ACTOR"]')

    # offsets agree with Python's code points (an emoji precedes the names)
    actor = '.gv-version[data-document-id="{}"] mark[data-label="ACTOR"]'
    assert page.locator(actor.format(uk)).text_content() == "Ігор Терехов"
    assert page.locator(actor.format(ru)).text_content() == "Игорь Терехов"
    with app.app_context():
        for doc_id, name in ((uk, "Ігор Терехов"), (ru, "Игорь Терехов")):
            doc = doc_service.get_document(db.session, doc_id)
            (created,) = db.session.scalars(select(Span).where(Span.document_id == doc_id)).all()
            assert doc.text[created.start:created.end] == name
            assert created.label == "ACTOR"

    # linked spans highlight each other across columns
    page.mouse.move(0, 0)
    page.hover(f'mark[data-span-id="{source}"]')
    lit = page.eval_on_selector_all("mark.linked-hl", "els => els.map(e => e.closest('.gv-version').lang)")
    assert sorted(lit) == ["en", "ru", "uk"]
    page.hover(f'.gv-version[data-document-id="{ru}"] mark[data-label="ACTOR"]')
    lit = page.eval_on_selector_all("mark.linked-hl", "els => els.map(e => e.closest('.gv-version').lang)")
    assert sorted(lit) == ["en", "ru", "uk"]
    assert "every version" in page.locator("#gv-span").text_content()
    assert page.locator('.gv-div-group[data-kind="missing"]').count() == 0
    assert page.errors == []


def test_project_all_offers_each_unlinked_span_to_accept_or_reject(page, make, app):
    project, docs = make_story(make)
    en, uk, ru = docs["en"].id, docs["uk"].id, docs["ru"].id
    add_span(app, en, "Ihor Terekhov")
    add_span(app, en, "300 generators", label="CLAIM")
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    page.click(f'.gv-project-all[data-doc="{en}"]')
    items = page.locator("#gv-bulk-box .gv-sugg")
    items.first.wait_for()
    assert items.count() == 4
    page.click(f'#gv-bulk-box .gv-sugg[data-doc="{uk}"]:has-text("Ihor Terekhov") button[data-act="accept"]')
    page.wait_for_selector(f'.gv-version[data-document-id="{uk}"] mark[data-label="ACTOR"]')
    page.click(f'#gv-bulk-box .gv-sugg[data-doc="{ru}"]:has-text("300 generators") button[data-act="reject"]')
    expect(items).to_have_count(2)  # the accepted one leaves when its save answers
    assert page.locator(f'.gv-version[data-document-id="{ru}"] mark').count() == 0
    assert page.errors == []


def test_project_all_accepts_every_suggestion_left_in_one_action(page, make, app):
    project, docs = make_story(make)
    en, uk, ru = docs["en"].id, docs["uk"].id, docs["ru"].id
    add_span(app, en, "Ihor Terekhov")
    add_span(app, en, "300 generators", label="CLAIM")
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    page.click(f'.gv-project-all[data-doc="{en}"]')
    items = page.locator("#gv-bulk-box .gv-sugg")
    items.first.wait_for()
    assert page.locator("#gv-accept-all").text_content() == "Accept all 4"
    page.click(f'#gv-bulk-box .gv-sugg[data-doc="{ru}"]:has-text("300 generators") button[data-act="reject"]')
    assert page.locator("#gv-accept-all").text_content() == "Accept all 3"
    page.click("#gv-accept-all")
    wait_saved(page)
    assert items.count() == 0
    assert page.locator(f'.gv-version[data-document-id="{uk}"] mark').count() == 2
    assert page.locator(f'.gv-version[data-document-id="{ru}"] mark[data-label="ACTOR"]').count() == 1
    assert page.locator(f'.gv-version[data-document-id="{ru}"] mark[data-label="CLAIM"]').count() == 0
    with app.app_context():
        made = db.session.scalars(select(Span).where(Span.document_id.in_([uk, ru]))).all()
        assert len(made) == 3
    assert page.errors == []


def test_two_annotators_spans_of_one_phrase_are_one_suggestion_and_one_span(page, make, app):
    project, docs = make_story(make)
    make.user("rita", "reviewer")
    en, uk, ru = docs["en"].id, docs["uk"].id, docs["ru"].id
    for user in ("olena", "rita"):
        add_span(app, en, "Ihor Terekhov", username=user)
    browser_login(page, "rita")
    open_group(page, docs["en"].group_id)

    page.click(f'.gv-project-all[data-doc="{en}"]')
    items = page.locator("#gv-bulk-box .gv-sugg")
    items.first.wait_for()
    assert items.count() == 2  # one for uk, one for ru: not one per annotator's span
    assert page.locator("#gv-accept-all").text_content() == "Accept all 2"
    page.click(f'#gv-bulk-box .gv-sugg[data-doc="{uk}"] button[data-act="accept"]')
    wait_saved(page)
    expect(items).to_have_count(1)
    assert page.locator(f'.gv-version[data-document-id="{uk}"] mark').count() == 1
    page.click("#gv-accept-all")
    wait_saved(page)
    assert items.count() == 0
    assert page.locator(f'.gv-version[data-document-id="{ru}"] mark').count() == 1
    with app.app_context():
        made = db.session.scalars(select(Span).where(Span.document_id.in_([uk, ru]))).all()
        assert len(made) == 2
    assert page.errors == []


def test_divergences_list_missing_and_differing_counterparts_and_scroll_to_them(page, make, app):
    project, docs = make_story(make)
    en, uk = docs["en"].id, docs["uk"].id
    alone = add_span(app, en, "Repairs will take two weeks", label="CLAIM")
    a = add_span(app, en, "thanked the volunteers", label="POSITION", attrs={"polarity": "support"})
    b = add_span(app, uk, "подякував волонтерам", label="POSITION", attrs={"polarity": "oppose"})
    link(app, a, b)
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    missing = page.locator('.gv-div-group[data-kind="missing"] .gv-entry')
    texts = missing.all_text_contents()
    assert any("Repairs will take two weeks" in t and "not in uk, ru" in t for t in texts)
    assert any("thanked the volunteers" in t and "not in ru" in t for t in texts)
    differ = page.locator('.gv-div-group[data-kind="differ"] .gv-entry')
    assert differ.count() == 1 and "oppose ≠ support" in differ.text_content()

    missing.filter(has_text="Repairs").click()
    mark = page.locator(f'mark[data-span-id="{alone}"]')
    assert "selected" in mark.get_attribute("class")
    assert "Repairs will take two weeks" in page.locator("#gv-span").text_content()


def test_a_reviewer_sees_whose_copy_each_divergence_is(page, make, app):
    project, docs = make_story(make)
    make.user("taras")
    make.user("iryna", role="reviewer")
    en = docs["en"].id
    add_span(app, en, "Repairs will take two weeks", label="CLAIM")
    add_span(app, en, "Repairs will take two weeks", label="CLAIM", username="taras")
    browser_login(page, "iryna")
    open_group(page, docs["en"].group_id)

    missing = page.locator('.gv-div-group[data-kind="missing"] .gv-entry').filter(has_text="Repairs")
    assert sorted(missing.locator(".gv-who").all_text_contents()) == ["olena", "taras"]


def test_an_annotator_alone_is_not_named_in_the_divergences(page, make, app):
    project, docs = make_story(make)
    add_span(app, docs["en"].id, "Repairs will take two weeks", label="CLAIM")
    browser_login(page, "olena")
    open_group(page, docs["en"].group_id)

    page.locator('.gv-div-group[data-kind="missing"] .gv-entry').first.wait_for()
    assert page.locator(".gv-divergences .gv-who").count() == 0


def test_every_alignment_edit_can_be_undone_and_redone(page, make):
    project, docs = make_story(make)
    en, ru = docs["en"].id, docs["ru"].id
    gid = docs["en"].group_id
    browser_login(page, "olena")
    open_group(page, gid)
    original = beads_of(page, gid, en, ru)
    assert page.locator("#gv-undo").is_disabled() and page.locator("#gv-redo").is_disabled()

    sentence(page, ru, 4).click()
    page.keyboard.press("u")
    wait_saved(page)
    unlinked = beads_of(page, gid, en, ru)
    assert ([], [4], "confirmed") in unlinked
    sentence(page, en, 0).click()
    page.keyboard.press("c")
    wait_saved(page)
    confirmed = beads_of(page, gid, en, ru)

    page.keyboard.press("Control+z")
    wait_saved(page)
    assert beads_of(page, gid, en, ru) == unlinked
    page.click("#gv-undo")
    wait_saved(page)
    assert beads_of(page, gid, en, ru) == original  # automatic links come back as automatic
    assert page.locator("#gv-undo").is_disabled()
    assert sentence(page, ru, 4).get_attribute("data-bead") == "auto"

    page.keyboard.press("Control+Shift+z")
    wait_saved(page)
    assert beads_of(page, gid, en, ru) == unlinked
    page.click("#gv-redo")
    wait_saved(page)
    assert beads_of(page, gid, en, ru) == confirmed
    assert page.locator("#gv-redo").is_disabled()

    # a new edit after an undo drops what could have been redone
    page.keyboard.press("Control+z")
    wait_saved(page)
    sentence(page, en, 1).click()
    page.keyboard.press("c")
    wait_saved(page)
    assert page.locator("#gv-redo").is_disabled()
    assert page.errors == []


def test_a_link_that_skips_sentences_is_not_saved_without_asking(page, make):
    project, docs = make_story(make)
    uk, en = docs["uk"].id, docs["en"].id
    gid = docs["en"].group_id
    browser_login(page, "olena")
    open_group(page, gid)
    original = beads_of(page, gid, uk, en)

    # uk #2 is linked to en #2; adding en #4 to it would skip en #3
    sentence(page, uk, 1).click()
    sentence(page, en, 3).click()
    page.keyboard.press("l")
    message = page.locator("#gv-msg")
    message.locator("#gv-cancel").wait_for()
    assert "#2" in message.text_content() and "#4" in message.text_content()
    assert page.locator("#gv-status").get_attribute("data-state") == "warning"
    page.click("#gv-cancel")
    assert message.is_hidden()
    assert beads_of(page, gid, uk, en) == original

    sentence(page, uk, 1).click()
    sentence(page, en, 3).click()
    page.keyboard.press("l")
    page.click("#gv-save-anyway")
    wait_saved(page)
    assert bead_with(beads_of(page, gid, uk, en), 0, 1)[:2] == ([1], [1, 3])

    # confirming every link of the pair keeps that skip (already accepted) without asking again
    page.click("#gv-confirm-all")
    wait_saved(page)
    assert {b[2] for b in beads_of(page, gid, uk, en)} == {"confirmed"}
    assert page.errors == []


def test_a_suggestions_reason_is_said_in_the_pages_language(make, app, browser, live_server):
    """The API sends its reasons in English, for scripts; a Ukrainian page says them in Ukrainian."""
    project, docs = make_story(make)
    source = add_span(app, docs["en"].id, "Ihor Terekhov")
    context = browser.new_context(base_url=live_server.url, locale="uk-UA")
    page = context.new_page()
    try:
        browser_login(page, "olena")
        open_group(page, docs["en"].group_id)
        assert page.get_attribute("html", "lang") == "uk"
        page.click(f'mark[data-span-id="{source}"]')
        page.click("#gv-project")
        reason = page.locator(f'#gv-span .gv-sugg[data-doc="{docs["uk"].id}"] .gv-reason')
        expect(reason).to_have_text("слова в перекладі")
    finally:
        context.close()
