"""Plain mode in a terminal breaks lines between words, not where the edge falls
(walkthrough at 80 columns: "assess / ment"), and says the same words either way."""

from __future__ import annotations

import io

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO
from assistant.plain.lineio import wrap_lines
from assistant.plain.spoken_console import SpokenConversation

#: Into the England conversation, to the carers' rights: long sentences and long options.
TYPED = ["1", "1", "1", "2", "", "yes", "more", "repeat"]


def _run(england: Bundle, width: int | None, kind: type[LineConversation]) -> str:
    out = io.StringIO()
    conversation = kind(
        Session(england),
        translator_for("en_GB"),
        LineIO(io.StringIO("\n".join(TYPED) + "\n"), out, width=width),
    )
    conversation.run()
    return out.getvalue()


def test_plain_mode_fits_80_columns_breaking_only_between_words(england: Bundle) -> None:
    wrapped = _run(england, 80, LineConversation)
    whole = _run(england, None, LineConversation)
    assert any(len(line) > 80 for line in whole.splitlines())  # there was something to wrap
    assert all(len(line) < 80 for line in wrapped.splitlines())
    assert wrapped.split() == whole.split()  # the same words, none cut in two
    assert wrapped.count("\n") > whole.count("\n")


def test_a_long_option_lines_up_under_its_words() -> None:
    text = "  2. " + "a long option that goes on " * 5
    lines = wrap_lines(text, 40).splitlines()
    assert lines[0].startswith("  2. a long")
    assert all(line.startswith("     ") and line[5] != " " for line in lines[1:])
    assert wrap_lines("See https://" + "x" * 90, 40).splitlines()[1] == "https://" + "x" * 90


def test_the_screen_reader_mode_wraps_without_indents(england: Bundle) -> None:
    wrapped = _run(england, 60, SpokenConversation)
    whole = _run(england, None, SpokenConversation)
    assert all(len(line) < 60 for line in wrapped.splitlines())
    assert not [line for line in wrapped.splitlines() if line.startswith(" ")]
    assert wrapped.split() == whole.split()


def test_output_that_is_not_a_terminal_is_not_wrapped() -> None:
    assert LineIO(io.StringIO(), io.StringIO()).line_width() is None
    assert LineIO(io.StringIO(), io.StringIO()).fitted("word " * 40) == "word " * 40


def test_a_terminal_that_reports_no_width_is_not_wrapped_to_twenty_columns() -> None:
    # A terminal whose size was never set (a serial console, a program's pseudo-terminal)
    # reports 0 columns, and every line was broken at the 20-column floor.
    import os
    import pty

    leader, follower = pty.openpty()
    with os.fdopen(follower, "w") as screen:
        assert os.get_terminal_size(follower).columns == 0
        io_ = LineIO(io.StringIO(), screen)
        line = "Get ready to plan your care and support with your council. " * 2
        assert io_.line_width() is None
        assert io_.fitted(line) == line
    os.close(leader)
