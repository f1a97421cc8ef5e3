"""``support-plan export --format contact``: one contact record for a case system, or many
with ``--all --since``, as CSV a spreadsheet opens safely (UTF-8 with BOM, every field
quoted, no formulas), or as JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from casework_helpers import answers, golden, save_call

from assistant.casework.record import contact_record
from assistant.casework.spreadsheet import BOM, safe_cell, spreadsheet_csv
from assistant.cli import run
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.store import open_store
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply

CALL = {
    "channel": "phone",
    "caller": "family",
    "age_band": "75_84",
    "outcome": "follow_up",
    "signposted": ["advocacy", "council", "not-one-of-ours"],
    "follow_ups": "Ring back on Tuesday",
    "consent": "yes",
}
SETUP = {"mode": "adviser_call", "case": "CASE-41", "adviser": "Sam Adviser"}
EXAMPLE = ["", "Ann", "2", "87", "", ["1", "3"], True, "", 31, "24.75"]


def _rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def _export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert run(["export", *args]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_one_contact_record_has_every_column_from_the_call(
    store_file: Path, england: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        reference = save_call(
            store, england, golden("section3_discharge"), setup=SETUP, details=CALL
        )
    rows = _rows(_export(capsys, "CASE-41", "--format", "contact", "--store", str(store_file)))
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Reference"] == reference
    assert record["Case reference"] == "CASE-41"
    assert record["Adviser"] == "Sam Adviser"
    assert record["Channel"] == "Telephone"
    assert record["Who was calling"] == "A family member or friend"
    assert record["Age band"] == "75 to 84"
    assert record["Outcome"] == "Follow-up needed"
    # Our ids only, in our order; an id from elsewhere in the log is dropped.
    assert record["Signposted to"] == "Council adult social care; Independent advocacy"
    assert record["Follow-ups agreed"] == "Ring back on Tuesday"
    assert record["Consent to share"] == "Agreed to share"
    assert "Mental health and decisions" in record["Topics covered"]
    assert "Getting started" not in record["Topics covered"]
    assert "Free section 117 aftercare" in record["Rights explained"].split("; ")
    assert record["Options discussed"]
    # Daniel's sister helps him with money, unpaid: a carer is involved.
    assert (record["Mental health involved"], record["Carer involved"]) == ("Yes", "Yes")
    assert record["Date"].count("-") == 2 and record["Duration (minutes)"].isdigit()


def test_without_call_details_the_columns_say_only_what_is_known(
    store_file: Path, england: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        save_call(store, england, golden("carer_breaking_point"), setup=SETUP)
    out = _export(capsys, "CASE-41", "--format", "contact", "--json", "--store", str(store_file))
    record = json.loads(out)
    assert record["channel"] == "Telephone"  # the mode: an adviser with a caller on the phone
    assert record["outcome"] == record["age_band"] == ""
    # Not recorded by the adviser: Sue's own answer (her GP may have a copy) is read instead.
    assert record["consent_to_share"] == "Agreed to share"
    assert record["codes"]["consent"] == "yes"
    assert record["codes"]["carer"] is True
    assert record["codes"]["signposted"] == []


@pytest.mark.parametrize(
    ("shared", "recorded", "expected"),
    [
        (["gp"], "", "yes"),
        (["only_me"], "", "no"),
        ([], "", ""),
        (["only_me"], "yes", "yes"),  # what the adviser recorded stands over the answer
    ],
)
def test_consent_to_share_reads_the_persons_answer_unless_the_adviser_recorded_it(
    england: Bundle, shared: list[str], recorded: str, expected: str
) -> None:
    session = Session(england)
    session.start()
    path = Path(__file__).resolve().parents[2] / "transcripts" / "carer_breaking_point.yaml"
    for turn in load_golden(path).turns:
        if session.current == "next_steps.share_with_team":  # she spoke of mental health
            break
        if turn.action != "start":
            apply(session, turn)
    assert session.current == "next_steps.share_with_team"
    session.answer(tuple(shared))
    if recorded:
        session.record("call_details", {"consent": recorded})
    assert contact_record(session, Translator()).codes.consent == expected


def test_help_now_shown_counts_as_signposting(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    def drive(session: object) -> None:
        answers(EXAMPLE[:3])(session)  # type: ignore[arg-type]
        session.help_now("asked")  # type: ignore[attr-defined]

    with open_store(store_file) as store:
        reference = save_call(store, example, drive, setup=SETUP)
    record = json.loads(
        _export(capsys, reference, "--format", "contact", "--json", "--store", str(store_file))
    )
    assert record["codes"]["signposted"] == ["help_now"]


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"])
def test_cells_that_a_spreadsheet_would_run_are_escaped(
    dangerous: str, store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        reference = save_call(
            store,
            example,
            answers(EXAMPLE),
            setup={**SETUP, "case": dangerous, "adviser": dangerous},
            details={**CALL, "follow_ups": dangerous + " tomorrow"},
        )
    text = _export(capsys, reference, "--format", "contact", "--store", str(store_file))
    row = dict(zip(*_rows(text), strict=True))
    # Each starts with a quote mark, so a spreadsheet shows it as the text it is.
    assert row["Case reference"] == row["Adviser"] == "'" + dangerous
    assert row["Follow-ups agreed"] == "'" + dangerous + " tomorrow"
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row.values())
    # Every field is quoted in the file itself, and rows end with CRLF.
    header, first, *_ = text[len(BOM) :].split("\r\n")
    assert header.startswith('"Reference","Date"') and first.startswith('"')


def test_welsh_and_polish_letters_survive_a_spreadsheet(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words = "Łódź, Gwynedd: ŵ ŷ â; “quoted”, and a comma"
    with open_store(store_file) as store:
        save_call(
            store,
            example,
            answers(EXAMPLE),
            setup={**SETUP, "case": "ŴŶ-1"},
            details={**CALL, "follow_ups": words},
        )
    out = tmp_path / "contact.csv"
    assert (
        run(
            [
                "export",
                "ŵŷ-1",
                "--format",
                "contact",
                "--store",
                str(store_file),
                "--output",
                str(out),
            ]
        )
        == 0
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    assert (out.stat().st_mode & 0o777) == 0o600
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert dict(zip(*rows, strict=True))["Follow-ups agreed"] == words
    assert "ŴŶ-1" in rows[1]


def test_all_since_exports_every_contact_used_in_the_period_as_one_csv(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        refs = [
            save_call(store, example, answers(EXAMPLE), setup={**SETUP, "case": f"C{n}"})
            for n in range(3)
        ]
    text = _export(
        capsys, "--all", "--since", "2000-01-01", "--format", "contact", "--store", str(store_file)
    )
    rows = _rows(text)
    assert sorted(row[0] for row in rows[1:]) == sorted(refs)
    assert [row[1] for row in rows[1:]] == sorted(row[1] for row in rows[1:])  # oldest first
    assert text.count(BOM) == 1
    later = _export(
        capsys, "--all", "--since", "2999-01-01", "--format", "contact", "--store", str(store_file)
    )
    assert _rows(later) == rows[:1]  # only the header


def test_two_conversations_with_one_case_reference_are_never_merged(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(store_file) as store:
        first = save_call(store, example, answers(EXAMPLE), setup=SETUP)
        second = save_call(
            store, example, answers(EXAMPLE[:4]), setup={**SETUP, "case": " case-41 "}
        )
    assert run(["export", "case-41", "--format", "contact", "--store", str(store_file)]) == 1
    err = capsys.readouterr().err
    assert "2 conversations have the case reference" in err and first in err and second in err
    for reference in (first, second):
        assert (
            _rows(_export(capsys, reference, "--format", "contact", "--store", str(store_file)))[1][
                0
            ]
            == reference
        )


def test_contact_options_are_checked_kindly(
    store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["export", "--format", "contact", "--store", str(store_file)]) == 1
    assert "or --all" in capsys.readouterr().err
    assert run(["export", "ABC-DEF", "--json", "--store", str(store_file)]) == 1
    assert "--format contact only" in capsys.readouterr().err
    assert (
        run(
            [
                "export",
                "--all",
                "--since",
                "22/11/2026",
                "--format",
                "contact",
                "--store",
                str(store_file),
            ]
        )
        == 1
    )
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ("=\x00=1+1", "'=\ufffd=1+1"),  # a NUL made Word and some importers stop
        ("\n=HYPERLINK(1)", "' =HYPERLINK(1)"),  # a leading line break became a space
        ("  -2+3", "'  -2+3"),  # an importer that trims spaces would run it
        ("a\x1b[31mb\x07c\x9b", "a\ufffd[31mb\ufffdc\ufffd"),  # nothing a terminal acts on
    ],
)
def test_no_formula_hides_behind_invisible_characters(typed: str, cell: str) -> None:
    assert safe_cell(typed) == cell


def test_safe_cell_and_spreadsheet_csv() -> None:
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("＝1") == "'＝1"
    assert safe_cell("a\r\nb\nc") == "a b c"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("\r=1") == "' =1"  # a carriage return first, then no line break
    assert safe_cell("Plain text, 5 - 3") == "Plain text, 5 - 3"
    text = spreadsheet_csv(["A", "B"], [["-1", 'say "hi"']])
    assert text == BOM + '"A","B"\r\n"\'-1","say ""hi"""\r\n'
