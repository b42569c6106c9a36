"""The data page's steps without a browser: upload, preview, column mapping, name confirmation, commit."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.core.periods import latest_plausible_period, period_label
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.model import IndicatorBatch
from dashboard.data.store import Store
from dashboard.data.uploads import UploadMissing
from dashboard.ids import Pattern
from dashboard.services import Services
from dashboard.views import data_page
from tests.auth_helpers import signed_in_actor
from tests.store.helpers import DISTRICT, villages_frame, write

pytestmark = pytest.mark.usefixtures("as_admin_when_services")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        batch = prepare_boundary_import(write(villages_frame(), tmp_path, "geojson"))
        store.commit(batch, "test")
        yield Services.from_store(settings, store)


def _upload(services: Services, name: str, text: str) -> data_page.UploadToken:
    encoded = base64.b64encode(text.encode("utf-8")).decode()
    return data_page.save_upload(services, base64.b64decode(encoded), name, signed_in_actor())


def _ids(component: Any) -> Iterator[Any]:
    if isinstance(component, list | tuple):
        for child in component:
            yield from _ids(child)
        return
    if not hasattr(component, "to_plotly_json"):
        return
    if getattr(component, "id", None) is not None:
        yield component
    yield from _ids(getattr(component, "children", None))


# A table from another office: names instead of codes, its own column names, one period for the whole file.
OTHER_TABLE = (
    "Nama Desa;Kec.;Jumlah balita pendek;Jumlah balita diukur\n"
    "Desa 1-1;Kecamatan 1;4;40\n"
    "Desa 1-2;Kecamatan 1;6;30\n"
    "Desa 2-1;Kecamatan 2;2;25\n"
)


def test_data001_upload_gets_a_random_id_and_the_browser_only_a_token(services: Services) -> None:
    token = _upload(services, "laporan.csv", OTHER_TABLE)
    again = _upload(services, "laporan (1).csv", OTHER_TABLE)
    assert token.id != again.id  # a random id each time, never the content hash
    assert token.path(services).read_text(encoding="utf-8") == OTHER_TABLE
    assert set(token.as_dict()) == {"id", "name", "size"}  # no content, no path travels back to the browser


def test_data002_mapping_a_foreign_table_by_hand_imports_it(services: Services) -> None:
    token = _upload(services, "laporan.csv", OTHER_TABLE)
    preview, mapping = data_page.preview_view(services, token, data_page.ImportKind.MAPPED, "id")
    assert "Desa 1-2" in str(preview.to_plotly_json())
    dropdowns = [c for c in _ids(mapping) if isinstance(c.id, dict) and c.id["type"] == Pattern.MAP_COLUMN]
    assert [d.id["key"] for d in dropdowns] == [
        "Nama Desa", "Kec.", "Jumlah balita pendek", "Jumlah balita diukur", data_page.FIXED_PERIOD_KEY,
    ]  # fmt: skip
    # The planner says which column is what and the period of the whole file.
    chosen = ["nama_desa", "kecamatan", "stunting.pembilang", "stunting.penyebut", "Februari 2025"]
    fields = data_page.mapping_fields(chosen, [d.id for d in dropdowns])
    assert fields["periode_tetap"] == "Februari 2025"
    batch = data_page.check_upload(services, token, data_page.ImportKind.MAPPED, DISTRICT, fields)
    assert isinstance(batch, IndicatorBatch)
    assert batch.ok, [p.message() for p in batch.problems]
    observations = batch.observations.sort_values("code")
    assert observations["code"].tolist() == [f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002", f"{DISTRICT}.02.2001"]
    assert observations["period"].unique().tolist() == ["2025-02"]
    assert observations["numerator"].tolist() == [4, 6, 2]
    assert observations["denominator"].tolist() == [40, 30, 25]


def test_data003_a_misspelt_village_is_offered_for_confirmation_then_remembered(services: Services) -> None:
    misspelt = OTHER_TABLE.replace("Desa 1-2", "Ds. 1 - 2x")
    token = _upload(services, "ejaan.csv", misspelt)
    fields = {"nama_desa": "Nama Desa", "kecamatan": "Kec.", "stunting.pembilang": "Jumlah balita pendek",
              "stunting.penyebut": "Jumlah balita diukur", "periode_tetap": "2025-02"}  # fmt: skip
    first = data_page.check_upload(services, token, data_page.ImportKind.MAPPED, DISTRICT, fields)
    assert isinstance(first, IndicatorBatch)
    assert not first.ok
    [suggestion] = first.suggestions
    assert suggestion.raw_name == "Ds. 1 - 2x"
    assert suggestion.candidates[0] == f"{DISTRICT}.01.2002"
    report = data_page.report_view(first, services, "id")
    choices = [c for c in _ids(report) if isinstance(c.id, dict) and c.id["type"] == Pattern.NAME_MATCH]
    assert [c.id["key"] for c in choices] == ["Ds. 1 - 2x"]
    assert f"{DISTRICT}.01.2002" in [o["value"] for o in choices[0].options]
    # The planner picks the village; the file then imports and the spelling is saved for next time.
    confirmed = {"Ds. 1 - 2x": f"{DISTRICT}.01.2002"}
    second = data_page.check_upload(services, token, data_page.ImportKind.MAPPED, DISTRICT, fields, confirmed)
    assert second.ok
    # The report keeps the dropdown with the village chosen, so what the commit reads back is the same choice.
    kept = [c for c in _ids(data_page.report_view(second, services, "id"))
            if isinstance(c.id, dict) and c.id["type"] == Pattern.NAME_MATCH]  # fmt: skip
    assert [(c.id["key"], c.value) for c in kept] == [("Ds. 1 - 2x", f"{DISTRICT}.01.2002")]
    read_back = data_page.confirmed_names([c.value for c in kept], [c.id for c in kept])
    third = data_page.check_upload(services, token, data_page.ImportKind.MAPPED, DISTRICT, fields, read_back)
    assert third.ok and len(third.observations) == len(second.observations)
    result = services.commit(second, "planner")
    assert result.aliases_saved == 1
    store = services.require_store()
    assert f"{DISTRICT}.01.2002" in store.aliases(DISTRICT).values()


def test_data004_removing_a_dataset_takes_its_values_with_it(services: Services) -> None:
    token = _upload(services, "tidy.csv", "kode_wilayah,periode,indikator,pembilang,penyebut\n"
                                          f"{DISTRICT}.01.2001,2025-08,stunting,3,30\n")  # fmt: skip
    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None)
    result = services.commit(batch, "planner")
    assert len(services.source.observations(DISTRICT)) == 1
    assert services.require_store().remove_dataset(int(result.dataset_id or 0))
    services.invalidate()
    assert services.source.observations(DISTRICT).empty


def test_data005_the_code_column_of_a_boundary_file_is_shown_and_can_be_chosen(
    services: Services, tmp_path: Path
) -> None:
    frame = villages_frame(district="52.92").rename(columns={"kode": "id_wilayah_bps"})
    frame["catatan"] = "bukan kode"
    path = write(frame, tmp_path / "lain", "geojson", name="batas_lain")
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    preview, chooser = data_page.preview_view(services, token, data_page.ImportKind.AUTO, "id")
    assert "52.92.01.2001" in str(preview.to_plotly_json())
    [dropdown] = [c for c in _ids(chooser) if isinstance(c.id, dict) and c.id["type"] == Pattern.MAP_COLUMN]
    assert dropdown.value == "id_wilayah_bps"  # detected from the values
    # Choosing the wrong column names it and refuses; the right one imports.
    wrong = data_page.mapping_fields(["catatan"], [dropdown.id])
    refused = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None, wrong)
    assert not refused.ok
    assert any(p.column == "catatan" for p in refused.errors)
    right = data_page.mapping_fields(["id_wilayah_bps"], [dropdown.id])
    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None, right)
    assert batch.ok
    assert len(batch.villages) == len(frame)


def test_data006_after_an_import_the_main_page_opens_on_the_district_not_the_demo(tmp_path: Path) -> None:
    from dashboard.views.map_page import resolve_choice

    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(Path(__file__).resolve().parents[2] / "geodata")
        services = Services.from_store(settings, store)
        demo_only = resolve_choice(services, {"district": "99.01"})
        assert demo_only is not None and demo_only.district == "99.01"
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
        services.invalidate()
        for stored in ({"district": "99.01"}, {"district": DISTRICT}, None):
            choice = resolve_choice(services, stored)
            assert choice is not None and choice.district == DISTRICT


def test_data007_the_check_says_what_a_file_means_against_what_is_stored_before_it_is_ready(
    services: Services,
) -> None:
    codes = [f"{DISTRICT}.{k:02d}.2{v:03d}" for k in (1, 2) for v in (1, 2, 3)]
    header = "kode_wilayah,periode,indikator,pembilang,penyebut\n"
    january = _upload(services, "januari.csv", header + "".join(f"{c},2025-01,stunting,40,250\n" for c in codes))
    services.commit(data_page.check_upload(services, january, data_page.ImportKind.AUTO, DISTRICT), "planner")
    # February: one village, and at 0 of 321 after 40 of 250 in January.
    token = _upload(services, "februari.csv", header + f"{codes[0]},2025-02,stunting,0,321\n")
    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, DISTRICT)
    assert batch.ok
    assert [p.key for p in batch.problems] == ["store.incomplete_period", "flag.implausible_change"]
    text = str(data_page.report_view(batch, services, "id").to_plotly_json())
    said = text.index("Dibandingkan dengan data yang sudah tersimpan")
    assert said < text.index("File ini hanya mencakup 1 dari 6 desa untuk Februari 2025")
    assert said < text.index("Desa 1-1 (52.91.01.2001), Prevalensi stunting: 40/250 pada Januari 2025 menjadi 0/321")
    assert said < text.index("File siap diimpor, dengan 2 peringatan")
    assert "Desa 2-3 (52.91.02.2003)" in text  # a village without data for February
    # Said once, above the verdict; the table's place only counts it (the list of villages is long).
    assert text.count("Desa tanpa data:") == 1 and text.count("File ini hanya mencakup 1 dari 6 desa") == 1
    assert text.count("Prevalensi stunting: 40/250 pada Januari 2025 menjadi 0/321") == 1
    assert "2 peringatan terhadap data yang sudah tersimpan tertulis di atas" in text
    result = services.commit(data_page.check_upload(services, token, data_page.ImportKind.AUTO, DISTRICT), "planner")
    report = services.require_store().dataset(int(result.dataset_id or 0)).report  # type: ignore[union-attr]
    assert report is not None
    assert [p["key"] for p in report["problems"]] == ["store.incomplete_period", "flag.implausible_change"]


def test_data008_a_future_period_is_refused_with_months_named(services: Services) -> None:
    header = "kode_wilayah,periode,indikator,pembilang,penyebut\n"
    token = _upload(services, "masa_depan.csv", header + f"{DISTRICT}.01.2001,2099-12,stunting,4,40\n")
    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, DISTRICT)
    assert not batch.ok
    text = str(data_page.report_view(batch, services, "id").to_plotly_json())
    latest = period_label(latest_plausible_period(), "id")  # e.g. "November 2026", never "2026-11"
    assert f"periode Desember 2099 ada di masa depan; periode terakhir yang mungkin adalah {latest}" in text
    english = str(data_page.report_view(batch, services, "en").to_plotly_json())
    assert f"the latest possible period is {period_label(latest_plausible_period(), 'en')}" in english


def test_data009_the_quality_table_shows_standing_infants_and_shared_niks(services: Services) -> None:
    from dashboard.views.data_page.report import quality_view

    village = f"{DISTRICT}.01.2001"
    record = {"code": village, "posyandu": None, "rows": 40, "refused": 0, "standing_under_9_months": 2,
              "nik_collisions": 3}  # fmt: skip
    table = quality_view([record], services, "id")
    text = str(table.to_plotly_json())
    assert "Berdiri < 9 bulan" in text and "NIK dipakai anak lain" in text
    cells = [c for c in _ids_and_cells(table) if getattr(c, "className", None) == "quality-high"]
    assert [c.children for c in cells] == ["2", "3"]  # whole numbers, marked: WHO expects none of either


def _ids_and_cells(component: Any) -> list[Any]:
    found: list[Any] = []
    if isinstance(component, list | tuple):
        for child in component:
            found += _ids_and_cells(child)
    elif hasattr(component, "to_plotly_json"):
        found.append(component)
        found += _ids_and_cells(getattr(component, "children", None))
    return found


# A Sigizi-style report with months but no year column, as a real kabupaten's export writes it.
NO_YEAR = (
    "No,Puskesmas,Kelurahan,Bulan,Jumlah_sasaran_balita,Jumlah_balita_diukur_PBTB,Jumlah_balita_stunting\n"
    "1,Kecamatan 1,Desa 1-1,1,50,40,4\n"
    "2,Kecamatan 1,Desa 1-2,1,40,30,6\n"
)


def test_data010_a_report_without_a_year_takes_the_year_field(services: Services) -> None:
    token = _upload(services, "sigizi_tanpa_tahun.csv", NO_YEAR)
    without = data_page.ImportForm(data_page.ImportKind.AUTO, DISTRICT, [], [], [], []).check(services, token)
    assert not without.ok  # never a guessed year
    with_year = data_page.ImportForm(data_page.ImportKind.AUTO, DISTRICT, [], [], [], [], 2025).check(services, token)
    assert with_year.ok
    stunting = with_year.observations[with_year.observations["indicator"] == "stunting"]
    assert stunting["period"].unique().tolist() == ["2025-01"]
    assert (stunting["numerator"].sum(), stunting["denominator"].sum()) == (10, 70)


def _bps_coded_district(tmp_path: Path) -> tuple[Path, str]:
    """The test district's boundary file with BPS codes (PPKKCCCDDD) only, and the crosswalk that translates them."""
    frame = villages_frame()
    codes = frame["kode"].tolist()
    # BPS numbers kecamatan 010, 020, ... and villages 001, 002, ...: no Kemendagri village number starts with 0.
    frame["kode"] = [f"{c[:5].replace('.', '')}{c[6:8]}0{c[-3:]}" for c in codes]
    path = write(frame, tmp_path / "bps", "geojson", name="desa_bps")
    lines = ["kode_bps,kode_kemendagri", *(f"{b},{k}" for b, k in zip(frame["kode"], codes, strict=True))]
    return path, "\n".join(lines) + "\n"


