"""Textual's containers, laid out once per change (see :mod:`assistant.ui.steady`).

Apart from the mixins because the start screen needs none of them: each widget class
made costs a part of every start.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical, VerticalScroll

from assistant.ui.steady import Steady


class Row(Steady, Horizontal):
    """A Horizontal laid out once per change (see the module docstring)."""


class Column(Steady, Vertical):
    """A Vertical laid out once per change (see the module docstring)."""


class ScrollColumn(Steady, VerticalScroll):
    """A VerticalScroll laid out once per change (see the module docstring)."""
