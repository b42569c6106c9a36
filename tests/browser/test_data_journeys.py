"""A planner imports a district's boundaries and figures on /data, then sees them on the map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import external_requests, upload_check_commit, wait_text
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

pytestmark = pytest.mark.browser


def test_jrn010_import_boundaries_and_figures_then_see_them_on_the_map(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    boundaries = write(villages_frame(), tmp_path, "geojson", name="desa_kabupaten_uji")
    codes = village_codes()
    stunted = [3, 5, 0, 8, 2, 6]
    measured = [40, 50, 20, 60, 30, 45]
    table = tmp_path / "stunting_feb_2025.csv"
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [
        f"{c.replace('.', '')},Februari 2025,stunting,{s},{m}" for c, s, m in zip(codes, stunted, measured, strict=True)
    ]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")

    start_signed_in(dash_duo, settings, role="perencana", areas=(DISTRICT,), name="siti", next_path="/data")

    upload_check_commit(dash_duo, boundaries)
    wait_text(dash_duo, f"#{ID.DATASETS}", boundaries.name)
    upload_check_commit(dash_duo, table)
    wait_text(dash_duo, f"#{ID.DATASETS}", table.name)
    assert "siti" in dash_duo.find_element(f"#{ID.DATASETS}").text

    # The database holds exactly the file's figures, attributed to the planner.
    with Store.open(settings=settings) as store:
        stored = store.observations(DISTRICT)
        assert sorted(stored["code"]) == codes
        assert stored["numerator"].sum() == sum(stunted)
        assert {d.user for d in store.datasets() if d.kind != "demo"} == {"siti"}  # the signed-in account

    # The main page now opens on the imported district, with its prevalence from the counts.
    dash_duo.driver.get(dash_duo.server_url + "/")
    expected = f"{100 * sum(stunted) / sum(measured):.1f}%".replace(".", ",")
    wait_text(dash_duo, f"#{ID.KPI_PREVALENCE}", expected)
    assert "Kabupaten Uji" in dash_duo.find_element(f"#{ID.DISTRICT}").text
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []


def test_jrn011_a_file_with_errors_is_refused_and_changes_nothing(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    table = tmp_path / "salah.csv"
    table.write_text(
        "kode_wilayah,periode,indikator,pembilang,penyebut\n"
        "99.01.01.1001,2025-02,stunting,5,40\n"
        "99.01.01.1002,2025-02,stunting,50,40\n",
        encoding="utf-8",
    )
    start_signed_in(dash_duo, settings, role="perencana", areas=("99.01",), name="budi", next_path="/data")
    with Store.open(settings=settings) as store:
        before = store.data_version()
    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(table))
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "belum dapat diimpor")
    # The problem names its row, column, value, reason and fix.
    cells = [c.text for c in dash_duo.find_elements(f"#{ID.REPORT} tbody tr td")]
    assert cells[:3] == ["3", "pembilang", "50"]
    assert "lebih besar dari penyebut 40" in cells[4]
    assert cells[5]
    assert dash_duo.find_element(f"#{ID.COMMIT}").get_attribute("disabled") is not None
    with Store.open(settings=settings) as store:
        assert store.data_version() == before
    # The check has ended: the bar stands still at 100% and says so (it kept moving before issue 16).
    bar = dash_duo.find_element(f"#{ID.PROGRESS} .progress-bar")
    wait_text(dash_duo, f"#{ID.PROGRESS}", "Berhenti")
    assert "progress-bar-animated" not in (bar.get_attribute("class") or "")
    assert bar.get_attribute("aria-valuenow") == "100"
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("size", [(390, 844), (1280, 720)], ids=["phone", "laptop"])
def test_jrn014_the_drop_zone_is_a_box_one_sees(dash_duo: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path / "instance"), role="admin", next_path="/data")
    dash_duo.driver.set_window_size(*size)
    zone = dash_duo.wait_for_element(f"#{ID.UPLOAD} .upload-zone")
    box = dash_duo.driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); const s = getComputedStyle(arguments[0]);"
        "return [r.height, s.borderTopStyle, s.borderTopWidth];",
        zone,
    )
    assert box[0] >= 115 and box[1] == "dashed" and box[2] != "0px", box
    assert "GeoJSON" in zone.text and "CSV" in zone.text  # the accepted formats, in the box
    assert dash_duo.driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"
    )
    assert dash_duo.get_logs() == []


def test_jrn012_a_bps_coded_boundary_file_imports_through_the_crosswalk_zone(dash_duo: Any, tmp_path: Path) -> None:
    """Issue 12, point 5 on the page: refused for its BPS codes, then imported with a crosswalk dropped beside it."""
    frame = villages_frame()
    codes = frame["kode"].tolist()
    frame["kode"] = [f"{c[:5].replace('.', '')}{c[6:8]}0{c[-3:]}" for c in codes]  # BPS: PPKKCCCDDD
    boundaries = write(frame, tmp_path, "geojson", name="desa_kode_bps")
    crosswalk = tmp_path / "padanan_bps.csv"
    rows = [f"{b};{k}" for b, k in zip(frame["kode"], codes, strict=True)]
    crosswalk.write_text("\n".join(["kode_bps;kode_kemendagri", *rows]) + "\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "instance")
    start_signed_in(dash_duo, settings, role="perencana", areas=(DISTRICT,), name="rina", next_path="/data")

    assert not dash_duo.find_element(f"#{ID.CROSSWALK_BLOCK}").is_displayed()  # not for a table
    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(boundaries))
    wait_text(dash_duo, f"#{ID.UPLOAD_INFO}", boundaries.name)
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "kode BPS")
    assert dash_duo.find_element(f"#{ID.COMMIT}").get_attribute("disabled") is not None

    dash_duo.find_element(f"#{ID.CROSSWALK_UPLOAD} input[type=file]").send_keys(str(crosswalk))
    wait_text(dash_duo, f"#{ID.CROSSWALK_INFO}", crosswalk.name)
    dash_duo.find_element(f"#{ID.CHECK}").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "lewat file padanan")
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.RESULT}", "Impor berhasil")
    with Store.open(settings=settings) as store:
        assert sorted(store.villages(DISTRICT)["code"]) == sorted(codes)
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []


def test_jrn013_a_puskesmas_list_and_its_figures_imported_on_the_page_then_shown_by_service_area(
    dash_duo: Any, tmp_path: Path
) -> None:
    """Issue 15, point 4: the list is recognised, checked and imported on /data like any file, the figures per
    puskesmas after it; /wilayah then draws the district by puskesmas service area with them."""
    from dashboard.data.importers.boundary_files import prepare_boundary_import

    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
    listing = tmp_path / "wilayah_kerja_puskesmas.csv"
    rows = [f"P1,Puskesmas Satu,{code}" for code in village_codes()[:3]]
    rows += [f"P2,Puskesmas Dua,{code}" for code in village_codes()[3:]]
    listing.write_text("\n".join(["kode_puskesmas,nama_puskesmas,kode_desa", *rows]) + "\n", encoding="utf-8")
    figures = tmp_path / "stunting_per_puskesmas.csv"
    figures.write_text(
        "kode_wilayah,kode_puskesmas,periode,indikator,pembilang,penyebut\n"
        f"{DISTRICT},P1,2025-08,stunting,24,100\n{DISTRICT},P2,2025-08,stunting,9,90\n",
        encoding="utf-8",
    )
    start_signed_in(dash_duo, settings, role="perencana", areas=(DISTRICT,), name="dewi", next_path="/data")

    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(listing))
    wait_text(dash_duo, f"#{ID.PREVIEW}", "Dikenali sebagai daftar puskesmas")
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "2 puskesmas melayani 6 desa/kelurahan")
    wait_text(dash_duo, f"#{ID.REPORT}", "File siap diimpor")
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.RESULT}", "6 desa/kelurahan dalam wilayah kerja puskesmas")
    wait_text(dash_duo, f"#{ID.DATASETS}", "Puskesmas (daftar/batas)")
    upload_check_commit(dash_duo, figures)
    wait_text(dash_duo, f"#{ID.DATASETS}", figures.name)

    dash_duo.driver.get(dash_duo.server_url + "/wilayah")
    dash_duo.wait_for_element(f"#{ID.REGION}", timeout=30)
    dash_duo.select_dcc_dropdown(f"#{ID.REGION}", value="Kabupaten Uji")
    dash_duo.find_element(f"label[for='_dbcprivate_radioitems_{ID.REGION_LEVEL}_input_puskesmas']").click()
    wait_text(dash_duo, f"#{ID.REGION_TITLE}", "per wilayah kerja puskesmas")
    wait_text(dash_duo, f"#{ID.REGION_TABLE}", "Puskesmas Satu")
    table = dash_duo.find_element(f"#{ID.REGION_TABLE}").text
    assert "24,0%" in table and "Puskesmas Dua" in table and "10,0%" in table
    with Store.open(settings=settings) as store:
        assert {d.user for d in store.datasets() if d.kind == "puskesmas"} == {"dewi"}
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
