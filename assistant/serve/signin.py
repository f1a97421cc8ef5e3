"""The sign-in page of ``support-plan serve``, in English, Welsh or Polish.

Its language is the one chosen with its own links (``/sign-in?lang=cy``, kept through the
form), else the first of the browser's languages (``Accept-Language``) that we ship, else
the server's (``serve --lang``, else the system's). The page is plain HTML: no script,
nothing from elsewhere, one form, high contrast, large text, the focus always visible.
"""

from __future__ import annotations

import html
from functools import cache

from aiohttp import web

from assistant.engine.outputs import Msg
from assistant.i18n import LOCALES, MissingCatalog, Translator, match_locale, translator_for
from assistant.values import N_

#: What a failed sign-in says (never which of the two was wrong).
NO_MATCH = N_("That name and password do not match. Check both and try again.")


def page_locale(request: web.Request, default: str, chosen: str | None = None) -> str:
    """The page's language: ``chosen`` (the form's or the link's), else the browser's, else
    ``default``."""
    asked = chosen if chosen is not None else request.query.get("lang")
    if asked:
        found = match_locale([asked])
        if found:
            return found
    return match_locale(browser_languages(request.headers.get("Accept-Language", ""))) or default


def browser_languages(header: str) -> list[str]:
    """``Accept-Language`` as a list, most wanted first (``cy,en;q=0.8`` is cy, then en)."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            ranked.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


@cache
def _translator(locale: str) -> Translator:
    try:
        return translator_for(locale)
    except MissingCatalog:  # a catalog not built: the page in English
        return translator_for("en_GB")


def sign_in_page(title: str, locale: str, problem: str = "", status: int = 200) -> web.Response:
    """The sign-in form in ``locale``; ``problem`` is a message id to show above it."""
    t = _translator(locale)

    def say(msgid: str, **params: str) -> str:
        return html.escape(t.render(Msg(msgid, None, params)))

    error = f'<p id="problem" role="alert"><strong>{say(problem)}</strong></p>' if problem else ""
    languages = " · ".join(
        f'<span lang="{_tag(code)}" aria-current="true">{html.escape(name)}</span>'
        if code == locale
        else f'<a href="/sign-in?lang={code}" lang="{_tag(code)}" hreflang="{_tag(code)}">'
        f"{html.escape(name)}</a>"
        for code, name in LOCALES.items()
    )
    body = f"""<!DOCTYPE html>
<html lang="{_tag(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{say(N_("Sign in - {title}"), title=title)}</title>
<style>
body {{ font: 1.25rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto;
       padding: 0 1rem; background: #fff; color: #000; }}
label {{ display: block; margin-top: 1rem; font-weight: bold; }}
input {{ font: inherit; width: 100%; padding: .4rem; border: 2px solid #000; }}
button {{ font: inherit; margin-top: 1.5rem; padding: .5rem 1.5rem; border: 2px solid #000;
         background: #000; color: #fff; }}
a {{ color: #00e; }}
:focus {{ outline: 4px solid #fd0; outline-offset: 2px; }}
#problem {{ border-left: 6px solid #b00; padding-left: .75rem; }}
</style></head><body>
<nav aria-label="{say(N_("Language"))}">{languages}</nav>
<h1>{html.escape(title)}</h1>
<p>{say(N_("Advisers sign in with the name and password their administrator gave them."))}</p>
{error}
<form method="post" action="/sign-in">
<input type="hidden" name="lang" value="{locale}">
<label for="name">{say(N_("User name"))}</label>
<input id="name" name="name" autocomplete="username" required autofocus>
<label for="password">{say(N_("Password"))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{say(N_("Sign in"))}</button>
</form></body></html>
"""
    return web.Response(text=body, content_type="text/html", status=status)


def _tag(locale: str) -> str:
    """The HTML language tag of a locale (en_GB is en-GB)."""
    return locale.replace("_", "-")
