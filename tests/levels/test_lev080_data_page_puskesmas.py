"""The data page imports a puskesmas list like any file (detected, checked, previewed, committed, listed, audited),
figures per puskesmas after it, and an indicator file's BPS codes through the crosswalk zone."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
import shapely

from dashboard.auth.context import acting_as
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.levels import observations_at, puskesmas_list, puskesmas_villages
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import data_page
from dashboard.views.data_page.datasets import datasets_view
from dashboard.views.data_page.importing import commit_upload
from dashboard.views.data_page.preview import crosswalk_view
from dashboard.views.data_page.uploads import template_download
from tests.auth_helpers import signed_in_actor
from tests.levels.page_helpers import district_services
from tests.store.helpers import DISTRICT

pytestmark = pytest.mark.usefixtures("as_admin_when_services")

LIST = (
    "kode_puskesmas;nama_puskesmas;kode_desa\n"
    f"P5291010101;Puskesmas Satu;{DISTRICT}.01.2001\n"
    f"P5291010101;Puskesmas Satu;{DISTRICT.replace('.', '')}012002\n"
    f"PKM-2;Puskesmas Dua;{DISTRICT}.02.2001\n"
)
FIGURES = (
    "kode_wilayah,kode_puskesmas,periode,indikator,pembilang,penyebut\n"
    f"{DISTRICT},P5291010101,2025-08,stunting,24,100\n"
    f",PKM-2,2025-08,stunting,9,90\n"
)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    with district_services(tmp_path) as services:
        yield services


def _upload(services: Services, name: str, text: str | bytes) -> data_page.UploadToken:
    content = text.encode("utf-8") if isinstance(text, str) else text
    return data_page.save_upload(services, content, name, signed_in_actor())


def _form(kind: str = data_page.ImportKind.AUTO, district: str | None = None, **extra: Any) -> data_page.ImportForm:
    return data_page.ImportForm(kind, district, [], [], [], [], **extra)


def _text(component: Any) -> str:
    return str(component.to_plotly_json()) if hasattr(component, "to_plotly_json") else str(component)


def _commit(services: Services, token: data_page.UploadToken, form: data_page.ImportForm) -> tuple[Any, ...]:
    return commit_upload(services, lambda _: None, 1, token.as_dict(), form, 0, "id")


def test_lev080_a_puskesmas_list_uploaded_on_the_page_is_detected_checked_committed_listed_and_audited(
    services: Services,
) -> None:
    token = _upload(services, "wilayah_kerja_pkm.csv", LIST)
    assert data_page.resolve_kind("auto", token.name, token.path(services).read_bytes()) == "puskesmas"
    preview, mapping = data_page.preview_view(services, token, "auto", "id")
    assert "Dikenali sebagai daftar puskesmas" in _text(preview) and "Puskesmas Dua" in _text(preview)
    assert mapping is None

    batch = _form().check(services, token)
    assert isinstance(batch, PuskesmasBatch) and batch.ok
    report = _text(data_page.report_view(batch, services, "id"))
    assert "2 puskesmas melayani 3 desa/kelurahan" in report and "File siap diimpor" in report

    result, version, *_ = _commit(services, token, _form())
    assert version == 1 and "Impor berhasil" in _text(result) and "3 desa/kelurahan" in _text(result)
    store = services.require_store()
    assert puskesmas_list(store, DISTRICT)[["code", "name"]].values.tolist() == [
        ["P5291010101", "Puskesmas Satu"], ["PKM-2", "Puskesmas Dua"],
    ]  # fmt: skip
    assert len(puskesmas_villages(store, DISTRICT)) == 3
    listed = _text(datasets_view(services, "id"))
    assert "wilayah_kerja_pkm.csv" in listed and "Puskesmas (daftar/batas)" in listed
    entry = services.require_accounts().last_entry("import")
    assert entry is not None and entry["target"] == "wilayah_kerja_pkm.csv" and entry["outcome"] != "refused"
    assert DISTRICT in str(entry["detail"])

    # Figures per puskesmas now pass the page's check (it knows the stored lists) and are read as theirs.
    figures = _upload(services, "angka_pkm.csv", FIGURES)
    checked = _form().check(services, figures)
    assert checked.ok, [p.message("en") for p in checked.problems]
    _commit(services, figures, _form())
    found = observations_at(store, "puskesmas", DISTRICT)
    assert found[["code", "name", "numerator", "denominator"]].values.tolist() == [
        ["P5291010101", "Puskesmas Satu", 24.0, 100.0], ["PKM-2", "Puskesmas Dua", 9.0, 90.0],
    ]  # fmt: skip

    # A second list for the district says, before anything changes, which stored list it replaces.
    again = _upload(services, "pkm_2026.csv", LIST.replace("Puskesmas Dua", "Puskesmas Dua Baru"))
    warned = _form().check(services, again)
    assert warned.ok and warned.problems[0].key == "puskesmas.replaced"
    assert "2 puskesmas yang tersimpan untuk 52.91" in _text(data_page.report_view(warned, services, "id"))


def test_lev081_a_bad_list_is_refused_naming_row_and_column_and_changes_nothing(services: Services) -> None:
    bad = LIST + f"PKM-3;;{DISTRICT}.02.2002\nPKM-4;Puskesmas Empat;{DISTRICT}.07.2001\n"
    token = _upload(services, "pkm_salah.csv", bad)
    store = services.require_store()
    before = store.data_version()
    batch = _form().check(services, token)
    assert [(p.row, p.column, p.key) for p in batch.errors] == [
        (5, "nama_puskesmas", "puskesmas.missing_value"),
        (6, "kode_desa", "puskesmas.unknown_village"),
    ]
    report = _text(data_page.report_view(batch, services, "id"))
    assert "belum dapat diimpor" in report and "nama_puskesmas" in report and "52.91.07.2001" in report
    result, version, commit_disabled, *_ = _commit(services, token, _form())
    assert "Impor ditolak" in _text(result) and version == 0 and commit_disabled
    assert store.data_version() == before and puskesmas_list(store).empty


def test_lev082_a_planner_of_another_district_is_refused_on_the_server(services: Services) -> None:
    accounts = services.require_accounts()
    planner = accounts.create_user("perencana-lotim", "kata-sandi-panjang-sekali-42", "perencana", ("52.03",)).actor
    store = services.require_store()
    before = store.data_version()
    with acting_as(planner):
        token = data_page.save_upload(services, LIST.encode(), "pkm_tetangga.csv", planner)
        # Without a district chosen, the planner's villages are its own districts': the list names unknown villages.
        assert not _form().check(services, token).ok
        # With the other district forced into the form, the check passes but the commit is refused on the server.
        forged = _form(district=DISTRICT)
        assert forged.check(services, token).ok
        result, version, *_ = _commit(services, token, forged)
    assert "52.91" in _text(result) and version == 0
    assert store.data_version() == before and puskesmas_list(store).empty
    entry = accounts.last_entry("import")
    assert entry is not None and entry["outcome"] == "refused" and entry["target"] == "pkm_tetangga.csv"


def test_lev083_the_puskesmas_templates_download_beside_the_indicator_ones() -> None:
    sent = template_download(ID.TEMPLATE_PUSKESMAS_CSV)
    assert sent["filename"] == "templat_daftar_puskesmas_lokus.csv"
    assert sent["content"]  # base64 of the header and a comment row
    assert template_download(ID.TEMPLATE_PUSKESMAS_XLSX)["filename"].endswith(".xlsx")
    assert template_download(ID.TEMPLATE_CSV)["filename"] == "templat_indikator_lokus.csv"


def _merauke(services: Services) -> None:
    """Kabupaten Merauke's outline under its Kemendagri code (93.01); BPS writes it 9501."""
    frame = gpd.GeoDataFrame({"kode": ["93.01"], "nama": ["Kabupaten Merauke"]},
                             geometry=[shapely.box(139.5, -8.5, 141.0, -7.0)], crs=4326)  # fmt: skip
    buffer = io.BytesIO()
    frame.to_file(buffer, driver="GeoJSON")
    batch = prepare_boundary_import(buffer.getvalue(), "merauke.geojson")
    assert batch.ok, [p.message("en") for p in batch.problems]
    services.commit(batch, "test")


