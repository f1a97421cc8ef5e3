"""The streams a line front end talks through (kept apart so the full-screen app can use
them for its saving questions without importing the line conversation and the engine)."""

from __future__ import annotations

import os
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
        width: int | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.prompt = prompt
        #: Where problems go (standard error when None).
        self.stderr = stderr
        #: Columns to wrap text to; None: the terminal's width, or no wrapping when the
        #: output is not a terminal (a pipe, a file, another program).
        self.width = width

    def line_width(self) -> int | None:
        """The columns output is wrapped to now (asked each time: a terminal may be
        resized), or None for output that is not a terminal or whose width is not known."""
        if self.width is not None:
            return self.width
        try:
            if not self.stdout.isatty():
                return None
            columns = os.get_terminal_size(self.stdout.fileno()).columns
        except (AttributeError, OSError, ValueError):  # a replaced or closed stream
            return None
        return columns or None  # 0: a terminal whose size was never set, so not known

    def fitted(self, text: str, *, indent: bool = True) -> str:
        """``text`` wrapped between words to the terminal's width (see :func:`wrap_lines`)."""
        width = self.line_width()
        return text if width is None else wrap_lines(text, width, indent=indent)


#: A numbered option's start ("  3. "), whose later lines line up under its words.
_NUMBERED = re.compile(r"\s*\d+\.\s+")


def wrap_lines(text: str, width: int, *, indent: bool = True) -> str:
    """Each line of ``text`` wrapped between words to fit ``width`` columns.

    A terminal wraps a long line wherever the edge falls, mid-word ("assess / ment"), and a
    screen reader or braille display reading by screen line gets the halves. Here lines
    break only between words; a word longer than the line (a web address) is left whole.
    A line's later parts keep its indent, and under a numbered option line up with the
    option's words; nothing else is added (no marks, no bullets), so what is read is the
    same words. One column is kept free: some terminals wrap a line that fills the last one.
    ``indent=False`` (the screen-reader mode, which has no indents) starts every part at
    the margin.
    """
    import textwrap  # only when output is a terminal: not part of every start

    room = max(width - 1, 20)
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= room:
            lines.append(line)
            continue
        numbered = _NUMBERED.match(line)
        lead = line[: len(line) - len(line.lstrip())]
        hanging = (" " * numbered.end() if numbered else lead) if indent else ""
        lines += textwrap.wrap(
            line,
            room,
            subsequent_indent=hanging,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    return "\n".join(lines)


#: The longest line read as one answer or command (a JSON line with a long answer written
#: as \u escapes fits easily). Anything longer is read to its end and refused, so a stuck
#: key or a runaway program cannot fill the memory.
LINE_LIMIT = 65_536
#: What a character that could not be read becomes (U+FFFD REPLACEMENT CHARACTER).
REPLACEMENT = "\ufffd"
#: What cannot be kept as typed: lone surrogates (see :func:`readable`) and control
#: characters other than tab and newline (NUL, bell, backspace, escape, DEL, the C1 set).
_UNREADABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    """``text`` with every lone surrogate and control character made U+FFFD, and whether
    there was any.

    Undecodable input bytes arrive as lone surrogates (the stream reads with
    ``surrogateescape``), and so do JSON escapes such as ``\\ud800``. Neither can be
    written as UTF-8, saved or printed, so each becomes the replacement character. So does
    a control character: an answer is printed back (in the next question, the review, the
    plan), and an escape sequence in it could clear the screen or hide words.
    """
    cleaned, count = _UNREADABLE.subn(REPLACEMENT, text)
    return cleaned, count > 0


def read_line(stream: IO[str]) -> Line | None:
    """The next line without its line ending, or None at the end of input.

    Input that cannot be read is the end of input too: a terminal that hung up (a dropped
    remote session fails with EIO), or a descriptor open only for writing. The
    conversation then saves and ends as it would at Ctrl-D.
    """
    try:
        text = stream.readline(LINE_LIMIT)
    except OSError:
        return None
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
