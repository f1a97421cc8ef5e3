"""Which rights apply to a person, from their answers (module 9 of the England flow).

Each right is decided by one small pure function over the answers it depends on, so the
flow's conditions and the tests call the very same code. Everyone has some rights (an
assessment, a written eligibility decision, the wellbeing principle), so they are always
listed. :func:`applicable` gives every right for a whole set of answers, for the plan.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.rules import eligibility

#: Mental Health Act 1983 sections after which section 117 after-care applies.
AFTERCARE_SECTIONS = frozenset({"s3", "s37", "s45a", "s47_48"})

#: The four "substantial difficulty" tests of Care Act s67(4).
ADVOCACY_DIFFICULTIES = frozenset({"understand", "remember", "weigh", "communicate"})

#: Answers to "who has legal power to decide for you" that make someone an authorised person;
#: "attorney" is an attorney (of either kind) who said so when they started answering.
AUTHORITIES = frozenset({"lpa_health", "lpa_money", "deputy", "attorney"})

#: Things already in place that mean the council is, or will be, meeting needs.
EXISTING_SUPPORT = frozenset({"plan", "personal_budget", "direct_payment"})

#: Rights everyone has, whatever they answered, in the order the flow shows them.
ALWAYS = ("assessment", "written_decision", "wellbeing")


def _chosen(answer: object, options: frozenset[str]) -> bool:
    return isinstance(answer, tuple) and any(item in options for item in answer)


def legal_authority(authority: object, acting: object) -> object:
    """Who has legal power to decide for the person, asked once.

    Someone answering for the person who said at the start that they are the person's
    attorney or deputy (``getting_started.authority_to_act``) is not asked again: that
    answer stands for ``mental_health.authority``. Otherwise that question's own answer.
    """
    if acting == "attorney":
        return ("attorney",)
    if acting == "deputy":
        return ("deputy",)
    return authority


def aftercare(detained: object, section: object) -> bool:
    """Section 117 after-care (free, joint NHS and council duty) after a qualifying section."""
    return detained is True and section in AFTERCARE_SECTIONS


def advocate(difficulty: object, appropriate_person: object) -> bool:
    """Care Act s67: a substantial difficulty, and nobody suitable to support them."""
    return _chosen(difficulty, ADVOCACY_DIFFICULTIES) and appropriate_person is not True


def planning(indication: object, has: object) -> bool:
    """A care plan, personal budget and review: needs may be eligible, or are being met."""
    return indication in ("likely", "might") or _chosen(has, EXISTING_SUPPORT)


def advice_if_not_eligible(indication: object, has: object) -> bool:
    """Care Act s13(5): written advice on meeting or preventing needs that are not eligible."""
    return not planning(indication, has)


def can_ask_for_direct_payment(decisions: object) -> bool:
    """Care Act s31: the person can ask for a direct payment unless they cannot decide."""
    return decisions != "no"


def through_authorised_person(decisions: object, authority: object) -> bool:
    """Care Act s32: capacity may be lacking, or someone already holds legal authority."""
    return decisions in ("no", "sometimes") or _chosen(authority, AUTHORITIES)


def direct_payment(indication: object, has: object, decisions: object) -> bool:
    """A direct payment to the person (s31), when needs may be met by the council."""
    return planning(indication, has) and can_ask_for_direct_payment(decisions)


def authorised_person(
    indication: object, has: object, decisions: object, authority: object
) -> bool:
    """A direct payment through an authorised person (s32), when needs may be met."""
    return planning(indication, has) and through_authorised_person(decisions, authority)


def carer_of_you(has_carer: object) -> bool:
    """Care Act s10: the person who cares for them has a right to a carer's assessment."""
    return has_carer is True


def own_carer_assessment(is_carer: object) -> bool:
    """Care Act s10: they care for another adult, so they have that right themselves."""
    return is_carer is True


def safeguarding(feel_safe: object) -> bool:
    """Care Act s42: any sign they may not be safe means a safeguarding signpost."""
    return feel_safe in ("no", "unsure")


def free_reablement(prompt: object) -> bool:
    """Charging Regs reg 3: reablement is free for up to six weeks, e.g. after hospital."""
    return _chosen(prompt, frozenset({"hospital", "new_condition"}))


#: The rights of a carer asking about their own support (the flow's carer's way through):
#: their own assessment (Care Act s10); the plan adds a support plan and a direct payment.
CARER_ROUTE = ("own_carer_assessment",)


def feeling_safe(answers: Mapping[str, object]) -> object:
    """Do they feel safe: asked in the day-to-day part, or near the end when someone else
    was answering or with them and they chose to answer it later."""
    now = answers.get("day_to_day.feel_safe")
    return now if now is not None else answers.get("rights.feel_safe_later")


def applicable(answers: Mapping[str, object]) -> tuple[str, ...]:
    """Every right that applies, in the order the flow explains them (keys ``module.step``).

    A carer asking about their own support (``getting_started.focus`` is ``carer``) is not
    asked about their own needs for care, so only a carer's rights apply.
    """
    get = answers.get
    if get("getting_started.focus") == "carer":
        return CARER_ROUTE
    result = eligibility.from_answers(answers).indication
    has, decisions = get("getting_started.has"), get("mental_health.decisions")
    checks = {
        "plan": planning(result, has),
        "advice": advice_if_not_eligible(result, has),
        "direct_payment": direct_payment(result, has, decisions),
        "authorised_person": authorised_person(
            result,
            has,
            decisions,
            legal_authority(
                get("mental_health.authority"), get("getting_started.authority_to_act")
            ),
        ),
        "carer_of_you": carer_of_you(get("carers.has_carer")),
        "own_carer_assessment": own_carer_assessment(get("carers.is_carer")),
        "advocate": advocate(
            get("mental_health.difficulty"), get("mental_health.appropriate_person")
        ),
        "aftercare": aftercare(get("mental_health.detained"), get("mental_health.section")),
        "safeguarding": safeguarding(feeling_safe(answers)),
        "free_reablement": free_reablement(get("getting_started.prompt")),
    }
    return ALWAYS + tuple(name for name, applies in checks.items() if applies)
