"""The streams a line front end talks through (kept apart so the full-screen app can use
them for its saving questions without importing the line conversation and the engine)."""

from __future__ import annotations

import re
import sys
from typing import IO


class LineIO:
    """Input and output streams, and whether to print a prompt (only for a real terminal).

    A plain class rather than a dataclass: it is made before the app's first screen, and
    making a dataclass costs a little of every start.
    """

    def __init__(
        self,
        stdin: IO[str],
        stdout: IO[str],
        prompt: bool = False,
        stderr: IO[str] | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.prompt = prompt
        #: Where problems go (standard error when None).
        self.stderr = stderr


#: The longest line read as one answer or command (a JSON line with a long answer written
#: as \u escapes fits easily). Anything longer is read to its end and refused, so a stuck
#: key or a runaway program cannot fill the memory.
LINE_LIMIT = 65_536
#: What a character that could not be read becomes (U+FFFD REPLACEMENT CHARACTER).
REPLACEMENT = "\ufffd"
_SURROGATES = re.compile("[\ud800-\udfff]")


class Line:
    """One line of input, cleaned: its text, and what had to be done to it.

    ``replaced``: some of it was not readable text (bytes that are not UTF-8, or a lone
    surrogate in a JSON escape) and became U+FFFD; the person is told. ``too_long``: it
    was longer than :data:`LINE_LIMIT` and ``text`` is empty; the person is told.
    """

    __slots__ = ("replaced", "text", "too_long")

    def __init__(self, text: str, *, replaced: bool = False, too_long: bool = False) -> None:
        self.text = text
        self.replaced = replaced
        self.too_long = too_long


def readable(text: str) -> tuple[str, bool]:
    """``text`` with every lone surrogate made U+FFFD, and whether there was any.

    Undecodable input bytes arrive as lone surrogates (the stream reads with
    ``surrogateescape``), and so do JSON escapes such as ``\\ud800``. Neither can be
    written as UTF-8, saved or printed, so each becomes the replacement character.
    """
    cleaned, count = _SURROGATES.subn(REPLACEMENT, text)
    return cleaned, count > 0


def read_line(stream: IO[str]) -> Line | None:
    """The next line without its line ending, or None at the end of input."""
    text = stream.readline(LINE_LIMIT)
    if not text:
        return None
    if len(text) >= LINE_LIMIT and not text.endswith("\n"):
        while (rest := stream.readline(LINE_LIMIT)) and not rest.endswith("\n"):
            pass  # read the rest of the over-long line and drop it
        return Line("", too_long=True)
    cleaned, replaced = readable(text.rstrip("\r\n"))
    return Line(cleaned, replaced=replaced)


def prepare_streams(*, json_mode: bool) -> None:
    """Make the standard streams safe for a line conversation, before anything is read.

    Input never stops the program: bytes that are not text in the terminal's encoding are
    kept as surrogates (then replaced, see :func:`readable`) instead of raising, whatever
    the locale. JSON lines are always UTF-8 both ways, as JSON requires; plain text keeps
    the terminal's encoding, and a character it cannot show is replaced rather than fatal.
    """
    stdin, stdout = sys.stdin, sys.stdout
    if json_mode:
        _reconfigure(stdin, encoding="utf-8", errors="surrogateescape")
        _reconfigure(stdout, encoding="utf-8", errors="strict")
    else:
        _reconfigure(stdin, errors="surrogateescape")
        _reconfigure(stdout, errors="replace")


def _reconfigure(stream: object, **options: str) -> None:
    reconfigure = getattr(stream, "reconfigure", None)  # absent on a replaced stream
    if reconfigure is not None:
        reconfigure(**options)
