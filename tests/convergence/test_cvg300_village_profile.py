"""One village's profile names every source with its period and origin, and its figures are sums of counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Forbidden, Role
from dashboard.config import Settings
from dashboard.core.localtime import format_date
from dashboard.core.village_profile import SECTIONS, VillageProfile, no_active_kpm, village_profile
from dashboard.data.case_audits import CaseAuditDraft, CaseAudits
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.programmes import ProgrammeDraft, Programmes
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.village_page.model import profiles
from tests.levels.helpers import check, messages
from tests.store.helpers import DISTRICT, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
PLANNER = Actor(7, "perencana.uji", Role.PERENCANA, ("99.01",))
OTHER_PLANNER = Actor(8, "perencana.lain", Role.PERENCANA, ("64.74",))
FILE = "lintas_opd_2025.csv"


def template_lines(code: str) -> list[str]:
    """Every new source for one village, in the tidy template (what the scorecard and funds importers also store)."""
    return [
        "kode_wilayah,periode,indikator,pembilang,penyebut",
        f"{code},2025-08,stunting,12,80",
        f"{code},2025-Q3,konvergensi_desa,30,40",
        f"{code},2025-Q4,konvergensi_desa,36,40",
        f"{code},2025-Q4,konvergensi_ibu_hamil,7,8",
        f"{code},2025-Q4,konvergensi_baduta,19,20",
        f"{code},2025-Q4,konvergensi_paud,10,12",
        f"{code},2025,keluarga_berisiko_stunting,25,300",
        f"{code},2026-Q1,pendampingan_krs,20,25",
        f"{code},2025,kpm_aktif,0,1",
        f"{code},2025,kader_terlatih,8,10",
        f"{code},2025,dana_desa_stunting,50000000,800000000",
        f"{code},2025,realisasi_dana_desa_stunting,30000000,50000000",
    ]


def fill(store: Store, code: str, name: str = FILE) -> None:
    """Import the template for ``code``, a programme reaching it and two case-audit findings."""
    batch = check(store, template_lines(code), name, district="99.01")
    assert batch.ok, messages(batch)
    store.commit(batch, user="perencana.uji")
    accounts = Services.from_store(Settings(), store).require_accounts()
    Programmes(store, accounts).add(PLANNER, "99.01", ProgrammeDraft(
        "PT Sumber Air", "swasta", "PMT lokal", [code], "2025-Q3", "2025-Q4", "Rp 25.000.000"))  # fmt: skip
    audits = CaseAudits(store, accounts)
    audits.add(PLANNER, CaseAuditDraft(code, "2025-06", ["asupan_gizi", "pola_asuh"], "PMT 90 hari", "berjalan"))
    audits.add(PLANNER, CaseAuditDraft(code, "2025-09", ["asupan_gizi"], "Kelas ibu balita", "selesai"))


@pytest.fixture
def lintas(tmp_path: Path) -> Iterator[tuple[Services, str]]:
    settings = Settings(data_dir=tmp_path)
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        code = sorted(store.villages("99.01")["code"].astype(str))[0]
        fill(store, code)
        yield Services.from_store(settings, store), code


def _profile(services: Services, code: str, lang: str = "id") -> VillageProfile:
    with acting_as(PLANNER):
        return profiles(services, PLANNER, "99.01", [code], lang)[0]


def _rows(profile: VillageProfile, section: str) -> dict[str, tuple[str, str, str, str]]:
    """``{item key: (value text, counts, period label, origin text)}`` of one section."""
    return {i.key: (i.text, i.counts, i.period_text, i.origin.text("id") if i.origin else "")
            for i in profile.section(section).items}  # fmt: skip


def test_cvg300_profile_lists_every_source_with_period_origin_and_exact_figures(lintas: tuple[Services, str]) -> None:
    services, code = lintas
    store = services.require_store()
    imported = next(d for d in store.datasets() if d.file_name == FILE)
    origin = f"{FILE} · Templat indikator · diimpor {format_date(imported.created_at, 'id', '99.01')}"
    profile = _profile(services, code)
    assert [s.key for s in profile.sections] == list(SECTIONS)
    assert all(s.items and not s.empty for s in profile.sections)
    health = _rows(profile, "health")
    assert health["stunting"] == ("15,0%", "12/80", "Agustus 2025", origin)
    assert "IK 95%" in profile.section("health").items[0].note
    # Figures not in the file keep the demo's own origin (its file and kind, never the raw kind "demo").
    assert health["wasting"][3].startswith("kabupaten_contoh_indikator.csv · Contoh (fiktif) · diimpor ")
    assert _rows(profile, "scorecard") == {
        "konvergensi_desa": ("90,0%", "36/40", "Triwulan IV 2025", origin),
        "konvergensi_ibu_hamil": ("87,5%", "7/8", "Triwulan IV 2025", origin),
        "konvergensi_baduta": ("95,0%", "19/20", "Triwulan IV 2025", origin),
        "konvergensi_paud": ("83,3%", "10/12", "Triwulan IV 2025", origin),
        "konvergensi_desa.previous": ("75,0%", "30/40", "Triwulan III 2025", origin),
    }
    families = _rows(profile, "families")
    assert families["keluarga_berisiko_stunting"] == ("8,3%", "25/300", "2025", origin)
    assert families["pendampingan_krs"] == ("80,0%", "20/25", "Triwulan I 2026", origin)
    assert _rows(profile, "cadres") == {"kpm_aktif": ("Tidak aktif", "", "2025", origin),
                                        "kader_terlatih": ("80,0%", "8/10", "2025", origin)}  # fmt: skip
    funds = _rows(profile, "funds")
    assert funds["dana_desa"] == ("Rp 800.000.000", "", "2025", origin)
    assert funds["dana_desa_stunting.rupiah"] == ("Rp 50.000.000", "", "2025", origin)
    # 50 000 000 / 800 000 000 = 6.25%: one decimal, halves up
    assert funds["dana_desa_stunting"] == ("6,3%", "Rp 50.000.000 dari Rp 800.000.000", "2025", origin)
    assert funds["realisasi_dana_desa_stunting"] == ("60,0%", "Rp 30.000.000 dari Rp 50.000.000", "2025", origin)
    assert funds["stunting"][:3] == ("15,0%", "12/80", "Agustus 2025")  # beside the money, the prevalence
    register = "Register program mitra (dicatat di Lokus)"
    assert _rows(profile, "partners") == {
        "programme": ("Swasta: PMT lokal", "Rp 25.000.000", "Triwulan III 2025 – Triwulan IV 2025", register)
    }
    audits = {i.key: (i.label, i.text, i.period_text) for i in profile.section("audits").items}
    assert audits == {
        "audit.findings": ("Jumlah temuan", "2", "Juni 2025 – September 2025"),
        "audit.cause.asupan_gizi": ("Asupan gizi kurang", "2", "Juni 2025 – September 2025"),
        "audit.cause.pola_asuh": ("Pola asuh", "1", "Juni 2025 – September 2025"),
        "audit.follow_up.berjalan": ("Tindak lanjut: Sedang berjalan", "1", "Juni 2025 – September 2025"),
        "audit.follow_up.selesai": ("Tindak lanjut: Selesai", "1", "Juni 2025 – September 2025"),
    }
    assert all(i.origin and i.origin.text("id").startswith("Register audit kasus") for i in
               profile.section("audits").items)  # fmt: skip


def test_cvg301_english_profile_formats(lintas: tuple[Services, str]) -> None:
    services, code = lintas
    profile = _profile(services, code, "en")
    funds = _rows(profile, "funds")
    assert funds["dana_desa_stunting"][:3] == ("6.3%", "Rp 50,000,000 of Rp 800,000,000", "2025")
    assert _rows(profile, "scorecard")["konvergensi_desa"][2] == "Q4 2025"
    assert profile.section("cadres").items[0].text == "Not active"


def test_cvg302_absent_source_says_no_data_instead_of_disappearing() -> None:
    frame = pd.DataFrame({"code": ["99.01.01.2001"], "period": ["2025-08"], "indicator": ["stunting"],
                          "numerator": [3.0], "denominator": [30.0]})  # fmt: skip
    profile = village_profile("99.01.01.2001", ("Desa A", "Kec A"), ("99.01", "Contoh", True), frame, [], [], [])
    assert [s.key for s in profile.sections] == list(SECTIONS)
    assert profile.section("health").items[0].text == "10,0%"
    assert profile.section("health").items[0].origin is None  # no dataset id: no origin invented
    for key in SECTIONS[1:]:
        assert profile.section(key).items == () and profile.section(key).empty == "Belum ada data"


def test_cvg303_village_summed_over_rows_never_averaged() -> None:
    # Two rows of one village, period and indicator (e.g. two posyandu): (1 + 9) / (10 + 90) = 10%, not 50%.
    frame = pd.DataFrame({"code": ["99.01.01.2001"] * 2, "period": ["2025-Q3"] * 2,
                          "indicator": ["konvergensi_desa"] * 2, "numerator": [1.0, 9.0],
                          "denominator": [10.0, 90.0]})  # fmt: skip
    profile = village_profile("99.01.01.2001", ("A", "K"), ("99.01", "Contoh", True), frame, [], [], [])
    assert profile.section("scorecard").items[0].text == "10,0%"
    assert profile.section("scorecard").items[0].counts == "10/100"


def test_cvg304_no_active_kpm_exactly_which_villages() -> None:
    codes = ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003", "99.01.01.2004"]
    frame = pd.DataFrame({
        "code": [codes[0], codes[0], codes[1], codes[2], codes[2]],
        "period": ["2024", "2025", "2025", "2024", "2025-Q4"],
        "indicator": ["kpm_aktif"] * 5,
        "numerator": [1.0, 0.0, 1.0, 0.0, 1.0], "denominator": [1.0] * 5,
    })  # fmt: skip
    # 2001 lost its KPM in 2025; 2003 became active in 2025-Q4; 2004 reports nothing (not counted either way)
    assert no_active_kpm(frame, codes) == ([codes[0]], 3)


def test_cvg305_another_districts_planner_is_refused(lintas: tuple[Services, str]) -> None:
    services, code = lintas
    with acting_as(OTHER_PLANNER), pytest.raises(Forbidden):
        profiles(services, OTHER_PLANNER, DISTRICT, [f"{DISTRICT}.01.2001"], "id")
    with acting_as(PLANNER):  # the demo is readable by everyone signed in; another district's villages are not
        assert [p.code for p in profiles(services, PLANNER, "99.01", [code, f"{DISTRICT}.01.2001"], "id")] == [code]
