"""The command-line group: version, help, and error handling."""

from aligner import __version__
from aligner.cli import cli, main


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"aligner, version {__version__}\n"


def test_every_command_has_help_with_an_example(capsys):
    assert cli.commands, "no command registered"
    for name in cli.commands:
        assert main([name, "--help"]) == 0
        text = capsys.readouterr().out
        assert "Example" in text, f"`aligner {name} --help` shows no example"


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["no-such-command"]) == 2
    assert "No such command 'no-such-command'" in capsys.readouterr().err
