import random

import pytest

from annotator.ingest.cleanup import (
    BLANK,
    CAPTION,
    REPEATED_TITLE,
    SHARE,
    SWITCHER,
    Cleanup,
    Dropped,
    apply,
    is_caption,
    is_language_switcher,
    is_share_line,
    propose_cleanup,
)

UK_TITLE = "Житомирська громада відкрила нову бібліотеку в колишньому млині"
UK_BODY = (
    "У суботу в селі під Житомиром запрацювала бібліотека, облаштована в будівлі старого млина.\n\n"
    "За словами старости, ремонт тривав два роки й коштував близько трьох мільйонів гривень.\n\n"
    "Агенція Reuters раніше писала про подібні проєкти в інших областях.\n"
)
EN_TITLE = "Coastal town reopens its ferry pier after storm repairs"
EN_BODY = (
    "The pier was closed for four months after a winter storm damaged its supports.\n\n"
    "Local officials said the first ferry would leave on Monday morning, Reuters reported.\n"
)
RU_TITLE = "В небольшом городе открыли музей старых радиоприёмников"
RU_BODY = "Экспозиция занимает два зала бывшей почты.\n\nВход для школьников будет бесплатным.\n"


def reasons(cleanup: Cleanup) -> list[str]:
    return [d.reason for d in cleanup.dropped]


def assert_consistent(original: str, cleanup: Cleanup) -> None:
    assert apply(original, cleanup.dropped) == cleanup.text
    previous_end = 0
    for piece in cleanup.dropped:
        assert previous_end <= piece.start < piece.end <= len(original)
        assert original[piece.start : piece.end] == piece.text
        previous_end = piece.end
        if piece.reason == BLANK:
            assert not piece.text.strip()


def test_language_switcher_repeated_title_and_caption_are_dropped():
    original = f"ua en ru\n\n{UK_TITLE}\n\n{UK_TITLE}\nФото: Reuters\n\n{UK_BODY}"
    cleanup = propose_cleanup(original, "uk")
    assert cleanup.text == f"{UK_TITLE}\n\n{UK_BODY}"
    assert reasons(cleanup) == [SWITCHER, BLANK, BLANK, REPEATED_TITLE, CAPTION]
    assert cleanup.dropped[0].text == "ua en ru\n"
    assert cleanup.dropped[3].text == f"{UK_TITLE}\n"
    assert cleanup.dropped[4].text == "Фото: Reuters\n"
    assert_consistent(original, cleanup)


def test_title_repeated_with_its_caption_on_the_same_line():
    caption = "A ferry worker checks the mooring ropes (photo: Getty Images)"
    original = f"UA | EN | RU\n\n{EN_TITLE}\n\n{EN_TITLE} {caption}\n\n{EN_BODY}"
    cleanup = propose_cleanup(original)
    assert cleanup.text == f"{EN_TITLE}\n\n{EN_BODY}"
    assert [(d.reason, d.text) for d in cleanup.dropped if d.reason != BLANK] == [
        (SWITCHER, "UA | EN | RU\n"), (REPEATED_TITLE, f"{EN_TITLE} "), (CAPTION, f"{caption}\n")]
    assert_consistent(original, cleanup)


def test_caption_between_the_title_and_its_repeat():
    original = f"{RU_TITLE}\n© Фото пресс-службы\n{RU_TITLE}\n\n{RU_BODY}"
    cleanup = propose_cleanup(original, "ru")
    assert cleanup.text == f"{RU_TITLE}\n\n{RU_BODY}"
    assert reasons(cleanup) == [CAPTION, REPEATED_TITLE]
    assert_consistent(original, cleanup)


def test_repeat_without_a_caption_is_dropped_alone():
    original = f"{EN_TITLE}\n{EN_TITLE}\n{EN_BODY}"
    cleanup = propose_cleanup(original)
    assert cleanup.text == f"{EN_TITLE}\n{EN_BODY}"
    assert reasons(cleanup) == [REPEATED_TITLE]


