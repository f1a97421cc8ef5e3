"""Private cache files of this user's, and a cache of parsed YAML data files.

The flow cache (:mod:`assistant.flow.cache`) and the data-file cache here share the same
care with files: the folder is the user's cache folder (``platformdirs``) made 0700,
entries are written 0600 through a temporary file and an atomic rename, an entry that is
not a regular file owned by this user and private to them is never read, and
``SUPPORT_PLAN_CACHE=off`` turns both off.

:func:`cached_parse` keeps what a YAML data file parsed to (the rate files, the crisis
phrase lists, the help content), so an app process need not import PyYAML to read them:
PyYAML and its C parser were about 1 MiB of resident memory, loaded behind the first
question (issue 20, budget 9). It is as careful as the flow cache:

- Never stale: the key is a SHA-256 of the file's bytes, the parser's and this module's
  source code, the cache's format and PyYAML's version (read from its ``__init__.py``, without importing
  it), recomputed on every read; what is parsed is the very bytes that were hashed.
- Never different: an entry is written only if decoding it gives back exactly what the
  parser returned, types, line numbers and all (:func:`encode`, :func:`decode`); anything
  the codec does not know (a time of day, say) is simply not cached.
- Never unchecked, never in the way: callers check what they get as they check a fresh
  parse (the rate files' checks, the phrase lists' conversion); a parse that fails is
  never cached, so every problem is reported from the file, with its line; and any error
  of the cache itself (a full disk, a read-only home, a damaged or foreign entry) falls
  back silently to parsing the file.

Entries hold the shipped data's own content, never anyone's answers.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import platformdirs

APP_NAME = "support-plan"
ENV_VARIABLE = "SUPPORT_PLAN_CACHE"
#: The data cache's own format: change it when :func:`encode` changes.
FORMAT = 1
#: Data entries kept (a few files, and their earlier versions after an update).
KEEP = 32
#: Larger files are not data entries of ours (the largest data file is a few KiB).
MAX_DATA_BYTES = 4 * 1024 * 1024

T = TypeVar("T")


def cache_root() -> Path | None:
    """The assistant's cache folder, or None when caching is turned off."""
    if os.environ.get(ENV_VARIABLE, "").lower() in ("off", "0", "no", "false"):
        return None
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def read_private(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, if it is a regular file of this user's that nobody else can use."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if not _private(info) or info.st_size > max_bytes:
            return None
        with os.fdopen(fd, "rb", closefd=False) as file:
            return file.read()
    finally:
        os.close(fd)


def _private(info: os.stat_result) -> bool:
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and mine and not info.st_mode & 0o077


def write_private(where: Path, path: Path, data: bytes) -> None:
    """Write through a 0600 temporary file and an atomic rename, in a 0700 folder of ours."""
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.stat(where, follow_symlinks=False)
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return
    if info.st_mode & 0o077:
        os.chmod(where, 0o700)
    temporary = where / f".{path.name}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def prune(where: Path, keep: int) -> None:
    """Keep the newest ``keep`` entries only, so old versions do not pile up."""
    entries = sorted(where.glob("*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def pyyaml_identity() -> bytes:
    """PyYAML's ``__init__.py``, which names its version, read without importing PyYAML."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None:
        return b"no PyYAML"
    return Path(spec.origin).read_bytes()


# -- the data-file cache -----------------------------------------------------------------
def cached_parse(
    path: Path, parse: Callable[[bytes], T], parser_source: str, lined: type[Any] | None = None
) -> T:
    """What ``parse`` makes of the bytes of ``path``, from the cache when they were parsed
    before by the same parser (``parser_source``: the file of the module that defines it).

    ``lined`` is the parser's mapping type that remembers lines (see :func:`encode`), if
    it makes one. Errors reading ``path`` and from ``parse`` are raised as they are, and
    never cached.
    """
    data = path.read_bytes()
    root = cache_root()
    if root is None:
        return parse(data)
    where = root / "data"
    try:
        digest = hashlib.sha256(f"data-cache {FORMAT}\0{path.name}\0".encode())
        for source in (parser_source, __file__):  # the parser's code, and this codec's
            digest.update(Path(source).read_bytes() + b"\0")
        digest.update(pyyaml_identity() + b"\0")
        digest.update(data)
        entry = where / f"{digest.hexdigest()[:40]}.msgpack"
        found = read_private(entry, MAX_DATA_BYTES)
        if found is not None:
            return decode(msgspec.msgpack.decode(found), lined)  # type: ignore[no-any-return]
    except Exception:  # any cache error means parsing the file, never a failure
        entry = None
    value = parse(data)
    if entry is not None:
        _save_quietly(where, entry, value, lined)
    return value


def _save_quietly(where: Path, entry: Path, value: object, lined: type[Any] | None) -> None:
    """Cache ``value`` only if it comes back exactly as it is (see the module's docstring)."""
    try:
        encoded = msgspec.msgpack.encode(encode(value))
        if not same(decode(msgspec.msgpack.decode(encoded), lined), value):
            return
        write_private(where, entry, encoded)
        prune(where, KEEP)
    except Exception:  # the cache is optional; the file is already parsed
        return


def encode(value: object) -> object:
    """``value`` as msgpack-ready data; containers and dates are tagged one-key mappings.

    A mapping of another type than ``dict`` (the rate files' ``Lined``) is kept with its
    ``line`` and ``key_lines``, and comes back as the ``lined`` type given to
    :func:`decode`. Raises TypeError for anything else (it is then not cached).
    """
    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) is date:
        return {"d": value.isoformat()}
    if isinstance(value, list):
        return {"l": [encode(item) for item in value]}
    if isinstance(value, dict):
        pairs = [[encode(k), encode(v)] for k, v in value.items()]
        if type(value) is dict:
            return {"m": pairs}
        lines = [value.key_lines[k] for k in value]  # type: ignore[attr-defined]
        return {"n": [value.line, lines, pairs]}  # type: ignore[attr-defined]
    raise TypeError(f"not cached: {type(value).__name__}")


def decode(data: Any, lined: type[Any] | None = None) -> Any:
    """The value :func:`encode` was given (mappings with lines made as ``lined``)."""
    if not isinstance(data, dict):
        return data
    ((tag, body),) = data.items()
    if tag == "d":
        return date.fromisoformat(body)
    if tag == "l":
        return [decode(item, lined) for item in body]
    if tag == "m":
        return {decode(k, lined): decode(v, lined) for k, v in body}
    if lined is None:
        raise TypeError("a mapping with lines, and no type to make it")
    line, lines, pairs = body
    made = lined()
    made.line, made.key_lines = line, {}
    for (key, value), key_line in zip(pairs, lines, strict=True):
        made[decode(key, lined)] = decode(value, lined)
        made.key_lines[decode(key, lined)] = key_line
    return made


def same(a: object, b: object) -> bool:
    """Equal, of the same types all the way down, with the same lines (for the check above)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        keys = list(a)
        if keys != list(b) or not all(same(x, y) for x, y in zip(keys, b, strict=True)):
            return False
        if not all(same(a[k], b[k]) for k in keys):
            return False
        lines = (getattr(a, "line", None), getattr(a, "key_lines", None))
        return lines == (getattr(b, "line", None), getattr(b, "key_lines", None))
    return a == b
