"""Helpers for the browser tests: a served app on a free local port, Chromium, screen text.

The app draws on a canvas, so what it shows is read from the bytes the server sends down
the websocket (ANSI escapes removed): :class:`Screen` keeps them, and waits for text.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery"
_ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make test installs it)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def add_adviser(advisers: Path, name: str, organisation: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--advisers", str(advisers)]
        + ["--add-adviser", name, "--organisation", organisation],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@contextmanager
def served(advisers: Path, store: str, log: Path, flow: str = "example") -> Iterator[str]:
    """``support-plan serve`` on a free port of 127.0.0.1; yields its address; stops it."""
    port = free_port()
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--advisers", str(advisers)]
            + ["--store", store, "--port", str(port), "--flow", flow],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise AssertionError(f"serve stopped: {log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {log.read_text()}") from None
                time.sleep(0.05)
        yield address
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Screen:
    """The text a page's app has sent, from its websocket frames."""

    def __init__(self, page: Any) -> None:
        self.text = ""
        self.page = page
        page.on("websocket", self._socket)

    def _socket(self, websocket: Any) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: Any) -> None:
        if isinstance(payload, bytes | bytearray):
            plain = _ANSI.sub(b"", bytes(payload)).decode("utf-8", "replace")
            self.text += plain

    def mark(self) -> int:
        """Where the text ends now (wait for text after it)."""
        return len(self.text)

    def wait_for(self, wanted: str, after: int = 0, timeout: float = 60) -> None:
        """Wait until ``wanted`` has been drawn (after ``after``)."""
        deadline = time.monotonic() + timeout
        while wanted not in self.text[after:]:
            if time.monotonic() > deadline:
                tail = self.text[-600:].replace("\n", " ")
                if os.environ.get("SERVE_SCREENSHOTS"):  # a picture of the failure, to look at
                    self.page.screenshot(path=os.environ["SERVE_SCREENSHOTS"])
                raise AssertionError(f"{wanted!r} was never shown; last text: {tail!r}")
            self.page.wait_for_timeout(25)


def chromium(playwright: Any) -> Any:
    """Debian's Chromium, headless, with nothing reaching outside this machine."""
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists()
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


def sign_in(page: Any, address: str, name: str, password: str = PASSWORD) -> None:
    page.goto(address + "/")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("button[type=submit]")
