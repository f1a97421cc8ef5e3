"""Turn engine outputs into translated, structured data that the line modes print.

The plain text mode and the JSON-lines mode share this, so they always say the same
thing; only the layout differs.
"""

from __future__ import annotations

from typing import Any

from assistant.engine.outputs import (
    AnswerRejected,
    ConversationEnded,
    CrisisOffered,
    HelpShown,
    Notice,
    Output,
    Paused,
    Progress,
    StepShown,
)
from assistant.flow.bundle import Bundle
from assistant.flow.reports import REPORTS
from assistant.i18n import Translator
from assistant.safety import help_content
from assistant.values import N_, Special

#: The command words in the person's language, by command: each msgid is translated as the
#: word(s) to type, several separated by "|" (the first is the one hints quote). Plain mode
#: accepts all of them, and the English ones too.
TRANSLATED_COMMANDS: dict[str, str] = {
    N_("back"): "back",
    N_("why"): "why",
    N_("review"): "review",
    N_("repeat"): "repeat",
    N_("save"): "save",
    N_("quit"): "quit",
    N_("help now"): "help_now",
    N_("help"): "help",
    N_("don't know"): "dont_know",
    N_("rather not say"): "decline",
    N_("change"): "change",
    N_("plan"): "plan",
    N_("more"): "more",
    N_("keep my words"): "keep_words",
}


#: Other English ways of saying "I don't know" and "I'd rather not say" (as plain mode takes).
_SPECIAL_WORDS: dict[str, Special] = {
    "don't know": Special.UNKNOWN,
    "dont know": Special.UNKNOWN,
    "do not know": Special.UNKNOWN,
    "not sure": Special.UNKNOWN,
    "rather not say": Special.DECLINED,
    "prefer not to say": Special.DECLINED,
    "i'd rather not say": Special.DECLINED,
}


def special_answer(text: str, t: Translator) -> Special | None:
    """ "don't know" or "rather not say" typed as an answer, in English or ``t``'s language;
    None for anything else. (Whether the question allows it is the engine's to say.)"""
    word = text.strip().lower().rstrip(".!").replace("’", "'")
    if word.startswith("i ") and word[2:] in _SPECIAL_WORDS:
        word = word[2:]  # "I don't know"
    if word in _SPECIAL_WORDS:
        return _SPECIAL_WORDS[word]
    for msgid, special in (
        (N_("don't know"), Special.UNKNOWN),
        (N_("rather not say"), Special.DECLINED),
    ):
        if word in {w.strip().lower() for w in t.gettext(msgid).split("|") if w.strip()}:
            return special
    return None


def word_to_type(t: Translator, msgid: str) -> str:
    """The word a hint quotes for a command: the first of its words in the person's language."""
    return t.gettext(msgid).split("|")[0].strip() or msgid


def words_to_type(t: Translator) -> dict[str, str]:
    """Each command's word for hints, by command (``{back}``, ``{help_now}``...)."""
    return {command: word_to_type(t, msgid) for msgid, command in TRANSLATED_COMMANDS.items()}


def citation(bundle: Bundle, source_id: str, t: Translator) -> str:
    """A source as one line: title, part, and a warning when it is not yet confirmed."""
    source = bundle.sources.get(source_id)
    if source is None:
        return source_id
    text = source.title + (f", {t.pgettext('source', source.part)}" if source.part else "")
    if not source.confirmed:
        text += " " + t.gettext(N_("(not yet confirmed)"))
    return text


def progress_line(progress: Progress, t: Translator) -> str:
    """E.g. "Step 3 of 8: Money" on a question; only "Money" on any other screen.

    The first screen to show a larger total says why, once.
    """
    title = t.render(progress.section_title)
    if not progress.question or not progress.steps:  # no total before the first answer
        return title
    line = t.gettext(N_("Step {step} of {steps}: {title}")).format(
        step=progress.step, steps=progress.steps, title=title
    )
    if progress.grew:
        line += " " + t.gettext(N_("(more steps now, from your answers)"))
    return line


