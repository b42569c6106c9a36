"""Each bad boundary file gets its own message, with the row, column, value, reason and fix."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from dashboard.data.importers.boundary_files import ZipLimits, prepare_boundary_import
from dashboard.data.importers.model import Severity
from dashboard.i18n import TEXTS
from tests.store.helpers import villages_frame, write


def _keys(content: bytes | Path, name: str | None = None, **kwargs: object) -> list[str]:
    batch = prepare_boundary_import(content, name, **kwargs)  # type: ignore[arg-type]
    assert not batch.ok
    return [p.key for p in batch.errors]


def test_store020_broken_zip(tmp_path: Path) -> None:
    good = write(villages_frame(), tmp_path, "shpzip").read_bytes()
    assert _keys(good[: len(good) // 2], "desa.zip") == ["boundary.zip_broken"]
    assert _keys(b"this is not a zip", "desa.zip") == ["boundary.zip_broken"]
    # A member whose bytes were damaged after zipping: caught by its checksum while extracting.
    damaged = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo("desa.dbf")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    damaged[start : start + 20] = b"\x00" * 20
    assert _keys(bytes(damaged), "desa.zip") == ["boundary.zip_broken"]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_store021_zip_bombs_are_refused_before_extracting() -> None:
    bomb = _zip({"desa.shp": b"\x00" * (20 * 1024**2), "desa.shx": b"", "desa.dbf": b""})  # 20 MB -> ~20 kB
    batch = prepare_boundary_import(bomb, "desa.zip")
    assert [p.key for p in batch.problems] == ["boundary.zip_ratio"]
    assert batch.problems[0].value == "desa.shp"
    assert "zip bomb" in batch.problems[0].reason("en")
    small = ZipLimits(max_total_bytes=1024**2, max_members=3)
    ordinary = _zip({"desa.shp": bytes(range(256)) * 8192})  # 2 MB that barely compresses
    assert _keys(ordinary, "desa.zip", limits=small) == ["boundary.zip_too_big"]
    many = _zip({f"f{i}.txt": b"x" for i in range(5)})
    assert _keys(many, "desa.zip", limits=small) == ["boundary.zip_too_many"]


def test_store022_empty_geometry_names_its_row(tmp_path: Path) -> None:
    frame = villages_frame()
    frame.loc[4, "geometry"] = None
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    [problem] = batch.problems
    assert (problem.key, problem.row, problem.column, problem.value) == (
        "boundary.empty_geometry", 5, "geometry", "52.91.02.2002",
    )  # fmt: skip
    assert "baris 5" in problem.message() and "row 5" in problem.message("en")


def test_store023_invalid_geometry_is_repaired_and_counted(tmp_path: Path) -> None:
    frame = villages_frame()
    x, y = 116.5, -8.5
    bowtie = shapely.Polygon([(x, y), (x + 0.01, y + 0.01), (x + 0.01, y), (x, y + 0.01), (x, y)])
    frame.loc[5, "geometry"] = bowtie
    batch = prepare_boundary_import(write(frame, tmp_path, "gpkg"))
    assert batch.ok and batch.repaired == 1
    assert [(p.key, p.row, p.severity) for p in batch.problems] == [
        ("boundary.repaired", 6, Severity.WARNING), ("boundary.repaired_total", None, Severity.WARNING),
    ]  # fmt: skip
    assert "Self-intersection" in batch.problems[0].reason("en")
    repaired = batch.villages.geometry.iloc[5]
    assert repaired.is_valid and repaired.area == pytest.approx(0.01**2 / 2)


def test_store024_duplicate_codes_name_the_first_row(tmp_path: Path) -> None:
    frame = villages_frame()
    frame.loc[5, "kode"] = frame.loc[1, "kode"]
    batch = prepare_boundary_import(write(frame, tmp_path, "parquet"))
    [problem] = batch.problems
    assert (problem.key, problem.row, problem.value) == ("boundary.duplicate_code", 6, "52.91.01.2002")
    assert "row 2" in problem.reason("en")


def test_store025_missing_code_column_lists_the_columns(tmp_path: Path) -> None:
    frame = villages_frame().drop(columns="kode")
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    [problem] = batch.problems
    assert problem.key == "boundary.no_code_column"
    assert "nama, nama_kec, nama_kab" in problem.reason() and "--code-column" in problem.fix("en")


def test_store026_wrong_file_types(tmp_path: Path) -> None:
    assert _keys(b"kode_wilayah,periode\n52.03,2025\n", "data.csv") == ["boundary.wrong_type"]
    spreadsheet = tmp_path / "desa.xlsx"
    villages_frame().drop(columns="geometry").to_excel(spreadsheet, index=False)
    assert _keys(spreadsheet) == ["boundary.wrong_type"]  # a zip inside, but not a boundary file
    assert _keys(b"<kml></kml>", "desa.kml") == ["boundary.wrong_type"]
    assert _keys(b"\x00\x01", "desa.shp") == ["boundary.shp_alone"]
    assert _keys(b"not parquet", "desa.parquet") == ["boundary.unreadable"]
    assert _keys(b'{"type": "FeatureCollection", "features": [', "desa.geojson") == ["boundary.unreadable"]
    plain = tmp_path / "plain.parquet"
    villages_frame().drop(columns="geometry").to_parquet(plain)
    assert _keys(plain) == ["boundary.not_geoparquet"]
    assert _keys(_zip({"readme.txt": b"hi"}), "desa.zip") == ["boundary.zip_no_layer"]
    assert _keys(_zip({"desa.shp": b"x", "desa.prj": b"x"}), "desa.zip") == ["boundary.shp_incomplete"]
    assert _keys(_zip({"a.geojson": b"{}", "b.geojson": b"{}"}), "desa.zip") == ["boundary.zip_many_layers"]


def test_store027_points_are_not_polygons(tmp_path: Path) -> None:
    frame = villages_frame()
    frame["geometry"] = shapely.centroid(frame.geometry.to_numpy())
    batch = prepare_boundary_import(write(gpd.GeoDataFrame(frame, crs=4326), tmp_path, "geojson"))
    assert {p.key for p in batch.problems} == {"boundary.not_polygon"}
    assert batch.problems[0].reason("en") == "the geometry is a Point, not a polygon"


def test_store028_many_bad_rows_are_summarised(tmp_path: Path) -> None:
    frame = villages_frame(kecamatan=30, per_kecamatan=10)
    frame["kode"] = "?"
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    assert len(batch.problems) == 201
    assert batch.problems[-1].key == "boundary.more" and "100 more rows" in batch.problems[-1].reason("en")


def test_store029_every_store_problem_has_reason_and_fix_in_both_languages() -> None:
    keys = {
        key.rsplit(".", 1)[0] for key in TEXTS if key.startswith(("boundary.", "store.")) and key.endswith(".reason")
    }
    assert keys
    for key in keys:
        indonesian, english = TEXTS[f"{key}.fix"]
        assert indonesian and english and indonesian != english, key
