"""``support-plan stats``: what each golden conversation costs the person, against the budgets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.paths import ROOT, bundle_path
from assistant.transcript.golden import GoldenError, find_goldens, load_golden
from assistant.transcript.replay import bundle_loader
from assistant.transcript.stats import BUDGETS, measure_all, over_budget, table
from assistant.values import N_


def add_parser(subparsers: Any) -> None:
    """Register ``stats``."""
    parser = subparsers.add_parser(
        "stats",
        help=N_("count the screens, questions and words of each golden conversation"),
        description=N_(
            "Replay golden conversations and count what each person is shown: screens, "
            "questions, information screens, the longest run of information screens, words "
            "and an estimated time, with the medians and the journey's budgets."
        ),
    )
    parser.add_argument(
        "flow",
        nargs="?",
        metavar="FLOW",
        help=N_("a bundle folder or name (default: england)"),
    )
    parser.add_argument(
        "--transcripts",
        metavar="PATH",
        action="append",
        help=N_("golden conversation files or folders (default: transcripts/)"),
    )
    parser.add_argument("--json", action="store_true", help=N_("print JSON instead of a table"))
    parser.add_argument(
        "--check", action="store_true", help=N_("exit with code 1 if any budget is broken")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the table (or JSON) and the budgets; 2 if nothing could be measured."""
    flow = bundle_path(args.flow or "england")
    if not (flow / "bundle.yaml").exists():
        print(f"support-plan stats: no flow bundle at {flow}.", file=sys.stderr)
        return 2
    paths = [Path(p) for p in args.transcripts or [str(ROOT / "transcripts")]]
    try:
        goldens = [load_golden(p) for p in find_goldens([p for p in paths if p.exists()])]
    except GoldenError as error:
        print(f"support-plan stats: {error}", file=sys.stderr)
        return 2
    rows = measure_all(goldens, bundle_loader(flow.parent), flow.name)
    if not rows:
        print(f"support-plan stats: no golden conversations for '{flow.name}'.", file=sys.stderr)
        return 2
    broken = over_budget(rows)
    if args.json:
        print(json.dumps(_as_json(rows, broken), indent=2))
    else:
        print(table(rows))
        print()
        print(_budget_lines(broken, BUDGETS))
    return 1 if args.check and broken else 0


def _budget_lines(broken: list[str], budgets: Any) -> str:
    limits = (
        f"Budgets: median screens <= {budgets.median_screens}, none over {budgets.most_screens} "
        f"(adviser-led <= {budgets.adviser_screens}); at most {budgets.longest_information_run} "
        f"information screens in a row; median words <= {budgets.median_words:,}."
    )
    if not broken:
        return limits + "\nAll budgets hold."
    return limits + "\nBroken:\n" + "\n".join(f"  - {line}" for line in broken)


def _as_json(rows: list[Any], broken: list[str]) -> dict[str, Any]:
    return {
        "conversations": [
            {
                "name": Path(r.name).stem,
                "adviser": r.adviser,
                "screens": r.screens,
                "questions": r.questions,
                "information": r.information,
                "longest_run": r.longest_run,
                "words": r.words,
                "minutes": round(r.minutes, 1),
                "steps": [s.step for s in r.shown],
            }
            for r in rows
        ],
        "broken": broken,
    }
