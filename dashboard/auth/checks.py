"""Checks on every request and the upload route: same-origin and CSRF token on state-changing requests, the size
of callback requests, each callback's permission, the CSRF cookie, the content security policy and ``POST /unggah``
(files streamed to disk, capped at ``DASHBOARD_MAX_UPLOAD_MB``)."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any
from urllib.parse import unquote, urlsplit

import flask
from dash import Dash
from flask import Response, request, session

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission, can
from dashboard.auth.session import (
    CSRF_COOKIE,
    CSRF_HEADER,
    UPLOAD_ROUTE,
    csrf_token,
    current_actor_of_request,
    page_lang,
)
from dashboard.config import Settings
from dashboard.data.store import StoreBusy
from dashboard.data.uploads import UploadTooLarge
from dashboard.i18n import t
from dashboard.services import Services

__all__ = ["content_security_policy", "install_checks", "install_upload"]

log = logging.getLogger(__name__)

_CALLBACK_PATHS = ("/_dash-update-component",)


def _same_origin(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) and f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


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
    return path.startswith(("/publik", "/api/v1")) or path in ("/metode", "/unduh", "/unduh/", "/healthz")


def install_checks(server: flask.Flask, secured: SecuredApp, settings: Settings) -> None:
    """Check every request before it runs (origin, CSRF token, callback size and permission) and set the CSRF cookie."""
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
        token = csrf_token()
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, samesite="Strict", secure=settings.https, httponly=False)
        return response


def install_upload(server: flask.Flask, settings: Settings, services: Services) -> None:
    """``POST /unggah``: raw bytes streamed to disk for a user who may import; 413 with a message past the cap."""

    def uploaded_name() -> str:
        return unquote(request.headers.get("X-File-Name") or request.args.get("name") or "berkas")

    def too_large_answer(limit_mb: int) -> Response:
        message = t("data.upload.too_large", page_lang(), name=uploaded_name(), limit=limit_mb)
        return Response(json.dumps({"error": message}), status=413, mimetype="application/json")

    def upload() -> Response:
        actor = current_actor_of_request()
        if not can(actor, Permission.IMPORT) or services.uploads is None:
            return Response("not allowed", status=401 if actor.is_anonymous else 403)
        try:
            record = services.uploads.receive(request.stream, uploaded_name(), actor)
        except UploadTooLarge as error:
            return too_large_answer(error.limit_mb)
        except StoreBusy:  # another writer held the database past the lock timeout: say so, the planner retries
            busy = json.dumps({"error": t("data.busy", page_lang())})
            return Response(busy, status=503, mimetype="application/json", headers={"Retry-After": "10"})
        body = {"id": record.id, "name": record.file_name, "size": record.size}
        return Response(json.dumps(body), mimetype="application/json", status=201)

    server.add_url_rule(UPLOAD_ROUTE, "lokus_upload", upload, methods=["POST"])

    @server.errorhandler(413)
    def too_large(_error: Exception) -> Response:
        return too_large_answer(settings.max_upload_mb)
