""" "Tell me more" in the app: offered only where there is more, shown under the question."""

from __future__ import annotations

from ui_helpers import SIZE, settled, text_of

from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp
from assistant.ui.steps import ChoiceView, SayView
from assistant.ui.widgets import ActionButton, ChoiceList


async def test_tell_me_more_shows_the_full_text_and_hides_it_again(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        view = next(v for v in app.screen.query(SayView) if v.display)
        assert not view.query_one("#more", ActionButton).display  # nothing more at the welcome
        await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter")
        assert app.session.current == "welcome.assessment_right"
        view = next(v for v in app.screen.query(SayView) if v.display)
        more = view.query_one("#more", ActionButton)
        assert more.display
        assert "whatever their income" not in text_of(app, "#more-text")
        more.focus()
        await pilot.press("enter")
        shown = text_of(app, "#more-text")
        assert "whatever their income or savings" in shown
        assert app.session.current == "welcome.assessment_right"  # reading on is not moving on
        assert app.focused is view.query_one("#continue")  # back to the answer, not the button
        more.focus()
        await pilot.press("enter")  # pressed again: hidden
        assert not app.screen.query_one("#more-text").display
        assert app.focused is view.query_one("#continue")
        await pilot.press("enter")
        assert app.session.current == "needs.tasks"
        assert not app.screen.query_one("#more-text").display


CARER = """\
flow: main
title: Main
steps:
  - id: cares
    kind: ask
    type: yesno
    text: "Do you look after someone?"
  - id: carer_right
    kind: say
    title: "Your own assessment"
    text: "Because you look after someone, you can ask for a carer's assessment."
    more: "A carer's assessment looks at your needs as a carer, whatever your money."
    with_next: true
  - id: money
    kind: ask
    type: yesno
    text: "Would you like to hear about money?"
  - id: done
    kind: end
"""


async def test_an_explanation_is_shown_above_the_next_question(tmp_path, clock) -> None:
    (tmp_path / "bundle.yaml").write_text("id: carer\ntitle: Carer\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(CARER)
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    app = AssistantApp(load_bundle(tmp_path), "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#before").display
        await pilot.press("y", "enter")
        assert app.session.current == "main.money"
        before = text_of(app, "#before")
        assert before.startswith("Your own assessment\nBecause you look after someone")
        assert "Would you like to hear about money?" in text_of(app, "#question")
        view = next(v for v in app.screen.query(ChoiceView) if v.display and v.yes_no)
        more = view.query_one("#more", ActionButton)
        assert more.display  # the explanation above has more to read
        more.focus()
        await pilot.press("enter")
        assert "whatever your money" in text_of(app, "#more-text")
        assert app.focused is view.query_one("#choices", ChoiceList)


LONG_MORE = CARER.replace(
    '"A carer\'s assessment looks at your needs as a carer, whatever your money."',
    "\"A carer's assessment looks at your needs as a carer, whatever your money. "
    + "It can cover your health, your work and your time off. " * 30
    + '"',
)


async def test_after_tell_me_more_the_text_is_in_sight_and_the_options_have_focus(
    tmp_path, clock
) -> None:
    """Larger text at 80x24, with a long fuller text: the text opened is scrolled into
    sight, focus is on the options, and one arrow key brings them back into sight."""
    (tmp_path / "bundle.yaml").write_text("id: carer\ntitle: Carer\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(LONG_MORE)
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    app = AssistantApp(load_bundle(tmp_path), "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "y", "enter")  # larger text; then answer Yes
        assert app.session.current == "main.money"
        view = next(v for v in app.screen.query(ChoiceView) if v.display and v.yes_no)
        view.query_one("#more", ActionButton).focus()
        await pilot.press("enter")
        await pilot.pause()
        choices = view.query_one("#choices", ChoiceList)
        assert app.focused is choices
        await settled(pilot, lambda: app.cursor_position == choices.cursor_offset())
        assert app.cursor_position == choices.cursor_offset()  # the cursor went with it
        current = app.screen.query_one("#current").region
        opened = app.screen.query_one("#more-text").region
        assert current.y <= opened.y < current.bottom  # the start of the text is on screen
        assert not current.contains_region(choices.region)  # the long text pushed them below
        await pilot.press("down")  # the answer is one key away, and comes into sight
        await pilot.pause()
        assert choices.highlighted == 1
        assert current.contains_region(choices.region)
        await pilot.press("enter")
        assert app.session.current == "main.done"


SUMMARY = (
    """\
flow: main
title: Main
steps:
  - id: cares
    kind: ask
    type: yesno
    text: "Do you look after someone?"
"""
    + "".join(
        f"""  - id: point_{n}
    kind: say
    with_next: true
    title: "Point {n}"
    text: "{"What this answer means for you, in a sentence or two of plain words. " * 3}"
"""
        for n in range(8)
    )
    + """  - id: money
    kind: ask
    type: yesno
    text: "Would you like to hear about money?"
  - id: done
    kind: end
"""
)


async def test_a_long_summary_above_a_question_opens_at_the_question(tmp_path, clock) -> None:
    """Larger text at 80x24: eight explanations above a question took eight Down presses
    before it could be answered. The step opens at the question, says Page Up reads what
    is above, and Page Up and Page Down do so with the answer keeping the focus."""
    (tmp_path / "bundle.yaml").write_text("id: summary\ntitle: Summary\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(SUMMARY)
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    app = AssistantApp(load_bundle(tmp_path), "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "y", "enter")
        await pilot.pause()
        assert app.session.current == "main.money"
        view = next(v for v in app.screen.query(ChoiceView) if v.display and v.yes_no)
        choices = view.query_one("#choices", ChoiceList)
        current = app.screen.query_one("#current")
        assert app.focused is choices
        assert current.region.contains_region(choices.region)  # answerable at once
        assert "above the question: press Page Up" in text_of(app, "#above")
        assert current.scroll_y > 0
        for _ in range(10):
            await pilot.press("pageup")
        assert current.scroll_y == 0  # the summary from its start
        assert app.focused is choices and choices.highlighted == 0  # the answer untouched
        await settled(pilot, lambda: app.cursor_position == choices.cursor_offset())
        assert app.cursor_position == choices.cursor_offset()  # braille follows the list
        await pilot.press("down")  # an arrow brings the options back
        await pilot.pause()
        assert current.region.contains_region(choices.region)
        await pilot.press("enter")
        assert app.session.answers["main.money"] is False
