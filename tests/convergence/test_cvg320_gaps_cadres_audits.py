"""The gaps page counts villages without an active KPM (a yes/no fact, never a percentage) and case-audit findings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly
import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.data.case_audits import CaseAuditDraft, CaseAudits
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.gaps_page.drill import scope_view
from dashboard.views.gaps_page.profile import village_profile
from tests.levels.helpers import check, messages
from tests.store.helpers import DISTRICT, villages_frame, write

PLANNER = Actor(11, "perencana.uji", Role.PERENCANA, (DISTRICT,))
V = [f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002", f"{DISTRICT}.01.2003", f"{DISTRICT}.02.2001",
     f"{DISTRICT}.02.2002"]  # fmt: skip


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        lines = [
            "kode_wilayah,periode,indikator,pembilang,penyebut",
            *(f"{c},2025-08,stunting,{3 + i},40" for i, c in enumerate(V)),
            f"{V[0]},2025,kpm_aktif,0,1",  # no KPM
            f"{V[1]},2025,kpm_aktif,1,1",
            f"{V[2]},2024,kpm_aktif,1,1",
            f"{V[2]},2025,kpm_aktif,0,1",  # lost it in 2025
            f"{V[3]},2024,kpm_aktif,0,1",
            f"{V[3]},2025-Q3,kpm_aktif,1,1",
        ]  # found one; V[4] reports nothing
        batch = check(store, lines, "kpm_2025.csv", district=DISTRICT)
        assert batch.ok, messages(batch)
        store.commit(batch, "uji")
        services = Services.from_store(settings, store)
        audits = CaseAudits(store, services.require_accounts())
        for code, period in ((V[0], "2025-03"), (V[0], "2025-06"), (V[3], "2025-06")):
            audits.add(PLANNER, CaseAuditDraft(code, period, ["pola_asuh"], "Kelas ibu balita"))
        yield services


def _text(component: Any) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_cvg320_no_active_kpm_count_and_exact_villages(district: Services) -> None:
    with acting_as(PLANNER):
        text = _text(scope_view(district, DISTRICT, {"kecamatan": None}, "2025-08", "id"))
        kecamatan_2 = _text(scope_view(district, DISTRICT, {"kecamatan": f"{DISTRICT}.02"}, "2025-08", "id"))
        yearly = _text(scope_view(district, DISTRICT, {"kecamatan": None}, "2025", "id"))
    # kpm_aktif is a yes/no fact: never a coverage row ("KPM aktif 40,0%") in the scope's table, in any period.
    assert "KPM aktif" not in yearly.split("Desa tanpa KPM aktif")[0] and "Desa tanpa KPM aktif: 2 dari 4" in yearly
    # Latest kpm_aktif: 2001 none, 2002 active, 2003 none (lost in 2025), 2101 active since 2025-Q3; 2102 no data.
    assert "Desa tanpa KPM aktif: 2 dari 4" in text and "2 desa belum melapor data KPM" in text  # 2102 and 2103
    assert "Tanpa KPM aktif: Desa 1-1, Desa 1-3" in text
    assert "Desa tanpa KPM aktif: 0 dari 1" in kecamatan_2
    assert "Temuan audit kasus stunting: 3 di 2 desa" in text
    assert "Temuan per desa: Desa 1-1 (2), Desa 2-1 (1)" in text
    assert "Temuan audit kasus stunting: 1 di 1 desa" in kecamatan_2


def test_cvg321_village_drill_counts_its_findings_and_links_the_profile(district: Services) -> None:
    with acting_as(PLANNER):
        text = _text(village_profile(district, DISTRICT, V[0], "2025-08", "id"))
    assert "Temuan audit: 2" in text and f"/desa?kode={V[0]}" in text
