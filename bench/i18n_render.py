"""What the interface language costs: compiling a catalog, and rendering a page in en / uk / ru.

    python bench/i18n_render.py [--n 200]

Figures come from a shared 2-core machine: compare the rows of one run, not runs.
"""

import argparse
import re
import statistics
import tempfile
import time

from annotator import create_app, i18n
from annotator.db import upgrade
from annotator.extensions import db
from annotator.paths import resource_dir
from annotator.services import documents, projects, users


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "SECRET_KEY": "bench",
                          "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}, instance_path=f"{tmp}/instance")
        with app.app_context():
            upgrade(db.engine)
            users.create_user(db.session, "olena", "annotator", "correct-horse-42")
            project = projects.create_project(db.session, "news")
            item = documents.parse_fields({"text": "Київ заявив. " * 200, "lang": "uk", "title": "Заява"})
            doc = documents.add_documents(db.session, project, [item]).created[0]
            db.session.commit()
            did = doc.id
        print("| what | ms |\n|---|---|")
        for locale in ("uk", "ru"):
            i18n._compile.cache_clear()
            start = time.perf_counter()
            i18n.Catalogs(resource_dir("translations")).get(locale)
            print(f"| compile {locale} catalog (once per process) | {(time.perf_counter() - start) * 1000:.0f} |")
        client = app.test_client()
        html = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        client.post("/login", data={"username": "olena", "password": "correct-horse-42", "csrf_token": token})
        for locale in ("en", "uk", "ru"):
            headers = {"Accept-Language": locale}
            client.get(f"/documents/{did}", headers=headers)
            times = []
            for _ in range(args.n):
                start = time.perf_counter()
                client.get(f"/documents/{did}", headers=headers).get_data()
                times.append(time.perf_counter() - start)
            print(f"| GET /documents/<id> in {locale}, median of {args.n} | {statistics.median(times) * 1000:.2f} |")


if __name__ == "__main__":
    main()
