"""The one crisis policy: which words bring which reply, for every front end.

When an answer contains words that can mean someone is at risk (``flows/safety/phrases.yaml``),
:meth:`Session.answer` puts a :class:`CrisisOffered` before its other outputs. The reply shows
the contacts themselves (999, NHS 111's mental health option, Samaritans, Shout), worded for
what was said (suicide, self-harm, abuse) and for who reads it (the person, or an adviser on a
call), and adds the person's mental health team when they have been detained under the Mental
Health Act. The app, plain mode and JSON lines only lay it out.

Everyday words for pain or strain ("the pain is killing me", "I can't cope") get a ``gentle``
reply: one line saying where help is, nothing recorded, the words kept in the plan. Crisis
words in a free-text answer are kept out of the plan unless the person chooses to keep them
(:func:`words_left_out`); the log records that help was offered and what kind, never the words.

Nothing here decides anything about a person: a match only brings help sooner.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any, Literal, Protocol

import msgspec  # its Structs are made at once; a dataclass type took 0.4 ms of the start

from assistant.engine.events import Event
from assistant.engine.outputs import CrisisOffered, HelpContactView, Msg
from assistant.flow.bundle import Bundle
from assistant.safety import help_content, phrase_lists
from assistant.values import Value


class SessionRecord(Protocol):
    """What the policy reads of a conversation (:class:`assistant.engine.session.Session` is
    one; the policy does not import it, since the session imports the policy)."""

    @property
    def bundle(self) -> Bundle:
        """The conversation's questions."""
        ...

    @property
    def setup(self) -> Mapping[str, Any]:
        """What the front end learnt before the first step (the mode, for one)."""
        ...

    @property
    def answers(self) -> Mapping[str, Value]:
        """Every answer given."""
        ...

    @property
    def events(self) -> Sequence[Event]:
        """The conversation's event log."""
        ...


Kind = Literal["suicide", "self_harm", "abuse", "gentle"]
#: Every kind, most urgent first: when several match, the reply is worded for the first.
KINDS: tuple[Kind, ...] = ("suicide", "self_harm", "abuse", "gentle")
#: The kinds that bring the contacts, are recorded, and keep the words out of the plan.
CRISIS: frozenset[str] = frozenset({"suicide", "self_harm", "abuse"})
#: The contacts every crisis reply shows, by id in help_now.yaml, in this order.
CONTACTS = ("emergency", "nhs111", "samaritans", "shout")

_CLAUSE = re.compile(r"[.!?;:,\n\r]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019`]")


class Pattern(msgspec.Struct, frozen=True):
    """One phrase from the lists: a slot per word (a set of words, or None for "~")."""

    text: str
    slots: tuple[frozenset[str] | None, ...]
    at_end: bool

    def spans(self, tokens: list[str]) -> Iterator[tuple[int, int]]:
        """Every (start, end) where the phrase matches ``tokens``, one clause's words."""
        for start in range(len(tokens)):
            end = self._match(tokens, start, 0)
            if end is not None:
                yield start, end

    def _match(self, tokens: list[str], at: int, slot: int) -> int | None:
        if slot == len(self.slots):
            return at if not self.at_end or at == len(tokens) else None
        words = self.slots[slot]
        if words is None:  # "~": one word, or none
            skipped = self._match(tokens, at + 1, slot + 1) if at < len(tokens) else None
            return skipped if skipped is not None else self._match(tokens, at, slot + 1)
        if at < len(tokens) and tokens[at] in words:
            return self._match(tokens, at + 1, slot + 1)
        return None


def clauses(text: str) -> list[list[str]]:
    """``text`` as clauses of plain words: lower case, no accents, apostrophes or hyphens.

    Words written more than one way ("cannot", "can not") are read as the usual way
    ("cant"), from the ``same:`` lists of phrases.yaml.
    """
    return [_usual(words) for words in _plain_clauses(text)]


def _plain_clauses(text: str) -> list[list[str]]:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain).replace("-", " ")
    return [words for part in _CLAUSE.split(plain) if (words := re.findall(r"\w+", part))]


