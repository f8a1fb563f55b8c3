"""The annotation page in a real Chromium: spans by mouse and keyboard, overlaps, attributes, relations,
actors, undo/redo, and offsets that agree with Python's code points."""

import re

import pytest
from playwright.sync_api import expect

from annotator.extensions import db
from annotator.services import actors as actor_service
from tests.conftest import browser_login
from tests.factories import span_on_word as add_span

pytestmark = pytest.mark.browser

TEXT = ("Зеленський 🙂 заявив, що Путінʼs army won\u2019t win.\n"
        "Володимир Зеленський підтримав пла\u0301н, а Кремль виступив проти.\n"
        "Dmytro Kuleba said the talks would resume.")


# --- helpers -------------------------------------------------------------------------------------

def open_document(page, make, text=TEXT, user="olena"):
    make.user(user)
    project = make.project("news")
    doc = make.document(project.id, text=text, lang="uk")
    browser_login(page, user)
    goto(page, doc.id)
    return project, doc


def goto(page, doc_id):
    page.goto(f"/documents/{doc_id}")
    page.wait_for_selector("html[data-annotate-done]")


def word_box(page, word, nth=0, edge="both"):
    """Client rectangle of `word` in the rendered text (UTF-16 search in the DOM's own text)."""
    return page.evaluate("""([word, nth]) => {
        const view = window.annotator.view;
        const text = view.store.text;
        let i = -1;
        for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
        if (i < 0) throw new Error(`no "${word}" in the text`);
        const rects = view.rangeOf(i, i + word.length).getClientRects();
        const first = rects[0], last = rects[rects.length - 1];
        return {x0: first.left, y0: first.top + first.height / 2, x1: last.right, y1: last.top + last.height / 2};
    }""", [word, nth])


def drag_over(page, word, nth=0):
    box = word_box(page, word, nth)
    page.mouse.move(box["x0"] + 1, box["y0"])
    page.mouse.down()
    page.mouse.move((box["x0"] + box["x1"]) / 2, box["y1"], steps=4)
    page.mouse.move(box["x1"] - 1, box["y1"], steps=4)
    page.mouse.up()


def api_doc(page, doc_id):
    response = page.request.get(f"/api/v1/documents/{doc_id}")
    assert response.ok
    return response.json()


def wait_saved(page):
    page.wait_for_function("""() => {
        const s = document.getElementById('save-status');
        return s && s.dataset.state !== 'saving' && !document.querySelector('#doc-text mark.pending');
    }""")


def marks(page, label=None):
    selector = f"#doc-text mark[data-label={label}]" if label else "#doc-text mark"
    return page.locator(selector)


def click_word(page, word, nth=0, **kwargs):
    box = word_box(page, word, nth)
    page.mouse.click((box["x0"] + box["x1"]) / 2 if box["y0"] == box["y1"] else box["x0"] + 4, box["y0"], **kwargs)


# --- rendering -----------------------------------------------------------------------------------