def hint(step: StepShown, t: Translator) -> str:
    """What to type for this kind of question."""
    if step.kind == "say":
        return t.gettext(N_("Press Enter to go on."))
    kind = step.answer_type
    if kind == "choice":
        return t.gettext(N_("Type the number of your answer."))
    if kind == "multi":
        return t.gettext(
            N_("Type the numbers of all that apply, with commas between, for example 1, 3.")
        )
    if kind == "yesno":
        return t.gettext(N_("Type yes or no."))
    if kind == "money":
        return t.gettext(N_("Type an amount in pounds, for example 13.50."))
    if kind == "number":
        return _number_hint(step, t)
    return t.gettext(N_("Type your answer in your own words, then press Enter."))


def _number_hint(step: StepShown, t: Translator) -> str:
    unit = t.render(step.unit)
    if step.halves:
        return _halves_hint(step, t, unit)
    if step.minimum is not None and step.maximum is not None:
        text = t.gettext(
            N_("Type a whole number from {minimum} to {maximum} ({unit}).")
            if unit
            else N_("Type a whole number from {minimum} to {maximum}.")
        )
        return text.format(minimum=int(step.minimum), maximum=int(step.maximum), unit=unit)
    text = t.gettext(N_("Type a whole number ({unit}).") if unit else N_("Type a whole number."))
    return text.format(unit=unit)


def _halves_hint(step: StepShown, t: Translator, unit: str) -> str:
    """The hint for a number that may be a half, such as 10.5 hours."""
    if step.minimum is not None and step.maximum is not None:
        text = t.gettext(
            N_(
                "Type a number from {minimum} to {maximum} ({unit}). Halves are fine, for example 10.5."
            )
            if unit
            else N_("Type a number from {minimum} to {maximum}. Halves are fine, for example 10.5.")
        )
        return text.format(minimum=int(step.minimum), maximum=int(step.maximum), unit=unit)
    text = t.gettext(
        N_("Type a number ({unit}). Halves are fine, for example 10.5.")
        if unit
        else N_("Type a number. Halves are fine, for example 10.5.")
    )
    return text.format(unit=unit)


def extra_answers(step: StepShown, t: Translator) -> list[str]:
    """The other answers this question accepts, as the words to type."""
    extras = []
    if step.allow_unknown:
        extras.append(word_to_type(t, N_("don't know")))
    if step.allow_decline:
        extras.append(word_to_type(t, N_("rather not say")))
    return extras


def describe(
    output: Output, bundle: Bundle, t: Translator, *, spoken: bool = False
) -> dict[str, Any]:
    """One output as translated data: what the JSON mode prints and the text mode lays out.

    ``spoken``: for the screen-reader mode (a report's lines are sentences, not a table).
    """
    if isinstance(output, StepShown):
        return _step(output, bundle, t, spoken)
    if isinstance(output, AnswerRejected):
        return {"event": "error", "step": output.step, "message": t.render(output.message)}
    if isinstance(output, Notice):
        return {"event": "notice", "message": t.render(output.message)}
    if isinstance(output, ConversationEnded):
        return {
            "event": "end",
            "step": output.step,
            "text": t.render(output.text),
            "before": _explanations(output.before, bundle, t),
            "progress": _progress(output.progress, t),
        }
    if isinstance(output, HelpShown):
        return help_now(t, output.reason)
    if isinstance(output, CrisisOffered):
        return crisis(output, t)
    assert isinstance(output, Paused)
    return {"event": "paused", "reference": output.reference}


def _step(step: StepShown, bundle: Bundle, t: Translator, spoken: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "event": "step",
        "step": step.step,
        "kind": step.kind,
        "type": step.answer_type,
        "title": t.render(step.title) or None,
        "text": t.render(step.text),
        "why": t.render(step.why) or None,
        "citations": [{"id": c, "text": citation(bundle, c, t)} for c in step.citations],
        "choices": [
            {"value": c.value, "label": t.render(c.label), "help": t.render(c.help) or None}
            for c in step.choices
        ],
        "hint": hint(step, t),
        "also": extra_answers(step, t),
        "progress": _progress(step.progress, t),
        "sensitive": step.sensitive,
        "adviser_only": step.adviser_only,
        "more": t.render(step.more) or None,
        "before": _explanations(step.before, bundle, t),
    }
    if step.report is not None:
        data["report"] = report(step.report, t, structured=not spoken, spoken=spoken)
    if step.kind == "ask":
        data["minimum"], data["maximum"] = step.minimum, step.maximum
        data["unit"] = t.render(step.unit) or None
        data["halves"] = step.halves
        data["current"] = None if step.current is None else _current(step, t)
        # Two questions on one screen (a flow's with_next): the follow-up in full, for a
        # client that shows both; it is still answered on its own, after this one.
        data["follow_up"] = None if step.follow_up is None else _step(step.follow_up, bundle, t)
        data["continues"] = step.continues
    return data


