"""ACR001 (romanised Russian acronym) and ACR002 (acronym contradicting its name)."""

from __future__ import annotations

from test_termbase import lines, make_pair

from aligner.checks import acr002_acronym_contradicts_name as acronym_expansion
from aligner.checks import acr001_romanised_russian_acronym as acronyms


def findings(module, pair):
    return [(f.rule, f.line, f.column, f.end_column, f.text, f.message, f.suggestion)
            for f in module.check(pair)]


def test_un_ktu_is_the_russian_acronym_of_unoct():
    pair = make_pair(lines("003_excerpt.ru.txt"), lines("003_excerpt.en.txt"))
    assert findings(acronyms, pair) == [
        ("ACR001", 2, 409, 415, "UN KTU",
         "'KTU' is the Russian acronym «КТУ» romanised; in English: Office of Counter-Terrorism "
         "(UNOCT)", "UNOCT")]


def test_romanised_organisation_acronyms():
    pair = make_pair(None, ["The ODKB, the SNG and the ShOS held consultations."])
    assert [(f.text, f.suggestion) for f in acronyms.check(pair)] == [
        ("ODKB", "CSTO"), ("SNG", "CIS"), ("ShOS", "SCO")]


def test_the_organisation_beside_a_shared_acronym_decides():
    pair = make_pair(None, ["The CSTO SMID met in Minsk."])
    assert [(f.text, f.suggestion) for f in acronyms.check(pair)] == [("SMID", "CMFA")]


def test_romanisations_that_are_the_english_acronym_pass():
    pair = make_pair(None, ["RATS, the FSB and NATO met; the CSTO and the CIS did not."])
    assert findings(acronyms, pair) == []


def test_two_letter_romanisations_need_the_source():
    assert findings(acronyms, make_pair(None, ["The SB met."])) == []
    pair = make_pair(["СБ ООН собрался."], ["The UN SB met."])
    assert [(f.text, f.suggestion) for f in acronyms.check(pair)] == [("UN SB", "UNSC")]


def test_an_acronym_that_belongs_to_another_body():
    pair = make_pair(None, lines("003_excerpt.en.txt"))
    assert findings(acronym_expansion, pair) == [
        ("ACR002", 1, 436, 439, "CTC",
         "'CTC' is the acronym of Counter-Terrorism Committee (CTC), but it follows "
         "'Counter-Terrorism Committee Executive Directorate', which is Counter-Terrorism "
         "Committee Executive Directorate (CTED)", "CTED"),
        ("ACR002", 1, 469, 502, "radios of Peacekeeping Operations",
         "'radios of Peacekeeping Operations' does not spell out 'DPKO', which stands for "
         "Department of Peacekeeping Operations (now Department of Peace Operations (DPO))",
         "Department of Peacekeeping Operations"),
        ("ACR002", 1, 580, 583, "CTS",
         "'CTS' does not abbreviate the words before it ('counter-terrorist control')", "CTC"),
        ("ACR002", 2, 61, 70, "UNCCD CTC",
         "'UNCCD CTC' glues the acronyms of two unrelated bodies: United Nations Convention "
         "to Combat Desertification secretariat (UNCCD) and Counter-Terrorism Committee (CTC)",
         "CTC"),
    ]


def test_an_acronym_defined_after_hereinafter_that_abbreviates_nothing():
    pair = make_pair(lines("004_line13.ru.txt"), lines("004_line13.en.txt"))
    assert findings(acronym_expansion, pair) == [
        ("ACR002", 1, 253, 258, "CCBCD",
         "'CCBCD' does not abbreviate the words before it ('Coordination Council of the Heads "
         "of Competent Authorities for Countering the Illicit Drug Trafficking of the Member "
         "States of the Collective Security Treaty Organization')", None)]


def test_an_unknown_acronym_next_to_a_known_name():
    pair = make_pair(None, ["It was funded by the Office on Drugs and Crime (UNODG)."])
    assert [(f.text, f.suggestion) for f in acronym_expansion.check(pair)] == [
        ("UNODG", "UNODC")]


def test_unknown_acronyms_that_abbreviate_their_words_pass():
    # constructed from real names and their usual acronyms (none in the termbase)
    pair = make_pair(None, [
        "The Financial Action Task Force (FATF) and the Association of Southeast Asian "
        "Nations (ASEAN) met nongovernmental organizations (NGOs).",
        "The Treaty on the Non-Proliferation of Nuclear Weapons (NPT), the Council of Heads "
        "of State (HSC) and the Organisation for Economic Co-operation and Development "
        "(OECD).",
        "The Eurasian Economic Community (EurAsEC), the UN Office on Drugs (UNOD), the "
        "Fade-Thru-Black (FTBTM) mode and the agency (AFP).",
        "Foreign terrorist fighters (FTFs) and Hay'at Tahrir al-Sham (HTS)."])
    assert findings(acronym_expansion, pair) == []


def test_a_romanised_acronym_of_the_source_passes():
    english = ["The Federal Tax Service (FNS) reported."]
    assert [f.text for f in acronym_expansion.check(make_pair(None, english))] == ["FNS"]
    pair = make_pair(["Сообщила Федеральная налоговая служба (ФНС)."], english)
    assert findings(acronym_expansion, pair) == []


def test_acronyms_of_a_body_and_its_parent_may_stand_together():
    pair = make_pair(None, ["The UNSC CTC and the UN CTED met; the CSTO CPF too."])
    assert findings(acronym_expansion, pair) == []


def test_an_organisation_acronym_in_front_of_another_organisations_body():
    pair = make_pair(None, ["The CSTO RATS held a meeting in Tashkent."])
    assert findings(acronym_expansion, pair) == [
        ("ACR002", 1, 5, 14, "CSTO RATS",
         "'RATS' is SCO Regional Anti-Terrorist Structure (RATS), a body of the SCO, not of "
         "the CSTO", "SCO RATS")]


def test_acronyms_that_match_their_names_pass():
    pair = make_pair(None, [
        "The Shanghai Cooperation Organization (SCO), the UN Security Council (UNSC), the "
        "United Nations Office of Counter-Terrorism (UNOCT) and the SCO RATS.",
        "The World Health Organization (WHO) and the World Bank (WB) published two reports."])
    assert findings(acronym_expansion, pair) == []
