"""The start screen is drawn before the conversation loads, and nothing typed meanwhile is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual import events
from ui_helpers import SIZE

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp, Prepared
from assistant.ui.conversation import ConversationScreen
from assistant.ui.start import StartScreen


def _slow(example: Bundle, gate: threading.Event) -> Callable[[], Prepared]:
    """Loading that waits until the test lets it finish."""

    def prepare() -> Prepared:
        assert gate.wait(10), "the test never let loading finish"
        return Prepared(example)

    return prepare


async def test_start_pressed_while_loading_waits_and_keeps_the_keys_typed_ahead(
    example: Bundle, clock: Callable[[], str]
) -> None:
    gate = threading.Event()
    app = AssistantApp(None, "en_GB", prepare=_slow(example, gate), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)  # on screen before anything has loaded
        await pilot.press("2", "tab")  # with a supporter; past the language to Start
        # Start, then (typed ahead, as a fast typist would) Continue and the first answer.
        for char in "\r\rAnn\r":
            app.post_message(events.Key("enter" if char == "\r" else char, char))
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # still loading
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        while app._held is not None:  # keys still being delivered
            await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.mode == "supported"
        assert app.session.answers["welcome.name"] == "Ann"
        assert app.session.current == "welcome.answering_for"


async def test_problems_in_the_questions_end_the_app_with_code_1(
    clock: Callable[[], str],
) -> None:
    from assistant.flow.problems import FlowError

    def broken() -> Prepared:
        raise FlowError([])

    app = AssistantApp(None, "en_GB", prepare=broken, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert isinstance(app.flow_error, FlowError)
