"""The line-by-line conversation: ``support-plan --plain`` and ``--plain --json``.

It reads one line at a time, so it works with screen readers, braille displays, slow
remote links and pipes. Each question is printed once. Typed commands (back, why, review,
repeat, save, quit, help now) work at every step. At the end of input it saves and says
how to come back; it never ends with a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Protocol

from assistant.engine.outputs import Output, StepShown
from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plain import text_layout
from assistant.plain.jsonlines import UNKNOWN_COMMAND, Refused, json_safe, parse_request
from assistant.plain.lineio import (
    LINE_LIMIT,
    REPLACEMENT,
    Line,
    LineIO,
    read_line,
    readable,
)
from assistant.plain.render import TRANSLATED_COMMANDS, describe, help_now, words_to_type
from assistant.plan import export
from assistant.saving import saving_target
from assistant.values import N_, Special, option_number, printable

#: Resumed where new answers cannot be saved (a read-only or damaged store): said on save,
#: and before leaving.
KEPT_BUT_NOT_NEW = N_(
    "Your earlier answers are still saved as {reference}. New answers cannot be saved there, so they will be gone when you close the assistant."
)
#: The same, as the conversation ends.
KEPT_AT_THE_END = N_(
    "Your earlier answers are still saved as {reference}; the answers given since you came back could not be saved."
)


class SaveTarget(Protocol):
    """Where a conversation is being saved (the store gives one of these)."""

    @property
    def reference(self) -> str:
        """The reference a person types to come back: ``support-plan resume REF``."""
        ...


COMMAND_WORDS: dict[str, str] = {
    "back": "back",
    "b": "back",
    "why": "why",
    "review": "review",
    "repeat": "repeat",
    "r": "repeat",
    "save": "save",
    "quit": "quit",
    "exit": "quit",
    "stop": "quit",
    "q": "quit",
    "help now": "help_now",
    "help": "help",
    "?": "help",
    "commands": "help",
    "don't know": "dont_know",
    "dont know": "dont_know",
    "do not know": "dont_know",
    "not sure": "dont_know",
    "rather not say": "decline",
    "skip": "decline",
    "prefer not to say": "decline",
    "pass": "decline",
    "plan": "plan",
    "more": "more",
    "tell me more": "more",
    "keep my words": "keep_words",
    "keep words": "keep_words",
}


def command_words(t: Translator) -> dict[str, str]:
    """Every word that names a command, in English and in the translator's language."""
    words = dict(COMMAND_WORDS)
    for source, command in TRANSLATED_COMMANDS.items():
        for word in t.gettext(source).split("|"):
            if word.strip() and command != "change":
                words.setdefault(word.strip().lower(), command)
    return words


