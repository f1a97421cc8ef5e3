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
from assistant.engine.outputs import Msg
from assistant.flow.loading import load_bundle
from assistant.flow.problems import FlowError
from assistant.i18n import MissingCatalog, Translator, choose_locale, translator_for
from assistant.paths import bundle_path
from assistant.plan.files import write_private
from assistant.saving import PASSPHRASE_VARIABLE, choices
from assistant.store.base import fill
from assistant.values import N_, printable

if TYPE_CHECKING:
    from assistant.store.base import ConversationSummary


class ExportError(Exception):
    """A kind, answer-free message saying what went wrong and what to do.

    ``message`` is an English message id marked with ``N_`` (its ``{names}`` filled from
    ``params``), or a message already made (a store's). ``str()`` is the English text (for
    logs and tests); :meth:`text` is what people see, in their language.
    """

    def __init__(self, message: str | Msg, **params: str | int | Msg) -> None:
        self.msg = message if isinstance(message, Msg) else Msg(message, None, params)
        super().__init__(fill(self.msg.id, self.msg.params))

    def text(self, t: Translator) -> str:
        """The message in the language of ``t``."""
        return t.render(self.msg)


def messages_translator(lang: str | None) -> Translator:
    """The language a command's own messages are in: ``--lang`` if it names one we ship,
    else the system's (English if its catalog is not built)."""
    try:
        locale = choose_locale(lang)
    except ValueError:  # said as an ExportError, in the system's language
        locale = choose_locale(None)
    try:
        return translator_for(locale)
    except MissingCatalog:
        return translator_for("en_GB")


def write_output(
    data: str | bytes, output: str | None, prog: str, t: Translator | None = None
) -> int:
    """Write to ``output`` as a private file (0600), or to the screen (no ``output``, or
    ``-`` as usual); the exit code. A file that cannot be written is one kind line, in the
    language of ``t`` (default: the system's). Bytes are a file's (a Word document) or
    UTF-8 text."""
    if output and output != "-":
        said = t or messages_translator(None)
        try:
            write_private(Path(output), data, replace=False)  # maybe anyone's file
        except OSError as error:
            problem = Msg(
                N_(
                    "cannot write {output} ({reason}). Choose another file with --output FILE, or --output - to print it."
                ),
                None,
                {"output": output, "reason": error.strerror or str(error)},
            )
            print(f"{prog}: {said.render(problem)}", file=sys.stderr)
            return 1
        print(
            said.render(Msg(N_("Written to {output}"), None, {"output": output})), file=sys.stderr
        )
    else:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        sys.stdout.write(printable(text))  # answers in it may hold escape sequences
    return 0


def read_event_log(path: Path) -> list[Event]:
    """Events from a JSON-lines file; a bad line is reported by its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(
            N_("cannot read {path} ({reason})."), path=str(path), reason=type(error).__name__
        ) from None
    events = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                events.append(Event.from_json(line))
            except ValueError:
                raise ExportError(
                    N_(
                        "{path}:{line}: this line is not an event. Each line must be one JSON event."
                    ),
                    path=str(path),
                    line=number,
                ) from None
    if not events:
        raise ExportError(N_("{path} holds no events."), path=str(path))
    return events


def only(found: list[ConversationSummary], wanted: str) -> ConversationSummary:
    """The one conversation ``wanted`` names; two with that case reference are never
    merged, so the person is asked which one they mean."""
    if not found:
        shown = wanted if len(wanted) <= 20 else wanted[:20] + "…"  # never all of a long one
        raise ExportError(
            N_(
                "there is no saved conversation '{reference}'. References look like K7P-2QM; to see them, type: support-plan sessions"
            ),
            reference=shown,
        )
    if len(found) > 1:
        raise ExportError(
            N_(
                "{count} conversations have the case reference '{case}': {choices}. Export one by its reference from this list."
            ),
            count=len(found),
            case=wanted.strip(),
            choices=choices(found),
        )
    return found[0]


def unlock(store: Any) -> None:
    """The passphrase as the line modes take it: from the environment, else typed once."""

    secret = os.environ.get(PASSPHRASE_VARIABLE)
    if secret is None and sys.stdin.isatty():
        secret = getpass.getpass("Passphrase: ")
    if secret is None:
        raise ExportError(
            N_(
                "the saved conversations are protected by a passphrase. Run this in a terminal to type it, or set {variable}."
            ),
            variable=PASSPHRASE_VARIABLE,
        )
    store.unlock(secret)


def bundle_named(flow: str | None) -> Any:

    path = bundle_path(flow)
    try:
        return load_bundle(path)
    except FlowError:
        raise ExportError(
            N_("the conversation in {path} has problems; run: support-plan check {path}"),
            path=str(path),
        ) from None
    except OSError:
        raise ExportError(
            N_("there is no conversation at {path}; use --flow england or a folder."),
            path=str(path),
        ) from None


def translator_named(locale: str | None) -> Any:

    try:
        return translator_for(choose_locale(locale))
    except ValueError:
        raise ExportError(
            N_("there is no '{lang}' language. Use en_GB, cy or pl."), lang=str(locale)
        ) from None
    except MissingCatalog as error:
        raise ExportError(Msg("{problem}", None, {"problem": str(error)})) from None  # English


def date_named(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ExportError(
            N_("please give the date as YYYY-MM-DD, for example 2026-11-22.")
        ) from None