def test_lev084_an_indicator_file_with_bps_codes_gets_the_crosswalk_zone_and_imports_through_it(
    services: Services,
) -> None:
    _merauke(services)
    table = _upload(
        services, "papua_bps.csv", "kode_bps,periode,indikator,pembilang,penyebut\n9501,2024,stunting,30,200\n"
    )
    plain = _upload(services, "biasa.csv", FIGURES)
    hidden, note = crosswalk_view(services, table.as_dict(), "auto", None, "id")
    assert not hidden and "kode_bps" in _text(note)
    assert crosswalk_view(services, plain.as_dict(), "auto", None, "id") == (True, None)
    refused = _form().check(services, table)
    assert [(p.row, p.column, p.key) for p in refused.errors] == [(2, "kode_bps", "levels.bps_papua_kabupaten")]

    crosswalk = _upload(services, "padanan_papua.csv", "kode_bps;kode_kemendagri\n9501;93.01\n95;93\n")
    hidden, chosen = crosswalk_view(services, table.as_dict(), "auto", crosswalk.as_dict(), "id")
    assert not hidden and "padanan_papua.csv" in _text(chosen)
    form = _form(crosswalk=crosswalk.as_dict())
    checked = form.check(services, table)
    assert checked.ok, [p.message("en") for p in checked.problems]
    _commit(services, table, form)
    found = observations_at(services.require_store(), "kabupaten", "93")
    imported = found[found["origin"] == "imported"]
    assert imported[["code", "numerator", "denominator"]].values.tolist() == [["93.01", 30.0, 200.0]]
