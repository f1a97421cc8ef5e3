"""The streams a line front end talks through (kept apart so the full-screen app can use
them for its saving questions without importing the line conversation and the engine)."""

from __future__ import annotations

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
