"""Annotation page speed in headless Chromium: a long document with many spans.

    .venv/bin/python bench/annotate_page.py [--chars 100000] [--spans 2000] [--overlapping 200] [--runs 3]

Builds a throwaway SQLite database with one generated document (paragraphs of Ukrainian/English words,
an emoji now and then) and its spans, serves the app on a free port and measures in Chromium:
  ready      navigation start -> every span mark is drawn and the last long task (if any) has ended (ms)
  input      navigation start -> the page's script listens for keys, with the spans on screen drawn (ms)
  open lt    the longest task from navigation start until ready (ms; 0 = none over 50 ms)
  key        label key pressed -> the new span is drawn and painted (ms; the save follows in the background)
  scroll lt  the longest task while scrolling the whole text and moving the mouse over spans (ms)
  label lt   the longest task while labelling (key, drawing, save, panel) (ms)
Prints one table row per run.
"""

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from annotator import create_app  # noqa: E402
from annotator.db import upgrade  # noqa: E402
from annotator.extensions import db  # noqa: E402
from annotator.models import Span  # noqa: E402
from annotator.services import documents as doc_service  # noqa: E402
from annotator.services import projects as project_service  # noqa: E402
from annotator.services import users as user_service  # noqa: E402

WORDS = ["Київ", "заявив", "що", "Зеленський", "Путін", "переговори", "припинення", "вогню", "Україна", "Росія",
         "армія", "позиції", "the", "Kremlin", "said", "talks", "ceasefire", "would", "resume", "Trump", "energy",
         "infrastructure", "forces", "війна", "міністр", "обʼєднання", "партнерів", "it\u2019s", "sanctions"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "bench-password-42"


def make_text(chars, rng):
    paras, size = [], 0
    while size < chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 120))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), "🙂")
        para = " ".join(words) + "."
        paras.append(para)
        size += len(para) + 1
    return "\n".join(paras)[:chars]


def word_starts(text):
    return [i for i in range(len(text)) if text[i] != " " and (i == 0 or text[i - 1] in " \n")]


