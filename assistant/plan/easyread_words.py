"""The Easy Read plan's own sentences, as word lists by answer (see :mod:`assistant.plan.easyread`).

Every sentence is written for Easy Read: one idea, short everyday words, first person. The
keys are the England flow's choice values. Long on purpose: one line per answer.
"""

from __future__ import annotations

from assistant.values import N_

WHY_NOW = {
    "new_condition": N_("I have a new illness, or I had a fall."),
    "hospital": N_("I came home from hospital."),
    "mental_health": N_("My mental health is not good."),
    "carer": N_("I look after someone."),
    "review_or_cut": N_("My help is being checked or cut."),
    "money": N_("I am worried about money."),
    "other": N_("Something else has changed."),
}
HELPED = {
    "supporter": N_("Someone I know helped me fill this in."),
    "adviser": N_("An adviser helped me fill this in."),
    "on_behalf": N_("Someone filled this in for me."),
}
DECIDE = {
    "yes": N_("I can make my own choices."),
    "with_help": N_("I can make my own choices with help."),
    "sometimes": N_("Some days I can make my own choices. Some days I can not."),
    "no": N_("I need someone to help make big choices for me."),
}
NEEDS = {
    "nutrition": N_("Making food and eating"),
    "hygiene": N_("Washing"),
    "toilet": N_("Using the toilet"),
    "dressing": N_("Getting dressed"),
    "home_safety": N_("Moving around my home"),
    "home_upkeep": N_("Keeping my home clean and warm"),
    "relationships": N_("Seeing family and friends"),
    "work": N_("Work or learning"),
    "community": N_("Going out to shops and places"),
    "child_care": N_("Looking after a child"),
}
OFTEN = {
    "yes": N_("I need help most days."),
    "some_days": N_("Some days are good. Some days are bad."),
}
WAYS = {
    "help": N_("I need someone to help me."),
    "pain": N_("It hurts, or it upsets me."),
    "risk": N_("It is not safe."),
    "slow": N_("It takes me a long time."),
}
MONEY_WAY = {
    "direct_payment": N_("I want the money paid to me, so I can choose my help."),
    "third_party": N_("I want someone else to look after the money for me."),
    "isf": N_("I want a care company to look after the money for me."),
    "council_managed": N_("I want the council to sort out my care."),
    "mix": N_("I want a mix: I choose some help, and the council sorts out the rest."),
}
RIGHTS = {
    "assessment": N_("ask the council to look at my needs"),
    "written_decision": N_("get the answer in writing"),
    "plan": N_("have a plan, and a copy of it"),
    "personal_budget": N_("know how much money is for my care"),
    "direct_payment": N_("ask for the money to be paid to me"),
    "authorised_person": N_("have the money paid to someone I trust"),
    "review": N_("ask for my plan to be checked"),
    "carer_of_you": N_("get help for the person who cares for me"),
    "own_carer_assessment": N_("get help as a carer"),
    "advocate": N_("have someone to help me speak up"),
    "aftercare": N_("free care after a stay in hospital under the Mental Health Act"),
    "reablement": N_("free help for a few weeks to get back on my feet"),
    "safeguarding": N_("be safe from harm"),
    "carer_support_plan": N_("have my own plan and money as a carer"),
}
#: A carer asking for themselves: what caring makes hard (carers.carer_activities).
CARING_HARD = {
    "child": N_("Looking after a child"),
    "others": N_("Caring for someone else too"),
    "home": N_("Keeping my home clean and safe"),
    "food": N_("Eating well"),
    "relationships": N_("Seeing family and friends"),
    "work": N_("Work or learning"),
    "local": N_("Going out to shops and places"),
    "free_time": N_("Time to rest, or do things I like"),
}
CARER_HEALTH = {
    "yes": N_("Caring is making me ill."),
    "at_risk": N_("Caring may make me ill."),
}
CARER_GO_ON = {
    "with_help": N_("I can keep caring, but only with more help."),
    "no": N_("I can not keep caring like this."),
}
#: What would help (``day_to_day.<need>_help``), by choice.
HELP = {
    "visits": N_("Someone to help me at set times."),
    "go_with": N_("Someone to go with me."),
    "family": N_("More help from my family or friends."),
    "equipment": N_("Things that make it easier, like a rail or a seat."),
    "service": N_("A group or service near me."),
}
#: How they like to be contacted and given information (``next_steps.communicate``).
CONTACT = {
    "phone": N_("Please phone me."),
    "letter": N_("Please write me a letter."),
    "email": N_("Please send me an email."),
    "face_to_face": N_("I like to meet face to face."),
    "easy_read": N_("I need Easy Read."),
    "large_print": N_("I need large print."),
    "interpreter": N_("I need my own language, or someone to help me talk."),
    "bsl": N_("I use British Sign Language."),
    "someone_with_me": N_("I like someone I trust to be with me."),
}
#: If the person who helps them is ill or away (``carers.backup``).
BACKUP = {
    "family_friend": (N_("If the person who helps me is ill, someone else I know can help."),),
    "paid": (N_("If the person who helps me is ill, my paid helpers can help."),),
    "nobody": (
        N_("If the person who helps me is ill, I have nobody else."),
        N_("I want to plan this with the council now."),
    ),
}
#: If their PA is ill or away (``employing_pa.cover``).
COVER = {
    "agency": N_("If my PA is ill or away, an agency can help."),
    "other_pa": N_("If my PA is ill or away, another PA can help."),
    "family": N_("If my PA is ill or away, my family or friends can help."),
    "not_yet": N_("If my PA is ill or away, I need a plan for who helps."),
}
#: A mental health crisis plan (``mental_health.crisis_plan``).
CRISIS_PLAN = {
    "with_team": N_("If I get unwell, I follow my crisis plan."),
    "would_like": N_("I would like a plan for when I get unwell."),
}
#: Risks they want the council to think about (``day_to_day.risks``).
RISKS = {
    "falls": N_("I worry about falling."),
    "alone": N_("I worry about being on my own for a long time."),
    "medicines": N_("I need to take my medicines safely."),
    "eating": N_("I may not eat or drink enough."),
    "mental_health": N_("My mental health may get worse."),
    "money": N_("I worry about money, or people taking advantage of me."),
}
#: When they would like the plan checked (``next_steps.review_when``).
REVIEW = {
    "weeks": N_("I want my plan checked 6 to 8 weeks after it starts."),
    "six_months": N_("I want my plan checked after 6 months."),
    "year": N_("I want my plan checked after a year."),
    "changes": N_("I want my plan checked when things change."),
}
#: Who may see the plan (``next_steps.share``, ``share_with_team``, ``carer_share``).
SHARE = {
    "cared_for": N_("The person I look after"),
    "helper": N_("The person who helps me"),
    "family": N_("My family"),
    "gp": N_("My doctor"),
    "mh_team": N_("My mental health team"),
    "advocate": N_("Someone who helps me speak up"),
    "provider": N_("The people who give me care"),
}
#: The budget they know, by how often it is paid (``managing_budget.budget_period``).
BUDGET = {
    "week": N_("My budget is {amount} each week."),
    "four_weeks": N_("My budget is {amount} every 4 weeks."),
    "month": N_("My budget is {amount} each month."),
    "year": N_("My budget is {amount} each year."),
}
BUDGET_ONLY = N_("My budget is {amount}.")
