"""The flow cache never serves a stale, unchecked or foreign bundle, and never gets in the way."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from assistant.flow import cache
from assistant.flow import loading as loading_module
from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle, read_bundle
from assistant.flow.problems import FlowError
from assistant.private_cache import pyyaml_identity

EXAMPLE = Path(__file__).resolve().parents[2] / "flows" / "example"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder for this test (platformdirs follows XDG_CACHE_HOME)."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(cache.ENV_VARIABLE, raising=False)
    return home / "support-plan" / "flows"


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    """A copy of the example bundle that a test may change."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "example"))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.msgpack")) if folder.exists() else []


def forbid_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any full load fail, so a successful load proves it came from the cache."""

    def no_parse(*args: object) -> None:
        raise AssertionError("the YAML was read again")

    monkeypatch.setattr(loading_module, "read_bundle", no_parse)


def same(a: Bundle, b: Bundle) -> None:
    assert a.digest == b.digest
    assert a.manifest == b.manifest and a.modules == b.modules and a.sources == b.sources
    assert a.start == b.start and a.sections == b.sections
    assert list(a.steps) == list(b.steps)
    for key, info in b.steps.items():
        other = a.steps[key]
        assert (other.line, other.file, other.section, other.step) == (
            info.line,
            info.file,
            info.section,
            info.step,
        )
        assert [(e.target, str(e.condition)) for e in other.edges] == [
            (e.target, str(e.condition)) for e in info.edges
        ]


def test_a_second_load_comes_from_the_cache_and_equals_a_full_load(
    cache_home: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bundle(flow)
    assert len(entries(cache_home)) == 1
    full, problems = read_bundle(flow)
    assert full is not None and not problems
    forbid_yaml(monkeypatch)
    cached = load_bundle(flow)
    same(cached, full)
    same(cached, first)


def test_the_cache_is_private_to_the_user(cache_home: Path, flow: Path) -> None:
    load_bundle(flow)
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    (entry,) = entries(cache_home)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_changed_file_is_read_again(cache_home: Path, flow: Path) -> None:
    load_bundle(flow)
    welcome = flow / "welcome.yaml"
    welcome.write_text(
        welcome.read_text().replace("This is a short example.", "A changed example."),
        encoding="utf-8",
    )
    changed = load_bundle(flow)
    step = changed.steps["welcome.hello"].step
    assert "A changed example." in getattr(step, "text", "")


def test_a_new_file_in_the_folder_is_noticed(cache_home: Path, flow: Path) -> None:
    load_bundle(flow)
    (flow / "stray.yaml").write_text("flow: stray\n", encoding="utf-8")
    with pytest.raises(FlowError, match="unlisted-module|not listed"):
        load_bundle(flow)


def test_a_bundle_with_problems_is_never_cached(cache_home: Path, flow: Path) -> None:
    needs = flow / "needs.yaml"
    needs.write_text(needs.read_text().replace("next: hours", "next: nowhere"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(FlowError, match="nowhere"):
            load_bundle(flow)
    assert entries(cache_home) == []


def test_an_entry_others_could_have_written_is_ignored(
    cache_home: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bundle(flow)
    (entry,) = entries(cache_home)
    entry.chmod(0o666)
    forbid_yaml(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        load_bundle(flow)


def test_a_damaged_entry_falls_back_to_a_full_load(cache_home: Path, flow: Path) -> None:
    load_bundle(flow)
    (entry,) = entries(cache_home)
    entry.write_bytes(b"\x93not a cache entry")
    same(load_bundle(flow), read_bundle(flow)[0])  # type: ignore[arg-type]


def test_a_cached_bundle_is_checked_again(
    cache_home: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose models fail a check is dropped and the files are read instead."""
    load_bundle(flow)
    from assistant.flow import cache, checks

    real = checks.compile_and_check
    calls: list[int] = []

    def failing(*args: object) -> list[object]:
        calls.append(1)
        problems = real(*args)  # type: ignore[arg-type]
        return problems if len(calls) > 1 else ["a problem"]

    monkeypatch.setattr(cache, "compile_and_check", failing)  # checking the cached models
    monkeypatch.setattr(loading_module, "compile_and_check", failing)  # then the YAML's
    assert load_bundle(flow).start == "welcome.hello"
    assert len(calls) == 2  # the cached models were checked, failed, and the YAML was read


def test_changed_parser_code_means_a_full_load(
    cache_home: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bundle(flow)
    monkeypatch.setattr(cache, "_code_hash", "a different version of the loader")
    forbid_yaml(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        load_bundle(flow)


def test_an_unusable_cache_folder_never_stops_a_load(
    tmp_path: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_bundle(flow).id == "example"


def test_the_cache_can_be_turned_off(
    cache_home: Path, flow: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_VARIABLE, "off")
    load_bundle(flow)
    assert entries(cache_home) == []


def test_only_the_newest_entries_are_kept(cache_home: Path, flow: Path) -> None:
    welcome = flow / "welcome.yaml"
    original = welcome.read_text(encoding="utf-8")
    for version in range(cache.KEEP + 3):
        welcome.write_text(original + f"# version {version}\n", encoding="utf-8")
        load_bundle(flow)
    assert len(entries(cache_home)) == cache.KEEP


def test_the_key_names_the_installed_pyyaml_without_importing_it() -> None:
    import yaml  # the test's own: it compares what the cache read with PyYAML's version

    identity = pyyaml_identity()  # shared with the cache of data files
    assert f"__version__ = '{yaml.__version__}'".encode() in identity
