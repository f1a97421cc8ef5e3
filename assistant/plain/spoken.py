"""The screen-reader layout of plain mode (``--screen-reader``): quiet, one thing a line.

Plain mode is readable, but heard line by line it is noisy. This layout says each thing
once and only when it is new: where the person is ("Step 3 of 8: Money.") when it changes,
sources offered ("2 sources: type sources") rather than read, the cost table as
sentences, hints on one line, no blank lines, no bullets, no rules. The same data as the
plain and JSON layouts (:func:`assistant.plain.render.describe`) is laid out here.
"""

from __future__ import annotations

import os
import re
from typing import Any

from assistant.i18n import Translator
from assistant.plain.render import words_to_type
from assistant.values import N_

#: Setting this to 1 (or yes, true, on) chooses the screen-reader mode, as --screen-reader does.
ENV_VARIABLE = "SUPPORT_PLAN_SCREEN_READER"
#: The commands only this mode has, as msgids of the words to type (see locales/README.md).
SPOKEN_COMMANDS: dict[str, str] = {N_("sources"): "sources", N_("next"): "next"}


def wanted(option: bool | None) -> bool:
    """Whether the screen-reader mode was asked for, by option or by the environment."""
    return bool(option) or os.environ.get(ENV_VARIABLE, "").strip().lower() in (
        "1",
        "yes",
        "true",
        "on",
    )


def announcement(t: Translator) -> str:
    """The first line of the program, so the person knows where they are and how to go on."""
    return t.gettext(
        N_(
            "Screen-reader mode: plain text, one line at a time. Type {help} at any time to hear the commands."
        )
    ).format(**words_to_type(t))


class SpokenLayout:
    """Lays out described outputs for a screen reader, remembering what it has said.

    It keeps the last section announced (a section is said when it changes) and the
    sources of the last step shown, for the ``sources`` command (they are offered when
    they change: twenty questions citing the same regulation offer it once).
    """

    def __init__(self, t: Translator) -> None:
        self.t = t
        self.words = words_to_type(t)
        for msgid, command in SPOKEN_COMMANDS.items():
            self.words[command] = t.gettext(msgid).split("|")[0].strip() or msgid
        self.section: str | None = None
        self._count: tuple[Any, Any] = (None, None)  # the last "step k of n" said
        self.sources: list[str] = []
        self._offered: list[str] = []  # the sources last offered, not offered again in a row

    def layout(self, data: dict[str, Any]) -> str:
        """One described output as lines, without blank lines."""
        event = data["event"]
        if event == "step":
            return "\n".join(self._step(data))
        if event == "error":
            return (
                self.t.gettext(N_("Sorry, that answer did not work.")) + " " + str(data["message"])
            )
        if event == "end":
            return "\n".join(self._end(data))
        if event == "help":
            return "\n".join(help_now(data, self.t))
        if event == "paused":
            return self.t.gettext(N_("Paused."))
        return str(data.get("message", ""))

    def repeat(self) -> None:
        """The next step is shown again on request: say its section and sources again too."""
        self.section = None
        self._offered = []

    def _section(self, progress: dict[str, Any]) -> list[str]:
        """Where the person is, said when it changes: the part's title when a new part
        starts, and its "Step 3 of 8" at its first question (explanations have no count)."""
        count = (progress.get("step"), progress.get("steps"))
        if progress["section"] != self.section:
            self.section = progress["section"]
        elif not progress.get("question") or count == self._count:
            return []
        self._count = count if progress.get("question") else (None, None)
        return [sentence(progress["line"])]

    def _step(self, data: dict[str, Any]) -> list[str]:
        t = self.t
        progress = data["progress"]
        lines = self._section(progress)
        cited = [c["text"] for e in data.get("before", ()) for c in e["citations"]]
        self.sources = unique([*cited, *(c["text"] for c in data["citations"])])
        for shown in data.get("before", ()):
            lines += [*_titled(shown["title"], progress), shown["text"]]
        lines += _titled(data["title"], progress)
        lines.append(data["text"])
        for index, choice in enumerate(data["choices"], 1):
            lines.append(f"{index}. {choice['label']}")
            if choice.get("help"):
                lines.append(choice["help"])
        if data.get("report"):
            lines += data["report"]["lines"]
        if self.sources and self.sources != self._offered:  # the same ones again: not said
            lines.append(self.offer_sources())
        self._offered = self.sources
        if data.get("current"):
            lines.append(
                t.gettext(N_("Your answer so far: {answer}. Press Enter to keep it.")).format(
                    answer=data["current"]
                )
            )
        lines.append(self._hint(data))
        return lines

    def offer_sources(self) -> str:
        """ "2 sources: type sources." for the step just shown."""
        count = len(self.sources)
        return self.t.ngettext(
            "{count} source: type {sources} to hear it.",
            "{count} sources: type {sources} to hear them.",
            count,
        ).format(count=count, sources=self.words["sources"])

    def _hint(self, data: dict[str, Any]) -> str:
        """What to type, what else may be typed, and why / more: one line."""
        t = self.t
        parts = [data["hint"]]
        if data["also"]:
            parts.append(
                t.gettext(N_("You can also type: {words}.")).format(
                    words=t.list(data["also"], style="or")
                )
            )
        if data["kind"] == "ask" and data["why"]:
            parts.append(t.gettext(N_("Type {why} to hear why we ask.")).format(**self.words))
        if data.get("more") or any(e.get("more") for e in data.get("before", ())):
            parts.append(t.gettext(N_("Type {more} to hear more.")).format(**self.words))
        return " ".join(parts)

    def _end(self, data: dict[str, Any]) -> list[str]:
        self.sources = []
        lines = self._section(data["progress"])
        if data["text"]:
            lines.append(data["text"])
        lines.append(
            self.t.gettext(
                N_(
                    "That is the end. Type {plan} to hear your draft plan a part at a time, {review} to check your answers, {back} to go back, or {quit} to finish."
                )
            ).format(**self.words)
        )
        return lines

    def sources_text(self) -> str:
        """The sources of the step last shown, one a line, for the ``sources`` command."""
        if not self.sources:
            return self.t.gettext(N_("There are no sources for this step."))
        heading = self.t.gettext(N_("Sources:"))
        return "\n".join([heading, *self.sources])


