"""Golden conversations in every language: the same path in Welsh and Polish, and pinned text.

Every golden in ``transcripts/`` is replayed in each shipped locale by ids and states
(the English ``text`` pins are dropped, since they pin English), so a translation can never
change where a conversation goes or what it records. ``tests/i18n/goldens`` holds one
golden per locale that pins the rendered text, including a language switch mid-conversation.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from i18n_helpers import SHIPPED  # type: ignore[import-not-found]

from assistant.transcript.golden import Golden, find_goldens, load_golden
from assistant.transcript.replay import bundle_loader, replay, replay_file

ROOT = Path(__file__).resolve().parents[2]
GOLDENS = find_goldens([ROOT / "transcripts"])
LOCAL = find_goldens([Path(__file__).parent / "goldens"])
LOAD = bundle_loader(ROOT / "flows")


#: Known differences between languages, each a bug to fix elsewhere (strict: fixing it fails
#: here, so the entry is removed). None are known now.
KNOWN: dict[tuple[str, str], str] = {}


def cases() -> list[object]:
    """Every golden in every shipped locale, with the known differences marked."""
    out: list[object] = []
    for path in GOLDENS:
        for locale in SHIPPED:
            reason = KNOWN.get((path.stem, locale))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(path, locale, id=f"{path.stem}-{locale}", marks=marks))
    return out


def in_locale(golden: Golden, locale: str) -> Golden:
    """The same conversation in ``locale``, checking steps, contexts, ids and the outcome."""
    turns = tuple(
        dataclasses.replace(turn, checks={k: v for k, v in turn.checks.items() if k != "text"})
        for turn in golden.turns
    )
    return dataclasses.replace(golden, locale=locale, turns=turns)


def test_there_are_goldens_to_replay() -> None:
    assert len(GOLDENS) >= 12
    assert {load_golden(p).locale for p in LOCAL} == set(SHIPPED)


@pytest.mark.parametrize(("path", "locale"), cases())
def test_golden_replays_in_every_locale(path: Path, locale: str) -> None:
    golden = in_locale(load_golden(path, path.name), locale)
    result = replay(golden, LOAD)
    assert result.passed, result.report()


@pytest.mark.parametrize("path", LOCAL, ids=[p.stem for p in LOCAL])
def test_golden_pins_the_rendered_text_in_its_language(path: Path) -> None:
    result = replay_file(path, LOAD, path.name)
    assert result.passed, result.report()


def test_a_wrong_translation_fails_the_pinned_text(tmp_path: Path) -> None:
    original = Path(__file__).parent / "goldens" / "example_cy.yaml"
    edited = tmp_path / "example_cy.yaml"
    text = original.read_text(encoding="utf-8")
    edited.write_text(text.replace("Pwy sy'n ateb, Aled?", "Pwy sy'n ateb?"), encoding="utf-8")
    result = replay_file(edited, LOAD, edited.name)
    assert not result.passed
    assert "the text shown in cy changed" in result.report()
