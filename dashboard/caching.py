"""How long browsers and proxies may keep each answer: fingerprinted files a year, other static files asked again.

A briefing room on a poor link pays a round trip (300 ms and more) for every file it asks about again, and
seconds for every file it downloads again. Dash already puts a fingerprint in the URL of its component
bundles (``dash_renderer.v4_4_1m1796016258.min.js``) and the modification time in the URL of each asset
(``lokus.css?m=1796035374.25``): a changed file gets a new URL, so what a URL names never changes and may be
kept a year without asking (``immutable``). Files reached without a fingerprint (Dash's on-demand chunks,
a hand-typed asset URL) may be stored but are asked about every time (``no-cache``: a 304 without body).

Nothing else is touched: pages, callbacks, ``/_dash-layout``, downloads and API answers keep their own
headers (drafts and personal pages must never sit in a shared cache). A response marked ``public`` is one any
cache may hand to anyone, so it never carries a cookie: neither the session nor the CSRF token.
"""

from __future__ import annotations

import os

from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from werkzeug.datastructures import MultiDict

__all__ = ["IMMUTABLE", "REVALIDATE", "asset_url", "install", "lifetime"]

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def lifetime(path: str, args: MultiDict[str, str], prefix: str = "/") -> str | None:
    """The ``Cache-Control`` of a static file's answer; None for anything that is not a static file.

    >>> lifetime("/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1796016258.js", MultiDict())
    'public, max-age=31536000, immutable'
    >>> lifetime("/_dash-component-suites/dash/dcc/async-graph.js", MultiDict())
    'no-cache'
    >>> lifetime("/assets/lokus.css", MultiDict({"m": "1796035374.25"})), lifetime("/assets/lokus.css", MultiDict())
    ('public, max-age=31536000, immutable', 'no-cache')
    >>> lifetime("/_dash-layout", MultiDict()) is None, lifetime("/", MultiDict()) is None
    (True, True)
    """
    if not path.startswith(prefix):
        return None
    local = path[len(prefix) :]
    if local.startswith("_dash-component-suites/"):
        _, fingerprinted = check_fingerprint(local)
        return IMMUTABLE if fingerprinted else REVALIDATE
    if local.startswith("assets/"):
        return IMMUTABLE if args.get("m") else REVALIDATE
    if local == "_favicon.ico":  # Dash's own icon, versioned by Dash's version
        return IMMUTABLE if args.get("v") else REVALIDATE
    return None


def asset_url(app: Dash, name: str) -> str:
    """The URL of an asset with its modification time, as Dash writes its own asset links (so long-cached)."""
    modified = os.path.getmtime(os.path.join(app.config.assets_folder, name))
    return f"{app.get_asset_url(name)}?m={modified}"


class _NoCookieOnPublic(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, except that an answer marked ``public`` carries no cookie at all.

    The session is saved after every ``after_request`` hook, so this is the last word on the answer's cookies.
    """

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if response.cache_control.public:
            response.headers.remove("Set-Cookie")
            return
        super().save_session(app, session, response)


def install(app: Dash) -> None:
    """Set the lifetime of every static answer of ``app`` and keep cookies off public answers.

    The order among other ``after_request`` hooks does not matter: the session interface, which runs after all
    of them, removes any cookie a hook set on an answer this one marked public.
    """
    server: Flask = app.server
    prefix = app.config.requests_pathname_prefix
    server.session_interface = _NoCookieOnPublic()

    @server.after_request
    def set_lifetime(response: Response) -> Response:
        if request.method not in {"GET", "HEAD"} or response.status_code not in {200, 304}:
            return response
        value = lifetime(request.path, request.args, prefix)
        if value is not None:
            response.headers["Cache-Control"] = value
        return response