def _titled(title: str | None, progress: dict[str, Any]) -> list[str]:
    """A title worth saying: not when it only repeats the section just announced."""
    if not title or title.strip().rstrip(".") == progress["section_title"].strip().rstrip("."):
        return []
    return [title]


def help_now(data: dict[str, Any], t: Translator) -> list[str]:
    """The crisis and safeguarding contacts, each once, without bullets or blank lines."""
    lines = [data["title"], data["intro"]]
    for contact in data["contacts"]:
        lines.append(without_repeats(f"{contact['name']}.", f"{contact['how']} {contact['when']}"))
    guard = data["safeguarding"]
    lines += [guard["title"], guard["text"], guard["why"]]
    lines.append(t.gettext(N_("When you are ready, we will carry on from where you were.")))
    return lines


def without_repeats(head: str, text: str) -> str:
    """``head`` then ``text``, leaving out sentences of ``text`` that ``head`` already says.

    "Shout: text SHOUT to 85258." and "Text SHOUT to 85258. It is free." are read as
    "Shout: text SHOUT to 85258. It is free.", not with the number twice.
    """
    said = _plain_words(head)
    kept = [s for s in _sentences(text) if _plain_words(s) not in said]
    return " ".join([head, *kept]).strip()


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def unique(texts: list[str]) -> list[str]:
    """Each text once, in the order first given (a source cited twice is read once)."""
    return list(dict.fromkeys(texts))


def sentence(text: str) -> str:
    """``text`` ending with a full stop, unless it already ends with punctuation."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:)" else text + "."


def heading(text: str) -> str:
    """A heading read before its list: ``text:`` unless it already ends with punctuation."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!:" else text + ":"
