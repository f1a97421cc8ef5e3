"""``export``, ``report`` and ``diagram`` speak the person's language: ``--lang`` if given,
else the system's (``LANGUAGE``/``LANG``). Their messages used to be English whatever was
asked; the words of a store's own messages (read through export) were English too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support_plan_cli import ROOT


def run(*args: str, language: str | None = None) -> subprocess.CompletedProcess[str]:
    """``support-plan ARGS``, with the system's language set to ``language`` (else none)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    if language:
        env["LANGUAGE"] = language
        env["LANG"] = f"{language}.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A store holding one example conversation: (its path, the reference)."""
    path = str(tmp_path_factory.mktemp("store") / "store.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", "--save"]
        + ["--store", path],
        input="\nAnn\n1\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return path, done.stdout.split("support-plan resume ", 1)[1].split()[0]


@pytest.fixture
def store(saved: tuple[str, str]) -> str:
    return saved[0]


#: (--lang, what export says of a reference that is not there, of a Word file to the screen)
EXPORT = {
    "cy": ("nid oes sgwrs wedi'i chadw 'ZZZ-ZZZ'", "rhaid i ddogfen Word fynd i ffeil"),
    "pl": ("nie ma zapisanej rozmowy 'ZZZ-ZZZ'", "dokument Word musi trafić do pliku"),
}


@pytest.mark.parametrize("lang", sorted(EXPORT))
def test_export_says_what_went_wrong_in_the_language_asked(store: str, lang: str) -> None:
    missing, word = EXPORT[lang]
    done = run("export", "ZZZ-ZZZ", "--lang", lang, "--store", store)
    assert done.returncode == 1 and missing in done.stderr
    assert "there is no saved conversation" not in done.stderr
    done = run("export", "ZZZ-ZZZ", "--lang", lang, "--format", "docx", "--store", store)
    assert done.returncode == 1 and word in done.stderr and "Traceback" not in done.stderr


def test_export_says_where_it_wrote_and_why_it_could_not_in_the_language(
    saved: tuple[str, str], tmp_path: Path
) -> None:
    store, reference = saved
    target = tmp_path / "plan.md"
    done = run("export", reference, "--lang", "pl", "--store", store, "--output", str(target))
    assert done.returncode == 0 and f"Zapisano w {target}" in done.stderr and target.exists()
    place = str(tmp_path / "no" / "such" / "folder" / "plan.md")
    done = run("export", reference, "--lang", "cy", "--store", store, "--output", place)
    assert done.returncode == 1 and f"nid oes modd ysgrifennu {place}" in done.stderr


def test_a_stores_own_message_is_said_in_the_language_too(tmp_path: Path) -> None:
    nowhere = tmp_path / "none.sqlite3"
    done = run("export", "K7P-2QM", "--lang", "cy", "--store", str(nowhere))
    assert done.returncode == 1 and f"Does dim sgyrsiau wedi'u cadw yn {nowhere}" in done.stderr
    assert not nowhere.exists()


def test_report_in_welsh_says_the_dates_are_the_wrong_way_round(store: str) -> None:
    done = run(
        "report", "--lang", "cy", "--since", "2026-02-01", "--until", "2026-01-01", "--store", store
    )
    assert done.returncode == 1
    assert "support-plan report: mae --until cyn --since" in done.stderr


def test_diagram_speaks_the_systems_language(tmp_path: Path) -> None:
    target = tmp_path / "example.mmd"
    done = run("diagram", "example", "-o", str(target), language="cy")
    assert done.returncode == 0 and f"Ysgrifennwyd {target}" in done.stderr
    place = str(tmp_path / "missing" / "x.mmd")
    done = run("diagram", "example", "-o", place, language="pl")
    assert done.returncode == 1
    assert f"support-plan diagram: nie można zapisać {place} (" in done.stderr
    done = run("diagram", "example", "-o", place)  # no language asked: English
    assert f"support-plan diagram: cannot write {place} (" in done.stderr
