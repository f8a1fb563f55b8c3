"""Project search: inflected forms, phrases, word boundaries, code point offsets, who sees what; marking."""

import pytest
from sqlalchemy import func, select

from annotator.errors import Invalid, NotFound
from annotator.models import DocState, DocumentProgress, HistoryEvent, Span
from annotator.services import projects as project_service
from annotator.services import search
from annotator.services import users as user_service
from annotator.services.search import Occurrence, compile_pattern
from tests.factories import span_on_word


def found(text, q, lang, forms=True):
    return [text[s:e] for s, e in compile_pattern(search.query_words(q), lang, forms).finditer(text)]


def test_a_ukrainian_word_matches_every_form_of_its_lemma():
    text = "Київ мовчить. У Києві тихо, до Києва їдуть, Київом ніхто не зве. Кияни раді."
    assert found(text, "Київ", "uk") == ["Київ", "Києві", "Києва"]
    assert found(text, "києві", "uk") == ["Київ", "Києві", "Києва"]
    assert found(text, "Київ", "uk", forms=False) == ["Київ"]


def test_a_russian_surname_matches_its_cases_and_e_with_or_without_dots():
    text = "Путин сказал. Путина ждали, Путину писали, о Путине молчали. Путинизм — другое слово. Ёлка и елка."
    assert found(text, "Путин", "ru") == ["Путин", "Путина", "Путину", "Путине"]
    assert found(text, "путину", "ru") == ["Путин", "Путина", "Путину", "Путине"]
    assert found(text, "ёлка", "ru") == ["Ёлка", "елка"]


def test_a_phrase_matches_word_by_word_across_spaces_a_hyphen_or_one_line_break():
    text = ("Володимира Зеленського чекали. Володимир\nЗеленський прибув. Володимир  Зеленський. "
            "Володимир\n\nЗеленський — це два абзаци. Володимир, Зеленський — через кому.")
    assert found(text, "Володимир Зеленський", "uk") == [
        "Володимира Зеленського", "Володимир\nЗеленський", "Володимир  Зеленський"]


def test_matches_respect_word_boundaries_apostrophes_and_stress_marks():
    text = "Кримінал і Крим. Мʼясо, м'ясо; ясо. Крим\u0301ський. Kremlin's walls; the kremlins."
    assert found(text, "Крим", "uk", forms=False) == ["Крим"]
    assert found(text, "ясо", "uk", forms=False) == ["ясо"]
    assert found(text, "мʼясо", "uk") == ["Мʼясо", "м'ясо"]
    assert found(text, "Kremlin", "en") == ["Kremlin", "kremlins"]


def test_english_matches_case_insensitively_with_plurals():
    text = "Sanctions hit. A SANCTION stays; sanctioned goods. Countries and a country."
    assert found(text, "sanction", "en") == ["Sanctions", "SANCTION"]
    assert found(text, "countries", "en") == ["Countries", "country"]


def test_a_text_whose_lower_case_is_longer_is_searched_as_it_is():
    text = "İstanbul and Київ. Київ again."
    assert [(s, e) for s, e in compile_pattern(["Київ"], "uk").finditer(text)] == [(13, 17), (19, 23)]


@pytest.fixture
def project(make):
    make.user("olena")
    make.user("taras")
    return make.project("news")


def _user(session, name):
    return user_service.get_user(session, name)


def _project(session, project):
    return project_service.get_project(session, project.id)


def test_context_begins_and_ends_with_whole_words(session, make, project):
    text = "Полтава " + "дуже " * 14 + "довгий Київ довгий" + " ранок" * 12 + " кінець"
    make.document(project.id, text=text, lang="uk", title="Long")
    hit = search.search(session, _project(session, project), _user(session, "olena"), "Київ").hits[0]
    assert hit["left"].split()[0] == "дуже" and hit["left"].endswith("довгий ")
    assert hit["right"].startswith(" довгий") and hit["right"].split()[-1] == "ранок"
    assert len(hit["left"]) <= search.CONTEXT and len(hit["right"]) <= search.CONTEXT


