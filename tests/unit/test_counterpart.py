"""Projection boundaries from word-level evidence: whole names, titles with the name, no verbs."""

import pytest

from annotator.align import lexicon
from annotator.align.counterpart import Leftover, counterpart, unexplained
from annotator.align.counterpart.clauses import _main_verb
from annotator.align.counterpart.find import _genitive_noun
from annotator.align.counterpart.grammar import _complement_length
from annotator.align.counterpart.runs import _TOKEN, _trimmed
from annotator.align.counterpart.words import _abbreviation, _name_keys, _similar_word
from annotator.align.glossary import same_meaning


def projected(sentence, phrase, window, src, tgt, lexicons=None, clause=False):
    start = sentence.index(phrase)
    found = counterpart(sentence, start, start + len(phrase), window, src, tgt, lexicons, clause)
    return window[found[0]:found[1]] if found else None


def test_an_organisation_does_not_swallow_the_verb_or_a_neighbouring_phrase():
    en = ("Russia is preparing a new offensive after talks on ending the war, the Institute for the Study of War "
          "reports.")
    uk = "Росія готує новий наступ після переговорів про завершення війни, повідомляє Інститут вивчення війни."
    ru = "Россия готовит новое наступление после переговоров о завершении войны, сообщает Институт изучения войны."
    assert projected(en, "Institute for the Study of War", uk, "en", "uk") == "Інститут вивчення війни"
    assert projected(en, "Institute for the Study of War", ru, "en", "ru") == "Институт изучения войны"


def test_a_title_comes_with_the_name():
    en = "The envoy met US President Donald Trump on Monday."
    assert projected(en, "US President Donald Trump", "Посланець зустрівся з президентом США Дональдом Трампом "
                     "у понеділок.", "en", "uk") == "президентом США Дональдом Трампом"
    assert projected(en, "US President Donald Trump", "Посланник встретился с президентом США Дональдом Трампом "
                     "в понедельник.", "en", "ru") == "президентом США Дональдом Трампом"


def test_a_phrase_without_evidence_has_no_counterpart():
    assert projected("He left early.", "He", "Він пішов рано.", "en", "uk") is None


def test_a_head_noun_takes_its_genitive_complement_but_not_according_to():
    en = "According to the Department of Natural Resources, the lake froze early."
    uk = "За даними Департаменту природних ресурсів, озеро замерзло рано."
    assert projected(en, "Department of Natural Resources", uk, "en", "uk") == "Департаменту природних ресурсів"
    en = "The Ministry of Internal Affairs denied it."
    assert projected(en, "Ministry of Internal Affairs", "Міністерство внутрішніх справ це заперечило.", "en",
                     "uk") == "Міністерство внутрішніх справ"


def test_a_title_and_an_unknown_genitive_chain_join_the_name():
    en = "The opening was led by Secretary General of the Supreme Council of Antiquities Ahmed Saleh."
    phrase = "Secretary General of the Supreme Council of Antiquities Ahmed Saleh"
    uk = "Відкриття провели генеральний секретар Вищої ради старожитностей Ахмед Салех."
    ru = "Открытие вели Генеральный секретарь Высшего совета по древностям Ахмед Салех."
    assert projected(en, phrase, uk, "en", "uk") == "генеральний секретар Вищої ради старожитностей Ахмед Салех"
    # «вели» (they led) is also a rare first name for pymorphy3: a lower-case name is not taken
    assert projected(en, phrase, ru, "en", "ru") == "Генеральный секретарь Высшего совета по древностям Ахмед Салех"


def test_short_names_match_by_transliteration_and_a_soft_c():
    # no lexicon: the shipped one has seen these names in the dev sets
    assert projected("Kuch said the police came late.", "Kuch", "Куч сказав, що поліція приїхала пізно.", "en",
                     "uk", {}) == "Куч"
    assert projected("Lee Grace won the race.", "Lee Grace", "Ли Грейс выиграла гонку.", "en", "ru", {}) == \
        "Ли Грейс"


def test_no_preposition_at_the_start_nor_a_weekday_before_the_title():
    en = "The Health Ministry of Iran reported new cases."
    uk = "У міністерстві охорони здоров'я Ірану повідомили про нові випадки."
    assert projected(en, "Health Ministry of Iran", uk, "en", "uk", {}) == "міністерстві охорони здоров'я Ірану"
    en = "On Wednesday, Iran's First Vice President Ali Karimi said the country was ready."
    ru = "Как сообщил в среду первый вице-президент Ирана Али Карими, страна готова."
    assert projected(en, "Iran's First Vice President Ali Karimi", ru, "en", "ru", {}) == \
        "первый вице-президент Ирана Али Карими"


def test_an_english_th_is_read_as_t():
    assert projected("Thani spoke first.", "Thani", "Першим виступив Тані.", "en", "uk", {}) == "Тані"


def test_a_preposition_after_the_name_is_not_taken_for_a_noun():
    en = "Zelensky told US President Joe Biden about the new attacks."
    uk = "Зеленський попередив президента США Джо Байдена про нові атаки."
    assert projected(en, "US President Joe Biden", uk, "en", "uk") == "президента США Джо Байдена"


def test_a_word_inside_a_prepositional_phrase_is_no_title():
    en = "Last week Prime Minister Denys Shmyhal visited Lviv."
    uk = "На минулому тижні прем'єр-міністр Денис Шмигаль відвідав Львів."
    assert projected(en, "Prime Minister Denys Shmyhal", uk, "en", "uk") == "прем'єр-міністр Денис Шмигаль"
    en = "He spoke with goalkeeper Leon Pohls after the match."
    uk = "Після матчу він поговорив з воротарем Леоном Полсом."
    assert projected(en, "goalkeeper Leon Pohls", uk, "en", "uk") == "воротарем Леоном Полсом"


def test_an_adjective_brings_its_noun():
    en = "Yesterday he met the Labour leader in London."
    ru = "Вчера он встретился с лидером Лейбористской партии в Лондоне."
    assert projected(en, "Labour leader", ru, "en", "ru") == "лидером Лейбористской партии"


def test_abbreviations_match_across_languages_and_a_title_agrees_across_a_country():
    en = "The plan was approved by Greek PM Kyriakos Mitsotakis and the UN."
    uk = "План схвалили прем'єр-міністр Греції Кіріакос Міцотакіс та ООН."
    assert projected(en, "Greek PM Kyriakos Mitsotakis", uk, "en", "uk") == "прем'єр-міністр Греції Кіріакос Міцотакіс"
    assert projected(en, "UN", uk, "en", "uk") == "ООН"


def test_a_short_abbreviation_matches_only_as_written():
    assert _abbreviation("US", "США") and _abbreviation("WHO's", "ВООЗ") and _abbreviation("PM", "Прем'єр-міністра")
    assert not _abbreviation("us", "США") and not _abbreviation("who", "ВООЗ") and not _abbreviation("WHO", "воз")
    assert not _abbreviation("pm", "премьер-министр") and not _abbreviation("Us", "США")


def test_a_possessives_head_and_a_two_word_name():
    en = "Reporters contacted Senator Smith's office on Monday."
    uk = "Журналісти звʼязалися з офісом сенатора Сміта в понеділок."
    assert projected(en, "Senator Smith's office", uk, "en", "uk") == "офісом сенатора Сміта"
    en = "She compared him to Soviet leader Joseph Stalin."
    ru = "Она сравнила его с главой Советского Союза Иосифом Сталиным."
    assert projected(en, "Soviet leader Joseph Stalin", ru, "en", "ru") == "главой Советского Союза Иосифом Сталиным"


def test_english_names_match_as_ukrainian_and_russian_transcribe_them():
    en = "The statement was read by Jessica Walsh and Quentin Jones."
    ru = "Заявление зачитали Джессика Уолш и Квентин Джонс."
    assert projected(en, "Jessica Walsh", ru, "en", "ru") == "Джессика Уолш"
    assert projected(en, "Quentin Jones", ru, "en", "ru") == "Квентин Джонс"


def test_a_name_and_its_title_join_across_the_comma_of_an_apposition():
    en = "The fire was contained by noon, Springfield fire chief Tom Baker said."
    ru = "Пожар локализовали к полудню, сообщил Том Бейкер, начальник пожарной охраны Спрингфилда."
    assert projected(en, "Springfield fire chief Tom Baker", ru, "en", "ru") == \
        "Том Бейкер, начальник пожарной охраны Спрингфилда"


def test_a_title_comes_with_the_complement_between_it_and_the_name():
    en = "Treasurer Olivia Hart opened the meeting."
    uk = "Скарбник клубу Олівія Гарт відкрила засідання."
    assert projected(en, "Treasurer Olivia Hart", uk, "en", "uk") == "Скарбник клубу Олівія Гарт"
    en = "Nutrition expert Mark Doyle disagreed."
    uk = "Фахівець з харчування Марк Дойл не погодився."
    assert projected(en, "Nutrition expert Mark Doyle", uk, "en", "uk") == "Фахівець з харчування Марк Дойл"


def test_words_that_name_actors_match_through_the_glossary():
    en = "The mayor thanked the ambassador on Friday."
    uk = "Мер подякував послу в пʼятницю."
    ru = "Мэр поблагодарил посла в пятницу."
    assert projected(en, "The mayor", uk, "en", "uk") == "Мер"
    assert projected(en, "ambassador", uk, "en", "uk") == "послу"
    assert projected(en, "The mayor", ru, "en", "ru") == "Мэр"
    assert projected(en, "ambassador", ru, "en", "ru") == "посла"


def test_the_glossary_does_not_take_a_word_for_another_that_starts_the_same():
    assert same_meaning("former", "en", "екс", "uk") and same_meaning("team", "en", "команди", "uk")
    assert not same_meaning("former", "en", "Експерти", "uk")  # not «екс…»
    assert not same_meaning("government", "en", "Владислав", "uk") and same_meaning("government", "en", "влади", "uk")
    assert not same_meaning("team", "en", "Командир", "uk") and not same_meaning("team", "en", "командира", "ru")
    assert not same_meaning("family", "en", "семь", "ru") and same_meaning("family", "en", "семьи", "ru")
    assert not same_meaning("father", "en", "папір", "uk") and not same_meaning("prince", "en", "принцип", "ru")
    assert not same_meaning("judge", "en", "судьба", "ru") and not same_meaning("mother", "en", "материал", "ru")
    for en, word, lang in (("boss", "Боснія", "uk"), ("gang", "Бандера", "uk"), ("older", "літні", "uk"),
                           ("accused", "обвинувачення", "uk"), ("prisoner", "в'язниці", "uk"),
                           ("community", "громадяни", "uk"), ("pupil", "учения", "ru"),
                           ("investigator", "следовательно", "ru"), ("regiment", "полковник", "ru"),
                           ("us", "американские", "ru"), ("senior", "вище", "uk"), ("union", "спілкування", "uk"),
                           ("chief", "Шеффілд", "uk"), ("council", "советую", "ru"), ("chief", "главное", "ru"),
                           ("Mayorkas", "мер", "uk"), ("Guardian", "охорона", "uk"), ("courtesy", "суд", "uk")):
        assert not same_meaning(en, "en", word, lang), (en, word)
    assert same_meaning("partner", "en", "партнёр", "ru") and same_meaning("Germany", "en", "Німеччину", "uk")


def test_a_genitive_complement_leaves_room_for_the_head_before_it():
    en = "Football bosses met the players on Monday."
    uk = "Керівництво футбольного клубу зустрілося з гравцями в понеділок."
    assert projected(en, "Football bosses", uk, "en", "uk") == "Керівництво футбольного клубу"


def test_a_quoted_name_belongs_to_the_phrase_with_its_quote_marks():
    en = "The energy company Sirius said on Monday that power would be back."
    uk = "Енергетична компанія «Сіріус» заявила в понеділок, що світло повернеться."
    assert projected(en, "energy company Sirius", uk, "en", "uk") == "Енергетична компанія «Сіріус»"


def test_a_capitalised_adjective_brings_its_noun_even_one_the_lexicon_pairs_with_a_word_outside():
    en = "Labour's executive committee met after the party conference."
    uk = "Виконавчий комітет Лейбористської партії зібрався після партійної конференції."
    assert projected(en, "Labour's executive committee", uk, "en", "uk") == "Виконавчий комітет Лейбористської партії"


def test_a_short_cognate_matches_a_longer_one():
    en = "The ecologist said the river was healthy."
    uk = "Еколог сказав, що річка здорова."
    assert projected(en, "The ecologist", uk, "en", "uk") == "Еколог"


def test_a_phrase_that_cuts_a_word_keeps_the_part_inside_it():
    en = "Michael Horton's new restaurant opened on Friday."
    uk = "Новий ресторан Майкла Гортона відкрився в пʼятницю."
    assert projected(en, "Michael Horton", uk, "en", "uk") == "Майкла Гортона"
    assert projected(en, "Michael Horton'", uk, "en", "uk") == "Майкла Гортона"  # cut at the apostrophe


def test_hyphenated_words_match_by_their_parts():
    en = "The award went to a young jazz-pianist from Lviv."
    uk = "Нагороду отримав молодий джаз-піаніст зі Львова."
    assert projected(en, "young jazz-pianist", uk, "en", "uk") == "молодий джаз-піаніст"
    en = "He met then-President Oleg Marchuk in 2019."
    uk = "Він зустрівся з тодішнім президентом Олегом Марчуком у 2019 році."
    assert projected(en, "then-President Oleg Marchuk", uk, "en", "uk") == "тодішнім президентом Олегом Марчуком"


def test_into_english_modifiers_come_before_the_head_and_a_possessive_stays_out():
    uk = "Виступив тренер з плавання Марк Дойл."
    en = "Swimming coach Mark Doyle spoke."
    assert projected(uk, "тренер з плавання Марк Дойл", en, "uk", "en") == "Swimming coach Mark Doyle"
    uk = "Хмарочос Дональда Трампа втрачає орендарів."
    en = "Donald Trump's skyscraper is losing tenants."
    assert projected(uk, "Дональда Трампа", en, "uk", "en") == "Donald Trump"
    uk = "Журналісти звʼязалися з офісом сенаторки Роджерс."
    en = "Reporters contacted Senator Rogers' office."
    assert projected(uk, "офісом сенаторки Роджерс", en, "uk", "en") == "Senator Rogers' office"


def test_into_english_a_date_word_a_number_or_including_stays_out_of_the_phrase():
    uk = "Вчора міністр оборони Джон Гілі відвідав базу."
    for en in ("Yesterday Defence Secretary John Healey visited the base.",
               "In 2023 Defence Secretary John Healey visited the base.",
               "Several people, including Defence Secretary John Healey, visited the base.",
               "Reportedly Defence Secretary John Healey visited the base."):
        assert projected(uk, "міністр оборони Джон Гілі", en, "uk", "en") == "Defence Secretary John Healey", en


def test_a_possessive_with_a_modifier_letter_apostrophe_stays_out_of_an_english_phrase():
    assert projected("Будинок Дональда Трампа згорів.", "Дональда Трампа", "Donald Trumpʼs house burned down.", "uk",
                     "en") == "Donald Trump"


def test_a_name_in_straight_quotes_comes_with_both_marks():
    en = "The energy company Sirius said on Monday."
    assert projected(en, "energy company Sirius", 'Енергетична компанія "Сіріус" заявила в понеділок.', "en",
                     "uk") == 'Енергетична компанія "Сіріус"'
    assert projected(en, "energy company Sirius", 'Энергетическая компания "Сириус" заявила в понедельник.', "en",
                     "ru") == 'Энергетическая компания "Сириус"'


def test_a_place_name_is_not_a_title_before_a_common_noun():
    en = "Besides the dollar rewards, the team behind the project launched an app."
    ru = "Кроме выгоды в долларах США команда, занимающаяся разработкой проекта, запустила приложение."
    assert projected(en, "team behind the project", ru, "en", "ru") == "команда, занимающаяся разработкой проекта"


def test_family_words_and_possessives_come_through_the_glossary():
    en = "My granddaughter and an older couple thanked the rivals of the club."
    assert projected(en, "My granddaughter", "Моїй онучці та літній парі подякували суперники клубу.", "en",
                     "uk") == "Моїй онучці"
    assert projected(en, "older couple", "Моей внучке и пожилой паре сказали спасибо соперники клуба.", "en",
                     "ru") == "пожилой паре"


def test_a_verb_is_not_a_cognate_of_a_longer_noun():
    en = "Five protesters got into the gallery on Saturday."
    ru = "В субботу пяти протестующим удалось пройти в галерею."
    assert projected(en, "Five protesters", ru, "en", "ru") == "пяти протестующим"


def test_a_silent_k_and_an_accented_soft_c_in_names():
    assert _name_keys("Knowsley") & _name_keys("Ноуслі") and _name_keys("Céline") & _name_keys("Селін")


def test_a_measure_after_a_number_is_not_a_title():
    en = "Until 2022, specialist Celine Gounder worked every day."
    ru = "До весны 2022 года специалистка Селин Гаундер работала каждый день."
    assert projected(en, "specialist Celine Gounder", ru, "en", "ru") == "специалистка Селин Гаундер"


def test_into_english_the_head_noun_comes_after_its_modifier_but_not_a_verb():
    uk = "Керівництво школи не відповіло на запит."
    assert projected(uk, "Керівництво школи", "School officials did not respond to the request.", "uk",
                     "en") == "School officials"
    uk = "Соціальний психолог радить відпочивати."
    assert projected(uk, "Соціальний психолог", "A social psychologist advises rest.", "uk",
                     "en") == "social psychologist"
    ru = "Суд присяжных признал его виновным."
    assert projected(ru, "Суд присяжных", "A jury found him guilty.", "ru", "en") == "jury"


def test_an_english_verb_between_two_matches_ends_the_phrase():
    uk = "Управління поліції Мерсісайду повідомило, що поліцейського поранено."
    en = "Merseyside Police department said a police officer was injured."
    assert projected(uk, "Управління поліції Мерсісайду", en, "uk", "en") == "Merseyside Police department"


def test_a_country_matches_its_adjective_and_a_soft_g_is_dzh():
    assert same_meaning("Russian", "en", "Росії", "uk") and same_meaning("Ukrainian", "en", "украинские", "ru")
    assert _name_keys("Rogers") & _name_keys("Роджерс") and not _name_keys("Gibson") & _name_keys("Джибсон")


def test_into_english_a_name_that_is_also_a_verb_or_ends_in_ly_stays_whole():
    uk = "Колишня прем'єр-міністерка Тереза Мей зустрілася з ведучим Біллі О'Райлі."
    en = "Former Prime Minister Theresa May met host Billy O'Reilly."
    assert projected(uk, "прем'єр-міністерка Тереза Мей", en, "uk", "en") == "Prime Minister Theresa May"
    uk = "Міністр Вілл Квінс відвідав лікарню."
    assert projected(uk, "Міністр Вілл Квінс", "Minister Will Quince visited the hospital.", "uk",
                     "en") == "Minister Will Quince"


def test_a_capitalised_noun_inside_the_sentence_is_no_title_of_a_common_noun_in_ukrainian_too():
    en = "Besides the dollar rewards, the team behind the project launched an app."
    uk = "Окрім винагород у доларах США команда проєкту запустила застосунок."
    assert projected(en, "team behind the project", uk, "en", "uk") == "команда проєкту"


def test_a_count_before_a_title_does_not_stop_it():
    en = "On Sunday 50 firefighters of the Kharkiv region put out the fire."
    uk = "У неділю 50 рятувальників Харківської області загасили пожежу."
    assert projected(en, "firefighters of the Kharkiv region", uk, "en", "uk") == "рятувальників Харківської області"


def test_and_or_of_in_the_phrase_leave_nothing_missing():
    en = "The protest grew as growing numbers of refugees and migrants crossed the sea."
    uk = "Протест посилився, оскільки зростаюча кількість біженців та мігрантів перетинала море."
    assert projected(en, "refugees and migrants", uk, "en", "uk") == "біженців та мігрантів"


def test_girls_boys_missions_and_businesses_are_in_the_glossary():
    assert same_meaning("girls", "en", "дівчата", "uk") and same_meaning("girls", "en", "девочки", "ru")
    assert same_meaning("boys", "en", "хлопців", "uk") and same_meaning("mission", "en", "миссии", "ru")
    assert same_meaning("Businesses", "en", "Підприємці", "uk") and same_meaning("House", "en", "Палатой", "ru")


def test_into_english_a_headline_in_title_case_or_a_month_does_not_join_a_name():
    assert projected("Зеленський каже, що війська РФ відступають", "війська РФ",
                     "Zelensky Says Russian Troops Are Retreating", "uk", "en") == "Russian Troops"
    assert projected("У травні солдати ЗСУ звільнили село.", "солдати ЗСУ",
                     "In May Ukrainian soldiers freed the village.", "uk", "en") == "Ukrainian soldiers"


def test_the_verkhovna_rada_is_the_parliament_and_no_start_takes_mrs_or_francisco():
    assert projected("The parliament passed the law on Tuesday.", "parliament",
                     "У вівторок Верховна Рада ухвалила закон.", "en", "uk") == "Верховна Рада"
    assert not same_meaning("mission", "en", "Місіс", "uk") and not same_meaning("France", "en", "Франциско", "ru")


def test_a_year_word_is_no_title_whatever_the_number_looks_like():
    en = "Until 2022, Dr Celine Gounder worked every day."
    ru = "До весны 2022-го года Селин Гаундер работала каждый день."
    assert projected(en, "Dr Celine Gounder", ru, "en", "ru") == "Селин Гаундер"


def test_short_names_and_abbreviations_left_as_written_match_themselves():
    en = "Reporters from AP watched fans of St. Kevin's Rangers."
    uk = "Журналісти AP спостерігали за вболівальниками St. Kevin's Rangers."
    assert projected(en, "AP", uk, "en", "uk", {}) == "AP"
    assert projected(en, "St. Kevin's Rangers", uk, "en", "uk", {}) == "St. Kevin's Rangers"


def test_a_final_s_may_be_written_z():
    assert projected("Reeves spoke first.", "Reeves", "Рівз виступила першою.", "en", "uk", {}) == "Рівз"
    assert projected("Reeves spoke first.", "Reeves", "Ривз выступила первой.", "en", "ru", {}) == "Ривз"


def test_a_number_in_a_hyphenated_word_and_a_number_word_bring_their_noun():
    en = "Police said a 15 year old was detained."
    assert projected(en, "a 15 year old", "Поліція повідомила, що затримали 15-річного підлітка.", "en", "uk",
                     {}) == "15-річного підлітка"
    en = "Yesterday 4 volunteers arrived."
    assert projected(en, "4 volunteers", "Учора приїхали четверо волонтерів.", "en", "uk", {}) == \
        "четверо волонтерів"
    assert projected(en, "4 volunteers", "Вчера приехали четверо волонтеров.", "en", "ru", {}) == \
        "четверо волонтеров"


def test_a_phrase_ending_in_an_abbreviation_in_brackets_takes_the_bracket_but_no_head_before():
    en = "Call the helpline of the National Council for Ecology (NCE) today."
    uk = "Телефонуйте сьогодні на лінію допомоги Національної ради з екології (NCE)."
    assert projected(en, "the National Council for Ecology (NCE)", uk, "en", "uk", {}) == \
        "Національної ради з екології (NCE)"


def test_a_name_left_in_latin_letters_is_taken_whole():
    en = "Derry travel to Cork next week."
    uk = "Наступного тижня Derry City їде до Корка."
    assert projected(en, "Derry", uk, "en", "uk", {}) == "Derry City"


def test_a_number_again_elsewhere_does_not_lengthen_the_phrase():
    en = "Two suspects were detained on 2 March."
    assert projected(en, "Two suspects", "Двох підозрюваних затримали 2 березня.", "en", "uk") == "Двох підозрюваних"
    en = "Police detained three men after a 3-hour standoff."
    assert projected(en, "three men", "Поліція затримала трьох чоловіків після 3-годинного протистояння.", "en",
                     "uk") == "трьох чоловіків"


def test_a_final_s_as_z_only_for_a_word_ending_in_z():
    en = "It was Paris that sent the tanks, President Zelensky said."
    assert projected(en, "Paris", "Президент Зеленський заявив, що саме Париж надіслав танки.", "en", "uk") == "Париж"
    assert projected("Hayes said the Gaza ceasefire was fragile.", "Hayes", "Перемир'я в Газі хитке, заявив Гейз.",
                     "en", "uk") == "Гейз"


def test_a_single_cyrillic_letter_is_no_name_by_its_spelling():
    assert projected("У середу В. Кличко відвідав лікарню.", "В. Кличко", "В среду В. Кличко посетил больницу.",
                     "uk", "ru") == "В. Кличко"


def test_a_latin_name_does_not_run_into_the_next_name():
    uk = "Тренер «Шемрок Роверс» Стівен Бредлі похвалив уболівальників."
    ru = "Тренер Shamrock Rovers Stephen Bradley похвалил болельщиков."
    assert projected(uk, "«Шемрок Роверс»", ru, "uk", "ru") == "Shamrock Rovers"


def test_a_bracket_with_spaces_inside_is_closed():
    en = "Officials of the International Atomic Energy Agency (IAEA) visited the plant."
    uk = "Представники Міжнародного агентства з атомної енергії ( МАГАТЕ ) відвідали станцію."
    assert projected(en, "the International Atomic Energy Agency (IAEA)", uk, "en", "uk") == \
        "Міжнародного агентства з атомної енергії ( МАГАТЕ )"


def test_collective_numbers_in_the_genitive_match():
    assert projected("Police freed five detainees.", "five detainees", "Полиция отпустила пятерых задержанных.",
                     "en", "ru") == "пятерых задержанных"
    assert projected("Пятерых задержанных отпустили.", "Пятерых задержанных", "П'ятьох затриманих відпустили.",
                     "ru", "uk") == "П'ятьох затриманих"


def test_the_rest_of_a_number_compound_is_not_missing():
    en = "The storm killed a 70-year-old woman on Friday."
    ru = "В пятницу буря унесла жизнь 70-летней женщины."
    assert projected(en, "a 70-year-old woman", ru, "en", "ru") == "70-летней женщины"


def test_a_word_repeated_beyond_a_gap_is_not_part_of_the_phrase():
    en = "There are lessons for the Green party and all political parties."
    ru = "Уроки нужно вынести Партии зелёных и всем политическим партиям."
    assert projected(en, "all political parties", ru, "en", "ru", {}) == "всем политическим партиям"


def test_all_another_and_users_are_in_the_glossary():
    en = "Another user wrote that all six men were safe."
    uk = "Інший користувач написав, що всі шість чоловіків у безпеці."
    assert projected(en, "Another user", uk, "en", "uk", {}) == "Інший користувач"
    assert projected(en, "all six men", uk, "en", "uk") == "всі шість чоловіків"


def test_into_english_an_abbreviation_before_a_possessive_and_a_noun_after_a_number():
    assert projected("Журналісти AP стежили за цим.", "AP", "AP's reporters followed it.", "uk", "en", {}) == "AP"
    assert projected("Рятувальники знайшли 5 альпіністів на хребті.", "5 альпіністів",
                     "Rescuers found 5 climbers on the ridge.", "uk", "en", {}) == "5 climbers"
    assert projected("Загинули 15 осіб.", "15 осіб", "15 people died.", "uk", "en") == "15 people"


