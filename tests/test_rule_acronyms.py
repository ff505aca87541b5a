"""ACR001 (romanised Russian acronym) and ACR002 (acronym contradicting its name)."""

from __future__ import annotations

from test_termbase import lines, make_pair

from aligner.checks import acronym_expansion, acronyms


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
    ]


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