def test_search_gives_code_point_offsets_context_and_pages_grouped_by_document(session, make, project):
    uk = make.document(project.id, text="🙂🙂 У Києві сьогодні тихо. Київ чекає.", lang="uk", title="Kyiv")
    en = make.document(project.id, text="Nothing about it here.", lang="en", title="Other")
    ru = make.document(project.id, text="В Киеве 🙂 тихо.", lang="ru", title="Kiev")
    got = search.search(session, _project(session, project), _user(session, "olena"), "Київ")
    assert got.total == 2 and got.documents_total == 1
    assert [(h["document"], h["start"], h["end"], h["text"]) for h in got.hits] == [
        (uk.id, 5, 10, "Києві"), (uk.id, 26, 30, "Київ")]
    assert got.hits[0]["left"] == "🙂🙂 У " and got.hits[0]["right"].startswith(" сьогодні")
    assert got.documents == [{"id": uk.id, "title": "Kyiv", "lang": "uk", "count": 2}]
    assert set(got.forms) == {"uk", "en", "ru"} and "києві" in got.forms["uk"][0]
    russian = search.search(session, _project(session, project), _user(session, "olena"), "Киев", lang="ru")
    assert [(h["document"], h["start"], h["end"]) for h in russian.hits] == [(ru.id, 2, 7)]
    second = search.search(session, _project(session, project), _user(session, "olena"), "Київ", page=2, per_page=1)
    assert [h["start"] for h in second.hits] == [26] and second.pages == 2
    assert en.id not in {d["id"] for d in second.documents}


def test_hits_say_which_of_the_users_own_labels_cover_them_and_never_anothers(app, session, make, project):
    doc = make.document(project.id, text="Путін і Путіна. Також Путіну.", lang="uk")
    span_on_word(app, doc.id, "olena", "Путін", "ACTOR")
    span_on_word(app, doc.id, "taras", "Путіна", "CLAIM")
    span_on_word(app, doc.id, "olena", "Також Путіну", "CLAIM")
    got = search.search(session, _project(session, project), _user(session, "olena"), "Путін")
    assert [h["marked"] for h in got.hits] == [["ACTOR"], [], ["CLAIM"]]


def test_an_empty_or_overlong_query_is_refused_naming_q(session, project):
    for q in ("", "   ", "—!?", "x" * 201, "a " * 11):
        with pytest.raises(Invalid) as err:
            search.query_words(q)
        assert err.value.field == "q"


def test_marking_creates_the_users_spans_with_history_and_skips_duplicates(app, session, make, project):
    text = "🙂 Київ і Київ. Знову Київ."
    doc = make.document(project.id, text=text, lang="uk")
    span_on_word(app, doc.id, "olena", "Київ", "ACTOR", nth=1)
    span_on_word(app, doc.id, "taras", "Київ", "ACTOR", nth=0)  # another layer: no duplicate of olena's
    olena, proj = _user(session, "olena"), _project(session, project)
    hits = search.search(session, proj, olena, "Київ").hits
    places = [Occurrence(h["document"], h["start"], h["end"]) for h in hits]
    done = search.mark(session, proj, olena, places + places[:1], "ACTOR")
    session.commit()
    assert done["skipped"] == 2 and [(s.start, s.end) for s in done["created"]] == [(2, 6), (21, 25)]
    assert all(text[s.start:s.end] == "Київ" and s.annotator_id == olena.id and str(s.status) == "pending"
               for s in done["created"])
    events = session.scalar(select(func.count()).select_from(HistoryEvent).where(
        HistoryEvent.entity == "span", HistoryEvent.action == "create",
        HistoryEvent.entity_id.in_([s.id for s in done["created"]])))
    assert events == 2
    assert session.get(DocumentProgress, (doc.id, olena.id)).state == DocState.IN_PROGRESS
    again = search.mark(session, proj, olena, places, "ACTOR")
    assert again["created"] == [] and again["skipped"] == 3


def test_marking_refuses_documents_of_another_project_and_bad_offsets_with_nothing_written(session, make, project):
    doc = make.document(project.id, text="Київ тут.", lang="uk")
    other = make.project("elsewhere")
    foreign = make.document(other.id, text="Київ там.", lang="uk")
    olena, proj = _user(session, "olena"), _project(session, project)
    with pytest.raises(NotFound) as err:
        search.mark(session, proj, olena, [Occurrence(doc.id, 0, 4), Occurrence(foreign.id, 0, 4)], "ACTOR")
    assert err.value.field == "occurrences[1].document"
    with pytest.raises(Invalid) as err:
        search.mark(session, proj, olena, [Occurrence(doc.id, 5, 50)], "ACTOR")
    assert err.value.field == "occurrences[0].end"
    with pytest.raises(Invalid) as err:
        search.mark(session, proj, olena, [Occurrence(doc.id, 0, 4)], "NOPE")
    assert err.value.field == "label"
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Span)) == 0
