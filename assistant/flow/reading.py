"""Reading a flow file safely: only a regular file, only so much, only text YAML can take.

Flow files are untrusted input, and a path in a bundle can name anything: a folder, a
FIFO that never ends (reading it waits for ever), ``/dev/zero`` (reading it fills the
memory), a file of binary junk. Everything that reads flow files (the loader, the
bundle's digest, the cache's key) reads through :func:`read_flow_bytes` or
:func:`read_flow_text`, which refuse those before anything is parsed. A refusal is an
:class:`UnusableFlowFile` carrying ``line:column``, what is wrong and the fix.

Nesting is limited while parsing (:data:`MAX_NESTING`, see :mod:`assistant.flow.yamlpos`):
the YAML parser takes time that grows with the square of the depth, so a file of 100,000
nested brackets must be stopped at the first bracket too many, not parsed.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from assistant.flow.problems import Problem

#: Largest flow file read, in bytes. The largest shipped file is about 30 KB; a generated
#: 2,000-step flow is under 1 MB.
MAX_BYTES = 4 * 1024 * 1024
#: Deepest nesting of lists and mappings in a flow file. A step sits at depth 3 to 5
#: (``steps`` → the step → ``choices`` → a choice); 64 leaves room for any real flow.
MAX_NESTING = 64
#: Characters YAML does not allow (PyYAML refuses them with an error that has no line):
#: control characters other than tab and line breaks, DEL, C1 controls other than NEL,
#: and the two non-characters U+FFFE and U+FFFF.
_NOT_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


class UnusableFlowFile(OSError):
    """A flow file that cannot be read as one: where (1-based), the rule, what, and the fix.

    An :class:`OSError`, so code that already treats an unreadable file as "read it the
    long way" (the cache) does so for these too, and the loader then reports the problem.
    """

    def __init__(self, rule: str, message: str, fix: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.fix = fix
        self.line = line
        self.column = column

    def problem(self, display: str) -> Problem:
        """The refusal as a problem in ``display`` (the file's name as the person sees it)."""
        return Problem(display, self.line, self.column, self.rule, self.message, self.fix)


def read_flow_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`; else UnusableFlowFile.

    The file is opened without waiting (a FIFO with no writer would block the open itself)
    and checked on its open handle, so it cannot be swapped between the check and the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise _not_a_file("a folder") from None
    except OSError as error:
        raise UnusableFlowFile(
            "unreadable",
            f"The file cannot be opened ({error.strerror or error.__class__.__name__}).",
            "Check that it exists and that this account may read it.",
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(_kind(info.st_mode))
        if info.st_size > MAX_BYTES:
            raise _too_large()
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:  # it grew while being read
        raise _too_large()
    return data


def read_flow_text(path: Path) -> str:
    """The file as text YAML can parse, or :class:`UnusableFlowFile` saying where it is not.

    It must be UTF-8 without control characters (a NUL byte, an escape...); the problem
    names the line and column of the first one.
    """
    return flow_text(read_flow_bytes(path))


def flow_text(data: bytes) -> str:
    """``data`` decoded as a flow file's text (see :func:`read_flow_text`)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data[: error.start].decode("utf-8", errors="replace"))
        raise UnusableFlowFile(
            "not-utf8",
            "This part of the file is not UTF-8 text.",
            "Save the file as UTF-8 (most editors offer it under 'Save as').",
            line,
            column,
        ) from None
    found = _NOT_YAML.search(text)
    if found is not None:
        line, column = _position(text[: found.start()])
        raise UnusableFlowFile(
            "control-character",
            f"The file contains a control character (U+{ord(found.group()):04X}) here.",
            "Delete it: flow files hold text only. If it came from copying and pasting, "
            "retype that part.",
            line,
            column,
        )
    return text


def _position(before: str) -> tuple[int, int]:
    """Line and column (1-based) just after ``before``."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _not_a_file(kind: str) -> UnusableFlowFile:
    return UnusableFlowFile(
        "not-a-file",
        f"This path is {kind}, not a flow file.",
        "Point to an ordinary .yaml file, or move that out of the bundle folder.",
    )


def _too_large() -> UnusableFlowFile:
    return UnusableFlowFile(
        "too-large",
        f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB, the most a flow file may be.",
        "Split the conversation into several modules listed in bundle.yaml.",
    )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
