"""Layout at 60, 80 and 120 columns, focus you can see without colour, and the review
keeping its place (issue 18).

At 80x24 the side panel cut words when its scroll bar appeared ("People leaving hospital
a / often not told this help"); at 60x20 the app kept two columns (the question got 28
columns and buttons fell off the screen); at 120x40 the panel stayed 28 columns; the
review list jumped to the top after a Change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.color import Color
from ui_helpers import SIZE, answer_to_the_end

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp
from assistant.ui.explain import Explanations
from assistant.ui.themes import THEMES
from assistant.ui.widgets import ActionButton, ChoiceList


def england_app(england: Bundle, clock: Callable[[], str], mode: Any = "self") -> AssistantApp:
    return AssistantApp(england, "en_GB", mode, clock=clock)


def some_answer(app: AssistantApp) -> list[str]:
    """Keys that answer the current step somehow: Enter, option 1, a word or a number."""
    view = app.session.view()
    kind = getattr(view, "kind", "say")
    answer_type = getattr(view, "answer_type", None)
    if kind == "say":
        return ["enter"]
    if answer_type == "multi":
        return ["1", "enter"]
    if answer_type in ("choice", "yesno"):
        return ["1"]
    if answer_type in ("number", "money"):
        return [*str(int(view.minimum or 1)), "enter"]
    return [*"words", "enter"]


async def test_the_side_panel_never_cuts_a_word_when_its_scroll_bar_appears(
    england: Bundle, clock: Callable[[], str]
) -> None:
    app = england_app(england, clock)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query(Explanations).first()
        width_before = panel.scrollable_content_region.width
        # Through the explanations (Enter) and first answers (1) until the rights overflow.
        for _ in range(60):
            if panel.max_scroll_y > 0:
                break
            await pilot.press(*some_answer(app))
        assert panel.max_scroll_y > 0, "the rights never filled the panel"
        await pilot.pause()
        width = panel.scrollable_content_region.width
        assert width == width_before  # the gutter is kept: no re-wrap, no cropping
        for y in range(panel.size.height):
            shown = panel.render_line(y).text.rstrip()
            index = panel.scroll_offset.y + y
            if index < len(panel._lines):  # noqa: SLF001 - what was wrapped
                assert shown == panel._lines[index][1].rstrip(), (y, shown)  # noqa: SLF001
        assert max(len(text) for _h, text in panel._lines) <= width  # noqa: SLF001


async def test_under_80_columns_the_conversation_is_one_column(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter", *"Ann", "enter")  # the choice question
        assert app.has_class("-narrow")
        assert not app.screen.query_one("#side").display
        question = app.screen.query_one("#question")
        assert question.region.width >= 56  # the whole width, not 28 columns
        why = app.screen.query_one("#why-inline")
        assert why.display and "Why we ask" in str(why.render())
        await pilot.press("1", *"80", "enter")  # an explanation: its Continue is on screen
        said = str(why.render())  # it asks nothing, so it does not say "why we ask"
        assert why.display and "Why we tell you: " in said and "Why we ask" not in said
        button = app.screen.query_one("#continue", ActionButton)
        assert button.region.right <= 60 and 0 < button.region.y < 20


@pytest.mark.parametrize(("size", "keys"), [((60, 20), []), ((80, 24), ["f5"])])
async def test_one_column_keeps_an_advisers_notes_box(make_app, size, keys) -> None:
    """Under 80 columns, and with larger text (F5), the notes box is below the question."""
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys, "f7", *"Called back", "enter", "escape")
        notes = app.screen.query_one("#notes-box")
        assert notes.display and notes.region.width >= 56 and notes.region.bottom <= size[1]
        assert any(e.kind == "note" for e in app.session.events)
        assert app.screen.query_one("#question").region.width >= 56


async def test_at_120_columns_the_side_panel_grows(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#side").region.width >= 40
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#side").region.width == 30


async def test_a_long_title_and_case_reference_wrap_rather_than_cut(make_app) -> None:
    reference = "HL-2026-000123-ABCDEFGHIJKLMNOP"
    app = make_app("adviser_call", case_reference=reference)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ann", "enter")  # the first answer: the count of steps appears
        await pilot.pause()
        progress = app.screen.query_one("#progress")
        text = str(progress.render())
        assert text.startswith("Step 1 of")
        # Squeezed by the case reference, the title takes two lines rather than losing words.
        assert len(text) <= progress.content_region.width * progress.content_region.height
        topbar = app.screen.query_one("#topbar")
        assert progress.region.bottom <= topbar.region.bottom  # and the bar shows both lines
        case = app.screen.query_one("#case")
        assert reference in str(case.render()) and case.region.right <= 80


def contrast(one: Color, other: Color) -> float:
    """WCAG 2.2's contrast ratio between two colours."""

    def luminance(color: Color) -> float:
        red, green, blue = (
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in color.get_truecolor())
        )
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shown_colours(app: AssistantApp, button: ActionButton) -> tuple[Color, Color, Any]:
    """The background and text colours a button is drawn in (reverse video swapped)."""
    style = app.screen.get_style_at(button.region.x + 3, button.region.y)
    background, foreground = style.bgcolor, style.color
    assert background is not None and foreground is not None
    if style.reverse:
        background, foreground = foreground, background
    return background, foreground, style


