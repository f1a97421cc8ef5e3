"""The conversation screen: the current question large, the answers so far, the side panel.

There is one of these for the whole conversation. Each step shows the answer view for its
kind (from :data:`assistant.ui.steps.STEP_VIEWS`, each made once and then updated in place;
one view for every kind that chooses from a list);
the log and the side panel are updated in place too. The screen never calls the engine: it posts messages that the app acts on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from assistant.engine.outputs import ConversationEnded, ReviewItem, StepShown
from assistant.plain.render import report
from assistant.ui.adviser import AdviserPanel
from assistant.ui.columns import Column, Row, ScrollColumn
from assistant.ui.explain import Explanations
from assistant.ui.fields import ButtonRow
from assistant.ui.keys import KeyBar
from assistant.ui.log import ConversationLog
from assistant.ui.modes import Mode, is_adviser, summary_title
from assistant.ui.parts import FindsPartsOnce
from assistant.ui.placed import forget_placing, once_placed
from assistant.ui.steps import STEP_VIEWS, StepView, before_text, more_text, view_class
from assistant.ui.text import _, translator
from assistant.ui.widgets import ActionButton, ChoiceList, HelpNowButton, Plain
from assistant.values import N_


class SidePanel(Explanations):
    """ "Why we ask" and "Your rights" for the person's own view."""

    def __init__(self) -> None:
        super().__init__(
            [
                ("why", _(N_("Why we ask")), _(N_("There is no extra explanation for this step."))),
                (
                    "rights",
                    _(N_("Your rights")),
                    _(N_("Rights will appear here as we come to them.")),
                ),
            ],
            id="side",
        )

    def show(self, why: str, rights: Sequence[str]) -> None:
        """Fill in the explanations for the current step (rights newest first)."""
        self.show_sections({"why": [why] if why else [], "rights": rights})