def _usual(words: list[str]) -> list[str]:
    """``words`` with each other way of writing a word replaced by the usual way."""
    table = same()
    out: list[str] = []
    at = 0
    while at < len(words):
        for other, usual in table:
            if tuple(words[at : at + len(other)]) == other:
                out.extend(usual)
                at += len(other)
                break
        else:
            out.append(words[at])
            at += 1
    return out


@cache
def same() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Every language's "usual = other" pairs as (other words, usual words), longest first."""
    pairs = []
    for kinds in phrase_lists().values():
        for entry in kinds.get("same", ()):
            usual, _, other = entry.partition("=")
            words = (_plain_clauses(other) or [[]])[0], (_plain_clauses(usual) or [[]])[0]
            if not words[0] or not words[1] or "=" not in entry:
                raise ValueError(
                    f"flows/safety/phrases.yaml: same: '{entry}': write it as 'usual = other'."
                )
            pairs.append((tuple(words[0]), tuple(words[1])))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def parse(text: str) -> Pattern:
    """A phrase as written in phrases.yaml (``a|b``, ``~``, a final ``$``) as a pattern."""
    words = [w for w in text.split() if w]
    at_end = bool(words) and words[-1] == "$"
    if at_end:
        words = words[:-1]
    slots: list[frozenset[str] | None] = []
    for word in words:
        if word == "~":
            slots.append(None)
            continue
        options = [[t for clause in clauses(part) for t in clause] for part in word.split("|")]
        if any(len(option) != 1 for option in options):
            raise ValueError(
                f"flows/safety/phrases.yaml: '{text}': each word, or each choice in a|b, must be "
                "one plain word. Write words apart ('self harm', not 'self-harm')."
            )
        slots.append(frozenset(option[0] for option in options))
    return Pattern(text, tuple(slots), at_end)


@cache
def patterns() -> dict[str, tuple[Pattern, ...]]:
    """Every language's phrases merged, by kind (and ``not``): every language is checked."""
    merged: dict[str, list[Pattern]] = {}
    for kinds in phrase_lists().values():
        for kind, phrases in kinds.items():
            if kind != "same":
                merged.setdefault(kind, []).extend(parse(p) for p in phrases)
    return {kind: tuple(found) for kind, found in merged.items()}


@cache
def _by_word() -> dict[str, dict[str, tuple[int, ...]]]:
    """For each kind, the patterns (by place in :func:`patterns`) each word can begin to match.

    A pattern is filed under the words of its first slot that is not "~": no pattern can
    match a clause without one of them, so a clause is tried only against the few patterns
    its own words name (an answer such as "2" tried all 180 or so: 0.3 ms an answer).
    Patterns with only "~" slots are filed under the empty string, tried for every clause.
    """
    index: dict[str, dict[str, tuple[int, ...]]] = {}
    for kind, found in patterns().items():
        words: dict[str, list[int]] = {}
        for at, pattern in enumerate(found):
            anchor = next((slot for slot in pattern.slots if slot is not None), frozenset({""}))
            for word in anchor:
                words.setdefault(word, []).append(at)
        index[kind] = {word: tuple(places) for word, places in words.items()}
    return index


def load_phrases() -> None:
    """Read, parse and index the phrase lists now (front ends do it behind the first
    question), so the first answer in words does not wait for it."""
    _by_word()


def _candidates(kind: str, tokens: list[str]) -> Iterator[Pattern]:
    """The patterns of ``kind`` that could match ``tokens``, in the lists' order."""
    found, index = patterns().get(kind, ()), _by_word().get(kind, {})
    places = set(index.get("", ()))
    for token in tokens:
        places.update(index.get(token, ()))
    return (found[at] for at in sorted(places))


class Detection(msgspec.Struct, frozen=True):
    """What the words may mean: the most urgent kind, every kind found, and the phrases."""

    kind: Kind
    kinds: frozenset[str]
    phrases: tuple[str, ...]

    @property
    def crisis(self) -> bool:
        """True for suicide, self-harm or abuse; False for the gentle check."""
        return self.kind in CRISIS


