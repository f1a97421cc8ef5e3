"""The flow format as typed models: the one source of truth for the loader and the JSON Schema.

A *bundle* is a folder under ``flows/`` holding a ``bundle.yaml`` manifest, a
``sources.yaml`` citation registry and one YAML file per *module*. Each module is a list
of *steps*; the ``kind`` field picks the step's model. Unknown keys are errors, so a typo
in a flow file is caught by ``support-plan check`` instead of being silently ignored.

msgspec is used rather than pydantic because it imports in about 6 ms, which keeps the
assistant's cold start within its budget, and it can still emit a JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct, field

Identifier = Annotated[
    str,
    Meta(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="A stable id: lower case letters, digits and underscores, starting with a letter.",
    ),
]
Target = Annotated[
    str,
    Meta(
        pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$",
        description="A step id in this module, or 'module.step' in another module of the bundle.",
    ),
]

#: Choice values a bundle's "who is answering" question must offer, one per way of completing.
WHO_IS_ANSWERING_VALUES = ("self", "supporter", "adviser", "on_behalf")

AnswerType = Literal["choice", "multi", "yesno", "number", "money", "text"]


class Choice(Struct, forbid_unknown_fields=True, frozen=True):
    """One option of a choice question. ``value`` is stored and never translated.

    ``alone``: on a multiple choice, an answer only on its own ("None of these"): chosen
    with others it is refused, rather than saved as "An assessment and None of these".
    """

    value: Identifier
    label: str
    help: str | None = None
    alone: bool = False


class Section(Struct, forbid_unknown_fields=True, frozen=True):
    """A named group of questions: "Check your answers" and the adviser's sections list use it.

    Progress counts modules instead ("Step 3 of 8: Money"), see :mod:`assistant.engine.progress`.
    """

    id: Identifier
    title: str


class StepBase(Struct, forbid_unknown_fields=True, frozen=True, tag_field="kind"):
    """Fields every step may carry."""

    id: Identifier
    section: Identifier | None = None
    why: str | None = None
    cite: tuple[str, ...] = ()
    sensitive: bool = False
    adviser_only: bool = False
    note: str | None = None


class Say(StepBase, tag="say", frozen=True):
    """An explanation the person reads, then continues.

    ``text`` is what is on screen: a short conclusion for this person. ``more`` is the
    full explanation, shown only when asked for ("Tell me more") and always in the plan.
    ``with_next`` shows the explanation above the screen that follows it (a question,
    another explanation or the end), so what an answer means, or a short list of points,
    needs no screen of its own.
    """

    text: str = ""
    title: str | None = None
    more: str | None = None
    show: Identifier | None = None
    with_next: bool = False
    next: Target | None = None


class Ask(StepBase, tag="ask", frozen=True):
    """A question. ``type`` decides which answers are valid and which widget shows it.

    ``more`` explains the question's words further, shown only when asked for.
    ``halves`` lets a number question take halves as well as whole numbers (10.5 hours).
    ``with_next`` asks the question after this one on the same screen: a short follow-up
    ("What would help with washing?" under "How is washing hard for you?") needs no screen
    of its own. Each answer is still recorded on its own, the first before the second.
    ``next`` must then be a question that does not pair on itself (``support-plan check``).
    """

    text: str = ""
    more: str | None = None
    type: AnswerType = "text"
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    halves: bool = False
    allow_unknown: bool = False
    allow_decline: bool = False
    optional: bool = False
    with_next: bool = False
    next: Target | None = None


class Case(Struct, forbid_unknown_fields=True, frozen=True):
    """One arm of a branch: go to ``next`` when the condition ``when`` holds."""

    when: str
    next: Target


class Branch(StepBase, tag="branch", frozen=True):
    """Choose the next step from the answers so far. The first case that holds wins."""

    cases: tuple[Case, ...] = ()
    otherwise: Target | None = field(name="else", default=None)


class Link(StepBase, tag="link", frozen=True):
    """Continue in another module of the same bundle."""

    to: Target = ""


class End(StepBase, tag="end", frozen=True):
    """The end of the conversation."""

    text: str | None = None


Step = Say | Ask | Branch | Link | End


class Module(Struct, forbid_unknown_fields=True, frozen=True):
    """One flow file: a module of the conversation."""

    flow: Identifier
    title: str
    steps: tuple[Step, ...]
    start: Identifier | None = None
    sections: tuple[Section, ...] = ()
    description: str | None = None


class Source(Struct, forbid_unknown_fields=True, frozen=True):
    """A citation: where a statement of a right, duty or figure comes from."""

    title: str
    part: str | None = None
    url: str | None = None
    checked: dt.date | None = None
    confirmed: bool = True
    note: str | None = None


class SourcesFile(Struct, forbid_unknown_fields=True, frozen=True):
    """The bundle's citation registry (``sources.yaml``)."""

    sources: dict[str, Source]


class BundleManifest(Struct, forbid_unknown_fields=True, frozen=True):
    """``bundle.yaml``: which modules make up a conversation, in order, and where it starts.

    ``who_is_answering`` names the question (``module.step``) that asks who is completing;
    the app pre-fills it from its start screen, so nobody is asked twice. Its choices must
    include the values in :data:`WHO_IS_ANSWERING_VALUES`. ``mental_health_team_if`` names a
    yes/no question (detained under the Mental Health Act); after a yes, crisis replies add
    the person's mental health team or local crisis line.
    """

    id: Identifier
    title: str
    modules: tuple[Identifier, ...]
    start: Identifier | None = None
    sources: str = "sources.yaml"
    jurisdiction: str | None = None
    description: str | None = None
    who_is_answering: Target | None = None
    mental_health_team_if: Target | None = None


def flow_json_schema() -> dict[str, object]:
    """The JSON Schema for one module file, generated from the models above."""
    schema = msgspec.json.schema(Module)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Support Plan Assistant flow module"
    return schema
