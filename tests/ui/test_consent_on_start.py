"""Consent inside the app: saving is asked on the start screen, in the person's language,
from the keyboard, with Help now one key away; the passphrase on the app's own screens.
Nothing is stored before the person agrees, and nothing at all if they do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import SIZE, screen_text

from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.saving import resume_saving
from assistant.store import open_store
from assistant.ui.app import AssistantApp
from assistant.ui.dialogs import Dialog, HelpNowScreen
from assistant.ui.loading import Prepared
from assistant.ui.passphrase import NewPassphraseScreen, PassphraseScreen
from assistant.ui.saving import AppSaving, HeldMessages

#: The consent question's heading and "Start", as each language shows them.
WORDS = {
    "en_GB": ("Saving your answers", "Save my answers on this computer"),
    "cy": ("Cadw eich atebion", "Cadw fy atebion ar y cyfrifiadur hwn"),
    "pl": ("Zapisywanie odpowiedzi", "Zapisz moje odpowiedzi na tym komputerze"),
}


def new_app(example: Bundle, store: Path, locale: str = "en_GB", save: bool | None = None):
    """The app as `support-plan` starts it: it opens saving itself, after consent."""
    app = AssistantApp(
        None, locale, translator=translator_for(locale), prepare=lambda: Prepared(example)
    )
    app.store_path = str(store)
    app.saving = AppSaving(str(store), save, HeldMessages())
    return app


async def choose_saving(pilot, answer: str) -> None:
    """Myself, then Tab past the language to the saving question, then the answer."""
    await pilot.press("1", "tab", answer)


async def until_started(pilot) -> None:
    """Let the opening thread finish and the first step appear (no fixed sleeps)."""
    app = pilot.app
    for _ in range(300):
        if app.started and app.screen is app.conversation and not app.workers:
            await pilot.pause()
            return
        await pilot.pause(0.01)
    pytest.fail(f"the conversation never started; on {app.screen!r}")


async def until_screen(pilot, kind: type) -> None:
    """Let the opening thread put its question on screen (no fixed sleeps)."""
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.01)
    pytest.fail(f"{kind.__name__} never appeared; on {pilot.app.screen!r}")


@pytest.mark.parametrize("locale", ["en_GB", "cy", "pl"])
async def test_consent_is_asked_on_the_start_screen_in_each_language(
    locale: str, example: Bundle, tmp_path: Path
) -> None:
    store = tmp_path / "private" / "store.sqlite3"
    app = new_app(example, store, locale)
    async with app.run_test(size=SIZE) as pilot:
        heading, yes = WORDS[locale]
        text = " ".join(screen_text(app).split())
        assert heading in text
        assert yes in " ".join(str(o.prompt) for o in app.screen.query_one("#saving").options)
        await pilot.press("f1")  # Help now, from the consent question's screen
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape")
        await choose_saving(pilot, "1")
        assert app.focused is not None and app.focused.id == "start-button"
        assert not store.exists()  # nothing stored before Start, even with consent
        await pilot.press("enter")
        await until_screen(pilot, Dialog)  # first use: is this computer shared?
        await pilot.press("enter")  # No, not shared (the first choice)
        await until_started(pilot)
        reference = app.save_reference
        assert reference and reference in screen_text(app)  # said in the app, at once
    with open_store(store) as saved:
        assert [c.reference for c in saved.conversations()] == [reference]


async def test_start_waits_for_an_answer_about_saving(example: Bundle, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    app = new_app(example, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "tab", "tab", "enter")  # Start, without answering
        assert "Please choose whether to save your answers." in screen_text(app)
        assert app.focused is not None and app.focused.id == "saving"
        assert not store.exists() and not app.started


async def test_no_means_nothing_is_stored_at_all(example: Bundle, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    app = new_app(example, store)
    async with app.run_test(size=SIZE) as pilot:
        await choose_saving(pilot, "2")
        await pilot.press("enter")
        await until_started(pilot)
        assert app.session.current == "welcome.hello"
        assert "Nothing will be saved on this computer." in screen_text(app)
        await pilot.press("enter", *"Ann", "enter")
        assert app.session.answers["welcome.name"] == "Ann"
    assert not store.exists() and app.save_reference is None


async def test_the_passphrase_is_asked_in_the_app(example: Bundle, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    with open_store(store, passphrase="correct horse"):
        pass
    app = new_app(example, store, "cy", save=True)  # --save: no question on the screen
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query("#saving")
        await pilot.press("1", "tab", "enter")
        await until_screen(pilot, PassphraseScreen)
        assert "cyfrinymadrodd" in screen_text(app).lower()  # in Welsh
        await pilot.press("f1")  # Help now over the passphrase too
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape", *"wrong", "enter")
        await until_screen(pilot, PassphraseScreen)
        for _ in range(200):  # the second try's screen says which try it is
            if "Cynnig 2 o 3." in screen_text(app):
                break
            await pilot.pause(0.01)
        assert "Cynnig 2 o 3." in screen_text(app)
        await pilot.press(*"correct horse", "enter")
        await until_started(pilot)
    with open_store(store, passphrase="correct horse") as saved:
        assert [c.reference for c in saved.conversations()] == [app.save_reference]


async def test_a_new_store_can_be_protected_in_the_app(example: Bundle, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    app = new_app(example, store, save=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "tab", "enter")
        await until_screen(pilot, Dialog)
        await pilot.press("tab", "enter")  # Yes, choose a passphrase
        await until_screen(pilot, NewPassphraseScreen)
        await pilot.press(*"blue tractor", "enter", *"blue tractor", "enter")
        await until_started(pilot)
    with open_store(store) as locked:
        assert locked.protected and locked.locked


async def test_resume_by_case_reference_opens_in_the_app(example: Bundle, tmp_path: Path) -> None:
    from assistant.engine.session import Session
    from assistant.saving import SavingTarget

    store = tmp_path / "store.sqlite3"
    with open_store(store) as saved:
        reference = saved.create(bundle="example", locale="en_GB", mode="adviser_call")
        session = Session(example, on_event=SavingTarget(saved, reference, HeldMessages()).record)
        session.start({"mode": "adviser_call", "case": "HL-7"})
        session.answer()
        session.answer("Ann")
        session.close()
    app = AssistantApp(example, "en_GB", translator=translator_for("en_GB"))
    app.store_path = str(store)
    saving = app.saving = AppSaving(str(store), None, HeldMessages())
    app.opener = lambda ref: resume_saving(ref, example, saving.dialogue(app), store=str(store))
    app.resume_at_start = "hl-7"  # the adviser's own reference
    async with app.run_test(size=SIZE) as pilot:
        await until_started(pilot)
        assert app.session.current == "welcome.answering_for"
        assert (app.mode, app.save_reference) == ("adviser_call", reference)
        header = str(app.screen.query_one("#case").render())
        assert "HL-7" in header and reference in header  # the case, and where it is saved
