"""The command lines that need no parser: a conversation started with flags only.

Nearly every start is ``support-plan`` with no arguments or a few flags written out in
full (``--plain``, ``--no-save``). Importing argparse and gettext and building the parser
was about 1.5 ms of each such start (issue 20's budgets 1 and 2), so
:mod:`assistant.__main__` asks :func:`flag_options` first and uses the full parser in
:mod:`assistant.cli` for everything else: a command, an option with a value, an
abbreviation, help, the version, or a mistake (whose message only the parser words).
Tests check that both read every command line of flags alike.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from assistant.startup import StartOptions

#: The conversation's options that take no value, and what each sets (the full parser's
#: ``--save``/``--no-save`` pair sets one option, the last one given winning).
FLAGS: dict[str, tuple[str, bool]] = {
    "--plain": ("plain", True),
    "--json": ("json", True),
    "--screen-reader": ("screen_reader", True),
    "--adviser": ("adviser", True),
    "--save": ("save", True),
    "--no-save": ("save", False),
}


def flag_options(argv: Sequence[str]) -> StartOptions | None:
    """The options of a command line made only of :data:`FLAGS`; None for any other."""
    given: dict[str, bool] = {}
    for arg in argv:
        flag = FLAGS.get(arg)
        if flag is None:
            return None
        given[flag[0]] = flag[1]
    return StartOptions(
        plain=given.get("plain", False),
        json=given.get("json", False),
        adviser=given.get("adviser", False),
        save=given.get("save"),
        screen_reader=screen_reader_wanted(given.get("screen_reader", False)),
    )


def screen_reader_wanted(option: bool) -> bool:
    """``--screen-reader``, or SUPPORT_PLAN_SCREEN_READER=1 (or yes, true, on)."""
    value = os.environ.get("SUPPORT_PLAN_SCREEN_READER", "")
    return option or value.strip().lower() in ("1", "yes", "true", "on")


def quiet_logs() -> None:
    """Warnings from the store and elsewhere must never spill onto a person's screen (and
    logs never carry answers); without a handler, Python would print them to stderr."""
    import logging  # start-up: asyncio and transitions import it anyway, a little later

    logging.getLogger("assistant").addHandler(logging.NullHandler())
