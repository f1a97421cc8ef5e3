"""The cost of a conversation to the person having it, measured over golden conversations.

Each golden conversation is replayed through the engine exactly as ``support-plan replay``
does, and every screen the person is shown is counted: questions, information screens,
the longest run of information screens with no question between them, and the words on
them. A *screen* is a step shown because the person moved (started, answered, went on,
went back or changed an answer); showing the same step again after a break, a repeat or
Help now is not a new screen, and neither is the end. A follow-up question asked on the
screen of the question before it (the flow's ``with_next`` on a question) is a question
but no new screen: the questions column counts it, the screens column does not.

Words are counted two ways. *Words* (budgeted) are the words to read: the titles and texts
of questions and explanations, including explanations shown above a question (or, in an
adviser-led call, beside it) or with the end; this is how issue 13 measured the 2,700
words it set the budget against. *With choices* adds everything else on screen: the
choice labels and their help, "why we ask" where it is always shown (sensitive questions)
and any calculation shown with a step (the cost check's table and notes). "Tell me more"
is read only on request, so neither counts it. The estimated time reads all of it at 150
words a minute and allows 15 seconds per question.

An adviser-led conversation (the who-is-answering question answered ``adviser``) is
marked, because it has a budget of its own: there, explanations go beside the next
question, so its screens are its questions (and the cost check).

Content designers run ``support-plan stats flows/england --transcripts transcripts/`` to
see what each screen they add costs; ``tests/transcripts/test_journey_budget.py`` fails
when the budgets in :data:`BUDGETS` are broken.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.engine.events import Event
from assistant.engine.outputs import Explanation, StepShown
from assistant.engine.session import Session
from assistant.i18n import Translator, translator_for
from assistant.plain.render import report
from assistant.transcript.golden import Golden
from assistant.transcript.replay import BundleLoader, apply

#: Reading speed and the time to answer one question, for the estimated time.
WORDS_PER_MINUTE = 150
SECONDS_PER_QUESTION = 15

#: Events after which the step shown next is a new screen for the person.
_MOVES = frozenset({"started", "answered", "went_back", "edited"})


@dataclass(frozen=True)
class Budgets:
    """The journey's budgets (issue 13): what a conversation may cost the person."""

    median_screens: int = 60
    most_screens: int = 80
    longest_information_run: int = 3
    median_words: int = 1500
    adviser_screens: int = 45


BUDGETS = Budgets()


@dataclass(frozen=True)
class Screen:
    """One screen the person was shown."""

    step: str
    kind: str  # "say" or "ask"
    words: int
    #: Words on screen besides the texts: choices, always-shown "why", calculations.
    extra: int = 0
    #: A follow-up question on the screen of the question before it: no screen of its own.
    continues: bool = False


@dataclass
class JourneyStats:
    """What one golden conversation showed the person."""

    name: str
    bundle: str
    adviser: bool = False
    shown: list[Screen] = field(default_factory=list)
    #: Words shown with the end (explanations with no question after them, on a call).
    end_words: int = 0

    @property
    def questions(self) -> int:
        """Questions met."""
        return sum(s.kind == "ask" for s in self.shown)

    @property
    def information(self) -> int:
        """Information screens met (side panels, in an adviser-led call)."""
        return sum(s.kind == "say" for s in self.shown)

    @property
    def screens(self) -> int:
        """Screens met: questions and information screens, less the follow-up questions
        asked on the screen of the question before them."""
        return self.questions + self.information - sum(s.continues for s in self.shown)

    @property
    def longest_run(self) -> int:
        """The most information screens met in a row."""
        longest = run = 0
        for screen in self.shown:
            run = run + 1 if screen.kind == "say" else 0
            longest = max(longest, run)
        return longest

    @property
    def words(self) -> int:
        """Words to read: the texts of every screen, and what is shown with the end."""
        return sum(s.words for s in self.shown) + self.end_words

    @property
    def all_words(self) -> int:
        """Every word on screen: the texts, and the choices, "why" and calculations too."""
        return self.words + sum(s.extra for s in self.shown)

    @property
    def minutes(self) -> float:
        """Estimated minutes: reading every word shown, and answering each question."""
        return self.all_words / WORDS_PER_MINUTE + self.questions * SECONDS_PER_QUESTION / 60


