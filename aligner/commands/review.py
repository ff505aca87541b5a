"""`aligner review`: decide on each finding in the browser; Finish writes the corrected files."""

from __future__ import annotations

import os
import threading
import webbrowser

import click

from aligner.config import load_config
from aligner.engine import check_paths
from aligner.errors import UsageError
from aligner.review.server import ReviewServer
from aligner.review.session import Outputs, ReviewSession, default_decisions_path


@click.command("review")
@click.argument("path", type=click.Path())
@click.option("--source", type=click.Path(dir_okay=False), default=None,
              help="Russian original of the English FILE.")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False), default=None,
              help="Decisions file (default: beside PATH, .NAME.decisions.json or DIR/.aligner-decisions.json).")
@click.option("--output-dir", default="reviewed", show_default=True, type=click.Path(file_okay=False),
              help="Where Finish writes the corrected files, their .diff and .json changelogs.")
@click.option("--in-place", is_flag=True, help="Finish corrects the input files themselves (PATH.orig kept).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open a browser.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Settings file (default: the [aligner] section of ./setup.cfg).")
@click.option("--encoding", default=None, help="Input encoding (default: detect).")
@click.pass_obj
def command(settings, path: str, source: str | None, decisions_path: str | None, output_dir: str,
            in_place: bool, port: int, no_browser: bool, config_path: str | None, encoding: str | None) -> int:
    """Review the findings on PATH (a corpus folder or one English file) in the browser:
    accept a suggestion (a), reject a false alarm with a reason (r), type your own
    rendering (e) or edit any English row; j/k move between findings.

    The page is served on 127.0.0.1 only, under a random token. Every decision is saved
    at once to the decisions file, so a second run resumes; Finish writes each corrected
    file with its unified diff and JSON changelog (as `aligner fix`) to --output-dir,
    never over the inputs unless --in-place. `aligner fix --decisions FILE` applies the
    same file and `aligner check --baseline FILE` leaves its rejected findings out.

    \b
    Example:
      aligner review corpus/
      aligner review corpus/en/002_63d1d6def9e2a9b0.txt --no-browser
    """
    result = check_paths([path], source, load_config(config_path), encoding).require_all()
    root = path if os.path.isdir(path) else None
    decisions = decisions_path or default_decisions_path(path)
    session = ReviewSession(result, decisions, Outputs(output_dir, root, in_place), title=f"aligner review: {path}")
    try:
        server = ReviewServer(session, port)
    except OSError as error:
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    click.echo(f"aligner: reviewing {len(result.findings)} findings in {len(result.pairs)} file(s); "
               f"decisions are saved to {decisions}")
    click.echo(f"aligner: open {server.url}  (Ctrl+C stops; decisions are kept)")
    if not no_browser:
        webbrowser.open(server.url)
    try:
        while not server.done.wait(0.5):
            pass
    except KeyboardInterrupt:
        click.echo("aligner: stopped; run the same command again to resume")
        return 0
    finally:
        server.shutdown()
        server.server_close()
    for item in session.finished["files"]:
        edits = f"{item['applied']} edit{'s' * (item['applied'] != 1)}"
        click.echo(f"aligner: wrote {item['corrected']} ({edits}), {item['diff']}, {item['changelog']}")
    return 0
