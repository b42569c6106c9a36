"""The /mitra page's callbacks as a browser (or an attacker) calls them: writes need RECORD_PROGRAMMES in the area
(leadership refused by the guard, a planner of another district by the data layer, nothing changed), and the
map marks unreached exactly the villages no constructed programme reaches, with the count."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.auth import web
from dashboard.auth.roles import Actor, Permission, Role
from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.data import schema
from dashboard.data.case_audits import CaseAuditDraft, CaseAudits
from dashboard.data.importers.programmes import SHEET_COLUMNS
from dashboard.data.programmes import ProgrammeDraft, Programmes
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.views.programme_page.model import REACHED, UNREACHED
from tests.auth_helpers import add_user, callback_request, sign_in_client

PLANNER = Actor(7, "perencana.uji", Role.PERENCANA, ("99.01",))
READER = Actor(9, "pimpinan.uji", Role.PIMPINAN, ("99.01",))
WRITES = (f"{ID.MITRA_INFO}.children", f"{ID.MITRA_IMPORT_INFO}.children", f"{ID.KASUS_INFO}.children",
          f"{ID.MITRA_CONFIRM}.displayed", f"{ID.KASUS_CONFIRM}.displayed")  # fmt: skip
PAGE_IDS = ("mitra-", "kasus-")


@pytest.fixture
def app_and_settings(store_url: str, tmp_path: Path) -> tuple[Dash, Settings]:
    settings = Settings(data_dir=tmp_path / "instance", database_url=store_url)
    app = create_app(settings)
    add_user(settings, "perencana.uji", "perencana", ("99.01",))
    add_user(settings, "pimpinan.uji", "pimpinan", ("99.01",))
    add_user(settings, "perencana.lain", "perencana", ("64.74",))
    return app, settings


def _codes(settings: Settings) -> list[str]:
    with Store.open(settings=settings) as store:
        return sorted(store.villages("99.01")["code"].astype(str))


def _registers(settings: Settings) -> tuple[list[Any], list[Any]]:
    with Store.open(settings=settings) as store:
        # What the tests wrote: the demo district's own fictional register (author "demo") set aside.
        recorded = [p for p in Programmes(store).of_district(READER, "99.01") if p.author != "demo"]
        return recorded, CaseAudits(store).of_district(READER, "99.01")


def _values(codes: list[str], **changes: Any) -> dict[str, Any]:
    """What the page would send: a complete programme, finding and sheet aimed at district 99.01."""
    sheet = ",".join(SHEET_COLUMNS) + f"\nPT Uji,CSR,PMT,{codes[5]},2025,,\n"
    values: dict[str, Any] = {
        ID.MITRA_SAVE: 1, ID.MITRA_NEW: None, ID.MITRA_CONFIRM: None, ID.MITRA_DISTRICT: "99.01",
        ID.MITRA_CHOOSE: None, ID.MITRA_PARTNER: "PT Uji", ID.MITRA_SECTOR: "swasta", ID.MITRA_ACTIVITY: "PMT",
        ID.MITRA_VILLAGES: codes[:2], ID.MITRA_START: "2025-Q1", ID.MITRA_END: "2025-Q4", ID.MITRA_BUDGET: "1.000",
        ID.MITRA_VERSION: 0, ID.MITRA_IMPORT_VERSION: 0, ID.LANGUAGE: "id", ID.MITRA_PERIOD: "",
        ID.MITRA_UPLOAD: "data:text/csv;base64," + base64.b64encode(sheet.encode()).decode(),
        ID.KASUS_SAVE: 1, ID.KASUS_NEW: None, ID.KASUS_CONFIRM: None, ID.KASUS_CHOOSE: None,
        ID.KASUS_VILLAGE: codes[0], ID.KASUS_PERIOD: "2025-Q2", ID.KASUS_CAUSES: ["pola_asuh"],
        ID.KASUS_RECOMMENDATION: "Kelas pengasuhan", ID.KASUS_FOLLOW_UP: "belum", ID.KASUS_NOTE: "",
        ID.KASUS_VERSION: 0, ID.MITRA_DELETE: 1, ID.KASUS_DELETE: 1,
    }  # fmt: skip
    return values | changes


def _post(client: Any, app: Dash, output: str, values: dict[str, Any], changed: str) -> Any:
    body = callback_request(app, output, values, [changed])
    body["changedPropIds"] = [f"{changed}.{_property(app, output, changed)}"]
    return client.post("/_dash-update-component", json=body)


def _property(app: Dash, output: str, changed: str) -> str:
    spec = next(v for k, v in app.callback_map.items() if output in k)
    return next(i["property"] for i in spec["inputs"] if i["id"] == changed)


def _upload_body(app: Dash, values: dict[str, Any]) -> dict[str, Any]:
    body = callback_request(app, f"{ID.MITRA_IMPORT_INFO}.children", values, [])
    for item in body["state"]:
        if item["property"] == "filename":
            item["value"] = "mitra.csv"
    body["changedPropIds"] = [f"{ID.MITRA_UPLOAD}.contents"]
    return body


def test_cvg210_page_callbacks_are_guarded_writes_need_recording(app_and_settings: tuple[Dash, Settings]) -> None:
    app, _ = app_and_settings
    guard = web.guard_of(app)
    ours = [key for key in app.callback_map if any(prefix in key for prefix in PAGE_IDS)]
    assert len(ours) >= 10
    for key in ours:
        assert guard.required(key) is not None, key
    for output in WRITES:
        key = next(k for k in app.callback_map if output in k)
        assert guard.required(key) == Permission.RECORD_PROGRAMMES, key


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("pimpinan.uji", 403)])
def test_cvg211_anonymous_and_leadership_refused_by_the_guard(app_and_settings: tuple[Dash, Settings], who: str,
                                                              status: int) -> None:  # fmt: skip
    app, settings = app_and_settings
    codes = _codes(settings)
    if who == "anonymous":
        client = app.server.test_client()
        client.get("/")
        client.environ_base["HTTP_X_CSRFTOKEN"] = client.get_cookie("_csrf_token").value
    else:
        client = sign_in_client(app, who)
    values = _values(codes)
    for output, changed in ((f"{ID.MITRA_INFO}.children", ID.MITRA_SAVE), (f"{ID.KASUS_INFO}.children", ID.KASUS_SAVE),
                            (f"{ID.MITRA_CONFIRM}.displayed", ID.MITRA_DELETE)):  # fmt: skip
        assert _post(client, app, output, values, changed).status_code == status, output
    assert client.post("/_dash-update-component", json=_upload_body(app, values)).status_code == status
    assert _registers(settings) == ([], [])


def test_cvg212_planner_of_another_district_refused_by_the_data_layer(app_and_settings: tuple[Dash, Settings]) -> None:
    app, settings = app_and_settings
    codes = _codes(settings)
    with Store.open(settings=settings) as store:
        kept = Programmes(store).add(PLANNER, "99.01", ProgrammeDraft("PT Tetap", "swasta", "PMT", codes[:1], "2025"))
        finding = CaseAudits(store).add(PLANNER, CaseAuditDraft(codes[0], "2025-Q2", ["ekonomi"], "Bansos"))
    before = _registers(settings)
    client = sign_in_client(app, "perencana.lain")
    values = _values(codes)
    refused = "Hanya perencana wilayah ini"
    attempts = [
        (f"{ID.MITRA_INFO}.children", ID.MITRA_SAVE, values),  # add in 99.01
        (f"{ID.MITRA_INFO}.children", ID.MITRA_SAVE, values | {ID.MITRA_CHOOSE: kept.id}),  # change 99.01's
        (f"{ID.MITRA_INFO}.children", ID.MITRA_CONFIRM, values | {ID.MITRA_CHOOSE: kept.id, ID.MITRA_CONFIRM: 1}),
        (f"{ID.KASUS_INFO}.children", ID.KASUS_SAVE, values),
        (f"{ID.KASUS_INFO}.children", ID.KASUS_CONFIRM, values | {ID.KASUS_CHOOSE: finding.id, ID.KASUS_CONFIRM: 1}),
    ]
    for output, changed, sent in attempts:
        response = _post(client, app, output, sent, changed)
        assert response.status_code == 200 and refused in response.get_data(as_text=True), (output, changed)
    response = client.post("/_dash-update-component", json=_upload_body(app, values))
    assert refused in response.get_data(as_text=True)
    assert _registers(settings) == before
    # The same requests from a planner of 99.01 do write: the refusals above are the area's, not a broken request.
    own = sign_in_client(app, "perencana.uji")
    assert "dicatat" in _post(own, app, f"{ID.MITRA_INFO}.children", values, ID.MITRA_SAVE).get_data(as_text=True)
    assert "disimpan" in own.post("/_dash-update-component", json=_upload_body(app, values)).get_data(as_text=True)
    assert len(_registers(settings)[0]) == 3


def _draw(app: Dash, client: Any, period: str) -> dict[str, Any]:
    values = _values([""] * 6, **{ID.MITRA_PERIOD: period})
    response = _post(client, app, f"{ID.MITRA_MAP}.classes", values, ID.MITRA_PERIOD)
    assert response.status_code == 200
    return dict(response.get_json()["response"])


def test_cvg213_map_marks_exactly_the_unreached_villages(app_and_settings: tuple[Dash, Settings]) -> None:
    app, settings = app_and_settings
    codes = _codes(settings)
    with Store.open(settings=settings) as store:
        with store._write() as conn:  # constructed data only: the demo's own fictional register set aside
            conn.execute(schema.partner_programmes.delete())
        register = Programmes(store)
        register.add(
            PLANNER, "99.01", ProgrammeDraft("Univ", "perguruan_tinggi", "KKN", codes[:3], "2025-Q1", "2025-Q2")
        )
        register.add(PLANNER, "99.01", ProgrammeDraft("PT B", "swasta", "Air", codes[2:5], "2026"))
    client = sign_in_client(app, "pimpinan.uji")
    for period, reached in (("", set(codes[:5])), ("2025-05", set(codes[:3])), ("Triwulan I 2026", set(codes[2:5])),
                            ("2024", set())):  # fmt: skip
        answer = _draw(app, client, period)
        shown = answer[ID.MITRA_MAP]
        classes = dict(zip(shown["codes"], decode_classes(shown["classes"]), strict=True))
        assert sorted(shown["codes"]) == codes
        assert {c for c, k in classes.items() if k == UNREACHED} == set(codes) - reached, period
        assert {c for c, k in classes.items() if k == REACHED} == reached, period
        count = answer[ID.MITRA_MAP_COUNT]["children"]
        assert count.startswith(f"{len(codes) - len(reached)} dari {len(codes)} desa belum dijangkau mitra mana pun")
    assert _draw(app, client, "bulan depan")[ID.MITRA_MAP_COUNT]["children"].startswith("Periode tidak dapat dibaca")


@pytest.mark.parametrize(("who", "forms"), [("pimpinan.uji", {"display": "none"}), ("perencana.uji", {})])
def test_cvg214_leadership_reads_the_registers_without_forms(app_and_settings: tuple[Dash, Settings], who: str,
                                                             forms: dict[str, str]) -> None:  # fmt: skip
    app, settings = app_and_settings
    codes = _codes(settings)
    with Store.open(settings=settings) as store:
        Programmes(store).add(PLANNER, "99.01", ProgrammeDraft("PT Baca", "media", "Siaran", codes[:2], "2025"))
        villages = store.villages("99.01")
        names = villages[villages["code"].isin(codes[:2])]["name"].astype(str).tolist()
    client = sign_in_client(app, who)
    response = _post(client, app, f"{ID.MITRA_TABLE}.children", _values(codes), ID.MITRA_DISTRICT)
    answer = response.get_json()["response"]
    text = response.get_data(as_text=True)
    assert "PT Baca" in text and "Rp 0" in text and "2 desa" in text and all(name in text for name in names)
    assert answer[ID.MITRA_FORM_BOX]["style"] == forms and answer[ID.KASUS_FORM_BOX]["style"] == forms
    assert ("dapat membaca daftar ini" in text) == bool(forms)
