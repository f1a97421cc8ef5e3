"""Two questions on one screen in the app, at 80x24: both in sight, Tab and Enter reach the
second, one Continue records both answers in order, and going back returns to the pair."""

from __future__ import annotations

from typing import Any

from ui_helpers import SIZE, text_of

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp
from assistant.ui.conversation import ConversationScreen
from assistant.ui.steps import ChoiceView
from assistant.ui.widgets import ChoiceList


def _pair(app: AssistantApp) -> tuple[Any, Any]:
    screen = app.screen
    assert isinstance(screen, ConversationScreen)
    assert screen.pair is not None
    return screen.pair


def _on_screen(app: AssistantApp, widget: Any) -> bool:
    """Shown, and inside the 80x24 terminal."""
    region = widget.region
    return widget.display and region.height > 0 and 0 <= region.y and region.bottom <= SIZE[1]


async def test_both_questions_are_on_one_screen_and_one_continue_answers_both(
    pair_flow: Bundle, clock: Any
) -> None:
    saved: list[str] = []
    app = AssistantApp(pair_flow, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.session.on_event = lambda event: saved.append(f"{event.kind} {event.step}")
        first, second = _pair(app)
        assert isinstance(first, ChoiceView) and isinstance(second, ChoiceView)
        assert first.multi and second.multi  # both tick any number of options
        assert "How is washing hard for you?" in text_of(app, "#question")
        assert text_of(app, "#follow-question") == "What would help with washing?"
        for widget in (
            app.screen.query_one("#question"),
            first.query_one(ChoiceList),
            app.screen.query_one("#follow-question"),
            second.query_one(ChoiceList),
        ):
            assert _on_screen(app, widget), widget
        # The first's own Continue and Back give way to the follow-up's.
        assert not first.query_one("#continue").display
        assert second.query_one("#continue").display and second.query_one("#back").display
        assert app.focused is first.query_one(ChoiceList)
        await pilot.press("space", "tab")  # tick "I need help"; Tab goes to the second
        assert app.focused is second.query_one(ChoiceList)
        await pilot.press("down", "space", "enter")  # tick "Equipment"; Enter answers both
        assert app.session.answers == {"main.hard": ("help",), "main.helps": ("equipment",)}
        answered = [e.step for e in app.session.events if e.kind == "answered"]
        assert answered == ["main.hard", "main.helps"]  # one at a time, the first first
        assert "answered main.hard" in saved and "answered main.helps" in saved
        assert saved.index("answered main.hard") < saved.index("answered main.helps")
        assert app.session.current == "main.after"
        assert "Do you go out?" in text_of(app, "#question")
        assert not app.screen.query_one("#follow-up").display
        assert isinstance(app.focused, ChoiceList)
        assert any(v.display and v.yes_no for v in app.screen.query(ChoiceView))


async def test_enter_on_the_first_goes_to_the_second_without_answering(
    pair_flow: Bundle, clock: Any
) -> None:
    app = AssistantApp(pair_flow, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first, second = _pair(app)
        await pilot.press("down", "space", "enter")  # tick "It hurts"; Enter: to the second
        assert app.session.answers == {}
        assert app.focused is second.query_one(ChoiceList)
        await pilot.press("enter")  # nothing ticked: the follow-up is optional
        assert app.session.answers == {"main.hard": ("pain",), "main.helps": ()}
        assert app.session.current == "main.after"


async def test_a_refused_first_answer_is_said_beside_it_and_nothing_moves(
    pair_flow: Bundle, clock: Any
) -> None:
    app = AssistantApp(pair_flow, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first, second = _pair(app)
        second.query_one(ChoiceList).focus()
        await pilot.press("space", "enter")  # the second ticked, the first not
        assert app.session.answers == {}
        assert app.session.current == "main.hard"
        error = text_of(app, "#error")
        assert "Please tick at least one option" in error
        assert not app.screen.query_one("#follow-error").display
        # The error sits between the two questions: beside the first.
        assert (
            app.screen.query_one("#error").region.y
            < app.screen.query_one("#follow-question").region.y
        )
        assert app.focused is first.query_one(ChoiceList)
        assert second.query_one(ChoiceList).chosen_values() == ("visits",)  # kept


async def test_going_back_from_the_next_question_returns_to_the_pair(
    pair_flow: Bundle, clock: Any
) -> None:
    app = AssistantApp(pair_flow, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "tab", "space", "enter")
        assert app.session.current == "main.after"
        await pilot.press("f2")  # Back
        assert app.session.current == "main.hard"
        first, second = _pair(app)
        assert first.query_one(ChoiceList).chosen_values() == ("help",)
        assert second.query_one(ChoiceList).chosen_values() == ("visits",)
        assert text_of(app, "#follow-question") == "What would help with washing?"
        await pilot.press("f1")  # Help now, still one key away
        assert app.screen.__class__.__name__ == "HelpNowScreen"


async def test_larger_text_scrolls_to_the_second_question(pair_flow: Bundle, clock: Any) -> None:
    app = AssistantApp(pair_flow, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_larger_text()
        await pilot.pause()
        first, second = _pair(app)
        await pilot.press("space", "enter")  # to the second, scrolled into sight
        await pilot.pause()
        assert app.focused is second.query_one(ChoiceList)
        assert _on_screen(app, second.query_one(ChoiceList))
        await pilot.press("space", "enter")
        assert app.session.answers["main.helps"] == ("visits",)


async def test_an_adviser_on_a_call_sees_the_same_pair(pair_flow: Bundle, clock: Any) -> None:
    app = AssistantApp(pair_flow, "en_GB", "adviser_call", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first, second = _pair(app)
        assert _on_screen(app, app.screen.query_one("#follow-question"))
        await pilot.press("space", "tab", "space", "enter")
        assert app.session.answers == {"main.hard": ("help",), "main.helps": ("visits",)}
        assert app.session.current == "main.after"
