"""The Session facade: the one way front ends drive a conversation.

A session keeps every answer ever given (so going back never loses one) and a ``path``
of the steps walked to reach the current one. Conditions only see answers on that path,
so an answer left behind on an abandoned branch can never steer the conversation.
Every change is appended to ``events``; :meth:`Session.replay` rebuilds a session from them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from assistant.engine import crisis, navigation, views
from assistant.engine.answers import Raw, read_answer
from assistant.engine.events import Clock, Event, EventKind, ReplayError, utc_now
from assistant.engine.graph import Conversation, Graph, graph_for
from assistant.engine.navigation import SectionState
from assistant.engine.outputs import (
    AnswerRejected,
    ConversationEnded,
    HelpShown,
    Msg,
    Notice,
    Output,
    Paused,
    Progress,
    ReviewItem,
    StepShown,
)
from assistant.engine.progress import Estimate, is_screen, shows
from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.values import N_, InvalidAnswer, Special, Value, decode, encode


class Session:
    """One person's conversation over a bundle."""

    def __init__(
        self,
        bundle: Bundle,
        *,
        clock: Clock = utc_now,
        on_event: Callable[[Event], None] | None = None,
        offer_help: bool = True,
    ) -> None:
        self.bundle = bundle
        #: Whether answers are checked for crisis words (off when re-driving a saved log,
        #: whose offers are already recorded).
        self.offer_help = offer_help
        self._graph = graph_for(bundle)
        self._conv = Conversation()
        self._projection: Conversation | None = None
        self._graph.machine.add_model(self._conv, initial=bundle.start)
        self.answers: dict[str, Value] = {}
        self.acknowledged: set[str] = set()
        self.path: list[str] = []
        #: The section of each question on the path before the current step (for progress).
        self.asked_sections: list[str] = []
        #: The module of each part met on the path, in order: a part is a module with a
        #: screen, so the current step's part is the last (see assistant.engine.progress).
        self.parts: list[str] = []
        #: The running estimate of the parts on the path (see assistant.engine.progress).
        self.estimate = Estimate()
        self.events: list[Event] = []
        #: Questions passed over by jumping ahead; "not asked yet" until they are answered.
        self.jumped_over: list[str] = []
        #: Answers given after a jump ahead, then left off the path by jumping back: still
        #: shown in review (see assistant.engine.navigation).
        self.kept_aside: list[str] = []
        #: Where the adviser was before jumping, to come back to; None when not away.
        self.return_point: str | None = None
        #: Every explanation passed (read, or read out on a call), in order, kept even when
        #: the path is rewound: what the person was told (the contact record's rights).
        self.explained: list[str] = []
        self._edit_until: str | None = None
        self.setup: dict[str, Any] = {}
        self._clock = clock
        self._on_event = on_event
        self._replay: Sequence[Event] | None = None
        self._cursor = 0

    # -- where we are -------------------------------------------------------------------
    @property
    def current(self) -> str:
        """The key (``module.step``) of the step now in front of the person."""
        return self._conv.state

    @property
    def on_event(self) -> Callable[[Event], None] | None:
        """Where each new event goes as it happens (a front end's saving), or None; the app
        gives it once saving opens, after consent on its start screen."""
        return self._on_event

    @on_event.setter
    def on_event(self, callback: Callable[[Event], None] | None) -> None:
        self._on_event = callback

    @property
    def graph(self) -> Graph:
        """The bundle's machine and progress tables, shared by every session over it."""
        return self._graph

    @property
    def path_answers(self) -> Mapping[str, Value]:
        """The answers on the path: the only ones conditions and calculations see."""
        return self._conv.env

    @property
    def started(self) -> bool:
        """Whether :meth:`start` has run."""
        return bool(self.path)

    @property
    def editing(self) -> bool:
        """True while an edit is being followed through to where the person was."""
        return self._edit_until is not None

    @property
    def ended(self) -> bool:
        """Whether the current step is an end step."""
        return isinstance(self._step(self.current), model.End)

    def _step(self, key: str) -> model.Step:
        return self.bundle.steps[key].step

    # -- commands -----------------------------------------------------------------------
    def start(self, setup: Mapping[str, Any] | None = None) -> list[Output]:
        """Begin the conversation (or show where it is, if already begun).

        ``setup`` is what a front end learnt before the first step, kept in the log so a
        resumed conversation gets it back: ``mode`` (who is completing), ``case`` (an
        adviser's case reference), ``prefill`` (``{step: encoded answer}`` offered as
        the answer when that question is reached; the person still confirms it) and
        ``answered`` (``{step: encoded answer}`` already answered before the conversation,
        on the start screen: the question is not asked again, its answer simply stands).
        """
        if self.started:
            return self.show()
        self.setup = dict(setup or {})
        prefill = self.setup.get("prefill")
        for key, data in (prefill if isinstance(prefill, dict) else {}).items():
            info = self.bundle.steps.get(key)
            if info is not None and isinstance(info.step, model.Ask):
                with contextlib.suppress(ValueError):  # not an answer (a log from outside)
                    self.answers.setdefault(key, decode(data))
        self._emit("started", None, self.setup or None)
        self.path = [self.current]
        self._mark_part(self.current)
        self._settle()
        return self.show()

    def show(self) -> list[Output]:
        """Show the current step (again, for "repeat") and log that it was shown.

        Explanations shown with it (``before``) count as read from now on, so following an
        edit through does not stop for them again.
        """
        output = self.view()
        self.acknowledged.update(explained.step for explained in output.before)
        self._emit("ended" if self.ended else "shown", self.current)
        return [output]

    def view(self) -> StepShown | ConversationEnded:
        """What is in front of the person now, without logging anything."""
        return views.current_view(self)

    def answer(self, raw: Raw = None) -> list[Output]:
        """Answer the current question (or acknowledge an explanation) and move on.

        Words that can mean someone is at risk bring crisis help first, whatever happened to
        the answer (:mod:`assistant.engine.crisis`): every front end gets the same reply.
        """
        key = self.current
        outputs = self._answer(key, raw)
        if self._replay is not None or not self.offer_help:
            return outputs
        accepted = not any(isinstance(o, AnswerRejected | Notice) for o in outputs)
        offered = crisis.for_answer(self, key, raw, accepted)
        if offered is None:
            return outputs
        if offered.kind in crisis.CRISIS:  # the kind and the question, never the words
            self._emit(
                "help_offered",
                self.current,
                {"kind": offered.kind, "words": offered.words_left_out},
            )
        return [offered, *outputs]

    def _answer(self, key: str, raw: Raw) -> list[Output]:
        step = self._step(key)
        if isinstance(step, model.End):
            return [
                Notice(
                    Msg(N_("The conversation has ended. You can review or change your answers."))
                )
            ]
        if isinstance(step, model.Ask):
            try:
                value = read_answer(step, raw)
            except InvalidAnswer as error:
                return [AnswerRejected(key, Msg(error.msgid, None, dict(error.params)))]
            self.answers[key] = value
            self._conv.env[key] = value
            self._emit("answered", key, encode(value))
        else:
            self.acknowledged.add(key)
            self._emit("answered", key)
        self._forward(pair=isinstance(step, model.Ask) and step.with_next)
        return self.show()

    def check(self, key: str, raw: Raw) -> AnswerRejected | None:
        """Why ``raw`` would be refused as the answer to the question ``key``, without
        recording anything: a front end showing two questions on one screen checks the
        second before answering the first, so a refused second answer moves nothing on."""
        step = self._step(key)
        if not isinstance(step, model.Ask):
            return None
        try:
            read_answer(step, raw)
        except InvalidAnswer as error:
            return AnswerRejected(key, Msg(error.msgid, None, dict(error.params)))
        return None

    def keep(self) -> list[Output]:
        """Keep the answer the current question already has, and move on.

        A person who goes back or changes an answer is told "Press Enter to keep it"; this
        is what Enter does. With no answer yet, it is an empty answer (refused if required).
        """
        return self.answer(self.answers.get(self.current))

    def decline(self) -> list[Output]:
        """ "I'd rather not say" for the current question, where the question allows it."""
        return self.answer(Special.DECLINED)

    def dont_know(self) -> list[Output]:
        """ "I don't know" for the current question, where the question allows it."""
        return self.answer(Special.UNKNOWN)

    def back(self) -> list[Output]:
        """Go to the previous explanation or question, keeping every answer.

        A follow-up asked on its partner's screen (``with_next``) is not a screen to go
        back to: going back reaches the pair, both questions together, as they were shown.
        """
        for index in range(len(self.path) - 2, -1, -1):
            key = self.path[index]
            screen = is_screen(self._step(key), panels=self.panels_information)
            if screen and self._given(key) is None and not self._follows_partner(index):
                self._rewind(index)
                self._edit_until = None
                self._emit("went_back", self.current)
                return self.show()
        return [Notice(Msg(N_("This is the first step, so there is nothing to go back to.")))]

    def _follows_partner(self, index: int) -> bool:
        """Whether the step at ``index`` of the path was asked on the screen of the question
        before it (that question has ``with_next``)."""
        if index == 0:
            return False
        before = self._step(self.path[index - 1])
        return isinstance(before, model.Ask) and before.with_next

    def continues_from(self) -> str | None:
        """The question whose screen the current one continues: its partner, when the
        person has just answered that partner (not after going back or editing), else None."""
        if len(self.path) < 2 or not self._follows_partner(len(self.path) - 1):
            return None
        partner = self.path[-2]
        for event in reversed(self.events):
            if event.kind in ("answered", "went_back", "edited", "jumped", "started"):
                return partner if event.kind == "answered" and event.step == partner else None
        return None

    def edit(self, key: str) -> list[Output]:
        """Jump back to an earlier answer; after it, skip what is still answered."""
        if key not in self.path or not isinstance(self._step(key), model.Ask):
            return [Notice(Msg(N_("That answer is not part of this conversation now.")))]
        frontier = self.current
        self._rewind(self.path.index(key))
        self._edit_until = frontier if frontier != key else None
        self._emit("edited", key)
        return self.show()

    def sections(self) -> list[SectionState]:
        """Every section, numbered by its place in the bundle, with where it stands."""
        return navigation.overview(self)

    def jump(self, section: str) -> list[Output]:
        """Go to any section, back or ahead (see :mod:`assistant.engine.navigation`)."""
        target = navigation.entry(self, section)
        if target is None:
            return [Notice(Msg(N_("That part is not in this conversation.")))]
        if self.bundle.steps[target].section == self.bundle.steps[self.current].section:
            return self.show()
        return self._jump_to(target, back=False)

    def come_back(self) -> list[Output]:
        """Back to where the adviser was before the first jump, through what is answered."""
        if self.return_point is None:
            return [Notice(Msg(N_("You are already where you were.")))]
        return self._jump_to(self.return_point, back=True)

    def not_asked(self) -> list[str]:
        """Questions jumped over that still have no answer, in the bundle's order."""
        return [key for key in self.jumped_over if key not in self.answers]

    def redo_jump(self, event: Event) -> list[Output]:
        """A logged jump, again (replaying the log, or writing a transcript)."""
        back = isinstance(event.value, dict) and bool(event.value.get("back"))
        return self._jump_to(event.step or "", back=back)

    def _jump_to(self, target: str, *, back: bool) -> list[Output]:
        origin = self.current
        if target in self.path:
            self._set_aside(self.path.index(target) + 1)
            self._rewind(self.path.index(target))
            self._settle()  # an explanation read out on a call is not a screen of its own
        elif back and self._reaches_through_answers(target):
            while self.current != target:
                if isinstance(self._step(self.current), model.Ask):
                    self._conv.env[self.current] = self.answers[self.current]
                self._advance()
        else:
            if not back:
                found = navigation.passed_over(self, origin, target)
                self.jumped_over += [key for key in found if key not in self.jumped_over]
            reach = navigation.reachable(self, target)
            self._cut(next((i for i, k in enumerate(self.path) if k in reach), len(self.path)))
            self.path.append(target)
            self._graph.machine.set_state(target, model=self._conv)
            self._mark_part(target)
            self._settle()
        self._edit_until = None
        self.estimate = Estimate()
        self.return_point = None if back else (self.return_point or origin)
        self._emit("jumped", target, {"back": back})
        return self.show()

    def _reaches_through_answers(self, target: str) -> bool:
        """Whether going on from here through answered questions (and explanations) comes
        to ``target`` before any question without an answer."""
        scratch = self.projection_model()
        scratch.env = dict(self._conv.env)
        self._graph.machine.set_state(self.current, model=scratch)
        for _ in range(len(self.bundle.steps)):
            key = scratch.state
            step = self._step(key)
            if key == target:
                return True
            if isinstance(step, model.Ask) and key in self.answers:
                scratch.env[key] = self.answers[key]
            elif not isinstance(step, model.Say | model.Branch | model.Link):
                return False
            scratch.advance()
        return False

    def _set_aside(self, index: int) -> None:
        """Keep in sight the answers on the path from ``index`` on, as it is cut there."""
        for key in self.path[index:]:
            if key in self.answers and key not in self.kept_aside:
                self.kept_aside.append(key)

    def _cut(self, length: int) -> None:
        """Keep the first ``length`` steps of the path, as the way to a step jumped to."""
        self._set_aside(length)
        self.path = self.path[:length]
        sections = self._graph.tables.ask_sections
        self.asked_sections = [sections[k] for k in self.path if k in sections]
        self.parts = []
        for key in self.path:
            self._mark_part(key)
        self._conv.env = {k: self.answers[k] for k in self.path if k in self.answers}

    def pause(self, reference: str | None = None) -> list[Output]:
        """Take a break: record it so the front end can save and say how to come back."""
        self._emit("paused", self.current)
        return [Paused(reference)]

    def resume(self) -> list[Output]:
        """Come back after a break, to exactly the same step."""
        self._emit("resumed", self.current)
        return self.show()

    def help_now(self, reason: str = "asked") -> list[Output]:
        """Crisis help, available from every step; the conversation stays where it is."""
        self._emit("help_opened", self.current, reason)
        return [HelpShown("phrase" if reason == "phrase" else "asked")]

    def keep_crisis_words(self) -> list[Output]:
        """The person chose to keep in their plan the words a crisis reply left out."""
        words = crisis.last_words_offered(self)
        if words is None or words not in crisis.words_left_out(self):
            return [Notice(Msg(N_("There are no words left out of your plan to keep.")))]
        self._emit("crisis_words_kept", self.current, words)
        return [Notice(Msg(N_("Your words will be kept in your plan, as you asked.")))]

    def record(self, kind: EventKind, value: Any = None) -> None:
        """Log a front-end event (an adviser's note or call details, a change of language)."""
        self._emit(kind, self.current, value)

    def close(self) -> None:
        """Detach from the shared machine; call when the session is finished with."""
        self._graph.machine.remove_model(self._conv)
        if self._projection is not None:
            self._graph.machine.remove_model(self._projection)
            self._projection = None

    def projection_model(self) -> Conversation:
        """A second model on the machine, for looking ahead without moving (added once)."""
        if self._projection is None:
            self._projection = Conversation()
            self._graph.machine.add_model(self._projection, initial=self.current)
        return self._projection

    # -- reading ------------------------------------------------------------------------
    def review(self, *, not_asked: bool = False, aside: bool = True) -> list[ReviewItem]:
        """Every answer on the way through the conversation, in order, with its question;
        with ``not_asked``, the questions jumped over too, marked as not asked yet; without
        ``aside``, only the answers on the way (see :func:`assistant.engine.views.review`)."""
        return views.review(self, not_asked=not_asked, aside=aside)

    def progress(self) -> Progress:
        """Section k of n, the part within the section, and how many questions may be left."""
        return views.progress(self)

    # -- moving -------------------------------------------------------------------------
    def _forward(self, *, pair: bool = False) -> None:
        """Move on from the step just answered; while following an edit through, on past
        what is still answered. ``pair``: the step was a question with ``with_next``, whose
        follow-up was on the same screen, so it is answered next, never passed over."""
        self._advance()
        if pair and self._edit_until is not None:
            if self.current == self._edit_until:
                self._edit_until = None
            return
        while self._edit_until is not None:
            key = self.current
            step = self._step(key)
            if key == self._edit_until or isinstance(step, model.End):
                self._edit_until = None
            elif isinstance(step, model.Ask) and key in self.answers and not self._unread_before():
                self._conv.env[key] = self.answers[key]
                self._advance()
            elif isinstance(step, model.Say) and key in self.acknowledged:
                self._advance()
            else:
                break

    def _unread_before(self) -> bool:
        """Whether explanations that come with the current step were never shown: a changed
        answer led somewhere new, so the question stops to show them (kept answer and all)."""
        for key in reversed(self.path[:-1]):
            step = self._step(key)
            if isinstance(step, model.Say) and not is_screen(step, panels=self.panels_information):
                if key not in self.acknowledged:
                    return True
            elif not isinstance(step, model.Branch | model.Link):
                return False
        return False

    def _advance(self) -> None:
        before = self.current
        if isinstance(self._step(before), model.Say) and before not in self.explained:
            self.explained.append(before)
        self._conv.advance()
        if self.current == before:  # pragma: no cover - the checker guarantees an 'else'
            raise RuntimeError(f"no way on from step {before}")
        section = self._graph.tables.ask_sections.get(before)
        if section is not None:
            self.asked_sections.append(section)
        self.path.append(self.current)
        self._mark_part(self.current)
        self._settle()

    def _mark_part(self, key: str) -> None:
        """Count a new part when a step of another module shows the person something."""
        info = self.bundle.steps[key]
        if shows(info.step) and (not self.parts or self.parts[-1] != info.module):
            self.parts.append(info.module)

    @property
    def panels_information(self) -> bool:
        """An adviser-led call: explanations go beside the next question, not on screens.

        Known from the start when the front end set the mode, else from the answer to the
        bundle's who-is-answering question; either way the log replays the same.
        """
        if self.setup.get("mode") == "adviser_call":
            return True
        who = self.bundle.manifest.who_is_answering
        return who is not None and self._conv.env.get(who) == "adviser"

    def _settle(self) -> None:
        """Pass branches, links, explanations shown with the screen after them, and questions
        answered before the conversation began."""
        while True:
            key = self.current
            step = self._step(key)
            if isinstance(step, model.End):
                return
            given = self._given(key)
            if given is not None:
                self.answers[key] = self._conv.env[key] = given
            elif is_screen(step, panels=self.panels_information):
                return
            self._advance()

    def _given(self, key: str) -> Value | None:
        """The answer the start screen already gave to the question ``key``, if any."""
        answered = self.setup.get("answered")
        if not isinstance(answered, dict) or key not in answered:
            return None
        if not isinstance(self._step(key), model.Ask):
            return None
        try:
            return decode(answered[key])
        except ValueError:
            return None

    def _rewind(self, index: int) -> None:
        self.path = self.path[: index + 1]
        sections = self._graph.tables.ask_sections
        self.asked_sections = [sections[k] for k in self.path[:-1] if k in sections]
        self.parts = []
        for key in self.path:
            self._mark_part(key)
        self.estimate = Estimate()  # the count starts again from here
        self._conv.env = {k: self.answers[k] for k in self.path[:-1] if k in self.answers}
        self._graph.machine.set_state(self.path[-1], model=self._conv)

    # -- the log ------------------------------------------------------------------------
    def _emit(self, kind: EventKind, step: str | None = None, value: Any = None) -> None:
        if self._replay is not None:
            self._consume(kind, step)
            return
        event = Event(len(self.events) + 1, kind, self._clock(), step, value)
        self.events.append(event)
        if self._on_event is not None:
            self._on_event(event)

    def _consume(self, kind: EventKind, step: str | None) -> None:
        assert self._replay is not None
        if self._cursor >= len(self._replay):
            if kind in ("shown", "ended"):  # cut off after its last answer: that answer stands
                return
            raise ReplayError(
                len(self._replay) + 1, f"the log ends, but the flow produced '{kind}'"
            )
        expected = self._replay[self._cursor]
        if expected.kind != kind or expected.step != step:
            raise ReplayError(
                expected.seq,
                f"the log has '{expected.kind}' at {expected.step} "
                f"but the flow produced '{kind}' at {step}",
            )
        self.events.append(expected)
        self._cursor += 1

    @classmethod
    def replay(
        cls,
        bundle: Bundle,
        events: Iterable[Event],
        *,
        clock: Clock = utc_now,
        on_event: Callable[[Event], None] | None = None,
    ) -> Session:
        """Rebuild a session from its event log; raise :class:`ReplayError` if it does not fit."""
        session = cls(bundle, clock=clock)
        log = list(events)
        session._replay = log
        while session._cursor < len(log):
            before = session._cursor
            session._apply(log[session._cursor])
            if session._cursor == before:  # e.g. an edit of a step no longer on the path
                raise ReplayError(
                    log[before].seq, f"the flow no longer accepts this '{log[before].kind}'"
                )
        session._replay = None
        session._on_event = on_event
        return session

    def _apply(self, event: Event) -> None:
        kind = event.kind
        if kind == "answered":
            outputs = self.answer(None if event.value is None else _decoded(event))
            if outputs and isinstance(outputs[0], AnswerRejected | Notice):
                raise ReplayError(event.seq, "a logged answer is no longer accepted by the flow")
        elif kind == "started":
            self.start(event.value if isinstance(event.value, dict) else None)
        elif kind == "went_back":
            self.back()
        elif kind == "edited" and event.step is not None:
            self.edit(event.step)
        elif kind == "jumped" and event.step in self.bundle.steps:
            self.redo_jump(event)
        elif kind in ("paused", "resumed"):
            self.pause() if kind == "paused" else self.resume()
        elif kind == "help_opened":
            self.help_now(str(event.value))
        elif kind in ("shown", "ended"):
            self.show()
        elif kind in (
            "note",
            "language_changed",
            "help_offered",
            "crisis_words_kept",
            "call_details",
        ):
            self.record(kind, event.value)
        else:
            raise ReplayError(event.seq, f"'{kind}' cannot stand on its own here")


def _decoded(event: Event) -> Value:
    try:
        return decode(event.value)
    except ValueError as error:
        raise ReplayError(event.seq, str(error)) from None
