"""The HTML report in a real browser: headless Chromium driven over the DevTools pipe.

The page is loaded from a file, then inspected and typed into through the Chrome
DevTools Protocol on ``--remote-debugging-pipe`` (file descriptors 3 and 4), with the
standard library only. Skipped when Debian's ``chromium`` is not installed.
"""

import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from aligner.records import Pair
from aligner.io import read_document
from aligner.records import Bead, Document, Sentence
from aligner.report import render_report

DATA = Path(__file__).parent / "data" / "editor"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1366,900"]
INJECTION = '<script>document.title="pwned"</script><img src=x onerror="document.title=1">'
WAIT = 30  # seconds before a silent browser counts as broken

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(Debian package 'chromium'; .ci/run installs it)")


class Browser:
    """A headless Chromium with one page, spoken to as JSON messages separated by NUL bytes."""

    def __init__(self, profile: str):
        to_browser, self._commands = os.pipe()
        self._replies, from_browser = os.pipe()

        def wire():  # in the child: fd 3 reads our commands, fd 4 writes replies
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            for target, fd in zip((3, 4), high):  # via high numbers: the pipes may be 3 or 4 already
                os.dup2(fd, target)
                os.set_inheritable(target, True)

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(self, method: str, session: str | None = None, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._replies], [], [], WAIT)
            chunk = os.read(self._replies, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("chromium stopped answering")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def page(self, method: str, **params):
        return self.call(method, session=self.session, **params)

    def js(self, expression: str):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.page("Page.navigate", url="about:blank")
        self.page("Page.navigate", url=url)
        for _ in range(WAIT * 10):  # until the report's script has run
            if self.js("document.readyState === 'complete' && document.body.getAttribute('data-ready')") == "1":
                return
            select.select([], [], [], 0.1)
        raise RuntimeError(f"{url} did not finish loading")

    def press(self, key: str) -> None:
        self.page("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
        self.page("Input.dispatchKeyEvent", type="keyUp", key=key)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        try:
            self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)


@pytest.fixture(scope="module")
def browser():
    with tempfile.TemporaryDirectory() as profile:
        chromium = Browser(profile)
        try:
            yield chromium
        finally:
            chromium.close()


def sentences(document):
    return [Sentence(s.start, s.end, s.text) for s in document.lines() if s.text.strip()]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The Sputnik pair (one omission, one addition, an injected <script>) with four findings."""
    ru = read_document(DATA / "sputnik_ru.txt")
    original = read_document(DATA / "sputnik_en.txt")
    en = Document(original.path, original.text.replace("most popular in Serbia.",
                                                       "most popular in Serbia. " + INJECTION, 1))
    beads = ([Bead((i,), (i,), 0.9) for i in range(5)] + [Bead((5,), (), 0.0), Bead((), (5,), 0.0)]
             + [Bead((6,), (6,), 0.8), Bead((7,), (7,), 0.8)])
    pair = Pair(en, sentences(en), ru, sentences(ru), beads)
    text = en.text
    popovic, approx, script = text.index("Popović"), text.index("approximately 2"), text.index(INJECTION)
    findings = [
        pair.finding("NAM001", "warning", popovic, popovic + 7, "name rendered two ways", replacement="Popovich"),
        pair.finding("NUM001", "error", approx, approx + 15, "number differs from the source"),
        pair.finding("ESC001", "info", script, script + 8, "markup in the text", replacement="</li><b>x</b>"),
        pair.finding("OMI001", "error", pair.source_sentences[5].start, pair.source_sentences[5].end,
                     "sentence missing in the English", document=ru),
    ]
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report([pair], findings, title="Sputnik review"), encoding="utf-8")
    return path.as_uri()


def test_the_page_renders_rows_highlights_and_counts(browser, report):
    browser.open(report)
    assert browser.js("document.title") == "Sputnik review"
    assert browser.js("document.getElementById('count').textContent") == "4 of 4 findings shown"
    assert browser.js("document.querySelectorAll('tbody.row').length") == 9
    assert browser.js("[...document.querySelectorAll('mark.hl')].map(m => m.textContent)") == [
        "<script>", "approximately 2", "Popović",
        "В связи с этим республика планирует осуществить дополнительную закупку миллиона доз вакцины у России."]
    assert browser.js("[...document.querySelectorAll('td.empty')].map(td => td.className + '|' + td.textContent)") == [
        "en empty|", "ru empty|"]
    assert browser.js("getComputedStyle(document.querySelector('td.en.empty'), '::before').content") == (
        '"missing in the English (omission)"')
    assert browser.js("[...document.querySelectorAll('#summary .by-severity td.n')].map(td => td.textContent)") == [
        "2", "1", "1", "4"]


def test_input_markup_shows_as_text_and_never_runs(browser, report):
    browser.open(report)
    assert browser.js("document.querySelectorAll('script').length") == 1
    assert browser.js("document.querySelectorAll('img, b').length") == 0
    assert INJECTION in browser.js("document.querySelectorAll('tbody.row')[1].querySelector('td.en').textContent")
    assert browser.js("document.querySelector('li.note[data-rule=ESC001] .sugg').textContent") == "</li><b>x</b>"
    assert browser.js("document.title") == "Sputnik review"


def test_a_filter_in_the_url_hash_applies_on_load(browser, report):
    browser.open(report + "#severity=error")
    assert browser.js("document.getElementById('count').textContent") == "2 of 4 findings shown"
    assert browser.js("document.getElementById('filter-severity').value") == "error"
    assert browser.js("[...document.querySelectorAll('li.note:not([hidden])')].map(n => n.dataset.rule)") == [
        "NUM001", "OMI001"]
    assert browser.js("[...document.querySelectorAll('mark.hl.off')].map(m => m.textContent)") == [
        "<script>", "Popović"]


def test_choosing_a_rule_filters_and_only_rows_with_findings_hides_the_rest(browser, report):
    browser.open(report)
    browser.js("var s = document.getElementById('filter-rule'); s.value = 'NAM001';"
               "s.dispatchEvent(new Event('change'));"
               "var o = document.getElementById('filter-only'); o.checked = true; o.dispatchEvent(new Event('change'))")
    assert browser.js("location.hash") == "#rule=NAM001&only=1"
    assert browser.js("document.getElementById('count').textContent") == "1 of 4 findings shown"
    assert browser.js("[...document.querySelectorAll('tbody.row:not([hidden])')].map(r => r.id)") == ["r0-3"]


def test_keys_move_between_findings(browser, report):
    browser.open(report)
    browser.press("j")
    assert browser.js("document.getElementById('position').textContent") == "1 / 4"
    assert browser.js("document.querySelector('li.note.current').dataset.rule") == "ESC001"
    browser.press("n")
    browser.press("j")
    assert browser.js("document.querySelector('li.note.current').dataset.rule") == "NAM001"
    assert browser.js("document.querySelector('mark.current').textContent") == "Popović"
    browser.press("k")
    assert browser.js("document.getElementById('position').textContent") == "2 / 4"
    browser.press("p")
    browser.press("p")
    assert browser.js("document.getElementById('position').textContent") == "4 / 4"
    assert browser.js("document.querySelector('li.note.current').dataset.rule") == "OMI001"


def test_a_corpus_report_shows_every_finding(browser, tmp_path):
    """Two corpus files (one with additions and an omission) through the real engine."""
    from aligner.engine import check_directory

    corpus = Path(__file__).parents[1] / "corpus"
    for side in ("en", "ru"):
        (tmp_path / side).mkdir()
        for name in ("002_63d1d6def9e2a9b0.txt", "004_137a9162f5dac4a1.txt"):
            shutil.copy(corpus / side / name, tmp_path / side / name)
    result = check_directory(str(tmp_path))
    path = tmp_path / "report.html"
    path.write_text(render_report(result.pairs, result.findings, rules=result.rules), encoding="utf-8")
    total = len(result.findings)
    in_002 = sum(1 for f in result.findings if Path(f.path).name.startswith("002_"))
    assert in_002 > 0  # Zhang Ming / Zhang Min at least
    browser.open(path.as_uri())
    assert browser.js("document.querySelectorAll('section.file:not([hidden])').length") == 2
    assert browser.js("document.getElementById('count').textContent") == f"{total} of {total} findings shown"
    assert browser.js("document.querySelectorAll('li.note').length") == total
    spanned = {str(i) for i, f in enumerate(result.findings) if f.end > f.start}
    marked = browser.js("[...new Set([...document.querySelectorAll('mark.hl')].flatMap(m => m.dataset.ids.split(' ')))]")
    assert len(marked) == len(spanned)
    beads = [bead.kind for bead in result.pairs[1].beads]
    assert browser.js("document.querySelectorAll('#file-1 td.ru.empty').length") == beads.count("0-1")
    assert browser.js("document.querySelectorAll('#file-1 td.en.empty').length") == beads.count("1-0")
    browser.open(path.as_uri() + "#file=0")
    assert browser.js("[...document.querySelectorAll('section.file:not([hidden]) h2')].map(h => h.firstChild.textContent.trim())") == [
        result.pairs[0].target.path]
    assert browser.js("document.getElementById('count').textContent") == f"{in_002} of {total} findings shown"


def test_a_finding_in_the_url_is_selected_and_keys_update_the_url(browser, report):
    browser.open(report + "#finding=2")
    assert browser.js("document.querySelector('li.note.current').dataset.rule") == "NAM001"
    assert browser.js("document.getElementById('position').textContent") == "3 / 4"
    browser.press("j")
    assert browser.js("location.hash") == "#finding=3"
    browser.js("var s = document.getElementById('filter-severity'); s.value = 'error'; s.dispatchEvent(new Event('change'))")
    assert browser.js("location.hash") == "#severity=error"
    assert browser.js("document.querySelectorAll('.current').length") == 0
