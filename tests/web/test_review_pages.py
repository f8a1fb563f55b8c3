"""The review pages by role (annotators 403, reviewers and admins 200) and what each shows."""

import re

import pytest

from annotator.extensions import db
from annotator.services import comments as comment_service
from annotator.services import documents as doc_service
from annotator.services import review as review_service
from annotator.services import spans as span_service
from annotator.services import users as user_service
from tests.conftest import login
from tests.factories import span_on_word as add

TEXT = "Зеленський заявив, що <script>alert(1)</script> Кремль відповів. ISW вважає інакше."


@pytest.fixture
def team(make, app):
    for name, role in (("admin", "admin"), ("rita", "reviewer"), ("olena", "annotator"), ("taras", "annotator")):
        make.user(name, role)
    project = make.project("news")
    doc = make.document(project.id, text=TEXT, title="Kremlin <b>reply</b>")
    return project, doc


def pages(project, doc):
    return [f"/projects/{project.id}/review", f"/documents/{doc.id}/review", f"/projects/{project.id}/agreement",
            f"/documents/{doc.id}/history"]


@pytest.mark.parametrize(("user", "status"), [("olena", 403), ("rita", 200), ("admin", 200)])
def test_review_pages_by_role(client, team, user, status):
    login(client, user)
    for path in pages(*team):
        assert client.get(path).status_code == status, path


def test_review_pages_need_a_login(client, team):
    for path in pages(*team):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_unknown_documents_and_projects_are_404(client, team):
    login(client, "rita")
    for path in ("/projects/99/review", "/documents/99/review", "/projects/99/agreement", "/documents/99/history"):
        assert client.get(path).status_code == 404, path


def test_queue_lists_documents_with_counts_state_and_comments(client, team, app):
    project, doc = team
    for who in ("olena", "taras"):
        add(app, doc.id, who, "Зеленський", "ACTOR")
    add(app, doc.id, "olena", "ISW", "ACTOR")
    with app.app_context():
        comment_service.add(db.session, doc_service.get_document(db.session, doc.id),
                            user_service.get_user(db.session, "rita"), "Look again")
        db.session.commit()
    login(client, "rita")
    html = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    row = re.search(rf'<tr data-document-id="{doc.id}">(.*?)</tr>', html, re.S).group(1)
    assert f'href="/documents/{doc.id}/review"' in row
    assert "olena" in row and "taras" in row
    nums = re.findall(r'<td class="num[^"]*">(\d*)</td>', row)
    assert nums == ["2", "1", "2", "1"]  # candidates, disagreements, undecided, comments
    assert 'data-state="new"' in row
    assert f'href="/projects/{project.id}/agreement"' in html
    assert "Kremlin &lt;b&gt;reply&lt;/b&gt;" in html
    reviewed = client.get(f"/projects/{project.id}/review?state=reviewed").get_data(as_text=True)
    assert f'data-document-id="{doc.id}"' not in reviewed


def test_queue_without_annotations_says_so(client, team):
    project, _ = team
    login(client, "rita")
    assert "Nothing to review yet" in client.get(f"/projects/{project.id}/review").get_data(as_text=True)


def test_review_page_embeds_candidates_as_json_and_no_inline_script(client, team, app):
    _, doc = team
    add(app, doc.id, "olena", "Кремль", "ACTOR")
    login(client, "rita")
    response = client.get(f"/documents/{doc.id}/review")
    html = response.get_data(as_text=True)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert '<script type="application/json" id="review-data">' in html
    assert "<script>alert(1)</script>" not in html  # the text is escaped, in the article and in the JSON
    assert re.findall(r"<script(?![^>]*(?:type=\"application/json\"|type=\"module\" src=))", html) == []
    assert " on" + "click=" not in html
    data = re.search(r'id="review-data">(.*?)</script>', html, re.S).group(1)
    assert '"agreement": "one"' in data or '"agreement":"one"' in data
    assert '<script type="application/json" id="i18n">' in html  # the script catalogue (tests/web/test_i18n.py)
    assert 'id="accept-agreed"' in html and 'id="mark-reviewed"' in html


def test_agreement_dashboard_shows_pairs_alpha_heatmap_labels_and_worst_documents(client, team, app):
    project, doc = team
    for who in ("olena", "taras"):
        add(app, doc.id, who, "Зеленський", "ACTOR")
    add(app, doc.id, "olena", "ISW", "ACTOR")
    add(app, doc.id, "taras", "ISW", "CLAIM")
    login(client, "rita")
    html = client.get(f"/projects/{project.id}/agreement").get_data(as_text=True)
    assert "olena · taras" in html
    assert 'id="heatmap"' in html and re.search(r'class="heat-\d+"', html)
    assert 'id="alpha"' in html
    for label in ("ACTOR", "CLAIM", "POSITION"):
        assert f'data-label="{label}"' in html
    assert f'href="/documents/{doc.id}/review"' in html
    assert "style=" not in html
    filtered = client.get(f"/projects/{project.id}/agreement?label=ACTOR&lang=uk&metric=kappa").get_data(as_text=True)
    assert '<option value="ACTOR" selected>' in filtered and "Cohen’s κ" in filtered
    assert client.get(f"/projects/{project.id}/agreement?label=NOPE&metric=nope").status_code == 200
    empty = client.get(f"/projects/{project.id}/agreement?lang=en").get_data(as_text=True)
    assert "No two annotators have annotated the same document yet." in empty


def test_history_page_reads_as_who_did_what_with_a_restore_button_on_deleted_spans(client, team, app):
    _, doc = team
    span_id = add(app, doc.id, "olena", "ISW", "ACTOR")
    kept = add(app, doc.id, "olena", "Кремль", "ACTOR")
    with app.app_context():
        olena = user_service.get_user(db.session, "olena")
        rita = user_service.get_user(db.session, "rita")
        span = span_service.get_span(db.session, span_id, olena)
        span_service.update_span(db.session, span, span.document.project, olena, span.version,
                                 {"attrs": {"kind": "organisation"}})
        span_service.delete_span(db.session, span, span.document.project, olena)
        review_service.review_span(db.session, span_service.get_span(db.session, kept, rita), rita, "accept")
        db.session.commit()
    login(client, "rita")
    html = client.get(f"/documents/{doc.id}/history").get_data(as_text=True)
    assert re.search(r"rita</td>\s*<td><span class=\"hist-verb hist-accept\">accepted</span> span", html)
    assert "deleted</span> span" in html
    assert "<ins>kind: organisation</ins>" in html
    assert "<del>pending</del> → <ins>accepted</ins>" in html
    assert f'class="small restore-btn" data-span-id="{span_id}"' in html
    assert f'data-span-id="{kept}"' not in html  # only deleted spans can be restored
