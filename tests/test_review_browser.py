"""`aligner review` in a real browser: headless Chromium drives the review of corpus 002.

The editor accepts the NAM001 finding (Zhang Min -> Zhang Ming) with ``a``, rejects the
Russian-headline finding with ``r`` and a reason, edits an English row by hand, and
presses Finish; the corrected file, its diff and changelog are then read back. The
static report's buttons are driven too: their decisions, exported from the browser,
are applied by ``aligner fix --decisions``. Chromium comes from Debian (skipped
without it), spoken to over the DevTools pipe as in test_browser.py.
"""

import json
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from test_browser import CHROMIUM, Browser

from aligner.cli import main
from aligner.engine import check_files
from aligner.report import render_report
from aligner.review.server import ReviewServer
from aligner.review.session import Outputs, ReviewSession

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")

CORPUS = Path(__file__).parents[1] / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"
WRONG = "has considered the issue of maintaining international and regional safety is a priority"
RIGHT = "has considered the issue of maintaining international and regional security a priority"


@pytest.fixture(scope="module")
def browser():
    with tempfile.TemporaryDirectory() as profile:
        chromium = Browser(profile)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Corpus file 002 and its source, copied and checked once: (English path, CheckResult)."""
    root = tmp_path_factory.mktemp("corpus")
    for side in ("en", "ru"):
        (root / side).mkdir()
        shutil.copy(CORPUS / side / NAME, root / side / NAME)
    en = root / "en" / NAME
    return en, check_files([str(en)])


class Review:
    """A review server on the checked file, run in a thread for the test."""

    def __init__(self, checked, folder: Path):
        en, result = checked
        self.en = en
        self.decisions = str(folder / "decisions.json")
        self.session = ReviewSession(result, self.decisions, Outputs(str(folder / "out")))
        self.server = ReviewServer(self.session)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def wait(browser, expression, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if browser.js(expression):
            return
        time.sleep(0.05)
    raise AssertionError(f"never true: {expression}")


def open_review(browser, url):
    browser.open(url)
    wait(browser, "document.body.getAttribute('data-review-ready') === '1'")


def go_to(browser, rule):
    """Press j until the current finding is one of ``rule``."""
    for _ in range(20):
        browser.press("j")
        if browser.js("(document.querySelector('li.note.current') || {}).dataset.rule") == rule:
            return
    raise AssertionError(f"no {rule} finding reached with j")


def type_text(browser, text):
    browser.page("Input.insertText", text=text)


def press_enter(browser, ctrl=False):
    modifiers = 2 if ctrl else 0
    for kind in ("keyDown", "keyUp"):
        browser.page("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                     windowsVirtualKeyCode=13, modifiers=modifiers, **({"text": "\r"} if kind == "keyDown" else {}))


def test_accept_reject_edit_and_finish_write_the_corrected_transcript(browser, checked, tmp_path):
    en = checked[0]
    original = en.read_bytes()
    review = Review(checked, tmp_path)
    try:
        open_review(browser, review.server.url)
        rules = browser.js("[...document.querySelectorAll('li.note')].map(n => n.dataset.rule)")
        assert "NAM001" in rules and "UNT001" in rules
        go_to(browser, "NAM001")
        browser.press("a")
        wait(browser, "document.querySelector('li.note[data-rule=NAM001]').classList.contains('dec-accept')")
        assert browser.js("document.querySelector('ins.repl').textContent") == "Ming"

        go_to(browser, "UNT001")
        browser.press("r")
        wait(browser, "document.activeElement.tagName === 'INPUT'")
        type_text(browser, "the bilingual headline is deliberate")
        press_enter(browser)
        wait(browser, "document.querySelector('li.note[data-rule=UNT001]').classList.contains('dec-reject')")

        cell = f"[...document.querySelectorAll('td.en')].find(td => td.textContent.includes('{WRONG}'))"
        browser.js(f"{cell}.querySelector('button.edit-row').click()")
        wait(browser, "document.activeElement.tagName === 'TEXTAREA'")
        prefilled = browser.js("document.activeElement.value")
        assert "Zhang Ming said" in prefilled  # the accepted fix in this row is already in
        browser.js(f"document.activeElement.value = document.activeElement.value.replace('{WRONG}', '{RIGHT}')")
        press_enter(browser, ctrl=True)
        wait(browser, f"{cell}.classList.contains('edited')")
        assert browser.js("document.querySelector('.progress').textContent") == (
            f"2 of {len(checked[1].findings)} findings decided, 1 row edited")

        saved = json.loads(Path(review.decisions).read_text(encoding="utf-8"))  # saved as made
        assert [(d["rule"], d["decision"], d.get("reason")) for d in saved["findings"]] == [
            ("NAM001", "accept", None), ("UNT001", "reject", "the bilingual headline is deliberate")]
        assert len(saved["edits"]) == 1 and RIGHT in saved["edits"][0]["after"]

        browser.js("document.querySelector('button.finish').click()")
        wait(browser, "document.body.getAttribute('data-finished') === '1'")
        assert review.server.done.is_set()
    finally:
        review.close()

    corrected = (tmp_path / "out" / NAME).read_text(encoding="utf-8")
    assert corrected.count("Zhang Ming") == 2 and "Zhang Min " not in corrected and "Zhang Min." not in corrected
    assert RIGHT in corrected and WRONG not in corrected
    log = json.loads((tmp_path / "out" / (NAME + ".json")).read_text(encoding="utf-8"))
    assert sorted((e["rule"], e["before"], e["after"]) for e in log["edits"]) == [
        ("EDIT", saved["edits"][0]["before"], saved["edits"][0]["after"]), ("NAM001", "Min", "Ming")]
    assert log["conflicts"] == [] and log["skipped"] == []
    diff = (tmp_path / "out" / (NAME + ".diff")).read_text(encoding="utf-8")
    assert "-" + "Speaking at a meeting" in diff and "+Speaking at a meeting" in diff
    assert en.read_bytes() == original  # the input is never touched


def test_a_second_run_resumes_and_e_types_a_rendering(browser, checked, tmp_path):
    review = Review(checked, tmp_path)
    try:
        open_review(browser, review.server.url)
        go_to(browser, "NAM001")
        browser.press("e")
        wait(browser, "document.activeElement.tagName === 'INPUT'")
        assert browser.js("document.activeElement.value") == "Ming"  # the suggestion, to change
        browser.js("document.activeElement.value = ''")
        type_text(browser, "Ming (Chinese: 张明)")
        press_enter(browser)
        wait(browser, "document.querySelector('li.note[data-rule=NAM001]').classList.contains('dec-edit')")
    finally:
        review.close()
    again = Review(checked, tmp_path)  # closing the browser lost nothing
    try:
        open_review(browser, again.server.url)
        assert browser.js("document.querySelector('li.note[data-rule=NAM001] .verdict').textContent") == (
            "Edited: “Min” → “Ming (Chinese: 张明)”")
        assert browser.js("document.querySelector('.progress').textContent") == (
            f"1 of {len(checked[1].findings)} findings decided")
        go_to(browser, "NAM001")
        browser.press("u")
        wait(browser, "!document.querySelector('li.note[data-rule=NAM001]').classList.contains('dec-edit')")
        assert json.loads(Path(again.decisions).read_text(encoding="utf-8"))["findings"] == []
    finally:
        again.close()


def test_the_static_report_keeps_decisions_that_fix_applies(browser, checked, tmp_path):
    en, result = checked
    page = tmp_path / "report.html"
    page.write_text(render_report(result.pairs, result.findings, rules=result.rules), encoding="utf-8")
    open_review(browser, page.as_uri())
    browser.js("localStorage.clear()")
    open_review(browser, page.as_uri())
    assert browser.js("document.querySelector('button.export') !== null")
    assert browser.js("document.querySelector('button.finish')") is None
    go_to(browser, "NAM001")
    browser.press("a")
    wait(browser, "document.querySelector('li.note[data-rule=NAM001]').classList.contains('dec-accept')")
    decided = f"1 of {len(result.findings)} findings decided"
    for _ in range(20):  # kept in the browser across a reload (the browser commits storage asynchronously)
        open_review(browser, page.as_uri())
        if browser.js("document.querySelector('.progress').textContent") == decided:
            break
        time.sleep(0.2)
    assert browser.js("document.querySelector('.progress').textContent") == decided
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
    browser.js("document.querySelector('button.export').click()")
    decisions = downloads / "decisions.json"
    deadline = time.monotonic() + 20
    while not decisions.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(decisions.read_text(encoding="utf-8"))["findings"][0]["rule"] == "NAM001"
    out = tmp_path / "fixed.txt"
    assert main(["fix", str(en), "--decisions", str(decisions), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("Zhang Ming") == 2
    log = json.loads((tmp_path / "fixed.txt.json").read_text(encoding="utf-8"))
    assert [(e["rule"], e["before"], e["after"]) for e in log["edits"]] == [("NAM001", "Min", "Ming")]
