"""A Babel extractor for flow YAML, so conversations are translated with the same tools as code.

Registered in ``[tool.babel]`` of pyproject.toml and run by ``make catalogs`` with
``pybabel extract -F pyproject.toml``. Each text is yielded as ``pgettext`` with the context
the engine uses at run time, so the same English in two steps can be translated differently:

* step texts, choice labels and choice help: ``module.step``
* section titles and module titles: ``module.section``
* the parts of cited sources (``section 9 (...)``): ``source``
* the Help now content (``flows/safety/help_now.yaml``): ``help_now``
* a bundle's title: no context

Translator comments name the step and say where the text is shown; a step's ``note`` is
passed on to translators too. Files of any other shape (e.g. money rate tables, the crisis
phrase lists) yield nothing. A file that is not valid YAML stops extraction with its
file:line, because a silently skipped file would leave a conversation untranslated.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any, cast

from babel.messages.extract import extract_python as babel_python

from assistant.flow.positions import Path, Positions
from assistant.flow.yamlpos import parse

#: (line, funcname, message(s), translator comments): what Babel expects from an extractor.
Extracted = tuple[int, str | None, str | tuple[str, str], list[str]]

#: Where each step text is shown, for the translator comments.
STEP_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "say": (
        ("title", "the heading of an explanation"),
        ("text", "an explanation"),
        ("more", "the full explanation, shown on request ('Tell me more') and in the plan"),
    ),
    "ask": (
        ("text", "the question"),
        ("more", "more about the question, shown on request ('Tell me more')"),
        ("unit", "the unit after a number answer"),
    ),
    "end": (("text", "the closing words at the end of the conversation"),),
}
WHY = "the 'Why we ask' text under the step"
HELP_NOW_FIELDS = {
    "title": "the heading of the Help now screen",
    "intro": "the first paragraph of the Help now screen",
}
CONTACT_FIELDS = {
    "name": "the name of a contact",
    "how": "how to reach the contact",
    "when": "when to use the contact",
}
SAFEGUARDING_FIELDS = {
    "title": "the safeguarding heading",
    "text": "how to report abuse or neglect",
    "why": "why councils must act",
}


class ExtractionError(Exception):
    """A flow file that cannot be read; the message names file:line and the fix."""


def extract_flow_yaml(
    fileobj: IO[bytes],
    keywords: Sequence[str] | Mapping[str, Any],
    comment_tags: Sequence[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extractor entry point: every translatable text in one flow YAML file."""
    del keywords, comment_tags  # flow files have no function calls or code comments
    name = str(getattr(fileobj, "name", "<flow>"))
    encoding = str(options.get("encoding", "utf-8"))
    data, positions, problems = parse(fileobj.read().decode(encoding), name)
    if problems:
        raise ExtractionError("\n".join(str(p) for p in problems))
    if not isinstance(data, dict):
        return
    yield from _texts(data, _Where(positions), _stem(name))


class _Where:
    """Line numbers of values in the parsed file."""

    def __init__(self, positions: Positions) -> None:
        self.positions = positions

    def line(self, path: Path) -> int:
        return self.positions.of(path)[0]


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0]


def _texts(data: dict[str, Any], where: _Where, stem: str) -> Iterator[Extracted]:
    """Pick the extraction by the file's shape: module, manifest, help content or sources."""
    if "steps" in data and "flow" in data:
        yield from _module(data, where, str(data.get("flow") or stem))
    elif "modules" in data and "id" in data:
        yield from _manifest(data, where)
    elif "contacts" in data and "safeguarding" in data:
        yield from _help_now(data, where)
    if isinstance(data.get("sources"), dict):
        yield from _sources(data["sources"], where)


def _text(value: Any, line: int, context: str | None, comments: list[str]) -> Iterator[Extracted]:
    """One message, skipping empty or non-text values (the flow checker reports those)."""
    if not isinstance(value, str) or not value.strip():
        return
    if "{" in value:
        comments = [
            *comments,
            "Keep each {name} exactly as it is: it is replaced by an answer or a number.",
        ]
    if context is None:
        yield line, None, value, comments
    else:
        yield line, "pgettext", (context, value), comments


def _manifest(data: dict[str, Any], where: _Where) -> Iterator[Extracted]:
    comment = (
        f"The title of the conversation '{data.get('id')}', shown at the start and on the plan."
    )
    yield from _text(data.get("title"), where.line(("title",)), None, [comment])


def _module(data: dict[str, Any], where: _Where, flow: str) -> Iterator[Extracted]:
    context = f"{flow}.section"
    shown = f"Module {flow}: the title, shown as the section name in the progress line."
    yield from _text(data.get("title"), where.line(("title",)), context, [shown])
    for index, section in enumerate(_items(data.get("sections"))):
        shown = (
            f"Module {flow}, section '{section.get('id')}': the section name in the progress line."
        )
        line = where.line(("sections", index, "title"))
        yield from _text(section.get("title"), line, context, [shown])
    for index, step in enumerate(_items(data.get("steps"))):
        yield from _step(step, where, flow, ("steps", index))


