"""Errors that the CLI turns into a one-line message and exit code 2."""


class AlignerError(Exception):
    """Base class: a problem the user can fix (bad input, bad option, bad config)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # keep path, line and column through pickling (worker processes)
        return self.__class__, (self.message, self.path, self.line, self.column)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return where + self.message


class InputError(AlignerError):
    """An input file is missing, unreadable, binary or undecodable."""


class ConfigError(AlignerError):
    """A configuration file, glossary or data table is malformed."""


class UsageError(AlignerError):
    """Options that cannot be used together, or an output that would overwrite an input."""


def one_line(message: str) -> str:
    """``message`` on one line: control characters (a newline in a file name) as ``\\n``,
    ``\\x1b``, and bidi controls as ``\\u202e``, so that one problem stays one line."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
                   for c in message)
