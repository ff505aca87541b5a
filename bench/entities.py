"""Entity and name errors injected into real human translations: recall and false alarms.

Data: the WMT22 ru->en dev documents (``shared/data/wmt22-ruen-dev.jsonl``): Russian
source paragraphs and the human English reference, aligned paragraph by paragraph,
written as files with one paragraph (a few sentences) per line.

Injected, one error per document and type, each run through the engine with every rule
on (as a user gets it); an error counts as caught when a finding overlaps its span:

- ``translit``: a careless romanisation of a person's name in ONE of its occurrences
  (a name used twice or more in the document, or one whose Russian spelling is in the
  aligned source): a dropped or changed letter, another romanisation scheme
  (Sergei -> Sergey, only for names used twice or more), a Palladius slip (Ming -> Min);
- ``wrong-entity``: a ministry, a country or a person replaced by another one that the
  Russian contradicts (Ministry of Defence -> Ministry of Finance, Ukraine -> Belarus, a
  surname -> a surname from another document).

False alarms: findings of the issue-5 rules (codes ENT, TRM, ACR, NAM) on the clean
references, per 1000 sentences. Goals: recall >= 85% per type, <= 2 false alarms per
1000 sentences.

    python bench/entities.py [--data PATH] [--seeds N] [--show]

Each of ``--seeds`` runs (default 5: seeds 1..5) injects one error of each type into
every document that has a place for it; recall is pooled over the runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from aligner.engine import check_texts
from aligner.entities.names import is_known_person, name_mentions, russian_names, supports
from aligner.entities.romanise import name_key

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22-ruen-dev.jsonl"
ISSUE5_PREFIXES = ("ENT", "TRM", "ACR", "NAM")

MINISTRIES = {  # English name -> Russian stem that shows it in the source
    "Defence": "оборон", "Defense": "оборон", "Finance": "финанс", "Foreign Affairs": "иностранн",
    "Health": "здравоохран", "Justice": "юстиц", "Education": "образован",
    "Internal Affairs": "внутренн", "Emergency Situations": "чрезвычайн", "Energy": "энергетик",
    "Agriculture": "сельск", "Culture": "культур", "Transport": "транспорт",
}
COUNTRIES = {  # English name -> Russian stem
    "Russia": "росси", "Ukraine": "украин", "Belarus": "беларус", "Kazakhstan": "казахстан",
    "China": "кита", "Germany": "германи", "France": "франци", "Poland": "польш",
    "Turkey": "турци", "Japan": "япони", "India": "инди", "Iran": "иран", "Israel": "израил",
    "Syria": "сири", "Georgia": "грузи", "Armenia": "армени", "Azerbaijan": "азербайджан",
    "Moldova": "молд", "Italy": "итали", "Spain": "испани", "Finland": "финлянди",
    "Sweden": "швеци", "Norway": "норвеги", "Latvia": "латви", "Lithuania": "литв",
    "Estonia": "эстони", "Canada": "канад", "Brazil": "бразили", "Uzbekistan": "узбекистан",
    "Kyrgyzstan": "киргиз", "Tajikistan": "таджикистан", "Britain": "британи", "Mexico": "мексик",
}
VOWEL_SLIPS = {"e": "i", "i": "e", "y": "i", "o": "a", "a": "o", "u": "o"}
SCHEME_SWAPS = (("ei", "ey"), ("ey", "ei"), ("iy", "y"), ("y", "iy"), ("ya", "ia"), ("ia", "ya"),
                ("yev", "ev"), ("kh", "h"), ("x", "ks"), ("ks", "x"), ("yu", "iu"), ("ts", "tz"))


def paragraphs_text(paragraphs: list[list[str]]) -> str:
    return "\n".join(" ".join(sentences) for sentences in paragraphs)


def careless(word: str, rng: random.Random, repeated: bool) -> str | None:
    """A careless translator's spelling of ``word`` (a different key, or another scheme)."""
    options = []
    if word.endswith("ng"):
        options.append(word[:-1])  # Palladius slip: Ming -> Min
    elif word.endswith("n") and len(word) <= 5:
        options.append(word + "g")
    if repeated:
        for old, new in SCHEME_SWAPS:
            index = word.find(old, 1)
            if index > 0:
                options.append(word[:index] + new + word[index + len(old):])
    inner = [i for i in range(1, len(word)) if word[i].isalpha()]
    if len(word) >= 4:
        i = rng.choice(inner)
        options.append(word[:i] + word[i + 1:])  # a dropped letter
        vowels = [i for i in inner if word[i] in VOWEL_SLIPS]
        if vowels:
            i = rng.choice(vowels)
            options.append(word[:i] + VOWEL_SLIPS[word[i]] + word[i + 1:])
    options = [o for o in options if o != word and (repeated or name_key(o) != name_key(word))]
    return rng.choice(options) if options else None


