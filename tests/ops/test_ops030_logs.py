"""Structured request logs: one JSON object a line with the request id and the account id, never personal data."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dash import Dash

from dashboard import logs
from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from tests.auth.test_auth030_web import _receive_body, _receive_key
from tests.auth_helpers import add_user, sign_in_client

VILLAGE = "Desa Sukamaju Rahasia"  # a village name typed or uploaded: it must never reach the log
CHILD = "Siti Aminah Binti Contoh"  # a child's name as an e-PPGBM file carries it


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "instance")


@pytest.fixture
def app(settings: Settings) -> Dash:
    application = create_app(settings)
    add_user(settings, "rina", "perencana", ("99.01",))
    return application


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Everything logged at DEBUG and above while the test runs, through the app's JSON handler."""
    stream = io.StringIO()
    handler = logs.make_handler(stream, "json")
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def _lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def _planner_id(settings: Settings) -> int:
    with Store.open(settings=settings) as store:
        record = Accounts(store).user_by_name("rina")
    assert record is not None
    return record.id


def test_ops200_a_request_logs_one_json_line_with_its_id_and_the_account_id(
    app: Dash, settings: Settings, captured: io.StringIO
) -> None:
    client = sign_in_client(app, "rina")
    response = client.get(f"/?desa={VILLAGE.replace(' ', '+')}")
    request_id = response.headers["X-Request-ID"]
    [line] = [entry for entry in _lines(captured) if entry.get("request_id") == request_id]
    assert line["logger"] == "dashboard.requests" and line["level"] == "INFO"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/", 200)
    assert line["user"] == _planner_id(settings) and line["role"] == "perencana"
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    text = captured.getvalue()
    assert "Sukamaju" not in text and "rina" not in text  # no query string, no user name


def test_ops210_a_safe_incoming_request_id_is_kept_and_any_other_replaced(app: Dash, captured: io.StringIO) -> None:
    client = app.server.test_client()
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21e0"})
    assert kept.headers["X-Request-ID"] == "lb-7f3a9c21e0"
    forged = client.get("/healthz", headers={"X-Request-ID": '"} {"user": 1'})
    replaced = forged.headers["X-Request-ID"]
    assert len(replaced) == 32 and replaced.isalnum()
    entries = [e for e in _lines(captured) if e.get("path") == "/healthz"]
    assert [e["request_id"] for e in entries] == ["lb-7f3a9c21e0", replaced]
    assert {e["user"] for e in entries} == {"anonymous"}


def test_ops220_uploaded_content_and_village_names_stay_out_of_the_log(
    app: Dash, settings: Settings, captured: io.StringIO
) -> None:
    client = sign_in_client(app, "rina")
    content = f"kode_wilayah,nama_desa,nama_anak,periode\n99.01.01.2001,{VILLAGE},{CHILD},2025-08\n".encode()
    uploaded = client.post("/unggah", data=content, headers={"X-File-Name": f"{VILLAGE}.csv"})
    assert uploaded.status_code == 201
    token = json.loads(uploaded.get_data())
    body = _receive_body(token)
    body["output"] = _receive_key(app)
    preview = client.post("/_dash-update-component", json=body)
    assert preview.status_code == 200 and "Sukamaju" in preview.get_data(as_text=True)  # the file was read
    entries = _lines(captured)
    assert {e["path"] for e in entries if "path" in e} >= {"/unggah", "/_dash-update-component"}
    text = captured.getvalue()
    for secret in ("Sukamaju", "Aminah", "rina"):
        assert secret not in text, secret


def test_ops230_text_format_on_request_carries_the_same_id(
    app: Dash, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("DASHBOARD_LOG_FORMAT", "text")
    assert logs.log_format() == "text"
    monkeypatch.setenv("DASHBOARD_LOG_FORMAT", "JSON")
    assert logs.log_format() == "json"
    stream = io.StringIO()
    handler = logs.make_handler(stream, "text")
    logging.getLogger().addHandler(handler)
    try:
        response = app.server.test_client().get("/healthz", headers={"X-Request-ID": "abc-12345678"})
    finally:
        logging.getLogger().removeHandler(handler)
    [line] = [row for row in stream.getvalue().splitlines() if "dashboard.requests" in row]
    assert response.headers["X-Request-ID"] == "abc-12345678"
    assert "[abc-12345678 anonymous] GET /healthz 200" in line and not line.startswith("{")


@pytest.mark.parametrize("path", ["/paparan/99.01", "/unduh/ringkasan/99.01.pdf", "/unduh/peta/99.01.png"])
def test_ops204_the_briefing_room_and_its_downloads_log_the_account_id_never_the_user_name(
    app: Dash, settings: Settings, captured: io.StringIO, path: str
) -> None:
    client = sign_in_client(app, "rina")
    response = client.get(path)
    assert response.status_code == 200
    records = [entry for entry in _lines(captured) if entry["logger"] != "dashboard.requests"]
    assert any(f"for account {_planner_id(settings)}" in entry["message"] for entry in records)
    assert "rina" not in captured.getvalue()