async def test_the_focused_button_stands_out_by_more_than_colour_in_every_theme(make_app) -> None:
    """WCAG 2.2 non-text contrast (1.4.11) for the focus indicator: the focused button
    against the same button unfocused at least 3:1, computed from each theme's own
    colours (its button text on its surface), checked against what is drawn, and shown
    by bold and reverse video too, not by colour alone."""
    for theme in THEMES:
        colours = theme.to_color_system().generate()
        button_text = Color.parse(colours["button-foreground"])
        surface = Color.parse(colours["surface"])
        assert contrast(button_text, surface) >= 3.0, theme.name
        app = make_app("self")
        async with app.run_test(size=SIZE) as pilot:
            app.theme = theme.name
            await answer_to_the_end(pilot)
            await pilot.press("f3")
            await pilot.pause()
            focused = app.screen.query_one("#change-0", ActionButton)
            other = app.screen.query_one("#change-1", ActionButton)
            assert focused.has_focus and not other.has_focus
            on_bg, on_fg, on_style = shown_colours(app, focused)
            off_bg, _off_fg, off_style = shown_colours(app, other)
            # Drawn as the theme says: focused, the button's text colour fills it.
            assert on_bg.get_truecolor() == button_text.get_truecolor(), theme.name
            assert off_bg.get_truecolor() == surface.get_truecolor(), theme.name
            assert contrast(on_bg, off_bg) >= 3.0, (theme.name, on_bg, off_bg)
            assert contrast(on_fg, on_bg) >= 4.5, (theme.name, on_fg, on_bg)
            assert on_style.reverse and on_style.bold and not off_style.reverse


async def test_after_a_change_the_review_keeps_its_place(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=(80, 20)) as pilot:
        await answer_to_the_end(pilot)
        await pilot.press("f3")
        review = app.screen
        steps = [item.step for item in review.items]
        last = steps.index("needs.rate")
        review.query_one(f"#change-{last}").focus()
        await pilot.pause()
        body = review.query_one("#review-body")
        assert body.scroll_offset.y > 0  # the list is scrolled down to the last answer
        await pilot.press("enter", "ctrl+u", *"16.25", "enter")
        review = app.screen
        await pilot.pause()
        assert app.focused is review.query_one(f"#change-{last}")
        assert review.query_one("#review-body").scroll_offset.y > 0
        assert "£16.25" in str(app.focused.parent.query_one(".review-answer").render())


