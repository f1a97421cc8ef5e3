"""Notes that get out of the way: Enter (or Escape) saves the note and the focus goes back
to the question, so the next Enter answers it; the box says so on screen."""

from __future__ import annotations

from textual.widgets import Input
from ui_helpers import SIZE, screen_text

NOTE = "Daughter Jo rings back on Friday"


async def test_enter_saves_the_note_and_the_next_enter_answers_the_question(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=SIZE) as pilot:
        assert app.session.current == "welcome.hello"
        await pilot.press("f7")
        assert isinstance(app.focused, Input) and app.focused.id == "note-input"
        assert "Enter or Escape saves the note and goes back to the question." in " ".join(
            screen_text(app).split()
        )
        await pilot.press(*NOTE, "enter", "enter")  # the second Enter answers the question
        assert [e.value["text"] for e in app.session.events if e.kind == "note"] == [NOTE]
        assert app.session.current == "welcome.name"
        assert isinstance(app.focused, Input) and app.focused.id != "note-input"


async def test_escape_saves_what_was_typed_and_goes_back_too(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f7", *"half a thought", "escape", *"Ann", "enter")
        assert [e.value["text"] for e in app.session.events if e.kind == "note"] == [
            "half a thought"
        ]
        assert app.session.answers["welcome.name"] == "Ann"  # typed into the question


async def test_an_empty_enter_just_goes_back(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7", "enter", "enter")
        assert not [e for e in app.session.events if e.kind == "note"]
        assert app.session.current == "welcome.name"


async def test_in_one_column_the_notes_box_title_says_what_enter_does(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#notes-box")
        assert "Enter or Escape saves and goes back to the question" in str(box.border_title)
        assert not app.screen.query_one("#note-hint").display
        await pilot.press("f7", *"seen", "enter")
        assert [e.value["text"] for e in app.session.events if e.kind == "note"] == ["seen"]
        assert app.focused is not None and app.focused.id != "note-input"
