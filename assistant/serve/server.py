"""``support-plan serve``: the Textual app in advisers' browsers, behind sign-in.

textual-serve (an aiohttp server) starts one app process per browser websocket and ends
it when the socket closes; it has no sign-in of its own and passes nothing of the
request to the app. :class:`HelplineServer` adds both. Every request except the sign-in
page itself needs a session cookie made by signing in with a name and password from the
administrator's advisers file (:mod:`assistant.serve.accounts`): without one, ``/`` sends
the browser to the sign-in page and everything else (the websocket, static files,
downloads) gets 401 and no body. The websocket must also come from the server's own page
(its ``Origin``). The signed-in adviser and their organisation reach the app process
through its environment (``SUPPORT_PLAN_ADVISER``, ``SUPPORT_PLAN_ORGANISATION``), so the
store records them on every event and shows only that organisation's cases.

Sessions live in this process's memory only (restarting the server signs everyone out)
and last :data:`SESSION_HOURS`. The app commits every answer before its next screen, so a
closed tab or a dropped connection loses nothing: the adviser signs in and resumes.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from assistant.i18n import LOCALES
from assistant.serve.accounts import Accounts, Adviser
from assistant.serve.signin import NO_MATCH, page_locale, sign_in_page

log = logging.getLogger(__name__)

COOKIE = "support_plan_session"
SESSION_HOURS = 12
#: Seconds a wrong password waits before the answer, to slow guessing.
FAILED_SIGN_IN_DELAY = 1.0
_OPEN_PATHS = frozenset({"/sign-in"})


@dataclass(frozen=True)
class SignedIn:
    """One browser's session: who signed in, and until when it is good."""

    adviser: Adviser
    until: float
    #: The language the adviser signed in in: the app starts in it too.
    locale: str = "en_GB"


class AdviserAppService(AppService):
    """textual-serve's app process, told who the signed-in adviser is."""

    def __init__(self, command: str, *, identity: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.identity = identity

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.identity)
        return environment


class HelplineServer(Server):
    """textual-serve with sign-in, and the adviser's identity passed to each app process."""

    def __init__(
        self,
        command: str,
        accounts: Accounts,
        *,
        environment: dict[str, str],
        locale: str = "en_GB",
        **kwargs: Any,
    ) -> None:
        super().__init__(command, **kwargs)
        self.accounts = accounts
        self.environment = environment
        #: The sign-in page's language when the browser asks for none we ship.
        self.locale = locale
        self.sessions: dict[str, SignedIn] = {}
        self.secure = self.public_url.startswith("https://")
        origin = urlsplit(self.public_url)
        self.origin = f"{origin.scheme}://{origin.netloc}"

    def initialize_logging(self) -> None:
        """Plain log lines (never answers: the app's screens do not pass through logs)."""
        logging.basicConfig(level="INFO", format="%(asctime)s %(name)s %(message)s")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._require_sign_in)
        app.router.add_get("/sign-in", self._sign_in_page)
        app.router.add_post("/sign-in", self._sign_in)
        app.router.add_post("/sign-out", self._sign_out)
        return app

    async def on_startup(self, app: web.Application) -> None:
        log.info(
            "serving %r on %s (%d advisers)", self.command, self.public_url, len(self.accounts)
        )

    # -- sign-in ------------------------------------------------------------------------
    def signed_in(self, request: web.Request) -> SignedIn | None:
        """The session this request's cookie names (who, and in which language), if it is
        still good."""
        token = request.cookies.get(COOKIE, "")
        session = self.sessions.get(token)
        if session is None:
            return None
        if session.until < time.time():
            self.sessions.pop(token, None)
            return None
        return session

    @web.middleware
    async def _require_sign_in(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path in _OPEN_PATHS:
            response: web.StreamResponse = await handler(request)
            return response
        session = self.signed_in(request)
        if session is None:
            if request.path == "/" and request.method == "GET":
                raise web.HTTPSeeOther("/sign-in")
            raise web.HTTPUnauthorized()
        if request.path == "/ws" and request.headers.get("Origin") != self.origin:
            log.warning("refused a websocket from another site (%s)", request.headers.get("Origin"))
            raise web.HTTPForbidden()
        request["session"] = session
        response = await handler(request)
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    async def _sign_in_page(self, request: web.Request) -> web.Response:
        return sign_in_page(self.title, page_locale(request, self.locale))

    async def _sign_in(self, request: web.Request) -> web.Response:
        form = await request.post()
        name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))
        locale = page_locale(request, self.locale, str(form.get("lang", "")) or None)
        adviser = await asyncio.to_thread(self.accounts.check, name, password)
        if adviser is None:
            log.info("a sign-in failed")
            await asyncio.sleep(FAILED_SIGN_IN_DELAY)
            return sign_in_page(self.title, locale, NO_MATCH, 401)
        token = secrets.token_urlsafe(32)
        self.sessions[token] = SignedIn(adviser, time.time() + SESSION_HOURS * 3600, locale)
        log.info("adviser %s of %s signed in", adviser.name, adviser.organisation)
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(
            COOKIE,
            token,
            max_age=SESSION_HOURS * 3600,
            httponly=True,
            samesite="Strict",
            secure=self.secure,
            path="/",
        )
        return response

    async def _sign_out(self, request: web.Request) -> web.Response:
        if request.headers.get("Origin") not in (None, self.origin):
            raise web.HTTPForbidden()
        self.sessions.pop(request.cookies.get(COOKIE, ""), None)
        response = web.Response(status=303, headers={"Location": "/sign-in"})
        response.del_cookie(COOKIE, path="/")
        return response

    # -- the app ------------------------------------------------------------------------
    def identity(self, adviser: Adviser) -> dict[str, str]:
        """The environment that tells one app process who is using it."""
        return {
            **self.environment,
            "SUPPORT_PLAN_ADVISER": adviser.name,
            "SUPPORT_PLAN_ORGANISATION": adviser.organisation,
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, starting the app as the signed-in adviser."""
        session: SignedIn = request["session"]
        adviser = session.adviser
        # The app starts in the sign-in page's language (a code of ours: safe in a command).
        command = f"{self.command} --lang {session.locale}" if session.locale in LOCALES else ""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width", "80"), 80)
        height = _int(request.query.get("height", "24"), 24)
        service: AdviserAppService | None = None
        try:
            await websocket.prepare(request)
            service = AdviserAppService(
                command or self.command,
                identity=self.identity(adviser),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            log.info("app started for %s of %s", adviser.name, adviser.organisation)
            try:
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - as textual-serve: log, close the socket
            log.error("app session ended with %s", type(error).__name__)
        finally:
            if service is not None:
                await service.stop()
        return websocket


def _int(text: str, default: int) -> int:
    try:
        return max(10, min(int(text), 1000))
    except ValueError:
        return default
