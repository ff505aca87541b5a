"""One pipeline record: `aligner align` and `aligner check` see the same sentences and beads."""

from pathlib import Path

import aligner
from aligner.cli import main
from aligner.output.alignment import parse_ladder

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_align_and_check_give_the_same_beads_on_every_corpus_file(tmp_path):
    assert main(["align", str(CORPUS / "ru"), str(CORPUS / "en"), "-o", str(tmp_path)]) == 0
    result = aligner.check(str(CORPUS))
    assert len(result.pairs) == len(list((CORPUS / "en").glob("*.txt"))) >= 5
    for pair in result.pairs:
        ladder = (tmp_path / (Path(pair.target.path).name + ".ladder")).read_text(encoding="utf-8")
        assert parse_ladder(ladder) == list(pair.beads), pair.target.path
        covered = sorted(i for bead in pair.beads for i in bead.target)
        assert covered == list(range(len(pair.target_sentences)))  # every sentence, whatever its language
