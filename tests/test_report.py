"""The HTML review report: layout of rows and highlights, escaping, self-containment."""

import re
from pathlib import Path

from aligner.records import Pair
from aligner.io import read_document
from aligner.records import Bead, Document, Sentence
from aligner.report import layout, render_report, summarize

DATA = Path(__file__).parent / "data" / "editor"
INJECTION = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'


def sentences(document):
    """One sentence per non-blank line (the test files are written that way)."""
    return [Sentence(s.start, s.end, s.text) for s in document.lines() if s.text.strip()]


def sputnik(en_text=None):
    """The WMT22 kp.96053 pair; sentence 6 omitted in English, an English addition after it."""
    ru = read_document(DATA / "sputnik_ru.txt")
    en = read_document(DATA / "sputnik_en.txt")
    if en_text is not None:
        en = Document(en.path, en_text)
    beads = ([Bead((i,), (i,), 0.9) for i in range(5)] + [Bead((5,), (), 0.0), Bead((), (5,), 0.0)]
             + [Bead((6,), (6,), 0.8), Bead((7,), (7,), 0.8)])
    return Pair(en, sentences(en), ru, sentences(ru), beads)


def findings(pair):
    text = pair.target.text
    popovic = text.index("Popović")
    approx = text.index("approximately 2 million")
    million = text.index("2 million doses")
    return [
        pair.finding("NAM001", "warning", popovic, popovic + 7, "name rendered two ways: Popović, Popovich",
                     replacement="Popovich"),
        pair.finding("NUM001", "error", approx, approx + 23, "number differs from the source"),
        pair.finding("TST001", "info", million, million + 15, "overlapping span", "two million doses",
                     advice="use “two million doses”"),
        pair.finding("OMI001", "error", pair.source_sentences[5].start, pair.source_sentences[5].end,
                     "sentence missing in the English", document=pair.source),
    ]


def test_rows_follow_the_beads_with_empty_cells_for_omission_and_addition():
    pair = sputnik()
    [section], other = layout([pair], findings(pair))
    assert other == []
    assert [row.kind for row in section.rows] == ["1-1"] * 5 + ["1-0", "0-1", "1-1", "1-1"]
    omission, addition = section.rows[5], section.rows[6]
    assert (omission.label, omission.en.pieces) == ("omission", [])
    assert (addition.label, addition.ru.pieces) == ("addition", [])
    assert addition.en.pieces[0].text.startswith("In this regard, the Republic")


def test_each_finding_is_cut_out_on_its_span_and_listed_on_its_row():
    pair = sputnik()
    [section], _ = layout([pair], findings(pair))
    row = section.rows[2]
    assert [(p.text, p.ids, p.severity) for p in row.en.pieces] == [
        ("Serbia produced ", (), ""),
        ("approximately ", (0,), "error"),
        ("2 million", (0, 1), "error"),
        (" doses", (1,), "info"),
        (" of the Russian Sputnik V vaccine, according to the Minister for Innovations and "
         "Technological Development Nenad ", (), ""),
        ("Popović", (2,), "warning"),
        (" in his interview with TASS.", (), ""),
    ]
    assert [note.finding.rule for note in row.notes] == ["NUM001", "TST001", "NAM001"]
    omission = section.rows[5]
    assert [(note.finding.rule, note.side) for note in omission.notes] == [("OMI001", "ru")]
    assert [p.ids for p in omission.ru.pieces] == [(3,)]


def test_summary_counts_by_rule_severity_and_file():
    pair = sputnik()
    sections, other = layout([pair], findings(pair))
    summary = summarize(sections, other)
    assert summary.by_rule == [("NUM001", "error", 1), ("OMI001", "error", 1),
                               ("NAM001", "warning", 1), ("TST001", "info", 1)]
    assert summary.by_severity == [("error", 2), ("warning", 1), ("info", 1)]
    assert summary.by_file == [(0, pair.target.path, 4)]
    assert summary.total == 4


def test_zero_length_and_unknown_file_findings_still_show():
    pair = sputnik()
    end = len(pair.target.text)
    whole = pair.finding("LEN001", "info", end, end, "file ends without a closing sentence")
    elsewhere = pair.finding("DUP001", "warning", 0, 6, "also in another file",
                             document=Document("other.txt", "Serbia"))
    [section], other = layout([pair], [whole, elsewhere])
    assert [note.finding.rule for note in section.rows[-1].notes] == ["LEN001"]
    assert [note.finding.rule for note in other] == ["DUP001"]


def test_a_file_without_source_or_alignment_shows_its_sentences():
    en = read_document(DATA / "sco_en.txt")
    [section], _ = layout([Pair(en, sentences(en))], [])
    assert section.ru_path is None and not section.aligned
    assert [(row.label, row.aligned) for row in section.rows] == [("", False)] * 4
    assert all(row.ru.pieces == [] for row in section.rows)
    html = render_report([Pair(en, sentences(en))], [])
    assert html.count('<td class="ru blank" lang="ru"></td>') == 4
    assert "No Russian source: English sentences only." in html and 'class="ru empty"' not in html


def test_every_input_text_is_escaped():
    pair = sputnik()
    text = pair.target.text.replace("most popular in Serbia.", "most popular in Serbia. " + INJECTION, 1)
    pair = sputnik(text)
    injected = text.index(INJECTION)
    finding = pair.finding("ESC001", "warning", injected, injected + 8, 'message with <b>"markup"</b>',
                           replacement="</li><script>alert(2)</script>")
    html = render_report([pair], [finding], title="<i>title</i>", signature="sig<&>")
    assert html.count("<script") == 1  # the report's own script only
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert ('<mark class="hl sev-warning" data-ids="0" title="ESC001">&lt;script&gt;</mark>document.title=&#34;pwned&#34;'
            "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") in html
    assert "message with &lt;b&gt;&#34;markup&#34;&lt;/b&gt;" in html
    assert "&lt;/li&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "sig&lt;&amp;&gt;" in html


def test_the_page_is_self_contained():
    pair = sputnik()
    html = render_report([pair], findings(pair))
    assert re.findall(r"<(?:link|iframe|object|embed|img)\b", html) == []
    assert re.findall(r"\b(?:src|href)=\"(?!#)", html) == []
    assert "@import" not in html and "url(" not in html
    assert re.findall(r"https?://", html) == []
    assert "default-src 'none'" in html  # the browser refuses any network load


def test_a_note_tells_a_replacement_from_advice():
    pair = sputnik()
    text = pair.target.text
    popovic, approx = text.index("Popović"), text.index("approximately 2 million")
    html = render_report([pair], [
        pair.finding("NAM001", "warning", popovic, popovic + 7, "two renderings", replacement="Popovich"),
        pair.finding("TST001", "info", approx, approx + 23, "wording", "about 2 million",
                     advice="use “about 2 million”"),
        pair.finding("NUM001", "error", approx, approx + 23, "number", advice="check the number against the source"),
    ])
    assert '<span class="sugg">Popovich</span>' in html
    assert ('<span class="sugg">use “about 2 million”'
            ' <span class="applies">(aligner fix writes “about 2 million”)</span></span>') in html
    assert '<span class="sugg advice">check the number against the source</span>' in html
