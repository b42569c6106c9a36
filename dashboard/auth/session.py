"""The signed-in session: the Flask-Login user, the secret key, the acting user of a request, the CSRF token,
safe redirect targets and the language a sign-in page was asked in."""

from __future__ import annotations

import os
import secrets
from dataclasses import replace
from urllib.parse import urlsplit

from dash import Dash
from flask import request, session
from flask_login import UserMixin, current_user

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import ANONYMOUS, Actor
from dashboard.config import Settings
from dashboard.data.accounts import UserRecord
from dashboard.i18n import LANGUAGES

__all__ = [
    "CSRF_COOKIE",
    "CSRF_HEADER",
    "UPLOAD_ROUTE",
    "SessionUser",
    "client_address",
    "csrf_token",
    "current_actor_of_request",
    "guard_of",
    "page_lang",
    "safe_next",
    "secret_key",
]

CSRF_COOKIE = "_csrf_token"  # Dash's renderer default name
CSRF_HEADER = "X-CSRFToken"
UPLOAD_ROUTE = "/unggah"


class SessionUser(UserMixin):
    """The Flask-Login user: an account, identified in the cookie by id and session generation."""

    def __init__(self, record: UserRecord) -> None:
        self.record = record

    def get_id(self) -> str:
        return f"{self.record.id}:{self.record.session_generation}"

    @property
    def actor(self) -> Actor:
        return self.record.actor


def secret_key(settings: Settings) -> str:
    """``DASHBOARD_SECRET_KEY``, else a random key kept in ``<data dir>/secret_key`` (created once, mode 600)."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.data_dir / "secret_key"
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as out:
        out.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def guard_of(app: Dash) -> SecuredApp:
    """The guard table of an app built by :func:`dashboard.application.create_app`."""
    guard: SecuredApp = app.server.extensions["lokus_guard"]
    return guard


def current_actor_of_request() -> Actor:
    """The signed-in actor of the current request, or the anonymous public."""
    user = current_user
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    actor: Actor = user.actor
    return replace(actor, address=client_address())


def client_address() -> str:
    """The client's address (the proxy's forwarded one behind ``DASHBOARD_TRUSTED_PROXIES``)."""
    return request.remote_addr or ""


def csrf_token() -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def page_lang() -> str:
    """``?lang=`` of the request when it names a language, else Indonesian."""
    chosen = request.args.get("lang") or ""
    return chosen if chosen in set(LANGUAGES) else "id"


def safe_next(target: str | None) -> str:
    r"""Only a path of this site (OWASP "Unvalidated Redirects and Forwards"), else ``/``.

    Browsers drop tabs and line breaks from a URL and read ``\`` as ``/``, so ``/<tab>/evil.example`` is
    ``//evil.example``: any control character, whitespace or backslash refuses the target, as does a
    scheme or a host.

    >>> [safe_next(t) for t in ("/lokus?x=1", "//evil.example", "/\t/evil.example", "https://evil.example", "/\\evil")]
    ['/lokus?x=1', '/', '/', '/', '/']
    """
    if not target or not target.startswith("/") or any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return "/"
    return target
