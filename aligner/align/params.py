"""The scorer's weights (Params), read from ``aligner/data/align_params.json``."""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from importlib import resources

PARAMS_FILE = "align_params.json"


@dataclass(frozen=True)
class Params:
    """Scorer weights; ``aligner/data/align_params.md`` says how they were chosen."""

    length_log_ratio_mean: float  # expected log(English chars / Russian chars)
    length_var_floor: float  # variance of that log ratio for very long beads ...
    length_var_per_char: float  # ... plus this over the bead's mean length in characters
    w_len: float
    length_cost_cap: float  # most a length ratio can cost (as a squared z-score)
    w_lex: float
    anchor_weight: float  # weight of a number, name or Latin word against a glossed word
    w_unmatched: float  # cost per (weighted) token of a bead that nothing matched
    w_matched: float  # gain per (weighted) matched token
    skip: float  # cost of a null bead
    skip_sparse: float  # extra cost of a null bead whose sentence has nothing the lexicon glosses ...
    sparse_mass: float  # ... falling to none at this mass (see _skips)
    penalty: dict  # extra cost per bead kind ("2-1", ...); 1-1 has none
    confidence: dict  # "pair" / "null" -> (a, b) of the bead score's logistic curve (see confidence.py)
    shape_discount: float = 0.0  # off the kind penalty of a merged bead with as many sentence ends a side
    length_mean_prior: float = 0.0  # sentences a side the length_log_ratio_mean counts for against the texts' own
    length_mean_shift: float = 0.0  # most the texts' own ratio moves length_log_ratio_mean
    partial_share: float = 1.0  # matched share of the lighter sentence that pairs an omission with an addition

    @classmethod
    def from_json(cls, text: str) -> Params:
        data = json.loads(text)
        return cls(**{key: value for key, value in data.items() if not key.startswith("_")})

    def replace(self, **changes) -> Params:
        return dataclasses.replace(self, **changes)


@functools.lru_cache(maxsize=1)
def default_params() -> Params:
    path = resources.files("aligner.data").joinpath(PARAMS_FILE)
    return Params.from_json(path.read_text(encoding="utf-8"))