def test_into_english_over_before_a_number_and_a_headline_verb_stay_out():
    uk = "Звіт надіслали понад 70 комітетам і підкомітетам Конгресу."
    en = "The report went to the over 70 Congressional committees and subcommittees."
    assert projected(uk, "70 комітетам і підкомітетам Конгресу", en, "uk", "en",
                     {}) == "70 Congressional committees and subcommittees"
    uk = "Сенатор Роджерс назвала прем'єр-міністерку Нової Зеландії «Леніним»."
    assert projected(uk, "прем'єр-міністерку Нової Зеландії", "Senator Rogers Calls New Zealand PM 'Lenin'", "uk",
                     "en") == "New Zealand PM"
    ru = "Сенатор Роджерс раскритиковала премьер-министра Новой Зеландии."
    assert projected(ru, "премьер-министра Новой Зеландии", "Senator Rogers Slams New Zealand PM Over Remarks", "ru",
                     "en") == "New Zealand PM"


def test_supporters_and_pupils_in_the_glossary():
    assert projected("Прихильниця Трампа виступила на мітингу.", "Прихильниця Трампа",
                     "A Trump supporter spoke at the rally.", "uk", "en") == "Trump supporter"
    assert projected("Учні школи вийшли на протест.", "Учні школи", "Students at the school staged a protest.", "uk",
                     "en") == "Students at the school"


def test_competing_factions_and_the_ambulance_are_in_the_glossary():
    en = "Competing factions blamed rival factions for the delay."
    ru = "Соперничающие группы обвинили в задержке конкурирующие фракции."
    assert projected(en, "rival factions", ru, "en", "ru", {}) == "конкурирующие фракции"
    en = "The ambulance crew arrived within minutes."
    uk = "Бригада швидкої приїхала за кілька хвилин."
    assert projected(en, "ambulance crew", uk, "en", "uk", {}) == "Бригада швидкої"


def test_honorifics_rulers_and_the_g7():
    en = "Mr Hale told the committee that the G7 ministers had met the Taliban rulers."
    uk = "Пан Гейл повідомив комітету, що міністри Великої сімки зустрілися з правителями талібів."
    assert projected(en, "Mr Hale", uk, "en", "uk", {}) == "Пан Гейл"
    assert projected(en, "G7 ministers", uk, "en", "uk", {}) == "міністри Великої сімки"
    assert projected(en, "Taliban rulers", uk, "en", "uk", {}) == "правителями талібів"


def test_an_english_article_has_no_lexicon_partner():
    en = "The ministry said that the Foreign Secretary will travel."
    ru = "Министерство заявило, что министр иностранных дел поедет."
    lexicons = lexicon.prepare({("en", "ru"): {lexicon.stem("the"): (lexicon.stem("что"),)}})
    assert projected(en, "the Foreign Secretary", ru, "en", "ru", lexicons) == "министр иностранных дел"


def test_a_capitalised_article_leaves_nothing_to_look_for():
    assert projected("The Council met on Monday.", "The Council", "Рада Бреннана зібралася в понеділок.", "en", "uk",
                     {}) == "Рада"
    assert projected("A Council member spoke.", "A Council member", "Член Ради Кларк виступив.", "en", "uk", {}) == \
        "Член Ради"


def test_a_coordinated_phrase_keeps_its_repeated_head():
    en = "The minister and the deputy minister resigned on Monday."
    uk = "Міністр і заступник міністра подали у відставку в понеділок."
    assert projected(en, "The minister and the deputy minister", uk, "en", "uk") == "Міністр і заступник міністра"
    en = "Representatives of the city and of the region took part."
    ru = "Представители города и представители области приняли участие."
    assert projected(en, "Representatives of the city and of the region", ru, "en", "ru") == ru[:ru.index(" приняли")]


def test_second_is_not_other_and_a_clock_is_not_the_prime_minister():
    en = "Police detained the second suspect on Friday, while other suspects are still at large."
    uk = "Поліція затримала другого підозрюваного в п'ятницю, а інші підозрювані досі на волі."
    assert projected(en, "the second suspect", uk, "en", "uk") == "другого підозрюваного"
    uk = "Виступ о 16:00 запланував прем'єр-міністр."
    assert projected(uk, "прем'єр-міністр", "The Prime Minister has scheduled a speech for 4 PM.", "uk",
                     "en") == "Prime Minister"


def test_under_secretary_and_the_big_seven():
    assert projected("Заступник міністра Джон Сміт прибув до Києва.", "Заступник міністра Джон Сміт",
                     "Under Secretary John Smith arrived in Kyiv.", "uk", "en") == "Under Secretary John Smith"
    assert projected("The G7 said it would support Ukraine.", "The G7", "Велика сімка заявила, що підтримає Україну.",
                     "en", "uk") == "Велика сімка"


def test_a_word_the_phrase_has_twice_is_not_trimmed():
    uk = "Поліцейські з відділку поліції в Лідсі заарештували чоловіка."
    ru = "Полицейские из отделения полиции в Лидсе арестовали мужчину."
    assert projected(uk, "Поліцейські з відділку поліції в Лідсі", ru, "uk", "ru") == ru[:ru.index(" арестовали")]


def test_a_number_in_a_name_is_no_count():
    uk = "Радіостанція BBC Radio 4 повідомила, що ведучий пішов."
    en = "BBC Radio 4 presenter John Smith has left, the station said."
    assert projected(uk, "Радіостанція BBC Radio 4", en, "uk", "en") == "BBC Radio 4"


def test_a_name_the_translation_quotes_comes_with_its_marks_unless_the_source_quoted_it():
    assert projected("Leinster beat Ulster on Friday.", "Leinster", "«Ленстер» переміг «Ольстер» у п'ятницю.", "en",
                     "uk", {}) == "«Ленстер»"
    assert projected('He called it a "Leinster" win.', "Leinster", "Він назвав це перемогою «Ленстер».", "en", "uk",
                     {}) == "Ленстер"


def test_a_full_back_plural_families_and_just_one():
    assert projected("Johnson spoke to full-back Harris.", "full-back Harris",
                     "Джонсон поговорив із фулбеком Гаррісом.", "en", "uk", {}) == "фулбеком Гаррісом"
    assert projected("Two families and just one volunteer stayed.", "Two families",
                     "Залишилися дві сім'ї і лише один волонтер.", "en", "uk", {}) == "дві сім'ї"
    assert projected("Two families and just one volunteer stayed.", "just one volunteer",
                     "Залишилися дві сім'ї і лише один волонтер.", "en", "uk", {}) == "лише один волонтер"


def test_special_services_are_intelligence():
    assert projected("US intelligence expects a long winter.", "US intelligence",
                     "По оценкам спецслужб США, зима будет долгой.", "en", "ru", {}) == "спецслужб США"


def test_a_name_matches_one_person_of_two_with_the_same_first_letters():
    uk = "Джон Льюїс і Джонсон виступили."
    assert projected("John Lewis and Johnson spoke.", "Johnson", uk, "en", "uk") == "Джонсон"


def test_a_century_in_roman_numerals_and_merchants_and_singers():
    en = "The museum shows a portrait of the 18th century merchant Ivan Sobol."
    uk = "Музей показує портрет купця XVIII століття Івана Соболя."
    assert projected(en, "18th century merchant Ivan Sobol", uk, "en", "uk", {}) == "купця XVIII століття Івана Соболя"
    en = "Singer Olena Zhuk opened the concert."
    assert projected(en, "Singer Olena Zhuk", "Концерт відкрила співачка Олена Жук.", "en", "uk", {}) == \
        "співачка Олена Жук"


# Rules of rounds 13-20, one example each of our own (sentence, phrase, translation, languages, counterpart).
ROUND_EXAMPLES = {
    "a person in the instrumental before a genitive is its head": (
        "Before the war she was keeper of the city archive.", "keeper of the city archive",
        "До війни вона була хранителькою міського архіву.", "en", "uk", "хранителькою міського архіву"),
    "a person in the instrumental, in Russian": (
        "Before the war she was keeper of the city archive.", "keeper of the city archive",
        "До войны она была хранительницей городского архива.", "en", "ru", "хранительницей городского архива"),
    "no head after a preposition": (
        "According to the city archive keeper, the reading room opens in May.", "city archive",
        "За даними хранителя міського архіву, читальна зала відкриється у травні.", "en", "uk", "міського архіву"),
    "a thing in the instrumental is no head": (
        "Talks were slowed by the UN special rapporteur.", "UN special rapporteur",
        "Переговори було сповільнено призначенням спеціального доповідача ООН.", "en", "uk",
        "спеціального доповідача ООН"),
    "the person governing the phrase is no head of it": (
        "She worked for years as an assistant to Kyiv city council member Oleh Petrenko.",
        "Kyiv city council member Oleh Petrenko", "Вона роками працювала помічницею депутата Київради Олега Петренка.",
        "en", "uk", "депутата Київради Олега Петренка"),
    "a coordinated name joins across its conjunction": (
        "The Foreign and Development Office warned travellers on Tuesday.", "Foreign and Development Office",
        "Міністерство закордонних справ та міжнародного розвитку у вівторок попередило мандрівників.", "en", "uk",
        "Міністерство закордонних справ та міжнародного розвитку"),
    "a coordinated name, in Russian": (
        "The Foreign and Development Office warned travellers on Tuesday.", "Foreign and Development Office",
        "Министерство иностранных дел и международного развития во вторник предупредило путешественников.", "en",
        "ru", "Министерство иностранных дел и международного развития"),
    "a lower-case preposition stays out of an English phrase": (
        "Під нинішнім урядом Польщі країна змінилася.", "нинішнім урядом Польщі",
        "The country changed under Poland's current government.", "uk", "en", "Poland's current government"),
    "a common English verb stays out": (
        "Ми хочемо, щоб люди в усіх цих країнах були в безпеці.", "люди в усіх цих країнах",
        "We want folks in all these countries to be safe.", "uk", "en", "folks in all these countries"),
    "think tank: think is no verb here": (
        "Вашингтонський аналітичний центр Atlantic Council опублікував звіт.",
        "Вашингтонський аналітичний центр Atlantic Council",
        "The Washington think tank Atlantic Council published a report.", "uk", "en",
        "Washington think tank Atlantic Council"),
    "a thing before a person's name is theirs, no title": (
        "Police searched the flat of Tom Archer, one of the bakers who left, on Friday.",
        "Tom Archer, one of the bakers who left",
        "Поліція обшукала квартиру Тома Арчера, одного з пекарів, які поїхали, у п'ятницю.", "en", "uk",
        "Тома Арчера, одного з пекарів, які поїхали"),
    "a name particle matches": (
        "The minister met Khalid Al Mansouri on Monday.", "Al Mansouri",
        "Міністр зустрівся з Халідом Аль Мансурі в понеділок.", "en", "uk", "Аль Мансурі"),
    "Ван is Wang, not van": (
        "Chinese Foreign Minister Wang Yi met Dutch coach Louis van Gaal.", "Chinese Foreign Minister Wang Yi",
        "Министр иностранных дел Китая Ван И встретился с голландским тренером Луи ван Галом.", "en", "ru",
        "Министр иностранных дел Китая Ван И"),
    "a phrase with a clause goes on across its comma": (
        "The family of a nurse who was injured in Kharkiv asked for help.",
        "family of a nurse who was injured in Kharkiv",
        "Родина медсестри, яка була поранена в Харкові, попросила допомоги.", "en", "uk",
        "Родина медсестри, яка була поранена в Харкові"),
    "a participle clause too, but not past a preposition of time": (
        "Lawyers defended protesters arrested for blocking a bridge in Lviv during a rally.",
        "protesters arrested for blocking a bridge in Lviv",
        "Адвокаты защищали протестующих, задержанных за перекрытие моста во Львове во время митинга.", "en", "ru",
        "протестующих, задержанных за перекрытие моста во Львове"),
    "a one-word phrase takes no clause": (
        "The mayor, who spoke to reporters in Odesa on Monday, thanked the volunteers.", "mayor",
        "Мер, який у понеділок говорив з журналістами в Одесі, подякував волонтерам.", "en", "uk", "Мер"),
    "a relative clause comes whole, with the pronoun it hangs on": (
        "I doubt that those who built the dam knew about the fault.", "those who built the dam",
        "Сумніваюся, що ті, хто будував дамбу, знали про розлом.", "en", "uk", "ті, хто будував дамбу"),
    "a relative clause after the noun goes to its comma": (
        "Most of the volunteers who came from Lviv stayed for a week.", "volunteers who came from Lviv",
        "Більшість волонтерів, які приїхали зі Львова, залишилися на тиждень.", "en", "uk",
        "волонтерів, які приїхали зі Львова"),
    "a relative clause ends at a conjunction the source clause does not have": (
        "She passed a pensioner who waved and smiled.", "pensioner who waved",
        "Она прошла мимо пенсионера, который помахал и улыбнулся.", "en", "ru", "пенсионера, который помахал"),
    "a relative pronoun before the run brings its antecedent": (
        "Those who know Marta Kovalenko will recognise the photo.", "Those who know Marta Kovalenko",
        "Все, кому знакома Марта Коваленко, узнают эту фотографию.", "en", "ru", "Все, кому знакома Марта Коваленко"),
    "a clause the translation makes a participle keeps the phrase's words": (
        "The choir sang for one of the miners who died.", "one of the miners who died",
        "Хор співав для одного з загиблих шахтарів.", "en", "uk", "одного з загиблих шахтарів"),
    "a quoted exclamation is closed": (
        "He thanked the guard who shouted a warning.", "guard who shouted a warning",
        "Він подякував охоронцю, який крикнув «Обережно!» і побіг.", "en", "uk", "охоронцю, який крикнув «Обережно!»"),
    "a pronoun used as an adjective brings its noun": (
        "I showed the letter to my colleague.", "my colleague", "Я показав лист моєму колезі.", "en", "uk",
        "моєму колезі"),
    "a noun after more adjectives comes with them": (
        "I talked about my office nemesis.", "my office nemesis",
        "Я рассказывал о моем офисном заклятом недруге.", "en", "ru", "моем офисном заклятом недруге"),
    "a personal pronoun is no adjective of the noun after it": (
        "The poet saw him as Soviet leader Vladimir Lenin.", "Soviet leader Vladimir Lenin",
        "Поэтесса считала его главой Советского Союза Владимиром Лениным.", "en", "ru",
        "главой Советского Союза Владимиром Лениным"),
    "a relative clause crosses the comma of a clause of its own": (
        "The fund helps families who took in a child who was left alone.",
        "families who took in a child who was left alone",
        "Фонд допомагає сім'ям, які прихистили дитину, яка залишилася сама.", "en", "uk",
        "сім'ям, які прихистили дитину, яка залишилася сама"),
    "a relative pronoun before the run brings the noun it hangs on": (
        "The course is for novices who want to work with Olena Marchuk.", "novices who want to work with Olena Marchuk",
        "Курс призначений для початківців, які хочуть працювати з Оленою Марчук.", "en", "uk",
        "початківців, які хочуть працювати з Оленою Марчук"),
    "a Greek ch is х": (
        "Chondroitin is sold in every pharmacy.", "Chondroitin", "Хондроитин продается в каждой аптеке.", "en", "ru",
        "Хондроитин"),
    "Jr. is the younger": (
        "Walter and Walter Jr. left early.", "Walter Jr.", "Волтер і Волтер молодший пішли рано.", "en", "uk",
        "Волтер молодший"),
    # what the review of rounds 20 and 21 found broken, in its own sentences
    "WHO is no relative pronoun": (
        "The head of the WHO, who visited Kyiv, met doctors.", "head of the WHO",
        "Голова ВООЗ, який відвідав Київ, зустрівся з лікарями.", "en", "uk", "Голова ВООЗ"),
    "a pronoun whose clause is another's stays out": (
        "The lawyer who represents Ivanenko, who is accused of fraud, spoke to reporters.",
        "lawyer who represents Ivanenko",
        "Адвокат Іваненка, якого звинувачують у шахрайстві, поспілкувався з журналістами.", "en", "uk",
        "Адвокат Іваненка"),
    "a relative clause ends before a preposition whose noun is outside": (
        "Police arrested the men who attacked the shop on Tuesday.", "men who attacked the shop",
        "Поліція затримала чоловіків, які напали на магазин у вівторок.", "en", "uk",
        "чоловіків, які напали на магазин"),
    "no pronoun before a run that holds the head": (
        "The man whom police who arrived from Kyiv detained was released.", "police who arrived from Kyiv",
        "Чоловіка, якого затримали поліцейські, що приїхали з Києва, відпустили.", "en", "uk",
        "поліцейські, що приїхали з Києва"),
    "a Greek ch compares the whole name": (
        "In Helsinki, Chelsea thanked her fans.", "Chelsea", "У Гельсінкі Челсі подякувала своїм фанатам.", "en",
        "uk", "Челсі"),
    "into English a relative clause without evidence is as long as the source clause": (
        "Я не думаю, що ті, хто це роблять, це усвідомлюють.", "ті, хто це роблять",
        "I don't think those who perpetuate it are aware of it.", "uk", "en", "those who perpetuate it"),
    "into English a relative clause with evidence ends at it": (
        "Сумніваюся, що ті, хто приїхав з Харкова, знали про розлом.", "ті, хто приїхав з Харкова",
        "I doubt that those who came from Kharkiv knew about the fault.", "uk", "en", "those who came from Kharkiv"),
    "into English a genitive is an 'of' complement after the head": (
        "Вища рада старожитностей схвалила план.", "Вища рада старожитностей",
        "The Supreme Council of Antiquities approved the plan.", "uk", "en", "Supreme Council of Antiquities"),
    "… or a 'for' one": (
        "Представитель галереи Тейт отказался от комментариев.", "Представитель галереи Тейт",
        "A spokesperson for the Tate declined to comment.", "ru", "en", "spokesperson for the Tate"),
    "into English a person's name comes with its Mr": (
        "Байден заявив, що переговори тривають.", "Байден", "Mr Biden said the talks were continuing.", "uk", "en",
        "Mr Biden"),
    "into English a word in -ed after an article is an adjective of the phrase": (
        "Фонд допомагає переслідуваним релігійним громадам.", "переслідуваним релігійним громадам",
        "The fund helps the persecuted religious communities.", "uk", "en", "persecuted religious communities"),
    # what the review of the into-English rules found broken, in its own sentences
    "an 'of' or 'for' complement only for a genitive the source has": (
        "Суд оштрафував скандального блогера за наклеп.", "скандального блогера",
        "The court fined the controversial blogger for defamation.", "uk", "en", "controversial blogger"),
    "a perfect tense's -ed is a verb": (
        "Волонтери відвідали евакуйованих з Маріуполя людей.", "евакуйованих з Маріуполя людей",
        "Volunteers have visited people evacuated from Mariupol.", "uk", "en", "people evacuated from Mariupol"),
}


@pytest.mark.parametrize("rule", ROUND_EXAMPLES)
def test_rules_of_rounds_13_to_20(rule):
    sentence, phrase, window, src, tgt, expected = ROUND_EXAMPLES[rule]
    assert projected(sentence, phrase, window, src, tgt) == expected


# Glossary rows added while looking at held-out failures, each checked against a word of another meaning.
GLOSSARY_PAIRS = [
    ("envoy", "посла", "uk"), ("Pope", "Папою", "uk"), ("Tories", "консерваторів", "uk"), ("Tory", "тори", "ru"),
    ("Britain", "Великобританії", "uk"), ("disease", "заболеваний", "ru"), ("prevention", "профілактики", "uk"),
    ("development", "развития", "ru"), ("media", "ЗМІ", "uk"), ("research", "исследовательской", "ru"),
    ("team", "Група", "uk"), ("response", "реагирования", "ru"), ("side", "команда", "uk"), ("home", "хозяев", "ru"),
    ("community", "Общественность", "ru"), ("emergency", "надзвичайні", "uk"), ("staff", "персоналу", "uk"),
    ("spies", "шпионы", "ru"), ("official", "служащий", "ru"), ("home", "дому", "uk"), ("Greeks", "Грецией", "ru"),
    ("private", "Приватний", "uk"), ("ski", "лыжный", "ru"), ("resort", "курорт", "uk"), ("both", "обидві", "uk"),
    ("both", "обеих", "ru"),
    # round 20: everyday actors of forums, shops and support chats, and the pronouns phrases are made with
    ("my", "моем", "ru"), ("your", "вашої", "uk"), ("this", "этот", "ru"), ("those", "тих", "uk"),
    ("everyone", "кожному", "uk"), ("guys", "ребята", "ru"), ("sellers", "Продавці", "uk"),
    ("courier", "курьер", "ru"),
    ("employers", "работодатели", "ru"), ("Republicans", "Республіканці", "uk"),
    ("insurance", "страховые", "ru"), ("abuser", "кривдника", "uk"), ("accomplice", "сообщник", "ru"),
    ("colleague", "колезі", "uk"), ("cops", "копи", "uk"), ("Mom", "маме", "ru"), ("institutions", "установи", "uk"),
    ("Cyber", "Кіберзлочинці", "uk"), ("host", "ведучий", "uk"),
    ("many", "багатьом", "uk"), ("most", "большинство", "ru"), ("several", "нескольких", "ru"), ("some", "деякі", "uk"),
    ("each", "кожен", "uk"), ("developers", "розробники", "uk"), ("technician", "техник", "ru"),
    ("Jr", "молодший", "uk"), ("ma'am", "мадам", "ru"), ("thousands", "тисячам", "uk"), ("dozens", "десятки", "ru"),
    ("upstairs", "згори", "uk"), ("upstairs", "сверху", "ru"), ("downstairs", "знизу", "uk"),  # «Сусід згори»
    ("Forecasters", "Синоптики", "uk"), ("mother-in-law", "свекровь", "ru"), ("packer", "упаковщик", "ru"),
    ("godmother", "Кума", "uk"), ("boss", "Начальница", "ru"), ("fans", "вболівальників", "uk"),
    ("ex", "колишньою", "uk"), ("reseller", "Перекупщик", "ru"), ("developer", "забудовника", "uk"),
    ("scorer", "бомбардира", "ru"), ("couple", "подружжя", "uk"), ("processors", "переработчики", "ru"),
    ("forward", "Нападающий", "ru"), ("CEO", "генерального", "uk"), ("manager", "Керівниця", "uk"),
    ("manager", "начальник", "ru"), ("building", "будинок", "uk"), ("building", "дом", "ru"),
    ("regions", "областей", "ru"), ("region", "області", "uk"), ("Doctors", "Медики", "uk"),
    ("Firefighters", "Вогнеборці", "uk"), ("schoolteachers", "Учителя", "ru"), ("cheese", "сироварні", "uk"),
    ("operator", "перевізник", "uk"), ("limb", "кінцівок", "uk"), ("Beekeepers", "Пасічники", "uk"),
    ("hostel", "общежития", "ru"), ("Group", "семерки", "ru"), ("force", "ВПС", "uk"), ("Traffic", "ГИБДД", "ru"),
    ("official", "госслужащий", "ru"), ("official", "держслужбовець", "uk"), ("government", "Кабмин", "ru"),
    ("NBU", "Нацбанк", "uk"), ("Prosecutor", "генпрокурора", "ru"), ("Antimonopoly", "АМКУ", "uk"),
    ("Court", "КСУ", "ru"), ("ombudsman", "Уповноважений", "uk"), ("Hydrometeorological", "Укргідрометцентр", "uk"),
    ("Affairs", "Мінветеранів", "uk"), ("Ports", "АМПУ", "uk"), ("Agriculture", "Минагрополитики", "ru"),
    ("deputy", "Замглавы", "ru"), ("guards", "Прикордонники", "uk"), ("detachment", "загону", "uk"),
    ("council", "горсовета", "ru"), ("council", "міськради", "uk"), ("Rih", "Розі", "uk"), ("Rih", "Рогу", "ru"),
    ("municipal", "КП", "uk"), ("International", "МАГАТЕ", "uk"), ("Polytechnic", "КПІ", "uk"),
    ("Energy", "МЭА", "ru"), ("Agency", "ВАДА", "uk"), ("councillors", "Депутати", "uk"),
    ("Co-owners", "Співвласники", "uk"), ("high-rise", "многоэтажки", "ru"), ("Philharmonic", "філармонія", "uk"),
    ("Lore", "краєзнавчий", "uk"), ("historian", "краевед", "ru"), ("winemakers", "виноделы", "ru"),
    ("police", "ГУНП", "ru"), ("Kyiv", "Киевсовета", "ru"), ("carrier", "Авіакомпанія", "uk"),
    ("carrier", "Авиаперевозчик", "ru"),
]
NOT_GLOSSARY_PAIRS = [("world", "мирных", "ru"), ("world", "мир", "ru"), ("Tory", "торгівлі", "uk"),
                      ("emergency", "надзвичайно", "uk"), ("home", "господарство", "uk"),
                      ("copy", "поліцейський", "uk"), ("supporters", "поддержки", "ru"), ("hostage", "ведучого", "uk"),
                      ("transport", "трансгендерів", "uk"), ("blackout", "чернокожих", "ru"),
                      ("warehouse", "складом", "uk"), ("master", "майстерні", "uk"), ("buy", "Покупатели", "ru"),
                      ("institution", "установити", "uk"), ("institution", "закладено", "uk"),
                      ("convict", "заключенный", "ru"), ("host", "ведущий", "ru"), ("each", "всё", "ru"),
                      ("who", "хто", "uk"), ("his", "свой", "ru"), ("their", "свої", "uk"),
                      ("loader", "грузовик", "ru"), ("godmother", "кумир", "ru")]


@pytest.mark.parametrize(("en", "word", "lang"), GLOSSARY_PAIRS)
def test_words_added_to_the_glossary_match(en, word, lang):
    assert same_meaning(en, "en", word, lang)


@pytest.mark.parametrize(("en", "word", "lang"), NOT_GLOSSARY_PAIRS)
def test_words_of_another_meaning_do_not_match_through_the_glossary(en, word, lang):
    assert not same_meaning(en, "en", word, lang)


def test_an_english_th_is_no_t_in_cognates():
    # th read as t made "Southern" «страны» and "Authority" «території»
    assert not _similar_word("Southern", "страны", {}, ("en", "ru"))
    assert not _similar_word("Authority", "території", {}, ("en", "uk"))


def test_a_people_matches_its_place_and_a_possessive_name_is_the_name():
    assert _similar_word("Iranians", "Ирана", {}, ("en", "ru")) and _similar_word("Ирана", "Iranians", {}, ("ru", "en"))
    assert not _similar_word("Republicans", "Республики", {}, ("en", "ru"))
    assert _similar_word("Poland's", "Польщі", {}, ("en", "uk"))
    assert _similar_word("Польщі", "Poland’s", {}, ("uk", "en"))


def test_a_preposition_of_time_or_cause_starts_no_complement():
    def length(words, lang):
        target = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(words)]
        return _complement_length(target, [set()] * len(target), [False] * len(target), 1, lang)
    assert length("статуи во время марша", "ru") == 0 and length("пам'ятника під час маршу", "uk") == 0
    assert length("статуи из бронзы", "ru") == 2


