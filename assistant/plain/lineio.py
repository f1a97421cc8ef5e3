"""The streams a line front end talks through (kept apart so the full-screen app can use
them for its saving questions without importing the line conversation and the engine)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO


@dataclass
class LineIO:
    """Input and output streams, and whether to print a prompt (only for a real terminal)."""

    stdin: IO[str]
    stdout: IO[str]
    prompt: bool = False
    #: Where problems go (standard error when None).
    stderr: IO[str] | None = None
