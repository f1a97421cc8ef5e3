"""Plain-text layout for the line mode: short lines, no colour, no boxes, numbers for choices.

Screen readers and braille displays read each line in turn, so every block starts with
what it is ("Question", "Why we ask") and nothing relies on position or colour.
"""

from __future__ import annotations

from typing import Any

from assistant.engine.outputs import ReviewItem
from assistant.i18n import Translator
from assistant.plain.render import words_to_type
from assistant.plain.spoken import without_repeats
from assistant.values import N_


def layout(data: dict[str, Any], t: Translator) -> str:
    """One described output as lines of text."""
    event = data["event"]
    if event == "step":
        return _step(data, t)
    if event == "error":
        return t.gettext(N_("Sorry, that answer did not work.")) + " " + str(data["message"])
    if event == "end":
        closing = t.gettext(
            N_(
                "That is the end. Type {plan} to see your draft plan, {review} to check your answers, {back} to go back, or {quit} to finish."
            )
        ).format(**words_to_type(t))
        before = [line for shown in data.get("before", ()) for line in _explanation(shown, t)]
        return "\n".join(
            [
                "",
                data["progress"]["line"],
                *before,
                *([data["text"]] if data["text"] else []),
                closing,
            ]
        )
    if event == "help":
        return help_now(data, t)
    if event == "crisis":
        return crisis(data, t)
    if event == "paused":
        return t.gettext(N_("Paused."))
    return str(data.get("message", ""))


def _step(data: dict[str, Any], t: Translator) -> str:
    # A follow-up on the same screen as the question just answered: the same step, so
    # its header is not said again.
    lines = [""] if data.get("continues") else ["", data["progress"]["line"]]
    for shown in data.get("before", ()):  # what the last answer means, before the question
        lines += _explanation(shown, t)
    if data["title"]:
        lines.append(data["title"])
    lines.append(data["text"])
    for index, choice in enumerate(data["choices"], 1):
        lines.append(f"  {index}. {choice['label']}")
        if choice.get("help"):  # e.g. what "lasting power of attorney" means
            lines.append(f"     {choice['help']}")
    if data.get("report"):
        lines += ["", *data["report"]["lines"], ""]
    for source in data["citations"]:
        lines.append(t.gettext(N_("Source: {source}")).format(source=source["text"]))
    if data.get("current"):  # an empty optional answer is not worth repeating
        lines.append(
            t.gettext(N_("Your answer so far: {answer}. Press Enter to keep it.")).format(
                answer=data["current"]
            )
        )
    lines.append(data["hint"])
    if data["also"]:
        lines.append(
            t.gettext(N_("You can also type: {words}.")).format(
                words=t.list(data["also"], style="or")
            )
        )
    if data["kind"] == "ask" and data["why"]:
        lines.append(t.gettext(N_("Type {why} to see why we ask.")).format(**words_to_type(t)))
    if has_more(data):
        lines.append(t.gettext(N_("Type {more} to read more.")).format(**words_to_type(t)))
    return "\n".join(lines)


def _explanation(shown: dict[str, Any], t: Translator) -> list[str]:
    """An explanation shown above a question: its title, text and sources, then a blank line."""
    lines = [shown["title"]] if shown["title"] else []
    lines.append(shown["text"])
    for source in shown["citations"]:
        lines.append(t.gettext(N_("Source: {source}")).format(source=source["text"]))
    return [*lines, ""]


def has_more(data: dict[str, Any]) -> bool:
    """Whether a step (or an explanation shown with it) has more to read on request."""
    return bool(data.get("more")) or any(e.get("more") for e in data.get("before", ()))


def more(data: dict[str, Any], t: Translator) -> str:
    """The fuller explanations of a step, each under its title, for the 'more' command."""
    parts = [*data.get("before", ()), data]
    lines: list[str] = []
    for part in parts:
        if part.get("more"):
            lines += ["", part.get("title") or part["text"], part["more"]]
    if not lines:
        return t.gettext(N_("There is nothing more to read on this step."))
    return "\n".join(lines)


def review(items: list[ReviewItem], t: Translator) -> str:
    """Every answer, numbered, so 'change 3' can pick one."""
    if not items:
        return t.gettext(N_("You have not answered any questions yet."))
    lines = ["", t.gettext(N_("Your answers so far:"))]
    section = None
    for number, item in enumerate(items, 1):
        if item.section != section:
            section = item.section
            lines.append(t.render(item.section_title))
        value = item.shown_value()
        lines.append(
            f"  {number}. {t.render(item.question)} {t.gettext(N_('Answer:'))} {t.value(value)}"
        )
    lines.append(
        t.gettext(
            N_("To change an answer, type {change} and its number, for example: {change} 2.")
        ).format(**words_to_type(t))
    )
    return "\n".join(lines)


def crisis(data: dict[str, Any], t: Translator) -> str:
    """Crisis help after words that can mean someone is at risk: the contacts themselves."""
    words = words_to_type(t)
    lines = ["", data["message"]]
    lines += [f"- {c['name']}. {c['how']} {c['when']}" for c in data["contacts"]]
    lines += data["notes"]
    if not data["contacts"]:  # the gentle check: say how to open Help now
        lines.append(t.gettext(N_("To see them, type: {help_now}.")).format(**words))
        return "\n".join(lines)
    if data["closing"]:
        lines.append(data["closing"])
    if data["words_left_out"]:
        lines.append(
            t.gettext(N_("To keep your words in your plan, type: {keep_words}.")).format(**words)
        )
    return "\n".join(lines)


def help_now(data: dict[str, Any], t: Translator) -> str:
    """The crisis and safeguarding contacts as plain lines."""
    lines = ["", data["title"], data["intro"]]
    for contact in data["contacts"]:  # "Shout: text SHOUT to 85258." says the number once
        lines.append(
            "- " + without_repeats(f"{contact['name']}.", f"{contact['how']} {contact['when']}")
        )
    guard = data["safeguarding"]
    lines += [
        guard["title"],
        guard["text"],
        guard["why"],
        "",
        t.gettext(N_("When you are ready, we will carry on from where you were.")),
    ]
    return "\n".join(lines)