def test_a_silent_h_in_john_compares_the_whole_name():
    assert _similar_word("Johnson", "Джонсоном", {}, ("en", "uk"))
    assert _similar_word("Джонсона", "Johnson", {}, ("ru", "en"))
    assert not _similar_word("John", "Джонсон", {}, ("en", "uk"))
    assert not _similar_word("Johnson", "Джон", {}, ("en", "ru"))


def test_a_claim_takes_its_verbs_up_to_the_word_that_opens_it():
    en = "The minister said the ceasefire would hold for three weeks, according to officials."
    uk = "Міністр заявив, що перемир'я триватиме три тижні, повідомили посадовці."
    ru = "Министр заявил, что перемирие продлится три недели, сообщили чиновники."
    claim = "the ceasefire would hold for three weeks"
    assert projected(en, claim, uk, "en", "uk", clause=True) == "перемир'я триватиме три тижні"
    assert projected(en, claim, ru, "en", "ru", clause=True) == "перемирие продлится три недели"
    assert projected(en, claim, uk, "en", "uk") == "три тижні"  # an actor phrase takes no verb
    assert projected(uk, "перемир'я триватиме три тижні", en, "uk", "en", clause=True) == \
        "the ceasefire would hold for three weeks"


def test_a_claim_is_the_stretch_its_words_hold_to_the_edges_of_its_clause():
    en = ("Although the bridge was closed, officials said traffic would return to normal by 7:30 on Monday and buses "
          "would run.")
    uk = ("Хоча міст був закритий, посадовці заявили, що рух повернеться до норми до 7:30 у понеділок і автобуси "
          "курсуватимуть.")
    claim = "traffic would return to normal by 7:30 on Monday and buses would run"
    assert projected(en, claim, uk, "en", "uk", clause=True) == uk[uk.index("рух"):-1]
    assert projected(uk, uk[uk.index("рух"):-1], en, "uk", "en", clause=True) == claim


def test_a_german_z_after_l_r_or_n_may_be_ts():
    assert _similar_word("Scholz", "Шольца", {}, ("en", "uk")) and _similar_word("Merz", "Мерцом", {}, ("en", "ru"))


def test_a_claim_that_ends_inside_a_quote_takes_the_closing_mark():
    en = 'He said the mayor in the photo was "thanking the volunteers".'
    uk = "Він сказав, що мер на фото «дякує волонтерам»."
    assert projected(en, 'the mayor in the photo was "thanking the volunteers"', uk, "en", "uk", clause=True) == \
        "мер на фото «дякує волонтерам»"


def test_a_claim_crosses_as_many_commas_as_it_holds_and_keeps_its_own_opening_word():
    en = "Officials said the ferry would sail again on Monday, once the gangway is mended."
    uk = "Посадовці заявили, що пором знову вийде в рейс у понеділок, щойно полагодять трап."
    claim = "the ferry would sail again on Monday, once the gangway is mended"
    assert projected(en, claim, uk, "en", "uk", clause=True) == uk[uk.index("пором"):-1]
    en = "Rescuers said that when the river rose, the road was closed for hours."
    ru = "Спасатели сообщили, что когда река поднялась, дорогу закрыли на несколько часов."
    claim = "when the river rose, the road was closed for hours"
    assert projected(en, claim, ru, "en", "ru", clause=True) == ru[ru.index("когда"):-1]


def test_countries_the_uk_and_a_bracket_inside_the_phrase():
    en = "The campaign backed the Climate Action Network (CAN) group and Australia and Hungary joined."
    uk = "Кампанія підтримала групу Мережа кліматичних дій (CAN), а Австралія та Угорщина приєдналися."
    assert projected(en, "Climate Action Network (CAN) group", uk, "en", "uk") == "групу Мережа кліматичних дій (CAN)"
    assert projected(en, "Australia and Hungary", uk, "en", "uk") == "Австралія та Угорщина"
    assert same_meaning("UK", "en", "Сполученого", "uk") and same_meaning("Turkey", "en", "Турции", "ru")


# Claims the review of the clause method broke, one example each (sentence, claim, translation, languages, result).
CLAIM_EXAMPLES = {
    "a word the speaker shares with the claim does not take the speaker in": (
        "Ukraine's foreign ministry said Ukraine had not been invited to the summit.",
        "Ukraine had not been invited to the summit", "МЗС України заявило, що Україну не запросили на саміт.",
        "en", "uk", "Україну не запросили на саміт"),
    "a comma inside a number is no comma of the claim": (
        "Russia is losing up to 1,000 soldiers a day, Britain's defence ministry says.",
        "Russia is losing up to 1,000 soldiers a day",
        "Росія втрачає до 1000 солдатів на день, повідомляє міністерство оборони Британії.", "en", "uk",
        "Росія втрачає до 1000 солдатів на день"),
    "a claim stays in its sentence": (
        "The mayor said the metro would run all night.", "the metro would run all night",
        "Мэр заявил, что метро будет работать всю ночь. Городские власти ожидают сильного снегопада.", "en", "ru",
        "метро будет работать всю ночь"),
    "a second claim after 'and that' is not this one": (
        "Officials said the city had been shelled twice and that a school had been hit.",
        "the city had been shelled twice", "Посадовці заявили, що місто двічі обстріляли і що снаряд влучив у школу.",
        "en", "uk", "місто двічі обстріляли"),
    "a comma before a Ukrainian 'because' is punctuation, not the claim's edge": (
        "Officials said the plant was shut down because the cooling system had failed.",
        "the plant was shut down because the cooling system had failed",
        "Посадовці заявили, що станцію зупинили, оскільки вийшла з ладу система охолодження.", "en", "uk",
        "станцію зупинили, оскільки вийшла з ладу система охолодження"),
    "into English the Ukrainian 'because' is the claim's own": (
        "Посадовці заявили, що станцію зупинили, оскільки вийшла з ладу система охолодження.",
        "станцію зупинили, оскільки вийшла з ладу система охолодження",
        "Officials said the plant was shut down because the cooling system had failed.", "uk", "en",
        "the plant was shut down because the cooling system had failed"),
    "the claim's own 'when' but not the 'that' before it": (
        "Witnesses said that when the police arrived, the crowd had already left.",
        "when the police arrived, the crowd had already left",
        "Свідки розповіли, що коли приїхала поліція, натовп уже розійшовся.", "en", "uk",
        "коли приїхала поліція, натовп уже розійшовся"),
    "a «що» that ends «тому що» goes on with the claim": (
        "Officials said the bridge was closed because the river had risen.",
        "the bridge was closed because the river had risen",
        "Посадовці сказали, що міст закрили, тому що річка піднялася.", "en", "uk",
        "міст закрили, тому що річка піднялася"),
    "a «что» that ends «потому что» goes on with the claim": (
        "Officials said the bridge was closed because the river had risen.",
        "the bridge was closed because the river had risen",
        "Чиновники сказали, что мост закрыли, потому что река поднялась.", "en", "ru",
        "мост закрыли, потому что река поднялась"),
    "«тим, що» crosses its comma": (
        "Residents say the company is breaking the law by dumping waste in the river.",
        "the company is breaking the law by dumping waste in the river",
        "Мешканці кажуть, що компанія порушує закон тим, що скидає відходи в річку.", "en", "uk",
        "компанія порушує закон тим, що скидає відходи в річку"),
    "a pronoun outside the claim does not cut it": (
        "Their coach said the referees had robbed them.", "the referees had robbed them",
        "Їхній тренер заявив, що судді їх обікрали.", "en", "uk", "судді їх обікрали"),
    "«так що» is a consequence outside the claim": (
        "The mayor said the bridge was damaged, so it was closed.", "the bridge was damaged",
        "Мер сказав, що міст пошкоджено, так що його закрили.", "en", "uk", "міст пошкоджено"),
    "… unless the claim says 'so'": (
        "Engineers said the tunnel flooded, so trains were stopped.", "the tunnel flooded, so trains were stopped",
        "Інженери сказали, що тунель затопило, так що потяги зупинили.", "en", "uk",
        "тунель затопило, так що потяги зупинили"),
    "the «як» of «тоді як» ('while') stays out of a position": (
        "Teachers welcomed the plan, while parents' groups opposed it.", "parents' groups opposed it",
        "Вчителі підтримали план, тоді як батьківські об'єднання виступили проти.", "en", "uk",
        "батьківські об'єднання виступили проти"),
    "and «в то время как»": (
        "Teachers welcomed the plan, while parents' groups opposed it.", "parents' groups opposed it",
        "Учителя поддержали план, в то время как родительские объединения выступили против.", "en", "ru",
        "родительские объединения выступили против"),
    "'while' opens no clause into English: «пока» is the claim's own": (
        "Он сказал, что пока врачи спорили, пациенту стало хуже.", "пока врачи спорили, пациенту стало хуже",
        "He said that while the doctors argued, the patient got worse.", "ru", "en",
        "while the doctors argued, the patient got worse"),
}


@pytest.mark.parametrize("case", CLAIM_EXAMPLES)
def test_claims_the_review_found(case):
    sentence, claim, window, src, tgt, expected = CLAIM_EXAMPLES[case]
    assert projected(sentence, claim, window, src, tgt, clause=True) == expected


def test_united_states_is_not_the_united_kingdom_nor_in_particular_private():
    en = "The UK and the United States imposed new sanctions."
    uk = "Сполучене Королівство та Сполучені Штати запровадили нові санкції."
    ru = "Соединенное Королевство и Соединенные Штаты ввели новые санкции."
    assert projected(en, "the United States", uk, "en", "uk") == "Сполучені Штати"
    assert projected(en, "the United States", ru, "en", "ru") == "Соединенные Штаты"
    assert projected(en, "UK", uk, "en", "uk") == "Сполучене Королівство"
    assert not same_meaning("private", "en", "частности", "ru") and same_meaning("private", "en", "частной", "ru")


def test_a_link_teaches_only_the_words_nothing_else_pairs():
    assert unexplained("Professor Marchuk", "професор Марчук", "en", "uk") == ("", "")
    assert unexplained("your glazier", "вашого скляра", "en", "uk") == ("glazier", "скляра")
    assert unexplained("the glazier", "скляр", "en", "uk") == ("glazier", "скляр")  # "the" teaches nothing
    assert unexplained("glazier Ostap Hnatyuk", "скляр Остап Гнатюк", "en", "uk") == ("glazier", "скляр")


def test_everyday_words_of_the_vocabulary_are_evidence_of_a_phrase_and_a_claim():
    """"said" («сказала») is a word outside the actor phrase, so the phrase stops before it; "dry", "ruin" and
    "harvest" («засушливое», «погубит», «урожай») place a claim that no name or number marks."""
    assert projected("A tired nurse from the night shift told us the ward was full.",
                     "A tired nurse from the night shift",
                     "Втомлена медсестра з нічної зміни сказала нам, що палата переповнена.", "en", "uk") \
        == "Втомлена медсестра з нічної зміни"
    assert projected("Local farmers warned that the dry summer would ruin the harvest.",
                     "the dry summer would ruin the harvest",
                     "Местные фермеры предупредили, что засушливое лето погубит урожай.", "en", "ru", clause=True) \
        == "засушливое лето погубит урожай"


@pytest.mark.parametrize(("sentence", "phrase", "window", "tgt", "expected"), [
    ("Thousands of #MeToo activists marched in Kyiv.", "#MeToo activists",
     "Тисячі активістів #MeToo пройшли Києвом.", "uk", "активістів #MeToo"),
    ("The editors of @kyivpost replied at once.", "@kyivpost", "Редактори @kyivpost одразу відповіли.", "uk",
     "@kyivpost"),
    ("Thank you for contacting #PRS_ORG#.", "#PRS_ORG#", "Спасибо, что обратились в #PRS_ORG#.", "ru",
     "#PRS_ORG#"),
])
def test_a_hashtag_a_mention_or_a_placeholder_keeps_its_marks(sentence, phrase, window, tgt, expected):
    assert projected(sentence, phrase, window, "en", tgt) == expected


LEE = {"en": "Professor Lee said the results of the trial were encouraging.",
       "uk": "Професор Лі заявив, що результати випробування обнадійливі.",
       "ru": "Профессор Ли заявил, что результаты испытания обнадеживают."}


@pytest.mark.parametrize(("sentence", "phrase", "window", "src", "tgt", "expected"), [
    (LEE["en"], "Professor Lee", LEE["uk"], "en", "uk", "Професор Лі"),
    (LEE["en"], "Professor Lee", LEE["ru"], "en", "ru", "Профессор Ли"),
    (LEE["uk"], "Професор Лі", LEE["en"], "uk", "en", "Professor Lee"),
    (LEE["uk"], "Професор Лі", LEE["ru"], "uk", "ru", "Профессор Ли"),
    ("Leaders met Xi on Friday.", "Xi", "Лідери зустрілися з Сі в п'ятницю.", "en", "uk", "Сі"),
    ("Leaders met Xi on Friday.", "Xi", "Лидеры встретились с Си в пятницу.", "en", "ru", "Си"),  # a note to pymorphy3
    ("On Monday he left.", "On", "Он уехал в понедельник.", "en", "ru", None),  # a pronoun is no name
    ("Us? They never asked.", "Us", "Ус? Вони ніколи не питали.", "en", "uk", None),  # nor a grammar word
])
def test_a_name_of_two_or_three_letters_is_matched_across_scripts(sentence, phrase, window, src, tgt, expected):
    assert projected(sentence, phrase, window, src, tgt) == expected


@pytest.mark.parametrize(("window", "tgt", "expected"), [
    ("Якщо ноутбук підхопить вірус, який інженери підтримки не зможуть видалити, ми повернемо гроші.", "uk",
     "інженери підтримки"),
    ("Если ноутбук подхватит вирус, который инженеры поддержки не смогут удалить, мы вернем деньги.", "ru",
     "инженеры поддержки"),
])
def test_the_pronoun_of_a_clause_around_the_phrase_is_no_head(window, tgt, expected):
    en = "If the laptop catches a virus our support engineers cannot remove, we return the money."
    assert projected(en, "our support engineers", window, "en", tgt) == expected


@pytest.mark.parametrize(("en", "phrase", "translation", "lang", "expected"), [
    ("Another witness was injured in the crash.", "Another witness", "Ще одна свідка постраждала в аварії.", "uk",
     "Ще одна свідка"),
    ("Another witness was injured in the crash.", "Another witness", "Ещё одна свидетельница пострадала в аварии.",
     "ru", "Ещё одна свидетельница"),
    ("Many of us trusted the mayor.", "Many of us", "Багато з нас довіряли меру.", "uk", "Багато з нас"),
    ("Many of us trusted the mayor.", "Many of us", "Многие из нас доверяли мэру.", "ru", "Многие из нас"),
    ("About 200 residents left the town.", "About 200 residents", "Около 200 жителей покинули город.", "ru",
     "Около 200 жителей"),
])
def test_a_quantifier_and_the_pronoun_after_of_belong_to_the_phrase(en, phrase, translation, lang, expected):
    """The words of grammar.tsv: no lexicon learns "another" ~ «ще» or "us" ~ «нас» as a partner of its own."""
    assert projected(en, phrase, translation, "en", lang, lexicons={}) == expected


def test_the_words_of_grammar_are_no_evidence_for_aligning_sentences():
    from annotator.align.aligner import _glossary_keys

    assert same_meaning("another", "en", "ще", "uk") and same_meaning("us", "en", "нас", "ru")
    assert same_meaning("around", "en", "близько", "uk") and same_meaning("nearly", "en", "почти", "ru")
    assert projected("On Monday more than 300 miners at the state mine went on strike.",
                     "more than 300 miners at the state mine",
                     "У понеділок понад 300 шахтарів державної шахти застрайкували.", "en",
                     "uk") == "понад 300 шахтарів державної шахти"
    assert not _glossary_keys("Over them.", "en") and not _glossary_keys("Ещё более нас.", "ru")


def test_a_ukrainian_common_noun_is_read_as_a_noun_before_a_possessive_adjective_of_the_same_form():
    """«людина» (a person) is not an adjective waiting for its noun («постраждала», read as 'a victim', is no part
    of the phrase); «лікарів» is 'of the doctors', not 'the doctor's'."""
    from annotator.morphology import parse

    assert [parse(w, "uk")[0].tag.POS for w in ("людина", "лікарів", "мамина")] == ["NOUN", "NOUN", "ADJF"]
    assert projected("A person was injured in the crash.", "A person", "Людина постраждала в аварії.", "en", "uk",
                     lexicons={}) == "Людина"


def test_a_ukrainian_adjective_is_read_before_an_imperative_or_a_surname_of_the_same_form():
    """«рожевій» is 'pink', not 'turn pink!'; «швидкої» in lower case is 'quick', not Mrs Shvydka: an adjective at the
    end of a run takes its noun."""
    from annotator.morphology import parse

    assert [parse(w, "uk")[0].tag.POS for w in ("рожевій", "швидкої", "Швидкої")] == ["ADJF", "ADJF", "NOUN"]
    assert projected("A woman in a pink coat called the police.", "A woman in a pink coat",
                     "Жінка в рожевій куртці викликала поліцію.", "en", "uk", lexicons={}) == "Жінка в рожевій куртці"
    assert projected("Ambulance doctors arrived an hour later.", "Ambulance doctors",
                     "Лікарі швидкої допомоги приїхали за годину.", "en", "uk") == "Лікарі швидкої допомоги"


def test_an_english_verb_in_ed_is_no_cognate_of_a_noun_and_a_preposition_after_the_head_stays_out():
    """"praised" and «президент» share their consonants (p-r-s-d); "like" and "out" end an English phrase as "of"
    does."""
    assert projected("Президент похвалив волонтерів.", "Президент", "The president praised the volunteers.", "uk",
                     "en", lexicons={}) == "president"
    assert projected("Ми ставимося до людей похилого віку як до рідних.", "людей похилого віку",
                     "We treat the elderly like family.", "uk", "en", lexicons={}) == "elderly"
    assert projected("Вони вигнали кандидатів, які були затверджені, з партії.", "кандидатів, які були затверджені",
                     "They threw the approved candidates out of the party.", "uk", "en", lexicons={}) \
        == "approved candidates"


def test_a_possessive_before_the_counterpart_belongs_to_it_unless_it_may_be_an_object_pronoun():
    assert projected("Вона подзвонила батькам увечері.", "батькам", "Она позвонила своим родителям вечером.", "uk",
                     "ru", lexicons={}) == "своим родителям"  # added by the translation
    assert projected("Лікарка попередила своїх пацієнтів.", "своїх пацієнтів", "The doctor warned her patients.",
                     "uk", "en", lexicons={}) == "her patients"
    # «ее» is 'her' or 'its' before a noun, and 'her' as an object: with no pronoun in the source, it stays out
    assert projected("Лікарка попередила пацієнтів.", "пацієнтів", "Врач предупредила ее пациентов.", "uk", "ru",
                     lexicons={}) == "пациентов"


def test_one_of_in_the_plural_is_a_number_word():
    """«одними з останніх» ('among the last ones') is "one of the last"."""
    assert projected("Вони були одними з останніх виробників годинників.", "одними з останніх виробників годинників",
                     "They were one of the last watchmakers.", "uk", "en", lexicons={}) == "one of the last watchmakers"


def test_a_phrase_no_evidence_matches_takes_the_one_noun_no_word_of_the_sentence_accounts_for():
    """No lexicon knows a delivery "rider" as «кур'єр»; every other noun of the sentence has its match, so the one
    noun left over is the guess (with an adjective for a second word of the phrase)."""
    def guessed(sentence, phrase, window, src, tgt):
        start = sentence.index(phrase)
        assert counterpart(sentence, start, start + len(phrase), window, src, tgt, {}) is None
        found = counterpart(sentence, start, start + len(phrase), window, src, tgt, {}, guess=True)
        assert found is None or isinstance(found, Leftover)
        return window[found[0]:found[1]] if found else None

    assert guessed("The rider brought your order.", "rider", "Кур'єр приніс ваше замовлення.", "en", "uk") == "Кур'єр"
    assert guessed("Сердитий дідуган приніс ваше замовлення.", "Сердитий дідуган", "Мрачный парень принёс ваш заказ.",
                   "uk", "ru") == "Мрачный парень"
    # a name the translation quotes keeps its marks, as a found counterpart does
    assert guessed("Our Gizmo brought your order.", "Gizmo", "Наш «Ґаджетик» приніс ваше замовлення.", "en",
                   "uk") == "«Ґаджетик»"
    # another noun without a match ("gizmo") might be the one left over: no guess
    assert guessed("The rider brought your gizmo.", "rider", "Кур'єр приніс ваш ґаджет.", "en", "uk") is None
    assert guessed("He left early.", "He", "Він пішов рано.", "en", "uk") is None


def test_a_clause_the_translation_makes_of_a_phrase_headed_by_those_is_taken_whole():
    assert projected("The rules worry those in the farming sector.", "those in the farming sector",
                     "Правила турбують тих, хто працює в аграрному секторі.", "en", "uk") \
        == "тих, хто працює в аграрному секторі"


def test_a_head_noun_before_the_with_complement_that_renders_an_english_adjective():
    en = "Police thanked the well-intentioned volunteers."
    assert projected(en, "well-intentioned volunteers", "Поліція подякувала людям із добрими намірами.", "en",
                     "uk") == "людям із добрими намірами"
    assert projected(en, "well-intentioned volunteers", "Полиция поблагодарила людей с добрыми намерениями.", "en",
                     "ru") == "людей с добрыми намерениями"
    # the English head found, the noun before «з» is another phrase: talks with the ministers
    assert projected("She held talks with the foreign ministers of the bloc.", "foreign ministers of the bloc",
                     "Вона провела розмову з міністрами закордонних справ блоку.", "en", "uk") \
        == "міністрами закордонних справ блоку"


def test_an_adverb_is_no_cognate_of_an_english_noun():
    """«часто» ('often') and "customers" share the consonants c-s-t, which a short cognate key would match."""
    en = "I often have customers ask where the bread is."
    assert projected(en, "customers", "Часто клієнти питають мене, де хліб.", "en", "uk", lexicons={}) == "клієнти"
    assert projected(en, "customers", "Покупатели часто спрашивают меня, где хлеб.", "en", "ru",
                     lexicons={}) == "Покупатели"
    # between Ukrainian and Russian an adverb may be one: «несколько» ('several') is «низку»
    assert projected("Надіслали низку свідків.", "низку свідків", "Прислали несколько свидетелей.", "uk", "ru",
                     lexicons={}) == "несколько свидетелей"


def test_a_demonstrative_before_the_counterpart_comes_with_it_where_the_source_has_one():
    assert projected("Ці люди знають правду.", "Ці люди", "I think those people know the truth.", "uk", "en",
                     lexicons={}) == "those people"
    assert projected("Ці люди знають правду.", "Ці люди", "Такие люди знают правду.", "uk", "ru", lexicons={}) \
        == "Такие люди"
    assert projected("Люди знають правду.", "Люди", "Эти люди знают правду.", "uk", "ru", lexicons={}) == "люди"


def test_a_subreddit_keeps_its_prefix():
    assert projected("I posted it on r/Kyiv yesterday.", "r/Kyiv", "Я вчора опублікував це на r/Kyiv.", "en", "uk",
                     lexicons={}) == "r/Kyiv"


def test_found_by_the_review_an_abbreviation_is_no_grammar_word_and_those_before_a_noun_is_no_clause():
    assert projected("The sanctions the US announced worry us.", "US", "Нас турбують санкції, які оголосили США.",
                     "en", "uk", lexicons={}) == "США"
    assert projected("Those tickets that you bought are fake.", "Those tickets", "Ті квитки, які ви купили, фальшиві.",
                     "en", "uk", lexicons={}) == "Ті квитки"


def test_a_guess_into_english_is_a_word_after_an_article_or_a_possessive():
    def guessed(sentence, phrase, window, src, tgt):
        start = sentence.index(phrase)
        found = counterpart(sentence, start, start + len(phrase), window, src, tgt, {}, guess=True)
        return window[found[0]:found[1]] if found else None

    assert guessed("Продавец так и не ответил.", "Продавец", "He never replied.", "ru", "en") is None  # no "never"
    assert guessed("Кур'єр приніс замовлення.", "Кур'єр", "The rider brought the order.", "uk", "en") == "rider"
    # the English head comes after its modifier: one free word for each other word of the phrase
    assert guessed("Сердитий дідуган приїхав.", "Сердитий дідуган", "The grumpy fella arrived.", "uk", "en") \
        == "grumpy fella"


@pytest.mark.parametrize(("sentence", "phrase", "lang"), [
    ("Болельщики Ирана праздновали всю ночь.", "Болельщики Ирана", "ru"),
    ("Вболівальники Ірану святкували всю ніч.", "Вболівальники Ірану", "uk"),
])
def test_into_english_a_peoples_adjective_for_a_countrys_name_takes_the_head_after_it(sentence, phrase, lang):
    assert projected(sentence, phrase, "Iranian supporters celebrated all night.", lang, "en", lexicons={}) \
        == "Iranian supporters"


def test_the_kind_a_translation_gives_a_name_comes_with_it_in_the_nominative_only():
    """A brand the source names alone is «компанія Snugpak» in the translation; a club in the sentence's own case
    («у клубі») stays out, and so does a kind the source has outside the phrase."""
    assert projected("Last week Snugpak opened a new shop in Kyiv.", "Snugpak",
                     "Минулого тижня компанія Snugpak відкрила новий магазин у Києві.", "en",
                     "uk") == "компанія Snugpak"
    assert projected("He played for Manchester United for ten years.", "Manchester United",
                     "Він десять років грав у клубі «Манчестер Юнайтед».", "en", "uk") == "«Манчестер Юнайтед»"
    assert projected("Prom will cut its fees next month.", "Prom",
                     "Маркетплейс Prom наступного місяця знизить комісії.", "en", "uk") == "Маркетплейс Prom"
    assert projected("На минулому тижні компанія Snugpak відкрила новий магазин у Києві.", "Snugpak",
                     "На прошлой неделе компания Snugpak открыла новый магазин в Киеве.", "uk", "ru") == "Snugpak"


def test_a_bare_english_noun_takes_the_owner_the_translation_gives_it_in_the_nominative():
    """A headline's "daughter" is «його донька»; «його» before an instrumental is the verb's object, no owner."""
    en = "Driver dies in crash, daughter survives."
    assert projected(en, "daughter", "Водій загинув в аварії, його донька вижила.", "en", "uk") == "його донька"
    assert projected(en, "daughter", "Водитель погиб в аварии, его дочь выжила.", "en", "ru") == "его дочь"
    assert projected("Villagers call him hero.", "hero", "Селяни називають його героєм.", "en", "uk") == "героєм"


def test_the_people_or_the_service_a_translation_puts_before_an_institution_come_with_it():
    """"The ministry" refusing is «Представники міністерства»; "Kyivstar Support" is «служби підтримки Kyivstar»; but
    «Члени» translate "members", outside the phrase "the committee"."""
    assert projected("The ministry refused to comment on the report.", "The ministry",
                     "Представники міністерства відмовилися коментувати звіт.", "en",
                     "uk") == "Представники міністерства"
    assert projected("Call Kyivstar Support if the line is down.", "Kyivstar Support",
                     "Якщо зв'язку немає, телефонуйте до служби підтримки Kyivstar.", "en",
                     "uk") == "служби підтримки Kyivstar"
    assert projected("The members of the committee voted.", "the committee", "Члени комітету проголосували.", "en",
                     "uk") == "комітету"
    assert projected("On Tuesday the city council voted against the plan.", "city council",
                     "У вівторок депутати міської ради проголосували проти плану.", "en",
                     "uk") == "депутати міської ради"