class ConversationScreen(FindsPartsOnce, Screen[None]):
    """The one screen the conversation happens on (its parts found once: see
    :mod:`assistant.ui.parts`)."""

    class EndAction(Message):
        """A button on the end panel: "review", "summary" or "finish"."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(
        self,
        *,
        adviser: bool,
        case_reference: str = "",
        banner: str = "",
        mode: Mode = "self",
        saved_as: str | None = None,
        first: StepShown | None = None,
    ) -> None:
        """``first``: the step the conversation opens on; every kind of answer view is made
        with the screen from it (see :meth:`_answer_views`)."""
        super().__init__(id="conversation")
        self._first = first
        self.adviser = adviser
        self.mode: Mode = mode
        self.case_reference = case_reference
        #: The reference the conversation is saved under, kept in sight for the adviser.
        self.saved_as = saved_as
        self.banner = banner
        self._views: dict[type[Any], StepView | EndPanel] = {}
        #: The follow-up's views: the second of two questions on one screen (made as needed).
        self._follow_views: dict[type[Any], StepView] = {}
        self._step: StepShown | None = None  # the last step shown
        #: The two questions on screen (first, follow-up), or None for a step alone.
        self.pair: tuple[StepView, StepView] | None = None
        self.set_class(adviser, "-adviser")

    def compose(self) -> ComposeResult:
        with Row(id="topbar"):
            yield Plain(id="progress")
            if self.adviser:  # the call, not the form: the case and how long it has run
                case = self.case_reference or "-"
                yield Plain(
                    _(N_("Case: {case} (saved as {reference})"), case=case, reference=self.saved_as)
                    if self.saved_as
                    else _(N_("Case: {reference}"), reference=case),
                    id="case",
                )
                yield Plain(timer_text(0), id="call-timer")
            yield HelpNowButton()
        with Row(id="body"):
            with Column(id="main"):
                yield Plain(self.banner, id="banner")
                yield ConversationLog()
                yield Plain(
                    _(N_("To see or change earlier answers, press F3 (Review).")), id="log-note"
                )
                with ScrollColumn(id="current", can_focus=False):
                    yield Plain(id="tell-here", classes="-empty", hide_empty=False)
                    yield Plain(id="before")
                    yield Plain(id="above")
                    yield Plain(id="step-title")
                    yield Plain(id="question")
                    yield Plain(id="report-summary")
                    yield Plain(id="report")
                    yield Plain(id="more-text")
                    yield Plain(id="why-inline", classes="-hidden", hide_empty=False)
                    # A refused answer is said between the question and its field (see
                    # show_error), as on GOV.UK's forms.
                    yield Plain(id="error")
                    with Column(id="answer"):
                        yield from self._answer_views()
                    # The second of two questions on one screen: its words, error, answer.
                    with Column(id="follow-up"):
                        yield Plain(id="follow-question")
                        yield Plain(id="follow-why")
                        yield Plain(id="follow-error", classes="error")
                        yield Column(id="follow-answer")
                    yield Plain(id="notice")
            yield AdviserPanel() if self.adviser else SidePanel()
        yield KeyBar(adviser=self.adviser)

    def on_mount(self) -> None:
        self.query_one("#banner", Plain).set_text(self.banner)
        if self.adviser:
            self.started_at = self.call_clock()
            self.tick()
            self.set_interval(1, self.tick)

    #: Seconds, for the call timer (replaced in tests).
    call_clock: Callable[[], float] = staticmethod(time.monotonic)

    def tick(self) -> None:
        """The call timer: minutes and seconds since the call was opened on this screen."""
        timer = self.query_one("#call-timer", Plain)
        text = timer_text(int(self.call_clock() - self.started_at))
        if len(text) != len(timer.text):  # an hour more: make room rather than cut it off
            timer.set_text(text)
            self.query_one("#topbar").refresh(layout=True)
        else:
            timer.set_text(text)

    # -- showing a step -------------------------------------------------------------
    async def show_step(self, step: StepShown | ConversationEnded, progress: str) -> None:
        """Show the current step: its words, its answer view, and focus on the control."""
        t = translator()
        self.query_one("#progress", Plain).set_text(progress)
        self.query_one("#more-text", Plain).set_text("")
        above = self.query_one("#above", Plain)
        above.set_text("")
        forget_placing(above)
        self.show_error("")
        self.query_one("#notice", Plain).set_text("")
        if isinstance(step, ConversationEnded):
            self._set_words("", t.render(step.text) or _(N_("That is the end.")), "")
            self.query_one("#before", Plain).set_text("")
            self._tell_here("")
            self._show_report(None)
            self.query_one("#why-inline").set_class(True, "-hidden")
            view: StepView | EndPanel = await self._view(EndPanel, lambda: EndPanel(mode=self.mode))
        else:
            why = t.render(step.why)
            # An explanation asks nothing: "why we ask" there puzzled a reader (walkthrough).
            label = N_("Why we ask: {why}") if step.kind == "ask" else N_("Why we tell you: {why}")
            inline = _(label, why=why) if why else ""
            self._set_words(t.render(step.title), t.render(step.text), inline)
            # On a call they are in the adviser's panel, as lines to read out; in one column
            # (larger text, or under 80 columns) that part of the panel is hidden, so they
            # are here under "Tell the caller" instead (the CSS shows one or the other).
            on_call = self.mode == "adviser_call"
            self.query_one("#before", Plain).set_text("" if on_call else before_text(step))
            self._tell_here(before_text(step) if on_call else "")
            self._show_report(step)
            # Sensitive questions always say why; larger text shows it for every question.
            self.query_one("#why-inline").set_class(not step.sensitive, "-hidden")
            self._step = step
            kind = view_class(step)
            known = kind in self._views
            view = await self._view(kind, lambda: kind(step))
            if known and isinstance(view, StepView):
                view.set_step(step)
        for other in self._views.values():
            other.display = other is view
        await self._show_follow_up(view, step)
        if isinstance(view, EndPanel):
            view.fit_buttons()
        # An adviser who pressed F7 while the step changed is typing a note: keep it there.
        if not (self.focused is not None and self.focused.id == "note-input"):
            self.focus_answer(scroll_visible=False)
        # The question stays in sight; Tab scrolls down to the buttons when they are needed.
        self.query_one("#current", VerticalScroll).scroll_home(animate=False)
        if isinstance(step, StepShown) and step.kind == "ask" and step.before:
            self.call_after_refresh(self.call_after_refresh, self._question_in_sight)

    def _question_in_sight(self) -> None:
        """When what the last answers mean (shown above a question) pushes the answer below
        the screen, open the step at the question, saying that Page Up reads what is above.
        With larger text at 80x24 the eligibility summary took eight Down presses to pass
        before the question could be answered (walkthrough).

        Looked at after the second refresh from the step, not the first: the first can come
        before the step's widgets have asked for their new layout (each asks when its own
        messages are done), while the answer still seems to be where the last one was; and
        scrolled once the line that says so has a place (:mod:`assistant.ui.placed`)."""
        current = self.query_one("#current", VerticalScroll)
        answer = self.focused
        if answer is None or current.region.contains_region(answer.region):
            return
        above = self.query_one("#above", Plain)
        above.set_text(_(N_("There is more to read above the question: press Page Up.")))

        def scroll() -> None:
            current.scroll_to_widget(above, animate=False, top=True, immediate=True)
            self.call_after_refresh(follow_with_cursor, self)

        once_placed(above, scroll)

    async def _show_follow_up(self, view: StepView | EndPanel, step: Any) -> None:
        """The question asked on the same screen after this one (``follow_up``), under it
        with its own words, answer and error line; or nothing, for a step alone."""
        follow = step.follow_up if isinstance(step, StepShown) else None
        self.query_one("#follow-up").display = follow is not None
        self.query_one("#follow-error", Plain).set_text("")
        shown: StepView | None = None
        if follow is not None and isinstance(view, StepView):
            t = translator()
            self.query_one("#follow-question", Plain).set_text(t.render(follow.text))
            # As for the first question: a sensitive question always says why it is asked.
            why = t.render(follow.why) if follow.sensitive else ""
            self.query_one("#follow-why", Plain).set_text(
                _(N_("Why we ask: {why}"), why=why) if why else ""
            )
            kind = view_class(follow)
            if kind in self._follow_views:
                shown = self._follow_views[kind]
                shown.set_step(follow)
            else:
                shown = self._follow_views[kind] = kind(follow)
                await self.query_one("#follow-answer", Vertical).mount(shown)
            view.set_pair("first")
            shown.set_pair("second", partner=step)
            self.pair = (view, shown)
        else:
            if isinstance(view, StepView):
                view.set_pair("")
            self.pair = None
        for other in self._follow_views.values():
            other.display = other is shown

    def focus_follow_up(self) -> None:
        """Tab's way, by Enter: from the first of two questions on a screen to the second."""
        if self.pair is not None:
            self.show_error("")
            self.set_focus(self.pair[1].first_focus())

    def show_follow_error(self, message: str) -> None:
        """A refused answer to the follow-up, in words, between it and its field."""
        text = _(N_("That answer did not work: {message}"), message=message) if message else ""
        self._say_beside_answer("#follow-error", text)

    def _tell_here(self, text: str) -> None:
        """On a call, what to tell the caller, above the question. The CSS shows it only in
        one column (larger text, or under 80 columns), where the panel's part that says it
        is hidden: there an adviser saw nothing to read out (walkthrough)."""
        line = self.query_one("#tell-here", Plain)
        line.replace_text(_(N_("Tell the caller")) + "\n" + text if text else "")
        line.set_class(not text, "-empty")

    def _show_report(self, step: StepShown | None) -> None:
        """A calculation shown with the step (the PA cost check): the result first, then the
        table and its notes; the side panel gives way so the table is not wrapped at 80x24."""
        lines: dict[str, Any] = {"summary": [], "lines": []}
        if step is not None and step.report is not None:
            lines = report(step.report, translator(), structured=False)
        self.query_one("#report-summary", Plain).set_text("\n".join(lines["summary"]))
        self.query_one("#report", Plain).set_text("\n".join(lines["lines"]))
        # An adviser keeps the notes beside it (F7), so only the person's own view widens.
        # The class goes on the two parts that give way, not on the screen: a class on the
        # screen restyled every widget on it, 40 to 60 ms as the table came and went.
        gives_way = bool(lines["lines"]) and not self.adviser
        for part in ("#side", "#log"):
            self.query_one(part).set_class(gives_way, "-report")

    def toggle_more(self) -> None:
        """Show the fuller explanation under the question, or hide it again; either way
        the focus goes back to the answer. Left on the button, it took two Shift+Tab to
        reach the options again (walkthrough). The text opened is scrolled to the top of
        the step, so it is read first; moving through the options brings them back."""
        more = self.query_one("#more-text", Plain)
        if more.text or self._step is None:
            more.set_text("")
            forget_placing(more)
            self.focus_answer()
            return
        more.set_text(more_text(self._step))
        self.focus_answer(scroll_visible=False)

        def scroll() -> None:
            more.scroll_visible(animate=False, top=True, immediate=True)
            self.call_after_refresh(follow_with_cursor, self)

        once_placed(more, scroll)

    @on(StepView.MorePressed)
    def _more_pressed(self, event: StepView.MorePressed) -> None:
        event.stop()
        self.toggle_more()

    def _answer_views(self) -> list[StepView | EndPanel]:
        """One view of each kind, made with the screen and hidden until a step needs it, so
        no answer waits for a view to be made: making them after the first question held
        the first answers back by 20 to 60 ms (and one such answer in a hundred is a
        conversation's p99)."""
        first = self._first
        if first is None:
            return []
        views: list[StepView | EndPanel] = [
            kind(first) for kind in dict.fromkeys(STEP_VIEWS.values())
        ]
        views.append(EndPanel(mode=self.mode))
        for view in views:
            view.display = False
            self._views[type(view)] = view
        return views

    async def _view(self, kind: type[Any], make: Callable[[], Any]) -> Any:
        """The view of this kind (made and mounted now if the screen opened without one)."""
        if kind not in self._views:
            self._views[kind] = make()
            await self.query_one("#answer", Vertical).mount(self._views[kind])
        return self._views[kind]

    def focus_answer(self, *, scroll_visible: bool = True) -> None:
        """Focus the current step's answer control, now: with the step on screen, every
        key after the answer's goes to the new control (``Widget.focus`` would move the
        focus a little later, after keys already waiting)."""
        for view in self._views.values():
            if view.display:
                self.set_focus(view.first_focus(), scroll_visible=scroll_visible)

    def _set_words(self, title: str, question: str, inline: str) -> None:
        self.query_one("#step-title", Plain).set_text(title)
        self.query_one("#question", Plain).set_text(question)
        why_inline = self.query_one("#why-inline", Plain)
        why_inline.replace_text(inline)
        why_inline.set_class(not inline, "-empty")

    async def show_log(self, items: list[ReviewItem]) -> None:
        """The answers so far (the banner gives way to them once there are some)."""
        self.query_one(ConversationLog).show_items(items)
        self.query_one("#banner").display = bool(self.banner) and not items

    def show_error(self, message: str) -> None:
        """A refused answer, in words, between the question and the field; focus stays on
        the field. Under the field's buttons (five, one under another, at 80x24), scrolled
        into sight it pushed the question out of sight (QA in tmux)."""
        text = _(N_("That answer did not work: {message}"), message=message) if message else ""
        line = self.query_one("#error", Plain)
        line.set_text(text)
        if text:
            once_placed(line, lambda: self._question_in_sight_with(line))
        else:
            forget_placing(line)

    def _question_in_sight_with(self, line: Plain) -> None:
        """Scroll so the question and the words under it are in sight (the question first
        if both do not fit): scrolled to the error alone, with larger text at 80x24 the
        question stayed above the screen's edge, out of sight."""
        question = self.query_one("#question", Plain)
        region = question.virtual_region.union(line.virtual_region)
        self.query_one("#current", VerticalScroll).scroll_to_region(
            region, animate=False, immediate=True
        )

    def show_notice(self, message: str) -> None:
        """Something to tell the person that is not an error: at the end, beside the buttons
        they just pressed; otherwise under the answer."""
        end = self._views.get(EndPanel)
        if isinstance(end, EndPanel) and end.display:
            end.tell(message)
            return
        self._say_beside_answer("#notice", message)

    def _say_beside_answer(self, selector: str, text: str) -> None:
        """Words beside the answer (a notice under its buttons), scrolled into sight: at
        80x24 with larger text they were below the screen's edge, and Enter seemed to do
        nothing (walkthrough)."""
        line = self.query_one(selector, Plain)
        line.set_text(text)
        if text:
            once_placed(line, lambda: line.scroll_visible(animate=False))
        else:
            forget_placing(line)

    @on(ChoiceList.NeedsEnter)
    def _how_to_choose(self, event: ChoiceList.NeedsEnter) -> None:
        """Space or a letter on a list of options: say how to choose (nothing is chosen)."""
        event.stop()
        self.show_notice(
            _(N_("To choose an option, press Enter on it, or type its number. Nothing was chosen."))
        )


