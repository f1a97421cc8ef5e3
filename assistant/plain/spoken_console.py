"""The line conversation in screen-reader mode (``--screen-reader``).

The same conversation as :class:`~assistant.plain.console.LineConversation`, laid out by
:class:`~assistant.plain.spoken.SpokenLayout`, with three more commands: ``sources``
(hear the sources of the step just shown, which are offered, not read), ``next`` (the
next part of the plan) and ``plan N`` (part N). Nothing written has a blank line, a
leading indent, a bullet or a rule of ``=`` or ``-``: each would be read out.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.engine.outputs import Output
from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plain.console import LineConversation, SaveTarget
from assistant.plain.lineio import LineIO
from assistant.plain.render import describe, help_now
from assistant.plain.spoken import SPOKEN_COMMANDS, SpokenLayout
from assistant.values import N_, option_number

_RULE = re.compile(r"^[=\-]{3,}$")


class SpokenConversation(LineConversation):
    """A line conversation laid out to be heard (see the module docstring)."""

    indents = False  # nothing is indented here, not even a wrapped line's later parts

    def __init__(
        self,
        session: Session,
        t: Translator,
        io: LineIO,
        *,
        target: SaveTarget | None = None,
        kept: str | None = None,
    ) -> None:
        super().__init__(session, t, io, target=target, kept=kept)
        self.spoken = SpokenLayout(t)
        for msgid, command in SPOKEN_COMMANDS.items():  # in English and in the language
            for word in {msgid, *t.gettext(msgid).split("|")}:
                if word.strip():
                    self._words.setdefault(word.strip().lower(), command)
        self._handlers.update(
            {
                "sources": lambda _: self._write_lines(self.spoken.sources_text()),
                "next": lambda _: self._write_lines(self._plan_reader().next()),
                "repeat": self._repeat,
            }
        )
        plan_words = {w.strip().lower() for w in t.gettext(N_("plan")).split("|")} | {"plan"}
        self._plan_words = "|".join(sorted(re.escape(w) for w in plan_words if w))
        self._reader: Any = None

    def _parse(self, line: str) -> tuple[str | None, Any]:
        word = line.strip().lower().rstrip(".!")
        if match := re.fullmatch(rf"(?:{self._plan_words})\s+(\S+)", word):
            return "plan", match.group(1)
        return super()._parse(line)

    def _plan_reader(self) -> Any:
        if self._reader is None:  # the plan's modules load only when it is first asked for
            from assistant.plain.spoken_plan import PlanReader

            self._reader = PlanReader(self.spoken)
        return self._reader

    def _plan(self, which: str) -> bool:
        part = option_number(which) if which else None
        if which and part is None:
            part = 0  # "plan x": not a part number; the reader says which there are
        return self._write_lines(self._plan_reader().start(self.session, part))

    def _repeat(self, _: str) -> bool:
        self.spoken.repeat()  # say the section again too
        return self._show(self.session.show())

    def _write_help_now(self) -> None:
        self.write(self.spoken.layout(help_now(self.t)))

    def _help(self, _: str) -> bool:
        text = self.t.gettext(
            N_(
                "You can type: {back}, {why}, {more}, {sources}, {review}, {change} N, {repeat}, {plan}, {next}, {save}, {quit}. For urgent help, type: {help_now}."
            )
        )
        self._say(text.format(**self.spoken.words), translate=False)
        return False

    def _show(self, outputs: list[Output]) -> bool:
        if self._not_saved():  # as in plain mode: nothing moves on past an unsaved answer
            return True
        for output in outputs:
            data = describe(output, self.session.bundle, self.t, spoken=True)
            self.write(self.spoken.layout(data))
        return False

    def _write_lines(self, text: str) -> bool:
        self.write(text)
        return False

    def write(self, text: str) -> None:
        """Print without blank lines, indents, bullets or rules, then flush."""
        lines = []
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("- "):
                line = line[2:]
            if line and not _RULE.match(line):
                lines.append(line)
        if lines:
            super().write("\n".join(lines))