def test_a_relative_clause_of_the_translation_may_open_with_a_preposition():
    """"Anyone with a ticket" is «Будь-хто, у кого є квиток»: the clause opens with «у кого», not «хто»."""
    assert projected("Anyone with a ticket may enter the stadium.", "Anyone with a ticket",
                     "Будь-хто, у кого є квиток, може зайти на стадіон.", "en", "uk") == "Будь-хто, у кого є квиток"


def test_an_english_word_in_ing_before_a_noun_qualifies_it_and_opens_no_clause():
    """"fishing boats" has no clause of its own, so its counterpart does not run on across a verb to the «лодки»
    that translate the other "boats" of the sentence."""
    assert projected("Yesterday Spanish fishing boats blocked ferries and other boats near Vigo.",
                     "Spanish fishing boats",
                     "Вчера испанские рыболовные суда заблокировали паромы и лодки возле Виго.", "en",
                     "ru") == "испанские рыболовные суда"


def test_a_ukrainian_or_russian_clause_with_khto_takes_the_pronoun_it_hangs_on():
    """«тих, хто бачив аварію» is «всех, кто видел аварию»: «хто» opens a relative clause as «який» does."""
    assert projected("Поліція просить тих, хто бачив аварію, зателефонувати їм.", "тих, хто бачив аварію",
                     "Полиция просит всех, кто видел аварию, позвонить им.", "uk", "ru") == "всех, кто видел аварию"


def test_into_english_the_head_the_evidence_missed_is_the_word_after_the_run():
    """«Вболівальники» is missing, so "supporters" after "Shakhtar" is the head; «Компанія» is a kind English leaves
    out, so no word after "Marden" is looked for."""
    assert projected("Вболівальники «Шахтаря» зустріли команду в аеропорту.", "Вболівальники «Шахтаря»",
                     "Shakhtar supporters met the team at the airport.", "uk", "en") == "Shakhtar supporters"
    assert projected("Компанія Marden додала до набору два пензлі.", "Компанія Marden",
                     "Marden includes two brushes in the kit.", "uk", "en") == "Marden"
    from annotator.align.counterpart.english import _english_modifier

    assert not any(_english_modifier(w) for w in ("never", "kept", "held"))  # "300 workers [held] a rally"


def test_an_english_who_s_opens_a_relative_clause_and_a_reflexive_is_no_head():
    """"student who's been here three days" is «студента, який працює в нас три дні», without «себе» before it."""
    assert projected("Our manager is leaving a student who's been here three days in charge.",
                     "student who's been here three days",
                     "Наш менеджер залишає замість себе студента, який працює в нас три дні.", "en",
                     "uk") == "студента, який працює в нас три дні"


def test_a_counterpart_that_opens_a_quote_takes_the_rest_of_the_quoted_name():
    """«Теплый дом» is one name: a counterpart that ends inside it takes its last word and the closing mark."""
    assert projected("Bakery chain Teply Dom will close two shops.", "Bakery chain Teply Dom",
                     "Мережа пекарень «Теплый дом» закриє дві крамниці.", "en", "uk") == "Мережа пекарень «Теплый дом»"


def test_into_english_nothing_before_a_pronoun_or_a_number_qualifies_it():
    """"[urging] everyone over 70": English puts no modifier before "everyone", nor before a number."""
    assert projected("Лікарі радять усім, кому за 70, зробити щеплення.", "усім, кому за 70",
                     "Doctors are urging everyone over 70 to get vaccinated.", "uk", "en") == "everyone over 70"
    assert projected("Прикордонники затримали трьох чоловіків, які намагалися перепливти річку.",
                     "трьох чоловіків, які намагалися перепливти річку",
                     "Border guards caught three men trying to swim across the river.", "uk",
                     "en") == "three men trying to swim across the river"


def test_of_two_repeated_words_at_the_ends_of_a_run_the_one_further_from_the_rest_goes():
    """"My thesis supervisor replied to my email": the second "my" is the one left out."""
    assert projected("Мій науковий керівник відповів на лист через місяць.", "Мій науковий керівник",
                     "My thesis supervisor replied to my email a month later.", "uk", "en") == "My thesis supervisor"


def test_an_apposition_the_translation_sets_off_with_a_dash_is_joined_as_one_with_a_comma():
    assert projected("The buyer, a small bakery in Lviv, paid on time.", "buyer, a small bakery in Lviv",
                     "Покупець — невелика пекарня зі Львова — заплатив вчасно.", "en",
                     "uk") == "Покупець — невелика пекарня зі Львова"


def test_a_latin_abbreviation_written_with_c_matches_the_cyrillic_one_with_s():
    """Brands spelt in both scripts write Cyrillic С as Latin C: CDEK is «СДЕК»."""
    assert projected("The parcel was sent with CDEK on Monday.", "CDEK", "Посилку відправили через СДЕК у понеділок.",
                     "en", "uk") == "СДЕК"


def test_an_english_relative_clause_goes_on_across_its_verbs_and_joins_the_head_before_it():
    """The largest run, "never opened Excel", takes the head before it ("My accountant, who has …"): the clause's
    verb "has" does not end it where the clause's evidence goes on."""
    assert projected("Мій бухгалтер, який ніколи не відкривав Excel, порадив мені купити Excel.",
                     "Мій бухгалтер, який ніколи не відкривав Excel",
                     "My accountant, who has never opened Excel, told me to buy a new laptop.", "uk",
                     "en") == "My accountant, who has never opened Excel"
    # the run is "My", the head "manager" is taken after it, and "who" comes after the head
    assert projected("Мій керівник, який у житті не відкривав Word, щойно заявив, що мій звіт «надто довгий».",
                     "Мій керівник, який у житті не відкривав Word",
                     "My manager, who has literally never used Word, just told me my report is 'too long'.", "uk",
                     "en") == "My manager, who has literally never used Word"


def test_a_run_does_not_go_on_across_a_verb_where_the_phrase_has_no_clause():
    """«фирма сохранит … этих»: "this" matches «этих», but a verb between ends the phrase's run."""
    assert projected("I hope this firm will keep these files private.", "this firm",
                     "Надеюсь, фирма сохранит конфиденциальность этих файлов.", "en", "ru") == "фирма"


def test_my_sister_and_i_is_we_with_my_sister():
    assert projected("My sister and I drove to Odesa.", "My sister and I", "Ми з сестрою поїхали до Одеси.", "en",
                     "uk") == "Ми з сестрою"


def test_into_english_a_place_takes_its_kind_and_we_with_a_brother_is_a_brother_and_i():
    assert projected("Фермери Житомирщини скаржаться на посуху.", "Фермери Житомирщини",
                     "Farmers in the Zhytomyr region are complaining about the drought.", "uk",
                     "en") == "Farmers in the Zhytomyr region"
    assert projected("Мы с сестрой поехали в Одессу.", "Мы с сестрой", "My sister and I drove to Odesa.", "ru",
                     "en") == "My sister and I"


def test_an_english_relative_clause_stops_at_a_word_it_has_found_already_past_a_verb():
    assert projected("Чоловік, який украв мій велосипед, досі має мій велосипед.", "Чоловік, який украв мій велосипед",
                     "The man who stole my bike still has my bike.", "uk", "en") == "man who stole my bike"


def test_paid_and_felt_are_adjectives_before_a_noun_and_a_verb_in_s_is_no_head_of_a_singular():
    assert projected("Працівники мають 20 днів оплачуваної відпустки.", "20 днів оплачуваної відпустки",
                     "Employees have 20 days of paid leave.", "uk", "en") == "20 days of paid leave"
    assert projected("Блогер Стерненко збирає гроші на дрони.", "Блогер Стерненко",
                     "Sternenko raises money for drones.", "uk", "en") == "Sternenko"


def test_a_kind_after_a_preposition_and_the_residents_of_a_place_stay_out():
    """«в банк Monobank» is an accusative the sentence governs; «Мешканці Києва» are not "Kyiv"'s staff."""
    assert projected("He moved his savings to Monobank.", "Monobank", "Він переказав заощадження в банк Monobank.",
                     "en", "uk") == "Monobank"
    assert projected("Kyiv locals complained about the noise.", "Kyiv", "Мешканці Києва скаржилися на шум.", "en",
                     "uk") == "Києва"


def test_a_clause_takes_no_run_before_a_parenthetical_and_a_capital_c_matches_only_capitals():
    assert projected("Residents of a border village in the Sumy region have had no water for a week.",
                     "Residents of a border village in the Sumy region",
                     "На Сумщині, як пишуть місцеві медіа, мешканці прикордонного села вже тиждень без води.", "en",
                     "uk") == "мешканці прикордонного села"
    assert projected("A court in Berlin rejected the CDU's appeal.", "CDU", "Суд у Берліні відхилив апеляцію ХДС.",
                     "en", "uk") != "Суд"


def test_relative_pronouns_kotorom_who_s_and_lyuboy():
    assert projected("Це будинок, у якому народився поет.", "будинок, у якому народився поет",
                     "Это дом, в котором родился поэт.", "uk", "ru") == "дом, в котором родился поэт"
    assert projected("Мій начальник, який ніколи не був в Україні, розпитував мене про Київ.",
                     "Мій начальник, який ніколи не був в Україні",
                     "My boss, who's never been to Ukraine, asked me about Kyiv.", "uk",
                     "en") == "My boss, who's never been to Ukraine"
    assert projected("Будь-хто, у кого є дійсний квиток, може сісти в потяг.", "Будь-хто, у кого є дійсний квиток",
                     "Любой, у кого есть действительный билет, может сесть в поезд.", "uk",
                     "ru") == "Любой, у кого есть действительный билет"


def test_a_dash_is_an_apposition_only_when_another_closes_it_or_between_two_names():
    """«персонал — найприємніші люди» is a copula ("the staff are the nicest people"), no apposition."""
    assert projected("Honestly, the people at my local library are the nicest people I know.",
                     "people at my local library", "Чесно, персонал моєї районної бібліотеки — найприємніші люди, "
                     "яких я знаю.", "en", "uk") == "персонал моєї районної бібліотеки"
    # a route between two names is one phrase
    assert projected("Passengers on the Lviv–Warsaw train waited for five hours.",
                     "Passengers on the Lviv–Warsaw train", "Пасажири рейсу Львів — Варшава чекали п'ять годин.", "en",
                     "uk") == "Пасажири рейсу Львів — Варшава"


def test_a_country_matches_its_name_adjective_and_people_however_each_language_spells_it():
    """Armenia is «Вірменія», Germany «Німеччина», Japan «Японія»: no skeleton of consonants tells them alike."""
    assert projected("Armenia's foreign minister arrived in Vienna on Monday.", "Armenia's foreign minister",
                     "Міністр закордонних справ Вірменії в понеділок прибув до Відня.", "en",
                     "uk") == "Міністр закордонних справ Вірменії"
    assert projected("Japanese carmakers expect lower sales next year.", "Japanese carmakers",
                     "Японские автопроизводители ожидают снижения продаж в следующем году.", "en",
                     "ru") == "Японские автопроизводители"
    assert same_meaning("Syria", "en", "сирійський", "uk") and same_meaning("Germans", "en", "немцы", "ru")
    assert not same_meaning("Scott", "en", "шотландський", "uk") and not same_meaning("Georgia", "en", "грузить", "ru")


def test_a_body_is_found_by_its_short_name():
    """«МОЗ» is the health ministry, «Нацбанк» Ukraine's central bank, the ECB «Європейський центральний банк»."""
    assert projected("The health ministry said four hospitals had run out of insulin.", "health ministry",
                     "У МОЗ повідомили, що в чотирьох лікарнях закінчився інсулін.", "en", "uk") == "МОЗ"
    assert projected("Нацбанк знову знизив облікову ставку.", "Нацбанк",
                     "Ukraine's central bank cut its key rate again.", "uk", "en") == "Ukraine's central bank"
    assert projected("The ECB left rates on hold.", "ECB", "Європейський центральний банк залишив ставки без змін.",
                     "en", "uk") == "Європейський центральний банк"
    assert projected("Госдума приняла закон в первом чтении.", "Госдума",
                     "Держдума ухвалила закон у першому читанні.", "ru", "uk") == "Держдума"
    assert projected("Посол при Евросоюзе вручил грамоты.", "Посол при Евросоюзе",
                     "Посол при Європейському Союзі вручив грамоти.", "ru", "uk") == "Посол при Європейському Союзі"
    assert same_meaning("soldiers", "en", "військові", "uk") and same_meaning("Soldiers", "en", "военные", "ru")
    assert not same_meaning("МОЗ", "uk", "Минфин", "ru") and not same_meaning("ЗСУ", "uk", "СБУ", "ru")  # a row a body
    assert projected("The DHS said it would review the policy.", "DHS",
                     "Міністерство внутрішньої безпеки заявило, що перегляне політику.", "en",
                     "uk") == "Міністерство внутрішньої безпеки"
    assert projected("Інженери Рівненської АЕС завершили ремонт.", "Інженери Рівненської АЕС",
                     "Engineers at the Rivne nuclear power plant finished the repairs.", "uk",
                     "en") == "Engineers at the Rivne nuclear power plant"


def test_the_translation_puts_a_short_name_the_phrase_has_in_brackets():
    assert projected("Norway's statistics office SSB said prices rose in March.", "Norway's statistics office SSB",
                     "Статистичне управління Норвегії (SSB) повідомило, що в березні ціни зросли.", "en",
                     "uk") == "Статистичне управління Норвегії (SSB)"


def test_a_country_the_translation_adds_after_a_body_comes_with_it():
    assert projected("The interior ministry said the border crossing would reopen on Friday.", "interior ministry",
                     "Міністерство внутрішніх справ Молдови заявило, що пункт пропуску відкриють у п'ятницю.", "en",
                     "uk") == "Міністерство внутрішніх справ Молдови"
    assert projected("The defence ministry said two fishermen were rescued near Dover.", "defence ministry",
                     "Міністерство оборони Великої Британії повідомило, що поблизу Дувра врятували двох рибалок.",
                     "en", "uk") == "Міністерство оборони Великої Британії"
    assert projected("The Labor Department said hiring slowed.", "Labor Department",
                     "Министерство труда США сообщило, что найм замедлился.", "en", "ru") == "Министерство труда США"


def test_the_owner_a_translation_names_after_a_bare_or_owned_noun_comes_with_it():
    assert projected("The club was fined after the match, and its owner apologised to the referee.", "its owner",
                     "Клуб оштрафували після матчу, а власник клубу вибачився перед арбітром.", "en",
                     "uk") == "власник клубу"
    assert projected("The principal said the new timetable starts on Monday.", "principal",
                     "Директор ліцею сказав, що новий розклад діє з понеділка.", "en", "uk") == "Директор ліцею"
    assert _genitive_noun("клубу", "uk") and not _genitive_noun("пару", "uk")  # «пару разів»: a couple of times


def test_a_modifier_the_translation_adds_before_a_head_comes_with_it_but_no_pronoun():
    assert projected("The lawmaker who wrote the bill withdrew it on Friday.", "lawmaker who wrote the bill",
                     "Народний депутат, який написав законопроєкт, у п'ятницю відкликав його.", "en",
                     "uk") == "Народний депутат, який написав законопроєкт"
    assert projected("Our Norton experts could not reproduce the fault.", "Norton experts",
                     "Проблему, который эксперты Norton не смогли воспроизвести, изучают.", "en",
                     "ru") == "эксперты Norton"


def test_a_russian_participle_after_a_comma_opens_the_relative_clause_of_the_phrase():
    assert projected("The museum turned away tourists who had bought tickets weeks ahead.",
                     "tourists who had bought tickets weeks ahead",
                     "Музей не пустил туристов, купивших билеты за несколько недель заранее.", "en",
                     "ru") == "туристов, купивших билеты за несколько недель заранее"


def test_an_english_participle_with_its_complement_is_a_clause_and_no_cognate_of_a_noun():
    """"accused of ordering …" is «якого звинувачують у тому, що він наказав …»; "ordering" is no «ордер»."""
    en = "The court issued a warrant for a former mayor accused of ordering attacks on two journalists."
    uk = "Суд видав ордер на арешт колишнього мера, якого звинувачують у тому, що він наказав напасти на двох " \
         "журналістів."
    assert projected(en, "former mayor accused of ordering attacks on two journalists", uk, "en", "uk") \
        == "колишнього мера, якого звинувачують у тому, що він наказав напасти на двох журналістів"
    assert not _similar_word("ordering", "ордер", {}, ("en", "uk"))
    assert _similar_word("distancing", "дистанцирования", {}, ("en", "ru"))


def test_a_long_name_and_its_short_name_in_brackets_are_one_phrase():
    """«СБУ» matches every word of the long name and SBU too, so that the bracket alone would win; both come
    together."""
    en = "The Security Service of Ukraine (SBU) said on Sunday it had detained a man in Odesa."
    uk = "Служба безпеки України (СБУ) повідомила в неділю, що затримала чоловіка в Одесі."
    assert projected(en, "Security Service of Ukraine (SBU)", uk, "en", "uk") == "Служба безпеки України (СБУ)"
    assert projected(uk, "Служба безпеки України (СБУ)", en, "uk", "en") == "Security Service of Ukraine (SBU)"


def test_a_phrase_ending_in_a_short_name_takes_the_translation_s_own_in_brackets():
    """Each language abbreviates a body its own way: (WFP), (ВПП), (ВПП ООН)."""
    en = "The World Food Programme (WFP) said it had cut rations in the camps."
    uk = "Всесвітня продовольча програма (ВПП ООН) повідомила, що скоротила пайки в таборах."
    assert projected(en, "World Food Programme (WFP)", uk, "en", "uk") == "Всесвітня продовольча програма (ВПП ООН)"
    assert projected(uk, "Всесвітня продовольча програма (ВПП ООН)", en, "uk", "en") == "World Food Programme (WFP)"


def test_the_head_of_a_body_and_a_mayor_are_named_as_each_language_names_them():
    assert projected("Начальник обласної поліції Ігор Коваль подав у відставку.", "Начальник обласної поліції",
                     "The head of the regional police, Ihor Koval, resigned.", "uk",
                     "en") == "head of the regional police"
    assert same_meaning("mayor", "en", "голову", "uk") and same_meaning("mayor", "en", "Міського", "uk")


def test_a_greek_eu_is_ev():
    assert _similar_word("Europol", "Європолу", {}, ("en", "uk"))
    assert _similar_word("Eurostat", "Евростата", {}, ("en", "ru"))


def test_the_source_s_apposition_may_be_a_dash_in_the_translation():
    assert projected("Prices rose by 3 percent, according to Europol, the EU's police agency.",
                     "Europol, the EU's police agency",
                     "Ціни зросли на 3 відсотки, повідомляє Європол — поліцейське агентство ЄС.", "en",
                     "uk") == "Європол — поліцейське агентство ЄС"


def test_a_city_matches_however_each_language_names_it():
    assert projected("Beijing rejected the accusations.", "Beijing", "Пекін відкинув звинувачення.", "en",
                     "uk") == "Пекін"
    assert same_meaning("Vienna", "en", "Відні", "uk") and same_meaning("Відня", "uk", "Вены", "ru")
    assert same_meaning("Vinnytsia", "en", "Винницкий", "ru") and not same_meaning("Vienna", "en", "венец", "ru")


def test_someone_from_and_a_plus_sign():
    assert projected("Кто-то из соседей вызвал полицию.", "Кто-то из соседей", "Хтось із сусідів викликав поліцію.",
                     "ru", "uk") == "Хтось із сусідів"
    assert projected("Альянс ОПЕК+ скоротив видобуток.", "Альянс ОПЕК+", "Альянс ОПЕК+ сократил добычу.", "uk",
                     "ru") == "Альянс ОПЕК+"
    assert projected("НБУ підвищив ставку.", "НБУ", "Нацбанк Украины повысил ставку.", "uk",
                     "ru") == "Нацбанк Украины"
    assert projected("Мы с сестрой открыли кофейню.", "Мы с сестрой", "Ми з сестрою відкрили кав'ярню.", "ru",
                     "uk") == "Ми з сестрою"


def test_a_jury_is_a_court_of_jurors():
    assert projected("The jury found him guilty.", "jury", "Суд присяжних визнав його винним.", "en",
                     "uk") == "Суд присяжних"


def test_an_english_clause_goes_on_to_where_it_visibly_ends():
    """"who asked [not to be named]" ends at the main verb; "who sold me the car" is not carried into "swore"."""
    uk = "Дипломат, який попросив не називати його імені, сказав, що переговори тривають."
    en = "A diplomat who asked not to be named said the talks were continuing."
    assert projected(uk, "Дипломат, який попросив не називати його імені", en, "uk",
                     "en") == "diplomat who asked not to be named"
    assert projected("Чувак, який продав мені цю машину, клявся, що вона нова.", "Чувак, який продав мені цю машину",
                     "The guy who sold me this car swore it was new.", "uk", "en") == "guy who sold me this car"


def test_a_woman_s_name_of_a_trade_matches_as_the_man_s_does():
    assert same_meaning("head", "en", "Очільниця", "uk") and same_meaning("employee", "en", "сотрудница", "ru")


def test_an_english_clause_running_to_the_end_of_the_sentence_on_an_adverb():
    """An adverb in -ly as the sentence's last word has no verb after it to look at (this raised IndexError)."""
    words = [(0, 4, "test"), (5, 9, "that"), (10, 15, "works"), (16, 23, "quickly")]
    assert not _main_verb(words, 4) and _main_verb([*words[:3], (16, 20, "said")], 3)


def test_a_genitive_the_verb_governs_is_no_owner_and_officially_is_no_spokesperson():
    """From the blind review: «позбавила журналістів [акредитації]», «Речник поліції [офіційно]»."""
    assert projected("Міністерство позбавило журналістів акредитації.", "журналістів",
                     "Министерство лишило журналистов аккредитации.", "uk", "ru") == "журналистов"
    assert not same_meaning("spokesman", "en", "офіційно", "uk")


def test_an_english_name_of_common_words_is_taken_whole():
    """A run that ends inside a Title Case name ends where the name does, where the name cannot end yet; not
    into a person's name, and not where the phrase is whole already ("Royal Mail [Special Delivery]")."""
    assert projected("Європейський суд з прав людини зобов'язав Грузію виплатити компенсацію.",
                     "Європейський суд з прав людини",
                     "The European Court of Human Rights ordered Georgia to pay damages.", "uk",
                     "en") == "European Court of Human Rights"
    assert projected("Прокурори Спеціалізованої антикорупційної прокуратури оскаржать вирок.",
                     "Прокурори Спеціалізованої антикорупційної прокуратури",
                     "Prosecutors at the Specialized Anti-Corruption Prosecutor's Office will appeal the sentence.",
                     "uk", "en") == "Prosecutors at the Specialized Anti-Corruption Prosecutor's Office"
    assert projected("Я відправив лист Королівською поштою.", "Королівською поштою",
                     "I sent the letter by Royal Mail Special Delivery.", "uk", "en") == "Royal Mail"
    assert projected("Мер Києва Віталій Кличко заявив про нові укриття.", "Мер Києва",
                     "Kyiv Mayor Vitali Klitschko announced new shelters.", "uk", "en") == "Kyiv Mayor"


def test_an_english_noun_before_its_head_takes_the_head():
    """"fire [brigade]", "press [office]"; not a verb after a plural ("biologists [rescue]") nor an adverb."""
    assert projected("Пожежники відкачували воду до ранку.", "Пожежники",
                     "The fire brigade was pumping out water until morning.", "uk", "en") == "fire brigade"
    assert projected("Про це повідомила пресслужба МНС.", "пресслужба МНС",
                     "This was reported by the Emergencies Ministry's press office.", "uk",
                     "en") == "Emergencies Ministry's press office"
    assert projected("Біологи з Міннесоти рятують ведмедя.", "Біологи з Міннесоти",
                     "Minnesota biologists rescue trapped bear.", "uk", "en") == "Minnesota biologists"


def test_whose_opens_a_relative_clause_and_a_car_is_an_auto():
    uk = "Мешканці Бєлгорода, чиї будинки постраждали від обстрілів, скаржаться на затримку виплат."
    en = "Belgorod residents whose homes were damaged by shelling complain about delayed payments."
    assert projected(uk, "Мешканці Бєлгорода, чиї будинки постраждали від обстрілів", en, "uk",
                     "en") == "Belgorod residents whose homes were damaged by shelling"
    assert same_meaning("car", "en", "авто", "uk") and same_meaning("car", "en", "авто", "ru")


def test_the_country_english_names_a_body_by_comes_with_it():
    assert projected("Про це повідомили в Генштабі.", "Генштабі", "This was reported by Ukraine's General Staff.",
                     "uk", "en") == "Ukraine's General Staff"


def test_at_least_is_one_word_and_an_mp_is_a_nardep():
    assert projected("Щонайменше 17 людей отримали поранення.", "Щонайменше 17 людей",
                     "At least 17 people were injured.", "uk", "en") == "At least 17 people"
    assert same_meaning("MPs", "en", "Нардепи", "uk") and same_meaning("lawmakers", "en", "нардепов", "ru")


def test_the_rest_of_a_number_comes_with_its_first_digits():
    assert projected("Понад 280 тисяч випускників зареєструвалися на тест.", "Понад 280 тисяч випускників",
                     "More than 280,000 school leavers have registered for the test.", "uk",
                     "en") == "More than 280,000 school leavers"


def test_one_of_a_group_english_makes_the_actor_comes_with_it():
    assert projected("Наш менеджер зв'яжеться з вами.", "Наш менеджер",
                     "One of our managers will contact you.", "uk", "en") == "One of our managers"


def test_a_doer_is_no_verb_of_the_same_meaning():
    en = "Forecasters at the Ukrainian Hydrometeorological Center predict strong winds."
    assert projected(en, "Forecasters at the Ukrainian Hydrometeorological Center",
                     "Синоптики Українського гідрометцентру прогнозують сильний вітер.", "en",
                     "uk") == "Синоптики Українського гідрометцентру"
    assert not _similar_word("Forecasters", "прогнозують", {}, ("en", "uk"))
    assert _similar_word("remember", "пам'ятати", {}, ("en", "uk"))


def test_at_least_and_the_three_cities_whose_adjectives_no_skeleton_finds():
    assert projected("At least 17 people were injured.", "At least 17 people",
                     "По меньшей мере 17 человек пострадали.", "en", "ru") == "По меньшей мере 17 человек"
    assert projected("At least 17 people were injured.", "At least 17 people",
                     "Щонайменше 17 людей дістали поранень.", "en", "uk") == "Щонайменше 17 людей"
    assert all(same_meaning(en, "en", word, lang) for en, word, lang in (
        ("Kyiv", "Київської", "uk"), ("Kyiv", "киевлян", "ru"), ("Lviv", "Львовской", "ru"),
        ("Odesa", "одеського", "uk")))


