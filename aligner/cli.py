"""Command line: a thin click layer over the library API.

Each command lives in ``aligner/commands/<name>.py`` and exposes ``command``.
Exit codes (as ruff): 0 clean, 1 findings at or above ``--fail-on``, 2 usage,
configuration or input error and any internal error (one line; the traceback only with
``--debug``).
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass

import click

from aligner import __version__
from aligner.errors import AlignerError, one_line
from aligner.parallel import tune_process

# Command modules, registered in this order in `aligner --help`.
COMMAND_MODULES = [
    "detect", "split", "sentences",
    "align",
    "report", "review", "fix", "score",
    "check", "rules",
]


@dataclass
class Settings:
    """Options shared by every command, built once by the group."""

    debug: bool = False
    quiet: bool = False

    def progress(self, label: str):
        """A progress bar on stderr as a context giving ``update(done, total)``; silent (None)
        when stderr is not a terminal or with ``--quiet``."""
        if self.quiet or not sys.stderr.isatty():
            return contextlib.nullcontext(None)
        return _Bar(label)

    def log(self, message: str) -> None:
        """Progress and notes go to stderr so that stdout stays for results."""
        click.echo(message, err=True)

    def problems(self, result) -> None:
        """One line per file or rule that could not be checked (the traceback with --debug)."""
        for problem in result.problems:
            click.echo(one_line(f"aligner: error: {problem}"), err=True)
            if self.debug and problem.detail:
                click.echo(problem.detail.rstrip(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="aligner")
@click.option("--debug", is_flag=True, help="Show tracebacks and which rule or table row fired.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars (they show only on a terminal anyway).")
@click.pass_context
def cli(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Align Russian sources with their English translations and flag garbled renderings.

    \b
    Example:
      aligner check corpus/            # QA the bundled corpus
      aligner COMMAND --help           # help and an example for each command
    """
    ctx.obj = Settings(debug=debug, quiet=quiet)


class _Bar:
    """click's progress bar on stderr, driven by ``update(done, total)``."""

    def __init__(self, label: str):
        self.bar = click.progressbar(length=1, label=label, file=sys.stderr)

    def __enter__(self):
        self.bar.__enter__()
        return self.update

    def update(self, done: int, total: int) -> None:
        self.bar.length = max(total, 1)
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc):
        self.bar.__exit__(*exc)


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"aligner.commands.{name}")
        cli.add_command(module.command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of exiting (for tests and ``python -m``)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    tune_process()
    try:
        result = cli.main(args=args, prog_name="aligner", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("aligner: aborted", err=True)
        return 2
    except click.ClickException as error:
        error.show()
        return 2
    except AlignerError as error:
        if debug:
            raise
        click.echo(one_line(f"aligner: error: {error}"), err=True)
        return 2
    except KeyboardInterrupt:
        click.echo("aligner: interrupted", err=True)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line and exit 2, never a traceback read as "findings"
        if debug:
            raise
        where = _where(error)
        click.echo(f"aligner: error: internal error{where}: {type(error).__name__}: {error} "
                   "(a bug in aligner; rerun with --debug and report it)", err=True)
        return 2
    return result if isinstance(result, int) else 0


def _where(error: BaseException) -> str:
    """" in FILE:LINE" of the innermost aligner frame of an exception, if any."""
    import traceback

    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "aligner" in frame.filename]
    if not frames:
        return ""
    frame = frames[-1]
    return f" in {frame.filename.rsplit('aligner', 1)[-1].lstrip('/')}:{frame.lineno}"