async def test_a_refused_answer_is_scrolled_into_sight_with_larger_text(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """At 80x24 with larger text, the words under a long list's buttons were below the
    screen: Enter on a multiple choice with nothing ticked seemed to do nothing."""
    app = england_app(england, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "2", "1", "1")  # a carer, in England, caring harms health
        assert app.session.current == "carers.carer_activities"
        await pilot.press("enter")
        await pilot.pause()
        current, error = app.screen.query_one("#current"), app.screen.query_one("#error")
        assert "tick at least one option" in str(error.render())
        assert error.region.height and current.region.contains_region(error.region)


@pytest.mark.parametrize(("size", "keys"), [((60, 20), ["f5"]), ((80, 24), ["f5"]), (SIZE, [])])
async def test_a_refused_answer_keeps_its_question_in_sight(
    england: Bundle, clock: Callable[[], str], size: tuple[int, int], keys: list[str]
) -> None:
    """With larger text at 80x24, Enter with nothing ticked on "What made you look for
    help now?" showed the error with the question above the screen's edge (QA in tmux)."""
    app = england_app(england, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys, "1", "1")  # care for the person, in England
        assert app.session.current == "getting_started.prompt"
        await pilot.press("down", "down", "down", "enter")  # down the list, nothing ticked
        await pilot.pause()
        current = app.screen.query_one("#current")
        question, error = app.screen.query_one("#question"), app.screen.query_one("#error")
        assert "tick at least one option" in str(error.render())
        assert current.region.contains_region(question.region)
        assert current.region.contains_region(error.region)


async def test_moving_through_options_below_the_screen_brings_them_into_sight(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """With larger text at 80x24 a carer's last question had its options below the screen
    (the rights above it), and the arrows moved among them unseen. It now opens at the
    question, saying Page Up reads what is above; Page Up, then the first arrow, shows
    the options again."""
    app = england_app(england, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "2", "1", "1", "6", "enter", "1", "2", "enter")
        for _ in range(3):  # good day, goals, who else helps with the caring
            await pilot.press(*"words", "enter")
        assert app.session.current == "next_steps.carer_asks"
        await pilot.pause()
        current, options = app.screen.query_one("#current"), app.focused
        assert isinstance(options, ChoiceList) and options.multi
        assert current.region.contains_region(options.region)  # answerable at once
        assert "Page Up" in str(app.screen.query_one("#above").render())
        for _ in range(8):
            await pilot.press("pageup")
        assert current.scroll_y == 0 and app.focused is options  # the rights, from the top
        assert not current.region.contains_region(options.region)
        await pilot.press("down")
        await pilot.pause()
        assert current.region.contains_region(options.region)


async def test_the_end_buttons_fit_with_larger_text_chosen_on_the_start_screen(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """Larger text chosen before the conversation: the end's six buttons stayed side by
    side past the edge at 80x24, with Finish out of sight (a carer's walkthrough)."""
    app = AssistantApp(england, "en_GB", None, clock=clock)  # the start screen first
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "1", "tab", "enter")
        await pilot.pause()
        await pilot.press("2", "1", "1", "6", "enter", "1", "2", "enter")
        for _ in range(3):
            await pilot.press(*"words", "enter")
        await pilot.press("1", "enter")  # a carer's assessment
        # The plan's own questions (a carer is not asked when to review a plan she does
        # not have yet): share with nobody chosen, no details.
        await pilot.press("enter", "2")
        await pilot.pause()
        assert app.session.ended and app.has_class("-large")
        assert app.session.answers["next_steps.carer_asks"] == ("carer_assessment",)
        assert "next_steps.review_when" not in app.session.answers
        assert app.session.answers["next_steps.add_details"] is False
        finish = app.screen.query_one("#end-finish", ActionButton)
        assert 0 < finish.region.right <= SIZE[0] and finish.region.bottom <= SIZE[1]


@pytest.mark.parametrize(("size", "keys"), [((60, 20), []), ((80, 24), ["f5"])])
async def test_on_a_call_in_one_column_what_to_tell_the_caller_is_above_the_question(
    england: Bundle, clock: Callable[[], str], size: tuple[int, int], keys: list[str]
) -> None:
    """The panel's "Tell the caller" is hidden in one column (larger text, or under 80
    columns): an adviser there had nothing to read out. It is above the question instead;
    beside it, in two columns, it stays in the panel only."""
    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock, case_reference="HL-1")
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")  # the adviser's note comes before "Where do you live?"
        await pilot.pause()
        here = app.screen.query_one("#tell-here")
        assert app.has_class("-narrow") or not here.display  # two columns: the panel says it
        await pilot.press(*keys)
        await pilot.pause()
        said = str(here.render())
        assert here.display and said.startswith("Tell the caller\nFor advisers")
        await pilot.press("1")  # England: nothing to tell before the next question
        await pilot.pause()
        assert not here.display


async def test_at_80x24_the_notes_box_leaves_the_panel_room(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """At 11 lines the notes box left what to tell the caller cut off after six lines."""
    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock, case_reference="HL-1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box, info = app.screen.query_one("#notes-box"), app.screen.query_one("#side-info")
        assert box.region.height <= 6 and info.region.height >= 13
        assert "Enter or Escape saves" in str(box.border_subtitle)
        await pilot.press("f7", *"seen", "enter")  # the box still takes a note
        assert [e.value["text"] for e in app.session.events if e.kind == "note"] == ["seen"]
    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock, case_reference="HL-1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#note-hint").display  # room enough: the full hint


@pytest.mark.parametrize("keys", [(), ("f5",)], ids=["normal", "larger-text"])
async def test_a_text_box_takes_the_columns_width(make_app, keys) -> None:
    """A name typed at 80 columns had 38 columns of box however wide the column was."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys, "enter")  # past the welcome: the name, a text box
        await pilot.pause()
        assert app.session.current == "welcome.name"
        entry = app.screen.query_one("#entry")
        column = app.screen.query_one("#main").content_region.width
        assert entry.region.width == column  # 48 of 50 beside the panel, 74 with larger text
        assert entry.region.width > 40