def test_residents_villagers_and_school_leavers():
    assert all(same_meaning(en, "en", word, lang) for en, word, lang in (
        ("Residents", "Жильцы", "ru"), ("villagers", "Мешканці", "uk"), ("leavers", "Випускники", "uk")))


def test_any_per_cent_and_an_abbreviation_s_full_stop():
    assert projected("Зверніться в будь-яку іншу компанію з безпеки.", "будь-яку іншу компанію з безпеки",
                     "Contact any other security company.", "uk", "en") == "any other security company"
    assert projected("30 процентов их клиентов планируют покупки.", "30 процентов их клиентов",
                     "30 per cent of their customers plan purchases.", "ru", "en") == "30 per cent of their customers"
    assert projected("Чому Уолт молодший так роздратований?", "Уолт молодший", "Why is Walt Jr. so annoyed?", "uk",
                     "en") == "Walt Jr."



def test_a_number_in_groups_of_three_is_one_word_and_matches_however_written():
    assert projected("Понад 1500 протестувальників вийшли на вулиці.", "Понад 1500 протестувальників",
                     "More than 1,500 protesters took to the streets.", "uk", "en") == "More than 1,500 protesters"
    assert projected("2,300 employees of the plant went on strike.", "2,300 employees of the plant",
                     "2 300 сотрудников завода объявили забастовку.", "en", "ru") == "2 300 сотрудников завода"
    assert projected("Понад 280 тисяч випускників зареєструвалися.", "Понад 280 тисяч випускників",
                     "More than 280 000 school leavers have registered.", "uk", "en") == \
        "More than 280 000 school leavers"


def test_quantifiers_before_a_number():
    assert projected("Some 12,000 fans attended.", "Some 12,000 fans",
                     "Матч відвідали близько 12 тисяч уболівальників.", "en", "uk") == "близько 12 тисяч уболівальників"
    assert projected("Не более десяти человек могут войти.", "Не более десяти человек",
                     "At most ten people can enter.", "ru", "en") == "At most ten people"
    assert projected("Up to 500 soldiers will take part.", "Up to 500 soldiers",
                     "У навчаннях візьмуть участь до 500 військових.", "en", "uk") == "до 500 військових"


def test_the_people_of_a_city_in_one_word_are_its_residents():
    assert projected("Це була одна з найстрашніших атак на харків'ян.", "харків'ян",
                     "It was one of the worst attacks on Kharkiv residents.", "uk", "en") == "Kharkiv residents"


def test_a_preposition_is_no_cognate():
    assert not _similar_word("проти", "protesters", {}, ("uk", "en"))
    assert projected("Police used tear gas against protesters in Tbilisi.", "protesters in Tbilisi",
                     "Поліція застосувала сльозогінний газ проти протестувальників у Тбілісі.", "en",
                     "uk") == "протестувальників у Тбілісі"


def test_one_of_in_ukrainian_and_russian_and_the_pope_and_a_deputy_minister():
    assert projected("A leader of the protest movement was detained.", "leader of the protest movement",
                     "Одного з лідерів протестного руху затримали.", "en", "uk") == "Одного з лідерів протестного руху"
    assert projected("The Pope called for peace.", "Pope", "Папа Римський закликав до миру.", "en",
                     "uk") == "Папа Римський"
    assert same_meaning("minister", "en", "замминистра", "ru") and same_meaning("deputy", "en", "замміністра", "uk")


def test_a_region_after_a_name_even_where_the_word_is_found_outside_and_a_convicted_man():
    uk = "СБУ повідомила колишньому керівнику митниці Волинської області про підозру, а в регіоні тривають обшуки."
    en = "The SBU notified the former head of customs in the Volyn region, as searches continue in the region."
    assert projected(uk, "колишньому керівнику митниці Волинської області", en, "uk",
                     "en") == "former head of customs in the Volyn region"
    assert same_meaning("convicted", "en", "засудженому", "uk") and not same_meaning("convicted", "en", "вирок", "uk")


def test_a_quoted_name_does_not_end_the_clause_of_a_phrase():
    en = "Polish farmers blockading the border crossing at Dorohusk agreed to let buses through."
    uk = "Польські фермери, які блокують пункт пропуску «Дорогуськ», погодилися пропускати автобуси."
    assert projected(en, "Polish farmers blockading the border crossing at Dorohusk", uk, "en",
                     "uk") == "Польські фермери, які блокують пункт пропуску «Дорогуськ»"


def test_the_parts_of_a_number_compound_found_whole_match_nothing_else():
    en = "A Berlin court sentenced a 34-year-old Russian national to eight years in prison."
    uk = "Суд у Берліні засудив 34-річного громадянина Росії до восьми років ув'язнення."
    assert projected(en, "34-year-old Russian national", uk, "en", "uk") == "34-річного громадянина Росії"


def test_a_national_team_is_the_country_s_kind():
    assert projected("Ukraine beat Italy 3-1 in the semi-final.", "Ukraine",
                     "Збірна України обіграла Італію з рахунком 3:1 у півфіналі.", "en", "uk") == "Збірна України"


def test_a_bracket_right_after_the_run_that_restates_it_comes_with_it():
    assert projected("ДСНС попередила про снігопади.", "ДСНС",
                     "Ukraine's State Emergency Service (DSNS) warned of heavy snowfall.", "uk",
                     "en") == "Ukraine's State Emergency Service (DSNS)"


def test_an_english_clause_found_first_takes_the_phrase_words_before_its_pronoun():
    uk = "Аграрії Херсонщини, які повернулися на свої землі після розмінування, засіяли 40 тисяч гектарів."
    en = "Farmers in the Kherson region who have returned to their land after demining have sown 40,000 hectares."
    assert projected(uk, "Аграрії Херсонщини, які повернулися на свої землі після розмінування", en, "uk",
                     "en") == "Farmers in the Kherson region who have returned to their land after demining"


def test_a_deputy_prime_minister_council_members_and_municipal_workers():
    assert same_meaning("Deputy", "en", "віцепрем'єр", "uk") and same_meaning("members", "en", "депутатами", "ru")
    assert same_meaning("Municipal", "en", "Коммунальщики", "ru")


def test_the_state_statistics_service_is_derzhstat():
    assert projected("Держстат оприлюднив нові дані.", "Держстат", "The State Statistics Service published new data.",
                     "uk", "en") == "State Statistics Service"


def test_a_country_s_possessive_before_a_body_even_where_it_matches_outside():
    uk = "Уповноважений Верховної Ради з прав людини звернувся до МКЧХ щодо українських полонених."
    en = "Ukraine's parliamentary human rights commissioner appealed to the ICRC over Ukrainian prisoners."
    assert projected(uk, "Уповноважений Верховної Ради з прав людини", en, "uk",
                     "en") == "Ukraine's parliamentary human rights commissioner"


def test_a_word_is_not_trimmed_for_a_repeat_by_a_word_that_matches_more():
    hits = [{1}, set(), {3}, {0, 1}]
    assert _trimmed((0, 3, {0, 1, 3}), hits, {0, 1, 2, 3}) == (0, 3, {0, 1, 3})
    assert _trimmed((0, 3, {0, 1, 3}), [{1}, set(), {3}, {1}], {0, 1, 2, 3})[0] == 2


def test_do_between_two_capitalised_words_is_part_of_a_name():
    uk = "Про це повідомила служба цивільної оборони штату Ріу-Гранді-ду-Сул."
    en = "This was reported by the civil defence agency of Rio Grande do Sul state."
    assert projected(uk, "служба цивільної оборони штату Ріу-Гранді-ду-Сул", en, "uk",
                     "en") == "civil defence agency of Rio Grande do Sul state"


def test_energetiki_are_power_engineers():
    assert same_meaning("Power", "en", "енергетики", "uk") and same_meaning("engineers", "en", "энергетики", "ru")


def test_the_largest_is_the_superlative():
    assert projected("Ukraine's largest mobile operator restored service.", "Ukraine's largest mobile operator",
                     "Найбільший мобільний оператор України відновив зв'язок.", "en",
                     "uk") == "Найбільший мобільний оператор України"


def test_a_long_name_ending_in_free_words_before_its_bracket_is_one_phrase():
    en = "According to the State Emergency Service, 300 villages are without power."
    uk = "За даними Державної служби з надзвичайних ситуацій (ДСНС), 300 сіл залишилися без світла."
    assert projected(en, "State Emergency Service", uk, "en", "uk") == "Державної служби з надзвичайних ситуацій (ДСНС)"


def test_a_plus_inside_the_phrase_keeps_its_word_s_plus_in_the_translation():
    assert projected("The OPEC+ group of oil producers agreed to extend cuts.", "OPEC+ group of oil producers",
                     "Альянс нафтовидобувних країн ОПЕК+ погодився продовжити скорочення.", "en",
                     "uk") == "Альянс нафтовидобувних країн ОПЕК+"


def test_an_indefinite_pronoun_before_an_adjective_is_the_phrase_s_and_a_decimal_thousand():
    """From the second blind review: «Якийсь невідомий» for "An unknown man"; «2,3 тисячі» for «2 300»."""
    assert projected("An unknown man set fire to a car.", "unknown man", "Якийсь невідомий підпалив автомобіль.", "en",
                     "uk") == "Якийсь невідомий"
    assert projected("Работу могут потерять до 2 300 сотрудников компании.", "до 2 300 сотрудников компании",
                     "До 2,3 тисячі працівників компанії можуть втратити роботу.", "ru",
                     "uk") == "До 2,3 тисячі працівників компанії"


def test_not_less_than_is_at_least():
    assert projected("At least 15,000 fans attended the match.", "At least 15,000 fans",
                     "Матч посетили не менее 15 тысяч болельщиков.", "en", "ru") == "не менее 15 тысяч болельщиков"


def test_truckers_a_checkpoint_and_the_czech_republic():
    assert same_meaning("truckers", "en", "дальнобойщики", "ru") and same_meaning("checkpoint", "en", "пропуску", "uk")
    assert projected("Временную защиту получили около 40 000 украинских беженцев в Чехии.",
                     "около 40 000 украинских беженцев в Чехии",
                     "Some 40,000 Ukrainian refugees in the Czech Republic received temporary protection.", "ru",
                     "en") == "Some 40,000 Ukrainian refugees in the Czech Republic"


def test_the_regions_of_kyiv_lviv_and_odesa_and_fishermen():
    assert same_meaning("Odesa", "en", "Одещини", "uk") and same_meaning("Kyiv", "en", "Киевщине", "ru")
    assert same_meaning("Fishermen", "en", "Рибалок", "uk")


def test_us_states_whose_names_are_spelled_apart_unions_and_an_investment_fund():
    assert same_meaning("Texas", "en", "Техасі", "uk") and same_meaning("Ohio", "en", "Огайо", "ru")
    assert same_meaning("unions", "en", "профспілок", "uk") and same_meaning("fund", "en", "інвестфонду", "uk")


def test_a_lyceum_a_licence_a_filling_station_at_night_and_a_special_envoy():
    assert all(same_meaning(en, "en", word, lang) for en, word, lang in (
        ("Lyceum", "ліцею", "uk"), ("licence", "посвідчення", "uk"), ("station", "АЗС", "ru"), ("night", "вночі", "uk"),
        ("envoy", "спецпосланник", "ru")))


def test_a_body_s_name_ends_on_a_common_word_whatever_comes_before_it():
    assert projected("Команда студентів Київської політехніки виграла змагання.",
                     "Команда студентів Київської політехніки",
                     "A team of students from Kyiv Polytechnic Institute won the competition.", "uk",
                     "en") == "team of students from Kyiv Polytechnic Institute"


def test_into_english_a_russian_participle_opens_the_relative_clause_the_translation_makes_of_it():
    """The clause's last word matches nothing ("landslide"): it ends where the main verb begins, as after «які»."""
    ru = "Жители, лишившиеся крыш в результате оползня в прошлом месяце, получат помощь от города."
    en = "Residents who lost their roofs in last month's landslide will get help from the city."
    assert projected(ru, "Жители, лишившиеся крыш в результате оползня в прошлом месяце", en, "ru",
                     "en") == "Residents who lost their roofs in last month's landslide"


def test_an_english_clause_goes_on_past_a_word_that_translates_something_outside_it():
    """"homes" is also the new homes outside the phrase; the clause's "missile strike" comes after it."""
    uk = "Мешканці Ізюма, які залишилися без житла після ракетного удару, отримають нові будинки навесні."
    en = "Izium residents who lost their homes in the missile strike will get new homes in spring."
    assert projected(uk, "Мешканці Ізюма, які залишилися без житла після ракетного удару", en, "uk",
                     "en") == "Izium residents who lost their homes in the missile strike"


def test_an_english_relative_pronoun_may_follow_the_run_after_two_free_words():
    """«райсовета» matches nothing: "district council" are free words between the run and "who"."""
    ru = ("Бывший глава Ирпенского райсовета Олег Мельник, которого подозревают в растрате бюджетных средств, "
          "вышел под залог.")
    en = ("Oleh Melnyk, the former head of the Irpin district council who is suspected of embezzling budget funds, "
          "was released on bail.")
    assert projected(ru, ru[:ru.index(", вышел")], en, "ru", "en") == en[:en.index(", was")]


def test_an_italian_or_romanian_ci_before_a_vowel_is_read_as_ch():
    assert _name_keys("Ciobanu") & _name_keys("Чобану") and _name_keys("Ciampi") & _name_keys("Чампі")
    assert projected("Депутата Маріана Чобану позбавили мандата.", "Маріана Чобану",
                     "MP Mariana Ciobanu was stripped of her seat.", "uk", "en", {}) == "Mariana Ciobanu"


def test_a_name_before_the_apposition_joins_it_though_it_also_matches_a_word_of_it():
    """Norvik ~ «Норвегії» (as Norway's does): the name brings «Lines» of its own."""
    uk = "Компанія Norvik Lines, найбільший поромний перевізник Норвегії, підняла ціни на квитки."
    assert projected(uk, uk[:uk.index(", підняла")], "Norvik Lines, Norway's largest ferry operator, raised ticket "
                     "prices.", "uk", "en") == "Norvik Lines, Norway's largest ferry operator"


def test_an_end_that_gives_one_of_two_alike_phrase_words_a_word_of_its_own_stays():
    """Both "Prosecutors" and "Prosecutor's" match «Прокурори» and «прокуратури», and "SAP" every word: the first
    is no repeat, since without it one of the two would have no word."""
    hits = [{0, 3, 4}, set(), set(), {1, 4}, {2, 4}, {0, 3, 4}, set(), {4}]
    assert _trimmed((0, 7, {0, 1, 2, 3, 4}), hits, {0, 1, 2, 3, 4})[0] == 0
    assert _trimmed((0, 7, {0, 1, 2, 4}), [{0, 4}] + hits[1:5] + [{0, 4}] + hits[6:], {0, 1, 2, 4})[0] == 3


def test_an_english_clause_with_its_subject_before_its_verb_takes_the_verb():
    """"whose fields [are] still mined": the first verb after the subject is the clause's, the second the main one."""
    uk = "Фермери Миколаївщини, чиї поля досі заміновані, просять про допомогу."
    en = "Farmers in the Mykolaiv region whose fields are still mined are asking for help."
    assert projected(uk, uk[:uk.index(", просять")], en, "uk", "en") == en[:en.index(" are asking")]


def test_unidentified_gunmen():
    assert same_meaning("Unidentified", "en", "Невідомі", "uk") and same_meaning("gunmen", "en", "вооруженные", "ru")


def test_the_h_of_an_initial_wh_is_silent():
    assert _name_keys("Whitehouse") & _name_keys("Вайтхаус") and _name_keys("Whitman") & _name_keys("Уітмен")


def test_tens_of_thousands_subcommittees_and_novices():
    assert same_meaning("tens", "en", "десятків", "uk") and same_meaning("subcommittees", "en", "подкомитетами", "ru")
    assert same_meaning("novices", "en", "новачкам", "uk") and not same_meaning("committees", "en", "підкомітетів",
                                                                               "uk")


def test_into_english_the_head_after_the_short_name_in_brackets_comes_with_it():
    uk = "Аналітики Міжнародного енергетичного агентства (МЕА) знизили прогноз попиту на нафту."
    assert projected(uk, uk[:uk.index(" знизили")], "International Energy Agency (IEA) analysts cut their oil demand "
                     "forecast.", "uk", "en") == "International Energy Agency (IEA) analysts"


def test_into_english_a_head_noun_no_word_matched_is_the_word_before_of():
    assert projected("Низка свідків бачила, як автомобіль виїхав на зустрічну смугу.", "Низка свідків",
                     "A number of witnesses saw the car swerve into the oncoming lane.", "uk",
                     "en") == "number of witnesses"
    assert projected("Масса зрителей покинула стадион до конца матча.", "Масса зрителей",
                     "Droves of spectators left the stadium before the final whistle.", "ru",
                     "en") == "Droves of spectators"


def test_the_that_of_a_relative_clause_is_not_the_that_of_reported_speech():
    en = "A UN team that inspected the dam near Kakhovka said that the damage was severe."
    ru = "Группа экспертов ООН, осмотревшая дамбу возле Каховки, сообщила, что повреждения серьезные."
    assert projected(en, "UN team that inspected the dam near Kakhovka", ru, "en",
                     "ru") == "Группа экспертов ООН, осмотревшая дамбу возле Каховки"


def test_a_long_phrase_does_not_run_on_across_the_verb_of_the_sentence():
    """"Sciences" matches «науки» after the verb «випробували»; "Welding" is a name, no participle of a clause."""
    en = ("Engineers at the Paton Institute of Electric Welding of the National Academy of Sciences of Ukraine have "
          "tested a new welding method for bridges.")
    uk = "Інженери Інституту електрозварювання імені Патона НАН України випробували новий для науки метод."
    assert projected(en, en[:en.index(" have")], uk, "en", "uk") == \
        "Інженери Інституту електрозварювання імені Патона НАН України"
    ru = "Женщине, которую в моих историях звали Кометой, я посвятил пост."
    assert projected("I dedicated a post to the woman called Comet in my stories.", "woman called Comet in my stories",
                     ru, "en", "ru") == "Женщине, которую в моих историях звали Кометой"


def test_against_is_no_again():
    en = "Farmers protesting against cheap grain imports again blocked the road to the border."
    uk = "Фермери, які протестують проти дешевого імпорту зерна, знову заблокували дорогу до кордону."
    assert projected(en, "Farmers protesting against cheap grain imports", uk, "en",
                     "uk") == "Фермери, які протестують проти дешевого імпорту зерна"


def test_a_straight_single_quote_comes_with_its_other_mark_not_an_apostrophe():
    uk = "Ті, хто скаржиться на молодь, яка «не хоче читати», самі не читають."
    en = "People who complain about young people 'not wanting to read' do not read themselves."
    assert projected(uk, uk[:uk.index(", самі")], en, "uk",
                     "en") == "People who complain about young people 'not wanting to read'"
    assert projected("Авторка «Лісової пісні» Леся Українка народилася в Новограді-Волинському.",
                     "Авторка «Лісової пісні» Леся Українка",
                     "'Forest Song' author Lesya Ukrainka was born in Novohrad-Volynskyi.", "uk",
                     "en") == "'Forest Song' author Lesya Ukrainka"


def test_port_adjectives_women_s_and_ridni_as_family():
    assert same_meaning("port", "en", "портового", "uk") and same_meaning("women", "en", "женской", "ru")
    assert same_meaning("family", "en", "Рідні", "uk") and same_meaning("relatives", "en", "рідних", "uk")
    assert not same_meaning("family", "en", "рідна", "uk")  # «рідна мова»: the mother tongue


def test_yesterday_today_and_tomorrow_but_no_breakfast():
    assert same_meaning("yesterday", "en", "учора", "uk") and same_meaning("вчора", "uk", "вчера", "ru")
    assert same_meaning("today", "en", "сегодня", "ru") and not same_meaning("tomorrow", "en", "завтрак", "ru")


def test_a_ministry_s_short_name_matches_the_other_language_s_long_name():
    assert same_meaning("Минфин", "ru", "Міністерстві", "uk") and same_meaning("Минздраве", "ru", "здоров'я", "uk")
    assert same_meaning("МЗС", "uk", "иностранных", "ru") and not same_meaning("міноборони", "uk", "обороны", "ru")
    assert projected("Минфин Германии предложил новый бюджет.", "Минфин Германии",
                     "Міністерство фінансів Німеччини запропонувало новий бюджет.", "ru",
                     "uk") == "Міністерство фінансів Німеччини"


def test_the_mayor_s_office_is_one_word_in_ukrainian_and_russian():
    en = "Residents complained to the mayor's office."
    assert projected(en, "mayor's office", "Мешканці поскаржилися до мерії.", "en", "uk") == "мерії"
    assert projected("Жители пожаловались в мэрию.", "мэрию", en, "ru", "en") == "mayor's office"


def test_a_name_takes_a_noun_matched_elsewhere_only_right_after_it():
    """«Зарічне» reads as an adjective, but «тиждень» is the "week" outside the phrase, two words on."""
    assert projected("For a second week, villagers in Zarichne have been blocking the highway.",
                     "villagers in Zarichne", "Мешканці села Зарічне другий тиждень перекривають трасу.", "en",
                     "uk") == "Мешканці села Зарічне"


def test_holders_homeowners_and_the_infamous():
    assert same_meaning("holder", "en", "владельцем", "ru") and same_meaning("homeowner", "en", "домовладелец", "ru")
    assert same_meaning("infamous", "en", "печально", "ru") and same_meaning("notorious", "en", "печально", "ru")


def test_both_and_is_yak_tak_i():
    assert projected("Both students and teachers joined the strike.", "Both students and teachers",
                     "До страйку приєдналися як студенти, так і викладачі.", "en",
                     "uk") == "як студенти, так і викладачі"


def test_a_low_cost_airline_is_a_loukoster():
    assert same_meaning("Budget", "en", "Лоукостер", "uk") and same_meaning("airline", "en", "лоукостера", "ru")


def test_a_russian_participle_clause_counts_its_participle_as_a_word_not_a_pronoun():
    ru = "Представитель министерства, попросивший не называть его имени, заявил, что переговоры продолжатся."
    en = "A ministry official who asked not to be named said the talks would continue."
    assert projected(ru, ru[:ru.index(", заявил")], en, "ru", "en") == "ministry official who asked not to be named"


def test_an_irregular_past_verb_after_a_name_is_no_head():
    ru = "Украинская прыгунья с шестом Ирина Бондарь завоевала золото чемпионата Европы, взяв высоту 4,80 метра."
    en = "Ukrainian pole vaulter Iryna Bondar won gold at the European Championships, clearing 4.80 metres."
    assert projected(ru, "Украинская прыгунья с шестом Ирина Бондарь", en, "ru",
                     "en") == "Ukrainian pole vaulter Iryna Bondar"


def test_a_flight_in_the_locative():
    assert same_meaning("flight", "en", "рейсі", "uk") and same_meaning("flight", "en", "рейсе", "ru")


def test_a_landlord_is_a_khaziain():
    assert same_meaning("landlord", "en", "Хазяїн", "uk") and same_meaning("landlord", "en", "хозяином", "ru")


def test_a_run_joined_before_the_phrase_does_not_begin_on_a_word_it_repeats_across_a_gap():
    """«из-под» matches the «під» of the clause: it begins the run before «мужчину», but brings nothing new."""
    uk = "Рятувальники дістали з-під уламків чоловіка, який пробув під ними п'ять годин."
    ru = "Спасатели извлекли из-под обломков мужчину, который пробыл под ними пять часов."
    assert projected(uk, "чоловіка, який пробув під ними п'ять годин", ru, "uk",
                     "ru") == "мужчину, который пробыл под ними пять часов"


def test_against_in_a_name_is_proty():
    assert projected("Партія «Проти корупції» знову не пройшла до парламенту.", "Партія «Проти корупції»",
                     "The 'Against Corruption' party again failed to enter parliament.", "uk",
                     "en") == "'Against Corruption' party"


def test_prisoners_of_war_are_one_ukrainian_word_and_a_bill_is_a_zakonoproyekt():
    assert projected("Рідні військовополонених зібралися біля Координаційного штабу.", "Рідні військовополонених",
                     "Relatives of the prisoners of war gathered outside the Coordination Headquarters.", "uk",
                     "en") == "Relatives of the prisoners of war"
    assert same_meaning("bill", "en", "законопроєкт", "uk")


def test_those_killed_in_an_air_crash_and_a_road_accident():
    assert same_meaning("killed", "en", "загиблих", "uk") and same_meaning("killed", "en", "погибших", "ru")
    assert same_meaning("crash", "en", "авіакатастрофі", "uk") and same_meaning("accident", "en", "ДТП", "ru")


def test_into_english_the_head_after_the_bracket_takes_the_rest_of_the_phrase_after_it():
    uk = "Співробітники Служби безпеки України (СБУ) в Одесі затримали агента."
    assert projected(uk, uk[:uk.index(" затримали")], "Security Service of Ukraine (SBU) officers in Odesa detained an "
                     "agent.", "uk", "en") == "Security Service of Ukraine (SBU) officers in Odesa"


def test_a_prosecutor_s_office_whatever_follows_and_the_eurocommission():
    uk = "Харківська обласна прокуратура повідомляє, що слідство триває."
    en = "The Kharkiv regional prosecutor's office reports that the investigation continues."
    assert projected(uk, "Харківська обласна прокуратура", en, "uk", "en") == "Kharkiv regional prosecutor's office"
    assert same_meaning("Commission", "en", "Еврокомиссия", "ru")
    assert same_meaning("European", "en", "Єврокомісії", "uk")


def test_a_nordic_lender_is_a_scandinavian_bank():
    assert same_meaning("Nordic", "en", "скандинавского", "ru") and same_meaning("lender", "en", "банку", "uk")


def test_a_body_s_short_name_takes_the_country_the_translation_adds():
    assert projected("ДСНС попередила про снігопади.", "ДСНС", "ГСЧС Украины предупредила о снегопадах.", "uk",
                     "ru") == "ГСЧС Украины"
    assert projected("Байден прибув до Варшави.", "Байден", "Байден Польши прибыл в Варшаву.", "uk", "ru") == "Байден"


def test_on_the_part_of_is_no_head():
    assert projected("The plan drew criticism from trade unions.", "trade unions",
                     "План викликав критику з боку профспілок.", "en", "uk") == "профспілок"
    assert projected("The plan drew criticism from trade unions.", "trade unions",
                     "План вызвал критику со стороны профсоюзов.", "en", "ru") == "профсоюзов"


def test_a_trade_union_is_one_ukrainian_or_russian_word():
    assert same_meaning("trade", "en", "профспілок", "uk") and same_meaning("trade", "en", "профсоюзов", "ru")
    assert not same_meaning("trade", "en", "союз", "ru")


def test_a_ministry_takes_its_owner_then_the_country_the_translation_adds():
    assert projected("Міноборони уклало контракти на дрони.", "Міноборони",
                     "Министерство обороны Украины заключило контракты на дроны.", "uk",
                     "ru") == "Министерство обороны Украины"


def test_a_book_fair_is_knyzhkovyi():
    assert same_meaning("Book", "en", "Книжковий", "uk") and same_meaning("book", "en", "книжной", "ru")


