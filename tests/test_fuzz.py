"""Property-based tests: hostile text through the library and the CLI never crashes.

A bounded number of examples here (CI); bench/fuzz.py runs the same strategies on
20,000+ inputs. The properties: the library returns a result with no problem (no rule
or stage failed), every finding lies inside its document, and the CLI answers every
file layout with exit 0, 1 or 2 and never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner.cli import main
from aligner.engine import check_texts
from aligner.io import decode
from aligner.errors import InputError
from hostile import file_bytes, hostile_text, text_pair

FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@FAST
@given(text_pair())
def test_library_checks_any_text_without_a_problem(pair):
    source, target = pair
    result = check_texts(source, target)
    assert result.problems == []
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(target) or finding.path != "en.txt"


@FAST
@given(file_bytes())
def test_any_bytes_decode_or_raise_a_one_line_input_error(data):
    try:
        text, encoding = decode(data, "f.txt")
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", ".hidden.txt", "a.txt.orig", "c.md", "d.txt.json"]),
                          file_bytes(), st.booleans()), max_size=4),
       st.sampled_from([["check"], ["check", "--format", "json"], ["report", "-o", "-"]]))
def test_cli_answers_any_folder_with_a_documented_exit_code(tmp_path_factory, capfd, files, command):
    root = tmp_path_factory.mktemp("corpus")
    (root / "en").mkdir()
    (root / "ru").mkdir()
    for name, data, has_source in files:
        (root / "en" / name).write_bytes(data)
        if has_source:
            (root / "ru" / name).write_bytes(data[::-1])
    code = main([*command[:1], str(root), *command[1:]])
    out, err = capfd.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "Traceback" not in out
    assert all(line.startswith(("aligner: ", "Found ", "No findings")) for line in err.splitlines() if line)
    checkable = [name for name, data, _ in files if name in ("a.txt", "b.txt")]
    if not checkable:
        assert code == 2  # nothing to check is not "clean"


@FAST
@given(hostile_text(max_tokens=15))
def test_cli_fix_and_score_take_any_text(tmp_path_factory, capfd, text):
    folder = tmp_path_factory.mktemp("fix")
    en = folder / "en.txt"
    en.write_text(text, encoding="utf-8", newline="")
    codes = [main(["fix", str(en), "--accept", "all", "-o", str(folder / "out.txt")]),
             main(["score", str(en), str(en)])]
    out, err = capfd.readouterr()
    assert set(codes) <= {0, 1, 2}
    assert "Traceback" not in err
    if os.path.exists(folder / "out.txt"):
        assert Path(folder / "out.txt").read_text(encoding="utf-8") is not None
