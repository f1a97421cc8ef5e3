"""What the engine says to front ends: ids, message ids and parameters, never translated text.

Front ends (the Textual app, the plain line mode, the JSON-lines mode) translate each
:class:`Msg` with ``pgettext(context, id)`` and fill in its parameters.

The classes are frozen ``msgspec.Struct`` types, not frozen dataclasses: they behave
alike here (fields, defaults, equality, hashing, repr, immutability), but a dataclass
type is made by compiling its methods at import, and these fourteen took 6 ms of every
``--plain`` start (issue 20); a Struct type is made in microseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import msgspec

from assistant.values import Value

AnswerType = Literal["choice", "multi", "yesno", "number", "money", "text"]


class Msg(msgspec.Struct, frozen=True):
    """A translatable message: the English source text, its context and its parameters."""

    id: str
    context: str | None = None
    params: Mapping[str, Any] = msgspec.field(default_factory=dict)


class ChoiceView(msgspec.Struct, frozen=True):
    """One option of a question; ``value`` is what is stored, ``label`` is what is shown."""

    value: str
    label: Msg
    help: Msg | None = None


class Progress(msgspec.Struct, frozen=True):
    """Where the person is: step ``step`` of about ``steps``, the parts on their own path.

    A part is a module of the conversation. ``steps`` is estimated from the answers so far
    (see :mod:`assistant.engine.progress`; 0 before the first answer, when nothing is known
    of the person's path yet): it never falls while the person moves forward,
    and ``grew`` is true on the one screen that first shows a larger total. ``question``
    says whether this screen is a question: only questions show "step k of n".
    """

    section: str
    section_title: Msg
    step: int
    steps: int
    answered: int
    remaining_at_least: int
    remaining_at_most: int
    question: bool = False
    grew: bool = False


class Explanation(msgspec.Struct, frozen=True):
    """An explanation shown above the question after it, on the same screen."""

    step: str
    text: Msg
    title: Msg | None = None
    more: Msg | None = None
    citations: tuple[str, ...] = ()


class Report(msgspec.Struct, frozen=True):
    """A calculation shown with a step (``show:``): its name and its provider's result,
    which the provider also renders (see :mod:`assistant.flow.reports`)."""

    name: str
    data: Any


class StepShown(msgspec.Struct, frozen=True):
    """A step to show: an explanation (``say``) or a question (``ask``).

    ``more`` is the fuller text, shown only when the person asks ("Tell me more");
    ``before`` holds explanations that follow the last answer, shown above a question.
    ``follow_up`` is the question asked on the same screen after this one (the flow's
    ``with_next``): front ends show both, then answer this one and, once the engine moves
    to it, the follow-up. ``continues`` names the question whose screen this one continues
    (its partner, just answered), so it is no new screen and repeats no header.
    """

    step: str
    kind: Literal["say", "ask"]
    text: Msg
    progress: Progress
    title: Msg | None = None
    why: Msg | None = None
    citations: tuple[str, ...] = ()
    answer_type: AnswerType | None = None
    choices: tuple[ChoiceView, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: Msg | None = None
    halves: bool = False
    allow_unknown: bool = False
    allow_decline: bool = False
    optional: bool = False
    sensitive: bool = False
    adviser_only: bool = False

    current: Value | None = None
    report: Report | None = None
    more: Msg | None = None
    before: tuple[Explanation, ...] = ()
    follow_up: StepShown | None = None
    continues: str | None = None


class AnswerRejected(msgspec.Struct, frozen=True):
    """An answer that was not accepted; nothing was lost and the same step is still current."""

    step: str
    message: Msg


class Notice(msgspec.Struct, frozen=True):
    """Something to tell the person that is not a step, e.g. "You are at the first question"."""

    message: Msg


class ConversationEnded(msgspec.Struct, frozen=True):
    """The conversation reached an end step; ``before``: explanations passed on the way
    with no question after them (on an adviser-led call), shown with the end."""

    step: str
    text: Msg | None
    progress: Progress
    before: tuple[Explanation, ...] = ()


class HelpShown(msgspec.Struct, frozen=True):
    """The person asked for help now (crisis and safeguarding contacts)."""

    reason: Literal["asked", "phrase"]


class HelpContactView(msgspec.Struct, frozen=True):
    """One crisis contact, in the help content's words (context ``help_now``)."""

    id: str
    name: Msg
    how: Msg
    when: Msg


class CrisisOffered(msgspec.Struct, frozen=True):
    """Help shown straight after an answer with words that can mean someone is at risk.

    ``kind`` is what the words may mean (suicide, self_harm, abuse, or gentle for everyday
    words of strain); ``audience`` is person or adviser. A crisis reply lists the
    ``contacts`` themselves, then ``notes`` (safeguarding, the mental health team) and a
    ``closing`` line. ``words_left_out`` names the question whose answer is kept out of the
    plan unless the person chooses to keep it. Built by :mod:`assistant.engine.crisis`.
    """

    kind: str
    audience: str
    message: Msg
    contacts: tuple[HelpContactView, ...] = ()
    notes: tuple[Msg, ...] = ()
    closing: Msg | None = None
    words_left_out: str | None = None


class Paused(msgspec.Struct, frozen=True):
    """The conversation was paused and saved; ``reference`` identifies it for resuming."""

    reference: str | None


Output = (
    StepShown | AnswerRejected | Notice | ConversationEnded | HelpShown | Paused | CrisisOffered
)


class ReviewItem(msgspec.Struct, frozen=True):
    """One answer on the current path, with the question it came from."""

    step: str
    question: Msg
    section: str
    section_title: Msg
    answer_type: AnswerType
    value: Value
    choices: tuple[ChoiceView, ...] = ()
    sensitive: bool = False
    adviser_only: bool = False
    #: False for a question jumped over and not asked yet (``value`` is then an empty text).
    asked: bool = True

    def shown_value(self) -> Value | Msg | tuple[Msg | str, ...]:
        """The answer as the person saw it: choice values swapped for their labels."""
        labels = {c.value: c.label for c in self.choices}
        if isinstance(self.value, str) and self.value in labels:
            return labels[self.value]
        if isinstance(self.value, tuple):
            return tuple(labels.get(v, v) for v in self.value)
        return self.value
