"""ENT004 and the gazetteer, REP001 repeats across a function word, FRG002 dangling articles."""

from aligner.checks.ent004_entity_contradicts_source import check
from aligner.entities.gazetteer import english_mentions, russian_mentions
from rule_pairs import make_pair


def ids(mentions):
    return [min(m.ids) for m in mentions]


def test_russian_names_are_found_in_any_case_form():
    text = "Рейсы из Соединённых Штатов Америки в Египет и обратно через Санкт-Петербурге."
    assert ids(russian_mentions(text)) == ["US", "EG", "city:st-petersburg"]


def test_russian_names_need_their_capitals_and_guard_common_words():
    # «Российской федерации баскетбола» is a sports body; «Того» opening a sentence is a pronoun
    assert ids(russian_mentions("Глава Российской федерации баскетбола.")) == ["RU"]  # the adjective
    assert russian_mentions("Того же дня всё решилось.") == []
    # a city that is also a given name, next to a surname, is the person
    assert russian_mentions("Выступил Владимир Путин.") == []
    assert ids(russian_mentions("Он живёт во Владимире.")) == ["city:vladimir-city"]


def test_english_names_longest_first_and_not_a_persons_name():
    assert ids(english_mentions("The New York Times quoted a Kazakh official.")) == ["nyt", "KZ"]
    assert english_mentions("He played against Michael Jordan.") == []


def test_a_swapped_country_is_reported_with_the_source_name():
    pair = make_pair("Рейсы в Египет возобновятся в июле.", "Flights to Turkey will resume in July.")
    (finding,) = check(pair)
    assert finding.text == "Turkey" and finding.suggestion == "Egypt"


def test_an_adjective_is_replaced_by_an_adjective():
    pair = make_pair("Контракт получила российская компания.", "The contract went to a Kazakh company.")
    (finding,) = check(pair)
    assert finding.text == "Kazakh" and finding.suggestion == "Russian"


def test_abstentions_metonymy_former_names_lists_and_moved_names():
    assert not list(check(make_pair("Россия заявила протест.", "Moscow lodged a protest.")))
    assert not list(check(make_pair("В СССР это запрещали.", "It was banned in Russia.")))
    # two unmatched countries on each side: which is which is not known
    assert not list(check(make_pair("Делегации Египта и Ирана прибыли.",
                                    "Delegations from Turkey and Iraq arrived.")))
    # the English name stands in the next sentence of the source
    assert not list(check(make_pair("Встреча прошла в Египте. Турция прислала делегацию.",
                                    "The meeting took place in Turkey. Egypt sent a delegation.")))


def test_a_word_repeated_across_a_function_word():
    from aligner.checks.rep001_repeated_word import check as repeats

    def found(text, severity="error"):
        return [f.text for f in repeats(make_pair(None, text)) if f.severity == severity]

    assert found("She met the head of head the department.") == ["head of head"]
    assert found("They agreed to agreed the terms.") == ["agreed to agreed"]
    assert found("greetings from the from fresh air") == ["from the from"]
    # after "and" a noun may be coordinated with a compound that starts with it: a warning
    assert found("exporter of petroleum and petroleum products") == []
    assert found("exporter of petroleum and petroleum products", "warning") == ["petroleum and petroleum"]
    # English that repeats a word across a function word (clean WMT references)
    for text in ("We improved it task by task, dataset by dataset.", "It got closer and closer.",
                 "Delivery times vary from destination to destination.", "Bit by bit it changed.",
                 "I'd have to have you sign an agreement.", "Lots and lots of times."):
        assert found(text) == [], text


def test_any_word_around_after_is_the_idiom_of_succession():
    from aligner.checks.rep001_repeated_word import check as repeats

    def found(text):
        return [f.text for f in repeats(make_pair(None, text))]

    # WMT21 ru-en MT (Online-W, tsuite-tedtalks-enru-rev-enru-talk-1) for «задачу за задачей, массив данных за массивом»
    assert found("I realized that by perfecting artificial intelligence, task after task, array after array "
                 "of data, I had created huge gaps.") == []
    assert found("I realized that by perfecting the array of array data, I had created huge gaps.") == ["array of array"]


def test_an_entity_named_fewer_times_than_in_the_source_is_the_one_replaced():
    # WMT21 ru-en (aif.321259), Russia named twice in the source, once in the English
    pair = make_pair("Президент России Владимир Путин прибыл на парад Военно-морского флота России.",
                     "Italian President Vladimir Putin arrived for the parade of the Russian Navy.")
    (finding,) = check(pair)
    assert finding.text == "Italian" and finding.suggestion == "Russian"
    # the same count on both sides: nothing was replaced
    assert not list(check(make_pair("Президент России прибыл на парад флота России.",
                                    "The Russian President came to the parade of Russia's fleet.")))


def test_an_article_with_nothing_to_govern():
    from aligner.checks.frg002_dangling_article import check as dangling

    def found(text):
        return [f.text for f in dangling(make_pair(None, text))]

    assert found("The ministry reported by the , the spokesman said.") == ["the ,"]
    assert found("There's a about a tenfold difference there.") == ["a about"]
    for text in ("He was in the in-patient facility.", "Take vitamin a, then rest.",
                 "Choose (a), not (b).", "He read the the report."):
        assert found(text) == [], text


def test_a_verb_opening_and_closing_one_clause():
    from aligner.checks.rep001_repeated_word import check as repeats

    def found(text):
        return [f.text for f in repeats(make_pair(None, text)) if f.severity == "warning"]

    assert found("Putin announced the addition of new ships announced, the Kremlin said.") == [
        "announced the addition of new ships announced"]
    # clean WMT references: a noun at both ends of a clause is English
    assert found("Several fire departments are currently working to put out the fire.") == []
