"""The draft support plan: right sections for each persona, private notes kept private."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import docx as word
import msgspec
import pytest

from assistant.engine.events import note_text
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.money import AgeBand, Employee, calculate
from assistant.plan import FORMATS, Format, export, export_bytes
from assistant.plan.build import build_plan
from assistant.plan.model import CostTable, Items, Paragraph, Plan, plan_json_schema

T = Translator()


ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
PERSONAS = sorted(p.stem for p in (ROOT / "transcripts").glob("*.yaml"))
Persona = Callable[[str], Session]


#: The golden conversations in which an adviser makes notes.
WITH_NOTES = ["adviser_call", "example_ann"]


def _notes(session: Session) -> list[str]:
    return [note_text(e.value) for e in session.events if e.kind == "note"]


def file_text(session: Session, fmt: Format, **options: Any) -> str:
    """Every word of an exported file, Word documents included (paragraphs and tables)."""
    data = export_bytes(session, fmt, today=DAY, **options)
    if fmt != "docx":
        return " ".join(data.decode("utf-8").split())  # as one line: text wraps notes
    document = word.Document(BytesIO(data))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


@pytest.mark.parametrize("name", WITH_NOTES)
@pytest.mark.parametrize("easy_read", [False, True])
def test_adviser_notes_only_in_the_advisers_export_in_every_format(
    name: str, easy_read: bool, persona: Persona
) -> None:
    session = persona(name)
    notes = _notes(session)
    assert notes and all(notes)  # there are notes to leak
    for fmt in FORMATS:
        text = file_text(session, fmt, easy_read=easy_read)
        assert not any(note in text for note in notes), fmt
        adviser = file_text(session, fmt, easy_read=easy_read, adviser=True)
        assert all(note in adviser for note in notes), fmt


@pytest.mark.parametrize("name", [name for name in PERSONAS if name not in WITH_NOTES])
def test_the_other_conversations_have_no_notes(name: str, persona: Persona) -> None:
    session = persona(name)
    assert _notes(session) == []
    assert build_plan(session, T, today=DAY, adviser=True).notes == ()


def test_the_adviser_call_has_its_notes_in_the_adviser_copy_only(persona: Persona) -> None:
    plan = build_plan(persona("adviser_call"), T, today=DAY, adviser=True)
    assert plan.notes is not None and len(plan.notes) == 3
    assert build_plan(persona("adviser_call"), T, today=DAY).notes is None
    # Each note says what the person was being asked, not only the flow's step id.
    feel_safe = next(n for n in plan.notes if n.step == "day_to_day.feel_safe")
    assert feel_safe.question == "Do you feel safe at home, and with the people around you?"
    for fmt in ("md", "html", "txt"):
        copy = export(persona("adviser_call"), fmt, today=DAY, adviser=True)
        assert "While on: Do you feel safe at home" in " ".join(copy.split()), fmt


@pytest.mark.parametrize("name", PERSONAS)
def test_json_export_follows_the_schema(name: str, persona: Persona) -> None:
    text = export(persona(name), "json", today=DAY, adviser=True)
    plan = msgspec.json.decode(text, type=Plan)  # strict: every field typed as documented
    assert plan.schema == "support-plan/plan" and plan.created == "2026-11-22"
    assert json.loads(text)["facts"]["rights"] == list(plan.facts.rights)


def test_committed_json_schema_matches_the_model(persona: Persona) -> None:
    committed = json.loads((ROOT / "assistant" / "plan" / "plan.schema.json").read_text())
    assert committed == json.loads(json.dumps(plan_json_schema())), (
        "run: python -m assistant.plan.model > assistant/plan/plan.schema.json"
    )


def test_every_persona_plan_states_that_only_the_council_decides(persona: Persona) -> None:
    for name in PERSONAS:
        text = " ".join(export(persona(name), "txt", today=DAY).split())
        assert "Only the council decides" in text, name
        assert "Money figures for the tax year: 2026/27" in text


def test_mental_health_answers_only_when_relevant(persona: Persona) -> None:
    def about(name: str) -> str:
        return export(persona(name), "md", today=DAY).split("## What matters")[0]

    # Daniel's section is said once, with what it means for after-care, under My needs.
    needs = export(persona("section3_discharge"), "md", today=DAY).split("## What would help")[0]
    assert "I was kept in hospital under the Mental Health Act: section 3" in needs
    assert "Which section:**" not in about("section3_discharge")
    assert "Mental Health Act" not in about("older_widowed_arthritis")  # "No" is left out
    sections = [s.id for s in build_plan(persona("attorney_lpa"), T, today=DAY).sections]
    assert "employing_pa" not in sections  # said they will not employ a PA


def test_section_117_plan_has_aftercare_rights_and_the_calculators_costs(persona: Persona) -> None:
    plan = build_plan(persona("section3_discharge"), T, today=DAY)
    assert {"aftercare", "advocate", "direct_payment", "authorised_person"} <= set(
        plan.facts.rights
    )
    expected = calculate(Employee(Decimal("13"), Decimal("20"), AgeBand.AGE_25_TO_SPA), on=DAY)
    assert plan.facts.costs is not None
    assert plan.facts.costs.total_weekly == f"{expected.total_weekly:.2f}" == "316.47"
    assert plan.facts.costs.shortfall_weekly == "16.47"


def test_pa_duties_are_a_checklist_in_the_plan_and_explained_with_sources_in_the_appendix(
    persona: Persona,
) -> None:
    plan = build_plan(persona("dp_rate_too_low"), T, today=DAY)
    section = plan.section("employing_pa")
    assert section is not None
    checklists = [b for b in section.blocks if isinstance(b, Items) and b.checklist]
    assert len(checklists) == 1 and len(checklists[0].items) == 15
    assert checklists[0].compact and all(not item.text for item in checklists[0].items)
    explained = plan.section("appendix_employing_pa")
    assert explained is not None
    duties = [b for b in explained.blocks if isinstance(b, Items) and b.checklist]
    assert len(duties[0].items) == 15 and all(i.sources and i.text for i in duties[0].items)
    assert "- [ ] 1\\. Register with HMRC and run PAYE" in export(
        persona("dp_rate_too_low"), "md", today=DAY
    )


def test_a_low_offer_gives_the_case_for_a_review_and_the_paragraph_in_every_format(
    persona: Persona,
) -> None:
    session = persona("dp_rate_too_low")
    section = build_plan(session, T, today=DAY).section("employing_pa")
    assert section is not None
    kinds = [type(b).__name__ for b in section.blocks]
    tables = [b for b in section.blocks if isinstance(b, CostTable)]
    assert len(tables) == 1 and tables[0].request.startswith("I am asking you to review")
    assert any("paragraph 11.24" in point for point in tables[0].review_case)
    assert not any("I am asking you" in line for line in tables[0].rate_check)
    # The checklist and the table come before the rate check (which is in the table's block).
    checklist = next(
        i for i, b in enumerate(section.blocks) if isinstance(b, Items) and b.checklist
    )
    assert checklist < kinds.index("CostTable")
    for fmt in ("md", "html", "txt"):
        text = html.unescape(export(session, fmt, today=DAY))
        assert "The case for a review" in text, fmt
        assert "A paragraph you can use to ask for a review" in text, fmt
        assert text.index("Register with HMRC") < text.index("Basic pay"), fmt
        assert text.index("Basic pay") < text.index("The council's rate"), fmt
        assert text.index("The council's rate") < text.index("The case for a review"), fmt
    document = word.Document(BytesIO(export_bytes(session, "docx", today=DAY)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "The case for a review" in headings
    assert "A paragraph you can use to ask for a review" in headings
    data = json.loads(export(session, "json", today=DAY))
    [table] = [b for s in data["sections"] for b in s["blocks"] if b["type"] == "costs"]
    assert table["review_case"] and table["request"]


@pytest.mark.parametrize("name", PERSONAS)
def test_urgent_help_comes_first_only_after_a_crisis(name: str, persona: Persona) -> None:
    plan = build_plan(persona(name), T, today=DAY)
    ids = [section.id for section in plan.sections]
    if name == "crisis_disclosure":
        assert ids[0] == "urgent_help"
        text = export(persona(name), "txt", today=DAY)
        assert text.index("Samaritans: 116 123") < text.index("About me")
    else:
        assert "urgent_help" not in ids


def test_paying_a_relative_at_home_keeps_the_rule_and_the_question(persona: Persona) -> None:
    plan = build_plan(persona("daughter_helping"), T, today=DAY)
    budget = plan.section("budget")
    assert budget is not None
    rules = [i for b in budget.blocks if isinstance(b, Items) for i in b.items]
    assert rules[0].id == "family_rule"  # named in the plan, with its short citation
    assert rules[0].sources[0].short.startswith("Care and Support (Direct Payments)")
    asked = plan.section("appendix_questions")
    assert asked is not None
    assert "pay_relative" in [i.id for b in asked.blocks if isinstance(b, Items) for i in b.items]
    other = build_plan(persona("council_manages"), T, today=DAY).section("appendix_questions")
    assert other is not None
    assert "pay_relative" not in [
        i.id for b in other.blocks if isinstance(b, Items) for i in b.items
    ]


def test_needs_that_come_and_go_are_described_as_such_with_their_regulation(
    persona: Persona,
) -> None:
    plan = build_plan(persona("daughter_helping"), T, today=DAY)
    needs = plan.section("needs")
    assert needs is not None
    items = [i for b in needs.blocks if isinstance(b, Items) for i in b.items]
    varying = [i for i in items if "this need comes and goes" in i.text]
    assert varying and {i.id for i in varying} == set(plan.facts.fluctuating)
    explained = plan.section("appendix_needs")
    assert explained is not None
    found = [b for b in explained.blocks if isinstance(b, Paragraph) and "come and go" in b.text]
    assert len(found) == 1
    assert [s.id for s in found[0].sources] == ["eligibility_regs_reg2"]


def test_skipped_money_gives_no_cost_table_and_says_why(persona: Persona) -> None:
    plan = build_plan(persona("skips_money"), T, today=DAY)
    assert plan.facts.costs is None
    assert "There is no cost table" in export(persona("skips_money"), "txt", today=DAY)


def test_own_words_are_kept_and_declined_answers_left_out(persona: Persona) -> None:
    text = export(persona("crisis_disclosure"), "md", today=DAY)
    assert "Talking to someone who gets it." in text
    assert "Who helps me now" not in text  # declined


def test_outside_england_no_english_rights_are_claimed(persona: Persona) -> None:
    plan = build_plan(persona("scotland"), T, today=DAY)
    assert plan.facts.rights == ()
    text = " ".join(export(persona("scotland"), "txt", today=DAY).split())
    assert "The law in Scotland is different" in text
    assert "No rights are listed, because the rights in this tool are the law in England." in text


def test_an_answer_on_an_abandoned_branch_is_not_in_the_plan(example: Bundle) -> None:
    session = Session(example)
    session.start()
    for raw in (None, "Ann", "1", "82", None, "1", "yes"):
        session.answer(raw)
    assert session.current == "needs.carer_right"
    session.back()
    session.answer("no")  # the branch to the carer's right is left behind
    plan = build_plan(session, T, today=DAY)
    assert "carer_right" not in plan.facts.rights
    assert "Yes" not in export(session, "txt", today=DAY).split("Does someone help you now")[1][:40]


def test_plan_text_wraps_for_email(persona: Persona) -> None:
    text = export(persona("section3_discharge"), "txt", today=DAY)
    too_long = [line for line in text.splitlines() if len(line) > 72 and "://" not in line]
    assert too_long == []


def test_markdown_escapes_the_persons_words(example: Bundle) -> None:
    session = Session(example)
    session.start()
    session.answer()
    session.answer("*Ann* <script>")
    text = export(session, "md", today=DAY)
    assert "\\*Ann\\* \\<script\\>" in text and "<script>" not in text


@pytest.mark.parametrize("typed", ["Ann\n---\nafter", "Ann\n===", "Ann\n  ---  ", "Ann\n= = ="])
def test_markdown_lines_of_dashes_or_equals_stay_words(example: Bundle, typed: str) -> None:
    """A line of ``---`` or ``===`` under an answer made the answer a heading (or a rule
    that ended the plan's list) in anything that renders the Markdown."""
    from markdown_it import MarkdownIt

    def rendered(name: str) -> str:
        session = Session(example)
        session.start()
        session.answer()
        session.answer(name)
        return MarkdownIt("commonmark").render(export(session, "md", today=DAY))

    plain, hostile = rendered("Ann"), rendered(typed)
    for tag in ("<h1>", "<h2>", "<h3>", "<hr"):
        assert hostile.count(tag) == plain.count(tag), tag


#: Pasted or sent through JSON lines: ESC starts colour, title and screen-clearing
#: sequences in a terminal, NUL and vertical tab are refused by Word.
CONTROLS = "Ann\x00\x0b\x1b[31m\x1b]0;title\x07\x08\x7f\x9b2J end"


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_never_reach_a_plan(example: Bundle, fmt: Format) -> None:
    session = Session(example)
    session.start()
    session.answer()
    session.answer(CONTROLS)
    session.record("note", CONTROLS)
    data = export_bytes(session, fmt, adviser=True, today=DAY)  # docx raised ValueError
    text = data.decode("utf-8") if fmt != "docx" else str(word.Document(BytesIO(data)).paragraphs)
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)
    if fmt != "docx":
        assert "Ann" in text and "end" in text