def _explanations(before: Any, bundle: Bundle, t: Translator) -> list[dict[str, Any]]:
    """Explanations shown with a question (or the end): what the last answer meant."""
    return [
        {
            "step": e.step,
            "title": t.render(e.title) or None,
            "text": t.render(e.text),
            "more": t.render(e.more) or None,
            "citations": [{"id": c, "text": citation(bundle, c, t)} for c in e.citations],
        }
        for e in before
    ]


def _current(step: Any, t: Translator) -> str:
    """The answer given before, as the person reads it: chosen options by their labels."""
    labels: dict[str, str] = {c.value: t.render(c.label) or c.value for c in step.choices}
    if isinstance(step.current, str) and step.current in labels:
        return labels[step.current]
    if isinstance(step.current, tuple):
        return "; ".join(labels.get(value) or value for value in step.current)
    return t.value(step.current)


def report(shown: Any, t: Translator, *, structured: bool, spoken: bool = False) -> dict[str, Any]:
    """A calculation shown with a step, rendered by its provider in the person's language.

    ``spoken``: its lines as sentences to be read out, where the provider offers them.
    """
    spec = REPORTS[shown.name]
    render = spec.render_spoken if spoken and spec.render_spoken else spec.render_lines
    summary = spec.render_summary or (lambda *_: [])
    data: dict[str, Any] = {
        "name": shown.name,
        "summary": summary(shown.data, t.gettext, t.locale),
        "lines": render(shown.data, t.gettext, t.locale),
    }
    if structured:
        data["data"] = spec.render_json(shown.data, t.gettext, t.locale)
    return data


def _progress(progress: Progress, t: Translator) -> dict[str, Any]:
    return {
        "section": progress.section,
        "section_title": t.render(progress.section_title),
        "step": progress.step,
        "steps": progress.steps,
        "grew": progress.grew,
        "question": progress.question,
        "answered": progress.answered,
        "remaining_at_least": progress.remaining_at_least,
        "remaining_at_most": progress.remaining_at_most,
        "line": progress_line(progress, t),
    }


def crisis(output: CrisisOffered, t: Translator) -> dict[str, Any]:
    """Crisis help straight after words that can mean someone is at risk, translated."""
    return {
        "event": "crisis",
        "kind": output.kind,
        "audience": output.audience,
        "message": t.render(output.message),
        "contacts": [
            {
                "id": c.id,
                "name": t.render(c.name),
                "how": t.render(c.how),
                "when": t.render(c.when),
            }
            for c in output.contacts
        ],
        "notes": [t.render(note) for note in output.notes],
        "closing": t.render(output.closing) if output.closing else None,
        "words_left_out": output.words_left_out,
    }


def help_now(t: Translator, reason: str = "asked") -> dict[str, Any]:
    """The crisis and safeguarding contacts, translated."""
    content = help_content()
    return {
        "event": "help",
        "reason": reason,
        "title": t.pgettext("help_now", content.title),
        "intro": t.pgettext("help_now", content.intro),
        "contacts": [
            {
                "id": c.id,
                "name": t.pgettext("help_now", c.name),
                "how": t.pgettext("help_now", c.how),
                "when": t.pgettext("help_now", c.when),
            }
            for c in content.contacts
        ],
        "safeguarding": {
            "title": t.pgettext("help_now", content.safeguarding.title),
            "text": t.pgettext("help_now", content.safeguarding.text),
            "why": t.pgettext("help_now", content.safeguarding.why),
        },
    }
