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

Where things live: this module wires it together (:func:`install`); the session and its helpers are in
:mod:`dashboard.auth.session`, the sign-in and password pages in :mod:`dashboard.auth.signin`, the request checks,
CSP and upload route in :mod:`dashboard.auth.checks`.
"""

from __future__ import annotations

from datetime import timedelta

import flask
from dash import Dash
from flask import Response, redirect, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.auth.checks import content_security_policy, install_checks, install_upload
from dashboard.auth.guard import SecuredApp, install_actor_hook
from dashboard.auth.session import SessionUser, current_actor_of_request, guard_of, secret_key
from dashboard.auth.signin import install_sign_in
from dashboard.config import Settings
from dashboard.services import Services

# current_actor_of_request and guard_of stay importable from here, where the routes and tests have long found them.
__all__ = ["current_actor_of_request", "guard_of", "install"]


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

    install_checks(server, secured, settings)
    install_sign_in(server, settings, accounts, limiter)
    install_upload(server, settings, services)

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