def test_data012_a_bps_coded_boundary_file_imports_with_a_crosswalk_chosen_on_the_page(
    services: Services, tmp_path: Path
) -> None:
    """Issue 12, point 5 on the page: the second drop zone's crosswalk is used by the check and the commit, and
    deleted with the import's file; a crosswalk token of another account is never read."""
    from dashboard.auth.context import acting_as
    from dashboard.views.data_page.importing import commit_upload
    from dashboard.views.data_page.preview import crosswalk_view

    path, crosswalk_text = _bps_coded_district(tmp_path)
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    kind = data_page.ImportKind.AUTO
    # The zone shows for a boundary file only, and names the crosswalk once one is chosen.
    assert crosswalk_view(services, token.as_dict(), kind, None, "id") == (False, None)
    table = _upload(services, "tabel.csv", OTHER_TABLE)
    assert crosswalk_view(services, table.as_dict(), kind, None, "id") == (True, None)

    refused = data_page.ImportForm(kind, None, [], [], [], []).check(services, token)
    assert [p.key for p in refused.problems] == ["boundary.bps_codes"]

    # Another account's crosswalk, its token forged into a planner's form, is ignored: refused as before.
    accounts = services.require_accounts()
    planner = accounts.create_user("perencana-lain", "kata-sandi-panjang-sekali-42", "perencana", (DISTRICT,)).actor
    foreign = _upload(services, "padanan.csv", crosswalk_text)  # the administrator's
    with acting_as(planner):
        own_file = data_page.save_upload(services, path.read_bytes(), path.name, planner)
        forged = data_page.ImportForm(kind, None, [], [], [], [], crosswalk=foreign.as_dict()).check(services, own_file)
    assert [p.key for p in forged.problems] == ["boundary.bps_codes"]

    own = _upload(services, "padanan.csv", crosswalk_text)
    hidden, info = crosswalk_view(services, token.as_dict(), kind, own.as_dict(), "id")
    assert not hidden and "padanan.csv" in str(info.to_plotly_json())
    form = data_page.ImportForm(kind, None, [], [], [], [], crosswalk=own.as_dict())
    checked = form.check(services, token)
    assert checked.ok and [p.key for p in checked.problems] == ["boundary.crosswalk_used"]
    assert sorted(checked.villages["code"]) == sorted(villages_frame()["kode"])

    result = commit_upload(services, lambda _: None, 1, token.as_dict(), form, 0, "id")
    assert result[1] == 1  # the datasets' version moved: committed
    uploads = services.require_uploads()
    for gone in (token, own):  # raw uploads do not outlive their import
        with pytest.raises(UploadMissing):
            uploads.resolve(gone.id, signed_in_actor())


