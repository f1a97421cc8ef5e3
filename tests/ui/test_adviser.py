"""Adviser mode: notes kept apart, never in the person's outputs; navigator; summaries."""

from __future__ import annotations

from textual.widgets import Input
from ui_helpers import SIZE, answer_to_the_end_on_a_call, log_text, screen_text

from assistant.ui.call_summary import CallSummaryScreen
from assistant.ui.conversation import ConversationScreen
from assistant.ui.review import ReviewScreen
from assistant.ui.summary import adviser_notes, adviser_summary

NOTE = "Caller sounds tired; daughter Jo is the main carer"


async def add_note(pilot, text: str) -> None:
    await pilot.press("f7", *text, "enter", "escape")


async def test_notes_are_recorded_with_their_time_and_shown_only_in_the_notes_box(
    make_app,
) -> None:
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=SIZE) as pilot:
        await add_note(pilot, NOTE)
        notes = [e for e in app.session.events if e.kind == "note"]
        assert len(notes) == 1
        assert notes[0].value["text"] == NOTE and notes[0].value["at"].startswith("2026-11-22T")
        assert not app.session.answers  # a note is not an answer
        # Escape went back to the first question (the welcome is beside it, on a call).
        assert app.session.current == "welcome.name" and isinstance(app.focused, Input)
        box = app.screen.query_one("#notes-list")
        assert NOTE in "".join(str(w.render()) for w in box.children)
        await answer_to_the_end_on_a_call(pilot)
        log = log_text(app)
        assert "Answer: Ann" in log  # the log is read, and the note is not in it
        assert NOTE not in log


async def test_notes_never_reach_the_persons_review_or_summary(make_app) -> None:
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end_on_a_call(pilot)
        await add_note(pilot, NOTE)
        await pilot.press("f3")
        assert isinstance(app.screen, ReviewScreen)
        review = screen_text(app)
        assert "You told me" in review  # read-back wording for a call
        assert NOTE not in review
        await pilot.press("escape", "f9")
        assert isinstance(app.screen, CallSummaryScreen)
        call_summary = screen_text(app)
    theirs = adviser_summary(app.session, app.t, "adviser_call", "HL-42")
    assert "Case reference: HL-42" in theirs
    notes_part = theirs.split("ADVISER-ONLY NOTES")[1]
    assert NOTE in notes_part and NOTE not in theirs.split("ADVISER-ONLY NOTES")[0]
    assert NOTE in call_summary and "Ann" in call_summary


async def test_the_persons_own_modes_have_no_notes(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7", "f9")
        assert not app.screen.query("#note-input")
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("enter", *"Ann", "enter")
        assert app.session.current == "welcome.answering_for"  # F7 typed nothing anywhere


async def test_notes_made_before_a_break_are_shown_again_on_resume(make_app) -> None:
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ann", "enter")
        await add_note(pilot, NOTE)
    resumed = make_app("adviser_call", events=list(app.session.events))
    async with resumed.run_test(size=SIZE):
        assert resumed.session.current == app.session.current
        box = resumed.screen.query_one("#notes-list")
        assert NOTE in "".join(str(w.render()) for w in box.children)


def test_the_adviser_copy_shows_the_text_of_a_note_made_in_the_app(make_app) -> None:
    from assistant.engine.session import Session
    from assistant.plan import export

    session = Session(make_app("adviser_call").bundle)
    session.start({"mode": "adviser_call"})
    session.record("note", {"text": NOTE, "at": "2026-11-22T10:00:00+00:00"})
    copy = export(session, "txt", adviser=True)
    assert NOTE in " ".join(copy.split()) and "{'text'" not in copy


def test_a_note_logged_as_plain_text_is_in_the_advisers_summary(make_app) -> None:
    from assistant.engine.session import Session

    session = Session(make_app("adviser_call").bundle)
    session.start({"mode": "adviser_call"})
    session.record("note", NOTE)  # as a script or a golden conversation logs it
    [note] = adviser_notes(session)
    assert note["text"] == NOTE and note["at"] == session.events[-1].at


async def test_on_a_call_explanations_are_lines_to_read_out_beside_the_questions(make_app) -> None:
    """Only questions are screens for the adviser: each explanation is one line in the
    panel, under "Tell the caller", beside the question after it."""
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current == "welcome.name"  # no screen for the welcome
        panel = app.screen.query_one("#side-info")
        [welcome] = panel.paragraphs["tell"]
        assert welcome.startswith("This is a short example.")  # its title left out: short
        assert not app.screen.query_one("#before").display  # not repeated above the question
        await pilot.press(*"Ann", "enter", "1", *"80", "enter")
        assert app.session.current == "needs.tasks"
        [right] = panel.paragraphs["tell"]
        assert "right to a free assessment" in right
        await pilot.press("space", "enter")
        assert app.session.current == "needs.has_carer"
        assert panel.paragraphs["tell"] == ()  # nothing followed the last answer


async def test_an_adviser_on_someones_behalf_still_sees_explanations_as_screens(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current == "welcome.hello"


async def test_on_a_call_an_adviser_only_explanation_is_not_told_to_the_caller(
    england, clock
) -> None:
    """ "For advisers: read each question aloud" stood under "Tell the caller"."""
    from assistant.ui.app import AssistantApp
    from assistant.ui.explain import Explanations

    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock, case_reference="HL-1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")  # the adviser's own note comes before "Where do you live?"
        await pilot.pause()
        tell = app.screen.query_one("#side-info", Explanations).text("tell")
        assert tell.startswith("For you, not to read out - Read each question")
        await pilot.press("1", "2", "enter")  # England; leaving hospital: the hospital note
        await pilot.pause()
        tell = app.screen.query_one("#side-info", Explanations).text("tell")
        assert "called reablement" in tell and "not to read out" not in tell


async def test_at_80x24_what_to_tell_the_caller_is_wrapped_in_the_panel_and_never_lost(
    england, clock
) -> None:
    """A carer's own route on a call: three explanations before the first question. Each
    is wrapped inside the panel, without its title; what runs past the panel's foot is
    pointed to, and Ctrl+O shows all of it."""
    from assistant.ui.app import AssistantApp
    from assistant.ui.explain import Explanations

    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock, case_reference="HL-1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "1")  # a carer, about their own support; England
        await pilot.pause()
        assert app.session.current == "carers.carer_health"
        panel = app.screen.query_one("#side-info", Explanations)
        told = panel.paragraphs["tell"]
        assert len(told) == 3
        assert told[0].startswith("You have a right to your own carer's assessment.")
        width = panel.scrollable_content_region.width
        shown = [text for _heading, text in panel._lines]
        assert all(len(line) <= width for line in shown)  # nothing runs past the edge
        words = " ".join(" ".join(told).split())
        assert words in " ".join(" ".join(shown).split())  # every word, in order
        heading = panel.sections[0][1]
        assert panel.fits("tell") == (heading == "Tell the caller")
        assert not panel.fits("tell")  # three at 80x24 run past the foot: it says so
        assert "Ctrl+O" in heading
        await pilot.press("ctrl+o")
        said = " ".join(screen_text(app).split())
        for line in told:
            assert " ".join(line.split()) in said
        await pilot.press("escape", "3")  # answered: one point or none, and it fits
        await pilot.pause()
        assert panel.fits("tell") and panel.sections[0][1] == "Tell the caller"
