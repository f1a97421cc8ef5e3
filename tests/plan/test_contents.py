"""The plan holds what a council care and support plan holds (Care Act s25; CSSG ch 10), in
the person's terms: no question text, no general legal text in the plan itself, rights as
a compact list with their full explanations in the appendix; a Word copy for advisers and
an Easy Read copy in plain words."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import docx as word
import msgspec
import pytest

from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.loading import load_bundle
from assistant.i18n import Translator
from assistant.money import report
from assistant.plan import export, export_bytes
from assistant.plan import words as plan_words
from assistant.plan.build import build_plan
from assistant.plan.easyread import build_easy_read
from assistant.plan.model import Items, Paragraph, Plan, Quote, Table
from assistant.plan.render import render
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply, bundle_loader

_READABILITY = Path(__file__).resolve().parents[1] / "content" / "content_readability.py"
_spec = importlib.util.spec_from_file_location("content_readability", _READABILITY)
assert _spec is not None and _spec.loader is not None
readability = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(readability)
flesch = readability.flesch

T = Translator()
ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
ENGLAND = sorted(
    p.stem for p in (ROOT / "transcripts").glob("*.yaml") if p.stem not in ("example_ann",)
)
Persona = Callable[[str], Session]


def main_text(plan: Plan, fmt: str = "txt") -> str:
    """The plan without its appendix, as one line of text."""
    return " ".join(render(msgspec.structs.replace(plan, appendix=()), fmt, T).split())


def test_the_sections_follow_a_council_plan_in_order(persona: Persona) -> None:
    plan = build_plan(persona("dp_rate_too_low"), T, today=DAY)
    assert [s.id for s in plan.sections] == [
        "about_me",
        "what_matters",
        "needs",
        "help",
        "budget",
        "employing_pa",
        "contingency",
        "risks",
        "review",
        "rights",
        "questions",
        "consent",
        "about_plan",
    ]
    assert plan.appendix_title == "Your rights explained"
    assert plan.appendix[0].id == "appendix_needs"


def test_every_label_names_a_question_of_the_england_conversation() -> None:
    bundle = load_bundle(ROOT / "flows" / "england")
    missing = [
        key
        for key in plan_words.ALL_LABELS
        if not isinstance(getattr(bundle.steps.get(key), "step", None), model.Ask)
    ]
    assert missing == []  # a renamed step would silently drop out of the plan


@pytest.mark.parametrize("name", ENGLAND)
def test_no_question_is_repeated_word_for_word(name: str, persona: Persona) -> None:
    session = persona(name)
    text = " ".join(export(session, "txt", today=DAY).split())
    asked = [
        T.render(item.question)
        for item in session.review()
        if item.answer_type != "text" or True  # every question, free text ones included
    ]
    repeated = [question for question in asked if question in text]
    assert repeated == []


@pytest.mark.parametrize("name", ENGLAND)
def test_no_general_legal_text_in_the_plan_itself(name: str, persona: Persona) -> None:
    plan = build_plan(persona(name), T, today=DAY)
    text = main_text(plan)
    explained = [
        item.text
        for section in plan.appendix
        if section.id
        != "appendix_urgent"  # the contacts, kept in both on purpose, with sources here
        for block in section.blocks
        if isinstance(block, Items)
        for item in block.items
        if len(item.text) > 80
    ]
    assert explained  # there is legal text, and it is in the appendix
    repeated = [t for t in explained if " ".join(t.split()) in text]
    assert repeated == []


@pytest.mark.parametrize("name", ENGLAND)
def test_rights_are_a_compact_list_each_with_a_short_citation(name: str, persona: Persona) -> None:
    plan = build_plan(persona(name), T, today=DAY)
    rights = plan.section("rights")
    assert rights is not None
    lists = [b for b in rights.blocks if isinstance(b, Items)]
    if name == "scotland":
        assert lists == []
        return
    [listed] = lists
    assert listed.compact
    assert all(item.sources and item.sources[0].short for item in listed.items)
    assert all(len(item.sources[0].short) < 90 for item in listed.items)
    explained = plan.section("appendix_rights")
    assert explained is not None
    full = [i for b in explained.blocks if isinstance(b, Items) for i in b.items]
    assert {i.id for i in full} <= {i.id for i in listed.items}
    assert all(i.text for i in full)


def test_a_plan_can_leave_the_appendix_out(persona: Persona) -> None:
    session = persona("older_widowed_arthritis")
    assert build_plan(session, T, today=DAY, appendix=False).appendix == ()
    text = export(session, "md", today=DAY, appendix=False)
    assert "Your rights explained" not in text and "## My rights" in text


def test_condition_two_names_the_needs_found_hard(persona: Persona) -> None:
    plan = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    explained = plan.section("appendix_needs")
    assert explained is not None
    [second] = [
        i for b in explained.blocks if isinstance(b, Items) for i in b.items if i.id == "c2"
    ]
    assert second.title == "Second condition"
    assert "washing and keeping clean" in second.text and "preparing food" in second.text
    assert plan.facts.needs == (
        "nutrition",
        "hygiene",
        "dressing",
        "home_upkeep",
        "relationships",
        "community",
    )


def test_each_need_says_how_often_and_how_in_the_persons_terms(persona: Persona) -> None:
    plan = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    needs = plan.section("needs")
    assert needs is not None
    items = {i.id: i for b in needs.blocks if isinstance(b, Items) for i in b.items}
    assert items["hygiene"].title == "Washing and keeping clean"
    assert items["hygiene"].text == (
        "Most days. How: it causes me pain, distress or worry; it puts me or others at risk."
    )
    assert items["dressing"].text.startswith("On some days but not others: this need comes")


def test_what_would_help_has_a_row_for_each_need(persona: Persona) -> None:
    plan = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    help_ = plan.section("help")
    assert help_ is not None
    [table] = [b for b in help_.blocks if isinstance(b, Table)]
    assert table.columns == ("My need", "What would help", "Who", "When")
    assert [row[0] for row in table.rows][:2] == [
        "Preparing food and drink, and eating",
        "Washing and keeping clean",
    ]
    # Who, what and when, from her answers: what would help, and how often it is hard.
    assert table.rows[0][1:] == (
        "Someone to help me at set times; A service or group near me",
        "A care worker or PA; A local service or group",
        "Most days",
    )
    assert table.rows[2][0] == "Getting dressed" and table.rows[2][3] == "On bad days"
    assert all(all(row) for row in table.rows)  # she answered for every need: nothing blank
    assert "Blank spaces" not in " ".join(b.text for b in help_.blocks if isinstance(b, Paragraph))


def test_something_else_that_would_help_is_in_their_own_words(persona: Persona) -> None:
    plan = build_plan(persona("section3_discharge"), T, today=DAY)
    help_ = plan.section("help")
    assert help_ is not None
    [table] = [b for b in help_.blocks if isinstance(b, Table)]
    assert table.rows[0] == (
        "Preparing food and drink, and eating",
        "Someone to help me at set times; Someone to cook with me on bad days, so I keep it up",
        "A care worker or PA",
        "On bad days",
    )
    easy = build_easy_read(persona("section3_discharge"), T, today=DAY).section("help")
    assert easy is not None
    lines = [i.text for b in easy.blocks if isinstance(b, Items) for i in b.items]
    assert lines[0] == (
        "Someone to help me at set times.\nSomeone to cook with me on bad days, so I keep it up"
    )


def test_about_me_has_the_details_they_chose_to_give_and_the_title_their_name(
    persona: Persona,
) -> None:
    plan = build_plan(persona("after_a_fall"), T, today=DAY)
    assert plan.title == "My draft support plan: Joyce Hill"
    text = main_text(plan)
    for line in (
        "The name I want used: Joyce Hill",
        "How to contact me: 01632 960 123, or my son Mark on 07700 900 456",
        "My council: Kent County Council",
        "How I like to be contacted: By phone; In large print; With someone I trust beside me",
        "My GP or mental health team: Elm Tree Surgery",
        "Involve, and give a copy to: The family member or friend who helps me; My GP",
    ):
        assert line in text
    # Someone who chose not to give details gets none, and a plan with no name in its title.
    other = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    assert other.title == "My draft support plan"
    assert "The name I want used" not in main_text(other)
    # Geoff gave his name and how to contact him, and left the rest empty: no empty rows.
    geoff = main_text(build_plan(persona("skips_money"), T, today=DAY))
    assert "The name I want used: Geoff" in geoff and "My council" not in geoff
    easy = export(persona("after_a_fall"), "txt", today=DAY, easy_read=True)
    assert "My name is Joyce Hill." in easy and "I need large print." in easy


def test_what_matters_is_in_their_words_under_the_plans_own_labels(persona: Persona) -> None:
    plan = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    section = plan.section("what_matters")
    assert section is not None
    quotes = [b for b in section.blocks if isinstance(b, Quote)]
    assert [q.label for q in quotes] == [
        "A good day for me",
        "What I would like to be able to do",
        "Who helps me now",
    ]
    assert quotes[1].text == "Stay in my own home. Keep my garden tidy like Harold did."


def test_budget_names_the_resource_allocation_system_or_states_the_payment(
    persona: Persona,
) -> None:
    unknown = main_text(build_plan(persona("older_widowed_arthritis"), T, today=DAY))
    assert "Resource Allocation System (RAS)" in unknown
    assert "(Care and Support Statutory Guidance, paragraph 11.24)" in unknown
    known = main_text(build_plan(persona("dp_rate_too_low"), T, today=DAY))
    assert "£14.00 an hour, which is £350.00 a week for 25 hours" in known
    # The amount and how often it is paid (s25(1)), said once.
    assert "My direct payment is £1,400.00 every four weeks." in known
    assert known.count("A plan must say which needs a direct payment meets") == 1


def test_no_direct_payment_is_claimed_for_someone_who_has_none(persona: Persona) -> None:
    plan = build_plan(persona("section3_discharge"), T, today=DAY)
    for fmt in ("txt", "md", "html", "json"):
        text = " ".join(render(plan, fmt, T).split())
        assert "My direct payment is" not in text, fmt
        assert "review my direct payment rate" not in text, fmt
    text = main_text(plan)
    assert "I do not have a direct payment. The council's rate for a PA is £15.00 an hour" in text
    assert "I am asking you to look again at the direct payment rate you offer" in text


def test_an_offer_is_claimed_only_for_someone_who_has_a_direct_payment(persona: Persona) -> None:
    """Daniel gave the council's hourly rate for a PA, but nothing has been offered to him:
    neither his plan, his Easy Read plan nor the conversation's cost check says it was."""
    daniel = persona("section3_discharge")
    plan = build_plan(daniel, T, today=DAY)
    easy = " ".join(render(build_easy_read(daniel, T, today=DAY), "txt", T).split())
    conversation = report.render_summary(report.compute(daniel.answers, DAY), T.gettext, "en_GB")
    for text in [*(" ".join(render(plan, f, T).split()) for f in ("txt", "md", "json")), easy]:
        assert "council offers" not in text and "council's offer" not in text
    assert "The council pays" not in easy
    rate = (
        "At the council's rate (£15.00 an hour, £300.00 a week), you would be £16.47 a week short"
    )
    assert rate in main_text(plan)
    assert conversation[0].startswith(rate)
    assert "The council's rate is £15.00 an hour." in easy
    priya = persona("dp_rate_too_low")
    assert "The council offers £350.00 a week (£14.00 an hour)." in main_text(
        build_plan(priya, T, today=DAY)
    )
    easy = " ".join(render(build_easy_read(priya, T, today=DAY), "txt", T).split())
    assert "The council pays £14.00 an hour." in easy