def test_trailing_share_and_subscribe_lines_are_dropped():
    tail = ("\n\nПоділитися\nFacebook Twitter Telegram\n\n👉 Підписуйтесь на наш Telegram-канал\n"
            "Читайте також: Як громади відновлюють бібліотеки\n")
    original = f"{UK_TITLE}\n\n{UK_BODY}{tail}"
    cleanup = propose_cleanup(original)
    assert cleanup.text == f"{UK_TITLE}\n\n{UK_BODY}"
    assert reasons(cleanup) == [BLANK, SHARE, SHARE, BLANK, SHARE, SHARE]
    assert_consistent(original, cleanup)


@pytest.mark.parametrize("tail", [
    "Share\n", "Share on: Facebook | X | Email", "Поделиться", "Subscribe to our newsletter",
    "Follow us on Telegram", "Read also: Ferries return to the northern islands", "Facebook · Telegram · Viber",
    "Подписывайтесь на наш канал в Telegram", "Читайте также: Музей открыл новый зал",
])
def test_each_kind_of_trailing_line_is_recognised(tail):
    original = f"{EN_TITLE}\n\n{EN_BODY}\n{tail}"
    cleanup = propose_cleanup(original)
    assert cleanup.text == f"{EN_TITLE}\n\n{EN_BODY}"
    assert SHARE in reasons(cleanup)
    assert_consistent(original, cleanup)


@pytest.mark.parametrize("original", [
    f"{EN_TITLE}\n\n{EN_BODY}",
    f"{UK_TITLE}\n\n{UK_BODY}",
    f"{RU_TITLE}\n\n{RU_BODY}",
    f"UK, EU agree on new fishing quotas\n\n{EN_BODY}",
    f"EN\n\n{EN_BODY}",
    f"{EN_TITLE}\nPhoto: Reuters\n\n{EN_BODY}",
    f"{EN_TITLE}\n\n{EN_BODY}\n{EN_TITLE}\n",
    f"{EN_TITLE}\n\n{EN_BODY}\nShare prices of the ferry operator rose by three percent on Monday.\n",
    f"{EN_TITLE}\n\nReuters reported the repairs were finished ahead of schedule.\n\n{EN_BODY}",
    f"{EN_TITLE}\n\n\n\n{EN_BODY}\n\n\n",
    f"{EN_TITLE}\n\nSubscribe lines in the middle are kept.\nFollow us on Telegram\n\n{EN_BODY}",
    "Share\n",
    "",
])
def test_ordinary_text_is_left_alone(original):
    cleanup = propose_cleanup(original)
    assert cleanup.dropped == []
    assert cleanup.text == original
    assert not cleanup.changed


def test_reuters_in_a_sentence_after_a_repeated_title_is_kept():
    paragraph = "Reuters said the pier had been closed since January, citing two port officials."
    original = f"{EN_TITLE}\n{EN_TITLE}\n{paragraph}\n\n{EN_BODY}"
    cleanup = propose_cleanup(original)
    assert reasons(cleanup) == [REPEATED_TITLE]
    assert paragraph in cleanup.text


def test_offsets_are_code_points_after_emoji():
    title = "🇺🇦🔥 Волонтери передали 😊 генератори лікарні"
    original = f"uk / en\n{title}\n{title}\n🎉 Фото: архів громади\nЛікарня отримала два генератори.\n\n📢 Поділитися\n"
    cleanup = propose_cleanup(original)
    by_reason = {d.reason: d for d in cleanup.dropped}
    repeat_at = original.index(title, original.index(title) + 1)
    assert (by_reason[REPEATED_TITLE].start, by_reason[REPEATED_TITLE].end) == (repeat_at, repeat_at + len(title) + 1)
    assert by_reason[CAPTION].start == original.index("🎉")
    assert by_reason[SHARE].start == original.index("📢")
    assert len(original.encode("utf-16-le")) // 2 > len(original)
    assert_consistent(original, cleanup)
    assert cleanup.text == f"{title}\nЛікарня отримала два генератори.\n"


def test_blank_lines_left_behind_collapse_to_one():
    original = f"{EN_TITLE}\n\n\n{EN_TITLE}\nPhoto: AP\n\n\n{EN_BODY}"
    cleanup = propose_cleanup(original)
    assert cleanup.text == f"{EN_TITLE}\n\n{EN_BODY}"
    assert [d.reason for d in cleanup.dropped].count(BLANK) >= 1
    assert_consistent(original, cleanup)


