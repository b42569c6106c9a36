"""BPS kabupaten and province codes translated to Kemendagri's, Papua's renumbered provinces included."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.data.importers.regions import BPS_PROVINCES, bps_to_kemendagri, read_region_crosswalk
from dashboard.data.store import Store
from tests.levels.helpers import check, csv_bytes, import_kabupaten, messages

# BPS's province codes for the Papua provinces since the 2022 division, and the names they mean.
PAPUA_BY_BPS = {
    "91": "Papua Barat",
    "92": "Papua Barat Daya",
    "94": "Papua",
    "95": "Papua Selatan",
    "96": "Papua Tengah",
    "97": "Papua Pegunungan",
}


def test_lev040_papua_bps_provinces_translate_to_the_kemendagri_codes_of_their_names(shared_data: Path) -> None:
    provinces = gpd.read_parquet(shared_data / "boundaries" / "indonesia_provinsi_38.parquet")
    name_of = dict(zip(provinces["kode"], provinces["nama"], strict=True))
    translated = {bps: bps_to_kemendagri(bps)[0] for bps in PAPUA_BY_BPS}
    assert {bps: name_of[code] for bps, code in translated.items() if code} == PAPUA_BY_BPS
    # Every BPS province lands on one of the 38 Kemendagri provinces, each once.
    assert sorted(BPS_PROVINCES.values()) == sorted(name_of)
    # Kemendagri 93 (Papua Selatan) is no BPS province: refused, never read as itself.
    assert bps_to_kemendagri("93") == (None, "levels.bps_unknown_province")


def test_lev041_papua_kabupaten_only_through_the_crosswalk() -> None:
    assert bps_to_kemendagri("9501") == (None, "levels.bps_papua_kabupaten")  # BPS Merauke: never guessed
    crosswalk, problems = read_region_crosswalk(
        csv_bytes(["kode_bps,kode_kemendagri", "9501,93.01", "95,93", "9501010001,93.01.01.2001"]), "cw.csv"
    )
    assert problems == [] and crosswalk == {"9501": "93.01", "95": "93"}  # village rows are the boundaries'
    assert bps_to_kemendagri("9501", crosswalk) == ("93.01", None)
    assert bps_to_kemendagri("52.03") == ("52.03", None)  # outside Papua BPS and Kemendagri share the digits
    _, bad = read_region_crosswalk(csv_bytes(["kode_bps,kode_kemendagri", "9501,93"]), "cw.csv")
    assert [(p.file, p.row, p.column, p.key) for p in bad] == [
        ("cw.csv", 2, "kode_kemendagri", "levels.crosswalk_bad_kemendagri")
    ]


def test_lev042_a_bps_coded_kabupaten_series_imports_under_kemendagri_codes(store: Store) -> None:
    import_kabupaten(store)
    lines = ["kode_bps,periode,indikator,pembilang,penyebut", "5272,2024,stunting,95,655", "9501,2024,stunting,1,9"]
    refused = check(store, lines, "bps.csv")
    assert [(p.row, p.column, p.value, p.key) for p in refused.errors] == [
        (3, "kode_bps", "9501", "levels.bps_papua_kabupaten")
    ]
    batch = check(store, lines[:2], "bps.csv")
    assert batch.ok, messages(batch)
    assert batch.observations[["code", "numerator"]].values.tolist() == [["52.72", 95.0]]
    with_crosswalk = check(store, lines, "bps.csv", crosswalk=csv_bytes(["kode_bps,kode_kemendagri", "9501,93.01"]))
    # Translated, then checked like any code: Merauke's outline is not imported here.
    assert [(p.row, p.key) for p in with_crosswalk.errors] == [(3, "levels.unknown_region")]


@pytest.mark.parametrize("bps", ["91", "92", "94", "95", "96", "97"])
def test_lev043_papua_bps_province_codes_never_read_as_the_same_kemendagri_code(bps: str) -> None:
    assert bps_to_kemendagri(bps)[0] != bps
