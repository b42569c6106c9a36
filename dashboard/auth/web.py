"""Sign-in and hardening of the web server: sessions, login/logout/password pages, CSRF, headers, uploads.

Built on well-kept libraries rather than our own code: Flask-Login (sessions), argon2-cffi (through
:mod:`dashboard.data.accounts`), flask-limiter (login attempts), flask-talisman (security headers).

- The session cookie is HttpOnly, SameSite=Lax, Secure with ``DASHBOARD_HTTPS=1``, and expires after
  ``DASHBOARD_SESSION_HOURS`` without activity. It names the account *and* its session generation, so
  a password change, a deactivation or "sign out everywhere" ends every older session at once.
- The secret key comes from ``DASHBOARD_SECRET_KEY`` or is generated once into ``<data dir>/secret_key``,
  so every worker of one deployment signs and reads the same sessions.
- CSRF (OWASP CSRF Prevention Cheat Sheet): a state-changing request whose ``Origin`` (or ``Referer``)
  is another origin is refused; callback and upload requests must also carry the session's token in
  ``X-CSRFToken``, which Dash's renderer copies from the ``_csrf_token`` cookie (a custom header
  cannot be sent cross-origin without a CORS preflight, which this server never grants).
- Callback requests are capped at ``DASHBOARD_MAX_CALLBACK_MB``; files go through ``POST /unggah``
  (raw bytes, streamed to disk, capped at ``DASHBOARD_MAX_UPLOAD_MB``).
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import os
import secrets
from dataclasses import replace
from datetime import timedelta
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import flask
from dash import Dash
from flask import Response, redirect, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.auth.guard import SecuredApp, install_actor_hook
from dashboard.auth.roles import ANONYMOUS, Actor, Permission, can
from dashboard.config import Settings
from dashboard.data.accounts import AccountError, UserRecord
from dashboard.data.uploads import UploadTooLarge
from dashboard.i18n import LANGUAGES, t
from dashboard.services import Services

__all__ = [
    "CSRF_COOKIE",
    "CSRF_HEADER",
    "UPLOAD_ROUTE",
    "SessionUser",
    "content_security_policy",
    "current_actor_of_request",
    "guard_of",
    "install",
    "safe_next",
    "secret_key",
]

log = logging.getLogger(__name__)

CSRF_COOKIE = "_csrf_token"  # Dash's renderer default name
CSRF_HEADER = "X-CSRFToken"
UPLOAD_ROUTE = "/unggah"
_CALLBACK_PATHS = ("/_dash-update-component",)


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
    return request.remote_addr or ""


def _same_origin(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) and f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


def _csrf_token() -> str:
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def _lang() -> str:
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


def _page(title: str, body: str, lang: str) -> Response:
    document = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Lokus</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css"><link rel="stylesheet" href="/assets/lokus.css">
<link rel="stylesheet" href="/assets/print.css"></head>
<body class="auth-page"><main class="container auth-box">
<h1 class="h3 my-4"><a href="/" class="brand-name text-decoration-none">Lokus</a> · {html.escape(title)}</h1>
{body}</main></body></html>"""
    return Response(document, mimetype="text/html")


def _login_form(lang: str, next_path: str, message: str = "", status: int = 200) -> Response:
    alert = f'<div class="alert alert-danger" role="alert">{html.escape(message)}</div>' if message else ""
    other = "en" if lang != "en" else "id"
    switch = (f'<p class="text-end small"><a href="/login?lang={other}&amp;next={quote(next_path)}">'
              f'{html.escape(t("auth.language", lang))}</a></p>')  # fmt: skip
    body = f"""{switch}{alert}<p>{html.escape(t("auth.login.intro", lang))}</p>
<form method="post" action="/login?lang={lang}" class="auth-form">
<input type="hidden" name="next" value="{html.escape(next_path)}">
<div class="mb-3"><label class="form-label" for="username">{html.escape(t("auth.username", lang))}</label>
<input class="form-control" id="username" name="username" autocomplete="username" required autofocus></div>
<div class="mb-3"><label class="form-label" for="password">{html.escape(t("auth.password", lang))}</label>
<input class="form-control" id="password" name="password" type="password" autocomplete="current-password" required>
</div><button class="btn btn-primary" type="submit" id="login-submit">{html.escape(t("auth.login", lang))}</button>
</form>"""
    response = _page(t("auth.login", lang), body, lang)
    response.status_code = status
    return response