def test_a_clause_with_its_verb_matched_does_not_take_the_main_verb_as_its_own():
    ru = "Группа из 12 жителей Бучи, чьи дома были разрушены в 2022 году, выиграла иск против России."
    en = "A group of 12 residents of Bucha whose homes were destroyed in 2022 has won a lawsuit against Russia."
    assert projected(ru, ru[:ru.index(", выиграла")], en, "ru",
                     "en") == "group of 12 residents of Bucha whose homes were destroyed in 2022"


def test_lviv_residents_a_guest_director_the_high_court_and_the_kcsa():
    assert same_meaning("Lviv", "en", "львів'яни", "uk") and same_meaning("guest", "en", "приглашенного", "ru")
    assert same_meaning("High", "en", "Вищий", "uk") and same_meaning("administration", "en", "КМДА", "uk")
    assert not same_meaning("high", "en", "вищати", "uk")


def test_a_noun_that_complements_the_noun_before_it_is_no_head_of_the_phrase_after():
    en = "The court sentenced a 52-year-old former customs officer to four years in prison."
    uk = "Суд засудив до чотирьох років позбавлення волі 52-річного колишнього митника."
    assert projected(en, "52-year-old former customs officer", uk, "en", "uk") == "52-річного колишнього митника"


def test_collective_numbers_in_the_dative_and_rows_for_a_city_s_executive_committee_and_air_defence():
    assert projected("Врачи вернули слух шестерым детям, родившимся глухими.", "шестерым детям, родившимся глухими",
                     "Doctors restored hearing to six children born deaf.", "ru", "en") == "six children born deaf"
    assert same_meaning("executive", "en", "Виконком", "uk") and same_meaning("committee", "en", "исполкома", "ru")
    assert same_meaning("defence", "en", "ППО", "uk") and same_meaning("Polytechnic", "en", "політехніки", "uk")
    assert same_meaning("Rih", "en", "Криворізького", "uk") and same_meaning("bodyguards", "en", "телохранителей", "ru")


def test_into_english_a_quoted_name_s_common_words_are_its_own_and_a_compound_is_two_words():
    assert projected("Сирна фабрика «Білий луг» з Полтави подвоїла виробництво.", "Сирна фабрика «Білий луг»",
                     "Cheese factory Bilyi Luh from Poltava doubled its output.", "uk",
                     "en") == "Cheese factory Bilyi Luh"
    uk = "Суд визнав банкрутом агрохолдинг «Степові лани», який заборгував банкам мільярд гривень."
    en = "The court declared agricultural holding Stepovi Lany, which owes banks a billion hryvnias, bankrupt."
    assert projected(uk, uk[uk.index("агрохолдинг"):-1], en, "uk",
                     "en") == "agricultural holding Stepovi Lany, which owes banks a billion hryvnias"


def test_custody_and_the_freedom_of_speech_of_a_number_are_no_heads():
    en = ("The High Anti-Corruption Court ordered the arrest of a deputy head of the State Agency for Restoration, "
          "suspected of taking a bribe.")
    uk = ("Вищий антикорупційний суд узяв під варту заступника голови Держагентства відновлення, якого підозрюють в "
          "отриманні хабара.")
    assert projected(en, en[en.index("deputy"):-1], uk, "en", "uk") == uk[uk.index("заступника"):-1]
    en = ("The court ruled that Turkey had violated the free speech rights of 19 academics who were prosecuted for "
          "signing a petition.")
    uk = ("Суд постановив, що Туреччина порушила право на свободу слова 19 науковців, яких переслідували за підписання "
          "петиції.")
    assert projected(en, en[en.index("19 academics"):-1], uk, "en", "uk") == uk[uk.index("19 науковців"):-1]
    assert same_meaning("forces", "en", "ППО", "uk")


def test_a_water_utility_is_a_vodokanal():
    assert same_meaning("utility", "en", "водоканалу", "uk") and same_meaning("utility", "en", "Водоканал", "ru")


def test_a_people_named_after_its_city_is_the_city_with_its_residents():
    uk = "Міська рада пообіцяла одеситам, що воду дадуть до вечора."
    assert projected(uk, "одеситам", "Городской совет пообещал жителям Одессы, что воду дадут до вечера.", "uk",
                     "ru") == "жителям Одессы"
    assert projected(uk, "одеситам", "The city council promised Odesa residents that water would be back by evening.",
                     "uk", "en") == "Odesa residents"


def test_a_title_after_according_to_is_the_phrase_s_head():
    en = "According to Mykolaiv regional governor Vitaliy Kim, three people were injured."
    uk = "За словами голови Миколаївської ОВА Віталія Кіма, троє людей поранені."
    assert projected(en, "Mykolaiv regional governor Vitaliy Kim", uk, "en",
                     "uk") == "голови Миколаївської ОВА Віталія Кіма"


def test_a_dash_between_two_names_of_the_phrase_joins_them():
    en = "Polish farmers who had blocked the Medyka-Shehyni crossing for a week ended their protest."
    uk = "Польські фермери, які тиждень блокували пункт пропуску Шегині – Медика, припинили протест."
    assert projected(en, "Polish farmers who had blocked the Medyka-Shehyni crossing for a week", uk, "en",
                     "uk") == "Польські фермери, які тиждень блокували пункт пропуску Шегині – Медика"


def test_a_clause_after_the_name_joins_it_though_the_name_also_matches_a_word_of_the_clause():
    """«Агро-Дрон» matches "drones" too, which «безпілотники» matches: the clause brings words of its own."""
    en = "Kharkiv start-up Agro-Dron, which builds drones for farmers, has raised $2 million."
    uk = "Харківський стартап «Агро-Дрон», що виготовляє безпілотники для фермерів, залучив 2 млн доларів."
    assert projected(en, "Kharkiv start-up Agro-Dron, which builds drones for farmers", uk, "en",
                     "uk") == "Харківський стартап «Агро-Дрон», що виготовляє безпілотники для фермерів"


def test_runs_join_across_a_bracket_the_phrase_goes_on_after():
    ru = "Миссия Всемирного банка (ВБ) во главе с Анной Коваль завершила визит в Одессу."
    en = "A World Bank (WB) mission led by Anna Koval has concluded a visit to Odesa."
    assert projected(ru, "Миссия Всемирного банка (ВБ) во главе с Анной Коваль", en, "ru",
                     "en") == "World Bank (WB) mission led by Anna Koval"
    assert projected(en, "World Bank (WB) mission led by Anna Koval", ru, "en",
                     "ru") == "Миссия Всемирного банка (ВБ) во главе с Анной Коваль"
    uk = "Місія Світового банку (СБ) на чолі з Анною Коваль завершила візит до Одеси."
    assert projected(en, "World Bank (WB) mission led by Anna Koval", uk, "en",
                     "uk") == "Місія Світового банку (СБ) на чолі з Анною Коваль"


def test_a_phrase_ending_in_its_bracket_does_not_run_on_after_the_translation_s_bracket():
    en = "The Kisan Sabha Samiti (KSS), which was among the first groups to protest, called a strike."
    ru = "Группа Kisan Sabha Samiti (KSS), одна из первых групп протеста, объявила забастовку."
    assert projected(ru, "Группа Kisan Sabha Samiti (KSS)", en, "ru", "en") == "Kisan Sabha Samiti (KSS)"


def test_an_unmatched_head_is_the_english_words_before_in_from_or_at():
    uk = "Пасічники Вінниччини вимагають компенсацій від агрохолдингів."
    en = "Beekeepers in the Vinnytsia region are demanding compensation from agricultural holdings."
    assert projected(uk, "Пасічники Вінниччини", en, "uk", "en") == "Beekeepers in the Vinnytsia region"
    ru = "Индивидуальные предприниматели Житомирской области получат льготные кредиты."
    en = "Sole traders in Zhytomyr region will receive cheap loans."
    assert projected(ru, "Индивидуальные предприниматели Житомирской области", en, "ru",
                     "en") == "Sole traders in Zhytomyr region"


def test_no_verb_after_will_is_taken_as_the_head_before_in():
    uk = "Уряд компенсує аграріям Полтавщини, чиї поля пошкодив град, частину витрат."
    en = ("The government will reimburse growers in Poltava region whose fields were damaged by hail for part of the "
          "cost.")
    assert projected(uk, "аграріям Полтавщини, чиї поля пошкодив град", en, "uk",
                     "en") == "growers in Poltava region whose fields were damaged by hail"


def test_no_head_is_taken_from_a_clause_before_the_preposition():
    uk = "Учасників віком від 14 до 50 років відпустили."
    en = "The protesters, who ranged in age from 14 to 50, were released."
    assert projected(uk, "Учасників віком від 14 до 50 років", en, "uk", "en") == "age from 14 to 50"


def test_an_ordinal_word_matches_its_number():
    en = "Eleventh-graders from village schools will sit the tests online."
    uk = "Учні 11-х класів сільських шкіл складатимуть тести онлайн."
    assert projected(en, "Eleventh-graders from village schools", uk, "en", "uk") == "Учні 11-х класів сільських шкіл"
    assert _similar_word("three", "третю", {}, ("en", "uk")) and _similar_word("третьего", "3", {}, ("ru", "en"))
    assert not _similar_word("three", "четвертий", {}, ("en", "uk"))


def test_a_missing_possessive_takes_no_prepositional_phrase_after_the_run():
    en = ("Ukrzaliznytsia, Ukraine's state-owned railway operator, will launch a night train to Vienna in June, with "
          "tickets on sale next week.")
    uk = ("Державний залізничний перевізник «Укрзалізниця» у червні запустить нічний потяг до Відня, квитки надійдуть "
          "у продаж наступного тижня.")
    assert projected(en, "Ukrzaliznytsia, Ukraine's state-owned railway operator", uk, "en",
                     "uk") == "Державний залізничний перевізник «Укрзалізниця»"  # not «у червні», "in June"


def test_a_number_compound_is_the_whole_of_an_age_and_leaves_no_year_to_match():
    en = "Olha Marchuk, a 71-year-old pensioner from Lutsk, has knitted socks for soldiers since 2022."
    uk = "71-річна пенсіонерка з Луцька Ольга Марчук від 2022 року в'яже шкарпетки для військових."
    assert projected(en, "Olha Marchuk, a 71-year-old pensioner from Lutsk", uk, "en",
                     "uk") == "71-річна пенсіонерка з Луцька Ольга Марчук"


def test_a_noun_before_a_feminine_genitive_that_looks_locative_is_no_head():
    """«Харьковской» alone may be a locative like «докладе»; with «группы» it is a genitive."""
    en = "A report by the Kharkiv Nature Protection Group, a network of volunteers, says the river is drying up."
    ru = "В докладе Харьковской природоохранной группы, сети волонтёров, говорится, что река пересыхает."
    assert projected(en, "Kharkiv Nature Protection Group, a network of volunteers", ru, "en",
                     "ru") == "Харьковской природоохранной группы, сети волонтёров"


def test_a_head_joins_its_clause_when_it_gives_a_repeated_word_a_match_of_its_own():
    """«учитель» of the programme's name can stand for "Teachers" too: «Лікарям» still brings a word of its own."""
    en = 'Doctors who move to village clinics under the "Zemsky Doctor" programme will be paid a million roubles.'
    ru = ("Врачам, которые переедут в сельские поликлиники по программе «Земский доктор», выплатят по миллиону "
          "рублей.")
    assert projected(en, 'Doctors who move to village clinics under the "Zemsky Doctor" programme', ru, "en",
                     "ru") == "Врачам, которые переедут в сельские поликлиники по программе «Земский доктор»"


def test_a_repeated_word_of_the_phrase_brings_no_second_run_across_a_verb():
    en = "Many people who hate rude people hate noisy people too, the survey found."
    ru = "Многие люди, которые ненавидят грубых людей, ненавидят и шумных людей, показал опрос."
    assert projected(en, "Many people who hate rude people", ru, "en",
                     "ru") == "Многие люди, которые ненавидят грубых людей"


def test_an_english_ing_word_after_a_word_outside_the_phrase_is_its_verb_not_a_modifier():
    uk = ("Пацієнтів із гірських районів Закарпатської області, які понад рік чекали на операцію на серці, почнуть "
          "приймати в новому кардіоцентрі в Ужгороді.")
    en = ("A new cardiac centre in Uzhhorod will start admitting patients from mountain districts of Zakarpattia "
          "region who have waited more than a year for heart surgery.")
    phrase = "Пацієнтів із гірських районів Закарпатської області, які понад рік чекали на операцію на серці"
    assert projected(uk, phrase, en, "uk", "en") == ("patients from mountain districts of Zakarpattia region who have "
                                                    "waited more than a year for heart surgery")


def test_month_and_weekday_names_match_across_languages():
    assert _similar_word("October", "жовтня", {}, ("en", "uk"))
    assert _similar_word("листопада", "ноября", {}, ("uk", "ru"))
    assert not _similar_word("may", "травня", {}, ("en", "uk"))  # the verb
    assert same_meaning("paid", "en", "виплачують", "uk") and same_meaning("paid", "en", "выплачивают", "ru")


def test_a_relative_clause_opens_after_a_quoted_name():
    en = ("Tram drivers at the municipal company Lvivelectrotrans, who have not been paid since November, refused to "
          "work on Monday.")
    uk = ("Водії трамваїв комунального підприємства «Львівелектротранс», яким із листопада не виплачують зарплату, у "
          "понеділок відмовилися працювати.")
    phrase = "Tram drivers at the municipal company Lvivelectrotrans, who have not been paid since November"
    assert projected(en, phrase, uk, "en", "uk") == ("Водії трамваїв комунального підприємства «Львівелектротранс», "
                                                    "яким із листопада не виплачують зарплату")


def test_a_clause_after_a_bracket_and_a_comma_joins_the_name_before():
    ru = ("Специалисты Всемирной организации здравоохранения (ВОЗ), находящиеся в Херсонской области, сообщили, что "
          "больница снова осталась без света.")
    uk = ("Фахівці Всесвітньої організації охорони здоров'я (ВООЗ), які перебувають у Херсонській області, повідомили, "
          "що лікарня знову залишилася без світла.")
    assert projected(ru, "Специалисты Всемирной организации здравоохранения (ВОЗ), находящиеся в Херсонской области",
                     uk, "ru", "uk") == ("Фахівці Всесвітньої організації охорони здоров'я (ВООЗ), які перебувають у "
                                         "Херсонській області")


def test_that_after_an_english_verb_opens_no_relative_clause():
    ru = "Инспекторы МАГАТЭ, находящиеся на Запорожской АЭС, сообщили, что станция снова потеряла питание."
    en = ("IAEA inspectors stationed at the Zaporizhzhia nuclear power plant reported that the plant had lost power "
          "again.")
    assert projected(ru, "Инспекторы МАГАТЭ, находящиеся на Запорожской АЭС", en, "ru",
                     "en") == "IAEA inspectors stationed at the Zaporizhzhia nuclear power plant"


def test_an_initial_s_point_ends_no_phrase():
    uk = ("Суд у Кракові засудив до шести років позбавлення волі громадянина Білорусі Ігоря М., який фотографував "
          "колони військової техніки, за шпигунство.")
    ru = ("Суд в Кракове приговорил к шести годам лишения свободы гражданина Беларуси Игоря М., который "
          "фотографировал колонны военной техники, за шпионаж.")
    assert projected(uk, "громадянина Білорусі Ігоря М., який фотографував колони військової техніки", ru, "uk",
                     "ru") == "гражданина Беларуси Игоря М., который фотографировал колонны военной техники"
    uk = "Двопартійна делегація сенаторів США на чолі з демократкою Енн Ріверс прибула до Львова."
    en = "A bipartisan delegation of U.S. senators led by Democrat Ann Rivers arrived in Lviv."
    assert projected(uk, "Двопартійна делегація сенаторів США на чолі з демократкою Енн Ріверс", en, "uk",
                     "en") == "bipartisan delegation of U.S. senators led by Democrat Ann Rivers"


def test_a_preposition_matching_a_later_word_of_the_phrase_governs_it_from_outside():
    uk = ("Поліція застосувала сльозогінний газ проти прихильників опозиції, які третю ніч поспіль протестували проти "
          "результатів виборів.")
    en = ("Police used tear gas against opposition supporters who protested against the election results for a third "
          "night.")
    assert projected(uk, "прихильників опозиції, які третю ніч поспіль протестували проти результатів виборів", en,
                     "uk", "en") == ("opposition supporters who protested against the election results for a third "
                                     "night")


def test_russian_u_for_an_english_w_matches_ukrainian_v():
    assert _name_keys("Уитмором") & _name_keys("Вітмора") and _name_keys("Уильяма") & _name_keys("Вільяма")
    assert not _name_keys("Ульяна") & _name_keys("Вільяма")


def test_english_grammar_words_cost_nothing_at_the_end_of_a_clause():
    uk = "Рятувальники евакуювали 40 мешканців сіл Рахівського району, будинки яких підтопило після кількаденних злив."
    en = ("Rescuers evacuated 40 residents of villages in Rakhiv district whose homes were flooded after days of heavy "
          "rain.")
    assert projected(uk, "40 мешканців сіл Рахівського району, будинки яких підтопило після кількаденних злив", en,
                     "uk", "en") == ("40 residents of villages in Rakhiv district whose homes were flooded after days "
                                     "of heavy rain")


def test_a_dash_sets_off_an_apposition_after_a_quoted_name():
    uk = ("Лідери так званої «коаліції охочих» — групи з понад 20 країн, готових допомогти Україні, зберуться в "
          "Лондоні.")
    ru = ("Лидеры так называемой «коалиции желающих» — группы из более чем 20 стран, готовых помочь Украине, "
          "соберутся в Лондоне.")
    assert projected(uk, "Лідери так званої «коаліції охочих» — групи з понад 20 країн, готових допомогти Україні", ru,
                     "uk", "ru") == ("Лидеры так называемой «коалиции желающих» — группы из более чем 20 стран, "
                                     "готовых помочь Украине")
    ru = "По данным Евростата — статистического ведомства ЕС, цены выросли."
    assert projected(ru, "Евростата — статистического ведомства ЕС", "За даними Євростату — статистичного відомства "
                     "ЄС, ціни зросли.", "ru", "uk") == "Євростату — статистичного відомства ЄС"


def test_a_russian_city_head_is_a_mayor_and_the_head_of_a_foreign_ministry_its_minister():
    assert same_meaning("Mayor", "en", "голова", "ru") and same_meaning("Mayor", "en", "Городской", "ru")
    assert same_meaning("Minister", "en", "главой", "ru") and same_meaning("leader", "en", "главой", "ru")
    assert same_meaning("Authority", "en", "Управління", "uk") and same_meaning("Authority", "en", "Управление", "ru")
    assert same_meaning("states", "en", "країни", "uk") and same_meaning("states", "en", "страны", "ru")  # "Baltic"
    assert same_meaning("hauliers", "en", "перевізників", "uk") and same_meaning("truckers", "en", "перевозчики", "ru")
    assert same_meaning("world", "en", "мира", "ru")  # «третью ракетку мира»: "world number three"
    assert same_meaning("biathlon", "en", "біатлону", "uk") and same_meaning("weightlifting", "en", "атлетике", "ru")
    assert same_meaning("Chief", "en", "Головна", "uk") and same_meaning("board", "en", "Исполком", "ru")
    assert same_meaning("NGO", "en", "організації", "uk") and same_meaning("Environmentalists", "en", "Экологи", "ru")
    assert same_meaning("paramedics", "en", "фельдшерам", "uk") and same_meaning("парамедик", "uk", "Фельдшер", "ru")


def test_an_english_ing_participle_after_its_head_is_the_clause_the_translation_makes_of_it():
    en = "The ministry reached a deal with a committee of investors holding its GDP warrants on Friday."
    uk = "Міністерство в п'ятницю домовилося з комітетом інвесторів, які володіють її ВВП-варантами."
    assert projected(en, "committee of investors holding its GDP warrants", uk, "en",
                     "uk") == "комітетом інвесторів, які володіють її ВВП-варантами"


def test_a_number_takes_the_case_of_what_it_counts_for_a_head_before_it():
    en = ("DTEK engineers restored power to 90,000 families in Odesa region who had been left without it after the "
          "attack.")
    ru = ("Энергетики ДТЭК вернули свет 90 тысячам семей в Одесской области, которые оставались обесточенными после "
          "атаки.")
    assert projected(en, "90,000 families in Odesa region who had been left without it after the attack", ru, "en",
                     "ru") == "90 тысячам семей в Одесской области, которые оставались обесточенными после атаки"


def test_an_ordinal_matches_another_ordinal_and_no_date_s_number():
    en = "On 6 May the Sixth Administrative Court of Appeal upheld the ruling."
    uk = "Шостий апеляційний адміністративний суд 6 травня залишив рішення в силі."
    assert projected(en, "Sixth Administrative Court of Appeal", uk, "en",
                     "uk") == "Шостий апеляційний адміністративний суд"
    assert projected(uk, "Шостий апеляційний адміністративний суд", en, "uk",
                     "en") == "Sixth Administrative Court of Appeal"


def test_an_ing_modifier_after_a_verb_outside_the_phrase_stays_unless_the_verb_takes_it():
    en = "Police charged leading opposition blogger Taras Hrebin with fraud."
    uk = "Поліція висунула звинувачення відомому опозиційному блогеру Тарасу Гребіню в шахрайстві."
    assert projected(uk, "відомому опозиційному блогеру Тарасу Гребіню", en, "uk",
                     "en") == "leading opposition blogger Taras Hrebin"


def test_a_sentence_s_full_stop_ends_the_phrase_but_no_abbreviation_s_does():
    en = "The mayor received a letter from residents who want the park kept green. It was signed by 2,000 people."
    uk = "Мер отримав лист від мешканців, які хочуть зберегти парк зеленим. Його підписали 2 тисячі людей."
    assert projected(en, "residents who want the park kept green", uk, "en",
                     "uk") == "мешканців, які хочуть зберегти парк зеленим"
    uk = "Суд заарештував директора фірми, якого в документах названо лише як Сергій В. Суд призначив заставу."
    en = "The court remanded the firm's director, named in court papers only as Serhiy V. The court set bail."
    assert projected(uk, "директора фірми, якого в документах названо лише як Сергій В.", en, "uk",
                     "en") == "firm's director, named in court papers only as Serhiy V."
    en = "Parishioners of St. Nicholas Church in Lviv, which was damaged by a blast, raised funds for repairs."
    uk = "Парафіяни церкви св. Миколая у Львові, яку пошкодила вибухова хвиля, зібрали кошти на ремонт."
    assert projected(en, "Parishioners of St. Nicholas Church in Lviv, which was damaged by a blast", uk, "en",
                     "uk") == "Парафіяни церкви св. Миколая у Львові, яку пошкодила вибухова хвиля"


def test_an_unmatched_head_is_the_word_before_of_the():
    uk = "Львівська міська рада звільнила директора департаменту освіти міста Олега Гнатюка."
    en = "Lviv City Council has dismissed the head of the city's education department, Oleh Hnatiuk."
    assert projected(uk, "директора департаменту освіти міста Олега Гнатюка", en, "uk",
                     "en") == "head of the city's education department, Oleh Hnatiuk"


def test_a_region_or_adjective_made_of_a_short_name_matches_it():
    assert _name_keys("Sumy") & _name_keys("Сумщині") and _name_keys("Sumy") & _name_keys("Сумской")
    uk = "Абоненти «Київстару» на Сумщині кілька годин не мали зв'язку."
    en = "Kyivstar subscribers in Sumy region were left without service for several hours."
    assert projected(uk, "Абоненти «Київстару» на Сумщині", en, "uk", "en") == "Kyivstar subscribers in Sumy region"


def test_a_name_apposed_to_the_head_a_relative_clause_reached_joins_it():
    uk = "Ганс Мюллер, 61-річний токар, який три десятиліття працює на заводі в Бремені, сказав, що боїться скорочень."
    en = ("Hans Mueller, a 61-year-old turner who has worked at the plant in Bremen for three decades, said he feared "
          "job cuts.")
    assert projected(uk, "Ганс Мюллер, 61-річний токар, який три десятиліття працює на заводі в Бремені", en, "uk",
                     "en") == ("Hans Mueller, a 61-year-old turner who has worked at the plant in Bremen for three "
                               "decades")


def test_according_to_is_no_head_before_the_phrase():
    en = ("According to Natalia Humeniuk, spokeswoman for Ukraine's Southern Defence Forces, the shelling went on all "
          "night.")
    uk = "За словами речниці Сил оборони півдня України Наталії Гуменюк, обстріли тривали всю ніч."
    assert projected(en, "Natalia Humeniuk, spokeswoman for Ukraine's Southern Defence Forces", uk, "en",
                     "uk") == "речниці Сил оборони півдня України Наталії Гуменюк"


def test_a_regular_past_verb_between_a_name_and_an_article_ends_the_phrase():
    uk = ("Група Державного бюро розслідувань (ДБР) на чолі зі слідчою Ольгою Ткач обшукала кабінети посадовців "
          "міськради.")
    en = ("A State Bureau of Investigation (SBI) team led by investigator Olha Tkach searched the offices of city "
          "officials.")
    assert projected(uk, "Група Державного бюро розслідувань (ДБР) на чолі зі слідчою Ольгою Ткач", en, "uk",
                     "en") == "State Bureau of Investigation (SBI) team led by investigator Olha Tkach"
    ru = ("Межпартийная группа британских депутатов, называющая себя «Друзья Грузии», призвала британское "
          "правительство помочь.")
    en = 'A cross-party group of MPs calling itself "Friends of Georgia" urged the British government to help.'
    assert projected(ru, "Межпартийная группа британских депутатов, называющая себя «Друзья Грузии»", en, "ru",
                     "en") == 'cross-party group of MPs calling itself "Friends of Georgia"'


def test_an_english_clause_goes_on_after_a_word_that_continues_its_last_evidence():
    uk = ("Енергетики Полтави повернули світло 25 тисячам споживачів, які лишилися без світла після нічної атаки "
          "дронів на підстанцію.")
    en = ("Power workers in Poltava restored electricity to 25,000 consumers who had been left without power after "
          "an overnight drone attack on a substation.")
    assert projected(uk, "25 тисячам споживачів, які лишилися без світла після нічної атаки дронів на "
                     "підстанцію", en, "uk", "en") == (
        "25,000 consumers who had been left without power after an overnight drone attack on a substation")


def test_where_opens_a_relative_clause_into_english():
    uk = ("Троє рибалок із селища на півдні Одещини, де минулого тижня раптово загинули сотні лебедів, звернулися до "
          "екологів.")
    en = ("Three fishermen from a settlement in southern Odesa region where hundreds of swans had died suddenly last "
          "week have turned to ecologists.")
    assert projected(uk, "Троє рибалок із селища на півдні Одещини, де минулого тижня раптово загинули сотні лебедів",
                     en, "uk", "en") == ("Three fishermen from a settlement in southern Odesa region where hundreds of "
                                         "swans had died suddenly last week")


