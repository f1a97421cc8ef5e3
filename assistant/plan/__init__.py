"""The draft support plan a person takes away (pure: no Textual, no Rich).

Use :func:`export` from a front end (the Textual app's end screen, the line mode) and the
``support-plan export`` command; :func:`assistant.plan.build.build_plan` gives the plan as
data, and :mod:`assistant.plan.render` lays it out. README.md documents the JSON schema.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from assistant.i18n import Translator

if TYPE_CHECKING:
    from assistant.engine.session import Session

Format = Literal["md", "html", "txt", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "txt", "json")


def export(
    session: Session,
    fmt: Format,
    *,
    t: Translator | None = None,
    adviser: bool = False,
    today: dt.date | None = None,
    appendix: bool = True,
) -> str:
    """The plan for ``session`` as text in format ``fmt`` (``md``, ``html``, ``txt``, ``json``).

    ``t`` picks the language (British English by default). Adviser notes are included only
    when ``adviser`` is true: the person's own plan never contains them. ``appendix`` False
    leaves out "Your rights explained", the full explanations after the plan.
    """
    # Imported when a plan is made: the commands' parsers and the line mode import this
    # package to start, and building a plan loads the rules, money and every layout.
    from assistant.plan.build import build_plan
    from assistant.plan.render import render

    translator = t or Translator()
    plan = build_plan(session, translator, today=today, adviser=adviser, appendix=appendix)
    return render(plan, fmt, translator)
