"""Saving's questions asked on the terminal, line by line (or answered for a program).

:class:`LineDialogue` is the line front ends' :class:`assistant.saving.SavingDialogue`.
The full-screen app uses it too, on the terminal before it takes the screen, so this
module stays light: no engine, no store.

When nobody is at a terminal (a pipe, or a program driving JSON lines), nothing is asked:
saving goes ahead (so the end of input can say how to come back), and a passphrase comes
from ``SUPPORT_PLAN_PASSPHRASE`` or not at all.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from assistant.plain.lineio import LineIO, read_line
from assistant.saving import PASSPHRASE_TRIES, PASSPHRASE_VARIABLE
from assistant.values import N_, printable

if TYPE_CHECKING:
    from assistant.engine.outputs import Msg
    from assistant.i18n import Translator

#: How many times a yes-or-no question is asked before an unclear answer counts as no.
QUESTION_TRIES = 3


def read_secret(prompt: str) -> str:
    """Read a passphrase without showing it (replaced in tests)."""
    import getpass  # only when a passphrase is typed: most starts never ask for one

    return getpass.getpass(prompt)


class LineDialogue:
    """Asks about saving and says what happens, in the person's language, as text or JSON."""

    def __init__(self, io: LineIO, t: Translator, *, json_mode: bool = False) -> None:
        self.io = io
        self.t = t
        self.json_mode = json_mode
        #: Whether a person is at a terminal to answer (never in JSON mode).
        self.interactive = bool(io.prompt) and not json_mode
        self._scripted = None if self.interactive else os.environ.get(PASSPHRASE_VARIABLE)

    # -- telling ---------------------------------------------------------------------
    def tell(self, msgid: str, event: str = "message", **params: str | Msg) -> None:
        """One message; JSON mode adds its parameters (e.g. the reference) as fields."""
        texts = {name: self._text(value) for name, value in params.items()}
        text = self.t.gettext(msgid).format(**texts) if texts else self.t.gettext(msgid)
        if self.json_mode:
            import json  # only for programs reading JSON lines

            from assistant.plain.jsonlines import json_safe

            text = json_safe(
                json.dumps({"event": event, "message": text, **texts}, ensure_ascii=False)
            )
        else:
            text = self.io.fitted(printable(text))
        self.io.stdout.write(text + "\n")
        self.io.stdout.flush()

    def problem(self, message: Msg, then: str | None = None) -> None:
        """A problem on standard error, ``support-plan: ...``, in the person's language."""
        text = self.t.render(message) + (" " + self.t.gettext(then) if then else "")
        text = printable(text)  # it may name a colleague or case from a shared store
        errors = self.io.stderr or sys.stderr
        print(f"support-plan: {text}", file=errors, flush=True)

    def _text(self, value: str | Msg) -> str:
        return value if isinstance(value, str) else self.t.render(value)

    # -- asking ----------------------------------------------------------------------
    def consents(self) -> bool:
        if not self.interactive:
            return True  # a program or a pipe: save, so the end of input can say how to come back
        return bool(
            self._yes_no(
                N_(
                    "Can we save your answers on this computer so you can stop and come back? Type yes to save as you go, or no to save nothing (you can still go all the way through)."
                )
            )
        )

    def passphrase(self, location: str, attempt: int) -> str | None:
        if not self.interactive:
            if self._scripted is None:
                self._problem_text(
                    N_(
                        "The saved conversations in {path} are protected by a passphrase. Run the assistant in a terminal to type it, or set {variable}."
                    ),
                    path=location,
                    variable=PASSPHRASE_VARIABLE,
                )
            return self._scripted if attempt == 1 else None
        try:
            return read_secret(self.t.gettext(N_("Passphrase: ")))
        except EOFError:
            return None

    def wants_protection(self, first_use: bool) -> bool:
        if self._scripted is not None:
            return True
        if not first_use or not self.interactive:
            return False
        return bool(
            self._yes_no(
                N_(
                    "Is this computer shared with other people? You can protect your saved answers with a passphrase; you will need it to come back, and it cannot be recovered if you forget it. Type yes to choose a passphrase, or no."
                )
            )
        )

    def new_passphrase(self) -> str | None:
        if self._scripted is not None:
            return self._scripted
        for _ in range(PASSPHRASE_TRIES):
            try:
                first = read_secret(self.t.gettext(N_("Choose a passphrase: ")))
                second = read_secret(self.t.gettext(N_("Type it again: ")))
            except EOFError:
                return None
            if first and first == second:
                self.tell(N_("Your answers will be protected by your passphrase."))
                return first
            self.tell(N_("The two passphrases were not the same, or were empty. Please try again."))
        return None

    def _problem_text(self, msgid: str, **params: str) -> None:
        from assistant.engine.outputs import Msg  # only when something went wrong

        self.problem(Msg(msgid, None, params))

    def _yes_no(self, msgid: str) -> bool | None:
        """Ask until yes or no (three tries); None at end of input or if still unclear.

        Help now works here as at every step: it is given, costs no try, and the question
        is asked again.
        """
        yes = {"y", "yes", self.t.gettext(N_("yes")).lower()}
        no = {"n", "no", self.t.gettext(N_("no")).lower()}
        help_now = {"help now", *self.t.gettext(N_("help now")).lower().split("|")}
        tries = 0
        while tries < QUESTION_TRIES:
            self.tell(msgid)
            if self.interactive:
                self.io.stdout.write("> ")
                self.io.stdout.flush()
            line = read_line(self.io.stdin)  # limited in length; unreadable input ends it
            if line is None:
                return None
            word = line.text.strip().lower().rstrip(".!")
            if word in yes or word in no:
                return word in yes
            if word in {w.strip() for w in help_now}:
                self._help_now()
                continue
            tries += 1
            self.tell(N_("Please type yes or no."))
        return None

    def _help_now(self) -> None:
        """The crisis and safeguarding contacts, as the conversation shows them."""
        # Only when asked for: the contacts' file and the layout are not part of every start.
        from assistant.plain import text_layout
        from assistant.plain.render import help_now

        text = text_layout.help_now(help_now(self.t), self.t)
        self.io.stdout.write(self.io.fitted(text) + "\n")
        self.io.stdout.flush()
