"""The annotation page by keyboard alone: the caret, find, the span editor's focus, relation picking, the help
overlay and accessible marks; and the relation arcs over the text."""

import re
from importlib import resources

import pytest
from playwright.sync_api import expect

from tests.browser.test_annotate import api_doc, click_word, goto, marks, open_document, wait_saved
from tests.conftest import browser_login
from tests.factories import span_on_word as add_span

pytestmark = pytest.mark.browser

DEMO = resources.files("annotator.demo").joinpath("kharkiv-heating.en.txt").read_text("utf-8").strip()

TEXT = ("Зеленський 🙂 заявив, що Путінʼs army won\u2019t win.\n"
        "Володимир Зеленський підтримав пла\u0301н, а Кремль виступив проти.\n"
        "Dmytro Kuleba said the talks would resume.")


class Keys:
    """Presses keys on the page and counts them (a chord such as Shift+ArrowRight is one press)."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def press(self, *keys):
        for key in keys:
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text):
        for ch in text:
            self.press(ch)

    def find(self, text, extend=False):
        self.press("/")
        self.page.wait_for_selector(".find-input")
        self.type(text)
        self.press("Shift+Enter" if extend else "Enter")


def selected(page):
    return page.evaluate("() => String(window.getSelection())")


def test_the_demo_article_annotated_with_the_keyboard_alone(page, make):
    """6 actors, 3 claims, 2 positions with polarity and 3 relations, without the mouse, in few presses."""
    _, doc = open_document(page, make, text=DEMO)
    keys = Keys(page)
    page.focus("#doc-text")  # where Tab lands first; the caret starts at the top

    def label_found(prefix, words, key, extend_to=None):
        keys.find(prefix)
        if extend_to:
            keys.find(extend_to, extend=True)
        keys.press(*["Shift+ArrowRight"] * words)
        assert selected(page)
        keys.press(key)

    # paragraph 3: a claim, its speaker, a second claim and the relation
    label_found("ev", 0, "c", extend_to="its l")            # "Every district … at its limit"
    label_found("olh", 1, "a")                               # "Olha Marchenko"
    label_found("ful", 0, "c", extend_to="weeks")            # "full repairs would take at least three weeks"
    keys.press("r")                                          # link the claim just made: nearest end first
    page.wait_for_selector("#doc-text mark.pick")
    keys.press("Enter")                                      # SAID_BY, the only type: made at once
    # paragraph 4: an actor and a position with its polarity, linked
    keys.press("Control+ArrowDown")
    keys.press("ArrowRight", "ArrowRight", "ArrowRight")     # past "The regional governor,"
    keys.press("Shift+ArrowRight", "Shift+ArrowRight", "a")  # "Petro Danylenko"
    label_found("urg", 0, "p", extend_to="systems")
    page.wait_for_selector(".span-pop select[name=polarity]:focus")  # the editor took the focus
    keys.press("s")                                          # support
    keys.press("Escape")                                     # back to the text, the caret after the span
    keys.press("r", "Enter")
    page.wait_for_selector(".menu .menu-item:focus")         # HELD_BY or ABOUT: the first has the focus
    keys.press("Enter")
    # paragraph 5: two actors and a claim
    keys.press("Control+ArrowDown")
    keys.press("Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "a")  # "Russia's defence ministry"
    label_found("the i", 5, "a")                             # "The Institute for the Study of War"
    label_found("it had f", 0, "c", extend_to="plant")       # "it had found no evidence … at the plant"
    # paragraph 6: an actor, a position nested around another actor, its polarity and the nested link
    keys.press("Control+ArrowDown")
    keys.press("Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "a")  # "Local business owners"
    label_found("pare", 1, "a")                              # "parents' groups"
    keys.press("ArrowLeft", "ArrowLeft")
    keys.press(*["Shift+ArrowRight"] * 4, "p")               # "parents' groups opposed it"
    page.wait_for_selector(".span-pop select[name=polarity]:focus")
    keys.press("o", "Escape")                                # oppose
    keys.press("r", "Enter")                                 # the nested actor is the nearest end
    page.wait_for_selector(".menu .menu-item:focus")
    keys.press("Enter")                                      # HELD_BY
    wait_saved(page)
    expect(page.locator("#relation-count")).to_have_text("3")
    wait_saved(page)

    data = api_doc(page, doc.id)
    got = sorted((s["label"], s["text"], tuple(sorted(s["attrs"].items()))) for s in data["spans"])
    assert got == sorted([
        ("ACTOR", "Olha Marchenko", ()), ("ACTOR", "Petro Danylenko", ()),
        ("ACTOR", "Russia's defence ministry", ()), ("ACTOR", "The Institute for the Study of War", ()),
        ("ACTOR", "Local business owners", ()), ("ACTOR", "parents' groups", ()),
        ("CLAIM", "Every district has heat again, but the network is running at its limit", ()),
        ("CLAIM", "full repairs would take at least three weeks", ()),
        ("CLAIM", "it had found no evidence of a military target at the plant", ()),
        ("POSITION", "urged partners to send more air defence systems", (("polarity", "support"),)),
        ("POSITION", "parents' groups opposed it", (("polarity", "oppose"),)),
    ])
    text_of = {s["id"]: s["text"] for s in data["spans"]}
    rels = sorted((r["type"], text_of[r["head"]], text_of[r["tail"]]) for r in data["relations"])
    assert rels == [("HELD_BY", "parents' groups opposed it", "parents' groups"),
                    ("HELD_BY", "urged partners to send more air defence systems", "Petro Danylenko"),
                    ("SAID_BY", "full repairs would take at least three weeks", "Olha Marchenko")]
    print(f"\nkey presses for the demo article: {keys.count}")
    assert keys.count <= 150
    assert page.errors == []


def test_the_caret_follows_a_click_and_moves_by_line_and_paragraph(page, make):
    open_document(page, make)
    click_word(page, "Кремль")  # the third paragraph's neighbour: the caret is where the click was
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Shift+ArrowRight")
    assert selected(page) == "Кремль"
    page.keyboard.press("ArrowDown")  # a line down: the third paragraph, a word start
    page.keyboard.press("Shift+ArrowRight")
    assert selected(page) and selected(page) in TEXT.split("\n")[2]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # two lines up: the first paragraph, a word start
    page.keyboard.press("Shift+ArrowRight")
    first_line = TEXT.split("\n")[0]
    assert selected(page) and selected(page) in first_line
    page.keyboard.press("Control+ArrowDown")
    page.keyboard.press("Control+ArrowDown")  # the start of the third paragraph
    page.keyboard.press("Shift+ArrowRight")
    assert selected(page) == "Dmytro"
    page.keyboard.press("ArrowDown")  # no line below: the end of the text
    page.keyboard.press("Shift+ArrowLeft")
    assert selected(page) == "resume."
    page.keyboard.press("Control+ArrowUp")
    page.keyboard.press("Shift+End")
    assert selected(page) == "Dmytro Kuleba said the talks would resume."
    assert page.errors == []


def test_find_jumps_to_a_match_and_escape_gives_the_focus_back(page, make):
    _, doc = open_document(page, make)
    page.focus("#doc-text")
    page.keyboard.press("/")
    expect(page.locator(".find-input")).to_be_focused()
    page.keyboard.type("зелен")
    expect(page.locator(".find-count")).to_have_text("1 of 2")
    page.keyboard.press("ArrowDown")  # the second match
    expect(page.locator(".find-count")).to_have_text("2 of 2")
    page.keyboard.press("Enter")
    expect(page.locator("#doc-text")).to_be_focused()
    assert selected(page) == "Зеленський"  # the match widened to the whole word
    page.keyboard.press("a")
    wait_saved(page)
    spans = api_doc(page, doc.id)["spans"]
    assert [(s["text"], s["start"]) for s in spans] == [("Зеленський", TEXT.index("Зеленський", 5))]
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    expect(page.locator(".find-box")).to_have_count(0)
    expect(page.locator("#doc-text")).to_be_focused()


def test_marks_are_named_and_the_span_editor_takes_and_gives_back_the_focus(page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    sid = add_span(app, doc.id, "olena", "Dmytro Kuleba", "ACTOR")
    browser_login(page, "olena")
    goto(page, doc.id)
    assert marks(page, "ACTOR").first.get_attribute("aria-label") == "ACTOR: Dmytro Kuleba"
    page.focus("#doc-text")
    page.keyboard.press("]")  # the next span: opened, its editor focused
    expect(page.locator(f".span-pop[data-span-id='{sid}']")).to_be_focused()
    ring = page.eval_on_selector(f"mark[data-span-id='{sid}']", "m => getComputedStyle(m).boxShadow")
    assert ring and ring != "none"  # a visible focus ring on the open span
    page.keyboard.press("Tab")  # inside the editor
    assert page.evaluate("() => document.querySelector('.span-pop').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(page.locator(".span-pop")).to_have_count(0)
    expect(page.locator("#doc-text")).to_be_focused()
    page.keyboard.press("Enter")  # the span at the caret (its start) opens again
    expect(page.locator(f".span-pop[data-span-id='{sid}']")).to_be_focused()
    page.keyboard.press("Delete")
    wait_saved(page)
    assert api_doc(page, doc.id)["spans"] == []


def test_the_help_overlay_lists_the_keys_and_closes_back_to_the_text(page, make):
    open_document(page, make)
    page.focus("#doc-text")
    page.keyboard.press("?")
    dialog = page.locator("#key-help")
    expect(dialog).to_be_visible()
    for words in ("by line", "paragraph", "find text", "label the selection ACTOR", "relation arcs", "undo"):
        assert words in dialog.inner_text()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator("#doc-text")).to_be_focused()


# --- relation arcs -------------------------------------------------------------------------------

def test_relation_arcs_are_drawn_picked_deleted_and_toggled(page, make, app):
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
    rel = api_doc(page, doc.id)["relations"][0]["id"]
    arc = page.locator(f"svg.arcs [data-relation-id='{rel}']")
    expect(arc).to_have_count(1)
    # the arc runs from above the head's start to above the tail
    ends = page.evaluate(f"""() => {{
        const path = document.querySelector("svg.arcs [data-relation-id='{rel}'] .arc-line");
        const len = path.getTotalLength();
        const box = document.querySelector('.annotate-main').getBoundingClientRect();
        const a = path.getPointAtLength(0), b = path.getPointAtLength(len);
        const h = document.querySelector("mark[data-span-id='{claim}']").getBoundingClientRect();
        const t = document.querySelector("mark[data-span-id='{actor}']").getBoundingClientRect();
        return {{a: [a.x + box.left, a.y + box.top], b: [b.x + box.left, b.y + box.top],
                h: [h.left, h.right, h.top], t: [t.left, t.right, t.top]}};
    }}""")
    assert ends["h"][0] <= ends["a"][0] <= ends["h"][1] and abs(ends["a"][1] - ends["h"][2]) < 8
    assert ends["t"][0] <= ends["b"][0] <= ends["t"][1] and abs(ends["b"][1] - ends["t"][2]) < 8
    page.keyboard.press("Escape")
    page.click(f"svg.arcs [data-relation-id='{rel}'] .arc-type")
    expect(arc).to_have_class("arc selected")
    assert page.locator(f"mark[data-span-id='{actor}'].rel-tail").count() == 1
    page.keyboard.press("Escape")  # the menu; the relation stays picked
    page.keyboard.press("Delete")
    expect(arc).to_have_count(0)
    wait_saved(page)
    assert api_doc(page, doc.id)["relations"] == []
    page.keyboard.press("Control+z")
    wait_saved(page)
    expect(page.locator("svg.arcs [data-relation-id]")).to_have_count(1)
    page.focus("#doc-text")
    page.keyboard.press("\\")
    expect(page.locator("svg.arcs")).to_be_hidden()
    page.keyboard.press("\\")
    expect(page.locator("svg.arcs")).to_be_visible()


def test_linking_a_position_to_the_actor_nested_in_it_needs_no_chooser_and_the_menu_leaves_the_editor_free(
        page, make, app):
    make.user("olena")
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, lang="uk")
    position = add_span(app, doc.id, "olena", "Володимир Зеленський підтримав пла\u0301н", "POSITION")
    actor = add_span(app, doc.id, "olena", "Зеленський", "ACTOR", nth=1)
    browser_login(page, "olena")
    goto(page, doc.id)
    click_word(page, "підтримав")  # the position only
    page.wait_for_selector(f".span-pop[data-span-id='{position}']")
    page.keyboard.down("Shift")
    click_word(page, "Зеленський", nth=1)  # inside both: the other one is meant
    page.keyboard.up("Shift")
    page.wait_for_selector(".menu .menu-item")
    assert "Which span?" not in page.locator(".menu").inner_text()
    pop = page.locator(".span-pop").bounding_box()
    menu = page.locator(".menu").bounding_box()
    apart = (menu["x"] >= pop["x"] + pop["width"] or menu["x"] + menu["width"] <= pop["x"]
             or menu["y"] >= pop["y"] + pop["height"] or menu["y"] + menu["height"] <= pop["y"])
    assert apart, (pop, menu)
    page.keyboard.press("Enter")  # HELD_BY, focused first
    page.wait_for_selector("#relation-list .relation")
    rels = api_doc(page, doc.id)["relations"]
    assert [(r["type"], r["head"], r["tail"]) for r in rels] == [("HELD_BY", position, actor)]
    expect(page.locator("svg.arcs [data-relation-id]")).to_have_count(1)


def hold_span_saves(page):
    """Span saves held back until the test lets each go (`release[k].continue_()`), and a wait for the k-th."""
    release = []
    page.route(SPAN_SAVES, lambda route: release.append(route))

    def wait_for_request(n):
        for _ in range(200):
            if len(release) >= n:
                return
            page.wait_for_timeout(20)
        raise AssertionError(f"{n} span saves expected, {len(release)} seen")

    return release, wait_for_request


SPAN_SAVES = re.compile(r".*/api/v1/documents/\d+/spans$")


def test_the_span_being_picked_stays_marked_when_its_save_lands_meanwhile(page, make):
    """R right after making spans: the pick highlight follows a span from its temporary id to its saved one."""
    _, doc = open_document(page, make, text="Зеленський заявив, що переговори тривають.")
    release, wait_for_request = hold_span_saves(page)

    page.focus("#doc-text")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("a")  # "Зеленський", its save held back
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("c")  # "заявив", saved after the actor
    wait_for_request(1)
    page.keyboard.press("r")  # link the claim: the actor (not saved yet) is the only candidate
    expect(page.locator("#doc-text mark.pick")).to_have_count(1)
    release[0].continue_()  # the actor's save lands while picking: its paragraph is redrawn under its new id
    wait_for_request(2)
    expect(page.locator("#doc-text mark[data-label=ACTOR]:not([data-span-id^=new])")).to_have_count(1)
    expect(page.locator("#doc-text mark.pick[data-label=ACTOR]")).to_have_count(1)
    release[1].continue_()
    page.unroute(SPAN_SAVES)
    page.keyboard.press("Enter")
    wait_saved(page)
    assert [r["type"] for r in api_doc(page, doc.id)["relations"]] == ["SAID_BY"]
    assert page.errors == []


def test_a_relation_menu_opens_for_a_tail_whose_save_landed_while_picking(page, make):
    """R then Enter on a position whose nested actor was saved meanwhile: the type menu (HELD_BY or ABOUT) opens
    beside the actor under its saved id."""
    open_document(page, make, text="Батьківські групи виступили проти закриття школи.")
    release, wait_for_request = hold_span_saves(page)

    page.focus("#doc-text")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("a")  # "Батьківські групи", its save held back
    wait_for_request(1)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    for _ in range(4):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("p")  # "Батьківські групи виступили проти", around the actor; saved after it
    expect(page.locator("#doc-text mark[data-label=POSITION]").first).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("r")  # the nested actor, not saved yet, is the nearest end
    expect(page.locator("#doc-text mark.pick")).to_have_count(1)
    release[0].continue_()  # the actor's save lands while picking
    wait_for_request(2)
    expect(page.locator("#doc-text mark[data-label=ACTOR]:not([data-span-id^=new])")).to_have_count(1)
    release[1].continue_()
    page.unroute(SPAN_SAVES)
    page.keyboard.press("Enter")
    expect(page.locator(".menu .menu-item:focus")).to_have_count(1)
    assert page.errors == []
