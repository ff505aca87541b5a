"""Named abstentions of the entity, name and number rules (issue 16, docs/precision.md) on
the sentences that showed the need (WMT21 ru-en references A/B, WMT22 en-ru reversed;
shortened where the rest does not matter), each beside the same sentence with the
condition removed, so the rule still fires where it should."""

from __future__ import annotations

from rule_pairs import found


def test_a_western_womans_name_keeps_its_own_silent_e():
    ru = "Бригитта Ланди-Пейн играет Билли, дочь Теда."  # WMT21 rg.ru.74115
    assert found("NAM002", ru, "Brigette Lundy-Paine plays Billy, Ted's daughter.") == []
    assert found("NAM002", ru, "Brigitte Lundy-Paine plays Billy, Ted's daughter.") == []
    assert found("NAM002", ru, "Brgitta Lundy-Paine plays Billy, Ted's daughter.") == [("error", "Brgitta")]
    # a Russian name is romanised with no silent e: Irine for Ирина is a slip
    assert found("NAM002", "Об этом сообщила Ирина Петрова.", "This was reported by Irine Petrova.") == [
        ("error", "Irine")]


def test_a_near_miss_on_a_foreign_given_name_is_only_a_warning():
    ru = "После избрания президентом Ирана Ибрахима Раиси переговоры прервались."  # WMT22 enru.0811
    # Ebrahim is Raisi's own spelling, known to English text better than the English schemes'
    # Ibrakhim; Keven for Кевин, where Wikipedia's Kevin is common, is a slip: worth a look
    assert found("NAM002", ru, "After Ebrahim Raisi was elected president of Iran, the talks stopped.") == []
    assert found("NAM002", ru, "After Ebraim Raisi was elected president of Iran, the talks stopped.") == [
        ("warning", "Ebraim")]
    assert found("NAM002", "Голы забили Габриэл Жезус и Кевин Де Брюйне.",
                 "Goals were scored by Gabriel Jesus and Keven De Bruyne.") == [("warning", "Keven")]


def test_a_short_name_of_the_body_the_source_names_is_a_warning():
    ru = "По сведениям Министерства экономического развития, Россия экспортирует в ОАЭ минералы."
    assert found("ENT001", ru, "According to the Ministry of Economics, Russia exports minerals to the UAE.") == [
        ("warning", "Ministry of Economics")]  # WMT22 enru.0691: the English original's short name
    assert found("ENT001", ru, "According to the Ministry of Economic Affairs, Russia exports minerals to the UAE.") == [
        ("error", "Ministry of Economic Affairs")]  # a word the body's name lacks
    # every word kept in another order is a garble, not a short name (corpus/ 003, line 4)
    ru = "Это закреплено в Уставе ОДКБ, решениях ее высшего органа – Совета коллективной безопасности."
    en = "This is enshrined in the CSTO Charter and the decisions of its supreme body, the Council of Collective Security."
    assert found("ENT001", ru, en) == [("error", "Council of Collective Security")]


def test_a_ship_named_after_a_city_takes_the_article():
    ru = 'В том числе большие десантные корабли "Минск", "Петр Моргунов" и "Королев".'  # WMT21 kp.235507
    en = "They include the Minsk, Pyotr Morgunov, and Korolyov large landing ships."
    assert found("ART001", ru, en) == []
    assert found("ART001", "В том числе корабли из Минска.", "They include ships from the Minsk.") == [
        ("warning", "the Minsk")]


def test_a_fraction_of_people_is_a_lost_scale_word_of_the_source():
    ru = "В параде приняли участие более 46 боевых кораблей и больше 1,5 военнослужащих."  # WMT21 bbc-russian
    assert found("NUM001", ru, "More than 46 warships and over 1,500 military personnel took part.") == []
    assert found("NUM001", ru, "More than 46 warships and over 1,700 military personnel took part.") == [
        ("error", "1,700")]


WEATHER = ("Июль уйдет с жарой. Перед тем, как рассказать о погоде в Москве 27 июля - 2 августа 2020 года, "
           "стоит отметить, что 25 июля в столице было холодно. Прежний минимум держался с 1964 года.")
