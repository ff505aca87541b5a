"""Recall of ENT001 on garbled body names, and silence on every real one.

Every English name in the termbase is written into a plain sentence ("Yesterday we met
the UN Office of Counter-Terrorism.") once as it is (must pass) and once garbled in
each of four ways seen in real translations (must be flagged):

- preposition: "Office of Counter-Terrorism" -> "Office for Counter-Terrorism";
- subject: the last subject word replaced by that of another body of the same
  organisation ("Office for the Coordination of Humanitarian Affairs" -> "… of Terrorism");
- word order: "Collective Security Council" -> "Council of Collective Security";
- head noun: "Office" -> "Department", "Committee" -> "Commission", ….

Each sentence is checked alone, with the organisation's acronym in front when the body
belongs to one ("the SCO …"), without a source and with its Russian name as source.

Then ACR002 on acronyms that abbreviate nothing: every body's canonical name followed by
its acronym with one letter replaced by a letter that starts none of the name's words
("Office of Counter-Terrorism (UNOCS)"), the name written as it is and lowercased (so
that only the initials decide); and, for silence, whether each real name and its own
acronym read as an abbreviation at all (the reading used for acronyms the termbase
does not know; Russian and French acronyms such as FSB or MINURSO do not).

    python bench/entities_garbled.py
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligner.checks import acr002_acronym_contradicts_name as acronym_expansion  # noqa: E402
from aligner.checks import ent001_unknown_body_name as body_names  # noqa: E402
from aligner.records import Bead, Document, Pair, Sentence  # noqa: E402
from aligner.entities.glossary import load_termbase  # noqa: E402
from aligner.entities.terms import CONNECTORS, HEADS  # noqa: E402

OTHER_HEAD = {"office": "Department", "department": "Office", "committee": "Commission",
              "commission": "Committee", "council": "Committee", "centre": "Office",
              "structure": "Organization", "ministry": "Department", "directorate": "Department",
              "programme": "Fund", "fund": "Programme", "organization": "Union"}


def pair(en: str, ru: str | None) -> Pair:
    doc = Document("en.txt", en + "\n")
    sentences = [Sentence(0, len(en), en, "")]
    if ru is None:
        return Pair(target=doc, target_sentences=sentences)
    rdoc = Document("ru.txt", ru + "\n")
    return Pair(target=doc, target_sentences=sentences, source=rdoc, source_sentences=[Sentence(0, len(ru), ru, "")],
                beads=[Bead((0,), (0,), 1.0)])


def garble(name: str, kind: str, subjects: list[str], rng: random.Random) -> str | None:
    words = name.split()
    if kind == "preposition":
        for i, w in enumerate(words):
            if w in ("of", "for", "on"):
                return " ".join(words[:i] + [{"of": "for", "for": "of", "on": "for"}[w]] + words[i + 1:])
        return None
    if kind == "subject":
        content = [i for i, w in enumerate(words)
                   if w.lower() not in CONNECTORS and w.lower() not in HEADS and w[:1].isupper()
                   and w not in ("United", "Nations", "UN")]
        others = [s for s in subjects if s not in words]
        if not content or not others:
            return None
        i = content[-1]
        return " ".join(words[:i] + [rng.choice(others)] + words[i + 1:])
    if kind == "word order":
        if len(words) == 3 and words[-1].lower() in HEADS and not set(words) & CONNECTORS:
            return f"{words[2]} of {words[0]} {words[1]}"
        return None
    if kind == "head noun":
        for i, w in enumerate(words):
            if w.lower() in OTHER_HEAD:
                return " ".join(words[:i] + [OTHER_HEAD[w.lower()]] + words[i + 1:])
        return None
    raise ValueError(kind)


def main() -> None:
    rng = random.Random(5)
    termbase = load_termbase()
    kinds = ("preposition", "subject", "word order", "head noun")
    total, caught, clean, alarms = Counter(), Counter(), Counter(), Counter()
    for entry in termbase.entries.values():
        root = termbase.root(entry)
        if root is entry or root.kind != "org":
            continue  # national bodies: a garbled name may be another country's real body
        siblings = [e for e in termbase.entries.values() if termbase.root(e) is root and e is not entry]
        subjects = sorted({w for e in siblings for w in termbase.bare_name(e).split()
                           if w[:1].isupper() and w.lower() not in HEADS and w not in ("United", "Nations")})
        name = termbase.bare_name(entry)
        prefix = f"{root.acronyms[0]} " if root.acronyms else ""
        russian = f"Вчера мы встретились с {entry.ru[0]}."
        for source in (None, russian):
            mode = "with source" if source else "English only"
            found = list(body_names.check(pair(f"Yesterday we met the {prefix}{name}.", source)))
            clean[mode] += 1
            alarms[mode] += bool(found)
            for kind in kinds:
                wrong = garble(name, kind, subjects, rng)
                if wrong is None or termbase.is_known(wrong) or termbase.is_known(prefix + wrong):
                    continue
                total[(mode, kind)] += 1
                caught[(mode, kind)] += bool(list(body_names.check(
                    pair(f"Yesterday we met the {prefix}{wrong}.", source))))
    print(f"{'mode':<14}{'garbling':<13}{'cases':>6}{'caught':>8}{'recall':>8}")
    for mode in ("English only", "with source"):
        for kind in kinds:
            n, c = total[(mode, kind)], caught[(mode, kind)]
            print(f"{mode:<14}{kind:<13}{n:>6}{c:>8}{100 * c / max(n, 1):>7.1f}%")
        print(f"{mode:<14}{'real names':<13}{clean[mode]:>6}{alarms[mode]:>8}  false alarms")
    acronym_table(termbase, rng)


def acronym_table(termbase, rng: random.Random) -> None:
    orgs = {a for e in termbase.entries.values() if e.kind in ("org", "country")
            for a in e.acronyms}
    total, caught, readable, real = Counter(), Counter(), 0, 0
    for entry in termbase.entries.values():
        acronym = next((a for a in entry.acronyms if a.isalpha() and a.isupper()), None)
        if acronym is None or len(acronym) < 3:
            continue
        words = acronym_expansion._WORD.findall(entry.en)
        real += 1
        readable += acronym_expansion._spelled(acronym, words, orgs)
        initials = {w[0].upper() for w in words}
        letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in initials]
        at = rng.randrange(1, len(acronym))
        wrong = acronym[:at] + rng.choice(letters) + acronym[at + 1:]
        if termbase.by_acronym(wrong):
            continue
        for form, name in (("as written", entry.en), ("lowercased", entry.en.lower())):
            total[form] += 1
            caught[form] += bool(list(acronym_expansion.check(
                pair(f"Yesterday we met the {name} ({wrong}).", None))))
    for form in ("as written", "lowercased"):
        n, c = total[form], caught[form]
        print(f"{'ACR002':<14}{'acr ' + form:<13}{n:>6}{c:>8}{100 * c / max(n, 1):>7.1f}%")
    print(f"{'ACR002':<14}{'acr readable':<13}{real:>6}{real - readable:>8}  real name+acronym "
          "pairs not read as an abbreviation")


if __name__ == "__main__":
    main()
