"""The lokus page's "Komitmen rembuk" section without a browser: its handlers record, list, change and export."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from dash.exceptions import PreventUpdate
from openpyxl import load_workbook

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.data.commitments import CommitmentDraft
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.commitments import (
    CommitmentRequest,
    commitment_change,
    commitment_export,
    commitment_view,
    commitments_section,
)

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
PLANNER = Actor(7, "rina", Role.PERENCANA, (DEMO_DISTRICT_CODE,))
LEADER = Actor(9, "kepala", Role.PIMPINAN, (DEMO_DISTRICT_CODE,))


@pytest.fixture(scope="module")
def services_and_opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, dict[str, object]]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        codes = store.villages(DEMO_DISTRICT_CODE)["code"].astype(str).tolist()[:3]
        villages = tuple(ScenarioVillage(code, i + 1, 90.0 - i, 30.0, 10.0, "") for i, code in enumerate(codes))
        scenario = Scenario(DEMO_DISTRICT_CODE, 2026, "2025-08", "Rembuk 2026", "weighted", {}, villages, "rina")
        saved = store.save_scenario(scenario)
        yield Services.from_store(settings, store), {"id": saved.id, "name": saved.name, "final": False}


def _request(trigger: str, opened: object, selected: list[dict[str, object]] | None = None,
             version: int = 0, **draft: object) -> CommitmentRequest:  # fmt: skip
    values: dict[str, object] = {"village_code": "", "activity": "Pemberian makanan tambahan",
                                 "responsible": "Dinas Kesehatan", "funding": "dana_desa", "budget": "1.500.000",
                                 "target_date": "2026-09-30", "status": "direncanakan", "note": ""}  # fmt: skip
    values.update(draft)
    return CommitmentRequest(trigger, opened, CommitmentDraft(**values), selected, "selesai", version)  # type: ignore[arg-type]


def test_kom020_planner_adds_changes_status_exports_and_deletes(
    services_and_opened: tuple[Services, dict[str, object]],
) -> None:
    services, opened = services_and_opened
    with acting_as(PLANNER):
        choices, rows, total, disabled = commitment_view(services, opened, "id")
        assert len(choices) == 3 and rows == [] and disabled is False
        village = choices[0]["value"]
        message, version = commitment_change(services, _request(ID.KOM_ADD, opened, village_code=village), "id")
        assert version == 1 and "Komitmen dicatat" in str(message)
        bad, unchanged = commitment_change(services, _request(ID.KOM_ADD, opened, village_code=village,
                                                               budget="-1"), "id")  # fmt: skip
        assert "negatif" in str(bad) and unchanged is not None and not isinstance(unchanged, int)
        _, rows, total, _ = commitment_view(services, opened, "id")
        assert [(r["village"], r["budget"], r["status"]) for r in rows] == [
            (choices[0]["label"].split(" (")[0], "1.500.000", "Direncanakan")
        ]
        assert total == "Jumlah anggaran: Rp 1.500.000"
        _, version = commitment_change(services, _request(ID.KOM_SET_STATUS, opened, [rows[0]], 1), "id")
        assert version == 2
        assert commitment_view(services, opened, "id")[1][0]["status"] == "Selesai"
        download = commitment_export(services, ID.KOM_EXPORT_XLSX, opened, "id")
        assert download["filename"] == f"komitmen-rembuk-99.01-2026-{opened['id']}.xlsx"
        sheet = load_workbook(io.BytesIO(base64.b64decode(download["content"]))).active
        assert sheet is not None and sheet.cell(row=5, column=1).value == "data contoh (fiktif)"
        assert commitment_export(services, ID.KOM_EXPORT_PDF, opened, "id")["filename"].endswith(".pdf")
        message, version = commitment_change(services, _request(ID.KOM_DELETE, opened, [rows[0]], 2), "id")
        assert version == 3 and commitment_view(services, opened, "id")[1] == []


def test_kom021_leadership_reads_with_the_form_disabled_and_is_refused_writing(
    services_and_opened: tuple[Services, dict[str, object]],
) -> None:
    services, opened = services_and_opened
    with acting_as(LEADER):
        choices, _, _, disabled = commitment_view(services, opened, "id")
        assert disabled is True
        message, version = commitment_change(services, _request(ID.KOM_ADD, opened,
                                                                 village_code=choices[0]["value"]), "id")  # fmt: skip
        assert "Hanya perencana" in str(message) and not isinstance(version, int)
        assert commitment_view(services, None, "id") == ([], [], "Buka skenario yang tersimpan untuk mencatat "
                                                                 "komitmen.", True)  # fmt: skip
        with pytest.raises(PreventUpdate):
            commitment_export(services, ID.KOM_EXPORT_XLSX, None, "id")


def test_kom022_section_has_the_form_table_and_exports() -> None:
    text = str(commitments_section("id"))
    for component in (ID.KOM_VILLAGE, ID.KOM_BUDGET, ID.KOM_ADD, ID.KOM_TABLE, ID.KOM_DELETE, ID.KOM_EXPORT_PDF):
        assert f"'{component}'" in text