def _password_form(lang: str, message: str = "", ok: bool = False, status: int = 200) -> Response:
    colour = "success" if ok else "danger"
    alert = f'<div class="alert alert-{colour}" role="alert">{html.escape(message)}</div>' if message else ""
    token = html.escape(_csrf_token())

    def field(name: str, label: str, auto: str) -> str:
        return (f'<div class="mb-3"><label class="form-label" for="{name}">{html.escape(t(label, lang))}</label>'
                f'<input class="form-control" id="{name}" name="{name}" type="password" autocomplete="{auto}" '
                'required></div>')  # fmt: skip

    body = f"""{alert}<form method="post" action="/akun/sandi">
<input type="hidden" name="csrf_token" value="{token}">
{field("current", "auth.password.current", "current-password")}
{field("new", "auth.password.new", "new-password")}
{field("repeat", "auth.password.repeat", "new-password")}
<button class="btn btn-primary" type="submit">{html.escape(t("auth.password.change", lang))}</button>
<a class="btn btn-link" href="/">{html.escape(t("auth.back", lang))}</a></form>"""
    response = _page(t("auth.password.change", lang), body, lang)
    response.status_code = status
    return response


def content_security_policy(app: Dash, settings: Settings) -> dict[str, Any]:
    """A CSP that allows no other host: Dash's inline scripts by hash, ``blob:`` for map workers."""
    connect = ["'self'"]
    images = ["'self'", "data:", "blob:"]
    if settings.tile_url:  # an operator's tile server, only when configured
        parts = urlsplit(settings.tile_url)
        images.append(f"{parts.scheme}://{parts.netloc}")
        connect.append(f"{parts.scheme}://{parts.netloc}")
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],  # plotly and the components set inline styles
        "img-src": images,
        "font-src": ["'self'", "data:"],
        "connect-src": connect,
        "worker-src": ["'self'", "blob:"],
        "child-src": ["'self'", "blob:"],
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def _public_read(path: str) -> bool:
    """The published site and open-data API (``/publik``, ``/metode``, ``/unduh``, ``/api/v1``): anonymous reads
    that need no session, so they set no cookie (a staff download such as ``/unduh/ringkasan/...`` does)."""
    return path.startswith(("/publik", "/api/v1")) or path in ("/metode", "/unduh", "/unduh/")


