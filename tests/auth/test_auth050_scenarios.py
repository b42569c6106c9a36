"""The scenario lifecycle decided on the server, role by role, whatever the browser sends."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page.export import export_download
from dashboard.views.lokus_page.model import annex_rows, compute, default_state
from dashboard.views.lokus_page.scenarios import ScenarioRequest, compared_lists, scenario_action
from tests.auth_helpers import PASSWORD
from tests.store.helpers import DISTRICT, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
DEMO = "99.01"


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        yield Services.from_store(settings, store)


@pytest.fixture
def people(services: Services) -> dict[str, Actor]:
    accounts = services.require_accounts()
    made = {
        "rina": accounts.create_user("rina", PASSWORD, "perencana", [DEMO]),
        "budi": accounts.create_user("budi", PASSWORD, "perencana", [DEMO]),
        "bupati": accounts.create_user("bupati", PASSWORD, "pimpinan", [DEMO]),
        "admin": accounts.create_user("admin", PASSWORD, "admin"),
    }
    return {name: record.actor for name, record in made.items()}


def _current(services: Services) -> dict[str, Any]:
    state = default_state(services, DEMO)
    result = compute(services, state, "id")
    return {"state": state, "rows": annex_rows(result), "selected": result.selected, "scenario": None}


def _act(services: Services, actor: Actor, trigger: str, **fields: Any) -> tuple[Any, ...]:
    request = ScenarioRequest(trigger, fields.get("chosen"), fields.get("name"), fields.get("current"),
                              fields.get("opened"), fields.get("reason"))  # fmt: skip
    with acting_as(actor):
        return scenario_action(services, request, "id")


def _message(result: tuple[Any, ...]) -> str:
    return str(result[0].children)


def _save(services: Services, actor: Actor, name: str) -> Scenario:
    result = _act(services, actor, ID.LOKUS_SAVE, name=name, current=_current(services))
    opened = result[1]
    assert isinstance(opened, dict), _message(result)
    found = services.require_store().scenario(opened["id"])
    assert found is not None
    return found


def test_auth050_leadership_reads_but_cannot_save_duplicate_or_finalise(services: Services, people: dict) -> None:
    draft = _save(services, people["rina"], "Draf Rina")
    store = services.require_store()
    for trigger in (ID.LOKUS_SAVE, ID.LOKUS_DUPLICATE, ID.LOKUS_FINALISE_CONFIRM, ID.LOKUS_DELETE_CONFIRM):
        result = _act(services, people["bupati"], trigger, name="x", chosen=draft.id, current=_current(services))
        assert "tidak dapat" in _message(result)
    opened = _act(services, people["bupati"], ID.LOKUS_OPEN, chosen=draft.id)
    assert opened[1] == {"id": draft.id, "name": "Draf Rina", "final": False}  # leadership sees the draft
    assert [s.name for s in store.scenarios(DEMO)] == ["Draf Rina"]


def test_auth051_villages_and_scores_are_recomputed_never_taken_from_the_client(
    services: Services, people: dict
) -> None:
    current = _current(services)
    honest = [(r["kode"], r["skor"]) for r in current["rows"]]
    forged = dict(current, rows=[{"kode": "99.01.99.9999", "skor": 100.0, "alasan": "titipan", "prevalensi": 99}])
    saved = _save_with(services, people["rina"], "Palsu", forged)
    assert [(v.code, v.score) for v in saved.villages] == honest
    assert saved.author == "rina"  # the signed-in account, never a text box
    assert all(v.rank is not None for v in saved.villages)


def _save_with(services: Services, actor: Actor, name: str, current: dict[str, Any]) -> Scenario:
    result = _act(services, actor, ID.LOKUS_SAVE, name=name, current=current)
    found = services.require_store().scenario(result[1]["id"])
    assert found is not None
    return found


def test_auth052_planners_change_and_delete_only_their_own_drafts(services: Services, people: dict) -> None:
    store = services.require_store()
    mine = _save(services, people["rina"], "Punya Rina")
    opened = {"id": mine.id, "name": mine.name, "final": False}
    other = _act(services, people["budi"], ID.LOKUS_UPDATE, name="Diubah Budi", current=_current(services),
                 opened=opened)  # fmt: skip
    assert "Hanya penyusunnya (rina)" in _message(other)
    assert _act(services, people["budi"], ID.LOKUS_DELETE_CONFIRM, chosen=mine.id)[0] is not None
    assert store.scenario(mine.id or 0) is not None and store.scenario(mine.id or 0).name == "Punya Rina"  # type: ignore[union-attr]
    _act(services, people["rina"], ID.LOKUS_DELETE_CONFIRM, chosen=mine.id)
    assert store.scenario(mine.id or 0) is None
    log = services.require_accounts().audit_entries()
    refused = log[log["outcome"] == "refused"]
    assert set(refused["action"]) == {"scenario_update", "scenario_delete"} and set(refused["username"]) == {"budi"}


def test_auth053_only_an_admin_finalises_and_reopens_with_a_reason(services: Services, people: dict) -> None:
    store = services.require_store()
    draft = _save(services, people["rina"], "Lokus 2025")
    assert "tidak dapat" in _message(_act(services, people["rina"], ID.LOKUS_FINALISE_CONFIRM, chosen=draft.id))
    assert not store.scenario(draft.id or 0).is_final  # type: ignore[union-attr]
    _act(services, people["admin"], ID.LOKUS_FINALISE_CONFIRM, chosen=draft.id)
    assert store.scenario(draft.id or 0).is_final  # type: ignore[union-attr]
    # A final list is neither changed nor deleted, by its author or anyone.
    opened = {"id": draft.id, "name": draft.name, "final": True}
    update = _act(services, people["rina"], ID.LOKUS_UPDATE, name="x", current=_current(services), opened=opened)
    assert "final" in _message(update).lower()
    assert "final" in _message(_act(services, people["admin"], ID.LOKUS_DELETE_CONFIRM, chosen=draft.id)).lower()
    # Reopening: administrators only, with a reason that the audit log keeps.
    assert "tidak dapat" in _message(_act(services, people["rina"], ID.LOKUS_REOPEN, chosen=draft.id, reason="x"))
    assert "alasan" in _message(_act(services, people["admin"], ID.LOKUS_REOPEN, chosen=draft.id, reason=" "))
    _act(services, people["admin"], ID.LOKUS_REOPEN, chosen=draft.id, reason="Salah periode data")
    assert not store.scenario(draft.id or 0).is_final  # type: ignore[union-attr]
    entry = services.require_accounts().last_entry("scenario_reopen")
    assert entry is not None and entry["detail"]["reason"] == "Salah periode data" and entry["username"] == "admin"
    from dashboard.views import audit_page

    page = str(audit_page.layout(services, "id", None))
    assert "ditetapkan final" in page and "final dibuka kembali" in page and "ditolak" in page


def test_auth054_a_final_list_exports_its_stored_villages_not_the_screen(services: Services, people: dict) -> None:
    final = _save(services, people["rina"], "Final")
    _act(services, people["admin"], ID.LOKUS_FINALISE_CONFIRM, chosen=final.id)
    screen = _current(services)
    screen["state"] = dict(screen["state"], top_n=3)  # the planner changed the list on screen afterwards
    with acting_as(people["rina"]):
        download = export_download(services, ID.LOKUS_EXPORT_CSV, screen, {"id": final.id, "final": False}, "id")
    annex = pd.read_csv(io.BytesIO(_bytes(download)), sep=";", dtype=str, encoding="utf-8-sig")
    assert annex["Kode wilayah"].tolist() == [v.code for v in final.villages] and len(final.villages) == 10


def _bytes(download: dict[str, Any]) -> bytes:
    import base64

    return base64.b64decode(download["content"]) if download.get("base64") else str(download["content"]).encode()


def test_auth055_other_districts_scenarios_are_not_reachable(services: Services, people: dict) -> None:
    store = services.require_store()
    village = ScenarioVillage(f"{DISTRICT}.01.2001", 1, 90.0, 30.0, 5.0, "")
    theirs = store.save_scenario(Scenario(DISTRICT, 2025, "2025-08", "Rahasia", "weighted", {}, (village,), "lain"))
    for trigger in (ID.LOKUS_OPEN, ID.LOKUS_DUPLICATE, ID.LOKUS_DELETE_CONFIRM):
        result = _act(services, people["rina"], trigger, chosen=theirs.id)
        assert "tidak ada" in _message(result).lower() and "Rahasia" not in _message(result)
    current = _current(services)
    with acting_as(people["rina"]):
        compared = compared_lists(services, ID.LOKUS_COMPARE, theirs.id, "current", current, "id")
    assert village.code not in str(compared)
    assert store.scenario(theirs.id or 0) is not None
