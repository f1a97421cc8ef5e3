"""A private cache of parsed flow bundles, so starting the assistant does not re-read YAML.

Parsing the England bundle's YAML and converting it to models is most of the ~85 ms a
load takes, against a start-up budget of 50 ms (issue 9). The parsed models of a bundle
that loaded *without a single problem* are saved in msgpack, under a key that is a SHA-256
of everything the parse depends on: the bytes and names of every YAML file in the bundle
folder (plus the sources file, wherever it is), the source code of ``assistant.flow``,
and the Python, msgspec and PyYAML versions (PyYAML's read from its ``__init__.py``, so
a hit never imports PyYAML). Change any of them and the key changes.

Safety:

- Never stale: a hit needs the same key, and the key is recomputed from the files on
  every load. An entry is only written when the files hashed the same before and after
  the full load, and the bundle's own digest matches the bytes that were hashed.
- Never unchecked: a hit still runs every semantic check (``compile_and_check``) on the
  cached models, which msgspec re-validated while decoding; any problem means the entry
  is dropped and the bundle is loaded from YAML again, reporting problems as usual.
- Private: the folder is the user's cache folder, with entries only this user can read
  (:mod:`assistant.private_cache`, shared with the cache of rate and phrase files).
- Never in the way: any error in the cache (disk full, read-only home, a damaged or
  foreign file) falls back silently to the full load. ``SUPPORT_PLAN_CACHE=off`` turns the
  cache off; ``support-plan check`` never uses it.

Entries hold the flow's own text (questions, explanations), never anyone's answers.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import msgspec

from assistant.flow import model
from assistant.flow.bundle import MANIFEST, Bundle
from assistant.flow.checks import compile_and_check
from assistant.flow.loader import FileReader, display_name
from assistant.flow.positions import Positions
from assistant.flow.reading import read_flow_bytes
from assistant.private_cache import (
    ENV_VARIABLE as _ENV_VARIABLE,
)
from assistant.private_cache import (
    cache_root,
    prune,
    pyyaml_identity,
    read_private,
    write_private,
)

#: The variable that turns the cache off (``SUPPORT_PLAN_CACHE=off``), shared with
#: the cache of data files.
ENV_VARIABLE = _ENV_VARIABLE
FORMAT = 1
#: Entries kept; older ones (earlier versions of the flows) are removed.
KEEP = 16
#: Larger files are not cache entries of ours (the England bundle's is about 120 KiB).
MAX_ENTRY_BYTES = 64 * 1024 * 1024

Loader = Callable[[Path, Path | None], Bundle]


class _Entry(msgspec.Struct, frozen=True):
    """What is cached: the converted models and the line of every step, nothing derived."""

    key: str
    manifest: model.BundleManifest
    modules: dict[str, model.Module]
    sources: dict[str, model.Source]
    lines: dict[str, list[int]]


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_Entry)
_code_hash: str | None = None


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    root = cache_root()
    return None if root is None else root / "flows"


def cached_load(root: Path, display_root: Path | None, full_load: Loader) -> Bundle:
    """Load ``root`` from the cache if a checked entry fits, else with ``full_load`` (then cache it).

    ``full_load`` raises :class:`FlowError` for a bundle with problems; that is passed on.
    """
    where = folder()
    if where is None:
        return full_load(root, display_root)
    try:
        key: str | None = bundle_key(root)
        bundle = _read(where, key, root, display_root) if key else None
    except Exception:  # any cache error means a full load, never a failure
        key, bundle = None, None
    if bundle is not None:
        return bundle
    bundle = full_load(root, display_root)
    if key is not None:
        _save_quietly(where, key, root, bundle)
    return bundle


# -- the key ------------------------------------------------------------------------
def bundle_key(root: Path) -> str:
    """The content key of the bundle in ``root`` (raises OSError if a file cannot be read)."""
    digest = hashlib.sha256(f"flow-cache {FORMAT}\0{_code()}\0".encode())
    for path in sorted(root.glob("*.yaml")):
        data = read_flow_bytes(path)  # raises (an OSError) for a FIFO, a device, a folder
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _code() -> str:
    """A hash of the parser's source code and of the library versions it depends on."""
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256(f"{sys.version}\0{msgspec.__version__}\0".encode())
        digest.update(pyyaml_identity() + b"\0")
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _code_hash = digest.hexdigest()
    return _code_hash