def test_windows_line_breaks_are_kept_whole():
    original = f"ua en ru\r\n{EN_TITLE}\r\n{EN_TITLE}\r\n{EN_BODY}"
    cleanup = propose_cleanup(original)
    assert cleanup.dropped[0].text == "ua en ru\r\n"
    assert cleanup.text == f"{EN_TITLE}\r\n{EN_BODY}"


def test_line_predicates():
    assert is_language_switcher("ua en ru") and is_language_switcher("UK/EN/DE") and is_language_switcher("укр | eng")
    assert not is_language_switcher("en") and not is_language_switcher("de fr")
    assert not is_language_switcher("ua en ru de pl") and not is_language_switcher("en en")
    assert is_caption("Фото: Reuters") and is_caption("Photo: AP") and is_caption("© Getty Images")
    assert is_caption("Getty Images") and is_caption("Ілюстративне фото")
    assert is_caption("Рятувальники на місці / УНІАН")
    assert is_caption("A ferry worker checks the ropes (photo: Getty Images)")
    assert not is_caption("Reuters said the pier had been closed since January, citing two port officials.")
    assert not is_caption("Reuters " + "reported that the negotiations continued late into the night. " * 4)
    assert is_share_line("Поділитися") and is_share_line("Share this article") and is_share_line("Telegram")
    assert is_share_line("По темі: Громади відкривають бібліотеки") and is_share_line("Related:")
    assert not is_share_line("Share prices fell.") and not is_share_line("Telegram is popular in Ukraine.")
    assert not is_share_line("На тему переговорів висловився також мер міста.")


def test_apply_rejects_overlapping_or_outside_ranges():
    assert apply("abcdef", [Dropped(1, 2, "b", SHARE), Dropped(4, 6, "ef", SHARE)]) == "acd"
    with pytest.raises(ValueError):
        apply("abcdef", [Dropped(2, 4, "cd", SHARE), Dropped(3, 5, "de", SHARE)])
    with pytest.raises(ValueError):
        apply("abc", [Dropped(2, 9, "c", SHARE)])


FRAGMENTS = [
    "ua en ru", "UA | EN", EN_TITLE, UK_TITLE, "Photo: Reuters", "Фото: УНІАН", f"{EN_TITLE} A pier (photo: AP)",
    "Share", "Поділитися", "Facebook Telegram", "Read also: ferries", "Follow us on Telegram", "", "", " ",
    "🇺🇦 Прапор 😊", "Reuters said the talks went on.", "Short.", "Share prices rose.", "\t", "ru", "© Getty Images",
]


def random_text(rng: random.Random) -> str:
    lines = [rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 12))]
    return rng.choice(["\n", "\r\n", "\n\n"]).join(lines) + rng.choice(["", "\n", "\n\n\n"])


def assert_content_survives(original: str, cleanup: Cleanup) -> None:
    """Something is always left, and the first line that is not a language switcher is never dropped."""
    content = [line.strip() for line in original.splitlines() if line.strip()]
    if len(content) > 1 and is_language_switcher(content[0]):
        content.pop(0)
    if content:
        assert cleanup.text.strip()
        assert cleanup.text.lstrip().startswith(content[0])


def test_cleaned_text_is_the_original_less_exactly_the_dropped_ranges():
    rng = random.Random(20250318)
    for _ in range(3000):
        original = random_text(rng)
        cleanup = propose_cleanup(original)
        assert_consistent(original, cleanup)
        assert_content_survives(original, cleanup)


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # optional: the seeded test above covers the same invariant
    given = None

if given is not None:
    line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))

    @settings(max_examples=400, database=None, deadline=None)
    @given(st.lists(line, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n", "\n \n"]))
    def test_invariant_holds_for_any_text(lines, sep):
        original = sep.join(lines)
        cleanup = propose_cleanup(original)
        assert_consistent(original, cleanup)
        assert_content_survives(original, cleanup)
