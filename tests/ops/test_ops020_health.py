"""/healthz as a process supervisor reads it: 200 and ok when all is well, 503 naming what failed, nothing secret."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from dash import CeleryManager, Dash, html

from dashboard import health
from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data import schema
from dashboard.data.store import Store
from dashboard.services import Services


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "instance")


@pytest.fixture
def app(settings: Settings) -> Dash:
    return create_app(settings)


def _probe(app: Dash) -> tuple[int, dict[str, Any], Any]:
    client = app.server.test_client()  # a supervisor: no cookie, no sign-in
    response = client.get("/healthz")
    return response.status_code, json.loads(response.get_data()), response


def test_ops100_a_healthy_app_answers_ok_without_a_cookie_or_a_secret(app: Dash, settings: Settings) -> None:
    status, body, response = _probe(app)
    assert status == 200 and body["status"] == "ok"
    assert body["database"] == {"status": "ok", "kind": "sqlite", "schema_version": schema.CURRENT_VERSION,
                                "expected_version": schema.CURRENT_VERSION}  # fmt: skip
    assert body["worker"] == {"status": "ok", "kind": "local"}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    text = response.get_data(as_text=True)
    assert str(settings.data_dir) not in text and "sqlite:" not in text
    # No rate limit applies: a supervisor probing every second for a minute is always answered.
    client = app.server.test_client()
    assert {client.get("/healthz").status_code for _ in range(60)} == {200}


def test_ops105_behind_https_a_local_plain_http_probe_is_answered_not_redirected(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "instance", https=True))
    client = app.server.test_client()
    assert client.get("/").status_code == 302  # pages go to HTTPS
    probe = client.get("/healthz")
    assert probe.status_code == 200 and json.loads(probe.get_data())["status"] == "ok"


def test_ops110_a_vanished_sqlite_file_answers_503(app: Dash, settings: Settings) -> None:
    for path in settings.data_dir.glob("lokus.sqlite*"):
        path.unlink()
    status, body, _ = _probe(app)
    assert status == 503 and body["status"] == "fail"
    assert body["database"]["status"] == "fail" and body["database"]["error"] == "missing"
    assert body["worker"]["status"] == "ok"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_ops120_an_unreachable_postgresql_answers_503_without_its_url(settings: Settings) -> None:
    port = _closed_port()
    engine = sa.create_engine(f"postgresql+psycopg://lokus:rahasia-sekali@127.0.0.1:{port}/lokus")
    services = Services(settings, _demo_source(settings), Store(engine))
    app = Dash(__name__)
    app.layout = html.Div()
    health.install(app, services)
    response = app.server.test_client().get("/healthz")
    body = json.loads(response.get_data())
    assert response.status_code == 503
    assert body["database"]["status"] == "fail" and body["database"]["kind"] == "postgresql"
    assert body["database"]["schema_version"] is None and body["database"]["error"] == "OperationalError"
    text = response.get_data(as_text=True)
    assert "rahasia" not in text and str(port) not in text and "lokus:" not in text


def _demo_source(settings: Settings) -> Any:
    with Store.open(settings=settings) as store:
        return Services.from_store(settings, store).source


class _FakeControl:
    def __init__(self, replies: list[dict[str, Any]]) -> None:
        self.replies = replies
        self.timeouts: list[float] = []

    def ping(self, timeout: float) -> list[dict[str, Any]]:
        self.timeouts.append(timeout)
        return self.replies


def _celery_manager(replies: list[dict[str, Any]]) -> tuple[CeleryManager, _FakeControl]:
    """Dash's CeleryManager whose Celery app (``handle``) answers pings with ``replies``; no broker involved."""
    manager = CeleryManager.__new__(CeleryManager)
    control = _FakeControl(replies)
    manager.handle = cast(Any, type("FakeCelery", (), {"control": control})())
    return manager, control


def test_ops130_celery_without_a_worker_answers_503_and_with_one_ok(app: Dash) -> None:
    manager, control = _celery_manager([])
    app._background_manager = manager
    status, body, _ = _probe(app)
    assert status == 503 and body["worker"] == {"status": "fail", "kind": "celery", "workers": 0}
    assert body["database"]["status"] == "ok"
    assert control.timeouts == [health.PING_TIMEOUT_S]
    app._background_manager, _ = _celery_manager([{"celery@host": {"ok": "pong"}}])
    status, body, _ = _probe(app)
    assert status == 200 and body["worker"] == {"status": "ok", "kind": "celery", "workers": 1}
