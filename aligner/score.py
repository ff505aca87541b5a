"""Corpus and per-sentence scores with sacrebleu (BLEU, chrF, TER), each with its signature.

Texts are compared line by line: line *i* of the hypothesis against line *i* of the
reference. Lines that are blank in both (paragraph breaks) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sacrebleu.metrics import BLEU, CHRF, TER

from aligner.errors import InputError, UsageError
from aligner.records import Document

METRIC_NAMES = ("bleu", "chrf", "ter")


def _metric(name: str, sentence: bool = False):
    if name == "bleu":
        return BLEU(effective_order=sentence)  # sentence BLEU needs effective order
    if name == "chrf":
        return CHRF()
    if name == "ter":
        return TER()
    raise UsageError(f"unknown metric {name!r}; choose from {', '.join(METRIC_NAMES)}")


@dataclass(frozen=True)
class MetricScore:
    metric: str  # "bleu", "chrf" or "ter"
    name: str  # sacrebleu's name, e.g. "chrF2"
    score: float
    signature: str  # sacrebleu's signature string, e.g. "nrefs:1|case:mixed|…|version:2.6.0"
    text: str  # sacrebleu's formatted line, e.g. "BLEU = 35.61 70.0/45.2/…"


@dataclass(frozen=True)
class SentenceScore:
    index: int  # 1-based line number in the hypothesis
    hypothesis: str
    reference: str
    scores: dict[str, float]


@dataclass
class ScoreReport:
    corpus: list[MetricScore]
    sentences: list[SentenceScore] = field(default_factory=list)
    sentence_signatures: dict[str, str] = field(default_factory=dict)
    segments: int = 0


def parse_metrics(value: str) -> list[str]:
    """``"bleu,chrf"`` -> ["bleu", "chrf"]; raises UsageError for unknown names."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if not names:
        raise UsageError("--metrics needs at least one of " + ", ".join(METRIC_NAMES))
    for name in names:
        _metric(name)
    return list(dict.fromkeys(names))


def segments(hypothesis: Document, reference: Document) -> tuple[list[str], list[str], list[int]]:
    """Paired lines (hypotheses, references, 1-based hypothesis line numbers)."""
    hyp_lines = [span.text for span in hypothesis.lines()]
    ref_lines = [span.text for span in reference.lines()]
    if len(hyp_lines) != len(ref_lines):
        raise InputError(f"has {len(hyp_lines)} lines but the reference {reference.path} has "
                         f"{len(ref_lines)}; score compares line by line", hypothesis.path)
    kept = [(h, r, i) for i, (h, r) in enumerate(zip(hyp_lines, ref_lines), 1) if h.strip() or r.strip()]
    return [h for h, _, _ in kept], [r for _, r, _ in kept], [i for _, _, i in kept]


def score(hypotheses: list[str], references: list[str], metrics: list[str] | tuple[str, ...] = METRIC_NAMES,
          sentences: bool = False, numbers: list[int] | None = None) -> ScoreReport:
    """Corpus scores (and per-sentence scores if ``sentences``) of hypotheses against references."""
    if len(hypotheses) != len(references):
        raise InputError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    if not hypotheses:
        raise InputError("nothing to score: every line is empty")
    corpus = []
    for name in metrics:
        metric = _metric(name)
        result = metric.corpus_score(hypotheses, [references])
        corpus.append(MetricScore(name, result.name, result.score, str(metric.get_signature()),
                                  str(result)))
    report = ScoreReport(corpus, segments=len(hypotheses))
    if sentences:
        scorers = {name: _metric(name, sentence=True) for name in metrics}
        numbers = numbers or list(range(1, len(hypotheses) + 1))
        for number, hyp, ref in zip(numbers, hypotheses, references):
            values = {name: m.sentence_score(hyp, [ref]).score for name, m in scorers.items()}
            report.sentences.append(SentenceScore(number, hyp, ref, values))
        if report.sentences:  # sacrebleu knows the signature once it has scored
            report.sentence_signatures = {name: str(m.get_signature()) for name, m in scorers.items()}
    return report


def score_documents(hypothesis: Document, reference: Document, metrics=METRIC_NAMES,
                    sentences: bool = False) -> ScoreReport:
    hyps, refs, numbers = segments(hypothesis, reference)
    return score(hyps, refs, metrics, sentences, numbers)


def distance(original: Document, corrected_text: str) -> ScoreReport:
    """chrF and TER of a corrected text against its original (100 / 0: unchanged)."""
    corrected = Document(original.path, corrected_text)
    try:
        hyps, refs, _ = segments(corrected, original)
    except InputError:  # a fix added or removed lines: compare the whole texts
        hyps, refs = [corrected_text], [original.text]
    if not hyps:  # an empty or blank text: compare it whole (sacrebleu needs one segment)
        hyps, refs = [corrected_text], [original.text]
    return score(hyps, refs, ("chrf", "ter"))
