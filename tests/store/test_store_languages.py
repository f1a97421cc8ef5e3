"""Saving, passphrases, ``sessions`` and ``forget`` speak the person's language, not only English.

They run before (or outside) the translated conversation, so each is checked here in Welsh
and in Polish: the question asked, an error shown, and the commands' output.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from store_helpers import ANSWERS, walk
from support_plan_cli import support_plan

from assistant.cli import run
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain import saving as line_saving
from assistant.plain.console import LineIO
from assistant.plain.saving import LineDialogue
from assistant.saving import Opened, open_saving
from assistant.store import open_store

#: Words that must appear (and the English they replace), per locale.
CONSENT = {
    "cy": "A gawn ni gadw eich atebion ar y cyfrifiadur hwn",
    "pl": "Czy możemy zapisać Twoje odpowiedzi na tym komputerze",
}
WRONG_PASSPHRASE = {"cy": "Nid yw'r cyfrinymadrodd hwnnw'n agor", "pl": "To hasło nie otwiera"}
NO_TRIES = {"cy": "Does dim cynigion ar ôl.", "pl": "To była ostatnia próba."}
LISTED = {"cy": "Sgyrsiau wedi'u cadw yn", "pl": "Zapisane rozmowy w"}
SO_FAR = {"cy": "3 ateb hyd yma", "pl": "3 odpowiedzi do tej pory"}
FINISHED = {"cy": "7 ateb, wedi gorffen", "pl": "7 odpowiedzi, zakończona"}
YES = {"cy": "ie", "pl": "tak"}
NO = {"cy": "na", "pl": "nie"}
DELETED = {"cy": "Dilëwyd y sgwrs", "pl": "Usunięto rozmowę"}
NOTHING_SAVED = {"cy": "Does dim sgyrsiau wedi'u cadw yn", "pl": "nie ma zapisanych rozmów"}

LOCALES = ["cy", "pl"]


class Terminal(io.StringIO):
    """Typed input that looks like a terminal."""

    def isatty(self) -> bool:
        return True


def _open(
    path: Path, bundle: Bundle, locale: str, line_io: LineIO, reference: str | None = None
) -> Opened:
    t = translator_for(locale)
    return open_saving(
        bundle,
        LineDialogue(line_io, t),
        store=str(path),
        reference=reference,
        save=None,
        locale=t.locale,
        mode="plain",
    )


@pytest.fixture
def saved(store_file: Path, example: Bundle) -> tuple[str, str]:
    with open_store(store_file) as store:
        first = walk(store, example, ANSWERS[:4])
        second = walk(store, example, ANSWERS)
        store.set_label(second, "Dad's plan")
    return first, second


@pytest.mark.parametrize("locale", LOCALES)
def test_the_consent_question_is_asked_in_the_language(
    store_file: Path, example: Bundle, locale: str
) -> None:
    out = io.StringIO()
    line_io = LineIO(io.StringIO(f"{YES[locale]}\n{NO[locale]}\n"), out, prompt=True)
    opened = _open(store_file, example, locale, line_io)
    said = out.getvalue()
    assert CONSENT[locale] in said and "Can we save" not in said
    assert opened.target is not None, said  # "yes" in the language
    target = opened.target
    with open_store(store_file) as store:
        summary = store.summary(target.reference)
        assert summary is not None and summary.locale == locale
    target.store.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_a_wrong_passphrase_is_explained_in_the_language(
    store_file: Path,
    example: Bundle,
    locale: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with open_store(store_file, passphrase="right one") as store:
        reference = walk(store, example, ANSWERS[:3])
    monkeypatch.setattr(line_saving, "read_secret", lambda prompt: "wrong")
    line_io = LineIO(io.StringIO(""), io.StringIO(), prompt=True)
    assert _open(store_file, example, locale, line_io, reference).stopped
    err = capsys.readouterr().err
    assert err.count(WRONG_PASSPHRASE[locale]) == 3 and NO_TRIES[locale] in err
    assert str(store_file) in err  # the file is still named
    assert "That passphrase" not in err and "No tries left" not in err


@pytest.mark.parametrize("locale", LOCALES)
def test_sessions_lists_in_the_language(
    store_file: Path, saved: tuple[str, str], locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["sessions", "--store", str(store_file), "--lang", locale]) == 0
    out = capsys.readouterr().out
    assert LISTED[locale] in out and SO_FAR[locale] in out and FINISHED[locale] in out
    assert "Saved conversations" not in out and "answers so far" not in out
    # --lang before the command works too, and an empty store says so in the language.
    assert run(["--lang", locale, "sessions", "--store", str(store_file.with_name("x"))]) == 0
    assert NOTHING_SAVED[locale] in capsys.readouterr().out


@pytest.mark.parametrize("locale", LOCALES)
def test_forget_asks_and_answers_in_the_language(
    store_file: Path,
    saved: tuple[str, str],
    locale: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(YES[locale] + "\n"))
    assert run(["forget", saved[1], "--store", str(store_file), "--lang", locale]) == 0
    out = capsys.readouterr().out
    assert "Dad's plan" in out and f"{DELETED[locale]} {saved[1]}" in out
    assert "Deleted" not in out and "cannot be undone" not in out
    with open_store(store_file) as store:
        assert [c.reference for c in store.conversations()] == [saved[0]]


def test_an_unknown_language_is_refused_in_one_line(
    store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["sessions", "--store", str(store_file), "--lang", "xx"]) == 2
    assert "there is no 'xx' language" in capsys.readouterr().err


def test_the_installed_command_lists_in_polish(store_file: Path, saved: tuple[str, str]) -> None:
    result = support_plan("sessions", "--lang", "pl", "--store", str(store_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{LISTED['pl']} {store_file}:")
    assert "support-plan resume NUMER" in result.stdout


def test_a_bad_argument_points_to_help_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(["sessions", "--lang", "cy", "--bogus"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.strip().endswith("Rhowch gynnig ar 'support-plan --help'.")
    assert err.count("\n") == 1  # one line, no usage dump
