"""Starting a conversation: a flow that is not there is named kindly, with what to give."""

from __future__ import annotations

from pathlib import Path

from support_plan_cli import support_plan


def test_a_flow_name_that_is_not_there_says_which_there_are() -> None:
    # "--flow englnd" said "englnd/bundle.yaml:1:1: The file cannot be opened (No such file
    # or directory)" and "the conversation in englnd has problems; run 'support-plan check'".
    result = support_plan("--plain", "--no-save", "--flow", "englnd")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "support-plan: there is no flow called 'englnd'. Use one of england, example,"
        " or give the folder of a flow (the one holding bundle.yaml)."
    )


def test_a_flow_folder_with_problems_still_lists_them(tmp_path: Path) -> None:
    (tmp_path / "bundle.yaml").write_text("id: x\n", encoding="utf-8")
    result = support_plan("--plain", "--no-save", "--flow", str(tmp_path))
    assert "bundle.yaml:1:1" in result.stderr and "has problems (listed above)" in result.stderr