def test_data013_the_match_names_box_finds_kemendagri_codes_for_a_bps_coded_file(
    services: Services, tmp_path: Path
) -> None:
    """Issue 12, point 5, the other way on: the box on the page matches names against the shipped list."""
    import geopandas as gpd
    import shapely

    from dashboard.data.reference import kemendagri_villages

    official = kemendagri_villages("52.03").head(6).reset_index(drop=True)
    bps = [f"5203{int(c.split('.')[2]) * 10:03d}{i + 1:03d}" for i, c in enumerate(official["code"])]
    frame = gpd.GeoDataFrame(
        {"kode": bps, "nama": official["name"].str.upper()},
        geometry=[shapely.box(116.5 + i * 0.01, -8.6, 116.51 + i * 0.01, -8.59) for i in range(len(official))],
        crs=4326,
    )
    path = write(frame, tmp_path / "bps_nama", "geojson", name="desa_bps_nama")
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    kind = data_page.ImportKind.AUTO
    refused = data_page.ImportForm(kind, None, [], [], [], []).check(services, token)
    assert [p.key for p in refused.problems] == ["boundary.bps_codes"]
    matched = data_page.ImportForm(kind, None, [], [], [], [], match_names=True).check(services, token)
    assert matched.ok, [p.message("en") for p in matched.problems]
    assert "boundary.names_matched" in [p.key for p in matched.problems]
    assert sorted(matched.villages["code"]) == sorted(official["code"])


