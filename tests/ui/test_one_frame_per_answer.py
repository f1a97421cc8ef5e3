"""A key that moves on draws the next question in one frame (assistant/ui/keyboard.py and
widgets.py, issue 20): nothing is drawn while the key is acted on, drawing always resumes,
and the controls send no messages nobody reads."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList
from ui_helpers import SIZE, text_of

from assistant.ui.app import AssistantApp
from assistant.ui.fields import TextBox
from assistant.ui.widgets import ChoiceList, Plain


def watch_answers(app: AssistantApp) -> list[bool]:
    """Whether drawing was held each time the app was given an answer."""
    seen: list[bool] = []
    answer = app.answer

    async def answer_seen(raw: Any) -> None:
        seen.append(app.painting_held)
        await answer(raw)

    app.answer = answer_seen  # type: ignore[method-assign]
    return seen


async def test_nothing_is_drawn_while_an_answer_is_acted_on(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        seen = watch_answers(app)
        await pilot.press("enter")  # welcome.hello: Continue
        await pilot.pause()
        await pilot.press(*"Ann", "enter")  # the name, typed
        await pilot.pause()
        await pilot.press("1")  # answering_for, by its number
        await pilot.pause()
        assert seen == [True, True, True]
        assert app.session.current == "welcome.age"
        assert not app.painting_held  # and drawing resumed: the next question is shown
        assert "How old" in text_of(app, "#question")


async def test_drawing_resumes_when_an_answer_is_refused(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        await pilot.pause()
        await pilot.press("enter")  # kept: it came just after the number that answered
        await pilot.press("enter")  # the age, empty: refused
        await pilot.pause()
        assert app.session.current == "welcome.age"
        assert not app.painting_held
        assert "did not work" in text_of(app, "#error")


async def test_a_long_hold_keeps_the_keys_but_not_the_screen(make_app) -> None:
    """hold_keys (waiting for the conversation to load) holds keys for as long as it
    takes; the screen must go on showing what is happening meanwhile."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        held: list[bool] = []
        answer = app.answer

        async def loading_meanwhile(raw: Any) -> None:
            held.append(app.painting_held)
            app.hold_keys()
            held.append(app.painting_held)
            app.release_keys()
            await answer(raw)

        app.answer = loading_meanwhile  # type: ignore[method-assign]
        await pilot.press("enter")
        await pilot.pause()
        assert held == [True, False]
        assert app.session.current == "welcome.name"


class Controls(App[None]):
    """A text box and a list of options, with handlers for the messages they no longer send."""

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[str] = []

    def compose(self) -> ComposeResult:
        yield TextBox(id="box")
        yield ChoiceList([("a", "Apple"), ("b", "Banana"), ("c", "Cherry")], id="list")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.heard.append("changed")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.heard.append("highlighted")


async def test_letters_and_moves_send_no_messages_up_the_screen() -> None:
    """Each letter typed, and each move in a list, sent a message up through every
    container to the app, where nothing read it; the Enter after them waited."""
    app = Controls()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"hello")
        await pilot.press("tab", "down", "down")
        await pilot.pause()
        assert app.query_one("#box", TextBox).value == "hello"
        assert app.query_one("#list", ChoiceList).highlighted == 2
        assert app.heard == []


async def test_one_list_asks_every_kind_of_choice(make_app) -> None:
    """Ticking, then Yes or No: the same list keeps the focus (moving it cost a restyle of
    both lists and a second drawing of the screen), and still acts as each kind should."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        await pilot.pause()
        await pilot.press(*"80", "enter", "enter")  # age; an explanation; to needs.tasks
        await pilot.pause()
        assert app.session.current == "needs.tasks"
        ticking = app.focused
        assert isinstance(ticking, ChoiceList) and ticking.multi
        view = ticking.parent
        assert view is not None and view.query_one("#continue").display
        assert "tick or untick" in str(view.query_one(".hint", Plain).render())
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.session.current == "needs.has_carer"  # Yes or No
        assert app.focused is ticking and not ticking.multi
        assert ticking.values == ["yes", "no"]
        assert not view.query_one("#continue").display  # Enter on an option answers
        assert "(or Y and N)" in str(view.query_one(".hint", Plain).render())
        await pilot.press("n")  # moves to No; does not answer
        await pilot.pause()
        assert app.session.current == "needs.has_carer" and ticking.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.answers["needs.tasks"] == ("washing",)
        assert app.session.answers["needs.has_carer"] is False


async def test_the_terminal_cursor_follows_tab_below_the_screen_edge() -> None:
    """Tab to Continue under a long list at 80x24: Textual scrolls it into sight after the
    focus moved, and the cursor (which braille displays follow) was left on the last line,
    where the button had been before the scroll (tmux)."""
    from assistant.flow.loading import load_bundle
    from assistant.paths import bundle_path

    app = AssistantApp(load_bundle(bundle_path("england")), "en_GB", "self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "3")  # to "What made you look for help now?"; tick 3
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused.id == "continue"
        assert app.screen.query_one("#current").scroll_y > 0  # it was below the edge
        assert app.cursor_position == focused.content_region.offset + (2, 0)
        assert 0 <= app.cursor_position.y < SIZE[1] - 2  # on screen, above the key bar
