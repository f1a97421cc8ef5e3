"""Detail on demand (``more``) and explanations shown with the question after them
(``with_next``): what the engine shows, how back works, and what the plan keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine.events import Event
from assistant.engine.outputs import ConversationEnded, StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle
from assistant.i18n import Translator
from assistant.plan.build import build_plan

MODULE = """\
flow: main
title: Main
steps:
  - id: cares
    kind: ask
    type: yesno
    text: "Do you look after someone?"
    why: "Carers have rights of their own."
  - id: route
    kind: branch
    cases:
      - when: "cares"
        next: carer_right
    else: money
  - id: carer_right
    kind: say
    title: "Your own assessment"
    text: "Because you look after someone, you can ask for a carer's assessment."
    more: "A carer's assessment looks at your needs as a carer, whatever your money."
    cite: [care_act_s10]
    with_next: true
    why: "Carers are often not told."
  - id: money
    kind: ask
    type: yesno
    text: "Would you like to hear about money?"
    more: "Money here means charges for care, not benefits."
    why: "You can skip it."
  - id: done
    kind: end
"""


@pytest.fixture(scope="module")
def carer_flow(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    folder: Path = tmp_path_factory.mktemp("carer")
    (folder / "bundle.yaml").write_text("id: carer\ntitle: Carer\nmodules: [main]\n")
    (folder / "main.yaml").write_text(MODULE)
    (folder / "sources.yaml").write_text(
        "sources:\n  care_act_s10:\n    title: Care Act 2014\n    part: section 10\n"
    )
    return load_bundle(folder)


def _shown(outputs: list[object]) -> StepShown:
    [shown] = [o for o in outputs if isinstance(o, StepShown)]
    return shown


def test_an_explanation_with_the_question_has_no_screen_of_its_own(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    shown = _shown(session.answer("yes"))
    assert shown.step == "main.money"  # straight to the next question
    [before] = shown.before
    assert before.step == "main.carer_right"
    assert before.text.id.startswith("Because you look after someone")
    assert before.more is not None and before.more.id.startswith("A carer's assessment")
    assert before.citations == ("care_act_s10",)
    assert "main.carer_right" in session.path  # it was passed, so it is in the plan
    assert [e.step for e in session.events if e.kind == "shown"] == ["main.cares", "main.money"]


def test_without_the_answer_that_leads_to_it_nothing_is_shown_above(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    assert _shown(session.answer("no")).before == ()


def test_back_from_the_question_skips_the_explanation_shown_with_it(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    session.answer("yes")
    shown = _shown(session.back())
    assert shown.step == "main.cares"
    assert _shown(session.answer("yes")).before[0].step == "main.carer_right"


def test_a_question_carries_its_own_more(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    shown = _shown(session.answer("no"))
    assert shown.more is not None and shown.more.context == "main.money"


def test_the_log_replays_to_the_same_place(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    session.answer("yes")
    events = [Event.from_json(e.to_json()) for e in session.events]
    again = Session.replay(carer_flow, events)
    assert again.current == "main.money" and again.path == session.path


def test_the_plan_keeps_the_full_text_not_the_short_one(carer_flow: Bundle) -> None:
    session = Session(carer_flow)
    session.start()
    session.answer("yes")
    session.answer("no")
    plan = build_plan(session, Translator())
    texts = [
        item.text
        for section in plan.sections
        for block in section.blocks
        for item in getattr(block, "items", ())
    ]
    assert "A carer's assessment looks at your needs as a carer, whatever your money." in texts
    assert not any(text.startswith("Because you look after") for text in texts)


def test_a_say_step_offers_its_full_text(example: Bundle) -> None:
    session = Session(example)
    session.start()
    for answer in (None, "Ann", "self", 80):
        shown = _shown(session.answer(answer))
    assert shown.step == "welcome.assessment_right"
    assert shown.more is not None and "whatever their income" in shown.more.id
    assert shown.more.context == "welcome.assessment_right"


LIST = """\
flow: main
title: Main
steps:
  - {id: free_equipment, kind: say, text: "Equipment is free.", with_next: true}
  - {id: free_reablement, kind: say, text: "Reablement is free for six weeks.", with_next: true}
  - {id: free_title, kind: say, title: "What is free", text: "These are always free."}
  - {id: tip, kind: say, text: "Ask in writing.", with_next: true}
  - {id: done, kind: end, text: "Thank you."}
"""


def test_a_short_list_shares_one_screen_and_the_end_shows_what_comes_before_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "bundle.yaml").write_text("id: l\ntitle: L\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(LIST)
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    session = Session(load_bundle(tmp_path))
    [first] = session.start()
    assert isinstance(first, StepShown) and first.step == "main.free_title"
    assert [e.step for e in first.before] == ["main.free_equipment", "main.free_reablement"]
    [end] = session.answer()
    assert isinstance(end, ConversationEnded)
    assert [e.step for e in end.before] == ["main.tip"]
    assert session.back()[0].step == "main.free_title"  # type: ignore[union-attr]
