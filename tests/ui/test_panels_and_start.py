"""The start screen's saved list (filled after the first frame), the side panel's rights and
"Why we ask", and the answer views made once and updated in place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_helpers import SIZE, settled

from assistant.flow.loading import load_bundle
from assistant.i18n import translator_for
from assistant.store import open_store
from assistant.ui.app import AssistantApp
from assistant.ui.conversation import SidePanel
from assistant.ui.start import StartScreen
from assistant.ui.steps import TextView
from assistant.ui.widgets import ChoiceList

ENGLAND = Path(__file__).parents[2] / "flows" / "england"


async def test_saved_conversations_are_listed_once_the_store_has_been_read(
    make_app, tmp_path: Path
) -> None:
    path = tmp_path / "store.db"
    with open_store(path) as store:
        reference = store.create(bundle="example", locale="en_GB", mode="self")
        store.create(bundle="another-flow", locale="en_GB", mode="self")  # not these questions
    app = make_app(store_path=path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.pause()
        await app.workers.wait_for_complete()  # loading, behind the start screen
        await pilot.pause()
        saved = app.screen.query_one("#saved", ChoiceList)
        assert saved.values == [reference]
        assert app.focused is app.screen.query_one("#who")  # the list did not take the focus


async def test_saved_conversations_are_described_in_the_language_chosen(
    make_app, tmp_path: Path
) -> None:
    """Chosen Cymraeg on the start screen, the list said "6 answers, last used" in English."""
    path = tmp_path / "store.db"
    with open_store(path) as store:
        reference = store.create(bundle="example", locale="en_GB", mode="self")
    welsh = translator_for("cy")
    app = make_app(store_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the saved list, behind the start screen
        await pilot.pause()
        await pilot.press("1", "2")  # Myself, then Cymraeg
        saved = app.screen.query_one("#saved", ChoiceList)
        [line] = [str(option.prompt) for option in saved.options]
        assert reference in line
        used = welsh.gettext("last used {when}").split("{")[0].strip()
        assert used != "last used" and used in line
        assert "answers" not in line and "last used" not in line


async def test_the_side_panel_explains_why_and_lists_rights_newest_first(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(SidePanel)
        assert panel.paragraphs["rights"] == ()
        await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter")
        assert app.session.current == "welcome.assessment_right"
        [first] = panel.paragraphs["rights"]
        assert "free assessment" in first and "Source: Care Act 2014, section 9" in first
        await pilot.press("enter", "space", "enter", "y", "enter")
        assert app.session.current == "needs.carer_right"
        rights = panel.paragraphs["rights"]
        assert len(rights) == 2 and rights[1] == first  # the newest comes first
        await pilot.press("f2")  # back: the carer's right is no longer on the path
        assert panel.paragraphs["rights"] == (first,)
        view = app.session.view()
        assert panel.paragraphs["why"] == ((app.t.render(view.why),) if view.why else ())


async def test_a_text_view_is_made_once_and_shows_each_steps_own_answer(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        assert app.session.current == "welcome.age"
        views = list(app.screen.query(TextView))
        age = app.focused
        assert isinstance(age, Input) and age.value == ""  # not the name typed before
        await pilot.press("f2", "f2")  # back to the name: the same kind of view again
        assert app.session.current == "welcome.name"
        name = app.focused
        assert isinstance(name, Input) and name.value == "Ann"
        assert list(app.screen.query(TextView)) == views  # updated in place, not remade


async def test_the_terminal_cursor_follows_a_control_that_keeps_the_focus(clock) -> None:
    """England's first screens are choice questions; for someone in Scotland the third has
    three notes above it: the same list keeps the focus while it moves down the screen,
    and braille displays follow the cursor."""
    app = AssistantApp(load_bundle(ENGLAND), "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current == "getting_started.focus"
        choices = app.focused
        places = set()
        current = app.screen.query_one("#current")
        for key, expected in (("1", "getting_started.where"), ("3", "getting_started.go_on")):
            await pilot.press(key)  # Scotland's notes push the list below: the step scrolls
            await settled(
                pilot,
                lambda: (
                    current.region.contains_region(choices.region)
                    and app.cursor_position == choices.cursor_offset()
                ),
            )
            assert app.session.current == expected
            assert app.focused is choices  # reused, not remade
            assert current.region.contains_region(choices.region)  # the options are in sight
            assert app.cursor_position == choices.cursor_offset()
            places.add(app.cursor_position)
        assert len(places) > 1  # the list did move


async def test_a_long_answer_scrolls_in_its_box_and_keeps_the_cursor_in_view(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # to the name: a text box
        box = app.focused
        assert isinstance(box, Input)
        long_name = "Annabel " * 8
        await pilot.press(*long_name)
        assert box.value == long_name
        assert box.scroll_offset.x > 0  # the start scrolled out of the box
        assert box.region.contains_point(box.cursor_screen_offset)  # the cursor is in the box
        await pilot.press("enter")
        assert (
            app.session.answers["welcome.name"] == long_name.strip()
            or app.session.answers["welcome.name"] == long_name
        )
