"""Resuming from the command line: options before or after 'resume', and the saved flow."""

from __future__ import annotations

import json
from pathlib import Path

from support_plan_cli import support_plan


def test_resume_keeps_options_given_before_the_subcommand_and_finds_the_flow(
    tmp_path: Path,
) -> None:
    store = str(tmp_path / "store")
    first = support_plan(
        "--plain", "--flow", "example", "--store", store, "--save", stdin="\nAnn\n"
    )
    assert first.returncode == 0, first.stderr
    [saved] = [
        json.loads(line)
        for line in support_plan("sessions", "--json", "--store", store).stdout.splitlines()
    ]
    reference = saved["reference"]
    # --store before the subcommand, no --flow at all: the saved flow is used
    again = support_plan("--store", store, "resume", reference, "--plain", stdin="review\n")
    assert again.returncode == 0, again.stderr
    assert "1. What would you like us to call you? Answer: Ann" in again.stdout
    assert f"support-plan resume {reference}" in again.stdout