def test_contingency_review_and_consent(persona: Persona) -> None:
    dp = main_text(build_plan(persona("dp_rate_too_low"), T, today=DAY))
    assert "If my PA is ill, on holiday or leaves." in dp
    assert "Urgent help, day or night: Emergency: 999" in dp
    assert "then at least every 12 months. (Care and Support Statutory Guidance, chapter 13" in dp
    assert "(not yet confirmed)" in dp  # the guidance point is marked as not yet confirmed
    assert "A direct payment is reviewed within its first 6 months" in dp
    assert "If my PA is ill, on holiday or leaves. Another PA, or PAs who share cover." in dp
    assert "I would like my plan looked at again: after 6 months." in dp
    older = main_text(build_plan(persona("older_widowed_arthritis"), T, today=DAY))
    assert "direct payment is reviewed" not in older  # not a direct payment person
    assert (
        "If the person who helps me is ill or away. Someone else in my family, or a friend, "
        "could help." in older
    )
    assert (
        "I agree that this plan may be shared with: The family member or friend who helps me; "
        "My GP." in older
    )
    daniel = main_text(build_plan(persona("section3_discharge"), T, today=DAY))
    assert "There is nobody I know of who could help." in daniel
    assert "My mental health team or crisis plan. I have a crisis plan with my mental" in daniel
    geoff = main_text(build_plan(persona("skips_money"), T, today=DAY))
    assert "I do not agree to this plan being shared with anyone else." in geoff
    plan = build_plan(persona("older_widowed_arthritis"), T, today=DAY)
    consent = plan.section("consent")
    assert consent is not None
    [signature] = [b for b in consent.blocks if isinstance(b, Table)]
    assert signature.columns == ("Signed", "Name", "Date") and signature.rows == (("", "", ""),)


