"""F9, the end-of-call summary: it scrolls from the keyboard and fits 80x24; Copy sends it
to the clipboard and always keeps a private file, and says so; the call's details are
recorded from it. Ctrl+O reads out the right or figure on screen."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from ui_helpers import SIZE, answer_to_the_end, screen_text

from assistant.casework.details import recorded
from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp
from assistant.ui.call_details import CallDetailsScreen
from assistant.ui.call_summary import CallSummaryScreen
from assistant.ui.dialogs import Dialog

ROOT = Path(__file__).parents[2]


async def test_the_summary_scrolls_from_the_keyboard_within_80_by_24(make_app) -> None:
    app = make_app("adviser_call", case_reference="HL-42")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        for n in range(12):  # enough notes that the summary is longer than the screen
            await pilot.press("f7", *f"note {n}", "enter")
        await pilot.press("f9")
        assert isinstance(app.screen, CallSummaryScreen)
        body = app.screen.query_one("#summary-body", VerticalScroll)
        assert app.focused is body  # the keys scroll the text straight away
        dialog = app.screen.query_one(".dialog")
        assert dialog.region.bottom <= 24 and dialog.region.right <= 80
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await pilot.press("down", "down")
        assert body.scroll_y == 2
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        assert body.scroll_y == 0


async def test_copy_uses_the_clipboard_and_always_keeps_a_private_file(
    make_app, tmp_path: Path
) -> None:
    app = make_app("adviser_call", case_reference="HL/42")
    app.files = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "f9", "tab")
        assert app.focused is not None and app.focused.id == "summary-copy"
        await pilot.press("enter")
        said = " ".join(screen_text(app).split())
        assert "Sent to the clipboard, where this terminal allows it" in said
        assert "It is also saved, for you only, in" in said
        assert app.clipboard.startswith("Support plan conversation: end-of-call summary")
    [saved] = (tmp_path / "Call summaries").iterdir()
    assert saved.name.startswith("call-summary-HL-42-") and saved.suffix == ".txt"
    assert saved.read_text(encoding="utf-8").strip() == app.clipboard.strip()
    assert saved.stat().st_mode & 0o777 == 0o600
    assert saved.parent.stat().st_mode & 0o777 == 0o700


async def test_call_details_are_recorded_from_the_summary(make_app) -> None:
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f9", "tab", "tab", "enter")
        assert isinstance(app.screen, CallDetailsScreen)
        # channel 1 (telephone), caller 2 (family), age 4 (75 to 84), outcome 4
        # (follow-up), consent 1 (agreed); then tick two places and finish.
        await pilot.press("1", "2", "4", "4", "1", "space", "down", "down", "space", "enter")
        await pilot.press(*"Ring back Friday", "enter", "enter")
        assert not isinstance(app.screen, CallDetailsScreen)
        call = recorded(app.session.events)
        assert (call.channel, call.caller, call.age_band, call.outcome, call.consent) == (
            "phone",
            "family",
            "75_84",
            "follow_up",
            "yes",
        )
        assert call.signposted == ("council", "advocacy")
        assert call.follow_ups == "Ring back Friday"
        await pilot.press("f9")
        said = " ".join(screen_text(app).split())
        assert "Outcome: Follow-up needed" in said and "Follow-ups agreed: Ring back Friday" in said


async def test_read_out_gives_the_right_on_screen_with_its_source(make_app) -> None:
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, Dialog)
        # All that "Tell the caller" shows, under its title: here the welcome (no source).
        said = " ".join(screen_text(app).split())
        assert "Welcome This is a short example." in said and "Source:" not in said
        await pilot.press("escape", *"Ann", "enter", "1", *"80", "enter")
        # On a call the right to an assessment is a line beside the next question.
        assert app.session.current == "needs.tasks"
        await pilot.press("ctrl+o")
        said = " ".join(screen_text(app).split())
        assert "Read this to the caller" in said and "Source:" in said
        assert "free assessment" in said


async def test_the_call_details_form_opens_with_its_title_note_and_first_question_in_view(
    make_app,
) -> None:
    """At 80x24 the focused first list was scrolled to the top of the form, hiding the
    note and the question it answers."""
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "f9", "tab", "tab", "enter")
        assert isinstance(app.screen, CallDetailsScreen)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        body = app.screen.query_one("#details-body")
        title, note, question, first = [app.screen.query_one(".dialog-title"), *body.children[:3]]
        assert app.focused is first
        for widget in (title, note, question, first):
            assert body.region.union(title.region).contains_region(widget.region), widget
        assert "How did they get in touch?" in str(question.render())
        await pilot.press("1")  # chosen: the next list takes the focus, its question with it
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        caller, asked = body.query_one("#details-caller"), body.children[3]
        assert app.focused is caller and "Who was calling?" in str(asked.render())
        assert body.region.contains_region(asked.region)


#: Two explanations, the first shown above the second, between two questions.
TWO_EXPLANATIONS = """\
flow: main
title: Main
steps:
  - id: name
    kind: ask
    type: text
    text: "What is your name?"
  - id: limits
    kind: say
    title: "No limits that ignore your needs"
    text: "No cap on your care that ignores your needs."
    cite: [care_act_s9]
    with_next: true
  - id: planning
    kind: say
    title: "Planning your care is free"
    text: "So is your assessment."
    cite: [care_act_s10]
  - id: next
    kind: ask
    type: yesno
    text: "Do you go out?"
  - id: done
    kind: end
"""


async def test_read_out_on_an_explanation_screen_reads_that_one_too(clock, tmp_path: Path) -> None:
    """On someone's behalf an explanation has a screen of its own; Ctrl+O read out only
    the one above it, not the one on screen or its source (QA in tmux)."""
    (tmp_path / "bundle.yaml").write_text("id: two\ntitle: Two\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(TWO_EXPLANATIONS)
    (tmp_path / "sources.yaml").write_text((ROOT / "flows/example/sources.yaml").read_text())
    app = AssistantApp(load_bundle(tmp_path), "en_GB", "adviser_behalf", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ann", "enter")
        assert app.session.current == "main.planning"
        await pilot.press("ctrl+o")
        said = " ".join(screen_text(app).split())
        assert "No limits that ignore your needs" in said and "section 9" in said
        assert "Planning your care is free So is your assessment." in said
        assert "section 10" in said