WEATHER_EN = ("July ends with heat. Before describing the weather in Moscow from July 27–August 2, "
              "it is worth noting that it was cold in the capital on July 25. The previous minimum had held since 1964.")


def test_the_documents_own_year_may_be_left_out_of_a_date():
    assert found("NUM001", WEATHER, WEATHER_EN) == []  # WMT21 kp.235534
    # a later year named in the document: the date's year is not the document's present
    later = WEATHER.replace("с 1964 года", "до 2021 года")
    assert found("NUM001", later, WEATHER_EN.replace("since 1964", "until 2021")) != []


def test_a_figure_the_document_gave_before_is_a_reference_back():
    ru = ("Затем мы повторили процедуру на 50 американских штатах. Это интересно. Мы нашли много. "
          "В целом, всё, что связано с доверием, проявляется так же в нашем контрольном исследовании.")
    en = ("Then we repeated it all on the 50 American states. This is interesting. We found a lot. "
          "Basically anything related to trust is related to trust amongst the 50 states.")  # WMT21 TED talk 9
    assert found("NUM001", ru, en) == []
    assert found("NUM001", ru, en.replace("amongst the 50", "amongst the 60")) == [("warning", "60")]


def test_the_owner_of_a_named_unit_may_be_left_implicit():
    en = '"As a result of the accident, a 4-year-old girl was injured," said the regional police directorate.'
    ru = "− В результате аварии пострадала 4-летняя девочка, − рассказали в пресс-службе регионального главка МВД."
    assert found("TRM001", ru, en) == []  # WMT21 B mk.224316
    assert found("TRM001", ru.replace("регионального главка МВД", "МВД"), en) != []
    # a unit left with no trace of its body is still reported (WMT21 MT output, gazeta.ru.151340)
    ru = "Женщина призналась в убийстве мужа, сообщает сайт регионального управления СК РФ."
    assert found("TRM001", ru, "A woman confessed to killing her husband, according to the website "
                               "of the Russian Federation Regional Office.") != []


def test_a_number_made_of_two_mentions_is_read_as_one():
    ru = "Население города - 1 млн 200 тыс. человек."
    assert found("NUM001", ru, "The city has a population of 1.2 million.") == []
    assert ("error", "1.3 million") in found("NUM001", ru, "The city has a population of 1.3 million.")
    assert found("NUM001", "Он не спал двое суток.", "He did not sleep for 48 hours.") == []
    assert found("NUM001", "Он не спал двое суток.", "He did not sleep for 36 hours.") != []
    assert found("NUM001", "Спустя два десятилетия всё изменилось.", "Twenty years later, everything changed.") == []
    assert found("NUM001", "Спустя два десятилетия всё изменилось.", "Thirty years later, everything changed.") != []


def test_a_unit_of_the_body_is_named_the_english_way():
    ru = "Об этом сообщили в ГУ МЧС России по Волгоградской области."  # WMT21 MT output, mk.224327
    assert found("ENT001", ru, "This was reported by the Emergency Situations Department of the Volgograd region.") == []
    assert found("ENT001", ru, "This was reported by the Ministry of Emergency Affairs.") == [
        ("error", "Ministry of Emergency Affairs")]  # the body itself, garbled


def test_a_body_named_without_its_country_renders_the_term():
    ru = "ЦБ ранее ожидал 27 и 35 долларов за баррель."  # WMT21 MT output, rg.ru.74104
    assert found("TRM001", ru, "The central bank had previously expected $27 and $35 a barrel.") == []
    assert found("TRM001", ru, "The government had previously expected $27 and $35 a barrel.") != []


def test_a_body_of_the_country_named_after_it_is_that_countrys():
    ru = "Как сообщили в Министерстве по чрезвычайным ситуациям РА, столкнулись автомобиль и грузовик."
    en = "As the Public Relations Department of the RA Ministry of Emergency Services reported, a car and a truck collided."
    assert found("ENT001", ru, en) == []  # WMT21 MT output, armenpress-ru.8501: Armenia's ministry
    assert found("ENT001", ru.replace(" РА", " России"), en.replace("RA ", "")) != []
