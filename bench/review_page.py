"""Review page speed in headless Chromium: a long document that three annotators each labelled.

    .venv/bin/python bench/review_page.py [--chars 100000] [--spans 2000] [--agree 0.8] [--runs 3]

Builds a throwaway SQLite database with one generated document and, for each of three annotators, about
--spans spans (a share --agree of them identical across the three, the rest each annotator's own label or
boundaries), serves the app on a free port and measures in Chromium:
  ready      navigation start -> the review script has drawn every candidate and listens for keys (ms)
  script     the script's own share of that (parse data, merge, draw text and candidates, side panel)
  html       navigation start -> the page's HTML has arrived (server time to merge the layers included)
  next       J pressed -> the next disagreement is selected, scrolled to and shown in the side panel (ms)
  decide     A pressed -> the candidate is redrawn as accepted (ms; the save follows in the background)
  agreed     "accept everything all annotators agree on" -> the server answered and the page redrew (ms)
  reload     fetching the merged layers again and redrawing what changed (ms), the page's share of "agreed"
Prints one table row per run; a fresh database for each run, so that "agreed" always has work to do.
"""

import argparse
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate_page import CHROMIUM_ARGS, make_text, word_starts  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from annotator import create_app  # noqa: E402
from annotator.db import upgrade  # noqa: E402
from annotator.extensions import db  # noqa: E402
from annotator.models import Span  # noqa: E402
from annotator.services import documents as doc_service  # noqa: E402
from annotator.services import members  # noqa: E402
from annotator.services import projects as project_service  # noqa: E402
from annotator.services import users as user_service  # noqa: E402

PASSWORD = "bench-password-42"
ANNOTATORS = ("olena", "taras", "ivan")
LABELS = ("ACTOR", "CLAIM", "POSITION")


def layers(text, count, agree, rng):
    """Per annotator, (start, end, label) triples: a shared core plus each one's own variations."""
    starts = word_starts(text)
    step = max(1, len(starts) // count)
    base = []
    for k in range(count):
        i = starts[min(k * step, len(starts) - 2)]
        end = text.find(" ", i + 1)
        base.append((i, end if end > i else i + 1, LABELS[k % 3]))
    out = {}
    for name in ANNOTATORS:
        mine = []
        for s, e, label in base:
            roll = rng.random()
            if roll < agree:
                mine.append((s, e, label))
            elif roll < agree + (1 - agree) / 2:
                mine.append((s, e, LABELS[(LABELS.index(label) + 1 + rng.randrange(2)) % 3]))
            else:
                mine.append((s, min(len(text), e + rng.randint(2, 12)), label))
        out[name] = mine
    return out


def build(db_path, chars, count, agree):
    engine = create_engine(f"sqlite:///{db_path}")
    upgrade(engine)
    engine.dispose()
    app = create_app({"DATABASE_URL": f"sqlite:///{db_path}", "SECRET_KEY": "bench", "SERVER_NAME": None,
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, instance_path=str(Path(db_path).parent))
    rng = random.Random(11)
    text = make_text(chars, rng)
    with app.app_context():
        user_service.create_user(db.session, "rita", "reviewer", PASSWORD)
        users = {n: user_service.create_user(db.session, n, "annotator", PASSWORD) for n in ANNOTATORS}
        project = project_service.create_project(db.session, "bench")
        for name in ["rita", *ANNOTATORS]:
            members.add_member(db.session, project, name)
        item = doc_service.parse_fields({"text": text, "lang": "uk", "title": "Bench"})
        doc = doc_service.add_documents(db.session, project, [item]).created[0]
        db.session.flush()
        total = 0
        for name, spans in layers(doc.text, count, agree, rng).items():
            db.session.add_all(Span(document_id=doc.id, annotator_id=users[name].id, start=s, end=e, label=label,
                                    attrs={}) for s, e, label in spans)
            total += len(spans)
        db.session.commit()
        return app, doc.id, total


MEASURE_KEYS = """async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const selected = () => document.querySelector('#doc-text mark.selected')?.dataset.key;
    let t0 = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}));
    await frame();
    const next = performance.now() - t0;
    const key = selected();
    t0 = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'a', bubbles: true}));
    const mark = document.querySelector(`#doc-text mark[data-key="${CSS.escape(key)}"]`);
    const accepted = mark.classList.contains('st-accepted');
    await frame();
    const decide = performance.now() - t0;
    await window.review.busy;
    return {next, decide, accepted};
}"""

MEASURE_AGREED = """async () => {
    const t0 = performance.now();
    document.getElementById('accept-agreed').click();
    await new Promise((r) => setTimeout(r, 0));
    await window.review.busy;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const agreed = performance.now() - t0;
    const t1 = performance.now();
    await window.review.reload();
    return {agreed, reload: performance.now() - t1,
            accepted: document.querySelectorAll('#doc-text mark.st-accepted.head').length};
}"""


def run_once(browser, base_url, doc_id):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=username]", "rita")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/projects")
    page.goto(f"/documents/{doc_id}/review")
    page.wait_for_selector("html[data-review-ready]")
    ready = float(page.evaluate("document.documentElement.dataset.reviewAt"))
    script = float(page.evaluate("document.documentElement.dataset.reviewReady"))
    info = page.evaluate("""() => ({marks: document.querySelectorAll('#doc-text mark').length,
        candidates: window.review.model.candidates.length,
        html: performance.getEntriesByType('navigation')[0].responseEnd})""")
    keys = page.evaluate(MEASURE_KEYS)
    assert keys["accepted"], "A did not redraw the candidate as accepted at once"
    agreed = page.evaluate(MEASURE_AGREED)
    context.close()
    return {"ready": ready, "script": script, **info, **keys, **agreed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--spans", type=int, default=2000, help="spans per annotator")
    parser.add_argument("--agree", type=float, default=0.8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"document: {args.chars} chars, 3 annotators × {args.spans} spans, {args.agree:.0%} identical")
    print(f"{'run':>3} {'ready ms':>9} {'script ms':>9} {'html ms':>8} {'candidates':>10} {'marks':>6} "
          f"{'next ms':>8} {'decide ms':>9} {'agreed ms':>9} {'reload ms':>9} {'accepted':>8}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS)
        for run in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory() as tmp:
                app, doc_id, _ = build(Path(tmp) / "bench.sqlite3", args.chars, args.spans, args.agree)
                server = make_server("127.0.0.1", 0, app, threaded=True)
                threading.Thread(target=server.serve_forever, daemon=True).start()
                r = run_once(browser, f"http://127.0.0.1:{server.server_port}", doc_id)
                server.shutdown()
                with app.app_context():
                    db.engine.dispose()
                time.sleep(0.1)
            print(f"{run:>3} {r['ready']:>9.0f} {r['script']:>9.0f} {r['html']:>8.0f} {r['candidates']:>10} "
                  f"{r['marks']:>6} {r['next']:>8.1f} {r['decide']:>9.1f} {r['agreed']:>9.0f} {r['reload']:>9.0f} "
                  f"{r['accepted']:>8}")
        browser.close()


if __name__ == "__main__":
    main()
