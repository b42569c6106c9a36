"""The Kemendagri reference list Lokus ships, and a BPS-coded boundary file matched by name against it (issue 12, 5)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard.config import REPO_ROOT
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.names import match_key
from dashboard.data.reference import KEMENDAGRI_LIST, kemendagri_villages
from tests.store.helpers import write

LIST_COLUMNS = ["kode", "nama", "jenis", "kode_kec", "nama_kec", "kode_kab", "nama_kab", "kode_prov", "nama_prov"]
LOMBOK_TIMUR = "52.03"  # 254 villages in 21 kecamatan, no two with one name
BIMA = "52.06"  # among others, two villages called Rato: in Kec. Bolo (52.06.02.2003) and Kec. Lambu (52.06.12.2006)


def _bps_coded(kabupaten: str, rename: Callable[[str], str] = str, kecamatan: bool = False) -> gpd.GeoDataFrame:
    """A kabupaten's official villages as a BPS file holds them: BPS codes (kecamatan 010, 020, ..., village 001, ...),
    names as ``rename`` writes them, box geometries; the official code beside, for the test to compare."""
    villages = kemendagri_villages(kabupaten)
    prefix = kabupaten.replace(".", "")
    rows = []
    for k, (_, group) in enumerate(villages.groupby("kecamatan_code", sort=True)):
        for v, village in enumerate(group.itertuples(), start=1):
            x0, y0 = 116.4 + v * 0.01, -8.9 + k * 0.01
            row = {
                "KDEBPS": f"{prefix}{(k + 1) * 10:03d}{v:03d}",
                "nama": rename(village.name),
                "kemendagri": village.code,
                "geometry": shapely.box(x0, y0, x0 + 0.01, y0 + 0.01),
            }
            if kecamatan:
                row["nama_kec"] = village.kecamatan_name
            rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _problems(batch: object) -> list[tuple[str, int | None, str | None, str | None]]:
    return [(p.key, p.row, p.column, p.value) for p in batch.problems]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------ the reference list


def test_store130_the_reference_list_is_in_the_repo_codes_and_names_only() -> None:
    assert KEMENDAGRI_LIST == REPO_ROOT / "geodata" / "kemendagri_desa_2025.csv.gz"
    assert KEMENDAGRI_LIST.stat().st_size < 2 * 1024**2
    table = pd.read_csv(KEMENDAGRI_LIST, dtype=str, keep_default_na=False)
    assert list(table.columns) == LIST_COLUMNS  # no geometry, no centroid, nothing but codes and names
    assert len(table) == 83_402 and table["kode"].is_unique
    assert table["kode"].tolist() == sorted(table["kode"])
    assert table["kode"].str.fullmatch(r"\d\d\.\d\d\.\d\d\.[123]\d\d\d").all()
    assert (table["kode"].str[:8] == table["kode_kec"]).all() and (table["kode"].str[:5] == table["kode_kab"]).all()
    assert table["nama"].str.len().min() > 0
    assert set(table["jenis"]) == {"desa", "kelurahan", ""}


def test_store131_the_loader_filters_a_kabupaten_and_hands_out_copies() -> None:
    lombok_timur = kemendagri_villages(LOMBOK_TIMUR)
    assert len(lombok_timur) == 254 and set(lombok_timur["district_code"]) == {LOMBOK_TIMUR}
    assert list(lombok_timur.columns)[:6] == [
        "code", "name", "kecamatan_code", "kecamatan_name", "district_code", "district_name",
    ]  # fmt: skip
    first = lombok_timur.iloc[0]
    assert (first["code"], first["name"], first["kecamatan_name"]) == ("52.03.01.2001", "Tanjung Luar", "Keruak")
    assert first["district_name"] == "Kabupaten Lombok Timur" and first["province_name"] == "Nusa Tenggara Barat"
    assert kemendagri_villages("5203").equals(lombok_timur)
    lombok_timur.loc[0, "name"] = "diubah"
    everything = kemendagri_villages()
    everything.loc[0, "name"] = "diubah"
    assert kemendagri_villages(LOMBOK_TIMUR).loc[0, "name"] == "Tanjung Luar"
    assert kemendagri_villages()["name"].iloc[0] == "Keude Bakongan" and len(kemendagri_villages()) == 83_402
    assert len(kemendagri_villages("52.99")) == 0
    with pytest.raises(ValueError, match="kabupaten"):
        kemendagri_villages("52.03.01")


@pytest.mark.realdata
def test_store132_the_generator_writes_the_committed_bytes(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.csv.gz"
    source = shared_data / "boundaries" / "desa_indonesia.parquet"
    command = [sys.executable, str(REPO_ROOT / "scripts" / "make_kemendagri_list.py"), "--source", str(source)]
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True, timeout=300)
    assert out.read_bytes() == KEMENDAGRI_LIST.read_bytes()
    header = out.read_bytes()[:10]
    assert header[4:8] == b"\x00\x00\x00\x00" and not header[3] & 0x08  # no time, no file name in the gzip header
    assert gzip.decompress(out.read_bytes()).startswith(b"kode,nama,jenis,kode_kec,")


# ---------------------------------------------------------------------------------- matching by name


@pytest.mark.parametrize(
    "rename",
    [str, str.upper, lambda name: f"Desa {name}", lambda name: f"  {name.replace(' ', '   ')} ", str.lower],
    ids=["as-listed", "capitals", "desa-prefix", "extra-spaces", "lower-case"],
)
@pytest.mark.parametrize("fmt", ["geojson", "shpzip"])
def test_store133_a_bps_coded_district_imports_with_kemendagri_codes_by_name(
    tmp_path: Path, rename: Callable[[str], str], fmt: str
) -> None:
    frame = _bps_coded(LOMBOK_TIMUR, rename)
    path = write(frame.drop(columns="kemendagri"), tmp_path, fmt)
    batch = prepare_boundary_import(path, match_names=True)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert _problems(batch) == [("boundary.names_matched", None, "nama", None)]
    assert batch.problems[0].reason("id") == "254 desa dicocokkan menurut nama dengan daftar Kemendagri 2025"
    assert batch.problems[0].reason("en") == "254 villages were matched by name against the Kemendagri 2025 list"
    official = kemendagri_villages(LOMBOK_TIMUR)
    assert batch.villages["code"].tolist() == frame["kemendagri"].tolist() == official["code"].tolist()
    assert not set(batch.villages["code"].str.replace(".", "")) & set(frame["KDEBPS"])
    # The list's names go with its codes, whatever the file's spelling.
    assert batch.villages["name"].tolist() == official["name"].tolist()
    assert batch.villages["kecamatan_name"].tolist() == official["kecamatan_name"].tolist()
    assert set(batch.villages["district_name"]) == {"Kabupaten Lombok Timur"}
    kecamatan = sorted(set(official["kecamatan_code"]))
    assert sorted(batch.outlines["code"]) == [LOMBOK_TIMUR, *kecamatan] and len(kecamatan) == 21


def test_store134_without_match_names_the_file_is_still_refused(tmp_path: Path) -> None:
    frame = _bps_coded(LOMBOK_TIMUR)
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"))
    assert [(p.key, p.column) for p in batch.problems] == [("boundary.bps_codes", "KDEBPS")]
    assert not batch.ok and len(batch.villages) == 0
    fix_id, fix_en = batch.problems[0].fix("id"), batch.problems[0].fix("en")
    assert "cocokkan menurut nama dengan daftar resmi Kemendagri" in fix_id and "'Cocokkan nama'" in fix_id
    assert "--match-names" in fix_id and "'File padanan kode BPS → Kemendagri'" in fix_id and "--crosswalk" in fix_id
    assert "by name" in fix_en and "--match-names" in fix_en and "kode_bps,kode_kemendagri" in fix_en


def test_store135_an_unknown_or_ambiguous_name_is_an_error_of_its_row(tmp_path: Path) -> None:
    frame = _bps_coded(BIMA)
    # Bima has other names twice too (Kuta, Naru, ...): keep the villages whose name is theirs alone, and both Rato.
    counts = frame["nama"].map(match_key).value_counts()
    frame = frame[(frame["nama"].map(match_key).map(counts) == 1) | (frame["nama"] == "Rato")].reset_index(drop=True)
    rato = frame.index[frame["nama"] == "Rato"].tolist()
    assert frame.loc[rato, "kemendagri"].tolist() == ["52.06.02.2003", "52.06.12.2006"]
    frame.loc[7, "nama"] = "Desa Yang Tidak Ada"
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    assert not batch.ok
    assert [(p.key, p.row, p.column, p.value) for p in batch.errors] == sorted(
        [
            ("boundary.names_unmatched", 8, "nama", "Desa Yang Tidak Ada"),
            ("boundary.names_ambiguous", rato[0] + 1, "nama", "Rato"),
            ("boundary.names_ambiguous", rato[1] + 1, "nama", "Rato"),
        ],
        key=lambda problem: problem[1],
    )
    ambiguous = next(p for p in batch.errors if p.key == "boundary.names_ambiguous")
    message = ambiguous.message("en")
    assert "Rato (52.06.02.2003, Kec. Bolo), Rato (52.06.12.2006, Kec. Lambu)" in message
    assert f"desa.geojson, row {rato[0] + 1}, column nama, value 'Rato'" in message
    assert "kecamatan" in ambiguous.fix("en") and "--crosswalk" in ambiguous.fix("en")
    unmatched = next(p for p in batch.errors if p.key == "boundary.names_unmatched")
    assert "52.06" in unmatched.reason("en") and "--code-column" in unmatched.fix("en")
    assert "Kemendagri" in unmatched.fix("id") and "--crosswalk" in unmatched.fix("id")


def test_store136_a_kecamatan_column_resolves_the_same_name_in_two_kecamatan(tmp_path: Path) -> None:
    frame = _bps_coded(BIMA, kecamatan=True)
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert _problems(batch) == [("boundary.names_matched", None, "nama", None)]
    assert batch.villages["code"].tolist() == frame["kemendagri"].tolist()
    assert {"52.06.02.2003", "52.06.12.2006"} <= set(batch.villages["code"])
    # A kecamatan the list does not know: its villages are looked for in the whole kabupaten, and it is said;
    # its Kuta is then as ambiguous as without a kecamatan (Lambitu has a Kuta too), the others match.
    parado = frame["nama_kec"] == "Parado"
    frame.loc[parado, "nama_kec"] = "Kecamatan Entah"
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    first, kuta = (frame.index[parado][0] + 1, frame.index[parado & (frame["nama"] == "Kuta")][0] + 1)
    assert _problems(batch) == [
        ("boundary.names_kecamatan_unknown", first, "nama_kec", "Kecamatan Entah"),
        ("boundary.names_ambiguous", kuta, "nama", "Kuta"),
        ("boundary.names_matched", None, "nama", None),
    ]
    assert batch.problems[-1].reason("en").startswith(f"{len(frame) - 1} villages")


def test_store137_two_features_for_one_village_and_other_whole_file_faults(tmp_path: Path) -> None:
    frame = _bps_coded(LOMBOK_TIMUR).iloc[:6].copy()
    frame.loc[4, "nama"] = frame.loc[1, "nama"].upper()
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    assert [(p.key, p.row, p.value) for p in batch.errors] == [
        ("boundary.names_same_village", 5, frame.loc[1, "nama"].upper())
    ]
    assert dict(batch.errors[0].params) == {"code": frame.loc[1, "kemendagri"], "village": frame.loc[1, "nama"],
                                            "first": 2}  # fmt: skip
    frame.loc[4, "nama"] = None
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    assert [(p.key, p.row, p.column) for p in batch.errors] == [("boundary.names_empty", 5, "nama")]
    # No kabupaten 52.99 in the list: nothing to match against, the file is refused saying so.
    frame["KDEBPS"] = frame["KDEBPS"].str.replace("5203", "5299", n=1)
    batch = prepare_boundary_import(write(frame.drop(columns="kemendagri"), tmp_path, "geojson"), match_names=True)
    assert _problems(batch) == [("boundary.names_no_kabupaten", None, "KDEBPS", "52.99")]
    assert "52.99" in batch.problems[0].reason("en") and "--crosswalk" in batch.problems[0].fix("en")
    # No name column: nothing to match by.
    nameless = _bps_coded(LOMBOK_TIMUR).drop(columns=["kemendagri", "nama"])
    batch = prepare_boundary_import(write(nameless, tmp_path, "geojson"), match_names=True)
    assert [p.key for p in batch.problems] == ["boundary.names_no_column"] and not batch.ok


def test_store138_match_names_leaves_a_kemendagri_file_alone(tmp_path: Path) -> None:
    frame = _bps_coded(LOMBOK_TIMUR).iloc[:5]
    kemendagri = frame.drop(columns="KDEBPS").rename(columns={"kemendagri": "kode"})
    kemendagri["nama"] = "Nama Dalam File"
    batch = prepare_boundary_import(write(kemendagri, tmp_path, "geojson"), match_names=True)
    assert batch.ok and batch.problems == []
    assert batch.villages["code"].tolist() == frame["kemendagri"].tolist()
    assert set(batch.villages["name"]) == {"Nama Dalam File"}


def test_store139_the_command_line_matches_names(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard.cli import main
    from dashboard.data.store import Store

    frame = _bps_coded(LOMBOK_TIMUR, str.upper)
    path = write(frame.drop(columns="kemendagri"), tmp_path, "shpzip")
    assert main(["import-boundaries", str(path)]) == 1
    err = capsys.readouterr().err
    assert "kode BPS" in err and "--match-names" in err
    with pytest.raises(SystemExit) as both:  # one way on at a time
        main(["import-boundaries", str(path), "--match-names", "--crosswalk", str(tmp_path / "padanan.csv")])
    assert both.value.code == 2
    capsys.readouterr()
    assert main(["import-boundaries", str(path), "--match-names"]) == 0
    out, err = capsys.readouterr()
    assert "desa.zip: dataset 1, 254 desa/kelurahan di 1 kabupaten/kota" in out
    assert "254 desa dicocokkan menurut nama dengan daftar Kemendagri 2025" in err
    with Store.open(cli_url) as store:
        stored = store.villages(LOMBOK_TIMUR)
        assert sorted(stored["code"]) == frame["kemendagri"].tolist()
        assert set(stored["name"]) == set(kemendagri_villages(LOMBOK_TIMUR)["name"])
