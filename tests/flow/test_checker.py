"""Every checker rule has a bad-case bundle under cases/; each must fail at the right line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from support_plan_cli import support_plan

from assistant.flow.loading import find_bundles, read_bundle
from assistant.flow.model import flow_json_schema

CASES = Path(__file__).parent / "cases"
ROOT = Path(__file__).parents[2]

# case folder, rule, file, line, a word the message must contain
BAD_CASES = [
    ("yaml_syntax", "yaml-syntax", "main.yaml", 6, "quoted"),
    ("unknown_key", "unknown-key", "main.yaml", 7, "txt"),
    ("wrong_type", "wrong-type", "main.yaml", 8, "true or false"),
    ("unknown_kind", "unknown-kind", "main.yaml", 5, "question"),
    ("duplicate_key", "duplicate-key", "main.yaml", 8, "text"),
    ("duplicate_id", "duplicate-id", "main.yaml", 8, "twice"),
    ("missing_target", "missing-target", "main.yaml", 8, "finish"),
    ("missing_link", "missing-target", "main.yaml", 10, "elsewhere"),
    ("unreachable", "unreachable", "main.yaml", 9, "No path"),
    ("dead_end", "dead-end", "main.yaml", 14, "never reach"),
    ("loop", "loop", "main.yaml", 4, "loop"),
    ("branch_no_default", "branch-no-default", "main.yaml", 8, "else"),
    ("unknown_answer", "condition", "main.yaml", 11, "qq"),
    ("unknown_function", "condition", "main.yaml", 11, "shout"),
    ("unknown_source", "unknown-source", "main.yaml", 7, "care_act_s999"),
    ("unknown_placeholder", "unknown-placeholder", "main.yaml", 4, "{name}"),
    ("placeholder_too_early", "unknown-placeholder", "main.yaml", 4, "before"),
    ("no_next", "no-next", "main.yaml", 4, "next"),
    ("choices_missing", "choices", "main.yaml", 6, "choices"),
    ("unknown_section", "unknown-section", "main.yaml", 10, "money"),
    ("missing_module", "missing-module", "bundle.yaml", 3, "extra"),
    ("unknown_report", "unknown-report", "main.yaml", 7, "pa_costs"),
    ("yaml_alias", "yaml-alias", "main.yaml", 4, "aliases"),
    ("bad_date", "yaml-value", "sources.yaml", 5, "2026-11-31"),
    ("more_repeats", "more", "main.yaml", 7, "same words"),
    ("halves_not_number", "halves", "main.yaml", 8, "number question"),
    ("with_next_shows_calculation", "with-next", "main.yaml", 8, "calculation"),
    ("pair_with_branch", "with-next", "main.yaml", 8, "not a question"),
    ("pair_of_three", "with-next", "main.yaml", 7, "only two questions"),
]


@pytest.mark.parametrize(("case", "rule", "file", "line", "word"), BAD_CASES)
def test_bad_case_is_reported_at_its_line(
    case: str, rule: str, file: str, line: int, word: str
) -> None:
    bundle, problems = read_bundle(CASES / case, display_root=CASES)
    matching = [p for p in problems if p.rule == rule]
    assert matching, f"expected a '{rule}' problem, got {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.path == f"{case}/{file}"
    assert problem.line == line
    assert word in problem.message
    assert problem.fix  # every problem says how to fix it


def test_every_case_folder_is_in_the_table() -> None:
    assert {p.name for p in CASES.iterdir() if p.is_dir()} == {c[0] for c in BAD_CASES}


def test_all_problems_in_a_file_are_reported_not_just_the_first(tmp_path: Path) -> None:
    (tmp_path / "bundle.yaml").write_text("id: many\ntitle: Many\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(
        "flow: main\ntitle: Main\nsteps:\n"
        "  - {id: a, kind: say, txt: one}\n"
        "  - {id: b, kind: ask, type: yesno, text: two, nxt: c, colour: red}\n"
        "  - {id: c, kind: end, cite: [nowhere]}\n"
    )
    _, problems = read_bundle(tmp_path)
    found = {(p.rule, p.line) for p in problems}
    assert {("unknown-key", 4), ("unknown-key", 5)} <= found
    assert sum(1 for p in problems if p.rule == "unknown-key") == 3


def test_shipped_flows_have_no_problems() -> None:
    bundles = find_bundles(ROOT / "flows")
    assert bundles
    for folder in bundles:
        _, problems = read_bundle(folder)
        assert not problems, "\n".join(map(str, problems))


def test_check_command_exit_codes() -> None:
    def check(path: Path) -> subprocess.CompletedProcess[str]:
        return support_plan("check", str(path))

    bad = check(CASES / "unknown_key")
    assert bad.returncode == 1
    assert "main.yaml:7:5" in bad.stdout
    assert "Traceback" not in bad.stderr
    assert check(ROOT / "flows" / "example").returncode == 0
    assert check(ROOT / "no-such-folder").returncode == 2


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((ROOT / "flows" / "flow.schema.json").read_text())
    assert committed == json.loads(json.dumps(flow_json_schema())), (
        "flows/flow.schema.json is out of date: run 'make schema' and commit it"
    )


def test_the_readme_example_is_a_working_bundle(tmp_path: Path) -> None:
    import re

    text = (ROOT / "flows" / "README.md").read_text()
    example = text.split("## A complete small example", 1)[1]
    for block in re.findall(r"```yaml\n(.*?)```", example, re.S):
        name = block.splitlines()[0].split("/")[-1]
        (tmp_path / name).write_text(block)
    _, problems = read_bundle(tmp_path)
    assert not problems, problems


def test_the_readme_documents_every_condition_function() -> None:
    from assistant.flow.functions import FUNCTIONS

    text = (ROOT / "flows" / "README.md").read_text()
    missing = [name for name in FUNCTIONS if f"`{name}(" not in text]
    assert not missing, f"document these in flows/README.md: {missing}"