def detect(text: str) -> Detection | None:
    """What ``text`` may mean, or None; a match inside a "not:" saying does not count."""
    found: dict[str, list[str]] = {}
    for tokens in clauses(text):
        excused = [span for p in _candidates("not", tokens) for span in p.spans(tokens)]
        for kind in KINDS:
            for pattern in _candidates(kind, tokens):
                if any(not _inside(span, excused) for span in pattern.spans(tokens)):
                    found.setdefault(kind, []).append(pattern.text)
    if not found:
        return None
    kind = next(k for k in KINDS if k in found)
    return Detection(kind, frozenset(found), tuple(p for k in KINDS for p in found.get(k, ())))


def _inside(span: tuple[int, int], excused: list[tuple[int, int]]) -> bool:
    """Whether a match overlaps an everyday saying that contains it."""
    return any(start < span[1] and span[0] < end for start, end in excused)


def reply(
    detection: Detection,
    *,
    adviser: bool = False,
    mental_health_team: bool = False,
    words_left_out: str | None = None,
) -> CrisisOffered:
    """The reply for ``detection``: its words, then (for a crisis) the contacts themselves."""
    content = help_content()
    audience = "adviser" if adviser else "person"

    def say(text: str) -> Msg:
        return Msg(text, "help_now")

    def pick(two: object) -> str:
        return str(getattr(two, audience))

    message = say(pick(content.replies[detection.kind]))
    if not detection.crisis:
        return CrisisOffered(detection.kind, audience, message)
    by_id = {c.id: c for c in content.contacts}
    contacts = tuple(
        HelpContactView(c.id, say(c.name), say(c.how), say(c.when))
        for c in (by_id[i] for i in CONTACTS if i in by_id)
    )
    notes: list[Msg] = []
    if "abuse" in detection.kinds:
        guard = content.safeguarding
        notes.append(say(guard.title))
        notes.append(say(guard.text))
    if mental_health_team:
        notes.append(say(pick(content.mental_health_team)))
    closing = content.words_left_out if words_left_out else content.carry_on
    return CrisisOffered(
        detection.kind,
        audience,
        message,
        contacts,
        tuple(notes),
        say(pick(closing)),
        words_left_out,
    )


def for_answer(
    session: SessionRecord, key: str, raw: object, accepted: bool
) -> CrisisOffered | None:
    """The reply to ``raw`` typed at step ``key``, worded for this session, or None.

    The words are kept out of the plan only when they were kept at all: a free-text answer
    that was accepted. Words refused (typed where a choice was wanted) are never stored.
    """
    if not isinstance(raw, str) or not raw.strip():
        return None
    found = detect(raw)
    if found is None:
        return None
    step = session.bundle.steps[key].step
    text_answer = accepted and getattr(step, "type", None) == "text"
    return reply(
        found,
        adviser=is_adviser(session),
        mental_health_team=has_mental_health_team(session),
        words_left_out=key if found.crisis and text_answer else None,
    )


def is_adviser(session: SessionRecord) -> bool:
    """An adviser is completing it: chosen at the start, or answered to "who is answering"."""
    if session.setup.get("mode") == "adviser":
        return True
    who = session.bundle.manifest.who_is_answering
    return who is not None and session.answers.get(who) == "adviser"


def has_mental_health_team(session: SessionRecord) -> bool:
    """They said they have been detained under the Mental Health Act (the bundle names where)."""
    key = session.bundle.manifest.mental_health_team_if
    return key is not None and session.answers.get(key) is True


def words_left_out(session: SessionRecord) -> frozenset[str]:
    """Free-text answers with crisis words that the person has not chosen to keep (for the plan)."""
    kept = {e.value for e in session.events if e.kind == "crisis_words_kept"}
    return frozenset(
        key
        for key, value in session.answers.items()
        if isinstance(value, str)
        and key not in kept
        and (found := detect(value)) is not None
        and found.crisis
    )


def last_words_offered(session: SessionRecord) -> str | None:
    """The answer whose words the last crisis reply kept out of the plan, if any."""
    for event in reversed(session.events):
        if event.kind == "help_offered" and isinstance(event.value, dict):
            words = event.value.get("words")
            return words if isinstance(words, str) else None
    return None


def help_was_offered(session: SessionRecord) -> bool:
    """Help now was opened, or a crisis reply was shown (the plan then puts help first)."""
    kinds = ("help_opened", "help_offered")
    return any(e.kind in kinds for e in session.events) or bool(words_left_out(session))
