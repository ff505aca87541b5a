"""ENT001 (unknown body name) and ENT002 (a real body the source contradicts)."""

from __future__ import annotations

from test_termbase import lines, make_pair

from aligner.checks import acr002_acronym_contradicts_name as acronym_expansion
from aligner.checks import ent001_unknown_body_name as body_names
from aligner.checks import ent002_body_contradicts_source as body_swapped
from aligner.entities.glossary import load_termbase


def findings(module, pair):
    return [(f.rule, f.line, f.column, f.end_column, f.text, f.message, f.suggestion)
            for f in module.check(pair)]


def test_garbled_un_office_is_flagged_with_both_nearest_bodies():
    pair = make_pair(None, lines("000_excerpt.en.txt"))
    assert findings(body_names, pair)[1:] == [
        ("ENT001", 3, 154, 194, "Office for the Coordination of Terrorism",
         "'Office for the Coordination of Terrorism' is not the name of any UN body; nearest "
         "real: Office for the Coordination of Humanitarian Affairs (OCHA); Office of "
         "Counter-Terrorism (UNOCT)",
         "check which body is meant: Office for the Coordination of Humanitarian Affairs or "
         "Office of Counter-Terrorism"),
        ("ENT001", 3, 206, 234, "Office for Counter-Terrorism",
         "'Office for Counter-Terrorism' is not the name of any UN body; nearest real: "
         "Office of Counter-Terrorism (UNOCT)", "Office of Counter-Terrorism"),
    ]


def test_the_sco_anti_terrorist_body_is_a_near_miss_of_rats():
    pair = make_pair(None, lines("000_excerpt.en.txt"))
    first = findings(body_names, pair)[0]
    assert first[:5] == ("ENT001", 2, 398, 417, "Anti-Terrorist Body")
    assert first[5].startswith("'Anti-Terrorist Body' is not the name of any SCO body; nearest "
                               "real: SCO Regional Anti-Terrorist Structure (RATS)")


def test_with_a_source_the_russian_name_decides_which_body_was_meant():
    pair = make_pair(lines("000_excerpt.ru.txt"), lines("000_excerpt.en.txt"))
    found = list(body_names.check(pair))
    assert [(f.line, f.column, f.suggestion) for f in found] == [
        (2, 398, "Regional Anti-Terrorist Structure"),
        (3, 154, "Office for the Coordination of Humanitarian Affairs"),
        (3, 206, "Office of Counter-Terrorism"),
    ]
    assert found[1].message == (
        "'Office for the Coordination of Terrorism' is not the name of any UN body; the source "
        "names «Управлением ООН по координации гуманитарных вопросов»: Office for the "
        "Coordination of Humanitarian Affairs (OCHA)")
    assert (found[1].evidence.line, found[1].evidence.column) == (3, 1)


def test_a_word_order_variant_is_resolved_by_the_source():
    pair = make_pair(lines("003_line4.ru.txt"), lines("003_line4.en.txt"))
    assert [(f.text, f.suggestion) for f in body_names.check(pair)] == [
        ("Council of Collective Security", "Collective Security Council")]


def test_real_names_and_unclaimed_unknown_bodies_pass():
    pair = make_pair(None, [
        "The CIS Anti-Terrorism Center is maintaining contacts with the UN Office of "
        "Counter-Terrorism and the Counter-Terrorism Committee Executive Directorate (CTED).",
        "The Ministry of Tourism of Crimea reported on Monday.",
        "The Program of Cooperation in Combating Terrorism, Separatism and Extremism was approved.",
    ])
    assert findings(body_names, pair) == []


def test_a_real_body_the_source_contradicts():
    pair = make_pair(["Министерство обороны России сообщило об учениях."],
                     ["The Russian Ministry of Finance reported on the exercises."])
    assert findings(body_swapped, pair) == [
        ("ENT002", 1, 5, 32, "Russian Ministry of Finance",
         "'Russian Ministry of Finance' is Ministry of Finance of the Russian Federation, but "
         "the source names «Министерство обороны»: Ministry of Defence of the Russian "
         "Federation (MoD)", "Russian Ministry of Defence")]


def test_a_swapped_un_office_keeps_the_shape_of_the_name():
    pair = make_pair(["Сотрудничество с Управлением ООН по координации гуманитарных вопросов."],
                     ["Cooperation with the UN Office of Counter-Terrorism."])
    assert [(f.text, f.suggestion) for f in body_swapped.check(pair)] == [
        ("UN Office of Counter-Terrorism", "UN Office for the Coordination of Humanitarian Affairs")]


def test_matching_bodies_pass():
    pair = make_pair(lines("000_excerpt.ru.txt")[:1] + ["Министерство обороны сообщило."],
                     lines("000_excerpt.en.txt")[:1] + ["The Defense Ministry reported."])
    assert findings(body_swapped, pair) == []


def test_every_real_name_in_the_termbase_passes():
    termbase = load_termbase()
    sentences = []
    for entry in termbase.entries.values():
        root = termbase.root(entry)
        for name in entry.names:
            sentences.append(f"Yesterday we met the {name}.")
            if root is not entry and root.kind == "org" and root.acronyms:
                sentences.append(f"Yesterday we met the {root.acronyms[0]} "
                                 f"{termbase.bare_name(entry)}.")
        for acronym in entry.acronyms:
            sentences.append(f"Yesterday we met the {entry.en} ({acronym}).")
    pair = make_pair(None, sentences)
    assert len(sentences) > 600
    assert [f.text for m in (body_names, acronym_expansion) for f in m.check(pair)] == []


def test_a_name_that_goes_on_past_a_known_name_is_read_whole():
    pair = make_pair(None, ["The UN Organization of World Health met.",
                            "The UN Office for General Assembly and Conference Management met."])
    assert [(f.text, f.suggestion) for f in body_names.check(pair)] == [
        ("Organization of World Health", "World Health Organization"),
        ("Office for General Assembly and Conference Management",
         "Department for General Assembly and Conference Management")]


def test_an_organisation_the_source_does_not_name():
    # modelled on WMT22 en-ru segment 801, "UN" swapped for "CSTO"
    pair = make_pair(["Генеральный секретарь ООН Антониу Гутерриш назначил Стефани Уильямс."],
                     ["The CSTO secretary general, António Guterres, has appointed Stephanie "
                      "Williams."])
    assert findings(body_swapped, pair) == [
        ("ENT002", 1, 5, 9, "CSTO",
         "'CSTO' is Collective Security Treaty Organization (CSTO), but the source names «ООН»: "
         "United Nations (UN)", "UN")]


def test_the_organisation_inside_a_russian_acronym_is_named_by_the_source():
    pair = make_pair(["Меморандум между Секретариатом ОДКБ и КТУ ООН."],
                     ["The Memorandum between the CSTO Secretariat and the UN KTU."])
    assert findings(body_swapped, pair) == []
