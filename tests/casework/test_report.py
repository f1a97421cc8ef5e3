"""``support-plan report``: contacts counted for funders, small counts hidden, and nothing
that could name a person, proved on a store full of marked answers."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from casework_helpers import answers, save_call

from assistant.casework.report import THRESHOLD, suppress
from assistant.casework.spreadsheet import BOM
from assistant.cli import run
from assistant.flow.bundle import Bundle
from assistant.store import open_store

#: Every marked thing a person or an adviser typed or was given; none may reach a report.
MARK = "Zq9Marked"


def _call(n: int, channel: str, outcome: str) -> dict[str, object]:
    return {
        "setup": {"mode": "adviser_call", "case": f"{MARK}Case{n}", "adviser": f"{MARK}Adviser{n}"},
        "details": {
            "channel": channel,
            "caller": "person",
            "age_band": "65_74",
            "outcome": outcome,
            "signposted": ["council"],
            "follow_ups": f"{MARK}FollowUp{n}",
            "consent": "yes",
        },
        "notes": [f"{MARK}Note{n}"],
    }


@pytest.fixture
def marked_store(store_file: Path, example: Bundle) -> list[str]:
    """Twelve calls: eight by telephone, four by video (too few to show)."""
    references = []
    with open_store(store_file) as store:
        for n in range(12):
            channel, outcome = ("phone", "information") if n < 8 else ("video", "referred")
            name = f"{MARK}Name{n}"
            references.append(
                save_call(
                    store,
                    example,
                    answers(["", name, "2", "87", "", ["1", "3"], True, "", 31, "24.75"]),
                    **_call(n, channel, outcome),  # type: ignore[arg-type]
                )
            )
    return references


def _report(capsys: pytest.CaptureFixture[str], store_file: Path, *args: str) -> str:
    code = run(["report", "--since", "2000-01-01", "--store", str(store_file), *args])
    assert code == 0, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_a_report_names_nobody(
    fmt: str, marked_store: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _report(capsys, store_file, "--format", fmt)
    assert MARK not in text  # no answer, name, case reference, adviser, note or follow-up
    assert not any(reference in text for reference in marked_store)
    assert "Telephone" in text and "Contacts" in text


def test_counts_under_five_are_hidden_and_the_rest_shown(
    marked_store: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _report(capsys, store_file, "--format", "csv")
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    cells = {(measure, category): count for measure, category, count in rows[1:]}
    assert cells[("Contacts", "")] == "12"
    assert cells[("Channel", "Telephone")] == "8"
    assert cells[("Channel", "Video call")] == "fewer than 5"  # 4 calls
    assert cells[("Outcome", "Information and advice given")] == "8"
    assert cells[("Outcome", "Referred on, with consent")] == "fewer than 5"
    assert cells[("Age band", "65 to 74")] == "12"
    assert cells[("Signposted to", "Council adult social care")] == "12"
    shown = [int(c) for c in cells.values() if c.isdigit()]
    assert shown and min(shown) >= THRESHOLD  # no count under 5 appears anywhere


def test_a_period_with_fewer_than_five_contacts_shows_no_figures(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        for n in range(3):
            save_call(store, example, answers(["", "Ann"]), **_call(n, "phone", "information"))  # type: ignore[arg-type]
    text = _report(capsys, store_file)
    assert re.findall(r"\| (\d+) \|", text) == []
    assert "**Contacts: fewer than 5**" in text


def test_contacts_before_the_period_are_not_counted(
    marked_store: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            ["report", "--since", "2999-01-01", "--until", "2999-12-31", "--store", str(store_file)]
        )
        == 0
    )
    assert "**Contacts: fewer than 5**" in capsys.readouterr().out
    assert (
        run(
            ["report", "--since", "2026-02-01", "--until", "2026-01-01", "--store", str(store_file)]
        )
        == 1
    )
    assert "--until is before --since" in capsys.readouterr().err


def test_the_html_page_is_self_contained_with_charts(
    marked_store: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _report(capsys, store_file, "--format", "html")
    assert page.count("<svg") == 7 and page.count("<title id=") == 7
    for fetch in ("<script", "src=", "href=", "url(", "@import", "<link"):
        assert fetch not in page
    # The bar for telephone is drawn; the hidden count has words and no bar of its own.
    assert re.search(r'<rect [^>]*width="480"', page)
    assert page.count('class="count">fewer than 5</text>') > 5


def test_suppression_hides_the_next_smallest_when_one_would_be_worked_out() -> None:
    rows = suppress([("a", 10), ("b", 7), ("c", 3)], whole=True)
    assert [r.count for r in rows] == [10, None, None]  # else c = total - 10 - 7
    rows = suppress([("a", 10), ("b", 7), ("c", 3)], whole=False)  # counts overlap: no sum
    assert [r.count for r in rows] == [10, 7, None]
    rows = suppress([("a", 10), ("b", 2), ("c", 0)], whole=True)
    assert [r.count for r in rows] == [10, None, None]
    assert [r.count for r in suppress([("a", 5), ("b", 4)], whole=False)] == [5, None]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_contacts_and_report_from_either_store(
    backend: str,
    store_file: Path,
    example: Bundle,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    """The contact export and the report use the store's interface only, so a helpline's
    PostgreSQL database gives the same as a SQLite file."""
    location = str(store_file) if backend == "sqlite" else str(request.getfixturevalue("pg_url"))
    with open_store(location) as store:
        for n in range(6):
            save_call(
                store,
                example,
                answers(["", f"{MARK}Name{n}", "2", "87"]),
                **_call(n, "phone", "information"),  # type: ignore[arg-type]
            )
    assert (
        run(
            ["export", "--all", "--since", "2000-01-01", "--format", "contact", "--store", location]
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.removeprefix(BOM), newline="")))
    assert len(rows) == 7 and {row[6] for row in rows[1:]} == {f"{MARK}Case{n}" for n in range(6)}
    assert run(["report", "--since", "2000-01-01", "--store", location, "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert '"Channel","Telephone","6"' in text and MARK not in text


def test_store_and_language_given_before_the_command_are_used(
    marked_store: list[str], store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``support-plan --store FILE report ...`` counted the default store instead."""
    before = ["--store", str(store_file), "--lang", "cy"]
    assert run([*before, "report", "--since", "2000-01-01", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.removeprefix(BOM))))
    assert rows[1][2] == "12" and rows[0][0] != "Measure"  # this store, in Welsh
    assert run([*before, "export", marked_store[0], "--format", "contact", "--json"]) == 0
    assert f'"reference": "{marked_store[0]}"' in capsys.readouterr().out
