"""Check your answers: generated from ``Session.review()``, with a Change action per answer.

On a helpline call the same screen is worded to be read aloud ("you told me ...").
Only the person's answers appear here; adviser notes never do.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen

from assistant.engine.outputs import ReviewItem
from assistant.ui.fields import ButtonRow
from assistant.ui.keys import KeyBar
from assistant.ui.text import _, answer_text, translator
from assistant.ui.widgets import ActionButton, HelpNowButton, Plain
from assistant.values import N_


class ReviewScreen(Screen[None]):
    """Every answer on the way through, grouped by section, each with a Change button."""

    BINDINGS = [Binding("escape", "close", show=False)]

    class Change(Message):
        """Change the answer to ``step``: re-ask it and what depends on it, then come back."""

        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(
        self,
        items: list[ReviewItem],
        *,
        read_back: bool,
        adviser: bool,
        changed: str | None = None,
    ) -> None:
        """``changed``: the step just changed from here, whose Change button gets the focus
        (so the list keeps its place rather than jumping back to the top)."""
        super().__init__(id="review")
        self.items = items
        self.read_back = read_back
        self.adviser = adviser
        self.changed = changed

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Plain(_(N_("Check your answers")), id="review-title")
            yield HelpNowButton()
        with VerticalScroll(id="review-body", can_focus=False):
            yield Plain(self.intro(), classes="paragraph")
            yield from self.rows()
            with ButtonRow():
                yield ActionButton(_(N_("Back to the conversation")), id="review-close")
        yield KeyBar(adviser=self.adviser)

    def intro(self) -> str:
        """Read-back wording for a call; plain instructions otherwise."""
        if not self.items:
            return _(N_("You have not answered any questions yet."))
        if self.read_back:
            return _(
                N_(
                    "Read this back to the caller. Ask them to stop you if anything is wrong, then choose Change beside it."
                )
            )
        return _(N_("Check each answer. To change one, choose Change beside it."))

    def rows(self) -> ComposeResult:
        t = translator()
        section = None
        for number, item in enumerate(self.items):
            if item.section != section:
                section = item.section
                yield Plain(t.render(item.section_title), classes="section-heading")
            question, answer = t.render(item.question), answer_text(item, t)
            with Horizontal(classes="review-row"):
                with Vertical(classes="review-text"):
                    if not item.asked:  # jumped over by the adviser: nothing to read back
                        yield Plain(
                            _(N_("Not asked yet: “{question}”"), question=question),
                            classes="review-question",
                        )
                    elif self.read_back:
                        yield Plain(
                            _(
                                N_("You told me, for “{question}”: {answer}."),
                                question=question,
                                answer=answer,
                            ),
                            classes="read-back",
                        )
                    else:
                        yield Plain(question, classes="review-question")
                        yield Plain(
                            _(N_("Answer: {answer}"), answer=answer), classes="review-answer"
                        )
                label = _(N_("Change")) if item.asked else _(N_("Ask now"))
                yield ActionButton(label, id=f"change-{number}", classes="change", moves_on=True)

    def on_mount(self) -> None:
        steps = [item.step for item in self.items]
        if self.changed in steps:
            button = self.query_one(f"#change-{steps.index(self.changed)}", ActionButton)
            button.focus(scroll_visible=False)
            self.call_after_refresh(button.scroll_visible, animate=False, top=False)
            return
        buttons = self.query(ActionButton).exclude("#help-now")
        buttons.first().focus()

    @on(ActionButton.Pressed, ".change")
    def _change(self, event: ActionButton.Pressed) -> None:
        event.stop()
        number = int((event.button.id or "change-0").removeprefix("change-"))
        self.post_message(self.Change(self.items[number].step))

    @on(ActionButton.Pressed, "#review-close")
    def action_close(self) -> None:
        """Back to the conversation, exactly where it was."""
        self.dismiss(None)