def test_unknown_format_is_refused(example: Bundle) -> None:
    with pytest.raises(ValueError, match="use md, html, txt or json"):
        export(Session(example), "pdf", today=DAY)  # type: ignore[arg-type]


def test_example_plan_has_the_fixed_sections(example: Bundle) -> None:
    plan = build_plan(Session(example), T, today=DAY)
    assert [s.id for s in plan.sections] == ["rights", "consent", "about_plan"]
    assert Path(ROOT / "assistant" / "plan" / "README.md").exists()


#: Sections that state the law in England, which must say so to someone who lives elsewhere
#: (the plan's own, and the appendix's full explanations).
ENGLAND_LAW = (
    "needs",
    "budget",
    "employing_pa",
    "appendix_mental_health",
    "appendix_carers",
    "appendix_money",
    "appendix_managing_budget",
)


def _outside_england(bundle: Bundle) -> Session:
    """Someone in Wales who goes on for general information, with a PA, mental health and a carer."""
    session = Session(bundle, clock=lambda: "2026-12-03T10:00:00+00:00")
    session.start()
    script = {
        "getting_started.answering": "self",
        "getting_started.where": "wales",
        "getting_started.go_on": "continue",
        "getting_started.prompt": ("mental_health",),
        "carers.has_carer": True,  # so the carers' part (England law) is in the appendix
        "money.go_through": "go_through",
        "managing_budget.preference": "direct_payment",
        "employing_pa.employ": "yes",
        "employing_pa.pa_rate": "13",
        "employing_pa.pa_hours": "20",
    }
    while not session.ended:
        step = bundle.steps[session.current].step
        if session.current in script:
            session.answer(script[session.current])  # type: ignore[arg-type]
        elif hasattr(step, "type"):
            session.answer(_skip(step))  # type: ignore[arg-type]
        else:
            session.answer()
    return session