def install(app: Dash, secured: SecuredApp, settings: Settings, services: Services) -> None:
    """Sessions, sign-in pages, the request checks and the upload route on ``app.server``.

    Call after every callback is registered: the CSP hashes Dash's inline scripts. An app without a
    database (a fixed data source) has no accounts: nobody signs in and only public callbacks run.
    """
    accounts = services.accounts
    server: flask.Flask = app.server
    server.extensions["lokus_guard"] = secured
    if settings.trusted_proxies:
        # Behind a reverse proxy the client's address comes from X-Forwarded-For, set by that many proxies;
        # without it every user shares the proxy's address (one rate limit, one address in the audit log).
        server.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            server.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies,
            x_host=settings.trusted_proxies,
        )  # fmt: skip
    server.secret_key = secret_key(settings)
    server.config.update(
        SESSION_COOKIE_NAME="lokus_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.https,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours),
        SESSION_REFRESH_EACH_REQUEST=True,
        REMEMBER_COOKIE_DURATION=timedelta(seconds=0),
        MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024 + 64 * 1024,
    )
    manager = LoginManager()
    manager.session_protection = "basic"
    manager.init_app(server)

    @manager.user_loader
    def load(user_key: str) -> SessionUser | None:
        user_id, _, generation = user_key.partition(":")
        if accounts is None or not user_id.isdigit() or not generation.isdigit():
            return None
        record = accounts.user(int(user_id))
        if record is None or not record.active or record.session_generation != int(generation):
            return None
        return SessionUser(record)

    @manager.unauthorized_handler
    def unauthorised() -> Response:
        return redirect(f"/login?next={request.full_path}")  # type: ignore[return-value]

    install_actor_hook(current_actor_of_request)

    limiter = Limiter(get_remote_address, app=server, storage_uri=settings.rate_limit_storage,
                      default_limits=[], headers_enabled=True)  # fmt: skip

    callback_limit = settings.max_callback_mb * 1024 * 1024

    @server.before_request
    def check_request() -> Response | None:
        path = request.path
        if not _public_read(path):  # the public site and its API set no cookie: cacheable, nothing to track
            session.permanent = True
        state_changing = request.method not in {"GET", "HEAD", "OPTIONS"}
        if state_changing:
            origin = request.headers.get("Origin") or request.headers.get("Referer")
            if origin and not _same_origin(origin):
                log.warning("cross-origin %s %s from %s refused", request.method, path, origin)
                return Response("cross-origin request refused", status=403)
        if path in _CALLBACK_PATHS and (request.content_length or 0) > callback_limit:
            return Response("callback request too large", status=413)
        if (path in _CALLBACK_PATHS or path == UPLOAD_ROUTE) and state_changing:
            sent = request.headers.get(CSRF_HEADER, "")
            expected = session.get("csrf")
            if not isinstance(expected, str) or not hmac.compare_digest(sent, expected):
                return Response("missing or wrong CSRF token", status=403)
        if path in _CALLBACK_PATHS and request.method == "POST":
            body = request.get_json(silent=True)
            output = body.get("output") if isinstance(body, dict) else None
            status = secured.authorise(str(output), current_actor_of_request())
            if status is not None:
                return Response("not allowed" if status == 403 else "sign in first", status=status)
        return None

    @server.after_request
    def set_csrf_cookie(response: Response) -> Response:
        # The renderer reads this cookie and sends it back in X-CSRFToken; a page on another origin can
        # neither read it nor send the header.
        if _public_read(request.path) and request.method in {"GET", "HEAD", "OPTIONS"}:
            return response
        token = _csrf_token()
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, samesite="Strict", secure=settings.https, httponly=False)
        return response

    def login_page() -> Response:
        lang = _lang()
        next_path = safe_next(request.values.get("next"))
        if request.method == "GET":
            if current_actor_of_request() is not ANONYMOUS:
                return redirect(next_path)  # type: ignore[return-value]
            return _login_form(lang, next_path)
        username = (request.form.get("username") or "").strip()
        password = request.form.get("password") or ""
        if accounts is None:
            return _login_form(lang, next_path, t("auth.login.failed", lang), status=401)
        record = accounts.verify(username, password) if username and password else None
        if record is None:
            accounts.audit(None, "login", target=username[:64] or None, address=client_address(), outcome="refused")
            return _login_form(lang, next_path, t("auth.login.failed", lang), status=401)
        session.clear()  # a new session on sign-in (OWASP Session Management: no fixation)
        session.permanent = True  # ends after DASHBOARD_SESSION_HOURS without activity
        login_user(SessionUser(record))
        _csrf_token()
        accounts.audit(record.actor, "login", target=record.username, address=client_address())
        return redirect(next_path)  # type: ignore[return-value]

    # Only refused attempts count (a planner signing in ten times is not an attack); each refusal by the
    # limiter is audited like a refused password.
    def refused_attempt(response: Response) -> bool:
        return response.status_code != 302

    def breached(limit: Any) -> None:
        if accounts is not None:
            name = (request.form.get("username") or "").strip()[:64] or None
            accounts.audit(None, "login", target=name, address=client_address(), outcome="rate_limited",
                           detail={"limit": str(limit.limit)})  # fmt: skip

    login_view = limiter.limit(settings.login_rate_limit, methods=["POST"], deduct_when=refused_attempt,
                               on_breach=breached)(login_page)  # fmt: skip
    server.add_url_rule("/login", "lokus_login", login_view, methods=["GET", "POST"])

    def logout() -> Response:
        actor = current_actor_of_request()
        if actor is not ANONYMOUS and accounts is not None:
            # Sessions live in a signed cookie: a callback still running when the user signs out would send the
            # old cookie back and sign them in again. Moving the account's session generation on makes every
            # earlier cookie of the account worthless (this signs the account out on its other devices too).
            accounts.end_sessions(actor.username)
            accounts.audit(actor, "logout", target=actor.username, address=client_address())
        logout_user()
        session.clear()
        return redirect("/login")  # type: ignore[return-value]

    server.add_url_rule("/logout", "lokus_logout", logout, methods=["POST"])

    def change_password() -> Response:
        lang = _lang()
        actor = current_actor_of_request()
        if actor is ANONYMOUS or accounts is None:
            return redirect("/login?next=/akun/sandi")  # type: ignore[return-value]
        if request.method == "GET":
            return _password_form(lang)
        sent = request.form.get("csrf_token", "")
        if not hmac.compare_digest(sent, str(session.get("csrf", ""))):
            return Response("missing or wrong CSRF token", status=403)
        new = request.form.get("new") or ""
        if new != (request.form.get("repeat") or ""):
            return _password_form(lang, t("auth.password.mismatch", lang), status=400)
        if accounts.verify(actor.username, request.form.get("current") or "") is None:
            accounts.audit(actor, "password_change", target=actor.username, address=client_address(),
                           outcome="refused")  # fmt: skip
            return _password_form(lang, t("auth.password.wrong", lang), status=400)
        try:
            record = accounts.set_password(actor.username, new)
        except AccountError as error:
            return _password_form(lang, t(error.key, lang, **error.params), status=400)
        accounts.audit(actor, "password_change", target=actor.username, address=client_address())
        login_user(SessionUser(record))  # this session continues; every other one has ended
        return _password_form(lang, t("auth.password.changed", lang), ok=True)

    server.add_url_rule("/akun/sandi", "lokus_password", change_password, methods=["GET", "POST"])

    def uploaded_name() -> str:
        return unquote(request.headers.get("X-File-Name") or request.args.get("name") or "berkas")

    def too_large_answer(limit_mb: int) -> Response:
        message = t("data.upload.too_large", _lang(), name=uploaded_name(), limit=limit_mb)
        return Response(json.dumps({"error": message}), status=413, mimetype="application/json")

    def upload() -> Response:
        actor = current_actor_of_request()
        if not can(actor, Permission.IMPORT) or services.uploads is None:
            return Response("not allowed", status=401 if actor.is_anonymous else 403)
        try:
            record = services.uploads.receive(request.stream, uploaded_name(), actor)
        except UploadTooLarge as error:
            return too_large_answer(error.limit_mb)
        body = {"id": record.id, "name": record.file_name, "size": record.size}
        return Response(json.dumps(body), mimetype="application/json", status=201)

    server.add_url_rule(UPLOAD_ROUTE, "lokus_upload", upload, methods=["POST"])

    @server.errorhandler(429)
    def too_many(_error: Exception) -> Response:
        lang = _lang()
        return _login_form(lang, safe_next(request.values.get("next")), t("auth.login.too_many", lang), status=429)

    @server.errorhandler(413)
    def too_large(_error: Exception) -> Response:
        return too_large_answer(settings.max_upload_mb)

    Talisman(
        server,
        force_https=settings.https,
        strict_transport_security=settings.https,
        session_cookie_secure=settings.https,
        session_cookie_http_only=True,
        frame_options="DENY",
        content_security_policy=content_security_policy(app, settings),
        content_security_policy_nonce_in=[],
        referrer_policy="same-origin",
        x_content_type_options=True,
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
