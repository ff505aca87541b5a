"""Speed of reading a large XLIFF and checking it: corpus/xliff/corpus.xlf repeated N times.

    python bench/formats.py [N]        # default 20 (about 5.5 MB, 3080 units)

Prints the file size, units, and seconds to read (parse + mask + byte offsets), to lay out
sentences and beads, and for the whole `aligner check` of the file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from aligner.engine import check_paths  # noqa: E402
from aligner.formats import read_bilingual  # noqa: E402
from aligner.formats.document import unit_documents  # noqa: E402


def main(copies: int = 20) -> None:
    with open(os.path.join(ROOT, "corpus", "xliff", "corpus.xlf"), "rb") as handle:
        data = handle.read()
    head, rest = data.split(b"<file ", 1)
    files = b"<file " + rest.rsplit(b"</xliff>", 1)[0]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.xlf")
        with open(path, "wb") as handle:
            handle.write(head + files * copies + b"</xliff>\n")
        start = time.perf_counter()
        bilingual = read_bilingual(path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        unit_documents(bilingual)
        layout = time.perf_counter() - start
        start = time.perf_counter()
        result = check_paths([path])
        check = time.perf_counter() - start
    print(f"{os.path.getsize(os.path.join(ROOT, 'corpus', 'xliff', 'corpus.xlf')) * copies / 1e6:.1f} MB, "
          f"{len(bilingual.units)} units: read {read:.2f} s, sentences and beads {layout:.2f} s, "
          f"aligner check {check:.1f} s ({len(result.findings)} findings)")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