def test_risks_come_from_the_answers(persona: Persona) -> None:
    attorney = main_text(build_plan(persona("attorney_lpa"), T, today=DAY))
    assert (
        "I am not sure I am always safe at home" in attorney or "I do not always feel" in attorney
    )
    older = build_plan(persona("older_widowed_arthritis"), T, today=DAY).section("risks")
    assert older is not None
    [chosen] = [b.text for b in older.blocks if isinstance(b, Paragraph)]
    assert chosen == (
        "I want the council to think about these with me: Falling; Being on my own for a long time."
    )
    [derived] = [b for b in older.blocks if isinstance(b, Items)]
    assert [i.text for i in derived.items] == [
        "Washing and keeping clean: it puts me or someone else at risk."
    ]
    easy = export(persona("older_widowed_arthritis"), "txt", today=DAY, easy_read=True)
    assert "I worry about falling." in easy


def test_the_word_copy_has_real_headings_lists_and_tables(persona: Persona) -> None:
    data = export_bytes(persona("dp_rate_too_low"), "docx", today=DAY, adviser=True)
    document = word.Document(BytesIO(data))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "My draft support plan: Priya Sharma")
    heading1 = [text for style, text in styles if style == "Heading 1"]
    assert heading1[:5] == [
        "About me",
        "What matters to me",
        "My needs",
        "What would help",
        "My budget",
    ]
    assert "Your rights explained" in heading1
    assert "Adviser notes (not part of the person's plan)" in heading1
    assert ("Heading 2", "The case for a review") in styles
    assert any(
        style == "List Bullet" and text.startswith("\u2610 1. Register") for style, text in styles
    )
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["My need", "What would help", "Who", "When"] in headers
    assert ["Cost", "A week", "A year"] in headers
    help_ = document.tables[headers.index(["My need", "What would help", "Who", "When"])]
    assert [c.text for c in help_.rows[2].cells] == [
        "Washing and keeping clean",
        "Someone to help me at set times; Equipment, or changes to my home",
        "A care worker or PA; The council: equipment",
        "Most days",
    ]
    costs = document.tables[headers.index(["Cost", "A week", "A year"])]
    assert [c.text for c in costs.rows[1].cells] == ["Basic pay", "£337.50", "£17,550.00"]
    # The header rows repeat and are marked as headers, for screen readers.
    assert all(t.rows[0]._tr.xpath("./w:trPr/w:tblHeader") for t in document.tables)
    assert document.core_properties.language == "en-GB"


