"""The cache of parsed data files gives back exactly what the file says, or parses it.

Rate files and the crisis phrase lists are figures and safety data: a cache of them must
never serve an old figure, a different type or line, or hide a problem in the file
(see :mod:`assistant.private_cache`). A hit needs no PyYAML (about 1 MiB of every app
process: issue 20, budget 9).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant import private_cache
from assistant.money import rates_yaml
from assistant.money.rates_data import RATES_DIR
from assistant.money.rates_yaml import Lined, RatesError, read_mapping
from assistant.safety import _parse, safety_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder for this test (platformdirs follows XDG_CACHE_HOME)."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(private_cache.ENV_VARIABLE, raising=False)
    return home / "support-plan" / "data"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.msgpack")) if folder.exists() else []


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse fail, so a successful read proves it came from the cache."""

    def refuse(data: bytes) -> Any:
        raise AssertionError("parsed, not read from the cache")

    monkeypatch.setattr(rates_yaml, "_parse", refuse)


def rate_files() -> list[Path]:
    return sorted(RATES_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", rate_files(), ids=lambda p: p.name)
def test_a_rate_file_from_the_cache_is_the_file_parsed(
    path: Path, data_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = read_mapping(path, "tax_year")
    assert len(entries(data_cache)) == 1
    forbid_parsing(monkeypatch)
    cached = read_mapping(path, "tax_year")
    assert private_cache.same(cached, fresh)  # types, values, every mapping's lines
    assert isinstance(cached, Lined) and cached.key_lines == fresh.key_lines
    assert cached.line == fresh.line


def test_the_phrase_lists_and_help_from_the_cache_are_the_files_parsed(data_cache: Path) -> None:
    for name in ("phrases.yaml", "help_now.yaml"):
        path = safety_dir() / name

        fresh = private_cache.cached_parse(path, _parse, "assistant/safety.py")
        cached = private_cache.cached_parse(path, _parse, "assistant/safety.py")
        assert private_cache.same(cached, fresh) and cached == _parse(path.read_bytes())
    assert len(entries(data_cache)) == 2


def test_a_changed_file_is_read_again(tmp_path: Path, data_cache: Path) -> None:
    path = tmp_path / "2026-27.yaml"
    shutil.copy(RATES_DIR / "2026-27.yaml", path)
    before = read_mapping(path, "tax_year")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tax_year:", "# a comment moves every line\ntax_year:"), "utf-8")
    after = read_mapping(path, "tax_year")
    assert after.key_lines["tax_year"] == before.key_lines["tax_year"] + 1
    assert len(entries(data_cache)) == 2


def test_a_problem_is_reported_from_the_file_with_its_line_and_never_cached(
    tmp_path: Path, data_cache: Path
) -> None:
    path = tmp_path / "citations.yaml"
    path.write_text("checked_on: 2026-01-01\nchecked_on: 2026-01-02\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RatesError) as error:
            read_mapping(path, "checked_on")
        assert error.value.line == 2 and "appears twice" in error.value.problem
    path.write_text("checked_on: [\n", encoding="utf-8")
    with pytest.raises(RatesError, match="not valid YAML"):
        read_mapping(path, "checked_on")
    assert entries(data_cache) == []


def test_what_the_codec_cannot_give_back_exactly_is_not_cached(
    tmp_path: Path, data_cache: Path
) -> None:
    path = tmp_path / "times.yaml"
    path.write_text("when: 2026-01-01 10:30:00\n", encoding="utf-8")
    assert isinstance(read_mapping(path, "when")["when"], datetime)
    assert entries(data_cache) == []
    with pytest.raises(TypeError):
        private_cache.encode({"when": datetime(2026, 1, 1)})
    # What it can encode comes back the same, types included (a date is not a string).
    value = {"a": [1, 2.5, True, None, "x", date(2026, 4, 6)], 3: {"b": []}}
    assert private_cache.same(private_cache.decode(private_cache.encode(value)), value)
    lined = Lined(a=1)
    lined.line, lined.key_lines = 4, {"a": 5}
    encoded = private_cache.encode([lined])
    assert private_cache.same(private_cache.decode(encoded, Lined), [lined])
    with pytest.raises(TypeError):  # no type to make it with: not used, the file is parsed
        private_cache.decode(encoded)
    assert not private_cache.same({"a": "2026-04-06"}, {"a": date(2026, 4, 6)})
    assert not private_cache.same([1], [True])


def test_a_damaged_or_foreign_entry_is_never_used(
    data_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = RATES_DIR / "citations.yaml"
    fresh = read_mapping(path, "checked_on")
    (entry,) = entries(data_cache)
    entry.write_bytes(b"\xc1 not msgpack")
    assert private_cache.same(read_mapping(path, "checked_on"), fresh)  # parsed again
    os.chmod(entry, 0o644)  # readable by others: not ours to trust
    forbid_parsing(monkeypatch)
    with pytest.raises(AssertionError, match="parsed, not read from the cache"):
        read_mapping(path, "checked_on")


def test_the_cache_can_be_turned_off(data_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(private_cache.ENV_VARIABLE, "off")
    read_mapping(RATES_DIR / "citations.yaml", "checked_on")
    assert entries(data_cache) == []


#: What an app process reads behind its first question, then whether PyYAML was imported.
READ_DATA = """
import sys
from assistant.engine.crisis import load_phrases
from assistant.money.rates_data import load_all, load_citations
from assistant.safety import help_content
load_phrases(); load_all(); load_citations(); help_content()
print("yaml" in sys.modules)
"""


def test_data_read_before_needs_no_pyyaml(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop(private_cache.ENV_VARIABLE, None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", READ_DATA],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]  # parsed once; then from the cache
