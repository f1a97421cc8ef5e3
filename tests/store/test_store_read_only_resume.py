"""Resuming from a read-only store: one clear message (the earlier answers are back, new
ones will not be saved, and how to keep them), and every later word about saving agrees.

It used to say the store was read-only and to "choose another file with --store PATH to
save" (which would not hold this conversation); then "Nothing was saved, as you chose" at
the end; and the app's quit and break dialogs said the answers were saved.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from store_helpers import walk
from support_plan_cli import support_plan
from textual.widgets import Static

from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.saving import resume_saving
from assistant.store import open_store
from assistant.ui.app import AssistantApp
from assistant.ui.dialogs import Dialog
from assistant.ui.saving import AppSaving, HeldMessages

BACK = "Your earlier answers are back, but {path} is read-only, so nothing you answer from now on will be saved."
HOW = "copy that file to a folder you can change, then type: support-plan resume {reference} --store PATH"
KEPT = "Your earlier answers are still saved as {reference}. New answers cannot be saved there"
AT_THE_END = "Your earlier answers are still saved as {reference}; the answers given since you came back could not be saved."


def read_only_store(tmp_path: Path, example: Bundle) -> tuple[Path, str, str]:
    """A store with Ann's first answers, made read-only; and its digest."""
    path = tmp_path / "store.sqlite3"
    with open_store(path) as store:
        reference = walk(store, example, ["", "Ann", "1"])
    os.chmod(path, 0o400)
    return path, reference, hashlib.sha256(path.read_bytes()).hexdigest()


def flat(text: str) -> str:
    return " ".join(text.split())


def screen_text(app: AssistantApp) -> str:
    """The words of the text widgets on the screen in front (notices, dialogs)."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def test_plain_resume_says_once_what_is_back_and_how_to_keep_new_answers(
    tmp_path: Path, example: Bundle
) -> None:
    path, reference, before = read_only_store(tmp_path, example)
    done = support_plan("resume", reference, "--plain", "--store", str(path), stdin="80\n")
    said = flat(done.stdout + done.stderr)
    assert BACK.format(path=path) in said
    assert HOW.format(reference=reference) in said
    assert AT_THE_END.format(reference=reference) in said  # at the end of input
    assert "Choose another file with --store PATH to save" not in said
    assert "as you chose" not in said and "Traceback" not in said
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_plain_save_and_quit_say_the_earlier_answers_are_kept_and_new_ones_are_not(
    tmp_path: Path, example: Bundle
) -> None:
    path, reference, _ = read_only_store(tmp_path, example)
    done = support_plan(
        "resume", reference, "--plain", "--store", str(path), stdin="save\nquit\nquit\n"
    )
    said = flat(done.stdout)
    assert said.count(KEPT.format(reference=reference)) == 2  # on save, and before leaving
    assert "Type quit again to leave anyway." in said
    assert said.endswith(AT_THE_END.format(reference=reference))
    assert "Your answers are saved" not in said and done.returncode == 0


async def test_the_app_says_it_on_resume_and_its_dialogs_agree(
    tmp_path: Path, example: Bundle
) -> None:
    path, reference, before = read_only_store(tmp_path, example)
    app = AssistantApp(example, "en_GB", translator=translator_for("en_GB"))
    app.store_path = str(path)
    saving = app.saving = AppSaving(str(path), None, HeldMessages())
    app.opener = lambda ref: resume_saving(ref, example, saving.dialogue(app), store=str(path))
    app.resume_at_start = reference
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(300):  # the opening thread, then the first step (no fixed sleeps)
            if app.started and app.screen is app.conversation and not app.workers:
                break
            await pilot.pause(0.01)
        assert app.started and app.save_reference is None
        assert BACK.format(path=path) in flat(screen_text(app))
        await pilot.press("f4")  # take a break
        assert isinstance(app.screen, Dialog)
        assert KEPT.format(reference=reference) in flat(screen_text(app))
        await pilot.press("escape", "ctrl+q")
        assert isinstance(app.screen, Dialog) and app.screen.id == "quit-dialog"
        text = flat(screen_text(app))
        assert KEPT.format(reference=reference) in text and "Your answers are saved" not in text
        await pilot.press("escape")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
