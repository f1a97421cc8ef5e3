"""The positioned YAML reader: values, positions and refusals, on both of its paths.

Ordinary documents are built straight from parser events (assistant/flow/yamlevents.py);
anchors, tags and merge keys go through PyYAML's composer. Both must agree on values and
positions, and unsafe or broken YAML must be refused with file:line:column.
"""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.flow.yamlpos import parse

DOC = """\
flow: main
steps:
  - id: q
    kind: ask
    min: 0
    choices: [{value: a, label: "A"}, {value: b, label: B}]
  - id: done
    allow: yes
    when: 2026-11-22
    gone:
"""


def test_values_are_the_safe_loaders() -> None:
    data, _, problems = parse(DOC, "f.yaml")
    assert problems == []
    assert data == {
        "flow": "main",
        "steps": [
            {
                "id": "q",
                "kind": "ask",
                "min": 0,
                "choices": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
            },
            {"id": "done", "allow": True, "when": dt.date(2026, 11, 22), "gone": None},
        ],
    }


@pytest.mark.parametrize(
    ("path", "position"),
    [
        ((), (1, 1)),
        (("flow",), (1, 1)),
        (("steps",), (2, 1)),
        (("steps", 0), (3, 5)),  # a list item is where its mapping starts
        (("steps", 0, "min"), (5, 5)),  # a key is where the key is written
        (("steps", 0, "choices", 1), (6, 39)),
        (("steps", 0, "choices", 1, "label"), (6, 50)),
        (("steps", 1, "gone"), (10, 5)),
        (("steps", 1, "nothing", "here"), (7, 5)),  # unknown: its nearest parent
        (("steps", 7), (2, 1)),
        (("steps", -1), (2, 1)),
        (("steps", "0"), (2, 1)),
    ],
)
def test_positions(path: tuple[str | int, ...], position: tuple[int, int]) -> None:
    _, positions, _ = parse(DOC, "f.yaml")
    assert positions.of(path) == position


def test_unusual_documents_are_composed_with_the_same_positions() -> None:
    # An anchor (unused) sends the document down the composing path.
    _, plain, _ = parse(DOC, "f.yaml")
    data, composed, problems = parse(DOC.replace("min: 0", "min: &m 0"), "f.yaml")
    assert problems == []
    assert data["steps"][0]["min"] == 0
    for path in [("steps", 0, "min"), ("steps", 0, "choices", 1, "label"), ("steps", 1)]:
        assert composed.of(path) == plain.of(path)


def test_duplicate_keys_are_reported_and_the_last_wins() -> None:
    data, _, problems = parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert data == {"a": 3, "b": 2}
    assert [(p.rule, p.line, p.column) for p in problems] == [("duplicate-key", 3, 1)]
    assert "first on line 1" in problems[0].message


@pytest.mark.parametrize(
    ("text", "rule", "line", "column"),
    [
        ("a:\n  - &q {x: 1}\n  - *q\n", "yaml-alias", 2, 5),
        ("a: [1, *nowhere]\n", "yaml-syntax", 1, 8),
        ("a: !!python/object:os.system x\n", "yaml-syntax", 1, 4),
        ("a: 1\n---\nb: 2\n", "yaml-syntax", 1, 1),
        ('a: "open\nb: 1\n', "yaml-syntax", 1, 4),
        ("a:\n  b: [x, {d: 2026-02-30}]\n", "yaml-value", 2, 14),
        ("2026-02-30: x\n", "yaml-value", 1, 1),
    ],
)
def test_refusals_name_the_place(text: str, rule: str, line: int, column: int) -> None:
    _, _, problems = parse(text, "f.yaml")
    assert [(p.path, p.rule, p.line, p.column) for p in problems][:1] == [
        ("f.yaml", rule, line, column)
    ]


def test_merge_keys_still_work() -> None:
    data, positions, problems = parse("base: {a: 1}\nc:\n  <<: {b: 2}\n  d: 3\n", "f.yaml")
    assert problems == []
    assert data == {"base": {"a": 1}, "c": {"b": 2, "d": 3}}
    assert positions.of(("c", "d")) == (4, 3)


def test_empty_and_scalar_documents() -> None:
    assert parse("", "f.yaml")[0] is None
    assert parse("# only a comment\n", "f.yaml")[1].of(("x",)) == (1, 1)
    assert parse("hello\n", "f.yaml")[0] == "hello"
