"""A multiple choice's "None of these" is an answer only on its own (``alone: true``).

The app took "An assessment from the council" with "None of these" and put both in the
plan (QA in tmux); every way of answering now refuses the pair and says what to do.
"""

from __future__ import annotations

import pytest

from assistant.engine.answers import read_answer
from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.values import InvalidAnswer


def has_already(england: Bundle) -> model.Ask:
    step = england.steps["getting_started.has"].step
    assert isinstance(step, model.Ask) and step.type == "multi"
    return step


@pytest.mark.parametrize("raw", ["1, 5", ["assessment", "none"], "5 2 1"])
def test_none_of_these_with_others_is_refused_by_its_number(england: Bundle, raw: object) -> None:
    step = has_already(england)
    assert [c.value for c in step.choices if c.alone] == ["none"]
    with pytest.raises(InvalidAnswer) as caught:
        read_answer(step, raw)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "Option 5 is an answer on its own: choose it alone, or leave it out."
    )


def test_none_of_these_alone_and_the_others_together_are_kept(england: Bundle) -> None:
    step = has_already(england)
    assert read_answer(step, "5") == ("none",)
    assert read_answer(step, "none, none") == ("none",)  # the same one twice is one
    assert read_answer(step, "2, 1") == ("assessment", "plan")


def test_every_none_of_these_in_the_england_flow_stands_alone(england: Bundle) -> None:
    """A new multiple choice with a "None of these" (or "Nobody else") needs the flag too."""
    for key, found in england.steps.items():
        step = found.step
        if isinstance(step, model.Ask) and step.type == "multi":
            for choice in step.choices:
                if choice.value in ("none", "only_me"):
                    assert choice.alone, f"{key}: {choice.label}"