def make_spans(text, count, overlapping, rng):
    starts = word_starts(text)
    step = max(1, len(starts) // count)
    spans = []
    for k in range(count - overlapping):
        i = starts[min(k * step, len(starts) - 2)]
        end = text.find(" ", i + 1)
        spans.append((i, end if end > i else i + 1, ("ACTOR", "CLAIM", "POSITION")[k % 3]))
    for k in range(overlapping):  # a longer CLAIM over a plain span
        i, _, _ = spans[(k * 7) % len(spans)]
        spans.append((i, min(len(text), i + 40), "CLAIM" if spans[(k * 7) % len(spans)][2] != "CLAIM" else "POSITION"))
    return spans


def build(db_path, chars, count, overlapping):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine)
    engine.dispose()
    app = create_app({"DATABASE_URL": f"sqlite:///{db_path}", "SECRET_KEY": "bench", "SERVER_NAME": None,
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, instance_path=str(Path(db_path).parent))
    rng = random.Random(7)
    text = make_text(chars, rng)
    with app.app_context():
        user = user_service.create_user(db.session, "bench", "annotator", PASSWORD)
        project = project_service.create_project(db.session, "bench", created_by=user)  # a member
        item = doc_service.parse_fields({"text": text, "lang": "uk", "title": "Bench"})
        doc = doc_service.add_documents(db.session, project, [item]).created[0]
        db.session.flush()
        db.session.add_all(Span(document_id=doc.id, annotator_id=user.id, start=s, end=e, label=label, attrs={})
                           for s, e, label in make_spans(doc.text, count, overlapping, rng))
        db.session.commit()
        return app, doc.id


def serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


MEASURE_KEY = """async () => {
    const app = window.annotator;
    const text = app.store.text;
    const at = text.indexOf(" ", Math.floor(text.length / 2) + 3) + 1;
    const end = text.indexOf(" ", at);
    app.view.marks([...app.store.spans.keys()][0])[0];
    const target = app.view.pointAt(at)[0].parentElement;
    target.scrollIntoView({block: "center"});
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    app.view.select(at, end);
    const t0 = performance.now();
    document.dispatchEvent(new KeyboardEvent("keydown", {key: "a", bubbles: true}));
    const drawn = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return {drawn, painted: performance.now() - t0};
}"""

LONG_TASKS = """
    window.__long = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({type: "longtask"});
"""


def longest_since(page, since):
    tasks = page.evaluate("window.__long")
    return max([d for start, d in tasks if start >= since] or [0])


def run_once(browser, base_url, doc_id):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(LONG_TASKS)  # observing from the navigation's start
    page.goto("/login")
    page.fill("input[name=username]", "bench")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/projects")
    page.goto(f"/documents/{doc_id}")
    page.wait_for_selector("html[data-annotate-done]")
    page.wait_for_timeout(300)  # let any task after the last paint show up
    done = float(page.evaluate("document.documentElement.dataset.annotateDone"))
    tasks = page.evaluate("window.__long")
    ready = max([done] + [start + d for start, d in tasks])
    open_longest = max([d for _, d in tasks] or [0])
    input_at = float(page.evaluate("document.documentElement.dataset.annotateAt"))
    marks = page.evaluate("new Set([...document.querySelectorAll('#doc-text mark')].map((m) => m.dataset.spanId)).size")
    nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return {response: n.responseEnd, interactive: n.domInteractive, loaded: n.domContentLoadedEventEnd,
                bytes: n.transferSize, start: Number(document.documentElement.dataset.annotateStart),
                fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0}; }""")
    since = page.evaluate("performance.now()")
    height = page.evaluate("document.body.scrollHeight")
    for y in range(0, height, 700):
        page.mouse.wheel(0, 700)
        page.mouse.move(300 + (y % 400), 300 + (y % 300), steps=3)
        page.wait_for_timeout(16)
    longest = longest_since(page, since)
    since = page.evaluate("performance.now()")
    key = page.evaluate(MEASURE_KEY)
    page.wait_for_function("() => !document.querySelector('#doc-text mark.pending')")
    page.wait_for_timeout(300)  # the panel's redraw after the save
    label_longest = longest_since(page, since)
    context.close()
    return {"ready": ready, "input": input_at, "open_lt": open_longest, "key": key["painted"],
            "key_js": key["drawn"], "longest": longest, "label_lt": label_longest, "marks": marks, **nav}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=2000)
    parser.add_argument("--overlapping", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        app, doc_id = build(Path(tmp) / "bench.sqlite3", args.chars, args.spans, args.overlapping)
        server = serve(app)
        base = f"http://127.0.0.1:{server.server_port}"
        print(f"document: {args.chars} chars, {args.spans} spans ({args.overlapping} overlapping)")
        print(f"{'run':>3} {'ready ms':>9} {'input ms':>8} {'open lt':>7} {'key->paint ms':>13} {'key js ms':>9} "
              f"{'scroll lt':>9} {'label lt':>8} {'spans':>6} {'html done ms':>12} {'parsed ms':>9} "
              f"{'js start':>8} {'fcp':>5}")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS)
            for run in range(1, args.runs + 1):
                r = run_once(browser, base, doc_id)
                print(f"{run:>3} {r['ready']:>9.0f} {r['input']:>8.0f} {r['open_lt']:>7.0f} {r['key']:>13.1f} "
                      f"{r['key_js']:>9.1f} {r['longest']:>9.0f} {r['label_lt']:>8.0f} {r['marks']:>6} "
                      f"{r['response']:>12.0f} {r['interactive']:>9.0f} {r['start']:>8.0f} {r['fcp']:>5.0f}")
            browser.close()
        server.shutdown()
        time.sleep(0.1)


if __name__ == "__main__":
    main()
