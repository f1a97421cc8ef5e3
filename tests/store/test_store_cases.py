"""Cases by the adviser's own reference: ``find``, ``sessions`` filters and ``resume``.

An adviser types the case reference from their case system, not the one we made up. Two
conversations with the same case reference are both shown, never merged, and ``resume``
asks which one is meant.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from store_helpers import ANSWERS
from support_plan_cli import support_plan

from assistant.cli import run
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.saving import SavingTarget
from assistant.store import Store, open_store


class Quiet:
    def tell(self, *_: object, **__: object) -> None: ...

    def problem(self, *_: object, **__: object) -> None: ...


def _call(store: Store, bundle: Bundle, case: str, adviser: str, answers: int = 4) -> str:
    """A conversation saved as the app saves an adviser's (the start names case and adviser)."""
    reference = store.create(bundle=bundle.id, locale="en_GB", mode="plain")
    session = Session(bundle, on_event=SavingTarget(store, reference, Quiet()).record)
    session.start({"mode": "adviser_call", "case": case, "adviser": adviser})
    for raw in ANSWERS[:answers]:
        session.answer(raw)
    session.close()
    return reference


def test_find_by_generated_reference_or_case_reference(any_store: Store, example: Bundle) -> None:
    """Every back-end: ``find`` is the base class's, over ``conversations``."""
    first = _call(any_store, example, "AB 123", "Sam")
    second = _call(any_store, example, "ab  123", "Kim")
    _call(any_store, example, "XY-9", "Sam")
    assert [c.reference for c in any_store.find(first.lower().replace("-", ""))] == [first]
    both = any_store.find(" Ab 123 ")
    assert {c.reference for c in both} == {first, second}  # both shown, never merged
    assert [c.case for c in any_store.find("xy-9")] == ["XY-9"]
    assert any_store.find("nothing like it") == [] and any_store.find("   ") == []
    assert all(c.adviser for c in any_store.conversations())  # every back-end says who


def test_sqlite_keeps_the_adviser_the_conversation_started_with(
    store: Store, example: Bundle
) -> None:
    """SQLite has no sign-in: who took the call is what the start named (set_adviser);
    PostgreSQL records the signed-in adviser itself."""
    _call(store, example, "AB 123", "Sam")
    other = _call(store, example, "XY-9", "Kim")
    assert {c.adviser for c in store.conversations()} == {"Sam", "Kim"}
    assert store.summary(other).adviser == "Kim"  # type: ignore[union-attr]


def test_the_adviser_is_kept_in_the_clear_but_the_case_reference_is_sealed(
    store_file: Path, example: Bundle
) -> None:
    with open_store(store_file, passphrase="correct horse") as store:
        _call(store, example, "CASE-SEALED", "Sam")
    with open_store(store_file) as locked:
        [summary] = locked.conversations()
        assert (summary.adviser, summary.case) == ("Sam", None)
        assert locked.find("CASE-SEALED") == []  # not readable without the passphrase
    assert b"CASE-SEALED" not in store_file.read_bytes()


def test_sessions_filters_by_case_adviser_and_day(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        first = _call(store, example, "AB 123", "Sam")
        second = _call(store, example, "AB 123", "Kim")
        third = _call(store, example, "CD-4", "Sam")

    def listed(*args: str) -> set[str]:
        assert run(["sessions", "--json", "--store", str(store_file), *args]) == 0
        return {json.loads(line)["reference"] for line in capsys.readouterr().out.splitlines()}

    assert listed("--case", "ab 123") == {first, second}
    assert listed("--adviser", "sam") == {first, third}
    assert listed("--case", "AB 123", "--adviser", "Kim") == {second}
    assert listed("--since", "2000-01-01", "--until", "2999-12-31") == {first, second, third}
    assert listed("--since", "2999-01-01") == set()
    assert listed("--until", "2000-01-01") == set()
    assert run(["sessions", "--store", str(store_file), "--adviser", "Kim"]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"{second}  AB 123  last used .+  adviser: Kim", out)
    assert first not in out
    assert run(["sessions", "--store", str(store_file), "--adviser", "Nobody"]) == 0
    assert "No saved conversations in" in capsys.readouterr().out
    assert run(["sessions", "--store", str(store_file), "--since", "1/1/2026"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_resume_by_case_reference_and_an_ambiguous_one_lists_them(
    store_file: Path, example: Bundle
) -> None:
    with open_store(store_file) as store:
        only = _call(store, example, "SOLO-1", "Sam")
        first = _call(store, example, "TWIN-2", "Sam")
        second = _call(store, example, "twin-2", "Kim")
    store = ["--store", str(store_file)]
    again = support_plan("resume", "solo-1", "--plain", *store, stdin="review\n")
    assert again.returncode == 0, again.stderr
    assert f"support-plan resume {only}" in again.stdout
    assert "What would you like us to call you?" in again.stdout
    ambiguous = support_plan("resume", "TWIN-2", "--plain", *store, stdin="review\n")
    assert ambiguous.returncode == 1
    assert "2 conversations have the case reference TWIN-2" in ambiguous.stderr
    assert first in ambiguous.stderr and second in ambiguous.stderr and "Kim" in ambiguous.stderr
    assert "support-plan resume REFERENCE" in ambiguous.stderr
    assert "What would you like" not in ambiguous.stdout  # nothing was opened