def test_the_head_of_the_phrase_joins_its_clause_though_the_clause_repeats_its_stem():
    en = ("The Supreme Court sided with a pensioner from Poltava who spent six years suing the Pension Fund over an "
          "unpaid allowance.")
    uk = ("Верховний Суд став на бік пенсіонера з Полтави, який шість років судився з Пенсійним фондом через "
          "невиплачену надбавку.")
    assert projected(en, "pensioner from Poltava who spent six years suing the Pension Fund over an unpaid allowance",
                     uk, "en", "uk") == ("пенсіонера з Полтави, який шість років судився з Пенсійним фондом через "
                                         "невиплачену надбавку")


def test_an_h_after_a_vowel_before_l_is_silent_in_names():
    assert _name_keys("Dahl") & _name_keys("Даль") and _name_keys("Kohl") & _name_keys("Коля")
    en = "Major General Arne Pohl, the Norwegian officer who leads the mission, arrived in Vilnius."
    uk = "До Вільнюса прибув генерал-майор Арне Поль — норвезький офіцер, який очолює місію."
    assert projected(en, "Major General Arne Pohl, the Norwegian officer who leads the mission", uk, "en",
                     "uk") == "генерал-майор Арне Поль — норвезький офіцер, який очолює місію"


def test_a_clause_goes_on_past_a_word_matching_outside_when_its_own_words_follow():
    en = ("Agronomists at Uman National University of Horticulture who study diseases of winter wheat received a grant "
          "from the Ukrainian Research Council.")
    uk = ("Агрономи Уманського національного університету садівництва, які досліджують хвороби озимої пшениці, "
          "отримали грант Української дослідницької ради.")
    assert projected(en, "Agronomists at Uman National University of Horticulture who study diseases of winter wheat",
                     uk, "en", "uk") == ("Агрономи Уманського національного університету садівництва, які "
                                         "досліджують хвороби озимої пшениці")


def test_a_clause_before_the_run_may_hold_a_word_that_repeats_the_run():
    en = ("Lviv city council failed to pass its transport plan after deputies opposed to higher fares on city trams "
          "walked out.")
    uk = ("Львівська міська рада не змогла ухвалити транспортний план: депутати, які виступають проти підвищення "
          "тарифів на проїзд у міських трамваях, залишили зал.")
    assert projected(en, "deputies opposed to higher fares on city trams", uk, "en", "uk") == (
        "депутати, які виступають проти підвищення тарифів на проїзд у міських трамваях")


def test_a_clause_opening_with_thanks_to_whom_and_its_word_again_before_the_head():
    en = ("Kharkiv city council made choreographer Olha Lysenko, who kept the city's ballet school open throughout the "
          "war, an honorary citizen.")
    uk = ("Харківська міська рада присвоїла звання почесної громадянки міста хореографині Ользі Лисенко, завдяки якій "
          "міська балетна школа працювала впродовж усієї війни.")
    assert projected(en, "choreographer Olha Lysenko, who kept the city's ballet school open throughout the war", uk,
                     "en", "uk") == ("хореографині Ользі Лисенко, завдяки якій міська балетна школа працювала "
                                     "впродовж усієї війни")


def test_the_region_word_after_a_place_adjective_is_part_of_the_one_word_region():
    uk = ("Фельдшери сільських амбулаторій Полтавщини, які працюють без вихідних, отримають доплату, вирішили депутати "
          "обласної ради.")
    ru = ("Фельдшеры сельских амбулаторий Полтавской области, которые работают без выходных, получат доплату, решили "
          "депутаты областного совета.")
    assert projected(uk, "Фельдшери сільських амбулаторій Полтавщини, які працюють без вихідних", ru, "uk",
                     "ru") == "Фельдшеры сельских амбулаторий Полтавской области, которые работают без выходных"


def test_a_clause_before_the_run_may_hold_a_word_matching_outside():
    uk = ("Міська влада передала ключі від 40 нових будинків родинам, чиї оселі в Заводському районі зруйнували "
          "обстріли.")
    ru = ("Городские власти передали ключи от 40 новых домов семьям, чьи дома в Заводском районе были разрушены "
          "обстрелами.")
    assert projected(uk, "родинам, чиї оселі в Заводському районі зруйнували обстріли", ru, "uk", "ru") == (
        "семьям, чьи дома в Заводском районе были разрушены обстрелами")


def test_helped_ends_an_english_phrase_as_a_verb():
    uk = "Близько 120 волонтерів і реставраторів із п'яти країн відновили дзвіницю церкви у Львові."
    en = "About 120 volunteers and restorers from five countries helped restore the bell tower of a church in Lviv."
    assert projected(uk, "Близько 120 волонтерів і реставраторів із п'яти країн", en, "uk", "en") == (
        "About 120 volunteers and restorers from five countries")


def test_an_english_whose_clause_before_the_run_comes_with_the_head_before_its_comma():
    ru = ("Ганна Коваль, дочь которой пропала без вести во время боёв за Авдеевку, рассказала журналистам, что узнала "
          "её на видео.")
    en = ("Hanna Koval, whose daughter has been missing since the battle for Avdiivka, told reporters she had "
          "recognised her in a video.")
    assert projected(ru, "Ганна Коваль, дочь которой пропала без вести во время боёв за Авдеевку", en, "ru",
                     "en") == "Hanna Koval, whose daughter has been missing since the battle for Avdiivka"


def test_a_head_joins_the_english_clause_after_its_comma():
    uk = "Співачка, чий концерт у Львові скасували минулого тижня, заявила, що виступить восени."
    en = "The singer, whose concert in Lviv was cancelled last week, said she would perform in the autumn."
    assert projected(uk, "Співачка, чий концерт у Львові скасували минулого тижня", en, "uk",
                     "en") == "singer, whose concert in Lviv was cancelled last week"


def test_the_head_joins_the_clause_the_run_reached_across_its_comma():
    en = ("The mill had been warned about the broken sprinklers twice, according to a former safety inspector at the "
          "refinery who spoke on condition of anonymity.")
    ru = ("Мельницу дважды предупреждали о неисправных спринклерах, по словам бывшего инспектора по охране труда "
          "нефтезавода, который согласился говорить на условиях анонимности.")
    assert projected(en, "former safety inspector at the refinery who spoke on condition of anonymity", ru, "en",
                     "ru") == ("бывшего инспектора по охране труда нефтезавода, который согласился говорить на "
                               "условиях анонимности")


def test_an_english_clause_grown_back_into_a_run_takes_the_whole_run():
    uk = ("Рятувальники в Сумах евакуювали понад 30 мешканців п'ятиповерхівки, яку вранці частково зруйнувала "
          "російська ракета.")
    en = ("Rescuers in Sumy evacuated more than 30 residents of a five-storey apartment block that was partly "
          "destroyed by a Russian missile in the morning.")
    assert projected(uk, "понад 30 мешканців п'ятиповерхівки, яку вранці частково зруйнувала російська ракета", en,
                     "uk", "en") == ("more than 30 residents of a five-storey apartment block that was partly "
                                     "destroyed by a Russian missile in the morning")


def test_a_deputy_prime_minister_is_one_word_with_its_prime():
    assert same_meaning("Prime", "en", "віцепрем’єр", "uk") and same_meaning("Prime", "en", "вицепремьер", "ru")
    en = "Deputy Prime Minister for Energy Olha Stepanenko said at a briefing that repairs would take a year."
    uk = "Ремонт триватиме рік, заявила на брифінгу віцепрем’єр-міністр з питань енергетики Ольга Степаненко."
    assert projected(en, "Deputy Prime Minister for Energy Olha Stepanenko", uk, "en",
                     "uk") == "віцепрем’єр-міністр з питань енергетики Ольга Степаненко"


def test_a_short_quoted_name_holds_a_word_that_matches_outside():
    en = ("Petro Savchuk, the owner of the Svizhyi Khlib bakery in Bucha, which has twice been rebuilt after shelling, "
          "said he had not raised the price of bread.")
    uk = ("Петро Савчук, власник бучанської пекарні «Свіжий хліб», яку двічі відновлювали після обстрілів, сказав, "
          "що не підвищував ціну на хліб.")
    assert projected(en, "Petro Savchuk, the owner of the Svizhyi Khlib bakery in Bucha, which has twice been rebuilt "
                     "after shelling", uk, "en", "uk") == ("Петро Савчук, власник бучанської пекарні «Свіжий хліб», "
                                                           "яку двічі відновлювали після обстрілів")


def test_where_opens_a_relative_clause_from_english():
    en = "Residents of Kherson, where explosions were heard overnight, spent hours in shelters."
    uk = "Мешканці Херсона, де вночі пролунали вибухи, кілька годин провели в укриттях."
    assert projected(en, "Residents of Kherson, where explosions were heard overnight", uk, "en",
                     "uk") == "Мешканці Херсона, де вночі пролунали вибухи"


def test_an_infinitive_in_an_english_clause_is_not_its_main_verb():
    uk = "Двоє митників, які попросили не називати їхніх імен, сказали, що підозрюваний утік до Польщі."
    en = "Two customs officers, who declined to be named, said the suspect had fled to Poland."
    assert projected(uk, "Двоє митників, які попросили не називати їхніх імен", en, "uk",
                     "en") == "Two customs officers, who declined to be named"


def test_a_where_clause_takes_its_own_verb_after_its_subject():
    uk = "Мешканці кварталу, де вранці сталася атака дронів, залишилися без газу."
    en = "Residents of the neighbourhood where the morning drone attack struck were left without gas."
    assert projected(uk, "Мешканці кварталу, де вранці сталася атака дронів", en, "uk",
                     "en") == "Residents of the neighbourhood where the morning drone attack struck"


def test_a_noun_before_a_genitive_relative_pronoun_opens_the_clause():
    en = "Ukrhydroenergo, whose hydroelectric plants have come under attack, will raise tariffs, the regulator said."
    uk = "Укргідроенерго, гідроелектростанції якого зазнали ударів, підвищить тарифи, повідомив регулятор."
    assert projected(en, "Ukrhydroenergo, whose hydroelectric plants have come under attack", uk, "en",
                     "uk") == "Укргідроенерго, гідроелектростанції якого зазнали ударів"


def test_a_head_repeated_inside_the_clause_does_not_count_as_found():
    en = "The inspector who audited the accounts of the city's former chief inspector is now under investigation."
    uk = "Інспектор, який перевіряв рахунки колишнього інспектора міста, сам опинився під слідством."
    assert projected(en, "inspector who audited the accounts of the city's former chief inspector", uk, "en",
                     "uk") == "Інспектор, який перевіряв рахунки колишнього інспектора міста"


def test_a_regular_past_verb_after_a_matched_noun_and_before_an_article_ends_the_phrase():
    uk = "Водій маршрутки врятував водія фури, яка загорілася на мосту."
    en = "A minibus driver rescued the driver of a truck that caught fire on the bridge."
    assert projected(uk, "Водій маршрутки", en, "uk", "en") == "minibus driver"


def test_the_abbreviations_of_the_federal_republic_are_germany():
    assert same_meaning("ФРН", "uk", "German", "en") and same_meaning("ФРГ", "ru", "Germany's", "en")
    uk = "Посольство ФРН у Львові видало перші візи студентам."
    en = "The German embassy in Lviv issued the first visas to students."
    assert projected(uk, "Посольство ФРН у Львові", en, "uk", "en") == "German embassy in Lviv"


def test_a_name_is_no_cognate_of_a_longer_common_word():
    ru = "Президент Молдовы встретился с делегацией мэров громад Одесской области, чтобы обсудить паромную переправу."
    en = "Moldova's president met a delegation of mayors from communities in Odesa region to discuss a ferry crossing."
    assert projected(ru, "делегацией мэров громад Одесской области", en, "ru",
                     "en") == "delegation of mayors from communities in Odesa region"


def test_an_english_apposition_that_explains_a_bare_name_comes_with_it():
    uk = "«Київводоканал» попередив, що в Дарницькому районі до ранку не буде води."
    en = "Kyivvodokanal, the capital's water utility, warned that Darnytskyi district will have no water until morning."
    assert projected(uk, "«Київводоканал»", en, "uk", "en") == "Kyivvodokanal, the capital's water utility"
    uk = "Уряд посперечався з Європейською комісією, виконавчим органом ЄС, через кошти на відновлення."
    en = "The government argued with the European Commission, the EU's executive arm, over recovery funds."
    assert projected(uk, "Європейською комісією", en, "uk", "en") == "European Commission"
    uk = "Верховна Рада в четвер ухвалила закон про спрощене набуття українського громадянства."
    en = "The Verkhovna Rada, Ukraine's parliament, on Thursday passed a law easing access to Ukrainian citizenship."
    assert projected(uk, "Верховна Рада", en, "uk", "en") == "Verkhovna Rada, Ukraine's parliament"


def test_a_body_named_in_full_in_one_language_is_its_short_name_in_another():
    uk = "Європейський суд з прав людини у Страсбурзі визнав, що Україна порушила право заявника на справедливий суд."
    ru = "ЕСПЧ признал, что Украина нарушила право заявителя на справедливое судебное разбирательство."
    assert projected(uk, "Європейський суд з прав людини у Страсбурзі", ru, "uk", "ru") == "ЕСПЧ"
    assert projected(ru, "ЕСПЧ", uk, "ru", "uk") == "Європейський суд з прав людини"
    ru = "Сотрудники МККК передали больнице в Херсоне генераторы."
    uk = "Працівники Міжнародного комітету Червоного Хреста передали лікарні в Херсоні генератори."
    assert projected(ru, "МККК", uk, "ru", "uk") == "Міжнародного комітету Червоного Хреста"
    uk = "Держпродспоживслужба закрила три кафе в Ужгороді після перевірки."
    en = "Ukraine's State Service for Food Safety and Consumer Protection closed three cafes in Uzhhorod after a check."
    assert projected(uk, "Держпродспоживслужба", en, "uk",
                     "en") == "Ukraine's State Service for Food Safety and Consumer Protection"


def test_the_long_name_of_a_body_matches_no_other_word_of_its_row():
    assert same_meaning("Червоного", "uk", "МККК", "ru") and same_meaning("ЕБРР", "ru", "розвитку", "uk")
    assert not same_meaning("суд", "uk", "rights", "en") and not same_meaning("банк", "uk", "развития", "ru")
    assert not same_meaning("європейських", "uk", "развитие", "ru")
    assert not same_meaning("state", "en", "прикордонної", "uk") and not same_meaning("high", "en", "суду", "uk")


def test_a_place_that_ends_the_phrase_is_the_name_after_a_preposition_beside_the_run():
    uk = "Вчителі гімназії №3 у Фастові вимагають відремонтувати укриття до початку навчального року."
    en = "Teachers at Gymnasium No. 3 in Fastiv are demanding that the shelter be repaired before the school year."
    assert projected(uk, "Вчителі гімназії №3 у Фастові", en, "uk", "en") == "Teachers at Gymnasium No. 3 in Fastiv"
    ru = "Посольство Канады в Украине передало больнице два генератора."
    en = "Canada's embassy in Kyiv has given a hospital two generators."
    assert projected(ru, "Посольство Канады в Украине", en, "ru", "en") == "Canada's embassy in Kyiv"
    assert projected(en, "Canada's embassy", ru, "en", "ru") == "Посольство Канады"


def test_ukrainian_agencies_match_by_short_and_long_name():
    assert same_meaning("КМВА", "uk", "военной", "ru") and same_meaning("військової", "uk", "КГВА", "ru")
    assert same_meaning("КМВА", "uk", "Киевской", "ru") and same_meaning("Государственной", "ru", "Держмитслужбі", "uk")
    assert same_meaning("Держмитслужбі", "uk", "таможенной", "ru") and same_meaning("митної", "uk", "ГТС", "ru")
    assert same_meaning("Госпогранслужба", "ru", "ДПСУ", "uk") and same_meaning("НБУ", "ru", "Національний", "uk")
    assert same_meaning("Мінцифри", "uk", "цифровой", "ru") and same_meaning("ЄДІ", "uk", "Exams", "en")
    assert not same_meaning("банк", "uk", "национальный", "ru")
    assert not same_meaning("військової", "uk", "городской", "ru")


def test_a_short_name_stands_for_the_whole_long_name():
    ru = "МПК допустил украинских спортсменов к соревнованиям в Милане."
    en = "The International Paralympic Committee cleared Ukrainian athletes to compete in Milan."
    assert projected(ru, "МПК", en, "ru", "en") == "International Paralympic Committee"


def test_a_participle_agreeing_with_the_next_noun_opens_no_clause():
    ru = "Жители затопленного посёлка Бережки в Николаевской области попросили областную власть о помощи."
    uk = "Мешканці затопленого селища Бережки на Миколаївщині звернулися до обласної влади по допомогу."
    assert projected(ru, "Жители затопленного посёлка Бережки в Николаевской области", uk, "ru",
                     "uk") == "Мешканці затопленого селища Бережки на Миколаївщині"


def test_a_verb_that_the_lexicon_pairs_with_a_noun_of_the_phrase_is_the_predicate():
    uk = "Реставратори Одеського художнього музею відновили шість ікон, пошкоджених під час обстрілу."
    ru = "Реставраторы Одесского художественного музея восстановили шесть икон, повреждённых во время обстрела."
    assert projected(uk, "Реставратори Одеського художнього музею", ru, "uk",
                     "ru") == "Реставраторы Одесского художественного музея"
    assert projected(ru, "Реставраторы Одесского художественного музея", uk, "ru",
                     "uk") == "Реставратори Одеського художнього музею"



def test_a_phrase_does_not_end_on_an_adjective_whose_noun_follows():
    en = "Commuters in Kharkiv waited for almost an hour on Monday after a power cut stopped the metro."
    uk = "Пасажири харківського метро в понеділок чекали майже годину, коли через знеструмлення зупинилися потяги."
    assert projected(en, "Commuters in Kharkiv", uk, "en", "uk") == "Пасажири харківського метро"


def test_ukrainian_bodies_by_short_name_and_in_full():
    uk = "Служба безпеки України затримала у Дніпрі коригувальника ракетних ударів."
    ru = "СБУ задержала в Днепре корректировщика ракетных ударов."
    assert projected(uk, "Служба безпеки України", ru, "uk", "ru") == "СБУ"
    assert projected(ru, "СБУ", uk, "ru", "uk") == "Служба безпеки України"
    ru = "Верховная Рада приняла закон о медицинском каннабисе."
    en = "Ukraine's parliament passed a law on medical cannabis."
    assert projected(ru, "Верховная Рада", en, "ru", "en") == "Ukraine's parliament"


def test_ukrainian_railways_is_ukrzaliznytsia():
    uk = "Укрзалізниця призначила додаткові поїзди до Ужгорода на свята."
    en = "Ukrainian Railways has scheduled extra trains to Uzhhorod for the holidays."
    assert projected(uk, "Укрзалізниця", en, "uk", "en") == "Ukrainian Railways"
    assert projected(en, "Ukrainian Railways", uk, "en", "uk") == "Укрзалізниця"


def test_colloquial_names_of_people():
    assert same_meaning("бабцею", "uk", "lady", "en") and same_meaning("бабулей", "ru", "бабусею", "uk")
    assert same_meaning("mods", "en", "модеры", "ru") and same_meaning("зловмисники", "uk", "fraudsters", "en")
    uk = "Модератори сабу знову видалили мій пост без пояснень."
    en = "The mods deleted my post again without any explanation."
    assert projected(uk, "Модератори", en, "uk", "en") == "mods"


def test_english_says_what_kind_of_body_a_bare_name_is():
    uk = "«Укртелеком» відновив зв'язок у трьох районах Харкова після обстрілу."
    en = "The state telecom operator Ukrtelecom restored service in three districts of Kharkiv after the shelling."
    assert projected(uk, "«Укртелеком»", en, "uk", "en") == "state telecom operator Ukrtelecom"
    ru = "Жители Полтавы пожаловались на «Укртелеком»."
    en = "Residents of Poltava complained to their telecom company Ukrtelecom."
    assert projected(ru, "«Укртелеком»", en, "ru", "en") == "their telecom company Ukrtelecom"


def test_a_polish_name_is_read_as_ukrainian_and_russian_write_it():
    assert _name_keys("Rzeszów") & _name_keys("Жешув")
    ru = "Пассажиры рейса из Гданьска в Жешув провели в аэропорту шесть часов."
    en = "Passengers on a flight from Gdańsk to Rzeszów spent six hours at the airport."
    assert projected(ru, "Пассажиры рейса из Гданьска в Жешув", en, "ru",
                     "en") == "Passengers on a flight from Gdańsk to Rzeszów"


def test_the_head_of_a_department_is_its_zaviduvach():
    assert same_meaning("Завідувачка", "uk", "head", "en") and same_meaning("Заведующий", "ru", "head", "en")


def test_the_person_a_phrase_names_last_is_its_head():
    ru = "Ректор Львовского национального университета Сергей Петрович Иваненко сообщил, что вуз откроет факультет."
    en = "Lviv National University will open a faculty next year, rector Serhiy Ivanenko said."
    assert projected(ru, "Ректор Львовского национального университета Сергей Петрович Иваненко", en, "ru",
                     "en") == "rector Serhiy Ivanenko"


def test_a_ukrainian_place_with_its_last_consonant_softened_is_the_english_name():
    """Ukrainian softens г, к, х before the -і of the dative and locative: «у Ризі» is "in Riga"."""
    uk = "Громадяни Латвії, які мешкають у Ризі, звернулися до посольства з листом."
    en = "Latvian nationals living in Riga have written to the embassy."
    assert projected(uk, "Громадяни Латвії, які мешкають у Ризі", en, "uk", "en") == "Latvian nationals living in Riga"


def test_a_run_right_after_the_counterpart_joins_it():
    """The words before the name took the counterpart up to it; the name is the phrase's too."""
    ru = "Полиция завела дело против главы сельсовета под Павлоградом, который сдал землю брату."
    en = "Police opened a case against the head of a village council near Pavlohrad who leased land to his brother."
    assert projected(ru, "главы сельсовета под Павлоградом", en, "ru",
                     "en") == "head of a village council near Pavlohrad"


def test_an_english_explanation_before_a_bare_name_comes_with_it():
    uk = "Нафтогаз попередив про нові графіки постачання газу в трьох областях."
    en = "Ukraine's state energy company, Naftogaz, warned of new gas supply schedules in three regions."
    assert projected(uk, "Нафтогаз", en, "uk", "en") == "Ukraine's state energy company, Naftogaz"
    ru = "Верховная Рада приняла закон о медицинском каннабисе."
    en = "Ukraine's parliament, the Verkhovna Rada, has passed a law on medical cannabis."
    assert projected(ru, "Верховная Рада", en, "ru", "en") == "Ukraine's parliament, the Verkhovna Rada"


def test_a_region_or_adjective_of_a_place_keys_as_the_place():
    assert _name_keys("Донеччини") & _name_keys("Donetsk") and _name_keys("Бучанська") & _name_keys("Bucha")
    uk = "Бучанська міська рада виділила кошти на ремонт двох шкіл."
    en = "The town council of Bucha has set aside money to repair two schools."
    assert projected(uk, "Бучанська міська рада", en, "uk", "en") == "town council of Bucha"


def test_in_favour_of_heads_no_phrase_after_it():
    en = "The appeal court ordered the power company to pay 1.2m hryvnias to a family farm in the Poltava region."
    uk = "Апеляційний суд стягнув з енергокомпанії 1,2 млн гривень на користь фермерського господарства з Полтавщини."
    assert projected(en, "family farm in the Poltava region", uk, "en",
                     "uk") == "фермерського господарства з Полтавщини"


def test_a_run_after_a_preposition_and_an_article_right_after_the_counterpart_joins_it():
    uk = "Виробники зерна на Черкащині скаржаться на низькі закупівельні ціни."
    en = "Grain farmers in the Cherkasy region complain of low purchase prices."
    assert projected(uk, "Виробники зерна на Черкащині", en, "uk", "en") == "Grain farmers in the Cherkasy region"


def test_an_english_word_in_tion_is_the_cognate_in_tsiia():
    assert _similar_word("ампутаціями", "amputations", {}, ("uk", "en"))
    assert _similar_word("mutation", "мутация", {}, ("en", "ru"))


def test_a_surname_is_no_cognate_of_a_common_word_its_key_starts_with():
    assert not _similar_word("Гринчук", "grain", {}, ("uk", "en"))
    assert _similar_word("біологи", "biologists", {}, ("uk", "en"))


def test_a_country_s_possessive_the_run_matched_too_comes_with_it():
    uk = "Національний оператор енергосистеми «Укренерго» попередив про можливі відключення."
    en = "Ukraine's state grid operator Ukrenergo has warned of possible power cuts."
    assert projected(uk, "Національний оператор енергосистеми «Укренерго»", en, "uk",
                     "en") == "Ukraine's state grid operator Ukrenergo"


def test_a_first_word_out_of_the_phrase_s_order_and_case_is_left_out():
    """«вирок» matched «осужденному» too, and Ukrainian keeps the Russian order and case."""
    ru = "Суд оставил в силе приговор бывшему мэру Олегу Гончаренко, осужденному за растрату бюджетных средств."
    uk = "Суд залишив у силі вирок колишньому меру Олегу Гончаренку, засудженому за розтрату бюджетних коштів."
    assert projected(ru, "бывшему мэру Олегу Гончаренко, осужденному за растрату бюджетных средств", uk, "ru",
                     "uk") == "колишньому меру Олегу Гончаренку, засудженому за розтрату бюджетних коштів"


def test_ukrainian_and_russian_words_of_one_dictionary_form_match():
    assert _similar_word("сіл", "сел", {}, ("uk", "ru")) and _similar_word("Айові", "Айова", {}, ("uk", "ru"))
    assert _similar_word("каноэ", "каное", {}, ("ru", "uk"))
    assert not _similar_word("після", "после", {}, ("uk", "ru"))  # «после» is no locative of «посол» here
    uk = "Понад 2 тисячі мешканців гірських сіл залишилися без світла."
    ru = "Более 2 тысяч жителей горных сел остались без света."
    assert projected(uk, "Понад 2 тисячі мешканців гірських сіл", ru, "uk", "ru") == "Более 2 тысяч жителей горных сел"


def test_the_english_words_that_end_the_phrase_s_relative_clause_come_with_it():
    uk = "Мешканці прифронтового Покровська, які відмовляються виїжджати, щодня стоять у черзі по воду."
    en = "Residents of frontline Pokrovsk who refuse to leave queue every day for water."
    assert projected(uk, "Мешканці прифронтового Покровська, які відмовляються виїжджати", en, "uk",
                     "en") == "Residents of frontline Pokrovsk who refuse to leave"
    ru = "Министерство призвало родителей, чьи дети не получили прививку от кори, срочно обратиться к врачам."
    en = "The ministry urged parents whose children have not had the measles vaccine to call doctors at once."
    assert projected(ru, "родителей, чьи дети не получили прививку от кори", en, "ru",
                     "en") == "parents whose children have not had the measles vaccine"


def test_a_place_the_translator_adds_after_the_phrase_comes_with_it():
    ru = "Организаторы джазового фестиваля объявили программу на следующий год."
    en = "Organizers of the jazz festival in Montreux have announced next year's programme."
    assert projected(ru, "Организаторы джазового фестиваля", en, "ru",
                     "en") == "Organizers of the jazz festival in Montreux"
    uk = "Угорський уряд підтримав законопроєкт, повідомили в Будапешті."
    en = "The Hungarian government backed the bill, officials in Budapest said."
    assert projected(uk, "Угорський уряд", en, "uk", "en") == "Hungarian government"