def follow_with_cursor(widget: Widget) -> None:
    """Put the terminal cursor back on the focused control after the step scrolled under
    it (braille displays and magnifiers follow the cursor, not the focus)."""
    place = getattr(widget.app, "place_cursor", None)
    if place is not None:
        place()
        # Once more after the next frame: a frame already on its way when the step scrolled
        # may have left the control's place on screen as it was.
        widget.call_after_refresh(place)


def timer_text(seconds: int) -> str:
    """The timer's words: "Call 02:05", or with hours "Call 1:02:05"."""
    minutes, seconds = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    shown = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
    return _(N_("Call {time}"), time=shown)


class EndPanel(FindsPartsOnce, Column):
    """What to do at the end: check the answers, get the summary, or finish."""

    def __init__(self, *, mode: Mode) -> None:
        super().__init__(id="end-panel")
        self.mode: Mode = mode

    def compose(self) -> ComposeResult:
        yield Plain(
            _(
                N_(
                    "You can check and change your answers, save or print your draft plan, or finish."
                )
            ),
            classes="hint",
        )
        # Save and Print answer here, between the hint and the buttons, where the person is
        # looking at 80x24 (a line under the answer area would be off screen).
        yield Plain(id="end-notice")
        with ButtonRow():
            yield ActionButton(_(N_("Check your answers")), id="end-review")
            yield ActionButton(_(N_("Save my plan")), id="end-save")
            yield ActionButton(_(N_("Print my plan")), id="end-print")
            yield ActionButton(_(N_("Easy Read plan")), id="end-easy")
            if is_adviser(self.mode):
                yield ActionButton(_(summary_title(self.mode)), id="end-summary")
            yield ActionButton(_(N_("Back")), id="end-back")
            yield ActionButton(_(N_("Finish")), id="end-finish")

    def fit_buttons(self) -> None:
        """Lay the buttons out for the width they have now: nothing else resizes the row
        when the end appears, and with larger text set on the start screen the six stayed
        side by side, past the edge at 80x24, with Finish out of sight (walkthrough)."""
        self.call_after_refresh(self.query_one(ButtonRow).fit)

    def first_focus(self) -> ActionButton:
        """Check your answers comes first."""
        return self.query_one("#end-review", ActionButton)

    def tell(self, message: str) -> None:
        """Say what Save, Print or Easy Read did, just above the buttons, and keep it in view."""
        notice = self.query_one("#end-notice", Plain)
        notice.set_text(message)
        once_placed(notice, lambda: notice.scroll_visible(animate=False))

    @on(ActionButton.Pressed)
    def _pressed(self, event: ActionButton.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix("end-")
        self.post_message(ConversationScreen.EndAction(action))
