"""Entry point: ``support-plan`` and ``python -m assistant``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; imports are lazy so each subcommand starts fast."""
    from assistant.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