EASY_HEADINGS = ["This is me", "What I need help with", "What would help"]


@pytest.mark.parametrize("name", ENGLAND)
def test_easy_read_is_first_person_short_and_plain(name: str, persona: Persona) -> None:
    plan = build_easy_read(persona(name), T, today=DAY)
    titles = [s.title for s in plan.sections]
    assert plan.kind == "easy_read"
    if name != "scotland":  # Scotland's plan has no needs to list
        assert titles[:1] == ["This is me"] and "What I need help with" in titles
    sentences = easy_read_sentences(plan)
    assert sentences
    long = [s for s in sentences if len(s.split()) > 15]
    assert long == []
    score = flesch(sentences)
    assert score >= 80, f"{name}: Flesch reading ease {score:.0f}"


def easy_read_sentences(plan: Plan) -> list[str]:
    """The Easy Read plan's own lines (the person's own words and citations aside)."""
    lines: list[str] = []
    for section in plan.sections:
        lines.append(section.title + ".")
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.text.strip("_"):
                lines.append(block.text)
            elif isinstance(block, Items):
                for item in block.items:
                    lines += [
                        line for line in (item.title + ".", *item.text.splitlines()) if line != "."
                    ]
    return lines


def test_easy_read_headings_and_export(persona: Persona) -> None:
    text = export(persona("older_widowed_arthritis"), "md", today=DAY, easy_read=True)
    for heading in EASY_HEADINGS:
        assert f"## {heading}" in text
    assert "Some days are good. Some days are bad." in text
    assert "Money figures for the tax year" not in text  # no form-like header line
    assert "I made this on 22 November 2026." in text
    html = export(persona("older_widowed_arthritis"), "html", today=DAY, easy_read=True)
    assert '<body class="easy-read">' in html and "html { font-size: 18pt; }" in html


