"""Entry point: ``support-plan`` and ``python -m assistant``."""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; imports are lazy so each subcommand starts fast.

    Garbage collection is off while the program starts: starting makes only objects that
    live as long as the program (modules, styles, the flow), and collecting them over and
    over took 20 to 35 ms of the full-screen app's start. Each front end turns collection
    back on once it has started (the app after loading, behind its first screen).
    """
    gc.disable()
    args = sys.argv[1:] if argv is None else argv
    try:
        # After gc.disable(): importing is most of starting. A start with flags only needs
        # no argument parser (see assistant.cli_flags); anything else goes to the full one.
        from assistant.cli_flags import flag_options, quiet_logs

        options = flag_options(args)
        if options is None:
            from assistant.cli import run  # start-up: commands, values, help and mistakes

            return run(args)
        quiet_logs()
        from assistant.frontends import start_conversation  # start-up: after the flags

        return start_conversation(options)
    except BrokenPipeError:  # the reader went away (support-plan cost | head): stop quietly
        _quiet_stdout()
        return 0
    finally:
        gc.enable()


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so flushing it at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
