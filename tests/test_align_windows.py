"""Long texts are aligned window by window (bounded memory, linear time): over repeated
content and across window edges the beads stay on the diagonal, and gaps are found."""

from __future__ import annotations

from pathlib import Path

import aligner.align as align_package
from aligner.align import align_sentences, dp

DATA = Path(__file__).parent / "data" / "align"


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def pairs(beads) -> set:
    return {(bead.source, bead.target) for bead in beads}


def test_repeated_documents_stay_on_the_diagonal_across_windows(monkeypatch):
    """The same 201 sentences four times over, with one sentence of each copy left
    untranslated, in windows of 150 sentences: a search that jumped to another copy
    would leave runs of null beads."""
    ru, en = lines("dev-20-39.ru.txt"), lines("dev-20-39.en.txt")
    copies = 4
    ru_all = ru * copies
    dropped = {copy * len(en) + 120 for copy in range(copies)}
    kept = [j for j in range(len(en) * copies) if j not in dropped]
    monkeypatch.setattr(align_package, "WINDOW", 150)
    monkeypatch.setattr(dp, "FULL_SEARCH_CELLS", 4000)  # coarse to fine inside each window too
    beads = align_sentences(ru_all, [(en * copies)[j] for j in kept])
    assert [i for bead in beads for i in bead.source] == list(range(len(ru_all)))
    assert [j for bead in beads for j in bead.target] == list(range(len(kept)))
    expected = {((j,), (k,)) for k, j in enumerate(kept)} | {((j,), ()) for j in dropped}
    wrong = pairs(beads) - expected
    assert len(wrong) <= copies, sorted(wrong)  # at most a short headline absorbed per copy


def test_windows_give_the_beads_of_one_whole_search(monkeypatch):
    ru, en = lines("dev-20-39.ru.txt"), lines("dev-20-39.en.txt")
    kept = [j for j in range(len(en)) if j % 37 != 5]
    whole = align_sentences(ru, [en[j] for j in kept])
    monkeypatch.setattr(align_package, "WINDOW", 60)
    windowed = align_sentences(ru, [en[j] for j in kept])
    assert pairs(windowed) == pairs(whole)
    scores = {(b.source, b.target): b.score for b in whole}
    assert all(abs(b.score - scores[(b.source, b.target)]) < 0.05 for b in windowed)


def test_scores_rank_right_beads_above_wrong_ones():
    """Bead scores are probabilities of being right: where English sentences swapped for
    sentences of another text are still paired, those pairs score below every right
    bead; left unaligned, they are likely null beads."""
    ru, en = lines("dev-20-39.ru.txt"), lines("dev-20-39.en.txt")
    other = lines("kazinform-ru.31286.en.txt")
    swapped = {30 + 20 * k: other[k] for k in range(len(other))}
    beads = align_sentences(ru, [swapped.get(j, sentence) for j, sentence in enumerate(en)])
    right = [b.score for b in beads if b.source == b.target and b.source[0] not in swapped]
    touched = [b for b in beads if set(b.source) & set(swapped) or set(b.target) & set(swapped)]
    wrong = [b.score for b in touched if b.source and b.target]
    assert len(right) > 180 and wrong
    assert max(wrong) < min(right)
    assert all(b.score > 0.5 for b in touched if not (b.source and b.target))