def test_a_plan_made_before_the_last_questions_leaves_lines_to_fill_in() -> None:
    golden = load_golden(ROOT / "transcripts" / "after_a_fall.yaml")
    session = Session(bundle_loader(ROOT / "flows")(golden.bundle))
    session.start()
    for turn in golden.turns[1:]:
        if session.current == "next_steps.review_when":
            break
        apply(session, turn)
    assert session.current == "next_steps.review_when"
    text = main_text(build_plan(session, T, today=DAY))
    assert "I agree that this plan may be shared with: ____" in text
    assert "I would like my plan looked at again" not in text
    assert build_plan(session, T, today=DAY).title == "My draft support plan"


def test_the_plan_says_which_needs_the_direct_payment_is_for(persona: Persona) -> None:
    """Care Act s25(1): the plan says which needs a direct payment meets. Priya's are the
    outcomes she finds hard, said under My budget after the amount; Daniel has no payment."""
    plan = build_plan(persona("dp_rate_too_low"), T, today=DAY)
    for fmt in ("txt", "md", "html", "json"):
        text = " ".join(render(plan, fmt, T).split())
        meets = text.index(
            "My direct payment is for: preparing food and drink, and eating; washing and"
            " keeping clean; using the toilet; getting dressed; keeping my home clean and warm;"
        )
        assert text.index("My direct payment is £1,400.00") < meets, fmt
        assert meets < text.index("direct payment for a PA: £14.00 an hour"), fmt
    daniel = main_text(build_plan(persona("section3_discharge"), T, today=DAY))
    assert "direct payment is for" not in daniel


def test_after_a_qualifying_section_needs_may_be_section_117_after_care(persona: Persona) -> None:
    """Daniel was detained under section 3: his plan says that needs from his mental health
    condition may be free s117 after-care, with its citation, and leaves which needs to the
    NHS and the council. Someone never detained is not told so."""
    daniel = main_text(build_plan(persona("section3_discharge"), T, today=DAY))
    said = daniel.index("I was kept in hospital under the Mental Health Act: section 3")
    assert daniel.index("3. My needs") < said < daniel.index("4. What would help")
    assert (
        "may be free section 117 after-care, from the NHS and the council together."
        " Only they decide which. (Mental Health Act 1983, section 117)"
    ) in daniel
    assert "Which section:" not in daniel  # said once, in My needs
    priya = main_text(build_plan(persona("dp_rate_too_low"), T, today=DAY))
    assert "section 117 after-care" not in priya


def test_a_carers_own_plan_has_their_words_and_requests(persona: Persona) -> None:
    """The carer's own questions (who else helps with the caring, what a carer asks for) reach
    the plan under labels that fit them."""
    plan = build_plan(persona("carer_own_support"), T, today=DAY)
    section = plan.section("what_matters")
    assert section is not None
    quotes = {q.label: q.text for q in section.blocks if isinstance(q, Quote)}
    assert quotes["Who else helps with the caring"] == "My brother visits Mum on Sundays."
    assert "Who helps me now" not in quotes
    text = main_text(plan)
    assert "A carer's assessment" in text
    assert "I agree that this plan may be shared with: My GP." in text
    assert "I would like my plan looked at again" not in text  # not asked of a carer
    assert "The council must keep my plan under review" in text  # the law still said


def test_a_mental_health_team_chosen_is_named_in_the_consent(persona: Persona) -> None:
    daniel = persona("section3_discharge")
    assert "next_steps.share_with_team" in daniel.answers
    plan = main_text(build_plan(daniel, T, today=DAY))
    assert (
        "I agree that this plan may be shared with: The family member or friend who helps me; "
        "My mental health team; An advocate or adviser." in plan
    )


def test_a_carer_may_involve_the_person_they_look_after() -> None:
    """A carer's own list of people to involve starts with the person they look after,
    and the plan and the Easy Read copy say so in those words."""
    golden = load_golden(ROOT / "transcripts" / "carer_own_support.yaml")
    session = Session(bundle_loader(ROOT / "flows")(golden.bundle))
    session.start()
    for turn in golden.turns:
        if session.current == "next_steps.carer_share":
            session.answer(("cared_for", "gp"))
        elif turn.action != "start":
            apply(session, turn)
    assert session.answers["next_steps.carer_share"] == ("cared_for", "gp")
    text = main_text(build_plan(session, T, today=DAY))
    assert "I agree that this plan may be shared with: The person I look after; My GP." in text
    easy = " ".join(render(build_easy_read(session, T, today=DAY), "txt", T).split())
    assert "The person I look after" in easy and "My doctor" in easy