class LineConversation:
    """Drives a :class:`Session` from lines of input; ``json`` picks the output layout."""

    #: Whether a wrapped line's later parts keep its indent (the screen-reader mode has none).
    indents = True

    def __init__(
        self,
        session: Session,
        t: Translator,
        io: LineIO,
        *,
        json_mode: bool = False,
        target: SaveTarget | None = None,
        kept: str | None = None,
    ) -> None:
        self.session = session
        self.t = t
        self.io = io
        self.json_mode = json_mode
        self.target = target
        #: Resumed where new answers cannot be saved: the earlier ones stay saved as this.
        self.kept = kept
        self._quit_warned = False
        self._words = command_words(t)
        self._to_type = words_to_type(t)
        # Flow texts name the way to Help now that works here: typing, not a key.
        t.use_interface_words(
            {"help_now": t.gettext(N_("type {help_now}")).format(**self._to_type)}
        )
        change = {w.strip().lower() for w in t.gettext(N_("change")).split("|")} | {
            "change",
            "edit",
        }
        self._change_word_set = change
        self._change_words = "|".join(sorted(re.escape(w) for w in change))
        self._handlers: dict[str, Callable[[str], bool]] = {
            "back": lambda _: self._show(session.back()),
            "why": self._why,
            "review": self._review,
            "repeat": lambda _: self._show(session.show()),
            "save": self._save,
            "quit": self._quit,
            "help_now": self._help_now,
            "help": self._help,
            "dont_know": lambda _: self._answer(Special.UNKNOWN),
            "decline": lambda _: self._answer(Special.DECLINED),
            "change": self._change,
            "plan": self._plan,
            "more": self._more,
            "keep_words": lambda _: self._show(session.keep_crisis_words()),
        }

    # -- running --------------------------------------------------------------------
    def run(self, *, resumed: bool = False) -> int:
        """Run until quit or end of input; returns the exit code (0 unless output fails)."""
        if self._show(self.session.resume() if resumed else self.session.start()):
            return 0  # input ended while the first screen waited to be saved (and was told)
        while True:
            if self.io.prompt and not self.json_mode:
                self.io.stdout.write("> ")
                self.io.stdout.flush()
            line = read_line(self.io.stdin)
            if line is None:
                self._end_of_input()
                return 0
            if self.handle(line):
                return 0

    def handle(self, line: Line | str) -> bool:
        """Act on one line; returns True when the conversation should stop.

        Every line gets a reply: a line that cannot be used is refused with a message
        saying why (never repeating it), and unreadable text is replaced and said so.
        """
        if isinstance(line, str):
            text, replaced = readable(line)
            line = Line(text, replaced=replaced)
        if line.too_long:
            self._refuse(
                N_(
                    "That line was too long to use (over {limit} characters), so nothing was recorded. Please send a shorter answer."
                ),
                limit=str(LINE_LIMIT),
            )
            return False
        replaced = line.replaced
        if self.json_mode and line.text.lstrip().startswith("{"):
            try:
                request = parse_request(line.text)
            except Refused as refused:
                self._refuse(refused.msgid)
                return False
            replaced = replaced or request.replaced
            command = None
            if request.command is not None:
                # The words a person types, in English or their language; never the
                # handlers' own names (an internal name is an unknown command too).
                word = request.command.strip().lower()
                command = "change" if word in self._change_word_set else self._words.get(word)
                if command is None:
                    self._refuse(UNKNOWN_COMMAND)
                    return False
            argument = request.argument if command else request.answer
        else:
            command, argument = self._parse(line.text)
        if replaced:
            self._say(
                N_(
                    "Some of what was sent could not be read as text, so it was replaced with the sign {sign}. Type {review} to check your answers."
                ),
                sign=REPLACEMENT,
                review=self._to_type["review"],
            )
        if command is None:
            return self._answer(argument)
        return self._handlers[command](argument)

    def _parse(self, line: str) -> tuple[str | None, Any]:
        word = line.strip().lower().rstrip(".!")
        if word in self._words:
            return self._words[word], ""
        if match := re.fullmatch(rf"(?:{self._change_words})\s+(\S+)", word):
            return "change", match.group(1)
        return None, line

    def _refuse(self, msgid: str, **params: str) -> None:
        """Say a line could not be used; the same step is still current."""
        text = self.t.gettext(msgid).format(**params) if params else self.t.gettext(msgid)
        if self.json_mode:
            view = self.session.view()
            data = {"event": "error", "step": view.step, "message": text}
            self.write(json.dumps(data, ensure_ascii=False))
        else:
            self.write(text)

    # -- commands -------------------------------------------------------------------
    def _answer(self, raw: Any) -> bool:
        if isinstance(raw, str) and not raw.strip():  # Enter keeps an answer given before
            return self._show(self.session.keep())
        # Crisis words bring help first (the engine's one policy), whatever the answer was.
        return self._show(self.session.answer(raw))

    def _why(self, _: str) -> bool:
        view = self.session.show()[0]
        why = self.t.render(view.why) if isinstance(view, StepShown) else ""
        self._say(why or N_("There is no extra explanation for this step."), translate=not why)
        return False

    def _more(self, _: str) -> bool:
        """The fuller text of the step on screen (and of explanations shown with it)."""
        view = self.session.view()
        data = describe(view, self.session.bundle, self.t)
        if self.json_mode:
            more = [p["more"] for p in [*data.get("before", ()), data] if p.get("more")]
            self.write(
                json.dumps({"event": "more", "step": view.step, "more": more}, ensure_ascii=False)
            )
        else:
            self.write(text_layout.more(data, self.t))
        return False

    def _review(self, _: str) -> bool:
        items = self.session.review()
        self.write(
            text_layout.review(items, self.t)
            if not self.json_mode
            else json.dumps(
                {
                    "event": "review",
                    "answers": [
                        {
                            "number": n,
                            "step": i.step,
                            "question": self.t.render(i.question),
                            "answer": self.t.value(i.shown_value()),
                        }
                        for n, i in enumerate(items, 1)
                    ],
                },
                ensure_ascii=False,
            )
        )
        return False

    def _change(self, which: str) -> bool:
        """``change N`` (N from the review) or, from a program, ``change STEP-ID``."""
        keys = [i.step for i in self.session.review()]
        number = option_number(which)
        if number is not None and 0 < number <= len(keys):
            key = keys[number - 1]
        elif which in self.session.bundle.steps:
            key = which  # the engine says if that answer is off the current path
        else:
            return self._no_such_answer(len(keys))
        return self._show(self.session.edit(key))

    def _no_such_answer(self, count: int) -> bool:
        """Say there is no answer by that number (never repeating it) and what to type."""
        if not count:
            self._refuse(N_("There are no answers to change yet."))
            return False
        self._refuse(
            N_(
                "There is no answer with that number. Type {review} to see your answers, numbered, then {change} and a number from 1 to {count}."
            ),
            review=self._to_type["review"],
            change=self._to_type["change"],
            count=str(count),
        )
        return False

    def _save(self, _: str) -> bool:
        if self.target is None and self.kept:
            self._say(KEPT_BUT_NOT_NEW, reference=self.kept)
            return False
        if self.target is None:
            self._say(
                N_("Nothing is being saved on this computer. Your answers stay until you quit.")
            )
            return False
        self._show(self.session.pause(self.target.reference))
        self._report_saved(
            N_("Your answers are saved. To come back later, type: support-plan resume {reference}")
        )
        return False

    def _quit(self, _: str) -> bool:
        if self.target is not None:
            self.session.pause(self.target.reference)
            self._report_saved(
                N_(
                    "Your answers are saved. To come back later, type: support-plan resume {reference}"
                )
            )
            return True
        if self.kept:
            if not self._quit_warned:
                self._quit_warned = True
                self._say(KEPT_BUT_NOT_NEW, reference=self.kept)
                self._say(N_("Type {quit} again to leave anyway."), quit=self._to_type["quit"])
                return False
            self._say(KEPT_AT_THE_END, reference=self.kept)
            return True
        if not self._quit_warned and self.session.answers:
            self._quit_warned = True
            self._say(
                N_(
                    "Your answers are not being saved, so they will be gone if you leave. Type {quit} again to leave anyway."
                ),
                quit=self._to_type["quit"],
            )
            return False
        self._say(N_("Goodbye. Nothing was saved."))
        return True

    def _report_saved(self, saved_message: str) -> None:
        """Say the answers are saved only if saving is still working and the last commit went
        through (the store may have failed, or be held by another program)."""
        assert self.target is not None
        still_saving = getattr(self.target, "saving", True)
        if still_saving and getattr(self.target, "problem", None) is None:
            self._say(saved_message, reference=self.target.reference)
        else:
            self._say(
                N_(
                    "Saving stopped working earlier, so your latest answers may not be kept. Your reference is {reference}."
                ),
                reference=self.target.reference,
            )

    def _help_now(self, _: str) -> bool:
        self.session.help_now()
        self._write_help_now()
        self._show(self.session.show())
        return False

    def _write_help_now(self) -> None:
        """The crisis and safeguarding contacts, laid out for this mode."""
        data = help_now(self.t)
        self.write(
            json.dumps(data, ensure_ascii=False)
            if self.json_mode
            else text_layout.help_now(data, self.t)
        )

    def _plan(self, _: str) -> bool:
        if not self.json_mode:
            self.write(export(self.session, "txt", t=self.t))
            return False
        plan = json.loads(export(self.session, "json", t=self.t))
        self.write(json.dumps({"event": "plan", "plan": plan}, ensure_ascii=False))
        return False

    def _help(self, _: str) -> bool:
        text = self.t.gettext(
            N_(
                "You can type: {back}, {why}, {more}, {review}, {change} N, {repeat}, {plan}, {save}, {quit}. For urgent help, type: {help_now}."
            )
        )
        self._say(text.format(**self._to_type), translate=False)
        return False

    def interrupted(self) -> None:
        """Ctrl-C: the same goodbye as at the end of input, on a line of its own (the
        terminal has just echoed ^C after the prompt, and it followed on that line)."""
        if not self.json_mode:
            self.io.stdout.write("\n")
        self._end_of_input()

    def _end_of_input(self) -> None:
        if self.target is not None:
            self.session.pause(self.target.reference)
            self._report_saved(
                N_(
                    "End of input. Your answers are saved. To come back later, type: support-plan resume {reference}"
                )
            )
        elif self.kept:
            self._say(KEPT_AT_THE_END, reference=self.kept)
        else:
            # Not "as you chose": saving may have been wanted and impossible (told above).
            self._say(N_("End of input. Nothing was saved."))

    # -- output ---------------------------------------------------------------------
    def _show(self, outputs: list[Output]) -> bool:
        if self._not_saved():
            return True
        for output in outputs:
            data = describe(output, self.session.bundle, self.t)
            self.write(
                json.dumps(data, ensure_ascii=False)
                if self.json_mode
                else text_layout.layout(data, self.t)
            )
        return False

    def _not_saved(self) -> bool:
        """While the last step is not saved, hold the next screen: each line tries again,
        or the person chooses to carry on without saving. True: input ended, stop here."""
        target = saving_target(self.session.on_event)
        while target is not None and target.problem is not None:
            no = self.t.gettext(N_("no"))
            text = self.t.gettext(
                N_(
                    "Your last answer has NOT been saved yet. {problem} Press Enter to try again, or type {no} to carry on without saving."
                )
            )
            text = text.format(problem=target.problem.text(self.t), no=no)
            event = {"event": "not_saved", "message": text}
            self.write(json.dumps(event, ensure_ascii=False) if self.json_mode else text)
            line = read_line(self.io.stdin)
            if line is None:
                self._say(N_("Your last answer was not saved."))
                return True
            word = self._held_word(line.text)
            if word in ("no", "n", no.lower()):
                target.give_up()
                return False
            if self._words.get(word) == "help_now":  # on every screen
                self._write_help_now()
                continue
            target.retry()
        return False

    def _held_word(self, text: str) -> str:
        """What was typed while an answer waits to be saved, as a word. A JSON line's answer
        or command is its word: a program answers {"answer": "no"} here as everywhere."""
        if self.json_mode and text.lstrip().startswith("{"):
            try:
                request = parse_request(text)
            except Refused:
                return ""  # not a way to say no: try again, as Enter does
            answer = request.answer if isinstance(request.answer, str) else ""
            text = request.command if request.command is not None else answer
        return text.strip().lower().rstrip(".!")

    def _say(self, message: str, *, translate: bool = True, **params: Any) -> None:
        text = self.t.gettext(message) if translate else message
        text = text.format(**params) if params else text
        self.write(
            json.dumps({"event": "message", "message": text}, ensure_ascii=False)
            if self.json_mode
            else text
        )

    def write(self, text: str) -> None:
        """Print one block of output and flush, so pipes and screen readers see it at once."""
        shown = (
            json_safe(text)
            if self.json_mode
            else self.io.fitted(printable(text), indent=self.indents)
        )
        self.io.stdout.write(shown + "\n")
        self.io.stdout.flush()
