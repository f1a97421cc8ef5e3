"""Ends a Textual app the moment its first frame has been written (for ``count_start``).

Python imports this ``sitecustomize`` at start-up when its folder is on PYTHONPATH: it
wraps the app's method that writes a frame to the terminal. A measuring probe only,
never part of the app; Textual is pinned exactly (see pyproject.toml).
"""

import os
from typing import Any

from textual.app import App

_write_frame = App._display


def _first_frame_then_exit(self: App[Any], screen: Any, renderable: Any) -> None:
    _write_frame(self, screen, renderable)
    if renderable is not None:  # a frame was written: stop counting here
        os._exit(0)


App._display = _first_frame_then_exit  # type: ignore[method-assign]
