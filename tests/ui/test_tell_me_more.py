""" "Tell me more" in the app: offered only where there is more, shown under the question."""

from __future__ import annotations

from ui_helpers import SIZE, text_of

from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp
from assistant.ui.steps import SayView, YesNoView
from assistant.ui.widgets import ActionButton


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
        await pilot.press("enter")  # pressed again: hidden
        assert not app.screen.query_one("#more-text").display
        view = next(v for v in app.screen.query(SayView) if v.display)
        view.query_one("#continue").focus()
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
        view = next(v for v in app.screen.query(YesNoView) if v.display)
        more = view.query_one("#more", ActionButton)
        assert more.display  # the explanation above has more to read
        more.focus()
        await pilot.press("enter")
        assert "whatever your money" in text_of(app, "#more-text")
