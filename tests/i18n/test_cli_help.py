"""The command line's help and argument errors in the language asked for (issue #8)."""

from __future__ import annotations

import argparse
import gettext
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import SUBCOMMANDS, build_parser, run
from assistant.i18n import translator_for

ROOT = Path(__file__).resolve().parents[2]


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        run(argv)
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        run(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line, no usage dump
    return err


@pytest.mark.parametrize(
    ("lang", "usage", "options", "positionals", "help_line"),
    [
        ("cy", "defnydd: ", "opsiynau:", "argiwmentau safle:", "dangos y neges gymorth hon"),
        ("pl", "użycie: ", "opcje:", "argumenty pozycyjne:", "pokaż tę pomoc i zakończ"),
    ],
)
def test_main_help_is_in_the_language(
    lang: str,
    usage: str,
    options: str,
    positionals: str,
    help_line: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    t = translator_for(lang)
    out = _help(["--help", "--lang", lang], capsys)
    assert out.startswith(usage + "support-plan [-h]")
    for heading in (options, positionals):
        assert f"\n{heading}\n" in out
    assert help_line in out
    summary = t.gettext("Plan adult social care in England, one question at a time.")
    assert summary != "Plan adult social care in England, one question at a time."
    assert summary in out
    assert t.gettext("List saved conversations.") in out.replace("\n" + " " * 23, " ")
    assert "--lang LOCALE" in out and "COMMAND" in out  # names and placeholders stay


def test_a_command_help_is_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(["sessions", "--help", "--lang", "pl"], capsys)
    assert out.startswith("użycie: support-plan sessions [-h] [--json]")
    assert "[--store PATH]" in out and "tylko rozmowy prowadzone przez tego doradcę" in out
    assert "\nopcje:\n" in out
    assert "jeden obiekt JSON w wierszu" in out
    assert "show this help message" not in out


def test_english_help_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(["sessions", "--help", "--lang", "en_GB"], capsys)
    assert out.startswith("usage: support-plan sessions [-h]")
    assert "\noptions:\n" in out
    assert "show this help message and exit" in out
    assert "one JSON object per line" in out


def test_an_unknown_option_is_worded_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(["--lang", "pl", "--bogus"], capsys)
    problem = translator_for("pl").gettext("unrecognized arguments: %s") % "--bogus"
    assert problem.startswith("nierozpoznane")
    assert err == f"support-plan: {problem}. Spróbuj 'support-plan --help'.\n"


def test_a_command_error_is_worded_in_welsh(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(["export", "ref", "--format", "doc", "--lang", "cy"], capsys)
    assert err.startswith("support-plan export: argiwment --format: dewis annilys: 'doc'")
    assert err.endswith("Rhowch gynnig ar 'support-plan export --help'.\n")


def test_cost_errors_keep_their_own_wording_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error(["cost", "--lang", "cy", "--hours"], capsys)
    assert err.startswith("support-plan cost: Gwiriwch yr opsiynau: argiwment --hours: ")
    assert "roedd disgwyl un argiwment" in err


def test_english_errors_are_argparse_own(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(["--lang", "en_GB", "--flow"], capsys)
    assert err == (
        "support-plan: argument --flow: expected one argument. Try 'support-plan --help'.\n"
    )


def test_argparse_is_left_in_english_after_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    _error(["--lang", "cy", "--bogus"], capsys)
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_every_help_text_is_in_the_catalog(command: str | None) -> None:
    """A help or description not marked with N_() would stay English in every language."""
    t = translator_for("cy")
    parser = build_parser([command] if command else [])
    parsers = [parser]
    if command:
        parsers.append(parser._subparsers._group_actions[0].choices[command])  # type: ignore[union-attr]
    missing = []
    for each in parsers:
        texts = [each.description, *(action.help for action in each._actions)]
        for action in each._actions:
            texts += [choice.help for choice in getattr(action, "_choices_actions", [])]
        for text in filter(None, texts):
            plain = text.replace("%%", "%")
            if text is not argparse.SUPPRESS and t.gettext(plain) == plain:
                missing.append(text)
    assert not missing


def test_a_plain_start_loads_no_translations() -> None:
    code = (
        "import sys; from assistant.cli import parse; parse(['--plain', '--lang', 'cy']);"
        "print(sorted(m for m in sys.modules if m == 'assistant.cli_i18n' or"
        " m.split('.')[0] == 'babel'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
