"""``support-plan serve``: serve the app to advisers' browsers, or add an adviser.

    support-plan serve --advisers /etc/support-plan/advisers --store postgresql://...
    support-plan serve --advisers FILE --add-adviser asha --organisation north

Before serving, the store is opened once for each organisation in the advisers file, so
a wrong address or a missing key is told at start, in one line, not to the first adviser.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.startup import command_translator
from assistant.store.base import fill
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.i18n import Translator

ADVISERS_VARIABLE = "SUPPORT_PLAN_ADVISERS"


def add_parser(subparsers: Any) -> None:
    """Register ``serve``."""
    parser = subparsers.add_parser(
        "serve",
        help=N_("serve the app to advisers' browsers, behind sign-in"),
        description=N_(
            "Serve the full-screen app to advisers' browsers (one app process per browser), behind sign-in with the advisers file."
        ),
    )
    parser.add_argument(
        "--advisers",
        metavar="FILE",
        help=N_(
            "the advisers file: name, organisation and password hash (or set SUPPORT_PLAN_ADVISERS)"
        ),
    )
    parser.add_argument(
        "--store", metavar="URL", help=N_("where cases are saved (or set SUPPORT_PLAN_STORE)")
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help=N_("address to listen on (default 127.0.0.1)")
    )
    parser.add_argument(
        "--port", type=int, default=8000, help=N_("port to listen on (default 8000)")
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help=N_(
            "the address advisers open, e.g. https://helpline.example.org (behind a reverse proxy)"
        ),
    )
    parser.add_argument("--flow", metavar="NAME_OR_PATH", help=N_("conversation to run"))
    parser.add_argument(
        "--add-adviser", metavar="NAME", help=N_("add an adviser to the advisers file, then stop")
    )
    parser.add_argument(
        "--organisation", metavar="ORG", help=N_("with --add-adviser: the adviser's organisation")
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        help=N_(
            "language of these messages, and of the sign-in page when the browser asks for none we have: en_GB, cy or pl"
        ),
    )
    parser.set_defaults(handler=run)


def _say(t: Translator, msgid: str, **params: str) -> str:
    """A message of this command in the language of ``t``."""
    return fill(t.gettext(msgid), params)


def _problem(text: str) -> int:
    print(f"support-plan serve: {text}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    """Add an adviser, or check the store and serve until stopped."""
    from assistant.serve.accounts import (
        Accounts,
        AccountsError,
    )  # only serving needs these (start-up budget)

    t = command_translator(getattr(args, "lang", None))
    if t is None:  # a language we do not ship: said already
        return 2
    chosen = args.advisers or os.environ.get(ADVISERS_VARIABLE)
    if not chosen:
        return _problem(
            _say(
                t,
                N_(
                    "say where the advisers file is: --advisers FILE (or set SUPPORT_PLAN_ADVISERS)."
                ),
            )
        )
    path = Path(chosen)
    if args.add_adviser:
        return _add(t, path, args.add_adviser, args.organisation)
    try:
        accounts = Accounts(path)
    except AccountsError as error:
        return _problem(str(error))  # names file:line, for the administrator (in English)
    store = args.store or os.environ.get("SUPPORT_PLAN_STORE")
    if not store:
        return _problem(
            _say(
                t,
                N_(
                    "say where cases are saved: --store postgresql://... (or set SUPPORT_PLAN_STORE)."
                ),
            )
        )
    problem = _check_store(t, store, accounts)
    if problem:
        return _problem(problem)
    return _serve(args, accounts, store, t.locale)


def _add(t: Translator, path: Path, name: str, organisation: str | None) -> int:
    from assistant.serve.accounts import (
        AccountsError,
        add_adviser,
    )  # only --add-adviser needs these

    if not organisation:
        return _problem(_say(t, N_("--add-adviser needs --organisation ORG.")))
    if sys.stdin.isatty():
        import getpass  # only at a terminal

        password = getpass.getpass(_say(t, N_("Password for {name}: "), name=name))
        if getpass.getpass(_say(t, N_("Type it again: "))) != password:
            return _problem(
                _say(t, N_("the two passwords were not the same; nothing was changed."))
            )
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        add_adviser(path, name, organisation, password)
    except (AccountsError, OSError) as error:
        return _problem(str(error))
    print(
        _say(
            t,
            N_("Added {name} of {organisation} to {path}."),
            name=name,
            organisation=organisation,
            path=str(path),
        )
    )
    return 0


def _check_store(t: Translator, store: str, accounts: Any) -> str | None:
    """Open the store once per organisation: a bad address or a missing key, told now."""
    from assistant.store import (
        StoreError,
        open_store,
    )  # only this check needs the store (start-up budget)

    saved = {k: os.environ.get(k) for k in ("SUPPORT_PLAN_ORGANISATION", "SUPPORT_PLAN_ADVISER")}
    try:
        for adviser in accounts.first_of_each_organisation():
            os.environ["SUPPORT_PLAN_ORGANISATION"] = adviser.organisation
            os.environ["SUPPORT_PLAN_ADVISER"] = adviser.name
            try:
                open_store(store).close()
            except StoreError as error:
                return error.text(t)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return None


def _serve(args: argparse.Namespace, accounts: Any, store: str, locale: str) -> int:
    from assistant.serve.server import (
        HelplineServer,
    )  # textual-serve and aiohttp load only to serve

    command = [sys.executable, "-m", "assistant", "--adviser", "--save"]
    if args.flow:
        command += ["--flow", args.flow]
    server = HelplineServer(
        shlex.join(command),
        accounts,
        environment={"SUPPORT_PLAN_STORE": store},
        locale=locale,
        host=args.host,
        port=args.port,
        title="Support Plan Assistant",
        public_url=args.public_url,
    )
    server.serve()
    return 0
