"""Where the assistant's data lives: flows, locales and help content.

The folders sit at the top of the source tree (``flows/``, ``locales/``). Set
``SUPPORT_PLAN_FLOWS`` to use flows kept somewhere else, for example a council's own.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def flows_dir() -> Path:
    """The folder holding flow bundles."""
    return Path(os.environ.get("SUPPORT_PLAN_FLOWS", ROOT / "flows"))


def flow_names() -> list[str]:
    """The flows that can be named with ``--flow`` (folders of flows/ holding a bundle)."""
    return sorted(p.parent.name for p in flows_dir().glob("*/bundle.yaml"))


def locales_dir() -> Path:
    """The folder holding translation catalogs."""
    return ROOT / "locales"


def default_bundle() -> Path:
    """The England conversation when it is present, otherwise the small example."""
    england = flows_dir() / "england"
    return england if (england / "bundle.yaml").exists() else flows_dir() / "example"


def bundle_path(name_or_path: str | None) -> Path:
    """A bundle named like 'england' or 'example', or a path to a bundle folder."""
    if not name_or_path:
        return default_bundle()
    named = flows_dir() / name_or_path
    if "/" not in name_or_path and (named / "bundle.yaml").exists():
        return named
    return Path(name_or_path)
