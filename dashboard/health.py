"""``GET /healthz`` for a process supervisor or load balancer: database and background worker reachable, in JSON.

The answer is HTTP 200 with ``"status": "ok"`` when every check passes, else 503 with ``"fail"``::

    {"status": "ok",
     "database": {"status": "ok", "kind": "sqlite", "schema_version": 8, "expected_version": 8},
     "worker": {"status": "ok", "kind": "local"}}

- database: one cheap query (``max(version)`` of ``schema_version``), which must equal the code's version; a SQLite
  file that vanished fails even while pooled connections still hold the old one.
- worker: with Dash's ``DiskcacheManager`` background jobs run in local processes, so the cache folder must take a
  write; with ``CeleryManager`` (its Celery app is ``manager.handle``) at least one worker must answer a ping
  within 1 s (``control.ping``).

No sign-in, no session cookie, no rate limit, no HTTPS redirect (a supervisor probes plain HTTP on localhost), and
nothing an outsider may not see: no URL, no path, no error text (an exception's class only), no counts of people.
Each check runs with a time limit, so a database host that drops packets reports a failure instead of a hang.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from dash import CeleryManager, Dash, DiskcacheManager
from flask import Response
from sqlalchemy.engine import make_url

from dashboard import logs
from dashboard.data import schema
from dashboard.services import Services

__all__ = ["ROUTE", "check_database", "check_worker", "install", "report"]

log = logging.getLogger(__name__)

ROUTE = "/healthz"
CHECK_TIMEOUT_S = 3.0  # each check; a supervisor's probe usually waits 5-10 s
PING_TIMEOUT_S = 1.0
# Checks that hang (a black-holed database host) occupy these threads until they give up; later probes queue
# and time out, so the answer stays "fail" and the threads stay bounded.
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="healthz")

Check = dict[str, Any]


def check_database(services: Services) -> Check:
    """``status`` ok when the database answers with the code's schema version; ``kind``, ``schema_version``,
    ``expected_version`` (integers), ``error`` (an exception's class name) on failure. No database: ``none``, ok."""
    store = services.store
    expected = schema.CURRENT_VERSION
    if store is None:  # a fixed data source (tests, read-only displays): nothing to reach
        return {"status": "ok", "kind": "none"}
    answer: Check = {"status": "fail", "kind": store.dialect, "schema_version": None, "expected_version": expected}
    if store.dialect == "sqlite":
        database = make_url(store.url).database
        if database and database != ":memory:" and not Path(database).expanduser().is_file():
            answer["error"] = "missing"
            return answer
    try:
        version = store.schema_version()
    except Exception as error:
        answer["error"] = type(error).__name__
        return answer
    answer["schema_version"] = version
    if version == expected:
        answer["status"] = "ok"
    else:
        answer["error"] = "schema_version"
    return answer


def check_worker(app: Dash) -> Check:
    """``status`` ok when background callbacks can run: ``kind`` ``local`` (diskcache, its folder writable),
    ``celery`` (``workers``: how many answered the ping) or ``none`` (no background manager)."""
    manager = getattr(app, "_background_manager", None)  # Dash 4 keeps background_callback_manager here
    if manager is None:
        return {"status": "ok", "kind": "none"}
    kind = "celery" if isinstance(manager, CeleryManager) else "local"
    try:
        if isinstance(manager, CeleryManager):
            replies = manager.handle.control.ping(timeout=PING_TIMEOUT_S) or []
            return {"status": "ok" if replies else "fail", "kind": kind, "workers": len(replies)}
        if isinstance(manager, DiskcacheManager):
            manager.handle.set("lokus-healthz", time.time(), expire=60)  # a write the jobs' cache must take
            return {"status": "ok", "kind": kind}
    except Exception as error:
        return {"status": "fail", "kind": kind, "error": type(error).__name__}
    return {"status": "fail", "kind": "unknown"}


def _bounded(check: Callable[[], Check], kind: str) -> Check:
    future = _POOL.submit(check)
    try:
        return future.result(timeout=CHECK_TIMEOUT_S)
    except FutureTimeout:
        return {"status": "fail", "kind": kind, "error": "timeout"}


def report(app: Dash, services: Services) -> tuple[dict[str, Any], int]:
    """The health document and its HTTP status (200 when every check is ok, else 503)."""
    database = _bounded(lambda: check_database(services), "database")
    worker = _bounded(lambda: check_worker(app), "worker")
    healthy = database["status"] == "ok" and worker["status"] == "ok"
    return {"status": "ok" if healthy else "fail", "database": database, "worker": worker}, 200 if healthy else 503


def install(app: Dash, services: Services) -> None:
    """Add ``GET /healthz`` to ``app.server`` and the structured request logs (:func:`dashboard.logs.install`)."""
    logs.install(app.server)

    def healthz() -> Response:
        body, status = report(app, services)
        if status != 200:
            log.warning("health check failed: database %s, worker %s", body["database"], body["worker"])
        response = Response(json.dumps(body), status=status, mimetype="application/json")
        response.headers["Cache-Control"] = "no-store"
        return response

    # flask-talisman reads per-view options from this attribute: no redirect to HTTPS for a local probe.
    healthz.talisman_view_options = {"force_https": False}  # type: ignore[attr-defined]
    app.server.add_url_rule(ROUTE, "lokus_healthz", healthz, methods=["GET"])
