"""Checking on several processes or a Dask cluster gives the serial findings, byte for byte.

The corpus is built from real excerpts (tests/data/entities: one UN office named three
ways across two files, ENT003; tests/data/names: "Zhang Min" beside "Zhang Ming", NAM001)
plus a file that spells a name one way while another file spells it the other way
(NAM001 across files, with its house_style option), so both corpus-wide rules have
findings that span documents.
"""

import shutil
from pathlib import Path

import pytest

from aligner.cli import main
from aligner.config import Config
from aligner.documents import DocumentTask
from aligner.engine import check_all, check_directory, largest_first
from aligner.output import render
from aligner.errors import UsageError
from aligner.parallel import DaskExecutor, ProcessPool, Serial

DATA = Path(__file__).parent / "data"
CONFIG = Config(rule_options={"NAM001": {"house_style": True}})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel") / "corpus"
    (root / "en").mkdir(parents=True)
    (root / "ru").mkdir()
    for name in ("000_excerpt", "003_excerpt"):
        shutil.copy(DATA / "entities" / f"{name}.en.txt", root / "en" / f"{name}.txt")
        shutil.copy(DATA / "entities" / f"{name}.ru.txt", root / "ru" / f"{name}.txt")
    shutil.copy(DATA / "entities" / "001_excerpt.en.txt", root / "en" / "001_excerpt.txt")
    shutil.copy(DATA / "names" / "002_en.txt", root / "en" / "002.txt")
    shutil.copy(DATA / "names" / "002_ru.txt", root / "ru" / "002.txt")
    (root / "en" / "a.txt").write_text("President Kassym-Jomart Tokayev spoke. Tokayev left.\n")
    (root / "en" / "b.txt").write_text("Later Kassym-Jomart Tokaev arrived.\n")
    return root


@pytest.fixture(scope="module")
def serial(corpus):
    return check_directory(str(corpus), CONFIG)


def outputs(result) -> list[str]:
    return [render(result, output_format) for output_format in ("text", "json", "sarif")]


def test_the_corpus_has_findings_across_files(serial):
    across = {(f.rule, f.text) for f in serial.findings if f.related and f.related[-1].path != f.path}
    assert ("ENT003", "Office for Counter-Terrorism") in across
    assert [(f.path.rsplit("/", 1)[1], f.text, f.suggestion) for f in serial.findings
            if f.rule == "NAM001"] == [("002.txt", "Min", "Ming"), ("b.txt", "Tokaev", "Tokayev")]


def test_two_processes_give_the_serial_findings(corpus, serial):
    pooled = check_directory(str(corpus), CONFIG, jobs=2, keep_pair=False)
    assert outputs(pooled) == outputs(serial)
    assert pooled.summary() == serial.summary()
    assert [pair.target.path for pair in pooled.pairs] == [pair.target.path for pair in serial.pairs]
    assert all(not pair.target_sentences and not pair.target.text for pair in pooled.pairs)  # light


def test_a_dask_local_cluster_of_two_workers_gives_the_serial_findings(corpus, serial):
    pytest.importorskip("distributed")
    on_dask = check_directory(str(corpus), CONFIG, jobs=2, dask="local", keep_pair=False)
    assert outputs(on_dask) == outputs(serial)


def test_results_come_back_in_input_order_whatever_finishes_first():
    with ProcessPool(2, window=3) as pool:
        assert list(pool.map(abs, [-3, 2, -1, 0, -7])) == [3, 2, 1, 0, 7]
    assert list(Serial().map(abs, [-1, 1])) == [1, 1]


def test_largest_files_are_sent_first_and_results_kept_in_file_order(corpus):
    names = sorted(path.name for path in (corpus / "en").iterdir())
    tasks = [DocumentTask(str(corpus / "en" / name), str(corpus / "ru" / name)
                          if (corpus / "ru" / name).exists() else None, ("ENT003",)) for name in names]
    sizes = [sum(Path(path).stat().st_size for path in (task.target, task.source) if path) for task in tasks]
    order = largest_first(tasks)
    assert sorted(order) == list(range(len(tasks))) and order != list(range(len(tasks)))
    assert [sizes[index] for index in order] == sorted(sizes, reverse=True)
    assert [result.pair.target.path for result in check_all(tasks, jobs=2)] == [task.target for task in tasks]


def test_an_input_error_in_a_worker_is_one_line_naming_the_file(corpus, tmp_path, capsys):
    shutil.copytree(corpus, tmp_path / "corpus")
    (tmp_path / "corpus" / "en" / "c.txt").write_bytes(b"\x00\x01binary")
    assert main(["check", str(tmp_path / "corpus"), "--jobs", "2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == (f"aligner: error: {tmp_path / 'corpus' / 'en' / 'c.txt'}: "
                      "binary file (contains NUL bytes), expected text")
    assert err[1].startswith("Found ")  # the other files are checked all the same
    assert err[2:] == ["aligner: 1 file or rule could not be checked (the errors above; exit 2)"]


def test_bad_jobs_and_unreachable_scheduler_are_usage_errors(corpus, capsys):
    assert main(["check", str(corpus), "--jobs", "0"]) == 2
    pytest.importorskip("distributed")
    with pytest.raises(UsageError, match="cannot reach the scheduler"):
        DaskExecutor("tcp://127.0.0.1:9", 2, timeout=1)  # nothing listens on the discard port