def _skip(step: object) -> object:
    from assistant.values import Special

    if getattr(step, "allow_unknown", False):
        return Special.UNKNOWN
    if getattr(step, "optional", False):
        return ""
    if getattr(step, "type", "") == "yesno":
        return False
    choices = getattr(step, "choices", ())
    return (choices[0].value,) if getattr(step, "type", "") == "multi" else choices[0].value


def test_outside_england_every_section_stating_england_law_says_so(england: Bundle) -> None:
    session = _outside_england(england)
    plan = build_plan(session, T, today=DAY)
    found = {section.id: section for section in (*plan.sections, *plan.appendix)}
    assert set(ENGLAND_LAW) <= set(found)  # money, budget and the PA's costs are all there
    for section_id in ENGLAND_LAW:
        blocks = found[section_id].blocks
        first = blocks[0]
        assert isinstance(first, Paragraph), section_id
        assert "England" in first.text and first.text.startswith("Reminder"), section_id


def test_in_england_no_section_carries_the_reminder(persona: Persona) -> None:
    plan = build_plan(persona("dp_rate_too_low"), T, today=DAY)
    for section in (*plan.sections, *plan.appendix):
        first = section.blocks[0] if section.blocks else None
        assert not (isinstance(first, Paragraph) and first.text.startswith("Reminder"))
