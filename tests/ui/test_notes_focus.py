"""Notes that get out of the way: Enter (or Escape) saves the note and the focus goes back
to the question, so the next Enter answers it; the box says so on screen."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Input
from ui_helpers import SIZE, screen_text

from assistant.ui.app import AssistantApp

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
        # At 60 columns the long title does not fit: the foot says what Enter does.
        assert str(box.border_title) == "Adviser-only notes"
        assert str(box.border_subtitle) == "Enter or Escape saves"
        assert not app.screen.query_one("#note-hint").display
        await pilot.press("f7", *"seen", "enter")
        assert [e.value["text"] for e in app.session.events if e.kind == "note"] == ["seen"]
        assert app.focused is not None and app.focused.id != "note-input"


@pytest.mark.parametrize(
    ("opens", "kind"),
    [
        ("f8", "SectionNavigator"),  # sections
        ("f9", "CallSummaryScreen"),  # the end-of-call summary
        ("ctrl+o", "ModalScreen"),  # read this to the caller
        ("f3", "ReviewScreen"),  # check your answers
        ("f1", "HelpNowScreen"),  # Help now
    ],
)
async def test_f7_over_a_dialog_does_nothing_and_the_dialog_keeps_its_keys(
    make_app, opens: str, kind: str
) -> None:
    """F7 belongs to the conversation screen: over anything else it neither opens the notes
    underneath nor takes the focus, so what is typed next is not a stray note."""
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        conversation = app.screen
        await pilot.press(opens)
        dialog = app.screen
        assert dialog is not conversation
        assert kind in [c.__name__ for c in type(dialog).__mro__]
        focused_before = app.focused
        await pilot.press("f7", *"xy")  # as if a note were being typed
        assert app.screen is dialog and app.focused is focused_before
        note = conversation.query_one("#note-input", Input)
        assert note.value == "" and not note.has_focus
        await pilot.press("escape")
        assert app.screen is conversation
        assert app.focused is not None and app.focused.id != "note-input"
        assert not [e for e in app.session.events if e.kind == "note"]
        assert app.session.answers["welcome.name"] == "Ann"


async def test_f7_while_typing_follow_ups_in_the_call_details_keeps_the_words_there(
    make_app,
) -> None:
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f9", "tab", "tab", "enter")  # Call details, from F9
        await pilot.press("1", "2", "4", "4", "1", "enter")  # the five lists, then signposts
        follow_ups = app.screen.query_one("#details-follow-ups", Input)
        assert app.focused is follow_ups
        await pilot.press(*"Ring ", "f7", *"back")
        assert app.focused is follow_ups and follow_ups.value == "Ring back"
        assert not [e for e in app.session.events if e.kind == "note"]


@pytest.mark.parametrize("locale", ["en_GB", "cy", "pl"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)])
async def test_the_notes_box_says_what_enter_does_in_full(
    example, clock, locale: str, size: tuple[int, int]
) -> None:
    """At 80x24 the box's title and foot were cut in Welsh and Polish ("Nodiadau i'r
    cynghorydd …", "Enter albo Escape zapisu…"): what Enter does went unread (QA in tmux)."""
    app = AssistantApp(example, locale, "adviser_call", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#notes-box")
        room = box.outer_size.width - 6  # "╭─ " and " ─╮"
        for label in (box.border_title, box.border_subtitle):
            assert cell_len(str(label or "")) <= room, label
