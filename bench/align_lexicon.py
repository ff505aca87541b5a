"""Ways of learning the alignment lexicon, each held out: what a variant of
``aligner.align.learn`` (or an extra source of bitext) gives the sentence aligner.

For every collection of ``bench/align.py`` (WMT22 dev, WMT21 refs A and B, WMT22 en->ru
reversed), each variant learns its lexicon from every OTHER collection (references and MT
outputs, as ``scripts/build_align_data.py --exclude``), and the aligner (shipped weights)
aligns the perturbed documents of seeds 2022-2025. Printed per variant and collection:
strict F1 non-null / null-bead precision / null-bead recall per seed and their means; the
shipped lexicon (which has seen every collection) is the in-sample reference.

Variants: ``shipped-form`` (as built), ``no-pieces`` (no sentencepiece back-off),
``dice-only`` (no IBM Model 1), ``keep-5`` (five English stems per estimate, not three),
``prob-0.2`` / ``prob-0.05`` (IBM Model 1 cut), ``share-0.12`` / ``share-0.35`` (stems in
more than this share of segments left out, 0.2 shipped), ``cldr`` (plus the Unicode CLDR
names of languages, territories, scripts, currencies, units, months, days and date fields
in Russian and English, from Babel's locale data; skipped if Babel is not installed),
``jupyter-ui`` (plus the Russian message catalogues of the JupyterLab interface, from the
``jupyterlab-language-pack-ru-ru`` wheel: a software manual's vocabulary; skipped if it is
not installed).
Lexicons are cached in the temporary folder, keyed by the learning code.

    python bench/align_lexicon.py [--data DIR] [--variant NAME]... [--seed N]...
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align import collections
from align_gold import perturbed, score

from aligner.align import align_sentences
from aligner.align.bitext import Group, default_data, groups_without
from aligner.align.learn import (
    STEM_MAX_SHARE,
    learn_lexicon,
    learn_with_pieces,
    lexicon_lines,
    write_lexicon,
)
from aligner.align.lexicon import LEXICON_FILE, Lexicon, default_lexicon, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (2022, 2023, 2024, 2025)
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _stems(**options) -> Callable[[list[Group]], Lexicon]:
    """The stem table alone, learned with ``options`` (no piece back-off)."""
    return lambda groups: learn_lexicon(groups, **{"max_share": STEM_MAX_SHARE, **options})


def cldr_pairs() -> list[tuple[str, str]]:
    """(Russian, English) display names from Babel's CLDR locale data, keyed alike."""
    from babel import Locale  # optional: only this variant needs it

    ru, en = Locale("ru"), Locale("en")
    pairs = []
    for attribute in ("languages", "territories", "scripts", "currencies"):
        russian, english = getattr(ru, attribute), getattr(en, attribute)
        pairs += [(russian[key], english[key]) for key in sorted(russian) if key in english]
    for attribute in ("months", "days"):
        for context in ("format", "stand-alone"):
            russian, english = getattr(ru, attribute)[context]["wide"], getattr(en, attribute)[context]["wide"]
            pairs += [(russian[key], english[key]) for key in russian]
    units_ru, units_en = ru._data["unit_display_names"], en._data["unit_display_names"]
    pairs += [(units_ru[key].get("long"), units_en[key].get("long")) for key in sorted(units_ru) if key in units_en]
    fields_ru, fields_en = ru._data["date_fields"], en._data["date_fields"]
    pairs += [(fields_ru[key][sub], fields_en[key][sub]) for key in sorted(fields_ru) if key in fields_en
              for sub in fields_ru[key] if sub in fields_en[key]]
    return [(r, e) for r, e in pairs if isinstance(r, str) and isinstance(e, str) and r != e]


