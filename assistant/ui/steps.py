"""One view per step kind and answer type, chosen from a registry (not one screen per step).

A view gets the engine's :class:`StepShown` (attributes down) and posts
:class:`StepView.Answered` with the raw answer, to the app (:meth:`StepView.send_answer`).
Views never call the engine: the app does.

Each view is made once and then shown again for every later step of its kind
(:meth:`StepView.set_step` updates it in place): mounting a fresh view for every step
cost a full style pass and a second layout on each key press.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from assistant.engine.outputs import ConversationEnded, StepShown
from assistant.i18n import Translator
from assistant.plain.render import hint, special_answer
from assistant.ui.columns import Column, Row
from assistant.ui.fields import ButtonRow, TextBox
from assistant.ui.parts import FindsPartsOnce
from assistant.ui.text import _, translator
from assistant.ui.widgets import ActionButton, ChoiceList, Plain
from assistant.values import N_, Number, Special, Value


class StepView(FindsPartsOnce, Column):
    """The answer area for one step: its control, a hint, and the action buttons (found
    once: see :mod:`assistant.ui.parts`)."""

    DEFAULT_CSS = """
    StepView { height: auto; }
    StepView .hint { color: $text-muted; }
    """

    class Answered(Message):
        """The person gave an answer (raw text, a choice value, or a Special)."""

        def __init__(self, view: StepView, raw: Any) -> None:
            super().__init__()
            self.view = view
            self.raw = raw

        @property
        def control(self) -> StepView:
            """The view that was answered."""
            return self.view

    class BackPressed(Message):
        """The person pressed the Back button."""

    class MorePressed(Message):
        """The person pressed "Tell me more"."""

    #: Whether the view has a Continue button of its own (see :meth:`continue_shown`).
    continue_button: ClassVar[bool] = True

    def __init__(self, step: StepShown, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.step = step
        #: Two questions on one screen (a flow's ``with_next``): "first" is the question
        #: asked first, whose buttons give way to the follow-up's; "second" is the follow-up,
        #: whose Continue answers both; "" for a question alone.
        self.pair_role = ""
        #: The first question of the pair, whose "Tell me more" the follow-up's button shows.
        self.partner: StepShown | None = None

    def compose(self) -> ComposeResult:
        yield from self.controls()
        yield Plain(self.hint_text(), classes="hint")
        with ButtonRow():
            if self.continue_button:
                yield ActionButton(_(N_("Continue")), id="continue", moves_on=True)
            yield ActionButton(_(N_("I don't know")), id="unknown", moves_on=True)
            yield ActionButton(_(N_("I'd rather not say")), id="decline", moves_on=True)
            yield ActionButton(_(N_("Tell me more")), id="more")
            yield ActionButton(_(N_("Back")), id="back", moves_on=True)

    def on_mount(self) -> None:
        if self.app.is_running:  # not when made as the app closes (nothing was composed)
            self._show_buttons()

    def set_step(self, step: StepShown) -> None:
        """Show another step of this kind in place: its answer so far, hint and buttons."""
        self.step = step
        self.update_controls()
        self.query_one(".hint", Plain).set_text(self.hint_text())
        self._show_buttons()

    def set_pair(self, role: str, partner: StepShown | None = None) -> None:
        """Take a part in two questions on one screen ("first" or "second"), or none ("").
        The first keeps only its own "I don't know" and "rather not say"; the follow-up's
        Continue, Tell me more and Back act for the screen."""
        changed = role != self.pair_role or partner is not self.partner
        self.pair_role, self.partner = role, partner
        if changed:  # else set_step has shown the buttons for this step already
            self.query_one(".hint", Plain).set_text(self.hint_text())
            self._show_buttons()

    def _show_buttons(self) -> None:
        """Show the buttons this step has. Each part is found once (searching the view
        for them, twice a step, was a tenth of the app's own time for a key press)."""
        first = self.pair_role == "first"
        self.query_one("#unknown").display = self.step.allow_unknown
        self.query_one("#decline").display = self.step.allow_decline
        self.query_one("#back").display = not first
        if self.continue_button:
            self.query_one("#continue").display = not first and self.continue_shown()
        more = has_more(self.partner) if self.partner is not None else has_more(self.step)
        self.query_one("#more").display = more and not first
        row = self.query_one(ButtonRow)
        row.display = any(button.display for button in row.buttons())
        row.fit()

    def continue_shown(self) -> bool:
        """Whether this step shows the Continue button (on its own, not as the first of two)."""
        return True

    def update_controls(self) -> None:
        """Put this step's answer so far into the control (a say step has none)."""

    def controls(self) -> ComposeResult:
        """The answer control; a say step has none."""
        yield from ()

    def hint_text(self) -> str:
        """What to do, in words (shared with the line mode where the wording fits)."""
        return self.paired_hint(hint(self.step, translator()))

    def paired_hint(self, text: str) -> str:
        """The hint, and on the first of two questions on one screen, where Enter goes."""
        if self.pair_role != "first":
            return text
        return text + "\n" + _(N_("Enter takes you to the next question, below."))

    def first_focus(self) -> Widget:
        """Where focus goes when the step appears."""
        return self.query_one("#continue")

    def send_answer(self, raw: Any) -> None:
        """Give the app the answer, straight: it is the only one that acts on it. Carried
        up through the seven containers between them, one message queue at a time, it
        reached the app 2.3 ms after the key (median of an England conversation), a
        tenth of a key press's time to the next question."""
        self.app.post_message(self.Answered(self, raw))

    def current_raw(self) -> Any:
        """What Continue submits."""
        return None

    def refusal(self, raw: Any) -> str | None:
        """Why this answer cannot be sent, told the way this view is used (keys, not typed
        numbers), or None to let the engine judge it. Most views leave it all to the engine."""
        return None

    @on(ActionButton.Pressed, "#continue")
    def _continue(self, event: ActionButton.Pressed) -> None:
        event.stop()  # answered here: no need to carry the press up to the app
        self.send_answer(self.current_raw())

    @on(ActionButton.Pressed, "#unknown")
    def _unknown(self, event: ActionButton.Pressed) -> None:
        event.stop()
        self.send_answer(Special.UNKNOWN)

    @on(ActionButton.Pressed, "#decline")
    def _decline(self, event: ActionButton.Pressed) -> None:
        event.stop()
        self.send_answer(Special.DECLINED)

    @on(ActionButton.Pressed, "#more")
    def _more(self, event: ActionButton.Pressed) -> None:
        event.stop()
        self.post_message(self.MorePressed())

    @on(ActionButton.Pressed, "#back")
    def _back(self, event: ActionButton.Pressed) -> None:
        event.stop()
        self.post_message(self.BackPressed())


class SayView(StepView):
    """An explanation: read it, then Continue."""

    def hint_text(self) -> str:
        return _(N_("Press Enter to go on."))


class TextView(StepView):
    """A typed answer in a text box; Enter sends it."""

    prefix: ClassVar[str] = ""

    def controls(self) -> ComposeResult:
        with Row(classes="field"):
            if self.prefix:
                yield Plain(self.prefix, classes="prefix")
            yield TextBox(self.initial(), id="entry", moves_on=True)
            yield Plain(translator().render(self.step.unit), classes="unit")

    def update_controls(self) -> None:
        entry = self.query_one("#entry", Input)
        entry.value = self.initial()
        entry.cursor_position = len(entry.value)
        self.query_one(".unit", Plain).set_text(translator().render(self.step.unit))

    def initial(self) -> str:
        """The answer so far, ready to edit."""
        current = self.step.current
        if current is None or isinstance(current, Special):
            return ""
        return format_plain(current)

    def first_focus(self) -> Widget:
        return self.query_one("#entry")

    def current_raw(self) -> Any:
        return self.answer_for(self.query_one("#entry", Input).value)

    def answer_for(self, text: str) -> Any:
        """The raw answer for what was typed in the box."""
        return text

    @on(Input.Submitted, "#entry")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.send_answer(self.answer_for(event.value))


class NumberView(TextView):
    """A whole number, with its unit beside the box.

    "don't know" and "rather not say" typed in the box (in English or the person's
    language) mean those answers, as in plain mode, where the question allows them.
    """

    def answer_for(self, text: str) -> Any:
        special = special_answer(text, translator())
        return text if special is None else special


class MoneyView(NumberView):
    """An amount in pounds: "£" before the box."""

    prefix = "£"


class ChoiceView(StepView):
    """Options in a list, for every kind of question that chooses: one option (Up/Down
    and Enter, or its number), Yes or No (Y and N move to them, Enter or 1 or 2 answers),
    or any number of options (Space or a number ticks, Enter or Continue finishes).

    One view, and one list, for all three: each kind as a view of its own moved the focus
    from one list to another at most steps of a conversation, and a key press that moved
    the focus took half as long again to the next question (restyling both lists for
    their focus, and drawing the whole screen once more for the focus moved).
    """

    @property
    def multi(self) -> bool:
        """Any number of options may be ticked (else one is chosen)."""
        return self.step.answer_type == "multi"

    @property
    def yes_no(self) -> bool:
        """Yes or No, shown as two options."""
        return self.step.answer_type == "yesno"

    def continue_shown(self) -> bool:
        """Only ticking needs Continue: a single choice answers with Enter on the option."""
        return self.multi

    def options(self) -> list[tuple[str, str]]:
        """(value, label) pairs."""
        if self.yes_no:
            return [("yes", _(N_("Yes"))), ("no", _(N_("No")))]
        t = translator()
        return [(c.value, t.render(c.label)) for c in self.step.choices]

    def chosen(self) -> tuple[str, ...]:
        """What is chosen so far."""
        current = self.step.current
        if self.multi:
            return tuple(current) if isinstance(current, tuple) else ()
        if self.yes_no:
            return (("yes" if current else "no"),) if isinstance(current, bool) else ()
        return (current,) if isinstance(current, str) else ()

    def controls(self) -> ComposeResult:
        yield ChoiceList(
            self.options(),
            multi=self.multi,
            chosen=self.chosen(),
            shortcuts=self.shortcuts(),
            chosen_note=self.note(),
            moves_on=True,
            id="choices",
        )

    def update_controls(self) -> None:
        self.query_one("#choices", ChoiceList).set_choices(
            self.options(),
            multi=self.multi,
            chosen=self.chosen(),
            shortcuts=self.shortcuts(),
            chosen_note=self.note(),
        )

    def shortcuts(self) -> dict[str, str]:
        """Letters that choose an option (Y and N for yes/no)."""
        return {"y": "yes", "n": "no"} if self.yes_no else {}

    def note(self) -> str:
        """Said beside the answer given before, when a question is asked again (not beside
        ticks: they show it)."""
        return "" if self.multi else _(N_("your answer so far"))

    def hint_text(self) -> str:
        if self.multi:
            text = N_(
                "Press Space (or an option's number) to tick or untick each one that applies, then press Enter."
            )
        elif self.yes_no:
            text = N_("Use the Up and Down arrows (or Y and N), then press Enter. Or type 1 or 2.")
        else:
            text = N_("Use the Up and Down arrows, then press Enter. Or type the option's number.")
        return self.paired_hint(_(text))

    def first_focus(self) -> Widget:
        return self.query_one("#choices")

    def answer_from(self, values: tuple[str, ...]) -> Any:
        """The raw answer for what was chosen in the list."""
        if self.multi:
            return list(values)
        if self.yes_no:
            return values == ("yes",)
        return values[0] if values else ""

    def current_raw(self) -> Any:
        """What is chosen now (the follow-up's Continue sends it for the first of a pair);
        nothing chosen is an empty answer, which the engine refuses if one is needed."""
        values = self.query_one("#choices", ChoiceList).chosen_values()
        if self.multi:
            return list(values)
        return self.answer_from(values) if values else ""

    def refusal(self, raw: Any) -> str | None:
        """Nothing ticked: the engine's message speaks of typing numbers with commas (the
        line mode's way), so the app says how to tick here instead."""
        if not self.multi or raw or self.step.optional:
            return None
        return _(
            N_(
                "Please tick at least one option: press Space, or type its number, then press Enter."
            )
        )

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        choices = self.query_one("#choices", ChoiceList)
        if self.pair_role == "first" and not choices.multi:  # kept, marked, until Continue
            choices.ticked = set(event.values)
            choices.refresh_prompts()
        self.send_answer(self.answer_from(event.values))


#: The registry: a step's answer type (or "say") → the view that shows it.
STEP_VIEWS: dict[str, type[StepView]] = {
    "say": SayView,
    "text": TextView,
    "number": NumberView,
    "money": MoneyView,
    "choice": ChoiceView,
    "yesno": ChoiceView,
    "multi": ChoiceView,
}


def view_class(step: StepShown) -> type[StepView]:
    """The view for a step; an unknown type falls back to typing the answer."""
    key = "say" if step.kind == "say" else (step.answer_type or "text")
    return STEP_VIEWS.get(key, TextView)


def has_more(step: StepShown) -> bool:
    """Whether the step, an explanation shown with it or the question asked on its screen
    after it has more to read on request."""
    follow_up = step.follow_up is not None and step.follow_up.more is not None
    return step.more is not None or follow_up or any(e.more is not None for e in step.before)


def more_text(step: StepShown) -> str:
    """The fuller explanations of a step, each under its title, for "Tell me more"."""
    t = translator()
    parts: list[str] = []
    for explained in step.before:
        if explained.more is not None:
            heading = t.render(explained.title) or t.render(explained.text)
            parts.append(f"{heading}\n{t.render(explained.more)}")
    if step.more is not None:
        parts.append(t.render(step.more))
    if step.follow_up is not None and step.follow_up.more is not None:
        heading = t.render(step.follow_up.text)
        parts.append(f"{heading}\n{t.render(step.follow_up.more)}")
    return "\n\n".join(parts)


def read_back(
    step: object, t: Translator, private: Callable[[str], bool] = lambda _key: False
) -> list[str]:
    """On a call: each explanation passed on the way to this question, as one line to read
    out to the caller (what it means, in its own short words), in the adviser's panel.

    The title is left out: "Your right to a carer's assessment: You have a right to your
    own carer's assessment" said it twice, and at 80x24 three such lines ran past the
    panel's foot (walkthrough). One written for the adviser alone (``private``: the flow
    marks it adviser-only) says so first: "For advisers: read each question aloud" stood
    under "Tell the caller" (walkthrough)."""
    lines: list[str] = []
    if not isinstance(step, StepShown | ConversationEnded):
        return lines
    for explained in step.before:
        line = t.render(explained.text) or t.render(explained.title)
        if private(explained.step):
            line = t.gettext(N_("For you, not to read out")) + " - " + line
        lines.append(line)
    return lines


def before_text(step: StepShown) -> str:
    """The explanations shown above a question: what the last answer means."""
    t = translator()
    blocks = []
    for explained in step.before:
        title = t.render(explained.title)
        text = t.render(explained.text)
        blocks.append(f"{title}\n{text}" if title else text)
    return "\n\n".join(blocks)


def format_plain(value: Value) -> str:
    """An answer as the person would type it again (no currency symbol, no separators)."""
    if isinstance(value, Number):  # hours with a half: 10.5, not 10.50
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, bool):
        return _(N_("Yes")) if value else _(N_("No"))
    return str(value)
