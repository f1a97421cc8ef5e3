"""The draft support plan a person takes away (pure: no Textual, no Rich).

Use :func:`export` (text formats) or :func:`export_bytes` (any format, Word included) from a
front end (the Textual app's end screen, the line mode) and the ``support-plan export``
command; :func:`assistant.plan.build.build_plan` gives the plan as data, and
:mod:`assistant.plan.render` lays it out. README.md documents the JSON schema.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from assistant.i18n import Translator

if TYPE_CHECKING:
    from assistant.engine.session import Session
    from assistant.plan.model import Plan

Format = Literal["md", "html", "txt", "json", "docx"]
FORMATS: tuple[Format, ...] = ("md", "html", "txt", "json", "docx")
#: The formats that are text (the others, Word, are bytes).
TEXT_FORMATS: tuple[Format, ...] = ("md", "html", "txt", "json")


def export(
    session: Session,
    fmt: Format,
    *,
    t: Translator | None = None,
    adviser: bool = False,
    today: dt.date | None = None,
    appendix: bool = True,
    easy_read: bool = False,
) -> str:
    """The plan for ``session`` as text in format ``fmt`` (``md``, ``html``, ``txt``, ``json``).

    ``t`` picks the language (British English by default). Adviser notes are included only
    when ``adviser`` is true: the person's own plan never contains them. ``appendix`` False
    leaves out "Your rights explained", the full explanations after the plan. ``easy_read``
    gives the Easy Read plan instead.
    """
    from assistant.plan.render import render  # start-up: see make_plan

    translator = t or Translator()
    plan = make_plan(session, translator, adviser, today, appendix, easy_read)
    return render(plan, fmt, translator)


def export_bytes(
    session: Session,
    fmt: Format,
    *,
    t: Translator | None = None,
    adviser: bool = False,
    today: dt.date | None = None,
    appendix: bool = True,
    easy_read: bool = False,
) -> bytes:
    """The plan as the bytes of a file in any format: Word (``docx``), or text in UTF-8."""
    from assistant.plan.render import render_bytes  # start-up: see make_plan

    translator = t or Translator()
    plan = make_plan(session, translator, adviser, today, appendix, easy_read)
    return render_bytes(plan, fmt, translator)


def make_plan(
    session: Session,
    t: Translator,
    adviser: bool = False,
    today: dt.date | None = None,
    appendix: bool = True,
    easy_read: bool = False,
) -> Plan:
    """The plan as data: the full plan, or the Easy Read one."""
    # Imported when a plan is made: the commands' parsers and the line mode import this
    # package to start, and building a plan loads the rules, money and every layout.
    from assistant.plan.model import printable_plan  # start-up: as above

    if easy_read:
        from assistant.plan.easyread import build_easy_read  # start-up: as above

        return printable_plan(build_easy_read(session, t, today=today, adviser=adviser))
    from assistant.plan.build import build_plan  # start-up: as above

    return printable_plan(build_plan(session, t, today=today, adviser=adviser, appendix=appendix))