def _sources_file(root: Path, manifest: model.BundleManifest) -> Path:
    return root / manifest.sources


def _full_key(root: Path, key: str, manifest: model.BundleManifest) -> str:
    """The key, extended with the sources file when it lives outside the bundle folder."""
    sources = _sources_file(root, manifest)
    if sources.parent.resolve() == root.resolve() or not sources.exists():
        return key
    data = read_flow_bytes(sources)
    return hashlib.sha256(f"{key}\0{sources.resolve()}\0".encode() + data).hexdigest()


def _bundle_digest(root: Path, manifest: model.BundleManifest) -> str:
    """The digest :func:`read_bundle` computes: module bytes in order, then the sources."""
    digest = hashlib.sha256()
    for name in manifest.modules:
        digest.update(read_flow_bytes(root / f"{name}.yaml"))
    sources = _sources_file(root, manifest)
    if sources.exists():
        digest.update(read_flow_bytes(sources))
    return digest.hexdigest()


# -- reading ------------------------------------------------------------------------
def _entry_path(where: Path, key: str) -> Path:
    return where / f"{key[:40]}.msgpack"


def _read(where: Path, key: str, root: Path, display_root: Path | None) -> Bundle | None:
    data = read_private(_entry_path(where, key), MAX_ENTRY_BYTES)
    if data is None:
        return None
    entry = _DECODER.decode(data)
    if entry.key != _full_key(root, key, entry.manifest):
        return None
    bundle = _rebuild(entry, root, display_root)
    if bundle is None:
        _entry_path(where, key).unlink(missing_ok=True)
    return bundle


def _rebuild(entry: _Entry, root: Path, display_root: Path | None) -> Bundle | None:
    """The bundle from cached models, with every semantic check run again (None on a problem)."""
    base = display_root if display_root is not None else root.parent
    digest = _bundle_digest(root, entry.manifest)
    bundle = Bundle(root, entry.manifest, dict(entry.modules), {}, [], entry.sources, "", digest)
    readers: dict[str, FileReader] = {
        name: _CachedReader(display_name(root / f"{name}.yaml", base)) for name in entry.modules
    }
    problems = compile_and_check(
        bundle, readers, _CachedReader(display_name(root / MANIFEST, base))
    )
    if problems:
        return None
    for name, lines in entry.lines.items():
        module = bundle.modules[name]
        for step, line in zip(module.steps, lines, strict=True):
            bundle.steps[f"{name}.{step.id}"].line = line
    return bundle


class _CachedReader(FileReader):
    """Stands in for a file's reader on a cache hit: the same name, no positions, no problems.

    Positions are only needed to report problems, and a problem on a hit means the entry
    is dropped and the files are read again, so every reported problem has its position.
    """

    def __init__(self, display: str) -> None:  # deliberately not reading the file
        self.display = display
        self.problems = []
        self.data = None
        self.positions = Positions()


# -- writing ------------------------------------------------------------------------
def _save_quietly(where: Path, key: str, root: Path, bundle: Bundle) -> None:
    """Cache a freshly loaded bundle, if its files did not change while it was loading."""
    try:
        if bundle_key(root) != key or _bundle_digest(root, bundle.manifest) != bundle.digest:
            return
        lines = {
            name: [bundle.steps[f"{name}.{step.id}"].line for step in module.steps]
            for name, module in bundle.modules.items()
        }
        entry = _Entry(
            _full_key(root, key, bundle.manifest),
            bundle.manifest,
            bundle.modules,
            bundle.sources,
            lines,
        )
        write_private(where, _entry_path(where, key), _ENCODER.encode(entry))
        prune(where, KEEP)
    except Exception:  # the cache is optional; the bundle is already loaded
        return
