"""The six situations of issue 4, walked through the real England flow, plus a check that
what the flow shows (indication, rights, options) always agrees with assistant.rules."""

from __future__ import annotations

import random
from collections.abc import Mapping

import pytest

from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.rules import eligibility, options, rights
from assistant.values import Special

#: Which rights step in the flow explains each right from assistant.rules.rights.
RIGHT_STEPS = {
    "assessment": "rights.assessment",
    "written_decision": "rights.written_decision",
    "wellbeing": "rights.wellbeing",
    "plan": "rights.plan",
    "advice": "rights.advice",
    "direct_payment": "rights.direct_payment",
    "authorised_person": "rights.authorised_person",
    "carer_of_you": "rights.carer_of_you",
    "own_carer_assessment": "rights.own_carer_assessment",
    "advocate": "rights.advocate",
    "aftercare": "rights.aftercare",
    "safeguarding": "rights.safeguarding",
    "free_reablement": "rights.reablement",
}

NO_STRUGGLES = {f"day_to_day.{name}": "no" for name in eligibility.OUTCOMES}
START = {
    "getting_started.answering": "self",
    "getting_started.where": "england",
    "getting_started.has": ("none",),
    "day_to_day.impairment": "yes",
    "day_to_day.wellbeing_impact": "big",
    "day_to_day.feel_safe": "yes",
    "mental_health.mh_history": False,
    "mental_health.decisions": "yes",
    "mental_health.difficulty": ("none",),
    "carers.has_carer": False,
    "carers.is_carer": False,
    "money.go_through": "skip",
    **NO_STRUGGLES,
}


def struggle(name: str, how: tuple[str, ...], often: str = "yes") -> dict[str, object]:
    return {f"day_to_day.{name}": often, f"day_to_day.{name}_how": how}


def shown_rights(path: list[str]) -> set[str]:
    return {right for right, step in RIGHT_STEPS.items() if step in path}


def assert_consistent(path: list[str], answers: Mapping[str, object]) -> None:
    """What the flow showed must be exactly what the pure rules compute."""
    shown = [s for s in ("likely", "might", "unlikely") if f"day_to_day.{s}" in path]
    if "day_to_day.overall_route" in path:
        assert shown == [eligibility.from_answers(answers).indication]
    if "rights.intro" in path or "rights.carer_intro" in path:  # a carer's own rights too
        assert shown_rights(path) == set(rights.applicable(answers))
    if "managing_budget.options_intro" in path:
        fits = {o for o in options.OPTIONS if f"managing_budget.{o}_fits" in path}
        assert fits == set(options.from_answers(answers))


def test_older_person_after_a_fall(walk) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk(
        {
            **START,
            "getting_started.prompt": ("new_condition",),
            **struggle("nutrition", ("help",)),
            **struggle("hygiene", ("risk",)),
            **struggle("home_safety", ("risk", "slow")),
            **struggle("community", ("help",), "some_days"),
            "carers.has_carer": True,
            "carers.carer_coping": "no",
            "money.go_through": "go_through",
            "money.benefits": ("attendance_allowance",),
            "managing_budget.control": "some",
            "managing_budget.manage": "someone",
            "managing_budget.employ_known": "no",
            "managing_budget.preference": "council_managed",
        }
    )
    assert "day_to_day.likely" in path and "day_to_day.varies" in path
    assert "money.dre" in path and "employing_pa.duties_intro" not in path
    assert {"plan", "direct_payment", "carer_of_you", "free_reablement"} <= shown_rights(path)
    assert not {"advocate", "aftercare", "safeguarding"} & shown_rights(path)
    assert "managing_budget.third_party_fits" in path and "managing_budget.mix_fits" in path
    assert path[-1] == "next_steps.finish"
    assert_consistent(path, answers)


def test_discharged_after_section_3(walk) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk(
        {
            **START,
            "getting_started.prompt": ("hospital", "mental_health"),
            **struggle("nutrition", ("help",), "some_days"),
            **struggle("relationships", ("pain",), "some_days"),
            **struggle("community", ("pain",)),
            "mental_health.detained": True,
            "mental_health.section": "s3",
            "mental_health.decisions": "sometimes",
            "mental_health.authority": ("none",),
            "mental_health.difficulty": ("weigh",),
            "mental_health.appropriate_person": False,
            "managing_budget.control": "a_lot",
            "managing_budget.manage": "self",
            "managing_budget.employ_known": "other_known",
            "managing_budget.preference": "direct_payment",
            "employing_pa.employ": "yes",
            "employing_pa.pa_rate": "13",
            "employing_pa.pa_hours": "20",
            "employing_pa.pa_age": "age_22_to_spa",
            "employing_pa.pa_apprentice": False,
            "employing_pa.offered_rate": "12",
        }
    )
    assert "mental_health.mh_history" not in path  # they told us at the start
    for step in (
        "aftercare",
        "aftercare_free",
        "aftercare_budgets",
        "capacity_varies",
        "authorised_person",
        "advocate",
        "fluctuating",
    ):
        assert f"mental_health.{step}" in path, step
    assert {
        "aftercare",
        "advocate",
        "direct_payment",
        "authorised_person",
        "free_reablement",
    } <= shown_rights(path)
    assert "rights.personal_health_budget" in path
    assert "employing_pa.duty_sick_pay" in path and "employing_pa.cost_result" in path
    assert answers["employing_pa.pa_hours"] == 20
    assert_consistent(path, answers)


