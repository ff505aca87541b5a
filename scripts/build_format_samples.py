"""Write the bilingual test files of tests/data/formats/ with translate-toolkit's own writers
and converters (a PO file, then ``po2xliff`` and ``po2tmx`` on it, and an XLIFF 2.0 file
from ``Xliff2File``), from four sentence pairs of corpus/ (see tests/data/formats/README.md).

    python scripts/build_format_samples.py
"""

from __future__ import annotations

import os
import subprocess

from translate.storage import po
from translate.storage.xliff2 import Xliff2File

OUT = os.path.join("tests", "data", "formats")
PAIRS = [
    ("Прошу обратить внимание на эти новые механизмы взаимодействия с СНГ.",
     "Please draw your attention to these new mechanisms of interaction with the CIS."),
    ("Площадка ООН фактически стала одним из основных мест, где партнеры по ОДКБ выступают "
     "с совместными заявлениями.",
     "The UN site has essentially become one of the main places where CSTO partners make "
     "joint statements."),
    # injected error: 2016 -> 2015 in the English
    ("Последний был подписан 19 сентября 2016 года в ходе Саммита по проблемам беженцев и "
     "мигрантов в Нью-Йорке.",
     "The latter was signed on September 19, 2015 during the Summit on Refugees and Migrants "
     "in New York."),
    ("Уважаемые коллеги,", "Distinguished Colleagues,"),
]


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    store = po.pofile()
    store.updateheader(add=True, Language="en", Content_Type="text/plain; charset=UTF-8")
    for ru, en in PAIRS:
        store.addsourceunit(ru).target = en
    path = os.path.join(OUT, "sample.po")
    with open(path, "wb") as handle:
        handle.write(bytes(store))
    subprocess.run(["po2xliff", path, os.path.join(OUT, "sample.xlf")], check=True)
    subprocess.run(["po2tmx", "--language", "en", "--source-language", "ru", path,
                    os.path.join(OUT, "sample.tmx")], check=True)
    xliff2 = Xliff2File()
    xliff2.setsourcelanguage("ru")
    xliff2.settargetlanguage("en")
    for number, (ru, en) in enumerate(PAIRS, 1):
        unit = xliff2.addsourceunit(ru)
        unit.target = en
        unit.setid(str(number))
    with open(os.path.join(OUT, "sample.xlf2"), "wb") as handle:
        handle.write(bytes(xliff2))


if __name__ == "__main__":
    main()
