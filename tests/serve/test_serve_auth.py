"""Nothing of ``support-plan serve`` is reachable without signing in, the websocket included;
and the advisers file is checked as the administrator writes it.
"""

from __future__ import annotations

import base64
import http.client
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serve_helpers import PASSWORD, add_adviser, served
from support_plan_cli import support_plan

from assistant.serve.accounts import Accounts, AccountsError
from assistant.serve.accounts import add_adviser as add_line

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def helpline(pg_url: str, tmp_path: Path) -> Iterator[str]:
    advisers = tmp_path / "advisers"
    add_adviser(advisers, "asha", "north")
    with served(advisers, pg_url, tmp_path / "serve.log") as address:
        yield address


def _request(
    address: str, method: str, path: str, headers: dict[str, str] | None = None, body: str = ""
) -> http.client.HTTPResponse:
    parts = urlsplit(address)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request(method, path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _websocket_headers(address: str, cookie: str = "") -> dict[str, str]:
    headers = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
        "Origin": address,
    }
    if cookie:
        headers["Cookie"] = cookie
    return headers


def _sign_in(address: str, name: str, password: str) -> http.client.HTTPResponse:
    form = f"name={name}&password={password.replace(' ', '+')}"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return _request(address, "POST", "/sign-in", headers, form)


def test_nothing_is_reachable_without_signing_in(helpline: str, tmp_path: Path) -> None:
    page = _request(helpline, "GET", "/")
    assert page.status == 303 and page.headers["Location"] == "/sign-in"
    for path in ("/static/js/textual.js", "/download/anything", "/ws?width=80&height=24"):
        assert _request(helpline, "GET", path).status == 401, path
    socket = _request(helpline, "GET", "/ws", _websocket_headers(helpline))
    assert socket.status == 401
    forged = _request(
        helpline, "GET", "/ws", _websocket_headers(helpline, "support_plan_session=x")
    )
    assert forged.status == 401
    assert "app started" not in (tmp_path / "serve.log").read_text()


def test_a_wrong_password_gets_no_session(helpline: str) -> None:
    for name, password in (("asha", "wrong password!"), ("nobody", PASSWORD)):
        response = _sign_in(helpline, name, password)
        assert response.status == 401
        assert response.headers.get("Set-Cookie") is None


def test_signing_in_opens_the_app_and_its_socket_only_from_its_own_page(
    helpline: str, tmp_path: Path
) -> None:
    response = _sign_in(helpline, "asha", PASSWORD)
    assert response.status == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"].split(";")[0]
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "SameSite=Strict" in response.headers["Set-Cookie"]
    assert _request(helpline, "GET", "/", {"Cookie": cookie}).status == 200
    assert _request(helpline, "GET", "/static/js/textual.js", {"Cookie": cookie}).status == 200
    elsewhere = _websocket_headers("http://evil.example", cookie)
    assert _request(helpline, "GET", "/ws", elsewhere).status == 403
    signed_out = _request(helpline, "POST", "/sign-out", {"Cookie": cookie, "Origin": helpline})
    assert signed_out.status == 303
    assert _request(helpline, "GET", "/static/js/textual.js", {"Cookie": cookie}).status == 401


def test_the_advisers_file_is_private_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "advisers"
    add_line(path, "asha", "north", PASSWORD)
    add_line(path, "ben", "north", PASSWORD + "2")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert PASSWORD not in path.read_text()
    accounts = Accounts(path)
    assert accounts.check("asha", PASSWORD) is not None
    assert accounts.check("asha", PASSWORD + "2") is None
    assert accounts.check("ben", PASSWORD + "2").organisation == "north"  # type: ignore[union-attr]
    path.write_text(path.read_text() + "carol:south\n")
    with pytest.raises(AccountsError, match=rf"{path}:3: expected name:organisation"):
        Accounts(path)
    with pytest.raises(AccountsError, match="at least 12"):
        add_line(tmp_path / "other", "dan", "north", "short")


def test_serve_says_what_is_missing_in_one_line(tmp_path: Path, pg_cluster: object) -> None:
    done = support_plan("serve", "--advisers", str(tmp_path / "none"))
    assert (
        done.returncode == 1 and "cannot be read" in done.stderr and "--add-adviser" in done.stderr
    )
    add_line(tmp_path / "advisers", "asha", "north", PASSWORD)
    unreachable = f"postgresql://postgres@/x?host={tmp_path}"
    done = support_plan("serve", "--advisers", str(tmp_path / "advisers"), "--store", unreachable)
    assert done.returncode == 1 and "cannot be reached" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def _page(
    address: str, path: str, headers: dict[str, str] | None = None, body: str = ""
) -> tuple[int, str]:
    """A page's status and text (GET, or POST when there is a body)."""
    parts = urlsplit(address)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request("POST" if body else "GET", path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, text


def test_the_sign_in_page_speaks_the_browsers_language(helpline: str) -> None:
    status, welsh = _page(helpline, "/sign-in", {"Accept-Language": "fr, cy;q=0.9, en;q=0.5"})
    assert status == 200 and '<html lang="cy">' in welsh
    assert "Mewngofnodi - Support Plan Assistant" in welsh and "Enw defnyddiwr" in welsh
    assert "Advisers sign in" not in welsh
    assert '<a href="/sign-in?lang=pl" lang="pl" hreflang="pl">Polski</a>' in welsh
    _, english = _page(helpline, "/sign-in", {"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en-GB">' in english and "Advisers sign in with the name" in english


def test_a_language_chosen_on_the_page_is_kept_through_a_failed_sign_in(helpline: str) -> None:
    status, polish = _page(helpline, "/sign-in?lang=pl", {"Accept-Language": "cy"})
    assert status == 200 and '<html lang="pl">' in polish and "Zaloguj się" in polish
    assert '<input type="hidden" name="lang" value="pl">' in polish
    form = f"name=asha&password=not+{PASSWORD.replace(' ', '+')}&lang=pl"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "cy"}
    status, refused = _page(helpline, "/sign-in", headers, form)
    assert status == 401 and '<html lang="pl">' in refused
    assert "Ta nazwa i hasło do siebie nie pasują." in refused
    assert "do not match" not in refused


def test_serve_says_what_is_missing_in_the_language_asked(tmp_path: Path) -> None:
    done = support_plan("serve", "--lang", "cy")
    assert done.returncode == 1
    assert "dywedwch ble mae ffeil y cynghorwyr: --advisers FILE" in done.stderr
    add_line(tmp_path / "advisers", "asha", "north", PASSWORD)
    done = support_plan("serve", "--lang", "pl", "--advisers", str(tmp_path / "advisers"))
    assert done.returncode == 1 and "podaj, gdzie zapisywane są sprawy" in done.stderr
