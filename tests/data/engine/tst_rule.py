"""A rule that exists only for the engine's tests: flags the word "garbled".

What it does:
    Reports every "garbled" in an English sentence, with the aligned Russian sentence
    as evidence; reports a Russian sentence left in the English file as info.

Why is this bad?
    It is not; it gives the engine, writers and CLI tests findings they can predict.

Example:
    ``This is garbled.`` is reported at the word ``garbled``.
"""

import importlib.util
import re
import sys
from pathlib import Path

from aligner.checks import rule_from_module

CODE = "TST001"
NAME = "garbled-word"
SEVERITY = "warning"
SUMMARY = "The English text says 'garbled'."
EXAMPLES = [("Это искажено.", "This is garbled.", True), ("Это хорошо.", "This is fine.", False)]
OPTIONS = {"word": "garbled", "report_russian": True}


def check(pair):
    options = {**OPTIONS, **pair.options.get(CODE, {})}
    source_of = {}
    for ru, en, _ in pair.aligned():
        for sentence in en:
            source_of[sentence.start] = ru
    for sentence in pair.target_sentences:
        if sentence.lang == "ru":
            if options["report_russian"]:
                yield pair.finding(CODE, "info", sentence.start, sentence.end,
                                   "Russian sentence in the English text")
            continue
        for match in re.finditer(rf"\b{re.escape(options['word'])}\b", sentence.text):
            start = sentence.start + match.start()
            yield pair.finding(CODE, SEVERITY, start, start + len(match.group()),
                               f"the word '{match.group()}'", replacement="clear",
                               evidence=source_of.get(sentence.start))


def summarize(pair):
    """The start of the file, when it says 'garbled' (else None)."""
    return pair.spot(0, 0) if "garbled" in pair.target.text else None


def check_corpus(summaries):
    """One error on the first file when two or more files say 'garbled'."""
    flagged = [spot for spot in summaries if spot is not None]
    if len(flagged) > 1:
        yield flagged[0].finding(CODE, "error", f"{len(flagged)} files say 'garbled'")


def load(name="tst_rule"):
    """This file as a module, and the registry Rule made from it."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module, rule_from_module(module)