def inject_translit(doc: dict, rng: random.Random):
    """(paragraph index, start, end, new word) for one careless romanisation, or None."""
    candidates = []
    counts = Counter()
    mentions = []
    for p, sentences in enumerate(doc["ref"]):
        text = " ".join(sentences)
        ru_names = [n for n in russian_names(" ".join(doc["src"][p]))
                    if n.kind in ("person", "chinese") and is_known_person(n)]
        for mention in name_mentions(text):
            for position, (start, end, word) in enumerate(mention.words):
                if mention.sentence_initial and position == 0 and len(mention.words) == 1:
                    continue
                sourced = any(supports(word, n) for n in ru_names)
                mentions.append((p, start, end, word, sourced))
                counts[word] += 1
    person_words = {w for (_, _, _, w, s) in mentions if s}
    for p, start, end, word, sourced in mentions:
        if len(word) < 3 or word not in person_words:
            continue
        repeated = counts[word] >= 2
        if sourced or repeated:
            candidates.append((p, start, end, word, repeated))
    rng.shuffle(candidates)
    for p, start, end, word, repeated in candidates:
        new = careless(word, rng, repeated)
        if new:
            return p, start, end, new, "person"
    return None


def inject_wrong_entity(doc: dict, rng: random.Random, surnames: list[str]):
    """(paragraph index, start, end, new text, kind) for one wrong entity, or None."""
    candidates = []
    for p, sentences in enumerate(doc["ref"]):
        text = " ".join(sentences)
        source = " ".join(doc["src"][p]).lower()
        for match in re.finditer(r"Ministry of (?:the )?(" + "|".join(MINISTRIES) + r")\b", text):
            if MINISTRIES[match.group(1)] in source:
                others = [m for m, stem in MINISTRIES.items() if stem not in source]
                candidates.append((p, match.start(1), match.end(1), rng.choice(others), "ministry"))
        for match in re.finditer(r"\b(" + "|".join(COUNTRIES) + r")\b", text):
            if COUNTRIES[match.group(1)] in source:
                others = [c for c, stem in COUNTRIES.items() if stem not in source]
                candidates.append((p, match.start(1), match.end(1), rng.choice(others), "country"))
        ru_names = [n for n in russian_names(" ".join(doc["src"][p]))
                    if n.kind == "person" and is_known_person(n)]
        for mention in name_mentions(text):
            start, end, word = mention.words[-1]
            if len(word) >= 4 and any(supports(word, n) for n in ru_names):
                others = [s for s in surnames if s[0] != word[0] and s not in text]
                if others:
                    candidates.append((p, start, end, rng.choice(others), "person"))
    if not candidates:
        return None
    by_kind = defaultdict(list)
    for candidate in candidates:
        by_kind[candidate[4]].append(candidate)
    kind = rng.choice(sorted(by_kind))
    return rng.choice(by_kind[kind])


def apply(doc: dict, injection) -> tuple[str, int, int]:
    """The English text with the injection, and the injected span's offsets in it."""
    p, start, end, new, _ = injection
    lines = [" ".join(s) for s in doc["ref"]]
    offset = sum(len(line) + 1 for line in lines[:p])
    lines[p] = lines[p][:start] + new + lines[p][end:]
    return "\n".join(lines), offset + start, offset + start + len(new)


