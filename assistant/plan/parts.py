"""Reading a session for the plan: answers on the path, explanations shown, their sources.

Only answers on the person's current path count: an answer left behind on a branch they
went back from must never appear in their plan. "I'd rather not say" answers are left out
(the person chose not to say), and adviser-only questions appear only in the adviser's copy.
Words that brought a crisis reply are left out too, unless the person chose to keep them
(:func:`assistant.engine.crisis.words_left_out`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from assistant.engine import views
from assistant.engine.crisis import words_left_out
from assistant.engine.outputs import Msg, ReviewItem
from assistant.engine.session import Session
from assistant.flow import model
from assistant.i18n import Translator
from assistant.plain.render import citation
from assistant.plan.model import AnswerRow, Item, Quote, SourceRef
from assistant.values import N_, Special, Value, encode


@dataclass
class Reader:
    """A session seen through one translator, with the answers that are on its path."""

    session: Session
    t: Translator
    adviser: bool = False
    answers: dict[str, Value] = field(init=False)
    left_out: frozenset[str] = field(init=False)
    _review: list[ReviewItem] = field(init=False)

    def __post_init__(self) -> None:
        # Questions an adviser jumped over are in the plan as "not asked yet" (see rows).
        self._review = self.session.review(not_asked=True, aside=False)
        self.answers = {item.step: item.value for item in self._review if item.asked}
        self.left_out = words_left_out(self.session) & set(self.answers)

    @property
    def modules(self) -> tuple[str, ...]:
        """The bundle's modules in conversation order."""
        return self.session.bundle.manifest.modules

    def module_of(self, key: str) -> str:
        """The module a step key belongs to."""
        return key.split(".", 1)[0]

    def render(self, key: str, text: str | None) -> str:
        """A flow text of step ``key`` in the reader's language, placeholders filled."""
        return self.t.render(views.message(self.session, key, text))

    def answer_text(self, key: str, value: Value) -> str:
        """An answer as the person would read it (choice labels, money, yes/no).

        Several choices are joined with semicolons: labels such as "A new illness or
        disability, or a fall" already contain commas and "or", so "a, b and c" misleads.
        """
        shown = views.answer_param(self.session, key, value)
        if isinstance(shown, tuple):
            return "; ".join(self.t.value(item) for item in shown)
        return self.t.value(shown)

    def reviewed(self, module: str) -> Iterator[ReviewItem]:
        """Answered questions of ``module`` on the path, minus declined and hidden ones."""
        for item in self._review:
            if self.module_of(item.step) != module or item.value is Special.DECLINED:
                continue
            if not item.asked:
                continue
            if item.step in self.left_out:
                continue
            if item.adviser_only and not self.adviser:
                continue
            yield item

    def visible(self, key: str) -> ReviewItem | None:
        """The answer at step ``key`` if the plan may show it (see :meth:`reviewed`)."""
        for item in self.reviewed(self.module_of(key)):
            if item.step == key:
                return item
        return None

    def labelled(
        self, labels: dict[str, str], quiet: Mapping[str, tuple[object, ...]] | None = None
    ) -> list[AnswerRow]:
        """Rows for the answers named in ``labels`` (step key: the plan's label), in order.

        ``quiet`` names answers to leave out, by step key ("no", "none of these").
        """
        rows = []
        for key, label in labels.items():
            item = self.visible(key)
            if item is not None and item.value not in (quiet or {}).get(key, ()):
                answer = self.answer_text(key, item.value)
                rows.append(AnswerRow(key, self.t.gettext(label), answer, encode(item.value)))
            elif key in self.not_asked:  # an adviser jumped over it: say so, never guess
                rows.append(AnswerRow(key, self.t.gettext(label), self.not_asked_text, None))
        return rows

    @property
    def not_asked(self) -> set[str]:
        """Questions an adviser jumped over that have no answer yet (shown, not guessed)."""
        return {item.step for item in self._review if not item.asked}

    @property
    def not_asked_text(self) -> str:
        """What the plan says for a question not asked yet."""
        return self.t.gettext(N_("Not asked yet"))

    def own_words(self, labels: dict[str, str]) -> list[Quote]:
        """The person's free-text answers named in ``labels``, under the plan's labels."""
        quotes = []
        for key, label in labels.items():
            item = self.visible(key)
            if item is not None and isinstance(item.value, str) and item.value:
                quotes.append(Quote(key, self.t.gettext(label), item.value))
        return quotes

    def rows(self, module: str, skip: frozenset[str] = frozenset()) -> list[AnswerRow]:
        """Question-and-answer rows for a module the plan has no labels for (``skip``: keys).
        A question an adviser jumped over says "Not asked yet" (its value is null)."""
        shown = {item.step for item in self.reviewed(module)}
        return [
            AnswerRow(
                item.step,
                self.t.render(item.question),
                self.answer_text(item.step, item.value) if item.asked else self.not_asked_text,
                encode(item.value) if item.asked else None,
            )
            for item in self._review
            if item.step not in skip
            and (item.step in shown or (not item.asked and self.module_of(item.step) == module))
            and (self.adviser or not item.adviser_only)
        ]

    def quotes(self, module: str) -> list[Quote]:
        """Free-text answers of ``module`` in the person's own words."""
        return [
            Quote(item.step, self.t.render(item.question), str(item.value))
            for item in self.reviewed(module)
            if item.answer_type == "text" and isinstance(item.value, str) and item.value
        ]

    def explanations(
        self,
        module: str,
        *,
        also: tuple[str, ...] = (),
        section: str | None = None,
        after: str | None = None,
    ) -> list[Item]:
        """Cited explanations of ``module`` the person was shown, as items with sources.

        ``also`` names uncited steps to keep too; ``section`` keeps one flow section only;
        ``after`` keeps only those shown after that step key.
        """
        items: list[Item] = []
        for key in self.shown_says(after):
            info = self.session.bundle.steps[key]
            step = info.step
            assert isinstance(step, model.Say)
            step_id = key.split(".", 1)[1]
            if self.module_of(key) != module or not (step.cite or step_id in also):
                continue
            if section is not None and info.section != f"{module}.{section}":
                continue
            item = Item(
                step_id,
                self.render(key, step.title),
                self.render(key, step.more or step.text),  # the full text, when there is one
                self.sources(step.cite),
            )
            if items and _continues(items[-1], item):
                items[-1] = _merged(items[-1], item)
            else:
                items.append(item)
        return items

    def shown_says(self, after: str | None = None) -> list[str]:
        """Keys of the explanations on the path (after step ``after``), once each, in order."""
        path = self.session.path
        if after is not None:
            path = path[len(path) - path[::-1].index(after) :] if after in path else []
        seen: list[str] = []
        for key in path:
            info = self.session.bundle.steps[key]
            if isinstance(info.step, model.Say) and key not in seen:
                if info.step.adviser_only and not self.adviser:
                    continue
                seen.append(key)
        return seen

    def last_question(self, module: str) -> str | None:
        """The last question of ``module`` on the path: what comes after it are conclusions."""
        asks = [
            key
            for key in self.session.path
            if self.module_of(key) == module
            and isinstance(self.session.bundle.steps[key].step, model.Ask)
        ]
        return asks[-1] if asks else None

    def sources(self, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
        """Citations as references: readable text, address, and whether confirmed."""
        refs = []
        for source_id in ids:
            source = self.session.bundle.sources.get(source_id)
            refs.append(
                SourceRef(
                    source_id,
                    citation(self.session.bundle, source_id, self.t),
                    source.url if source else None,
                    source.confirmed if source else False,
                    short_citation(
                        source.title if source else source_id,
                        self.t.pgettext("source", source.part) if source and source.part else "",
                    ),
                )
            )
        return tuple(refs)

    def gettext(self, msgid: str, **params: object) -> str:
        """One of the plan's own texts, translated, with parameters filled in."""
        return self.t.render(Msg(msgid, None, params))


#: Where a source's part stops being a reference and starts describing it.
_PART_END = re.compile(r" \(|;|,|:")


def holds_direct_payment(reader: Reader) -> bool:
    """They said they have a direct payment already (not only that they may want one)."""
    has = reader.answers.get("getting_started.has")
    return isinstance(has, tuple) and "direct_payment" in has


def short_citation(title: str, part: str) -> str:
    """A citation short enough for a list: "Care Act 2014, section 9".

    The title up to its first ";", then the part up to its first bracket or punctuation
    ("section 9 (assessment of ...)" gives "section 9"), unless what is left of the part
    is a description rather than a reference (over 30 characters), which is dropped. A
    statutory instrument's number "(SI 2015/313)" is left to the full citation.
    """
    head = re.sub(r" \(SI [^)]*\)", "", title.split(";")[0]).strip()
    if ";" in title or not part:
        return head
    reference = _PART_END.split(part, maxsplit=1)[0].strip()
    return f"{head}, {reference}" if reference and len(reference) <= 30 else head


def _continues(first: Item, then: Item) -> bool:
    """An explanation split over two pages: "Savings limits", "Savings limits (continued)".

    The title alone is not enough: "A direct payment through an authorised person" starts
    with "A direct payment" but is another right, from another section of the Act. A page
    that continues another also shares at least one of its sources.
    """
    shared = {s.id for s in first.sources} & {s.id for s in then.sources}
    return bool(first.title and shared) and then.title.startswith(first.title)


def _merged(first: Item, then: Item) -> Item:
    """One item from a page and its continuation, each source listed once."""
    sources = first.sources + tuple(s for s in then.sources if s not in first.sources)
    return Item(first.id, first.title, f"{first.text} {then.text}", sources)
