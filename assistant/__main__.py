"""Entry point: ``support-plan`` and ``python -m assistant``."""

from __future__ import annotations

import errno
import gc
import os
import sys

#: Failures writing output: a full disk or quota, a lost terminal, a closed descriptor.
_WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; imports are lazy so each subcommand starts fast.

    Garbage collection is off while the program starts: starting makes only objects that
    live as long as the program (modules, styles, the flow), and collecting them over and
    over took 20 to 35 ms of the full-screen app's start. Each front end turns collection
    back on once it has started (the app after loading, behind its first screen).
    """
    gc.disable()
    _open_closed_streams()
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
    except OSError as error:
        return _os_failure(args, error)
    except KeyboardInterrupt:  # Ctrl-C at a command's question (forget's "Type yes")
        _say(args, "interrupted", before="\n")
        return 130
    finally:
        gc.enable()


def _os_failure(args: list[str], error: OSError) -> int:
    """The exit code for a system error that reached the top, after one line saying why: a
    name too long for the system (2: it came from the command line), or output that could
    not be written (1). Any other is a fault of ours, and is raised as it was."""
    if error.errno == errno.ENAMETOOLONG:  # a path given (--flow, check, replay...)
        _say(args, "too_long", reason=error.strerror or "")
        return 2
    if error.errno not in _WRITE_FAILURES:
        raise error
    _say(args, "unwritable", reason=error.strerror or "")
    _quiet_stdout()
    return 1


def _open_closed_streams() -> None:
    """A standard stream closed by the caller (``<&-``, ``>&-``) is None in Python, and its
    first use ended in a traceback: it now reads as empty input and writes nowhere, as
    /dev/null would (the file opened takes the closed descriptor's number)."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def _say(args: list[str], why: str, *, before: str = "", **params: str) -> None:
    """One line on standard error, in the language asked for, when a command stopped for
    a reason of the system's or the person's (never anything that was being written)."""
    from assistant.cli import _requested_lang  # only once something has gone wrong
    from assistant.cli_i18n import translator
    from assistant.values import N_

    msgid = {
        "unwritable": N_("stopped, because what it was writing could not be written ({reason})."),
        "interrupted": N_("stopped (Ctrl-C)."),
        "too_long": N_(
            "a file or folder name given is longer than this system allows ({reason}). Check the name, or choose a shorter one."
        ),
    }[why]
    message = translator(_requested_lang(args)).gettext(msgid).format(**params)
    try:
        print(f"{before}support-plan: {message}", file=sys.stderr)
    except OSError:
        pass  # standard error cannot be written either: nothing more can be said


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so flushing it at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