def person_surnames(docs: list[dict]) -> list[str]:
    surnames = set()
    for doc in docs:
        for p, sentences in enumerate(doc["ref"]):
            ru_names = [n for n in russian_names(" ".join(doc["src"][p]))
                        if n.kind == "person" and is_known_person(n)]
            for mention in name_mentions(" ".join(sentences)):
                word = mention.words[-1][2]
                if len(mention.words) >= 2 and any(supports(word, n) for n in ru_names):
                    surnames.add(word)
    return sorted(surnames)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--seeds", type=int, default=5, help="injection runs (seeds 1..N)")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"entities bench: no data at {args.data}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    surnames = person_surnames(docs)
    began = time.perf_counter()
    sentences = sum(len(p) for d in docs for p in d["ref"])
    false_alarms = Counter()
    caught, total = Counter(), Counter()
    for doc in docs:
        ru = paragraphs_text(doc["src"])
        clean = check_texts(ru, paragraphs_text(doc["ref"]))
        for finding in clean.findings:
            if finding.rule.startswith(ISSUE5_PREFIXES):
                false_alarms[finding.rule] += 1
                if args.show:
                    print(f"FA {doc['id']} {finding.rule} {finding.text!r}: {finding.message}")
    monolingual = Counter()
    for doc in docs:
        for finding in check_texts(None, paragraphs_text(doc["ref"])).findings:
            if finding.rule.startswith(ISSUE5_PREFIXES):
                monolingual[finding.rule] += 1
                if args.show:
                    print(f"FA-no-source {doc['id']} {finding.rule} {finding.text!r}: {finding.message}")
    for seed in range(1, args.seeds + 1):
        rng = random.Random(seed)
        for doc in docs:
            ru = paragraphs_text(doc["src"])
            for kind, injection in (("translit", inject_translit(doc, rng)),
                                    ("wrong-entity", inject_wrong_entity(doc, rng, surnames))):
                if injection is None:
                    continue
                en, start, end = apply(doc, injection)
                result = check_texts(ru, en)
                hit = [f for f in result.findings if f.start < end and f.end > start]
                label = f"{kind}/{injection[4]}"
                for key in (kind, label):
                    total[key] += 1
                    caught[key] += bool(hit)
                if args.show and not hit:
                    line_start = en.rfind("\n", 0, start) + 1
                    print(f"MISS {label} {doc['id']} {en[start:end]!r}: …{en[max(line_start, start - 80):end + 80]}")
    seconds = time.perf_counter() - began
    print(f"entities bench: {len(docs)} documents, {sentences} reference sentences, "
          f"injection seeds 1..{args.seeds}")
    print(f"{'measure':34} {'n':>5} {'value':>8}  goal")
    for key in sorted(total):
        share = caught[key] / total[key]
        goal = ">= 85%" if "/" not in key else ""
        print(f"{'recall ' + key:34} {total[key]:>5} {share:>8.1%}  {goal}")
    per_thousand = 1000 * sum(false_alarms.values()) / sentences
    print(f"{'false alarms (ENT/TRM/ACR/NAM)':34} {sum(false_alarms.values()):>5} {per_thousand:>8.2f}  <= 2 per 1000 sentences")
    for code, count in sorted(false_alarms.items()):
        print(f"{'  ' + code:34} {count:>5} {1000 * count / sentences:>8.2f}")
    per_thousand = 1000 * sum(monolingual.values()) / sentences
    print(f"{'false alarms, no source':34} {sum(monolingual.values()):>5} {per_thousand:>8.2f}  <= 2 per 1000 sentences")
    for code, count in sorted(monolingual.items()):
        print(f"{'  ' + code:34} {count:>5} {1000 * count / sentences:>8.2f}")
    print(f"{'seconds':34} {'':>5} {seconds:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