def _items(value: Any) -> Iterator[dict[str, Any]]:
    """The mappings in a list; anything else is left for the flow checker to report."""
    if isinstance(value, list):
        yield from (item if isinstance(item, dict) else {} for item in value)


def _step(step: dict[str, Any], where: _Where, flow: str, path: Path) -> Iterator[Extracted]:
    key = f"{flow}.{step.get('id')}"
    kind = str(step.get("kind"))
    note = [f"Note: {line}" for line in str(step.get("note") or "").splitlines() if line.strip()]

    def comments(shown: str) -> list[str]:
        return [f"Step {key} ({kind}): {shown}.", *note]

    for field, shown in STEP_FIELDS.get(kind, ()):
        yield from _text(step.get(field), where.line((*path, field)), key, comments(shown))
    for index, choice in enumerate(_items(step.get("choices"))):
        value = choice.get("value")
        at = (*path, "choices", index)
        label = comments(f"the label of the answer '{value}'")
        yield from _text(choice.get("label"), where.line((*at, "label")), key, label)
        extra = comments(f"the help under the answer '{value}'")
        yield from _text(choice.get("help"), where.line((*at, "help")), key, extra)
    yield from _text(step.get("why"), where.line((*path, "why")), key, comments(WHY))


def _help_now(data: dict[str, Any], where: _Where) -> Iterator[Extracted]:
    for field, shown in HELP_NOW_FIELDS.items():
        yield from _text(data.get(field), where.line((field,)), "help_now", [f"Help now: {shown}."])
    for index, contact in enumerate(_items(data.get("contacts"))):
        for field, shown in CONTACT_FIELDS.items():
            line = where.line(("contacts", index, field))
            comment = (
                f"Help now, contact '{contact.get('id')}': {shown}. Keep phone numbers as they are."
            )
            yield from _text(contact.get(field), line, "help_now", [comment])
    guard = data.get("safeguarding")
    if isinstance(guard, dict):
        for field, shown in SAFEGUARDING_FIELDS.items():
            line = where.line(("safeguarding", field))
            yield from _text(guard.get(field), line, "help_now", [f"Help now: {shown}."])
    yield from _crisis_replies(data, where)


def _crisis_replies(data: dict[str, Any], where: _Where) -> Iterator[Extracted]:
    """The crisis replies: each in the person's wording and an adviser's (help_now context)."""
    parts: list[tuple[Path, Any, str]] = [
        (("replies", kind), reply, f"the reply after words that may mean {kind}")
        for kind, reply in (data.get("replies") or {}).items()
    ]
    for name in ("mental_health_team", "words_left_out", "carry_on"):
        parts.append(((name,), data.get(name), f"a line of the crisis reply ({name})"))
    for path, reply, shown in parts:
        if not isinstance(reply, dict):
            continue
        for audience in ("person", "adviser"):
            comment = f"Crisis reply: {shown}, to {'an adviser on a call' if audience == 'adviser' else 'the person'}. Keep phone numbers as they are."
            line = where.line((*path, audience))
            yield from _text(reply.get(audience), line, "help_now", [comment])


def _sources(sources: dict[str, Any], where: _Where) -> Iterator[Extracted]:
    """The part of each cited source; titles are names of laws and documents, never translated."""
    for source_id, source in sources.items():
        if not isinstance(source, dict):
            continue
        comment = (
            f"Source '{source_id}' ({source.get('title')}): the part cited. Keep section, "
            "paragraph and chapter numbers and names of laws in English; translate the "
            "explanation in brackets."
        )
        line = where.line(("sources", source_id, "part"))
        yield from _text(source.get("part"), line, "source", [comment])


def extract_python(
    fileobj: IO[bytes],
    keywords: Sequence[str] | Mapping[str, Any],
    comment_tags: Sequence[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[Any, ...]]:
    """Babel's Python extractor, plus marked strings inside f-strings.

    Before Python 3.12 an f-string is one token, so Babel cannot see ``N_("...")`` inside
    ``f"{t.gettext(N_('Answer:'))}"`` and the string silently stays English. Those calls are
    found here with :mod:`ast`; on 3.12 Babel finds them too and the duplicates merge.
    """
    source = fileobj.read()
    names = set(keywords)
    # Babel's stubs are stricter than its runtime contract, which passes keyword names only.
    yield from babel_python(io.BytesIO(source), cast(Any, names), comment_tags, cast(Any, options))
    try:
        tree = ast.parse(source.decode(str(options.get("encoding", "utf-8"))))
    except SyntaxError:
        return  # Babel's own extractor has already reported what it could
    for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
        for call in (n for n in ast.walk(fstring) if isinstance(n, ast.Call)):
            name = _call_name(call.func)
            if name in names:
                args = tuple(_literal(a) for a in call.args)
                yield call.lineno, name, args, []


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
