"""Reading saved conversations for the commands that write them out (``export``, the
contact records and the funders' ``report``): the conversation a reference names, its
questions and language, and writing the result privately. Errors are one kind line
(:class:`ExportError`), never a traceback, and never contain a person's answers.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.engine.events import Event
from assistant.flow.loading import load_bundle
from assistant.flow.problems import FlowError
from assistant.i18n import MissingCatalog, choose_locale, translator_for
from assistant.paths import bundle_path
from assistant.plan.files import write_private
from assistant.saving import PASSPHRASE_VARIABLE, choices

if TYPE_CHECKING:
    from assistant.store.base import ConversationSummary


class ExportError(Exception):
    """A kind, answer-free message saying what went wrong and what to do."""


def write_output(data: str | bytes, output: str | None, prog: str) -> int:
    """Write to ``output`` as a private file (0600), or to the screen (no ``output``, or
    ``-`` as usual); the exit code. A file that cannot be written is one kind line. Bytes
    are a file's (a Word document) or UTF-8 text."""
    if output and output != "-":
        try:
            write_private(Path(output), data)
        except OSError as error:
            reason = error.strerror or str(error)
            print(
                f"{prog}: cannot write {output} ({reason}). "
                "Choose another file with --output FILE, or --output - to print it.",
                file=sys.stderr,
            )
            return 1
        print(f"Written to {output}", file=sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else data)
    return 0


def read_event_log(path: Path) -> list[Event]:
    """Events from a JSON-lines file; a bad line is reported by its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"cannot read {path} ({type(error).__name__}).") from None
    events = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                events.append(Event.from_json(line))
            except ValueError:
                raise ExportError(
                    f"{path}:{number}: this line is not an event. Each line must be one JSON event."
                ) from None
    if not events:
        raise ExportError(f"{path} holds no events.")
    return events


def only(found: list[ConversationSummary], wanted: str) -> ConversationSummary:
    """The one conversation ``wanted`` names; two with that case reference are never
    merged, so the person is asked which one they mean."""
    if not found:
        shown = wanted if len(wanted) <= 20 else wanted[:20] + "…"  # never all of a long one
        raise ExportError(
            f"there is no saved conversation '{shown}'. References look like K7P-2QM; "
            "to see them, type: support-plan sessions"
        )
    if len(found) > 1:
        raise ExportError(
            f"{len(found)} conversations have the case reference '{wanted.strip()}': "
            f"{choices(found)}. Export one by its reference from this list."
        )
    return found[0]


def unlock(store: Any) -> None:
    """The passphrase as the line modes take it: from the environment, else typed once."""

    secret = os.environ.get(PASSPHRASE_VARIABLE)
    if secret is None and sys.stdin.isatty():
        secret = getpass.getpass("Passphrase: ")
    if secret is None:
        raise ExportError(
            f"the saved conversations are protected by a passphrase. Run this in a terminal to type it, or set {PASSPHRASE_VARIABLE}."
        )
    store.unlock(secret)


def bundle_named(flow: str | None) -> Any:

    path = bundle_path(flow)
    try:
        return load_bundle(path)
    except FlowError:
        raise ExportError(
            f"the conversation in {path} has problems; run: support-plan check {path}"
        ) from None
    except OSError:
        raise ExportError(
            f"there is no conversation at {path}; use --flow england or a folder."
        ) from None


def translator_named(locale: str | None) -> Any:

    try:
        return translator_for(choose_locale(locale))
    except ValueError:
        raise ExportError(f"there is no '{locale}' language. Use en_GB, cy or pl.") from None
    except MissingCatalog as error:
        raise ExportError(str(error)) from None


def date_named(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ExportError("please give the date as YYYY-MM-DD, for example 2026-11-22.") from None
