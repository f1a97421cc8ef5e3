"""Reading one JSON-lines input safely: what it asks for, or why it cannot be used.

Lines come from other programs, which may send anything: JSON nested a hundred thousand
deep, numbers thousands of digits long, objects where an answer should be, lone
surrogates in escapes. Each is refused with a message saying what was wrong and what to
send instead; none reaches the engine or raises. The refused text is never repeated in the
message (errors never contain answers).
"""

from __future__ import annotations

import json
import math
from typing import Any

from assistant.plain.lineio import readable
from assistant.values import N_

#: Deepest nesting of brackets accepted. An answer is at most a list of choices (depth 2
#: inside the line's object); the limit is checked before parsing, so deep input costs
#: nothing and never reaches Python's recursion limit.
MAX_DEPTH = 8


class Refused(Exception):
    """A JSON line that cannot be used; ``msgid`` says why and what to send instead."""

    def __init__(self, msgid: str) -> None:
        super().__init__(msgid)
        self.msgid = msgid


class Request:
    """What a JSON line asks for: a ``command`` (with its ``argument``) or an ``answer``.

    ``replaced`` is true when text in it was not readable and became U+FFFD.
    """

    __slots__ = ("answer", "argument", "command", "replaced")

    def __init__(
        self,
        *,
        command: str | None = None,
        argument: str = "",
        answer: Any = None,
        replaced: bool = False,
    ) -> None:
        self.command = command
        self.argument = argument
        self.answer = answer
        self.replaced = replaced


def parse_request(line: str) -> Request:
    """The request in one JSON line; raises :class:`Refused` when it cannot be used."""
    data = _object(line)
    if "command" in data:
        command = data["command"]
        if not isinstance(command, str):
            raise Refused(_UNKNOWN_COMMAND)
        argument = data.get("step", "")
        if not isinstance(argument, str | int) or isinstance(argument, bool):
            raise Refused(
                N_('"step" must be a step id or an answer number, for example "welcome.age" or 2.')
            )
        text, replaced = readable(f"{command}\n{argument}")
        command, _, argument = text.partition("\n")
        return Request(command=command, argument=argument, replaced=replaced)
    if "answer" not in data:
        raise Refused(_NOT_AN_OBJECT)
    answer, replaced = _clean_answer(data["answer"])
    return Request(answer=answer, replaced=replaced)


def _object(line: str) -> dict[str, Any]:
    """The line's JSON object; raises :class:`Refused` for anything else (deep nesting, a
    field given twice, numbers JSON or Python cannot hold, not JSON, not an object)."""
    if _too_deep(line):
        raise Refused(
            N_(
                'That line is nested too deeply to be an answer. Send an answer as plain text, or as {"answer": ...}.'
            )
        )
    try:
        data = json.loads(line, parse_constant=_no_constant, object_pairs_hook=_once_each)
    except _GivenTwice:
        raise Refused(_GIVEN_TWICE) from None
    except ValueError as error:  # JSONDecodeError, a number too long, NaN or Infinity
        raise Refused(_why_not_json(error)) from None
    except RecursionError:  # cannot happen below MAX_DEPTH; kept as a last guard
        raise Refused(N_("That line is nested too deeply to be an answer.")) from None
    if not isinstance(data, dict):
        raise Refused(_NOT_AN_OBJECT)
    return data


_NOT_AN_OBJECT = N_(
    'A JSON line must be an object with "answer" or "command", for example {"answer": "yes"} or {"command": "back"}.'
)
_UNKNOWN_COMMAND = N_(
    "Unknown command. Use back, why, more, review, change, repeat, save, plan, quit or help now."
)
#: Shown when the command is not one of :data:`COMMANDS` (see the console).
UNKNOWN_COMMAND = _UNKNOWN_COMMAND


def json_safe(line: str) -> str:
    """A JSON line with U+2028 and U+2029 written as escapes.

    Both may stand in a JSON string as they are, but many readers end a line at them
    (Python's ``str.splitlines``, JavaScript before 2019), cutting an event holding such an
    answer in two. They can only be inside strings, where the escape means the same.
    """
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _too_deep(line: str) -> bool:
    """True if brackets outside strings nest deeper than :data:`MAX_DEPTH`.

    Most lines have few brackets, so the count alone usually settles it.
    """
    if line.count("[") + line.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    in_string = escaped = False
    for char in line:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


_GIVEN_TWICE = N_(
    'That line gives the same field twice, so it is not clear which is meant. Send each field once, for example {"answer": "yes"}.'
)


class _GivenTwice(Exception):
    """A JSON object names one field twice (JSON would silently keep the last)."""


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _GivenTwice
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _why_not_json(error: ValueError) -> str:
    text = str(error)
    if "digits" in text:  # Python's limit on converting long integers
        return N_("That number is far too long to be an answer. Send a shorter number.")
    if "is not a number" in text:
        return N_("NaN and Infinity are not numbers that can be answers. Send a number.")
    return N_('That line is not valid JSON. Send an answer as plain text, or as {"answer": ...}.')


def _clean_answer(answer: Any) -> tuple[Any, bool]:
    """The answer if it is a kind an answer can be, with unreadable text replaced."""
    if isinstance(answer, str):
        return readable(answer)
    if answer is None or isinstance(answer, bool | int):
        return answer, False
    if isinstance(answer, float):
        if not math.isfinite(answer):
            raise Refused(N_("That number is too large. Send a smaller number."))
        return answer, False
    if isinstance(answer, list) and all(
        isinstance(item, str | int) and not isinstance(item, bool) for item in answer
    ):
        cleaned = [readable(item) if isinstance(item, str) else (item, False) for item in answer]
        return [item for item, _ in cleaned], any(changed for _, changed in cleaned)
    raise Refused(
        N_(
            'An answer must be text, a number, true or false, or a list of choices such as ["1", "3"].'
        )
    )
