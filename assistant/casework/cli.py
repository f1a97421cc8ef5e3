"""``support-plan report --since DATE [--until DATE] [--format md|html|csv]``: figures for
funders from the saved conversations, naming nobody (see :mod:`assistant.casework.report`).

Contacts are counted in the period they started. The report is in English unless
``--lang`` says otherwise. Errors are one kind line and exit code 1 (2 for bad arguments).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from assistant.casework.export import saved_records
from assistant.casework.record import topic_titles
from assistant.casework.report import build_report
from assistant.casework.report_pages import report_csv, report_html, report_markdown
from assistant.plan.saved import (
    ExportError,
    date_named,
    messages_translator,
    translator_named,
    write_output,
)
from assistant.values import N_

FORMATS = ("md", "html", "csv")


def add_parser(subparsers: Any) -> None:
    """Register ``report`` (the main cli.py calls this)."""
    parser = subparsers.add_parser(
        "report",
        help=N_("figures for funders, naming nobody"),
        description=N_(
            "Count the contacts in a period by topic, outcome, signposting, channel, age band, mental health and carers. Counts under 5 are never shown."
        ),
    )
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", required=True, help=N_("the first day of the period")
    )
    parser.add_argument(
        "--until", metavar="YYYY-MM-DD", help=N_("the last day of the period (default: today)")
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="md", help=N_("md (default), html or csv")
    )
    parser.add_argument("--output", metavar="FILE", help=N_("write to FILE instead of the screen"))
    # Left out here, --store and --lang keep what was given before "report" (the main parser
    # has them): argparse's sub-parser defaults would overwrite it and count another store.
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=N_("the saved conversations file"),
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        default=argparse.SUPPRESS,
        help=N_("language: en_GB, cy or pl (default: en_GB)"),
    )
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Write the report; 0 on success, 1 if the conversations cannot be read."""

    t = messages_translator(args.lang)
    try:
        text = report_text(args)
    except ExportError as error:
        print(f"support-plan report: {error.text(t)}", file=sys.stderr)
        return 1
    return write_output(text, args.output, "support-plan report", t)


def report_text(args: argparse.Namespace) -> str:
    """The report for the parsed arguments; raises ExportError."""

    since = date_named(args.since)
    until = date_named(args.until) or dt.date.today()
    assert since is not None  # --since is required
    if until < since:
        raise ExportError(N_("--until is before --since; give the first day, then the last."))
    t = translator_named(args.lang or "en_GB")
    bundles: dict[str, Any] = {}
    found = list(saved_records(_as_export(args, since, until), t, bundles, started=True))
    titles = {code: title for bundle in bundles.values() for code, title in topic_titles(bundle, t)}
    report = build_report([r.codes for r in found], titles, t, since=since, until=until)
    render = {"md": report_markdown, "html": report_html, "csv": report_csv}[args.format]
    return render(report, t)


def _as_export(args: argparse.Namespace, since: dt.date, until: dt.date) -> argparse.Namespace:
    """The options :func:`saved_records` reads, for every saved conversation in the period."""
    return argparse.Namespace(
        store=args.store, since=since.isoformat(), until=until.isoformat(), flow=None, date=None
    )
