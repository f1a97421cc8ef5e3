"""Import asyncio and hashlib without OpenSSL, so an app process never loads it.

Python's ``asyncio`` imports the ``ssl`` module if it can, only to offer TLS connections,
and ``hashlib`` imports ``_hashlib`` if it can, only to hand its hashes to OpenSSL; both
work without them, as on a Python built without OpenSSL (the standard library's own
fallbacks, under ``try: import ssl / except ImportError``). Loading OpenSSL's
``libcrypto`` and ``libssl`` costs every app process about 4 MiB of resident memory (their
relocated data, and OpenSSL's set-up), over a quarter of what the app adds to a bare
Textual app; one app process runs per adviser on a served helpline.

The app opens no TLS connection of its own (PostgreSQL's is libpq's; the browser's is
the server's, another process) and hashes only its flow cache's keys (SHA-256, the
same digests from Python's own implementation). So the first import of the two, in an
app process, is made with ``ssl`` and ``_hashlib`` marked missing, then unmarked: a
later ``import ssl`` (psycopg's ctypes layer makes one) still works, it only costs the
memory then. A process that already has either module (a test run, the web server
before it starts app processes) is left as it is.
"""

from __future__ import annotations

import sys

#: What is marked missing while asyncio and hashlib are first imported.
OPENSSL_MODULES = ("ssl", "_hashlib")


def import_without_openssl() -> bool:
    """Import asyncio and hashlib without OpenSSL, if neither is loaded yet; True if so."""
    loaded = ("asyncio", "hashlib", *OPENSSL_MODULES)
    if any(name in sys.modules for name in loaded):
        return False
    for name in OPENSSL_MODULES:
        sys.modules[name] = None  # type: ignore[assignment] # "missing", as documented
    try:
        import asyncio  # noqa: F401 - imported now, without ssl
        import hashlib  # noqa: F401 - imported now, without _hashlib
    finally:
        for name in OPENSSL_MODULES:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return True
