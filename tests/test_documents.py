"""Per-document work is a pure function; corpus-wide rules reduce over its summaries, so the
findings do not depend on which worker checked which document, nor in what order."""

import pickle
from pathlib import Path

import aligner
from aligner.config import Config
from aligner.documents import DocumentTask, check_document
from aligner.engine import finish, pair_options

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_documents_checked_apart_and_in_any_order_give_the_run_s_findings():
    config = Config()
    names = sorted(path.name for path in (CORPUS / "en").glob("*.txt"))
    tasks = [DocumentTask(str(CORPUS / "en" / name), str(CORPUS / "ru" / name),
                          tuple(config.enabled_codes()), pair_options(config)) for name in names]
    # as a pool would: the tasks and the results cross a process boundary, in another order
    done = {}
    for task in reversed(tasks):
        done[task.target] = pickle.loads(pickle.dumps(check_document(pickle.loads(pickle.dumps(task)))))
    apart = finish([done[task.target] for task in tasks], config)
    together = aligner.check(str(CORPUS))
    assert together.findings and apart.findings == together.findings
    assert {f.rule for f in apart.findings} >= {"NAM001", "ENT003"}  # both kinds of rule ran