def jupyter_pairs() -> list[tuple[str, str]]:
    """(Russian, English) messages of the JupyterLab language pack's JSON catalogues."""
    from importlib import resources

    folder = resources.files("jupyterlab_language_pack_ru_RU") / "locale" / "ru_RU" / "LC_MESSAGES"
    pairs = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            for english, russian in json.loads(path.read_text(encoding="utf-8")).items():
                russian = russian[0] if isinstance(russian, list) and russian else russian
                if english and isinstance(russian, str) and _CYRILLIC.search(russian):
                    pairs.append((russian, english.split("\x04")[-1]))  # msgctxt \x04 msgid
    return pairs


VARIANTS: dict[str, Callable[[list[Group]], Lexicon]] = {
    "shipped-form": learn_with_pieces,
    "no-pieces": _stems(),
    "dice-only": _stems(ibm1=False),
    "keep-5": _stems(keep=5),
    "prob-0.2": _stems(min_prob=0.2),
    "prob-0.05": _stems(min_prob=0.05),
    "share-0.12": _stems(max_share=0.12),
    "share-0.35": _stems(max_share=0.35),
    "cldr": lambda groups: learn_with_pieces(groups + [[pair] for pair in cldr_pairs()]),
    "jupyter-ui": lambda groups: learn_with_pieces(groups + [[pair] for pair in jupyter_pairs()]),
}
OPTIONAL = {"cldr": "babel", "jupyter-ui": "jupyterlab_language_pack_ru_RU"}  # variant -> module it reads


def learned(data: Path, variant: str, excluded: str) -> Lexicon:
    """The ``variant`` lexicon of every collection but ``excluded``, cached."""
    code = b"".join((ROOT / "aligner" / "align" / name).read_bytes() for name in ("learn.py", "lexicon.py", "bitext.py"))
    key = hashlib.sha1(code + f"{variant} {excluded} {data}".encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / "aligner-lexicon-bench" / key
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"learning {variant} without {excluded} ...", file=sys.stderr)
        lexicon = VARIANTS[variant](groups_without(data, (excluded,)))
        if lexicon.segmenter is None:  # a stem table alone
            (folder / LEXICON_FILE).write_text("".join(lexicon_lines(lexicon)), encoding="utf-8")
        else:
            write_lexicon(lexicon, folder, "# bench\n")
        (folder / "done").touch()
    return load_lexicon(folder)


def figures(cases_by_seed, lexicon: Lexicon) -> list[tuple[float, float, float]]:
    found = []
    for cases in cases_by_seed:
        predicted = [[(b.source, b.target) for b in align_sentences(ru, en, lexicon=lexicon)] for ru, en, _ in cases]
        result = score([gold for _, _, gold in cases], predicted)
        found.append((result["F1"], result["null P"], result["null R"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(ROOT))
    parser.add_argument("--variant", action="append", choices=[*VARIANTS, "in-sample"],
                        help="variants to run (default: all, and the shipped lexicon in-sample)")
    parser.add_argument("--seed", type=int, action="append", help=f"perturbation seeds (default {SEEDS})")
    args = parser.parse_args()
    variants = args.variant or ["in-sample", *VARIANTS]
    seeds = tuple(args.seed or SEEDS)
    for variant, module in OPTIONAL.items():
        if variant in variants and importlib.util.find_spec(module) is None:
            print(f"{variant}: skipped ({module} is not installed)", file=sys.stderr)
            variants.remove(variant)
    print(f"strict F1 / null P / null R per seed {', '.join(map(str, seeds))}; mean; lexicon without the collection")
    for collection in collections(args.data):
        cases_by_seed = [perturbed(collection.pairs, seed) for seed in seeds]
        print(f"{collection.name}:")
        for variant in variants:
            lexicon = default_lexicon() if variant == "in-sample" else learned(args.data, variant, collection.held_out)
            found = figures(cases_by_seed, lexicon)
            mean = [sum(column) / len(found) for column in zip(*found)]
            print(f"  {variant:13} " + "  ".join(f"{f:.3f}/{p:.3f}/{r:.3f}" for f, p, r in found)
                  + f"  mean {mean[0]:.4f}/{mean[1]:.3f}/{mean[2]:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
