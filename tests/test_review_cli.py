"""`aligner review`, `fix --decisions` and `check --baseline DECISIONS` from the command line."""

import http.client
import json
import os
import re
import shlex
import shutil
import threading
import webbrowser
from pathlib import Path

import pytest

from aligner.cli import main
from aligner.engine import check_files

CORPUS = Path(__file__).parents[1] / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    for side in ("en", "ru"):
        (tmp_path / "corpus" / side).mkdir(parents=True)
        shutil.copy(CORPUS / side / NAME, tmp_path / "corpus" / side / NAME)
    monkeypatch.chdir(tmp_path)
    return Path("corpus")


def decisions_file(path: Path, en: str) -> dict:
    """Accept NAM001 and reject UNT001 on ``en``, as the review page would save them."""
    findings = {f.rule: f for f in check_files([en]).findings}
    entries = [dict(fingerprint=f.fingerprint, rule=f.rule, path=f.path, start=f.start, end=f.end, decision=d)
               for f, d in ((findings["NAM001"], "accept"), (findings["UNT001"], "reject"))]
    entries[0]["replacement"] = "Ming"
    entries.append(dict(entries[0], start=0, end=3, decision="accept"))  # no finding there: stale
    data = {"format": "aligner-decisions", "version": 1, "findings": entries, "edits": []}
    path.write_text(json.dumps(data), encoding="utf-8")
    return data


def test_check_reads_rejected_findings_from_a_decisions_file(corpus, tmp_path, capsys):
    en = str(corpus / "en" / NAME)
    decisions_file(tmp_path / "d.json", en)
    assert main(["check", en]) == 0
    before = capsys.readouterr().out
    assert " UNT001 " in before and " NAM001 " in before
    assert main(["check", en, "--baseline", str(tmp_path / "d.json")]) == 0
    after = capsys.readouterr()
    assert " UNT001 " not in after.out and " NAM001 " in after.out  # only the rejected one is gone
    assert after.err.endswith("; 1 in the baseline.\n")


def test_fix_applies_a_decisions_file_and_names_stale_decisions(corpus, tmp_path, capsys):
    en = str(corpus / "en" / NAME)
    decisions_file(tmp_path / "d.json", en)
    assert main(["fix", en, "--decisions", str(tmp_path / "d.json"), "-o", "fixed.txt"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "applied 1 edit (NAM001 1); 0 in conflict, not applied; 0 skipped"
    assert err == f"aligner: note: {tmp_path / 'd.json'}: 1 decision(s) match no finding or text of {en} now; " \
                  "not applied\n"
    assert Path("fixed.txt").read_text(encoding="utf-8").count("Zhang Ming") == 2
    assert [e["rule"] for e in json.loads(Path("fixed.txt.json").read_text(encoding="utf-8"))["edits"]] == ["NAM001"]


def test_a_broken_decisions_file_is_a_one_line_error(corpus, tmp_path, capsys):
    (tmp_path / "d.json").write_text('{"format": "aligner-decisions", "version": 1, "findings": [{}]}')
    assert main(["fix", str(corpus / "en" / NAME), "--decisions", str(tmp_path / "d.json"), "-o", "x.txt"]) == 2
    assert capsys.readouterr().err == f"aligner: error: {tmp_path / 'd.json'}: finding 1: 'decision' must be a string\n"
    assert not Path("x.txt").exists()


def test_review_opens_the_browser_and_serves_until_finish(corpus, monkeypatch, capsys):
    """The 'browser' here is the test: it gets the address and presses Finish over HTTP."""
    total = len(check_files([str(corpus / "en" / NAME)]).findings)
    opened = []

    def browser(url):
        opened.append(url)
        port, token = int(url.split(":")[2].split("/")[0]), url.split("/")[3]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", f"/{token}/")
        assert connection.getresponse().read().count(b'class="note ') == total
        connection.request("POST", f"/{token}/api/finish", body="{}",
                           headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"})
        assert connection.getresponse().status == 200

    monkeypatch.setattr(webbrowser, "open", lambda url: threading.Thread(target=browser, args=(url,)).start())
    assert main(["review", str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    target = os.path.join("reviewed", "en", NAME)
    assert lines == [f"aligner: reviewing {total} findings in 1 file(s); decisions are saved to "
                     f"{corpus / '.aligner-decisions.json'}",
                     f"aligner: open {opened[0]}  (Ctrl+C stops; decisions are kept)",
                     f"aligner: wrote {target} (0 edits), {target}.diff, {target}.json"]
    assert opened[0].startswith("http://127.0.0.1:")
    assert Path(target).read_bytes() == (corpus / "en" / NAME).read_bytes()  # nothing decided: unchanged


def test_review_of_a_missing_path_is_a_one_line_error(tmp_path, capsys):
    assert main(["review", str(tmp_path / "nothing.txt"), "--no-browser"]) == 2
    assert capsys.readouterr().err.startswith(f"aligner: error: {tmp_path / 'nothing.txt'}: ")


def test_a_port_in_use_is_a_one_line_error(corpus, capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["review", str(corpus), "--no-browser", "--port", str(port)]) == 2
    assert capsys.readouterr().err.startswith(f"aligner: error: cannot listen on 127.0.0.1:{port}: ")


def readme_samples() -> list[tuple[list[str], str]]:
    """(arguments, expected output) of each console sample in the README's review section."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Decide in the browser: `aligner review`"):]
    section = section[:section.index("\n### ", 1)]
    samples = []
    for block in re.findall(r"```console\n(.*?)```", section, re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ aligner ")
        samples.append((shlex.split(command[len("$ aligner "):]), output))
    return samples


def test_readme_review_samples_are_real_output(corpus, monkeypatch, capsys):
    """The review sample's browser accepts NAM001 and rejects UNT001 over HTTP, then Finish."""
    findings = {f.rule: f for f in check_files([str(corpus / "en" / NAME)]).findings}
    opened = []

    def browser(url):
        opened.append(url)
        port, token = int(url.split(":")[2].split("/")[0]), url.split("/")[3]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"}
        for rule, decision in (("NAM001", {"decision": "accept", "replacement": "Ming"}),
                               ("UNT001", {"decision": "reject", "reason": "deliberate"}), (None, None)):
            f = findings.get(rule)
            entry = dict(decision, fingerprint=f.fingerprint, rule=rule, path=f.path, start=f.start, end=f.end) \
                if f else {}
            connection.request("POST", f"/{token}/api/{'decision' if f else 'finish'}", body=json.dumps(entry),
                               headers=headers)
            assert connection.getresponse().read()

    monkeypatch.setattr(webbrowser, "open", lambda url: threading.Thread(target=browser, args=(url,)).start())
    samples = readme_samples()
    assert [arguments[0] for arguments, _ in samples] == ["review", "fix", "check"]
    for arguments, expected in samples:
        main(arguments)
        captured = capsys.readouterr()
        output = (captured.out + captured.err).replace(opened[0], "http://127.0.0.1:PORT/TOKEN/")
        assert output == expected, " ".join(arguments)
