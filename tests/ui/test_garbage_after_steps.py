"""Garbage is collected once each step is on screen, not while the next one is drawn
(assistant/ui/keyboard.py, issue 20)."""

from __future__ import annotations

import gc

import pytest
from ui_helpers import SIZE

from assistant.ui import keyboard


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The generation of each collection the app asks for; Python's thresholds restored."""
    asked: list[int] = []
    collect = gc.collect

    def counted(generation: int = 2) -> int:
        asked.append(generation)
        return collect(generation)

    monkeypatch.setattr(keyboard.gc, "collect", counted)
    thresholds = gc.get_threshold()
    yield asked
    gc.set_threshold(*thresholds)


async def test_one_collection_for_each_step_drawn(make_app, collections) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Python's own young collections now wait for many more objects than its 700.
        assert gc.get_threshold()[0] == keyboard.YOUNG_OBJECTS
        collections.clear()
        await pilot.press("enter")  # welcome.hello -> name
        await pilot.pause()
        await pilot.press(*"Ann", "enter")  # name -> answering_for
        await pilot.pause()
        await pilot.press("1")  # answering_for -> age
        await pilot.pause()
        assert app.session.current == "welcome.age"
        assert len(collections) == 3  # one per step drawn; typing "Ann" made none
        assert set(collections) <= {1, 2}


async def test_a_full_collection_as_often_as_python_would(make_app, collections) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # to the name, so that there is a step to go back to
        await pilot.pause()
        collections.clear()
        for _turn in range(12):  # back and on again: a step drawn each time
            await pilot.press("f2")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert collections.count(2) >= 2  # every tenth or so, as Python's thresholds say
        assert collections.count(1) >= 18


async def test_garbage_is_collected_before_anything_is_frozen(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen garbage is never collected: each freeze comes right after a full collection,
    the one once the first question is on screen too (it froze 0.45 MiB of garbage)."""
    calls: list[str] = []
    collect, freeze = gc.collect, gc.freeze

    def counted(generation: int = 2) -> int:
        calls.append(f"collect {generation}")
        return collect(generation)

    def frozen() -> None:
        calls.append("freeze")
        freeze()

    monkeypatch.setattr(keyboard.gc, "collect", counted)
    monkeypatch.setattr(keyboard.gc, "freeze", frozen)
    thresholds = gc.get_threshold()
    app = make_app("self")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the first answer, after the first question settled
            await pilot.pause()
    finally:
        gc.set_threshold(*thresholds)
    freezes = [at for at, call in enumerate(calls) if call == "freeze"]
    assert freezes  # at least the one once the first question is on screen
    assert all(at > 0 and calls[at - 1] == "collect 2" for at in freezes)