class _Counter:
    """Records screens from a session's events, rendering each one to count its words."""

    def __init__(self, stats: JourneyStats, t: Translator) -> None:
        self.stats = stats
        self.t = t
        self.session: Session | None = None
        self._moved = False

    def on_event(self, event: Event) -> None:
        if event.kind in _MOVES:
            self._moved = True
        elif event.kind == "shown" and self._moved and self.session is not None:
            self._moved = False
            view = self.session.view()
            if isinstance(view, StepShown):
                words = screen_words(view, self.t)
                extra = extra_words(view, self.t)
                continues = view.continues is not None
                self.stats.shown.append(Screen(view.step, view.kind, words, extra, continues))
            else:  # the end is no screen, but what is shown with it is read
                self.stats.end_words += before_words(view.before, self.t)


def screen_words(view: StepShown, t: Translator) -> int:
    """The words to read on one screen: its title and text, and the explanations with it."""
    return before_words(view.before, t) + _count([t.render(view.title), t.render(view.text)])


def extra_words(view: StepShown, t: Translator) -> int:
    """The other words on a screen: choices and their help, "why we ask" where it is always
    shown (sensitive questions), and a calculation shown with the step."""
    texts = [text for c in view.choices for text in (t.render(c.label), t.render(c.help))]
    if view.sensitive and view.kind == "ask":
        texts.append(t.render(view.why))
    if view.report is not None:
        texts += report(view.report, t, structured=False)["lines"]
    return _count(texts)


def _count(texts: Iterable[str | None]) -> int:
    return sum(len(text.split()) for text in texts if text)


def before_words(before: Sequence[Explanation], t: Translator) -> int:
    """The words of explanations shown with a question or the end."""
    return _count(text for e in before for text in (t.render(e.title), t.render(e.text)))


def measure(golden: Golden, load: BundleLoader) -> JourneyStats:
    """Replay ``golden`` and record what the person was shown."""
    bundle = load(golden.bundle)
    stats = JourneyStats(golden.display, golden.bundle)
    counter = _Counter(stats, translator_for(golden.locale))
    session = Session(bundle, on_event=counter.on_event)
    counter.session = session
    try:
        session.start()
        for turn in golden.turns:
            if turn.action == "language":
                counter.t = translator_for(str(turn.value))
            if turn.action != "start":
                apply(session, turn)
        who = bundle.manifest.who_is_answering
        stats.adviser = who is not None and session.answers.get(who) == "adviser"
    finally:
        session.close()
    return stats


def median(values: Iterable[float]) -> float:
    """The median, or 0 for no values."""
    values = list(values)
    return float(statistics.median(values)) if values else 0.0


def table(rows: Sequence[JourneyStats]) -> str:
    """A Markdown table, one row per conversation, then the medians."""
    header = (
        "| conversation | screens | questions | information | longest run | words "
        "| with choices | minutes |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    lines = [header]
    for row in rows:
        name = Path(row.name).stem + (" (adviser)" if row.adviser else "")
        lines.append(
            f"| {name} | {row.screens} | {row.questions} | {row.information} | "
            f"{row.longest_run} | {row.words:,} | {row.all_words:,} | {row.minutes:.0f} |"
        )
    if rows:
        lines.append(
            f"| **median** | {median(r.screens for r in rows):g} | "
            f"{median(r.questions for r in rows):g} | {median(r.information for r in rows):g} | "
            f"{median(r.longest_run for r in rows):g} | {median(r.words for r in rows):,.0f} | "
            f"{median(r.all_words for r in rows):,.0f} | "
            f"{median(r.minutes for r in rows):.0f} |"
        )
    return "\n".join(lines)


def over_budget(rows: Sequence[JourneyStats], budgets: Budgets = BUDGETS) -> list[str]:
    """Every budget the conversations break, in words; empty when all hold."""
    problems: list[str] = []
    check: list[tuple[bool, str]] = [
        (
            median(r.screens for r in rows) > budgets.median_screens,
            f"median screens {median(r.screens for r in rows):g} > {budgets.median_screens}",
        ),
        (
            median(r.words for r in rows) > budgets.median_words,
            f"median words {median(r.words for r in rows):,.0f} > {budgets.median_words:,}",
        ),
    ]
    problems += [message for broken, message in check if broken]
    for row in rows:
        name = Path(row.name).stem
        limit = budgets.adviser_screens if row.adviser else budgets.most_screens
        if row.screens > limit:
            problems.append(f"{name}: {row.screens} screens > {limit}")
        if row.longest_run > budgets.longest_information_run:
            problems.append(
                f"{name}: {row.longest_run} information screens in a row "
                f"> {budgets.longest_information_run}"
            )
    return problems


def measure_all(
    goldens: Iterable[Golden], load: BundleLoader, bundle: str | None = None
) -> list[JourneyStats]:
    """Measure every golden conversation (of one bundle, if given)."""
    return [measure(g, load) for g in goldens if bundle is None or g.bundle == bundle]