def test_data014_a_boundary_preview_shows_village_names_and_twenty_rows(services: Services, tmp_path: Path) -> None:
    """Village names and types describe places, not people; a column of NIK-like numbers stays hidden."""
    frame = villages_frame(district="52.93", kecamatan=3, per_kecamatan=8)
    frame["jenis"] = "desa"
    frame["nik_kepala_desa"] = [f"520301{i:010d}" for i in range(len(frame))]
    path = write(frame, tmp_path / "pratinjau", "geojson", name="batas_pratinjau")
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    preview, _ = data_page.preview_view(services, token, data_page.ImportKind.AUTO, "id")
    text = str(preview.to_plotly_json())
    assert "Desa 1-1" in text and "Kecamatan 1" in text and "'jenis'" in text
    assert "Desa 3-4" in text and "Desa 3-5" not in text  # the first 20 rows, as the heading says
    assert "5203010000000000" not in text and "nik_kepala_desa" in text  # named among the hidden columns


def test_data015_a_partial_boundary_file_warns_at_the_check_which_villages_leave_the_map(
    services: Services, tmp_path: Path
) -> None:
    """Before anything changes: a file with 2 of the district's 6 villages says the other 4 would go."""
    partial = villages_frame().head(2)
    path = write(partial, tmp_path / "sebagian", "geojson", name="batas_sebagian")
    token = data_page.save_upload(services, path.read_bytes(), path.name, signed_in_actor())
    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None)
    assert batch.ok  # a split or merger is possible: a warning, not a refusal
    [warning] = [p for p in batch.problems if p.key == "boundary.replaces_villages"]
    assert "hanya 2 ada di file, 4 desa akan hilang" in warning.reason("id")
    assert "Desa 2-3 (52.91.02.2003)" in warning.reason("id") and "Desa 1-1" not in warning.reason("id")
    report = str(data_page.report_view(batch, services, "id").to_plotly_json())
    assert "4 desa akan hilang" in report
    whole = write(villages_frame(), tmp_path / "lengkap", "geojson", name="batas_lengkap")
    token = data_page.save_upload(services, whole.read_bytes(), whole.name, signed_in_actor())
    complete = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None)
    assert "boundary.replaces_villages" not in [p.key for p in complete.problems]
