"""A carer asking about their own support meets questions about them as a carer, and the list
of people to involve offers a mental health team only to someone who spoke of one
(walkthroughs at 80x24, issue 13)."""

from __future__ import annotations

from assistant.flow import model
from assistant.flow.bundle import Bundle

CARER = {"getting_started.focus": "carer", "getting_started.where": "england"}


def choices(england: Bundle, key: str) -> list[str]:
    """The choice values a question offers."""
    step = england.steps[key].step
    assert isinstance(step, model.Ask)
    return [c.value for c in step.choices]


def test_a_carers_own_route_asks_about_the_caring_not_their_care(walk, england) -> None:
    path, _answers = walk(CARER)
    assert "what_matters.caring_help" in path
    assert "what_matters.who_helps" not in path  # "Who helps you now?" is for the cared-for
    assert "next_steps.carer_asks" in path
    assert "next_steps.asks" not in path
    assert "next_steps.review_when" not in path  # no support plan of their own yet
    assert "next_steps.carer_share" in path  # the person they look after, no team
    assert "next_steps.share" not in path and "next_steps.share_with_team" not in path
    assert choices(england, "next_steps.carer_share")[0] == "cared_for"
    assert "mh_team" not in choices(england, "next_steps.carer_share")
    assert "provider" not in choices(england, "next_steps.carer_share")  # "who give me care"
    offered = choices(england, "next_steps.carer_asks")
    assert "carer_assessment" in offered
    text = england.steps["next_steps.carer_asks"].step
    assert isinstance(text, model.Ask)
    labels = [c.label for c in text.choices]
    assert "An assessment of my needs" not in labels  # beside "A carer's assessment"


def test_the_person_who_needs_care_keeps_their_questions(walk) -> None:
    path, _answers = walk({"getting_started.focus": "care", "getting_started.where": "england"})
    for key in ("what_matters.who_helps", "next_steps.asks", "next_steps.review_when"):
        assert key in path, key
    assert "what_matters.caring_help" not in path
    assert "next_steps.carer_asks" not in path


def test_a_mental_health_team_is_offered_only_after_mental_health_was_mentioned(
    walk, england
) -> None:
    assert "mh_team" not in choices(england, "next_steps.share")
    assert "mh_team" in choices(england, "next_steps.share_with_team")
    care = {"getting_started.focus": "care", "getting_started.where": "england"}
    path, _answers = walk({**care, "mental_health.mh_history": False})
    assert "next_steps.share" in path and "next_steps.share_with_team" not in path
    path, _answers = walk({**care, "mental_health.mh_history": True})
    assert "next_steps.share_with_team" in path and "next_steps.share" not in path
    path, _answers = walk({**care, "getting_started.prompt": ("mental_health",)})
    assert "next_steps.share_with_team" in path
    # The two lists differ only by the team: the plan reads the same values from either.
    assert [v for v in choices(england, "next_steps.share_with_team") if v != "mh_team"] == (
        choices(england, "next_steps.share")
    )
