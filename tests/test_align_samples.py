"""The alignment of ``corpus/003`` as the README and ``aligner align --help`` show it: the
samples are compared with what the command really prints, and a known defect (an exact
translation pair split into an omission and an addition) stays fixed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.commands.align import command

ROOT = Path(__file__).resolve().parents[1]
RU = "corpus/ru/003_d8baf50c479c5e8c.txt"
EN = "corpus/en/003_d8baf50c479c5e8c.txt"


@pytest.fixture(scope="module")
def printed() -> list[str]:
    """What ``aligner align RU EN`` prints for corpus/003 (stderr, then stdout), line by line."""
    done = subprocess.run([sys.executable, "-m", "aligner", "align", RU, EN], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return (done.stderr + done.stdout).splitlines()


def in_order(shown: list[str], lines: list[str]) -> bool:
    """Every shown line appears in ``lines``, in the same order."""
    rest = iter(lines)
    return all(any(line == candidate for candidate in rest) for line in shown)


def test_readme_sample_matches_the_output(printed):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"```console\n\$ aligner align {RU} {EN}\n(.*?)```", readme, re.DOTALL)
    assert block, "the README has no aligner align sample on corpus/003"
    shown = [line for line in block.group(1).splitlines() if line != "…"]
    assert len(shown) >= 3
    assert in_order(shown, printed), (shown, printed[:5])


def test_help_example_matches_the_output(printed):
    example = command.help.split("Example:", 1)[1]
    shown = [re.sub(r"\s+#.*", "", line.strip()) for line in example.splitlines()
             if line.strip().startswith("[")]
    assert len(shown) >= 2
    assert in_order(shown, printed), (shown, printed)


def test_an_exact_translation_pair_is_one_bead(printed):
    """«В число ее направлений входят…» / "Its areas include…" were once split into a
    1-0 and a 0-1 bead."""
    rows = subprocess.run([sys.executable, "-m", "aligner", "align", "--format", "tsv", RU, EN], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.splitlines()
    [row] = [row for row in rows if "Its areas include" in row]
    ru, en, score = row.split("\t")
    assert ru.startswith("В число ее направлений входят") and en.startswith("Its areas include")
    assert float(score) > 0.5
    assert not [row for row in rows if row.startswith("\t") or "\t\t" in row]  # no null bead at all
