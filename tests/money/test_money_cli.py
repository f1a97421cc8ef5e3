"""``support-plan cost``: good runs, JSON, and one kind line with exit code 2 for bad input."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.money import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_A = [
    "--hourly-rate",
    "13",
    "--hours",
    "20",
    "--age",
    "30",
    "--date",
    "2026-11-22",
    "--insurance-yearly",
    "100",
    "--payroll-yearly",
    "180",
    "--contingency",
    "0.05",
]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="support-plan")
    cli.add_parser(parser.add_subparsers(dest="command"))
    try:
        code = cli.run(parser.parse_args(["cost", *argv]))
    except SystemExit as leave:
        code = int(leave.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_example_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run([*EXAMPLE_A, "--offered-rate", "15"], capsys)
    assert (code, err) == (0, "")
    assert "£316.47" in out and "£16,456.44" in out and "£15.82" in out
    assert "£16.47" in out and "£856.44" in out  # shortfall a week and a year
    assert "11.25" in out and "Not yet confirmed" in out


def test_json_lines_are_decimal_strings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run([*EXAMPLE_A, "--offered-weekly", "300", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["total"]["weekly"] == "316.47"
    assert {line["id"]: line["weekly"] for line in data["lines"]} == {
        "basic": "260.00",
        "holiday": "31.38",
        "employer_ni": "0.00",
        "pension": "5.14",
        "sick_pay": "2.37",
        "insurance": "1.92",
        "payroll": "3.46",
        "contingency": "12.20",
        "cover": "0.00",
    }
    assert data["rate_check"]["shortfall_weekly"] == "16.47"


def test_no_employment_allowance_gives_example_e(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run([*EXAMPLE_A, "--no-employment-allowance", "--json"], capsys)
    assert code == 0 and json.loads(out)["total"]["weekly"] == "345.78"


def test_year_option_and_pence_input(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--hourly-rate", "£12.21", "--hours", "20", "--year", "2025-26", "--json"]
    code, out, _ = _run(argv, capsys)
    data = json.loads(out)
    assert code == 0 and data["tax_year"] == "2025/26"
    assert not [w for w in data["warnings"] if "legal minimum" in w["text"]]


BAD = [
    (["--hourly-rate", "abcxyz", "--hours", "20"], "--hourly-rate"),
    (["--hourly-rate", "-13", "--hours", "20"], "--hourly-rate"),
    (["--hourly-rate", "0", "--hours", "20"], "--hourly-rate"),
    (["--hourly-rate", "99999999", "--hours", "20"], "--hourly-rate"),
    (["--hourly-rate", "13", "--hours", "169"], "--hours"),
    (["--hourly-rate", "13", "--hours", "twentyish"], "--hours"),
    (["--hourly-rate", "13", "--hours", "20", "--age", "15"], "--age"),
    (["--hourly-rate", "13", "--hours", "20", "--year", "2019-20"], "2025-26"),
    (["--hourly-rate", "13", "--hours", "20", "--year", "someday"], "--year"),
    (["--hourly-rate", "13", "--hours", "20", "--contingency", "5"], "--contingency"),
    (["--hourly-rate", "13", "--hours", "20", "--date", "tomorrowish"], "--date"),
    (["--hourly-rate", "13", "--hours", "20", "--holiday", "lotsof"], "--holiday"),
    (["--hourly-rate", "13", "--hours", "20", "--offered-rate", "0"], "--offered-rate"),
    (["--hourly-rate", "13", "--hours", "20", "--insurance-yearly", "-1"], "--insurance-yearly"),
    (
        ["--hourly-rate", "13", "--hours", "20", "--offered-rate", "15", "--offered-weekly", "300"],
        "not both",
    ),
    (["--hours", "20"], "--hourly-rate"),
    (["--hourly-rate", "13"], "--hours"),
    (["--hourly-rate", "13", "--hours"], "--hours"),
    (["--hourly-rate", "13", "--hours", "20", "--lang", "zz-nowhere"], "language"),
]


@pytest.mark.parametrize(("argv", "names"), BAD)
def test_bad_input_is_one_line_and_exit_code_2(
    argv: list[str], names: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert names in err
    assert "Traceback" not in err and "usage:" not in err
    for typed in ("abcxyz", "twentyish", "someday", "tomorrowish", "lotsof", "zz-nowhere"):
        assert typed not in err, "error messages never repeat what the person typed"


def test_command_line_through_python_dash_m() -> None:
    if not (ROOT / "assistant" / "cli.py").exists():
        pytest.skip("assistant/cli.py is not written yet")
    base = [sys.executable, "-m", "assistant", "cost"]
    good = subprocess.run(
        [*base, *EXAMPLE_A, "--json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["total"]["weekly"] == "316.47"
    bad = subprocess.run(
        [*base, "--hourly-rate", "13", "--hours", "200"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "--hours" in bad.stderr and bad.stdout == ""


def test_help_prints_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["--help"], capsys)
    assert code == 0
    for option in ("--hourly-rate", "--offered-weekly", "--no-employment-allowance", "--lang"):
        assert option in out
    assert "5%" in out  # a bare % in help text would crash argparse


@pytest.mark.parametrize(("lang", "words"), [("cy", "Cyflog sylfaenol"), ("pl", "Wynagrodzenie")])
def test_a_shipped_language_gets_its_words_not_only_its_numbers(
    lang: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang pl`` printed Polish numbers inside English sentences."""
    code, out, _ = _run([*EXAMPLE_A, "--lang", lang], capsys)
    assert code == 0 and words in out and "Basic pay" not in out
    code, _, err = _run(["--hourly-rate", "abcxyz", "--hours", "20", "--lang", lang], capsys)
    assert code == 2 and "Please type" not in err
