"""Passphrase protection: answers sealed with AES-GCM under a key derived by scrypt.

On a shared computer the file permissions are not enough, so a person may choose a
passphrase. Only the salt, the scrypt costs and a sealed check value are kept; the
passphrase and the key never are. Each sealed value is bound to where it belongs
(``associated data``), so rows cannot be swapped between conversations unnoticed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

#: scrypt costs for new stores (about half a second, 128 MiB): slow for guessers, fine once.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
_FORMAT = b"\x01"
_CHECK = b"support-plan passphrase check"
_CHECK_AAD = b"check"


class SealError(Exception):
    """A sealed value that does not open: wrong key, or the bytes were changed."""


@dataclass(frozen=True)
class KdfParams:
    """How the key was derived; stored in the file so the costs can rise later."""

    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def fresh(cls) -> KdfParams:
        """New random salt with today's costs."""
        return cls(os.urandom(16), SCRYPT_N, SCRYPT_R, SCRYPT_P)

    def to_text(self) -> str:
        """``scrypt$n$r$p$salthex`` for the meta table."""
        return f"scrypt${self.n}${self.r}${self.p}${self.salt.hex()}"

    @classmethod
    def from_text(cls, text: str) -> KdfParams:
        """The inverse of :meth:`to_text`; ValueError if it is not ours."""
        name, n, r, p, salt = text.split("$")
        if name != "scrypt":
            raise ValueError(f"unknown key derivation {name!r}")
        return cls(bytes.fromhex(salt), int(n), int(r), int(p))


class Sealer:
    """Seals and opens values. The base class leaves them as they are (no passphrase)."""

    encrypted = False

    def seal(self, data: bytes, aad: bytes) -> bytes:
        """The stored form of ``data``."""
        return data

    def open(self, data: bytes, aad: bytes) -> bytes:
        """``data`` as it was before :meth:`seal`; raises :class:`SealError` if it won't open."""
        return data


class AesGcmSealer(Sealer):
    """AES-256-GCM with a random 96-bit nonce per value: format byte, nonce, ciphertext."""

    encrypted = True

    def __init__(self, passphrase: str, params: KdfParams) -> None:
        # Imported here, not at the top: most stores have no passphrase, and the
        # cryptography package costs about 7 MiB of memory (issue 9's budget 9).
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        kdf = Scrypt(salt=params.salt, length=32, n=params.n, r=params.r, p=params.p)
        self._aead = AESGCM(kdf.derive(passphrase.encode("utf-8")))

    def seal(self, data: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(12)
        return _FORMAT + nonce + self._aead.encrypt(nonce, data, aad)

    def open(self, data: bytes, aad: bytes) -> bytes:
        if len(data) < 29 or data[:1] != _FORMAT:
            raise SealError("not a sealed value")
        from cryptography.exceptions import InvalidTag  # memory budget, as in __init__

        try:
            return self._aead.decrypt(data[1:13], data[13:], aad)
        except InvalidTag:
            raise SealError("the value does not open with this key") from None

    def check_value(self) -> bytes:
        """A sealed known value, stored so a wrong passphrase is noticed at once."""
        return self.seal(_CHECK, _CHECK_AAD)

    def fits(self, check: bytes) -> bool:
        """Whether this key opens the stored check value."""
        try:
            return self.open(check, _CHECK_AAD) == _CHECK
        except SealError:
            return False
