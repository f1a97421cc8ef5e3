"""A conversation's event log as a readable transcript, in Markdown or JSON.

The transcript shows each step as it was shown (in the reader's language), each answer,
every explanation, every "back" and "change", help opened, breaks, and the time of each.
Adviser notes appear only when ``adviser`` is true, as in the plan.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from assistant.engine import views
from assistant.engine.events import Event, note_text
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import LOCALES, Translator
from assistant.plain.render import describe
from assistant.transcript.markdown import escape
from assistant.transcript.walk import Entry, walk
from assistant.values import N_, encode, printable

SCHEMA = "support-plan/transcript"
VERSION = 1

#: What each command event is called in the transcript (message ids).
KIND_LABELS: dict[str, str] = {
    "started": N_("Started the conversation"),
    "went_back": N_("Went back"),
    "edited": N_("Chose to change an earlier answer"),
    "paused": N_("Took a break (answers saved)"),
    "resumed": N_("Came back after a break"),
    "help_opened": N_("Opened Help now (urgent help contacts)"),
    "help_offered": N_("Was offered Help now, after words that can mean a crisis"),
    "crisis_words_kept": N_("Chose to keep their words in the plan"),
    "note": N_("Adviser note"),
    "language_changed": N_("Changed the language"),
    "call_details": N_("Adviser recorded the call's details"),
    "jumped": N_("Went to another part of the conversation"),
}
#: Events only the adviser's copy shows: their notes and what they recorded about the call.
ADVISER_ONLY = frozenset({"note", "call_details"})


def transcript_data(
    bundle: Bundle, events: Iterable[Event], t: Translator, *, adviser: bool = False
) -> dict[str, Any]:
    """The transcript as JSON-ready data: one entry per event, translated."""
    session, entries = walk(bundle, events)
    try:
        items = [
            item
            for entry in entries
            if (item := _entry(session, entry, t, adviser=adviser)) is not None
        ]
    finally:
        session.close()
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "bundle": {"id": bundle.id, "title": t.gettext(bundle.manifest.title)},
        "locale": t.locale,
        "language": LOCALES.get(t.locale, t.locale),
        "adviser": adviser,
        "entries": items,
    }


def _entry(
    session: Session, entry: Entry, t: Translator, *, adviser: bool
) -> dict[str, Any] | None:
    event = entry.event
    if event.kind in ADVISER_ONLY and not adviser:
        return None
    item: dict[str, Any] = {
        "seq": event.seq,
        "at": event.at,
        "kind": event.kind,
        "step": event.step,
    }
    if entry.output is not None:
        item["shown"] = describe(entry.output, session.bundle, t)
    elif event.kind == "answered":
        item["answer"] = _answer(session, entry, t)
    else:
        item["label"] = t.gettext(KIND_LABELS.get(event.kind, event.kind))
        if event.kind == "note":
            item["note"] = note_text(event.value)
        elif event.kind == "language_changed":
            item["language"] = str(event.value)
    return item


def _answer(session: Session, entry: Entry, t: Translator) -> dict[str, Any]:
    key = entry.event.step or ""
    if entry.answer is None:
        return {"text": t.gettext(N_("Read, then went on")), "value": None}
    shown = views.answer_param(session, key, entry.answer)
    return {"text": t.value(shown), "value": encode(entry.answer)}


def transcript_json(
    bundle: Bundle, events: Iterable[Event], t: Translator, *, adviser: bool = False
) -> str:
    """The transcript as pretty JSON (UTF-8 text, not ASCII-escaped)."""
    data = transcript_data(bundle, events, t, adviser=adviser)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def transcript_markdown(
    bundle: Bundle, events: Iterable[Event], t: Translator, *, adviser: bool = False
) -> str:
    """The transcript as Markdown: a heading, then one short block per event."""
    data = transcript_data(bundle, events, t, adviser=adviser)
    out = [f"# {escape(t.gettext(N_('Conversation transcript')))}", ""]
    out += [
        f"- {t.gettext(N_('Conversation'))}: {escape(data['bundle']['title'])}",
        f"- {t.gettext(N_('Language'))}: {data['language']}",
    ]
    if adviser:
        out.append(f"- {t.gettext(N_('Adviser copy: includes adviser notes.'))}")
    day = ""
    for item in data["entries"]:
        date, _, time = str(item["at"]).partition("T")
        if date != day:
            day = date
            out += ["", f"## {date}"]
        out += ["", *_markdown_item(item, time[:8], t)]
    return printable("\n".join(out).rstrip() + "\n")  # no escape sequence reaches a terminal


def _markdown_item(item: dict[str, Any], time: str, t: Translator) -> list[str]:
    if "shown" in item:
        return _markdown_shown(item["shown"], time, t)
    if "answer" in item:
        if item["answer"]["value"] is None:
            return [f"{time} · *{escape(item['answer']['text'])}*"]
        label = t.gettext(N_("Answer"))
        return [f"{time} · **{label}:** {escape(item['answer']['text'])}"]
    line = f"{time} · *{escape(item['label'])}*"
    if item["kind"] in ("went_back", "edited", "jumped") and item["step"]:
        line += f" ({t.gettext(N_('to step'))} `{item['step']}`)"
    if item["kind"] == "note":
        line += f": {escape(item['note'])}"
    if item["kind"] == "language_changed":
        line += f": {escape(LOCALES.get(item['language'], item['language']))}"
    return [line]


def _markdown_shown(shown: dict[str, Any], time: str, t: Translator) -> list[str]:
    if shown["event"] == "end":
        before = _markdown_before(shown, t)
        return [f"{time} · **{t.gettext(N_('End'))}**", "", *before, *_quote(shown["text"])]
    ask = shown["kind"] == "ask"
    kind = t.gettext(N_("Question") if ask else N_("Explanation"))
    where = shown["progress"]["line"]
    out = [f"{time} · **{kind}** · {escape(where)} · `{shown['step']}`", ""]
    out += _markdown_before(shown, t)
    if shown["title"]:
        out += _quote(f"**{escape(shown['title'])}**") + [">"]
    out += _quote(escape(shown["text"]))
    for number, choice in enumerate(shown["choices"], start=1):
        out.append(f"> {number}. {escape(choice['label'])}")
    if shown["why"]:
        why = t.gettext(N_("Why we ask") if ask else N_("Why we tell you"))
        out += [">", f"> *{why}:* {escape(shown['why'])}"]
    for citation in shown["citations"]:
        out.append(f"> *{t.gettext(N_('Source'))}:* {escape(citation['text'])}")
    return out


def _markdown_before(shown: dict[str, Any], t: Translator) -> list[str]:
    """Explanations shown with a question or the end: what the last answer meant."""
    out: list[str] = []
    for before in shown.get("before", ()):
        if before["title"]:
            out += _quote(f"**{escape(before['title'])}**")
        out += _quote(escape(before["text"]))
        for citation in before["citations"]:
            out.append(f"> *{t.gettext(N_('Source'))}:* {escape(citation['text'])}")
        out.append(">")
    return out


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines()] or [">"]
