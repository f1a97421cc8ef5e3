"""What every way of starting the assistant shares: its options, the questions, the language.

The command line (:mod:`assistant.cli`) turns its arguments into :class:`StartOptions`;
:mod:`assistant.frontends` chooses the front end; each front end loads the questions and
says what went wrong through the functions here. Nothing here parses arguments or draws a
screen, so every front end (and a future one) can use all of it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.i18n import MissingCatalog, Translator, choose_locale, translator_for
from assistant.paths import bundle_path, flow_names
from assistant.values import N_

# The flow package is imported when the questions are loaded: the full-screen app does that
# behind its first screen, so importing this module must not pay for it (start-up budget).
if TYPE_CHECKING:
    from assistant.flow.bundle import Bundle
    from assistant.flow.problems import FlowError


class StartOptions:
    """How to start (or resume) a conversation, as the person asked on the command line.

    A plain class, not a dataclass: it is made on every start, and making a dataclass type
    costs a little of each one.
    """

    def __init__(
        self,
        *,
        plain: bool = False,
        json: bool = False,
        flow: str | None = None,
        lang: str | None = None,
        store: str | None = None,
        adviser: bool = False,
        save: bool | None = None,
        reference: str | None = None,
        screen_reader: bool = False,
    ) -> None:
        #: Line-by-line text mode (screen readers, braille displays, scripts).
        self.plain = plain
        #: JSON lines in and out (with ``plain``), for other programs.
        self.json = json
        #: The questions: a bundle's name or folder (None: the default).
        self.flow = flow
        #: The language asked for (None: the system's).
        self.lang = lang
        #: Where to save (None: ``SUPPORT_PLAN_STORE``, else the default place).
        self.store = store
        #: Start in adviser mode (helpline console).
        self.adviser = adviser
        #: ``--save``/``--no-save``; None: ask.
        self.save = save
        #: The saved conversation to carry on with (None: a new one).
        self.reference = reference
        #: Plain mode made quiet for screen readers (``--screen-reader``).
        self.screen_reader = screen_reader


def load_bundle_for(flow: str | None) -> Bundle:
    """The bundle named by --flow (or the default); raises FlowError listing its problems."""
    from assistant.flow.loading import load_bundle  # start-up budget: see the imports above

    return load_bundle(bundle_path(flow), display_root=Path.cwd())


def load_or_explain(flow: str | None, t: Translator | None = None) -> Bundle | None:
    """Load the bundle, printing every problem and returning None if it cannot be used."""
    from assistant.flow.problems import FlowError  # start-up budget: see the imports above

    if flow and not (bundle_path(flow) / "bundle.yaml").exists():
        say_problem(
            t,
            N_(
                "there is no flow called '{flow}'. Use one of {names}, or give the folder of a flow (the one holding bundle.yaml)."
            ),
            flow=flow,
            names=", ".join(flow_names()),
        )
        return None
    try:
        return load_bundle_for(flow)
    except FlowError as error:
        explain_flow_error(flow, error, t)
        return None


def explain_flow_error(flow: str | None, error: FlowError, t: Translator | None = None) -> None:
    """Print every problem in the bundle, then what to do about them.

    The problems themselves are for flow authors and stay in English; the closing line is
    in the language of ``t``.
    """
    print(error, file=sys.stderr)
    say_problem(
        t,
        N_("the conversation in {path} has problems (listed above); run 'support-plan check'."),
        path=str(bundle_path(flow)),
    )


def say_problem(t: Translator | None, msgid: str, **params: str) -> None:
    """One line on standard error, ``support-plan: ...``, in the language of ``t``."""
    text = msgid if t is None else t.gettext(msgid)
    for name, value in params.items():
        text = text.replace("{" + name + "}", value)
    print(f"support-plan: {text}", file=sys.stderr, flush=True)


def command_translator(requested: str | None) -> Translator | None:
    """The translator for a command: ``--lang`` if given, else the system's language.

    None (after saying which languages there are, in the system's language) when
    ``--lang`` names one we do not ship; the command should then exit with code 2.
    """
    try:
        return translator_or_english(choose_locale(requested))
    except ValueError:
        say_problem(
            _quiet_translator(choose_locale(None)),
            N_("there is no '{lang}' language. Use en_GB, cy or pl."),
            lang=str(requested),
        )
        return None


def translator_or_english(locale: str) -> Translator:
    """The locale's translator; if its catalog is not built, say so and carry on in English."""
    try:
        return translator_for(locale)
    except MissingCatalog as error:
        print(f"support-plan: {error} Carrying on in English.", file=sys.stderr)
        return translator_for("en_GB")


def _quiet_translator(locale: str) -> Translator | None:
    try:
        return translator_for(locale)
    except MissingCatalog:
        return None
