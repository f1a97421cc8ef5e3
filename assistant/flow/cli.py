"""``support-plan check``, ``diagram`` and ``schema``: tools for people who write flows."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from assistant.flow.diagram import dot, mermaid
from assistant.flow.loading import find_bundles, load_bundle, read_bundle
from assistant.flow.model import flow_json_schema
from assistant.flow.problems import FlowError
from assistant.paths import bundle_path
from assistant.values import N_


def add_parser(subparsers: Any, name: str) -> None:
    """Register one of this module's subcommands."""
    if name == "check":
        parser = subparsers.add_parser(name, help=N_("check flow files"), description=_CHECK_HELP)
        parser.add_argument(
            "path", nargs="?", default="flows", help=N_("a bundle folder, or a folder of bundles")
        )
        parser.set_defaults(handler=run_check)
    elif name == "diagram":
        parser = subparsers.add_parser(name, help=N_("draw a flow"), description=_DIAGRAM_HELP)
        parser.add_argument("flow", help=N_("a bundle name (england, example) or folder"))
        parser.add_argument(
            "--output",
            "-o",
            metavar="FILE",
            help=N_("write here (.mmd for Mermaid, .svg for a picture)"),
        )
        parser.set_defaults(handler=run_diagram)
    else:
        parser = subparsers.add_parser(name, help=N_("print the flow JSON Schema"))
        parser.set_defaults(handler=run_schema)


_CHECK_HELP = N_(
    "Check every flow bundle under PATH and list every problem as file:line:column, what is wrong, and how to fix it."
)
_DIAGRAM_HELP = N_(
    "Write a Mermaid state diagram of a flow bundle (SVG too when graphviz's 'dot' is installed and FILE ends in .svg)."
)


def run_check(args: argparse.Namespace) -> int:
    """Check bundles; exit 1 if any problem was found, 2 if the path is not a flow folder."""
    root = Path(args.path)
    bundles = find_bundles(root) if root.is_dir() else []
    if not bundles:
        print(
            f"support-plan check: no bundle.yaml found in {root}. Give a folder such as flows/.",
            file=sys.stderr,
        )
        return 2
    total = 0
    for bundle_dir in bundles:
        bundle, problems = read_bundle(bundle_dir, display_root=Path.cwd())
        for problem in problems:
            print(problem)
        total += len(problems)
        steps = len(bundle.steps) if bundle else 0
        status = (
            "ok" if not problems else f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        )
        print(f"{bundle_dir}: {steps} steps, {status}", file=sys.stderr)
    return 1 if total else 0


def _say(msgid: str, **params: str) -> None:
    """One line of ``support-plan diagram`` on standard error, in the system's language."""
    from assistant.engine.outputs import Msg  # only to say something
    from assistant.startup import command_translator

    t = command_translator(None)
    assert t is not None  # only a --lang we do not ship gives None
    print(t.render(Msg(msgid, None, params)), file=sys.stderr)


def run_diagram(args: argparse.Namespace) -> int:
    """Draw a bundle with transitions' diagram extension (Mermaid engine)."""
    try:
        bundle = load_bundle(bundle_path(args.flow), display_root=Path.cwd())
    except FlowError as error:
        print(error, file=sys.stderr)
        _say(N_("support-plan diagram: fix the problems above first (see 'support-plan check')."))
        return 1
    text = mermaid(bundle)
    if not args.output or args.output == "-":  # "-" is standard output, as usual
        sys.stdout.write(text)
        return 0
    output = Path(args.output)
    if output.suffix == ".svg":
        return _write_svg(bundle, output)
    return _write(output, text)


def _write(output: Path, text: str) -> int:
    """Write the diagram; a place that cannot be written is one kind line and exit 1."""
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _say(
            N_(
                "support-plan diagram: cannot write {output} ({reason}). Choose a file in a folder you can write to with -o FILE, or leave out -o to print it."
            ),
            output=str(output),
            reason=error.strerror or type(error).__name__,
        )
        return 1
    _say(N_("Wrote {output}"), output=str(output))
    return 0


def _write_svg(bundle: Any, output: Path) -> int:
    if shutil.which("dot") is None:
        _say(
            N_(
                "support-plan diagram: SVG needs graphviz ('dot'); install it, or write a .mmd file instead."
            )
        )
        return 2
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=dot(bundle), capture_output=True, text=True, check=True
    ).stdout
    return _write(output, svg)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema generated from the flow models."""
    print(json.dumps(flow_json_schema(), indent=2, sort_keys=True))
    return 0
