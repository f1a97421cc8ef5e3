"""Organisation keys for the PostgreSQL store: where each is kept, made once, and checked.

Answers are sealed in the program with AES-256-GCM under a key per organisation that is
never sent to the database. The key is read from ``SUPPORT_PLAN_KEY`` (base64), else the
file ``SUPPORT_PLAN_KEY_FILE``, else ``<data folder>/keys/<database>.<organisation>.key``.
The first program to open an organisation that the database does not know yet makes a
random key in that file (mode 0600, folder 0700) and records a sealed check value in the
database, so a wrong key is noticed at once; an organisation the database knows never gets
a new key: a missing or wrong one is explained, since without it the answers are lost.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.store.base import StoreError
from assistant.store.crypto import AesGcmSealer
from assistant.values import N_

log = logging.getLogger(__name__)

KEY_VARIABLE = "SUPPORT_PLAN_KEY"
KEY_FILE_VARIABLE = "SUPPORT_PLAN_KEY_FILE"
ORGANISATION_VARIABLE = "SUPPORT_PLAN_ORGANISATION"
ADVISER_VARIABLE = "SUPPORT_PLAN_ADVISER"
DEFAULT_ORGANISATION = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class KeySealer(AesGcmSealer):
    """AES-256-GCM with a key given directly (no passphrase to derive it from)."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import (
            AESGCM,
        )  # cryptography loads only with a key (memory budget)

        self._aead = AESGCM(key)


@dataclass(frozen=True)
class KeySource:
    """Where an organisation's key comes from: the environment, or a file."""

    organisation: str
    path: Path | None  # None: from SUPPORT_PLAN_KEY
    key: bytes | None  # None: not found

    @property
    def shown(self) -> str:
        """Where the key was looked for, for messages (never the key itself)."""
        return KEY_VARIABLE if self.path is None else str(self.path)


def organisation() -> str:
    """The organisation this program works for: $SUPPORT_PLAN_ORGANISATION, else ``default``."""
    name = os.environ.get(ORGANISATION_VARIABLE, "").strip() or DEFAULT_ORGANISATION
    if not _NAME.fullmatch(name):
        raise StoreError(
            N_(
                "The organisation name '{name}' cannot be used: use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit (set {variable})."
            ),
            name=name[:64],
            variable=ORGANISATION_VARIABLE,
        )
    return name


def adviser() -> str:
    """Who is writing: $SUPPORT_PLAN_ADVISER (set by ``serve``), else this computer's user."""
    name = os.environ.get(ADVISER_VARIABLE, "").strip()
    if not name:
        import getpass  # only when no adviser is named

        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return "".join(ch for ch in name if ch.isprintable())[:80] or "unknown"


def default_key_file(database: str, org: str) -> Path:
    """``<user data folder>/keys/<database>.<organisation>.key``."""
    from assistant.store.files import (
        default_folder,
    )  # the file store's folder, only for the default key path

    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", database) or "database"
    return default_folder() / "keys" / f"{safe}.{org}.key"


def find_key(database: str, org: str) -> KeySource:
    """The organisation's key from the environment or its file (key None if not there)."""
    given = os.environ.get(KEY_VARIABLE)
    if given:
        return KeySource(org, None, _decode(given, KEY_VARIABLE))
    chosen = os.environ.get(KEY_FILE_VARIABLE)
    path = Path(chosen).expanduser() if chosen else default_key_file(database, org)
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return KeySource(org, path, None)
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(
            N_("The key file {keyfile} cannot be read ({reason}). Check its permissions."),
            keyfile=str(path),
            reason=getattr(error, "strerror", None) or type(error).__name__,
        ) from None
    return KeySource(org, path, _decode(text, str(path)))


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise StoreError(
            N_(
                "{keyfile} does not hold a key the assistant made (one line of 44 characters). Put back the key file from your backup."
            ),
            keyfile=where,
        )
    return key


def make_key(source: KeySource) -> KeySource:
    """A new random key, written to the source's file (0600; folder 0700) unless it exists.

    Written whole to a temporary file first, then linked into place: another program
    making or reading the key at the same moment sees all of it or none of it.
    """
    if source.path is None:
        raise AssertionError("a key from the environment is never made")
    key = os.urandom(32)
    temporary = source.path.with_name(f".{source.path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    try:
        source.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(base64.b64encode(key).decode("ascii") + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, source.path)
    except FileExistsError:
        return find_key_file(source)  # another program made it a moment ago
    except OSError as error:
        raise StoreError(
            N_(
                "A key for the organisation {org} could not be made at {keyfile} ({reason}). Set SUPPORT_PLAN_KEY_FILE to a file this account may write."
            ),
            org=source.organisation,
            keyfile=str(source.path),
            reason=error.strerror or type(error).__name__,
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    log.info("made a new key for organisation %s at %s", source.organisation, source.path)
    return KeySource(source.organisation, source.path, key)


def find_key_file(source: KeySource) -> KeySource:
    """Read the key from the source's file again."""
    assert source.path is not None
    return KeySource(
        source.organisation, source.path, _decode(source.path.read_text("ascii"), str(source.path))
    )


def missing_key(source: KeySource, location: str) -> StoreError:
    """The organisation is in the database but its key is not where it was looked for."""
    return StoreError(
        N_(
            "The key for the organisation {org} was not found at {keyfile}, so its saved cases in {path} cannot be read or added to. Put the key file back from your backup, or set SUPPORT_PLAN_KEY_FILE to where it is. Without it those answers cannot be recovered."
        ),
        location,
        org=source.organisation,
        keyfile=source.shown,
    )


def wrong_key(source: KeySource, location: str) -> StoreError:
    """The key found does not open this organisation's check value."""
    return StoreError(
        N_(
            "The key in {keyfile} does not open the organisation {org}'s cases in {path}. Nothing was changed. Use the key this organisation's cases were saved with (from your backup)."
        ),
        location,
        org=source.organisation,
        keyfile=source.shown,
    )
