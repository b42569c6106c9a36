"""Structured logs: one JSON object a line (or plain text), each request's lines carrying its request id and user.

A request's line says who (the account id and role, or ``anonymous``; never a user name, which is a person's
name), what (method, path WITHOUT its query string, which may carry data), the status and the time taken in ms.
Every other line logged while a request runs carries the same request id and user. The request id comes from an
incoming ``X-Request-ID`` when it is a safe token (a proxy's or a load balancer's), else is generated, and is
echoed in the response's ``X-Request-ID``: a user's report of an error can be found in the log.

Written with :mod:`logging` and a small formatter rather than python-json-logger: the fields are few and fixed,
and ``json.dumps`` of a dict is all the formatting needed.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import IO, Any

import flask
from flask import Response, g, has_request_context, request

from dashboard.auth.roles import ANONYMOUS as ANONYMOUS_ACTOR
from dashboard.auth.roles import Actor

__all__ = ["JsonFormatter", "RequestContext", "configure", "install", "log_format", "make_handler"]

log = logging.getLogger("dashboard.requests")

HEADER = "X-Request-ID"
ANONYMOUS = "anonymous"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")  # a UUID, a hex token, a proxy's id: nothing else is believed
_REQUEST_FIELDS = ("method", "path", "status", "duration_ms")
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s] %(message)s"


def log_format() -> str:
    """``DASHBOARD_LOG_FORMAT`` (:class:`~dashboard.config.Settings`): ``json`` (the default) or ``text``."""
    from dashboard.config import Settings

    return Settings.from_env().log_format


def _current_user() -> str | int:
    """The signed-in account's id, once Flask-Login has loaded it for this request; else anonymous.

    Reads Flask-Login's per-request cache only, so logging never loads an account (nor recurses into the loader)."""
    user = g.get("_login_user")
    record = getattr(user, "record", None)
    return int(record.id) if record is not None else ANONYMOUS


class RequestContext(logging.Filter):
    """Adds ``request_id`` and ``user`` to every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = g.get("lokus_request_id", "-") if has_request_context() else "-"
        if not hasattr(record, "user"):
            record.user = _current_user() if has_request_context() else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: ``time`` (UTC, ISO 8601 with ms), ``level``, ``logger``, ``message``, ``request_id``,
    ``user``, and for a request's own line ``role``, ``method``, ``path``, ``status``, ``duration_ms``; ``error``
    holds a traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "user": getattr(record, "user", "-"),
        }
        for name in ("role", *_REQUEST_FIELDS):
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def make_handler(stream: IO[str] | None = None, fmt: str | None = None) -> logging.Handler:
    """A handler writing to ``stream`` (stderr) in ``fmt`` (:func:`log_format`) with the request context added."""
    handler = logging.StreamHandler(stream or sys.stderr)
    chosen = fmt or log_format()
    handler.setFormatter(JsonFormatter() if chosen == "json" else logging.Formatter(_TEXT_FORMAT))
    handler.addFilter(RequestContext())
    return handler


def configure() -> None:
    """Send the app's logs to stderr in :func:`log_format` when nothing else has set up logging.

    A process whose root logger already has handlers (pytest, an operator's ``--log-config``) is left alone;
    gunicorn and ``python app.py`` leave the root logger bare, so they get these logs. Werkzeug's development
    request lines are quietened: they print the query string, and the request line here replaces them."""
    root = logging.getLogger()
    if root.handlers:
        return
    root.addHandler(make_handler())
    root.setLevel(logging.INFO)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def _request_id() -> str:
    sent = request.headers.get(HEADER, "")
    return sent if _SAFE_ID.match(sent) else uuid.uuid4().hex


def _actor() -> Actor:
    """The request's signed-in actor; anonymous on a server without sign-in (no Flask-Login installed)."""
    from dashboard.auth.session import current_actor_of_request  # the auth package imports the app's modules

    if not hasattr(flask.current_app, "login_manager"):
        return ANONYMOUS_ACTOR
    return current_actor_of_request()


def install(server: flask.Flask) -> None:
    """Give each request an id and log one line for it when it is answered (:func:`configure` is called too)."""
    configure()

    @server.before_request
    def start() -> None:
        g.lokus_request_id = _request_id()
        g.lokus_started = time.perf_counter()

    @server.after_request
    def finish(response: Response) -> Response:
        request_id = g.get("lokus_request_id") or _request_id()
        response.headers[HEADER] = request_id
        actor = _actor()
        started = g.get("lokus_started")
        duration = round((time.perf_counter() - started) * 1000, 1) if started is not None else None
        fields = {
            "request_id": request_id,
            "user": ANONYMOUS if actor.id is None else actor.id,
            "role": None if actor.id is None else str(actor.role),
            "method": request.method,
            "path": request.path,  # never the query string
            "status": response.status_code,
            "duration_ms": duration,
        }
        log.info("%s %s %d", request.method, request.path, response.status_code, extra=fields)
        return response
