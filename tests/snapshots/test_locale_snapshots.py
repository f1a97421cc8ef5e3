"""One snapshot per shipped language of the conversation screen (issue 8), at 80x24.

The same four answers as the English snapshots, so a reviewer can lay the pictures side
by side: question, choices, progress, side panel and key bar must all be translated.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_conversation_snapshots import SIZE, to_the_tasks_question

from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.ui.app import AssistantApp


@pytest.mark.parametrize("locale", ["cy", "pl"])
def test_conversation_in_each_language(
    snap_compare, example: Bundle, clock: Callable[[], str], locale: str
) -> None:  # type: ignore[no-untyped-def]
    app = AssistantApp(example, locale, "self", translator=translator_for(locale), clock=clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=to_the_tasks_question)
