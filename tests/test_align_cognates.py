"""Cognates: Russian words the lexicon never saw, matched to English words of the same texts
by their transliterated spelling (made-up sentences with loanwords of the kinds found in
WMT22 en->ru: меню, аудио, шаттл)."""

from __future__ import annotations

from aligner.align import align_sentences
from aligner.align.cognates import cognate_keys, phonetic
from aligner.align.lexicon import Lexicon, default_lexicon


def test_phonetic_forms_of_both_spellings_meet():
    assert phonetic("cowboys") == phonetic("kovboys") == "kovbois"
    assert phonetic("shuttle") == "shutle"


def test_unknown_words_find_their_cognates_and_nothing_else():
    ru = ["Откройте меню и выберите вампира.", "Аудио вернулось после шторма."]
    en = ["Open the menu and pick a vampire.", "The audio returned after the storm."]
    found = cognate_keys(ru, en, Lexicon.empty())
    assert found == {"меню": "menu", "вампира": "vampi", "Аудио": "audio", "шторма": "storm"}


def test_words_the_lexicon_knows_keep_its_glosses_alone():
    lexicon = default_lexicon()
    assert "президент" not in cognate_keys(["Президент выступил."], ["The president spoke."], lexicon)


def test_cognates_tell_which_sentence_was_left_out(monkeypatch):
    """With no lexicon, loanwords alone show that the third Russian sentence has no
    rendering; by length alone the second would be left out."""
    ru = ["Меню аудио находится в верхней части экрана.", "Шаттл с астронавтами стартует с космодрома.",
          "Вчера вечером все долго разговаривали о погоде и о новостях."]
    en = ["The audio menu is at the top of the screen.", "The shuttle with astronauts lifts off from the cosmodrome."]
    right = [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    assert [(b.source, b.target) for b in align_sentences(ru, en, lexicon=Lexicon.empty())] == right
    monkeypatch.setattr("aligner.align.score.cognate_keys", lambda *args: {})
    assert [(b.source, b.target) for b in align_sentences(ru, en, lexicon=Lexicon.empty())] != right