def test_page_renders_the_text_exactly_with_saved_spans(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    add_span(app, doc.id, "olena", "Зеленський", "ACTOR")
    add_span(app, doc.id, "olena", "Путінʼs army won\u2019t win", "CLAIM")
    browser_login(page, "olena")
    goto(page, doc.id)
    assert page.eval_on_selector("#doc-text", "el => el.textContent") == TEXT
    assert marks(page, "ACTOR").first.inner_text() == "Зеленський"
    assert marks(page, "CLAIM").first.inner_text() == "Путінʼs army won\u2019t win"
    assert page.locator("#span-count").inner_text() == "2"
    assert page.errors == []


def test_offsets_module_converts_between_utf16_and_code_points(page, make):
    open_document(page, make)
    result = page.evaluate("""async () => {
        const m = await import('/static/js/offsets.js');
        const text = 'a🙂b e\\u0301 Путінʼs it\\u2019s 😀!';
        const map = new m.OffsetMap(text);
        const out = [];
        for (let cp = 0; cp <= map.length; cp++) {
            const u = map.toUtf16(cp);
            out.push([cp, u, map.toCodePoint(u), m.toUtf16(text, cp), m.toCodePoint(text, u)]);
        }
        let inside = null;
        try { map.toCodePoint(2); } catch (e) { inside = e.name; }
        return {out, length: map.length, inside};
    }""")
    text = "a🙂b e\u0301 Путінʼs it\u2019s 😀!"
    assert result["length"] == len(text)
    for cp, u16, back, u16_plain, back_plain in result["out"]:
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2 == u16_plain
        assert back == cp == back_plain
    assert result["inside"] == "RangeError"


# --- creating spans ------------------------------------------------------------------------------

def test_dragging_over_a_word_after_an_emoji_and_pressing_c_saves_code_point_offsets(page, make):
    _, doc = open_document(page, make)
    drag_over(page, "заявив")
    page.keyboard.press("c")
    assert marks(page, "CLAIM").count() == 1  # drawn at once, before the save
    wait_saved(page)
    spans = api_doc(page, doc.id)["spans"]
    start = TEXT.index("заявив")
    assert [(s["start"], s["end"], s["label"], s["text"]) for s in spans] == [(start, start + 6, "CLAIM", "заявив")]
    assert marks(page, "CLAIM").first.get_attribute("data-span-id") == str(spans[0]["id"])
    assert page.errors == []


def test_a_partial_drag_snaps_to_whole_words_and_the_toggle_turns_snapping_off(page, make):
    _, doc = open_document(page, make)
    drag_over(page, "тримав пл")  # inside "підтримав" ... "пла́н" (a combining accent stays in the word)
    page.keyboard.press("p")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"][0]["text"] == "підтримав пла\u0301н"
    page.uncheck("#snap-words")
    drag_over(page, "Kuleb")
    page.keyboard.press("a")
    wait_saved(page)
    texts = sorted(s["text"] for s in api_doc(page, doc.id)["spans"])
    assert texts == ["Kuleb", "підтримав пла\u0301н"]


def test_clicking_a_label_button_labels_the_selection(page, make):
    _, doc = open_document(page, make)
    drag_over(page, "Кремль")
    page.click(".label-bar .label-btn[data-label=ACTOR]")
    wait_saved(page)
    assert [(s["label"], s["text"]) for s in api_doc(page, doc.id)["spans"]] == [("ACTOR", "Кремль")]


def test_keyboard_selection_by_word_and_each_hotkey(page, make):
    _, doc = open_document(page, make)
    page.focus("#doc-text")
    page.keyboard.press("Shift+ArrowRight")  # "Зеленський"
    page.keyboard.press("a")
    page.keyboard.press("ArrowRight")  # past "заявив"
    page.keyboard.press("ArrowLeft")   # back to its start
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("c")
    for _ in range(2):
        page.keyboard.press("ArrowRight")  # "що", "Путінʼs"
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("p")  # "army won’t"
    wait_saved(page)
    got = sorted((s["label"], s["text"], s["start"]) for s in api_doc(page, doc.id)["spans"])
    assert got == [("ACTOR", "Зеленський", 0), ("CLAIM", "заявив", TEXT.index("заявив")),
                   ("POSITION", "army won\u2019t", TEXT.index("army"))]
    assert page.errors == []


def test_a_failed_save_removes_the_highlight_and_says_so(page, make):
    _, doc = open_document(page, make)
    page.route(re.compile(r".*/api/v1/documents/\d+/spans$"),
               lambda route: route.fulfill(status=400, content_type="application/json",
                                           body='{"error": {"code": "invalid", "message": "nope"}}'))
    drag_over(page, "Кремль")
    page.keyboard.press("a")
    page.wait_for_selector(".toast-error")
    assert "nope" in page.locator(".toast-error").inner_text()
    assert marks(page).count() == 0
    assert page.locator("#save-status").get_attribute("data-state") == "error"
    assert api_doc(page, doc.id)["spans"] == []


# --- overlaps, editing, deleting -----------------------------------------------------------------

def test_overlapping_spans_are_both_visible_and_each_can_be_opened(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    outer = add_span(app, doc.id, "olena", "Володимир Зеленський підтримав", "CLAIM")
    inner = add_span(app, doc.id, "olena", "Зеленський", "ACTOR", nth=1)
    browser_login(page, "olena")
    goto(page, doc.id)
    for sid in (outer, inner):
        box = page.locator(f"mark[data-span-id='{sid}']").first.bounding_box()
        assert box and box["width"] > 10
    lanes = page.evaluate(f"""() => [window.annotator.store.span({outer}).lane,
                                    window.annotator.store.span({inner}).lane]""")
    assert lanes[0] != lanes[1]
    click_word(page, "Володимир")  # only the outer span here
    page.wait_for_selector(f".span-pop[data-span-id='{outer}']")
    page.keyboard.press("Escape")
    click_word(page, "Зеленський", nth=1)  # both spans here: a chooser
    page.wait_for_selector(".menu .menu-item")
    assert page.locator(".menu .menu-item").count() == 2
    page.click(f".menu .menu-item[data-span-id='{inner}']")
    page.wait_for_selector(f".span-pop[data-span-id='{inner}']")
    assert page.errors == []


def test_editing_a_position_polarity_and_changing_a_label(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    sid = add_span(app, doc.id, "olena", "підтримав пла\u0301н", "POSITION")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{sid}']")
    page.select_option(".span-pop select[name=polarity]", "oppose")
    wait_saved(page)
    page.fill(".span-pop input[name=note]", "хибна теза")
    page.press(".span-pop input[name=note]", "Enter")
    wait_saved(page)
    span = api_doc(page, doc.id)["spans"][0]
    assert span["attrs"] == {"polarity": "oppose", "note": "хибна теза"}
    page.click(".span-pop .pop-labels .label-btn[data-label=CLAIM]")
    wait_saved(page)
    assert marks(page, "CLAIM").count() == 1
    assert api_doc(page, doc.id)["spans"][0]["label"] == "CLAIM"


def test_delete_from_the_popover_and_with_the_delete_key(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    first = add_span(app, doc.id, "olena", "Кремль", "ACTOR")
    second = add_span(app, doc.id, "olena", "Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{first}']")
    page.click(".span-pop .pop-delete")
    page.click(f"mark[data-span-id='{second}']")
    page.keyboard.press("Delete")
    expect(marks(page)).to_have_count(0)  # waits: the key's handler and the save run after the press returns
    expect(page.locator("#span-count")).to_have_text("0")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"] == []


# --- relations -----------------------------------------------------------------------------------

def test_a_relation_in_two_actions_listed_highlighted_and_deleted(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    claim = add_span(app, doc.id, "olena", "the talks would resume", "CLAIM")
    actor = add_span(app, doc.id, "olena", "Dmytro Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{claim}']")
    page.click(f"mark[data-span-id='{actor}']", modifiers=["Shift"])  # one allowed type: created at once
    page.wait_for_selector("#relation-list .relation")
    rels = api_doc(page, doc.id)["relations"]
    assert [(r["type"], r["head"], r["tail"]) for r in rels] == [("SAID_BY", claim, actor)]
    page.hover("#relation-list .relation")
    assert page.locator(f"mark[data-span-id='{claim}'].rel-head").count() == 1
    assert page.locator(f"mark[data-span-id='{actor}'].rel-tail").count() == 1
    page.click("#relation-list .rel-delete")
    wait_saved(page)
    assert api_doc(page, doc.id)["relations"] == []


def test_a_relation_with_two_allowed_types_offers_a_menu_and_works_from_the_keyboard(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    position = add_span(app, doc.id, "olena", "підтримав пла\u0301н", "POSITION")
    actor = add_span(app, doc.id, "olena", "Володимир Зеленський", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{position}']")
    page.keyboard.press("r")  # pick the tail with the keyboard: the nearest candidate first
    assert page.locator(f"mark[data-span-id='{actor}'].pick").count() >= 1
    page.keyboard.press("Enter")
    page.wait_for_selector(".menu .menu-item")  # HELD_BY or ABOUT
    page.click(".menu .menu-item:has-text('HELD_BY')")
    page.wait_for_selector("#relation-list .relation")
    rels = api_doc(page, doc.id)["relations"]
    assert [(r["type"], r["head"], r["tail"]) for r in rels] == [("HELD_BY", position, actor)]


# --- undo / redo ---------------------------------------------------------------------------------

def test_undo_and_redo_of_create_label_change_and_delete(page, make):
    _, doc = open_document(page, make)
    drag_over(page, "Кремль")
    page.keyboard.press("a")
    wait_saved(page)
    sid = api_doc(page, doc.id)["spans"][0]["id"]
    page.keyboard.press("Control+z")
    wait_saved(page)
    assert marks(page).count() == 0 and api_doc(page, doc.id)["spans"] == []
    page.keyboard.press("Control+Shift+z")
    wait_saved(page)
    assert [s["id"] for s in api_doc(page, doc.id)["spans"]] == [sid]
    assert marks(page, "ACTOR").count() == 1
    page.click(f"mark[data-span-id='{sid}']")
    page.click(".span-pop .pop-labels .label-btn[data-label=CLAIM]")
    wait_saved(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Control+z")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"][0]["label"] == "ACTOR"
    page.click(f"mark[data-span-id='{sid}']")
    page.keyboard.press("Delete")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"] == []
    page.keyboard.press("Control+z")
    wait_saved(page)
    assert [(s["id"], s["label"]) for s in api_doc(page, doc.id)["spans"]] == [(sid, "ACTOR")]
    page.click("#redo-btn")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"] == []
    assert page.errors == []


def test_undoing_a_span_delete_brings_back_its_relation(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    claim = add_span(app, doc.id, "olena", "the talks would resume", "CLAIM")
    actor = add_span(app, doc.id, "olena", "Dmytro Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{claim}']")
    page.click(f"mark[data-span-id='{actor}']", modifiers=["Shift"])
    page.wait_for_selector("#relation-list .relation")
    page.click(f"mark[data-span-id='{actor}']")
    page.click(".span-pop .pop-delete")
    wait_saved(page)
    assert api_doc(page, doc.id)["relations"] == []
    page.keyboard.press("Control+z")
    wait_saved(page)
    page.wait_for_selector("#relation-list .relation")
    assert len(api_doc(page, doc.id)["relations"]) == 1
    page.keyboard.press("Control+z")  # the relation itself
    wait_saved(page)
    assert api_doc(page, doc.id)["relations"] == []


# --- actors --------------------------------------------------------------------------------------

def test_linking_an_actor_by_autocomplete_in_another_script_and_creating_one(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    with app.app_context():
        proj = doc.project_id
        from annotator.services import projects as project_service

        actor_service.create_actor(db.session, project_service.get_project(db.session, proj), None,
                                   "Volodymyr Zelensky", "person", {"uk": ["Зеленський"]})  # not the span's text
        db.session.commit()
    first = add_span(app, doc.id, "olena", "Володимир Зеленський", "ACTOR")
    second = add_span(app, doc.id, "olena", "Dmytro Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    page.click(f"mark[data-span-id='{first}']")
    page.fill(".span-pop .actor-q", "Зеленськ")
    page.click(".span-pop .actor-option:has-text('Volodymyr Zelensky')")
    page.wait_for_selector(".span-pop .actor-linked")
    wait_saved(page)
    page.keyboard.press("Escape")
    page.click(f"mark[data-span-id='{second}']")
    page.click(".span-pop .actor-new")
    page.wait_for_selector(".span-pop .actor-linked")
    wait_saved(page)
    by_id = {s["id"]: s for s in api_doc(page, doc.id)["spans"]}
    assert by_id[first]["actor"]["name"] == "Volodymyr Zelensky"
    assert by_id[second]["actor"]["name"] == "Dmytro Kuleba"
    assert page.errors == []


# --- layers and progress -------------------------------------------------------------------------

def test_another_annotators_spans_are_not_shown(page, make, app):
    make.user("taras")
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    add_span(app, doc.id, "taras", "Кремль", "ACTOR")
    mine = add_span(app, doc.id, "olena", "Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    assert [m.get_attribute("data-span-id") for m in marks(page).all()] == [str(mine)]
    assert "Кремль" not in page.locator("#span-groups").inner_text()


def test_done_and_next_marks_the_document_done_and_opens_the_next(page, make):
    make.user("olena")
    project = make.project("news")
    first = make.document(project.id, text=TEXT, lang="uk", title="one")
    second = make.document(project.id, text="Another text.", lang="en", title="two")
    browser_login(page, "olena")
    goto(page, first.id)
    page.click("#done-next")
    page.wait_for_url(re.compile(rf".*/documents/{second.id}$"))
    assert api_doc(page, first.id)["state"] == "done"


def test_a_new_position_asks_for_its_required_polarity_at_once(page, make):
    _, doc = open_document(page, make)
    drag_over(page, "Кремль")
    page.keyboard.press("p")
    page.wait_for_selector(".span-pop select[name=polarity]")
    page.select_option(".span-pop select[name=polarity]", "support")
    wait_saved(page)
    spans = api_doc(page, doc.id)["spans"]
    assert [(s["label"], s["attrs"]) for s in spans] == [("POSITION", {"polarity": "support"})]


def test_a_selection_survives_a_background_save_that_redraws_its_paragraph(page, make):
    _, doc = open_document(page, make)
    release = []
    page.route(re.compile(r".*/api/v1/documents/\d+/spans$"), lambda route: release.append(route))
    page.focus("#doc-text")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("a")  # its save is held back
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Shift+ArrowRight")  # "заявив" selected while the save is pending
    for _ in range(100):  # the held-back request reaches the route handler when Playwright next dispatches
        if release:
            break
        page.wait_for_timeout(20)
    assert page.evaluate("() => String(window.getSelection())") == "заявив" and len(release) == 1
    release.pop().continue_()  # the save lands and redraws the paragraph
    page.unroute(re.compile(r".*/api/v1/documents/\d+/spans$"))
    page.wait_for_function("() => document.querySelectorAll('#doc-text mark[data-span-id]:not([data-span-id^=new])')"
                           ".length === 1")
    assert page.evaluate("() => String(window.getSelection())") == "заявив"
    page.keyboard.press("c")
    wait_saved(page)
    assert sorted(s["text"] for s in api_doc(page, doc.id)["spans"]) == ["Зеленський", "заявив"]


def test_a_known_actor_in_an_inflected_form_is_offered_and_marked_in_one_click(page, make, app):
    project, doc = open_document(page, make, text="Зустріч із Путіним скасовано. Путіна не чекають.")
    from annotator.extensions import db
    from annotator.services import actors

    with app.app_context():
        from annotator.models import Project

        actors.create_actor(db.session, db.session.get(Project, project.id), None, "Vladimir Putin", "person",
                            {"uk": ["Путін"]})
        db.session.commit()
    goto(page, doc.id)
    page.wait_for_selector("#mention-list .mention-occ")
    assert page.locator("#mention-list .mention-actor").count() == 1  # grouped by actor
    occurrences = page.locator("#mention-list .mention-occ")
    assert occurrences.count() == 2
    assert "Зустріч із Путіним скасовано" in occurrences.first.text_content()  # in its context
    page.click("#mention-list .mention-occ button.mark-one >> nth=0")
    wait_saved(page)
    spans = api_doc(page, doc.id)["spans"]
    assert [(s["text"], s["actor"]["name"]) for s in spans] == [("Путіним", "Vladimir Putin")]
    assert page.locator("#mention-list .mention-occ").count() == 1


def test_mark_all_of_a_known_actor_previews_the_occurrences_and_marks_the_chosen(page, make, app):
    text = "Путін приїхав. Зустріч із Путіним скасовано. Путіна не чекають. Kuleba spoke."
    project, doc = open_document(page, make, text=text)
    from annotator.extensions import db
    from annotator.services import actors

    with app.app_context():
        from annotator.models import Project

        proj = db.session.get(Project, project.id)
        actors.create_actor(db.session, proj, None, "Vladimir Putin", "person", {"uk": ["Путін"]})
        actors.create_actor(db.session, proj, None, "Dmytro Kuleba", "person", {"uk": ["Kuleba"]})
        db.session.commit()
    goto(page, doc.id)
    page.wait_for_selector("#mention-list .mention-actor")
    assert page.locator("#mention-list .mention-actor").count() == 2
    putin = page.locator("#mention-list .mention-actor", has_text="Vladimir Putin")
    putin.locator("button.mark-all").click()
    preview = page.locator("dialog.mark-all-preview")
    expect(preview).to_be_visible()
    assert preview.locator("input[type=checkbox]").count() == 3
    preview.locator("input[type=checkbox]").nth(1).uncheck()  # leave "Путіним" out
    preview.locator(".confirm-mark-all").click()
    wait_saved(page)
    spans = sorted((s["text"], s["actor"]["name"]) for s in api_doc(page, doc.id)["spans"])
    assert spans == [("Путін", "Vladimir Putin"), ("Путіна", "Vladimir Putin")]
    assert page.locator("#mention-list .mention-occ").count() == 2  # "Путіним" and Kuleba are left
    assert page.errors == []
