import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login

pytestmark = pytest.mark.browser

TEXT = "Путін заявив 🙂 «це неможливо».\nЗеленськийʼ e\u0301 — it\u2019s 😀 done."
HOSTILE = "Before <script>window.pwned = 1</script> and <img src=x onerror=\"window.pwned = 2\"> after."


def create_project(page, name):
    page.goto("/projects/new")
    page.fill("input[name=name]", name)
    page.click("main button[type=submit]")
    page.wait_for_selector(f"h1:has-text('{name}')")


def paste_document(page, title, text, lang="uk"):
    page.click("text=Add documents")
    page.fill("input[name=paste-title]", title)
    page.select_option("select[name=paste-lang]", lang)
    page.fill("textarea[name=paste-text]", text)
    page.click("#paste button[type=submit]")
    page.wait_for_selector("#doc-text")


def test_admin_logs_in_creates_a_project_and_pastes_a_document(page, make):
    make.user("admin", "admin")
    browser_login(page, "admin")
    create_project(page, "Новини")
    paste_document(page, "Заява 🙂", TEXT)
    assert page.inner_text("h1.doc-title") == "Заява 🙂"
    shown = page.eval_on_selector("#doc-text", "el => el.textContent")
    import unicodedata

    assert shown == unicodedata.normalize("NFC", TEXT)
    page.click("text=Новини")
    expect(page.locator("table.documents tbody tr")).to_have_count(1)  # waits for the project page to load
    assert page.errors == []


def test_hostile_markup_in_a_text_is_shown_literally_and_runs_nothing(page, make):
    make.user("admin", "admin")
    project = make.project("p")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browser_login(page, "admin")
    page.goto(f"/projects/{project.id}")
    paste_document(page, "<b>bold?</b>", HOSTILE, lang="en")
    assert page.eval_on_selector("#doc-text", "el => el.textContent") == HOSTILE
    assert page.locator("#doc-text img, #doc-text script").count() == 0
    assert page.inner_text("h1.doc-title") == "<b>bold?</b>"
    assert page.evaluate("window.pwned") is None
    assert dialogs == []


def test_wrong_password_shows_a_message(page, make):
    make.user("olena")
    page.goto("/login")
    page.fill("input[name=username]", "olena")
    page.fill("input[name=password]", "not-the-password")
    page.click("main button[type=submit]")
    assert page.locator(".flash-error").inner_text() == "Wrong user name or password."
