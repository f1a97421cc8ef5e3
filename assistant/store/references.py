"""Short references people can read out on the phone and type back: ``K7P-2QM``.

The alphabet leaves out letters and digits that look or sound alike (0/O, 1/I/L, U/V),
and typing is forgiving: any case, with or without the dash or spaces.
"""

from __future__ import annotations

import random

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
LENGTH = 6

#: The operating system's random source, as ``secrets.choice`` uses (``secrets`` itself
#: imports ``hmac`` and with it OpenSSL, 4 MiB an app process: see
#: :mod:`assistant.ui.openssl_free`).
_SYSTEM_RANDOM = random.SystemRandom()


def new_reference() -> str:
    """A fresh random reference (about 600 million possibilities)."""
    raw = "".join(_SYSTEM_RANDOM.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:3]}-{raw[3:]}"


def normalize(text: str) -> str:
    """The reference as stored, from what a person typed; unchanged if it cannot be one."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(raw) == LENGTH and all(ch in ALPHABET for ch in raw):
        return f"{raw[:3]}-{raw[3:]}"
    return text.strip()