def test_a_short_name_the_translator_adds_after_the_phrase_comes_with_it():
    ru = "Инженеры Индийской организации космических исследований запустили новый спутник."
    uk = "Інженери індійської космічної агенції ISRO запустили новий супутник."
    assert projected(ru, "Инженеры Индийской организации космических исследований", uk, "ru",
                     "uk") == "Інженери індійської космічної агенції ISRO"
    uk = "Енергетичний регулятор ухвалив нові тарифи."
    en = "The energy regulator, NEURC, approved new tariffs."
    assert projected(uk, "Енергетичний регулятор", en, "uk", "en") == "energy regulator, NEURC"
    en = "Despite the efforts of paramedics, Yahya, from Leeds, died at the scene."
    uk = "Попри зусилля парамедиків, Ях'я з Лідса помер на місці."
    assert projected(uk, "парамедиків", en, "uk", "en") == "paramedics"


def test_a_short_name_in_brackets_the_translator_adds_comes_with_the_phrase():
    ru = "Главное управление разведки сообщило о новой атаке."
    en = "Ukraine's Defence Intelligence (HUR) reported a new attack."
    assert projected(ru, "Главное управление разведки", en, "ru", "en") == "Ukraine's Defence Intelligence (HUR)"


def test_capitals_with_full_stops_are_one_word():
    en = "U.N. agencies asked donors for $40 million on Monday."
    ru = "Учреждения ООН в понедельник попросили у доноров 40 млн долларов."
    assert projected(en, "U.N. agencies", ru, "en", "ru") == "Учреждения ООН"
    assert projected(ru, "Учреждения ООН", en, "ru", "en") == "U.N. agencies"


def test_a_name_the_translation_repeats_beside_the_phrase_comes_with_it():
    en = "U.S. factories hired 9,000 fewer workers in May, the Commerce Department said."
    ru = "В мае заводы США наняли на 9 тысяч работников меньше, сообщило Министерство торговли США."
    assert projected(en, "Commerce Department", ru, "en", "ru") == "Министерство торговли США"
    en = "The bank will pay $5 million for helping American clients hide money, the Justice Department said."
    ru = "Банк заплатит 5 млн долларов за помощь американским клиентам в сокрытии денег, сообщил Минюст США."
    assert projected(en, "Justice Department", ru, "en", "ru") == "Минюст США"


def test_together_with_before_a_name_parts_two_actors():
    en = "Ukraine's farm ministry and the UN Food and Agriculture Organization will open a centre for farmers in Sumy."
    ru = ("Минагрополитики вместе с Продовольственной и сельскохозяйственной организацией ООН откроет в Сумах "
          "центр для фермеров.")
    assert projected(en, "UN Food and Agriculture Organization", ru, "en",
                     "ru") == "Продовольственной и сельскохозяйственной организацией ООН"


def test_a_body_s_short_name_finds_its_long_name_in_the_other_cyrillic_language():
    ru = "Госпродпотребслужба закрыла две столовые в Луцке."
    uk = "Державна служба з питань безпечності харчових продуктів та захисту споживачів закрила дві їдальні в Луцьку."
    assert projected(ru, "Госпродпотребслужба", uk, "ru",
                     "uk") == "Державна служба з питань безпечності харчових продуктів та захисту споживачів"


def test_an_english_apposition_ends_on_its_head_noun():
    uk = "Підконтрольна державі «Укрспирт» закрила два заводи."
    en = "Ukrspyrt, the state-controlled alcohol maker, has closed two plants."
    assert projected(uk, "Підконтрольна державі «Укрспирт»", en, "uk",
                     "en") == "Ukrspyrt, the state-controlled alcohol maker"


def test_a_participle_s_phrase_before_the_noun_comes_with_it():
    en = "Residents of five villages hit by the flood have received compensation."
    ru = "Пострадавшие от наводнения жители пяти сёл получили компенсацию."
    assert projected(en, "Residents of five villages hit by the flood", ru, "en",
                     "ru") == "Пострадавшие от наводнения жители пяти сёл"
    en = "Ukrspyrt, the state-controlled alcohol maker, has closed two plants."
    uk = "Підконтрольний державі Укрспирт закрив два заводи."
    assert projected(en, "Ukrspyrt, the state-controlled alcohol maker", uk, "en",
                     "uk") == "Підконтрольний державі Укрспирт"
    uk = "Центр, збудований фондом «Надія», відкрився в Рівному."
    ru = "Центр, построенный фондом «Надежда», открылся в Ровно."
    assert projected(uk, "фондом «Надія»", ru, "uk", "ru") == "фондом «Надежда»"  # a quoted name is no head


def test_an_irregular_past_verb_ends_the_english_phrase():
    uk = "Рятувальники Житомирщини загасили пожежу на складі."
    en = "Firefighters in the Zhytomyr region put out a fire at a warehouse."
    assert projected(uk, "Рятувальники Житомирщини", en, "uk", "en") == "Firefighters in the Zhytomyr region"


def test_of_and_a_country_the_translator_adds_after_a_name_comes_with_it():
    uk = "Національний банк знизив облікову ставку."
    en = "The National Bank of Ukraine has cut its key rate."
    assert projected(uk, "Національний банк", en, "uk", "en") == "National Bank of Ukraine"


@pytest.mark.parametrize(("uk", "ru"), [("Європейська", "Еврокомиссия"), ("Єврокомісії", "Европейской"),
                                        ("Центральна", "ЦИК"), ("ЦВК", "избирательной"), ("МЕА", "энергетическое"),
                                        ("ДСНС", "чрезвычайным"), ("надзвичайних", "ГСЧС")])
def test_a_body_s_long_name_in_one_cyrillic_language_matches_its_short_name_in_the_other(uk, ru):
    assert same_meaning(uk, "uk", ru, "ru")


def test_a_short_name_the_english_gives_first_comes_with_its_explanation():
    uk = "Управління ООН з обслуговування проєктів заявило, що відбудує два мости."
    en = "UNOPS, the UN project services office, said it would rebuild two bridges."
    assert projected(uk, "Управління ООН з обслуговування проєктів", en, "uk",
                     "en") == "UNOPS, the UN project services office"


def test_a_country_s_adjective_the_english_adds_before_the_phrase_comes_with_it():
    ru = "Авиакомпания «Белавиа» отменила рейсы в Стамбул."
    en = "Belarusian carrier Belavia has cancelled its flights to Istanbul."
    assert projected(ru, "Авиакомпания «Белавиа»", en, "ru", "en") == "Belarusian carrier Belavia"
    uk = "Сейм ухвалив закон про оборону."
    en = "The Polish Sejm has passed a defence law."
    assert projected(uk, "Сейм", en, "uk", "en") == "Polish Sejm"


@pytest.mark.parametrize(("number", "word", "lang"), [("12", "Дванадцять", "uk"), ("15", "пятнадцати", "ru"),
                                                      ("twenty", "двадцятьма", "uk")])
def test_numbers_to_twenty_match_their_words(number, word, lang):
    assert _similar_word(number, word, {}, ("en", lang))


@pytest.mark.parametrize(("uk_acting", "ru_acting"), [("В.о.", "И.о."), ("В. о.", "И. о.")])
def test_acting_written_short_is_one_word_of_the_title(uk_acting, ru_acting):
    uk = f"{uk_acting} голови Фонду держмайна Іван Коваль підписав наказ."
    ru = f"{ru_acting} председателя Фонда госимущества Иван Коваль подписал приказ."
    en = "Acting head of the State Property Fund Ivan Koval signed the order."
    assert projected(en, "Acting head of the State Property Fund Ivan Koval", uk,
                     "en", "uk") == f"{uk_acting} голови Фонду держмайна Іван Коваль"
    assert projected(uk, f"{uk_acting} голови Фонду держмайна Іван Коваль", ru,
                     "uk", "ru") == f"{ru_acting} председателя Фонда госимущества Иван Коваль"
    assert projected(ru, f"{ru_acting} председателя Фонда госимущества Иван Коваль", en,
                     "ru", "en") == "Acting head of the State Property Fund Ivan Koval"


def test_an_english_name_keeps_its_initials_though_i_and_a_are_words():
    uk = "Слова підполковника А. Гайового про обстріл підтвердили в штабі."
    en = "The words of Lieutenant Colonel A. Haiovyi about the shelling were confirmed at headquarters."
    assert projected(uk, "підполковника А. Гайового", en, "uk", "en") == "Lieutenant Colonel A. Haiovyi"
    ru = "Журналисты попросили И. Ткаченко прокомментировать решение."
    en = "Reporters asked I. Tkachenko to comment on the decision."
    assert projected(ru, "И. Ткаченко", en, "ru", "en") == "I. Tkachenko"


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang"), [
    ("IOM", "en", "Міжнародної", "uk"), ("МОМ", "uk", "миграции", "ru"), ("UNDP", "en", "Програма", "uk"),
    ("ПРООН", "ru", "розвитку", "uk"), ("агентства", "uk", "МАГАТЭ", "ru"), ("EEAS", "en", "ЄСЗД", "uk"),
    ("Médecins", "en", "Лікарі", "uk"), ("Frontières", "en", "границ", "ru"), ("HUR", "en", "ГУР", "uk"),
    ("розвідки", "uk", "ГУР", "ru"), ("OHCHR", "en", "УВКПЧ", "ru"), ("ОЭСР", "ru", "співробітництва", "uk"),
    ("Суспільне", "uk", "НОТУ", "ru"), ("Держкіно", "uk", "Госкино", "ru"), ("Film", "en", "Госкино", "ru"),
    ("УГКЦ", "uk", "Catholic", "en"), ("ЦЕРН", "uk", "CERN", "en"), ("EBU", "en", "вещательным", "ru"),
    ("CAS", "en", "арбітражного", "uk"), ("ISU", "en", "ковзанярів", "uk"), ("National", "en", "НАН", "uk"),
    ("Opera", "en", "опери", "uk"), ("Puppet", "en", "кукол", "ru"), ("Youth", "en", "юнацтва", "uk"),
    ("reigning", "en", "действующих", "ru"), ("Eparchy", "en", "єпархії", "uk"), ("named", "en", "имени", "ru"),
    ("water", "en", "водоканал", "uk"), ("Poshta", "en", "почта", "ru"), ("ECOWAS", "en", "ЭКОВАС", "ru"),
    ("ОЗХО", "ru", "хімічної", "uk"), ("SES", "en", "ДСНС", "uk")])
def test_bodies_of_the_world_and_of_culture_by_short_and_long_name_and_the_words_of_their_names(a, a_lang, b,
                                                                                                 b_lang):
    assert same_meaning(a, a_lang, b, b_lang)


def test_a_short_name_in_brackets_after_a_body_comes_with_it_when_it_names_words_the_run_lacks():
    en = "The Main Intelligence Directorate of Ukraine's Defence Ministry, known as HUR, announced a new exchange."
    uk = "Головне управління розвідки Міністерства оборони України (ГУР) оголосило про новий обмін."
    assert projected(en, "Main Intelligence Directorate of Ukraine's Defence Ministry, known as HUR", uk,
                     "en", "uk") == "Головне управління розвідки Міністерства оборони України (ГУР)"


def test_a_short_name_before_its_explanation_comes_with_it_when_it_matches_the_phrase():
    ru = "Международная организация по миграции открыла три новых центра помощи."
    en = "IOM, the UN migration agency, has opened three new aid centres."
    assert projected(ru, "Международная организация по миграции", en, "ru", "en") == "IOM, the UN migration agency"


def test_an_abbreviation_that_reads_as_a_verb_is_no_clause():
    uk = "Паралімпійський комітет Польщі попросив МОК переглянути правила."
    ru = "Паралимпийский комитет Польши попросил МОК пересмотреть правила."
    assert projected(uk, "МОК", ru, "uk", "ru") == "МОК"
    assert projected(ru, "МОК", uk, "ru", "uk") == "МОК"


def test_an_abbreviation_s_long_name_is_taken_whole_around_the_words_the_glossary_knows():
    en = "The IMF has approved a new loan tranche for Moldova."
    uk = "Міжнародний валютний фонд схвалив новий транш кредиту для Молдови."
    assert projected(en, "IMF", uk, "en", "uk") == "Міжнародний валютний фонд"
    ru = "Сотрудники ПФУ начали выплаты в понедельник."
    en = "Staff of the Pension Fund of Ukraine began the payments on Monday."
    assert projected(ru, "ПФУ", en, "ru", "en") == "Pension Fund of Ukraine"
    uk = "У МВФ відповіли, що місія продовжить роботу."
    ru = "В Международном валютном фонде ответили, что миссия продолжит работу."
    assert projected(uk, "МВФ", ru, "uk", "ru") == "Международном валютном фонде"


def test_two_initials_in_a_row_end_no_sentence():
    uk = "Херсонському театру імені В. А. Куліша передали нові костюми."
    en = "The Kherson Theatre named after V. A. Kulish has received new costumes."
    assert projected(uk, "Херсонському театру імені В. А. Куліша", en,
                     "uk", "en") == "Kherson Theatre named after V. A. Kulish"


def test_a_second_name_joined_by_and_comes_with_the_first():
    en = "Parishioners of the Church of Saints Michael and George collected food for soldiers in Uzhhorod."
    uk = "Парафіяни церкви святих Михайла та Юрія зібрали продукти для військових в Ужгороді."
    assert projected(en, "Church of Saints Michael and George", uk, "en", "uk") == "церкви святих Михайла та Юрія"
    assert projected(uk, "церкви святих Михайла та Юрія", en, "uk", "en") == "Church of Saints Michael and George"


def test_a_kind_a_translation_adds_before_a_quoted_name_comes_with_it_in_any_case():
    en = "The regional council thanked Razom for the generators."
    uk = "Обласна рада подякувала організації «Разом» за генератори."
    assert projected(en, "Razom", uk, "en", "uk") == "організації «Разом»"
    en = "The mayor met students of Zaporizhzhia Polytechnic."
    uk = "Мер зустрівся зі студентами університету «Запорізька політехніка»."
    assert projected(en, "Zaporizhzhia Polytechnic", uk, "en", "uk") == "університету «Запорізька політехніка»"


def test_a_person_named_last_is_the_head_though_pymorphy3_likes_another_reading_of_the_name():
    uk = "Директорка Полтавського обласного музею Наталія Громова повідомила, що виставку продовжать."
    en = "The Poltava Regional Museum will extend the exhibition, director Natalia Gromova said."
    assert projected(uk, "Директорка Полтавського обласного музею Наталія Громова", en,
                     "uk", "en") == "director Natalia Gromova"


def test_a_title_the_english_gives_alone_comes_with_the_body_the_translation_gives_it():
    en = "The Lviv regional council will meet on Monday, Speaker Bohdan Lysak said."
    uk = "Голова Львівської обласної ради Богдан Лисак заявив, що рада збереться в понеділок."
    assert projected(en, "Speaker Bohdan Lysak", uk, "en", "uk") == "Голова Львівської обласної ради Богдан Лисак"
    en = "The funeral of Anne Rice was held on Friday."
    ru = "Похороны Энн Райс прошли в пятницу."
    assert projected(en, "Anne Rice", ru, "en", "ru") == "Энн Райс"


def test_a_preposition_before_the_phrase_matching_what_the_next_word_matches_stays_out():
    uk = "Табір відкрили завдяки благодійному фонду «Світанок»."
    ru = "Лагерь открыли благодаря благотворительному фонду «Рассвет»."
    assert projected(uk, "благодійному фонду «Світанок»", ru, "uk", "ru") == "благотворительному фонду «Рассвет»"


def test_a_verb_written_with_a_typographic_apostrophe_ends_the_phrase():
    en = "The European Business Association found that most firms expect prices to rise."
    uk = "Європейська Бізнес Асоціація з’ясувала, що більшість фірм очікують зростання цін."
    assert projected(en, "European Business Association", uk, "en", "uk") == "Європейська Бізнес Асоціація"


def test_and_inside_an_english_name_of_a_body_does_not_end_it():
    uk = "Директор Полтавського музею історії та побуту Петро Гай відкрив виставку."
    en = "Petro Hai, director of the Poltava Museum of History and Life, opened an exhibition."
    assert projected(uk, "Директор Полтавського музею історії та побуту Петро Гай", en,
                     "uk", "en") == "Petro Hai, director of the Poltava Museum of History and Life"


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang"), [
    ("ФДМУ", "uk", "Property", "en"), ("майна", "uk", "ФГИУ", "ru"), ("Держаудитслужба", "uk", "Audit", "en"),
    ("аудиторська", "uk", "Госаудитслужба", "ru"), ("Держлісагентства", "uk", "Forest", "en"),
    ("БЕБ", "uk", "Economic", "en"), ("экономической", "ru", "БЕБ", "uk"), ("АРМА", "uk", "Recovery", "en"),
    ("NACP", "en", "НАЗК", "uk"), ("агентство", "uk", "НАПК", "ru"), ("acting", "en", "в.о.", "uk"),
    ("и.о.", "ru", "в.о.", "uk"), ("Works", "en", "заводом", "uk"), ("All-Ukrainian", "en", "Всеукраинский", "ru"),
    ("head", "en", "председателя", "ru"), ("rector", "en", "настоятель", "uk"), ("ports", "en", "портах", "uk"),
    ("traders", "en", "Зернотрейдери", "uk")])
def test_ukrainian_bodies_and_titles_by_short_and_long_name(a, a_lang, b, b_lang):
    assert same_meaning(a, a_lang, b, b_lang)


def test_a_possessive_inside_a_phrase_whose_head_was_found_takes_no_head_before_it():
    en = "Searches at the homes of officials of the Lviv city council's land department turned up cash."
    uk = "Під час обшуків у помешканнях посадовців земельного департаменту Львівської міської ради знайшли гроші."
    assert projected(en, "officials of the Lviv city council's land department", uk,
                     "en", "uk") == "посадовців земельного департаменту Львівської міської ради"


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang"), [
    ("Mykola", "en", "Николая", "ru"), ("Микола", "uk", "Николаю", "ru"), ("Yurii", "en", "Юрия", "ru"),
    ("Hanna", "en", "Анной", "ru"), ("Yuliia", "en", "Юлии", "ru"), ("Illia", "en", "Ильи", "ru"),
    ("Nadiia", "en", "Надежды", "ru"), ("Khrystyna", "en", "Кристины", "ru"),
    ("Kostiantyn", "en", "Константина", "ru")])
def test_a_given_name_matches_its_russian_form(a, a_lang, b, b_lang):
    assert _similar_word(a, b, {}, (a_lang, b_lang))
    assert not _similar_word("Yurii", "юриста", {}, ("en", "ru"))


def test_a_short_name_in_capitals_matches_only_in_capitals():
    assert same_meaning("WHO", "en", "ВООЗ", "uk") and same_meaning("WHO", "en", "здоров'я", "uk")
    assert not same_meaning("who", "en", "ВООЗ", "uk")
    en = "The WHO has sent two tonnes of medicines to hospitals in Kherson."
    uk = "Всесвітня організація охорони здоров'я надіслала дві тонни ліків до лікарень Херсона."
    assert projected(en, "WHO", uk, "en", "uk") == "Всесвітня організація охорони здоров'я"
    assert projected(uk, "Всесвітня організація охорони здоров'я", en, "uk", "en") == "WHO"


def test_a_country_s_adjective_the_translation_adds_before_a_name_comes_with_it():
    uk = "Про обмін полоненими повідомив Координаційний штаб з питань поводження з військовополоненими."
    ru = "Об обмене пленными сообщил украинский Координационный штаб по вопросам обращения с военнопленными."
    assert projected(uk, "Координаційний штаб з питань поводження з військовополоненими", ru, "uk",
                     "ru") == "украинский Координационный штаб по вопросам обращения с военнопленными"


def test_to_after_a_comma_ends_an_english_phrase():
    uk = ("Волонтерська служба домовилася з «Міським щитом», приватною охоронною фірмою, що працює в Одесі, "
          "охороняти пункти видачі допомоги.")
    en = ("The volunteer service has agreed with Miskyi Shchyt, a private security firm that works in Odesa, "
          "to guard the aid points.")
    assert projected(uk, "«Міським щитом», приватною охоронною фірмою, що працює в Одесі", en, "uk",
                     "en") == "Miskyi Shchyt, a private security firm that works in Odesa"


def test_a_quoted_name_ends_the_phrase_before_a_prepositional_complement():
    en = ("Investigators suspect the former head of the state enterprise Chornomorskyi Ship Repair Yard of "
          "pocketing 3 million hryvnias.")
    uk = ("Слідчі повідомили про підозру колишньому керівникові ДП «Чорноморський судноремонтний завод» "
          "у привласненні 3 млн грн.")
    assert projected(en, "former head of the state enterprise Chornomorskyi Ship Repair Yard", uk, "en",
                     "uk") == "колишньому керівникові ДП «Чорноморський судноремонтний завод»"


def test_nothing_heads_a_phrase_that_begins_with_its_number_from_before():
    en = "The court confirmed the acquittal of three drivers of a Rivne bus company."
    uk = "Суд підтвердив виправдання трьох водіїв рівненської автобусної компанії."
    assert projected(en, "three drivers of a Rivne bus company", uk, "en",
                     "uk") == "трьох водіїв рівненської автобусної компанії"


def test_a_word_after_a_modal_verb_is_no_english_modifier():
    uk = ("Міністерство відшкодовуватиме переробникам молока і м'яса у прифронтових регіонах третину вартості "
          "холодильників.")
    en = ("The ministry will reimburse processors of milk and meat in frontline regions for a third of the cost of "
          "refrigerators.")
    assert projected(uk, "переробникам молока і м'яса у прифронтових регіонах", en, "uk",
                     "en") == "processors of milk and meat in frontline regions"


def test_a_person_named_last_ends_an_english_phrase_whose_head_was_missed():
    uk = "Правління банку відсторонило від посади комерційного директора установи Ігоря Савчука на час перевірки."
    en = "The bank's board has suspended chief commercial officer Ihor Savchuk pending an audit."
    assert projected(uk, "комерційного директора установи Ігоря Савчука", en, "uk",
                     "en") == "chief commercial officer Ihor Savchuk"


def test_a_legal_form_the_translation_adds_before_a_quoted_name_comes_with_it():
    en = "The National Bank has fined Dnipro Trust Bank, a small Kharkiv lender, for late reports."
    uk = "Національний банк оштрафував АТ «Дніпро Траст Банк», невеликий харківський банк, за запізнілі звіти."
    assert projected(en, "Dnipro Trust Bank, a small Kharkiv lender", uk, "en",
                     "uk") == "АТ «Дніпро Траст Банк», невеликий харківський банк"


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang"), [
    ("managing", "en", "керуючий", "uk"), ("managing", "en", "управляющего", "ru"), ("acting", "en", "Временно", "ru"),
    ("acting", "en", "тимчасово", "uk"), ("acting", "en", "виконуючого", "uk"), ("chief", "en", "генерального", "uk"),
    ("executive", "en", "директора", "ru"), ("agricultural", "en", "агрохолдингу", "uk"),
    ("agribusiness", "en", "бізнесу", "uk"), ("bonds", "en", "ОВДП", "uk"), ("government", "en", "ОВГЗ", "ru"),
    ("US", "en", "американською", "uk"), ("USA", "en", "американской", "ru"), ("mayors", "en", "мерами", "uk"),
    ("mayors", "en", "мэрами", "ru"), ("ambassadors", "en", "послами", "uk"), ("ambassadors", "en", "послов", "ru"),
    ("Speaker", "en", "голови", "uk"), ("Speaker", "en", "председателя", "ru")])
def test_the_words_of_business_titles_and_bodies_by_meaning(a, a_lang, b, b_lang):
    assert same_meaning(a, a_lang, b, b_lang)
    assert not same_meaning("us", "en", "американською", "uk")  # the pronoun


def test_a_word_of_a_quoted_name_missed_is_looked_for_as_a_name_beside_the_run():
    ru = "Агрохолдинг «Хлебный путь» купил элеватор под Полтавой."
    en = "The agricultural holding Khlibnyi Shliakh has bought a grain elevator near Poltava."
    assert projected(ru, "Агрохолдинг «Хлебный путь»", en, "ru", "en") == "agricultural holding Khlibnyi Shliakh"


def test_an_english_subject_pronoun_starts_a_clause_the_phrase_does_not_go_on_into():
    uk = ("Регулятор визнав неплатоспроможним АТ «Поділля Кредит Банк», невеликий вінницький банк, який не виконав "
          "вимог до капіталу.")
    en = ("The regulator declared Podillia Credit Bank, a small Vinnytsia lender, insolvent after it failed to meet "
          "credit rules.")
    assert projected(uk, "АТ «Поділля Кредит Банк», невеликий вінницький банк", en, "uk",
                     "en") == "Podillia Credit Bank, a small Vinnytsia lender"


def test_a_kind_the_translation_adds_before_a_quoted_name_comes_with_a_phrase_of_any_words():
    en = "Ukrposhta, which delivers pensions to remote villages, will raise its prices in March."
    uk = "Компанія «Укрпошта», яка доставляє пенсії у віддалені села, у березні підвищить ціни."
    assert projected(en, "Ukrposhta, which delivers pensions to remote villages", uk, "en",
                     "uk") == "Компанія «Укрпошта», яка доставляє пенсії у віддалені села"


def test_a_concern_and_a_society_are_kinds_a_translation_adds_before_a_name():
    en = "Siemens will open a service centre in Lviv next year."
    uk = "Концерн Siemens наступного року відкриє сервісний центр у Львові."
    assert projected(en, "Siemens", uk, "en", "uk") == "Концерн Siemens"
    en = "The Ukrainian Red Cross has handed out 400 heaters in Kherson."
    uk = "Товариство Червоного Хреста України роздало в Херсоні 400 обігрівачів."
    assert projected(en, "Ukrainian Red Cross", uk, "en", "uk") == "Товариство Червоного Хреста України"


def test_a_group_english_counts_people_in_comes_with_them():
    uk = "Молоді лікарі з Полтави відкрили безкоштовну консультацію для переселенців."
    en = "A group of young Poltava doctors has opened a free clinic for displaced people."
    assert projected(uk, "Молоді лікарі з Полтави", en, "uk", "en") == "group of young Poltava doctors"


def test_a_run_right_before_the_head_taken_comes_with_it():
    ru = "Киберполиция Житомирской области разоблачила мошенников, продававших несуществующие дрова."
    en = "Cyber police officers in the Zhytomyr region have exposed fraudsters who sold firewood that did not exist."
    assert projected(ru, "Киберполиция Житомирской области", en, "ru",
                     "en") == "Cyber police officers in the Zhytomyr region"


def test_a_name_word_of_two_letters_is_looked_for_too():
    uk = "Командування 47-ї окремої механізованої бригади «Сивий Яр» подякувало волонтерам за дрони."
    en = "The command of the 47th Separate Mechanized Brigade Syvyi Yar thanked volunteers for the drones."
    assert projected(uk, "Командування 47-ї окремої механізованої бригади «Сивий Яр»", en, "uk",
                     "en") == "command of the 47th Separate Mechanized Brigade Syvyi Yar"
