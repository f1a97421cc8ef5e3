"""The advisers file ``support-plan serve`` signs people in with.

The administrator keeps one file, readable only by the service, one adviser a line::

    # name:organisation:password hash
    asha:north-helpline:scrypt$16384$8$1$<salt hex>$<hash hex>

``support-plan serve --add-adviser NAME --organisation ORG --advisers FILE`` adds a line
(the password is typed twice, never shown or stored as typed). Passwords are checked with
scrypt and a constant-time comparison; an unknown name costs the same as a wrong password,
so the time taken does not tell which names exist. A bad line is reported as file:line.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path

#: scrypt costs for new passwords: 16 MiB and about 50 ms, once per sign-in.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")
_ORG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class AccountsError(Exception):
    """The advisers file cannot be used; the message names file:line and the fix."""


@dataclass(frozen=True)
class Adviser:
    """A signed-in (or signing-in) adviser: who, for which organisation."""

    name: str
    organisation: str


@dataclass(frozen=True)
class _Entry:
    adviser: Adviser
    hashed: str


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` for the advisers file."""
    salt = os.urandom(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 2**20, dklen=32
    )


def _matches(password: str, hashed: str) -> bool:
    name, n, r, p, salt, digest = hashed.split("$")
    if name != "scrypt":
        return False
    found = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
    return hmac.compare_digest(found, bytes.fromhex(digest))


class Accounts:
    """The advisers file, read once when the server starts (restart it to change advisers)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, _Entry] = {}
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise AccountsError(
                f"{path}: cannot be read ({error.strerror}). Make it with "
                f"'support-plan serve --add-adviser NAME --organisation ORG --advisers {path}'."
            ) from None
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                entry = _parse(line.strip(), f"{path}:{number}")
                self._entries[entry.adviser.name] = entry
        if not self._entries:
            raise AccountsError(f"{path}: names no advisers. Add one with --add-adviser.")
        self._decoy = next(iter(self._entries.values())).hashed

    def __len__(self) -> int:
        return len(self._entries)

    def first_of_each_organisation(self) -> list[Adviser]:
        """One adviser per organisation (to open the store as, before serving)."""
        firsts: dict[str, Adviser] = {}
        for entry in self._entries.values():
            firsts.setdefault(entry.adviser.organisation, entry.adviser)
        return list(firsts.values())

    def check(self, name: str, password: str) -> Adviser | None:
        """The adviser, if the name and password match; None otherwise (same cost either way)."""
        entry = self._entries.get(name)
        good = _matches(password, entry.hashed if entry else self._decoy)
        return entry.adviser if entry is not None and good else None


def _parse(line: str, where: str) -> _Entry:
    parts = line.split(":")
    if len(parts) != 3:
        raise AccountsError(
            f"{where}: expected name:organisation:password-hash; make lines with --add-adviser."
        )
    name, org, hashed = parts
    if not _NAME.fullmatch(name):
        raise AccountsError(
            f"{where}: the name {name[:64]!r} may use letters, digits and . _ @ - only."
        )
    if not _ORG.fullmatch(org):
        raise AccountsError(
            f"{where}: the organisation {org[:64]!r} may use letters, digits and . _ - only."
        )
    if not re.fullmatch(r"scrypt\$\d+\$\d+\$\d+\$[0-9a-f]{32}\$[0-9a-f]{64}", hashed):
        raise AccountsError(f"{where}: the password hash is not one --add-adviser made.")
    return _Entry(Adviser(name, org), hashed)


def add_adviser(path: Path, name: str, organisation: str, password: str) -> None:
    """Add (or replace) one adviser's line; the file is made 0600 if it is new."""
    if not _NAME.fullmatch(name):
        raise AccountsError(f"the name {name[:64]!r} may use letters, digits and . _ @ - only.")
    if not _ORG.fullmatch(organisation):
        raise AccountsError(
            f"the organisation {organisation[:64]!r} may use letters, digits and . _ - only."
        )
    if len(password) < 12:
        raise AccountsError("choose a password of at least 12 characters.")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if line.split(":", 1)[0] != name]
    kept.append(f"{name}:{organisation}:{hash_password(password)}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(kept) + "\n")
