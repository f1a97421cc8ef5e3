"""The flow YAML extractor, on small files: contexts, comments, shapes it ignores, bad YAML."""

from __future__ import annotations

import io
from typing import Any

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract

from assistant.i18n.extract import ExtractionError, extract_flow_yaml

MODULE = """\
flow: welcome
title: "Getting started"
sections:
  - id: start
    title: "First things"
steps:
  - id: hello
    kind: say
    title: "Welcome"
    text: "Hello there."
    note: "Friendly, not formal.\\nKeep it short."
  - id: name
    kind: ask
    type: text
    text: "What is your name?"
    why: "So we can use it."
  - id: who
    kind: ask
    type: choice
    text: "Who is answering, {name}?"
    unit: "people"
    choices:
      - value: self
        label: "Me"
        help: "You are the person who needs care."
      - value: other
        label: "Someone else"
  - id: route
    kind: branch
    cases:
      - when: "who == 'self'"
        next: done
  - id: done
    kind: end
    text: "Thank you."
"""


def run(text: str, name: str = "flows/demo/welcome.yaml") -> list[tuple[Any, ...]]:
    """Through Babel's own extract(), as pybabel does, so the keyword contract is checked too."""
    fileobj = io.BytesIO(text.encode("utf-8"))
    fileobj.name = name  # type: ignore[attr-defined]
    return list(extract(extract_flow_yaml, fileobj, DEFAULT_KEYWORDS))


def by_id(results: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    return {message: (line, context, comments) for line, message, comments, context in results}


def test_module_texts_use_the_step_key_as_context() -> None:
    found = by_id(run(MODULE))
    assert found["Hello there."][1] == "welcome.hello"
    assert found["Welcome"][1] == "welcome.hello"
    assert found["Who is answering, {name}?"][1] == "welcome.who"
    assert found["Me"][1] == "welcome.who"
    assert found["You are the person who needs care."][1] == "welcome.who"
    assert found["people"][1] == "welcome.who"
    assert found["So we can use it."][1] == "welcome.name"
    assert found["Thank you."][1] == "welcome.done"


def test_titles_use_the_section_context() -> None:
    found = by_id(run(MODULE))
    assert found["Getting started"][1] == "welcome.section"
    assert found["First things"][1] == "welcome.section"


def test_every_text_is_found_once_and_nothing_else() -> None:
    messages = [m for _, m, _, _ in run(MODULE)]
    assert sorted(messages) == sorted(
        [
            "Getting started",
            "First things",
            "Welcome",
            "Hello there.",
            "What is your name?",
            "So we can use it.",
            "Who is answering, {name}?",
            "people",
            "Me",
            "You are the person who needs care.",
            "Someone else",
            "Thank you.",
        ]
    )


def test_line_numbers_point_at_the_text() -> None:
    found = by_id(run(MODULE))
    lines = MODULE.splitlines()
    for message, (line, _, _) in found.items():
        assert message.split("{")[0] in lines[line - 1], message


def test_comments_name_the_step_where_it_is_shown_and_the_note() -> None:
    found = by_id(run(MODULE))
    comments = found["Hello there."][2]
    assert comments[0] == "Step welcome.hello (say): an explanation."
    assert "Note: Friendly, not formal." in comments
    assert "Note: Keep it short." in comments
    assert found["Me"][2][0] == "Step welcome.who (ask): the label of the answer 'self'."
    assert any("Why we ask" in c for c in found["So we can use it."][2])


def test_placeholders_get_a_warning_for_translators() -> None:
    found = by_id(run(MODULE))
    assert any("{name}" in c for c in found["Who is answering, {name}?"][2])
    assert not any("{name}" in c for c in found["Hello there."][2])


def test_manifest_title_has_no_context() -> None:
    text = 'id: demo\ntitle: "A demo conversation"\nmodules: [welcome]\n'
    assert [(m, c) for _, m, _, c in run(text, "bundle.yaml")] == [("A demo conversation", None)]


def test_source_parts_use_the_source_context_and_titles_stay() -> None:
    text = (
        "sources:\n  s9:\n    title: Care Act 2014\n"
        "    part: section 9 (assessment of an adult's needs)\n"
    )
    results = run(text, "sources.yaml")
    assert [(m, c) for _, m, _, c in results] == [
        ("section 9 (assessment of an adult's needs)", "source")
    ]
    assert "Keep section" in results[0][2][0]


def test_help_now_content() -> None:
    text = """\
title: Help now
intro: Please get help.
contacts:
  - id: emergency
    name: "Emergency: 999"
    how: Call 999.
    when: If a life is at risk.
    source: s
safeguarding:
  title: Abuse
  text: Tell your council.
  why: Councils must act.
  source: s
sources:
  s:
    title: NHS
"""
    found = by_id(run(text, "help_now.yaml"))
    assert set(found) == {
        "Help now",
        "Please get help.",
        "Emergency: 999",
        "Call 999.",
        "If a life is at risk.",
        "Abuse",
        "Tell your council.",
        "Councils must act.",
    }
    assert {context for _, context, _ in found.values()} == {"help_now"}
    assert "phone numbers" in found["Call 999."][2][0]


@pytest.mark.parametrize(
    "text",
    [
        "en_GB:\n  - kill myself\ncy:\n  - eisiau marw\n",  # crisis phrases: never shown
        "rates:\n  minimum_wage: 12.21\n",  # money rate table
        "- a list\n- at the top\n",
        "",
    ],
)
def test_other_yaml_shapes_yield_nothing(text: str) -> None:
    assert run(text, "other.yaml") == []


def test_non_text_values_are_skipped_not_crashed() -> None:
    text = "flow: m\ntitle: T\nsteps:\n  - id: a\n    kind: ask\n    text: 12\n    choices: [3]\n"
    assert [m for _, m, _, _ in run(text)] == ["T"]


def test_bad_yaml_names_file_and_line() -> None:
    text = 'flow: m\ntitle: "unclosed\nsteps: []\n'
    with pytest.raises(ExtractionError, match=r"flows/demo/welcome\.yaml:2:\d+: .*Fix:"):
        run(text)


def test_funcname_is_always_a_default_keyword_or_none() -> None:
    fileobj = io.BytesIO(MODULE.encode())
    names = {funcname for _, funcname, _, _ in extract_flow_yaml(fileobj, (), (), {})}
    assert names <= {None, *DEFAULT_KEYWORDS}
    assert "pgettext" in names


def test_python_extraction_finds_marked_strings_inside_f_strings() -> None:
    """Python 3.11 tokenizes an f-string as one token; Babel alone would miss these."""
    from assistant.i18n.extract import extract_python

    code = (
        "# Translators: shown before the answer\n"
        "label = N_('Plain')\n"
        "line = f\"{n}. {t.gettext(N_('Answer:'))} {t.pgettext('ctx', 'In context')}\"\n"
        'skipped = f"{t.gettext(name)}"\n'
    )
    fileobj = io.BytesIO(code.encode())
    found = [(m, c) for _, m, _, c in extract(extract_python, fileobj, DEFAULT_KEYWORDS)]
    assert ("Plain", None) in found
    assert ("Answer:", None) in found
    assert ("In context", "ctx") in found
    assert all(m for m, _ in found)  # a non-literal argument is not a message
