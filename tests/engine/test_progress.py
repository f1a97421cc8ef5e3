"""Honest progress over random walks: "step k of n" counts the parts on the person's path.

Moving forward never lowers the step number or the total; the total is never below the
step (there is none before the first answer, when nothing is known of the path yet); at the end the total is exactly the parts met (fewer than estimated only for someone
who chose to stop before the last part, at a screen that shows no total); and only
questions say "of". Going back or changing an answer may change the count.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_random_walks import valid_answer

from assistant.engine.outputs import ConversationEnded, StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.loading import find_bundles, load_bundle
from assistant.flow.model import Ask, Say
from assistant.i18n import Translator
from assistant.plain.render import progress_line

FLOWS = Path(__file__).parents[2] / "flows"
BUNDLES = [p.name for p in find_bundles(FLOWS)]
WALKS = int(os.environ.get("WALKS", "60"))


@cache
def bundle(name: str) -> Bundle:
    return load_bundle(FLOWS / name)


def _parts_met(session: Session) -> int:
    """The parts on the path, counted from scratch: modules with a question or an
    explanation on a screen of its own, in a row (one shown above a question goes with it)."""
    modules: list[str] = []
    for key in session.path:
        info = session.bundle.steps[key]
        step = info.step
        own_screen = isinstance(step, Ask) or (isinstance(step, Say) and not step.with_next)
        if own_screen and (not modules or modules[-1] != info.module):
            modules.append(info.module)
    return len(modules)


@pytest.mark.parametrize("name", BUNDLES)
@settings(
    max_examples=WALKS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_moving_forward_never_lowers_the_step_or_the_total(name: str, data: st.DataObject) -> None:
    session = Session(bundle(name))
    session.start()
    t = Translator()
    last = (0, 0)
    asked_total = 0  # the total the last question showed
    for _ in range(len(session.bundle.steps) * 2):
        view = session.show()[0]
        progress = view.progress
        assert progress.step == _parts_met(session)
        if not session.path_answers:  # nothing is known of their path yet: no total
            assert progress.steps == 0 and not progress.grew
            view_line = progress_line(progress, t)
            assert " of " not in view_line
            session.answer(valid_answer(view, data)) if isinstance(view, StepShown) else None
            continue
        assert progress.steps >= progress.step >= 1
        assert progress.step >= last[0], "the step number went down going forward"
        ended = isinstance(view, ConversationEnded)
        if not ended or view.step.split(".")[0] == session.bundle.manifest.modules[-1]:
            assert progress.steps >= last[1], "the total went down going forward"
        line = progress_line(progress, t)
        if isinstance(view, StepShown) and view.kind == "ask":
            assert line.startswith(f"Step {progress.step} of {progress.steps}: ")
            assert progress.grew == (0 < asked_total < progress.steps)  # said when it rose
            asked_total = progress.steps
        else:
            assert " of " not in line and line == t.render(progress.section_title)
            assert not progress.grew
        last = (progress.step, progress.steps)
        if isinstance(view, ConversationEnded):
            assert progress.steps == progress.step  # at the end, the count is exact
            break
        session.answer(valid_answer(view, data))
    else:
        pytest.fail("the walk did not reach an end")


def test_the_total_is_estimated_from_answers_and_says_once_when_it_grows(
    tmp_path: Path,
) -> None:
    (tmp_path / "bundle.yaml").write_text("id: t\ntitle: T\nmodules: [a, b, c, d]\n")
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    (tmp_path / "a.yaml").write_text(
        "flow: a\ntitle: First\nsteps:\n"
        "  - {id: name, kind: ask, type: text, text: 'Your name?'}\n"
        "  - {id: pa, kind: ask, type: yesno, text: 'Do you pay a PA?'}\n"
        "  - {id: thanks, kind: say, text: 'Thank you.'}\n"
        "  - {id: to_b, kind: link, to: b}\n"
    )
    (tmp_path / "b.yaml").write_text(
        "flow: b\ntitle: Second\nsteps:\n"
        "  - {id: other, kind: ask, type: yesno, text: 'Anything else?'}\n"
        "  - {id: other_too, kind: ask, type: yesno, text: 'Anything more?'}\n"
        "  - id: route\n    kind: branch\n    cases:\n"
        "      - {when: 'a.pa', next: c.payroll}\n"
        "    else: d.final\n"
    )
    (tmp_path / "c.yaml").write_text(
        "flow: c\ntitle: Employing\nsteps:\n"
        "  - {id: payroll, kind: ask, type: yesno, text: 'Do you run payroll?'}\n"
        "  - {id: to_d, kind: link, to: d}\n"
    )
    (tmp_path / "d.yaml").write_text(
        "flow: d\ntitle: Last\nsteps:\n"
        "  - {id: final, kind: ask, type: yesno, text: 'Anything to add?'}\n"
        "  - {id: done, kind: end}\n"
    )
    flow = load_bundle(tmp_path)

    def walk(answers: list[object]) -> list[tuple[str, int, int, bool]]:
        session = Session(flow)
        shown = session.start()
        seen = []
        for answer in [*answers, None]:
            view = shown[-1]
            seen.append((view.step, view.progress.step, view.progress.steps, view.progress.grew))
            if isinstance(view, ConversationEnded):
                break
            shown = session.answer(answer)
        return seen

    assert walk(["Ann", "no", None, "no", "no", "no"]) == [
        ("a.name", 1, 0, False),  # nothing known yet: no total
        ("a.pa", 1, 3, False),  # the fewest ways: without employing
        ("a.thanks", 1, 3, False),
        ("b.other", 2, 3, False),
        ("b.other_too", 2, 3, False),
        ("d.final", 3, 3, False),
        ("d.done", 3, 3, False),
    ]
    assert walk(["Ann", "yes", None, "no", "no", "no", "no"]) == [
        ("a.name", 1, 0, False),
        ("a.pa", 1, 3, False),
        ("a.thanks", 1, 3, False),  # estimated on entering a part, so not yet
        ("b.other", 2, 4, True),  # the answer decided the branch: said once, here
        ("b.other_too", 2, 4, False),
        ("c.payroll", 3, 4, False),
        ("d.final", 4, 4, False),
        ("d.done", 4, 4, False),
    ]