def test_a_carer(walk) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk({**START, "getting_started.prompt": ("carer",), "carers.is_carer": True})
    assert "getting_started.carer_note" in path
    assert "day_to_day.unlikely" in path and "day_to_day.not_eligible_help" in path
    assert "carers.own_assessment" in path and "carers.carer_criteria" in path
    assert {"own_carer_assessment", "advice"} <= shown_rights(path)
    assert "plan" not in shown_rights(path)
    assert_consistent(path, answers)


@pytest.mark.parametrize("go_on", ["continue", "stop"])
def test_someone_in_scotland(walk, go_on: str) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk(
        {**START, "getting_started.where": "scotland", "getting_started.go_on": go_on}
    )
    assert "getting_started.scotland_free_care" in path and "getting_started.scotland_help" in path
    if go_on == "stop":
        assert path[-1] == "getting_started.stopped"
        return
    assert "getting_started.general_only" in path
    for module in ("what_matters", "day_to_day", "mental_health", "carers", "managing_budget"):
        assert f"{module}.not_england" in path, module
    assert "rights.not_england" in path and "rights.assessment" not in path
    assert path[-1] == "next_steps.finish_outside_england"


def test_attorney_manages_their_affairs(walk) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk(
        {
            **START,
            "getting_started.answering": "on_behalf",
            "getting_started.authority_to_act": "attorney",
            "getting_started.prompt": ("other",),
            **struggle("nutrition", ("help",)),
            **struggle("hygiene", ("help",)),
            **struggle("dressing", ("help",)),
            "mental_health.decisions": "no",
            "mental_health.authority": ("lpa_health", "lpa_money"),
            "mental_health.difficulty": ("understand", "remember"),
            "mental_health.appropriate_person": True,
            "managing_budget.control": "a_lot",
            "managing_budget.manage": "someone",
            "managing_budget.employ_known": "no",
        }
    )
    assert "getting_started.on_behalf_note" in path
    assert "mental_health.authorised_person" in path and "mental_health.supporter" in path
    assert "authorised_person" in shown_rights(path)
    assert not {"direct_payment", "advocate"} & shown_rights(path)
    assert "managing_budget.direct_payment_fits" in path
    assert_consistent(path, answers)


def test_existing_direct_payment_holder(walk) -> None:  # type: ignore[no-untyped-def]
    path, answers = walk(
        {
            **START,
            "getting_started.has": ("assessment", "plan", "personal_budget", "direct_payment"),
            "getting_started.prompt": ("review_or_cut",),
            **struggle("hygiene", ("help",)),
            "managing_budget.control": "a_lot",
            "managing_budget.manage": "self",
            "managing_budget.employ_known": "no",
            "employing_pa.employ": "yes",
        }
    )
    assert "getting_started.review_note" in path
    assert "day_to_day.unlikely" in path  # one outcome only, but support is already in place
    assert {"plan", "direct_payment"} <= shown_rights(path) and "advice" not in shown_rights(path)
    assert "rights.review" in path and "employing_pa.duties_intro" in path
    assert_consistent(path, answers)


def random_answer(step: model.Ask, rng: random.Random) -> object:
    specials = [
        s
        for s, ok in ((Special.UNKNOWN, step.allow_unknown), (Special.DECLINED, step.allow_decline))
        if ok
    ]
    if specials and rng.random() < 0.15:
        return rng.choice(specials)
    values = [c.value for c in step.choices]
    if step.type == "choice":
        return rng.choice(values)
    if step.type == "multi":
        return tuple(rng.sample(values, rng.randint(1, min(3, len(values)))))
    if step.type == "yesno":
        return rng.random() < 0.5
    if step.type in ("number", "money"):
        return str(rng.randint(0, int(step.max or 100)))
    return "words"


@pytest.mark.parametrize("seed", range(60))
def test_flow_always_agrees_with_the_rules(england: Bundle, seed: int) -> None:
    rng = random.Random(seed)
    session = Session(england, clock=lambda: "2026-11-22T10:00:00+00:00")
    session.start()
    while not session.ended:
        step = england.steps[session.current].step
        raw = random_answer(step, rng) if isinstance(step, model.Ask) else None
        if session.current == "getting_started.where" and seed % 6:
            raw = "england"  # most walks stay in England, where rights are listed
        session.answer(raw)  # type: ignore[arg-type]
    # The engine's path: explanations shown with a question (or, on a call, beside it)
    # were passed without a screen of their own, but they were shown.
    path = list(session.path)
    assert_consistent(path, session.answers)
    assert seed % 6 == 0 or "rights.intro" in path or "rights.carer_intro" in path
