"""Boundary files as they come from the field (issue 12): BPS codes, GeoJSON without a name, impossible geometry."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dashboard.data.importers.boundary_files import boundary_preview, prepare_boundary_import
from tests.store.helpers import villages_frame, write

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"


def _case(name: str) -> Path:
    path = CASES / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _collection(*, name: bool, crs: bool) -> dict[str, object]:
    """The helper district as a FeatureCollection dict, as json.dump writes it (geojson.io, mapshaper alike)."""
    collection: dict[str, object] = json.loads(villages_frame().to_json(drop_id=True))
    collection.pop("crs", None)
    if name:
        collection["name"] = "desa"
    if crs:
        collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    return collection


# ------------------------------------------------------------------ 6. GeoJSON without a top-level "name"


@pytest.mark.parametrize(("name", "crs", "indent"), list(itertools.product((True, False), repeat=3)))
def test_store110_geojson_with_or_without_name_and_crs_members(name: bool, crs: bool, indent: bool) -> None:
    content = json.dumps(_collection(name=name, crs=crs), indent=2 if indent else None).encode()
    batch = prepare_boundary_import(content, "desa.geojson")
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert batch.problems == []
    expected = villages_frame()
    assert batch.villages["code"].tolist() == expected["kode"].tolist()
    assert batch.villages["name"].tolist() == expected["nama"].tolist()
    assert batch.villages.geometry.geom_equals_exact(expected.geometry, 1e-9).all()
    rows, column = boundary_preview(content, "desa.geojson")
    assert (len(rows), column) == (6, "kode")


def test_store111_json_dump_file_on_disk_imports(tmp_path: Path) -> None:
    path = tmp_path / "desa.json"
    with path.open("w", encoding="utf-8") as handle:
        json.dump(_collection(name=False, crs=False), handle)
    batch = prepare_boundary_import(path)
    assert batch.ok and len(batch.villages) == 6


def test_store112_case_g1_imports_like_the_same_file_with_a_name() -> None:
    path = _case("g1_geojson_without_name_member.geojson")
    without = prepare_boundary_import(path)
    named = json.loads(path.read_text(encoding="utf-8"))
    named["name"] = "g1"
    with_name = prepare_boundary_import(json.dumps(named).encode(), path.name)
    assert without.ok, [p.message("en") for p in without.problems]
    assert without.villages["code"].tolist() == ["64.74.01.1003", "64.74.01.1006"]
    assert without.villages["name"].tolist() == ["Lok Tuan", "Api-api"]
    assert without.villages.drop(columns="geometry").equals(with_name.villages.drop(columns="geometry"))
    assert without.villages.geometry.geom_equals_exact(with_name.villages.geometry, 0).all()


# ------------------------------------------------------------------------------ 7. impossible geometry


def _features(polygons: list[list[list[float]]], **members: object) -> bytes:
    """A GeoJSON of one village per ring, as json.dumps writes it (NaN and Infinity included)."""
    features = [
        {
            "type": "Feature",
            "properties": {"kode": f"52.91.01.2{n:03d}", "nama": f"Desa {n}"},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        }
        for n, ring in enumerate(polygons, start=1)
    ]
    return json.dumps({"type": "FeatureCollection", **members, "features": features}).encode()


def _square(x: float, y: float, size: float = 0.01) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def _named_crs(name: str) -> dict[str, object]:
    return {"type": "name", "properties": {"name": name}}


def _problems(batch: object) -> list[tuple[str, int | None]]:
    return [(p.key, p.row) for p in batch.problems]  # type: ignore[attr-defined]


@pytest.mark.parametrize("crs", [None, "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"])
@pytest.mark.parametrize(
    ("x", "y"), [(200.0, -8.0), (-181.0, -8.0), (116.4, 95.0), (116.4, -91.0), (-8.6, 116.4), (400000.0, 9050000.0)]
)
def test_store113_a_row_beyond_degrees_is_refused_by_row(crs: str | None, x: float, y: float) -> None:
    rings = [_square(116.4 + n * 0.01, -8.6) for n in range(5)]
    rings[2] = _square(x, y)
    members = {} if crs is None else {"crs": _named_crs(crs)}
    batch = prepare_boundary_import(_features(rings, **members), "desa.geojson")
    assert not batch.ok
    assert _problems(batch) == [("boundary.out_of_range", 3)]
    problem = batch.problems[0]
    assert problem.value == "52.91.01.2003" and problem.column == "geometry"
    text = problem.message("en")
    assert "desa.geojson" in text and "-180..180" in text and "CRS" in problem.fix("en")


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
@pytest.mark.parametrize("epsg", [32749, 32750, 32751, 23833, 3857])
@pytest.mark.parametrize("fmt", ["geojson", "shpzip", "parquet"])
def test_store114_metres_in_a_file_without_crs_are_refused(tmp_path: Path, epsg: int, fmt: str) -> None:
    metres = villages_frame().to_crs(epsg)
    if fmt == "geojson":
        collection = json.loads(metres.to_json(drop_id=True))
        collection.pop("crs", None)  # as geojson.io or json.dump leaves it: GDAL would read it as EPSG:4326
        batch = prepare_boundary_import(json.dumps(collection).encode(), "desa.geojson")
    else:
        batch = prepare_boundary_import(write(metres.set_crs(None, allow_override=True), tmp_path, fmt))
    assert [p.key for p in batch.problems] == ["boundary.no_crs"]
    assert not batch.ok and len(batch.villages) == 0


def test_store115_a_few_bad_rows_in_a_file_without_crs_are_named_not_the_whole_file() -> None:
    rings = [_square(116.4 + n * 0.01, -8.6) for n in range(5)]
    rings[4] = _square(400000.0, 9050000.0)
    assert _problems(prepare_boundary_import(_features(rings), "desa.geojson")) == [("boundary.out_of_range", 5)]


@pytest.mark.parametrize(
    "member",
    [
        _named_crs("urn:ogc:def:crs:EPSG::999999"),
        _named_crs("EPSG:123456789"),
        _named_crs("no such crs"),
        {"type": "EPSG", "properties": {"code": 999999}},
    ],
)
def test_store116_a_declared_crs_that_does_not_exist_is_refused(member: dict[str, object]) -> None:
    content = _features([_square(116.4, -8.6)], name="desa", crs=member)
    batch = prepare_boundary_import(content, "desa.geojson")
    assert [p.key for p in batch.problems] == ["boundary.crs_unknown"]
    assert str(batch.problems[0].value).split(":")[-1] in json.dumps(member)
    assert "does not exist" in batch.problems[0].reason("en")


@pytest.mark.parametrize("member", [_named_crs("urn:ogc:def:crs:EPSG::32750"), _named_crs("EPSG:32750")])
def test_store116b_a_declared_crs_that_exists_is_used(member: dict[str, object]) -> None:
    ring = [list(point) for point in villages_frame().to_crs(32750).geometry[0].exterior.coords]
    batch = prepare_boundary_import(_features([ring], crs=member), "desa.geojson")
    assert batch.ok and batch.problems == []
    assert batch.villages.geometry[0].equals_exact(villages_frame().geometry[0], 1e-6)


def test_store117_a_shapefile_whose_prj_cannot_be_read_is_refused(tmp_path: Path) -> None:
    good = write(villages_frame(), tmp_path, "shpzip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = b"garbage" if info.filename.endswith(".prj") else source.read(info)
            target.writestr(info.filename, data)
    batch = prepare_boundary_import(buffer.getvalue(), "desa.zip")
    assert [(p.key, p.value) for p in batch.problems] == [("boundary.crs_unknown", "garbage")]


NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize(
    "broken",
    [
        [[116.42, -8.6], [NAN, -8.6], [116.43, -8.59], [116.42, -8.6]],
        [[116.42, -8.6], [116.43, NAN], [116.43, -8.59], [116.42, -8.6]],
        [[NAN, NAN]] * 4,
        [[116.42, -8.6], [INF, -8.6], [116.43, -8.59], [116.42, -8.6]],
        [[116.42, -8.6], [116.43, -INF], [116.43, -8.59], [116.42, -8.6]],
    ],
)
@pytest.mark.parametrize("crs", [False, True])
def test_store118_nan_coordinates_are_refused_by_row_not_a_crash(broken: list[list[float]], crs: bool) -> None:
    rings = [_square(116.4, -8.6), _square(116.41, -8.6), broken, _square(116.44, -8.6)]
    members = {"crs": _named_crs("urn:ogc:def:crs:OGC:1.3:CRS84")} if crs else {}
    batch = prepare_boundary_import(_features(rings, **members), "desa.geojson")
    assert _problems(batch) == [("boundary.bad_coordinates", 3)]
    assert batch.problems[0].value == "52.91.01.2003"
    assert "NaN" in batch.problems[0].reason("en")


@pytest.mark.filterwarnings("ignore:invalid value encountered")
@pytest.mark.parametrize("fmt", ["gpkg", "parquet"])
def test_store118b_nan_coordinates_in_binary_formats(tmp_path: Path, fmt: str) -> None:
    frame = villages_frame()
    geometries = list(frame.geometry)
    geometries[1] = shapely.Polygon([(116.4, -8.6), (np.nan, -8.6), (116.41, -8.59), (116.4, -8.6)])
    batch = prepare_boundary_import(write(frame.set_geometry(geometries), tmp_path, fmt))
    assert _problems(batch) == [("boundary.bad_coordinates", 2)]


@pytest.mark.parametrize(
    ("origin", "outside"),
    [
        ((116.4, -8.6), 0),
        ((95.3, 5.5), 0),
        ((140.9, -8.5), 0),
        ((10.0, 50.0), 6),
        ((150.0, -8.0), 6),
        ((100.0, 10.0), 6),
    ],
)
def test_store119_villages_outside_indonesia_are_a_warning(origin: tuple[float, float], outside: int) -> None:
    collection = json.loads(villages_frame(origin=origin).to_json(drop_id=True))
    batch = prepare_boundary_import(json.dumps(collection).encode(), "desa.geojson")
    assert batch.ok
    warned = [p for p in batch.problems if p.key == "boundary.outside_indonesia"]
    if not outside:
        assert warned == []
        return
    assert len(warned) == 1 and dict(warned[0].params)["count"] == outside
    assert dict(warned[0].params)["rows"] == "1, 2, 3, 4, 5, 6"
    assert "94..142" in warned[0].reason("en")


def test_store119b_only_the_villages_outside_are_counted() -> None:
    rings = [_square(116.4 + n * 0.01, -8.6) for n in range(3)] + [_square(10.0, 50.0)]
    batch = prepare_boundary_import(_features(rings), "desa.geojson")
    assert batch.ok and _problems(batch) == [("boundary.outside_indonesia", None)]
    assert dict(batch.problems[0].params) == {"count": 1, "rows": "4"}


# ------------------------------------------------------------------------------- 5. BPS codes


def _bps_district(kecamatan: tuple[str, ...] = ("010", "011", "020"), per: int = 3) -> gpd.GeoDataFrame:
    """Villages coded as BPS codes them (PPKKCCCDDD) and, beside, the Kemendagri codes a crosswalk gives them."""
    rows = []
    for k, bps_kec in enumerate(kecamatan):
        for v in range(1, per + 1):
            x0, y0 = 116.4 + (v - 1) * 0.01, -8.6 + k * 0.01
            rows.append(
                {
                    "KDEBPS": f"5291{bps_kec}{v:03d}",
                    "kemendagri": f"52.91.{k + 1:02d}.2{v:03d}",
                    "nama": f"Desa {k}-{v}",
                    "geometry": shapely.box(x0, y0, x0 + 0.01, y0 + 0.01),
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _crosswalk_csv(frame: gpd.GeoDataFrame, sep: str = ",", dotted: bool = True) -> bytes:
    lines = [f"kode_bps{sep}kode_kemendagri{sep}nama"]
    for bps, code, name in zip(frame["KDEBPS"], frame["kemendagri"], frame["nama"], strict=True):
        lines.append(f"{bps}{sep}{code if dotted else code.replace('.', '')}{sep}{name}")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("column", ["KDEBPS", "kode", "kode_desa", "id_desa"])
@pytest.mark.parametrize("kecamatan", [("010", "020", "030"), ("010", "011", "020"), ("010", "012", "021", "030")])
@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "shpzip", "parquet"])
def test_store120_a_bps_code_column_is_refused_saying_so(
    tmp_path: Path, column: str, kecamatan: tuple[str, ...], fmt: str
) -> None:
    frame = _bps_district(kecamatan).drop(columns="kemendagri").rename(columns={"KDEBPS": column})
    batch = prepare_boundary_import(write(frame, tmp_path, fmt))
    assert [p.key for p in batch.problems] == ["boundary.bps_codes"]
    assert not batch.ok and len(batch.villages) == 0
    problem = batch.problems[0]
    assert problem.column == column
    assert "BPS" in problem.reason("en") and "BPS" in problem.reason("id")
    fix = problem.fix("en")
    assert "by name" in fix and "--crosswalk" in fix and "kode_bps,kode_kemendagri" in fix


def test_store121_a_kemendagri_column_beside_a_bps_one_is_chosen(tmp_path: Path) -> None:
    frame = _bps_district()[["KDEBPS", "kemendagri", "nama", "geometry"]]
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    assert batch.ok and batch.code_column == "kemendagri"
    assert batch.villages["code"].tolist() == frame["kemendagri"].tolist()


@pytest.mark.parametrize(("sep", "dotted"), [(",", True), (";", False), (",", False)])
@pytest.mark.parametrize("fmt", ["geojson", "shpzip"])
def test_store122_a_crosswalk_translates_bps_codes(tmp_path: Path, sep: str, dotted: bool, fmt: str) -> None:
    frame = _bps_district()
    path = write(frame.drop(columns="kemendagri"), tmp_path, fmt)
    batch = prepare_boundary_import(path, crosswalk=_crosswalk_csv(frame, sep, dotted), crosswalk_name="padanan.csv")
    assert batch.ok, [p.message("en") for p in batch.problems]
    assert [p.key for p in batch.problems] == ["boundary.crosswalk_used"]
    assert batch.villages["code"].tolist() == frame["kemendagri"].tolist()
    assert not set(batch.villages["code"].str.replace(".", "")) & set(frame["KDEBPS"])
    assert sorted(batch.outlines["code"]) == ["52.91", "52.91.01", "52.91.02", "52.91.03"]


def test_store123_crosswalk_faults_name_the_crosswalk_row(tmp_path: Path) -> None:
    frame = _bps_district()
    path = write(frame.drop(columns="kemendagri"), tmp_path, "geojson")
    good = _crosswalk_csv(frame).decode().splitlines()

    def keys(lines: list[str]) -> list[tuple[str, str, int | None]]:
        crosswalk = ("\n".join(lines) + "\n").encode()
        batch = prepare_boundary_import(path, crosswalk=crosswalk, crosswalk_name="padanan.csv")
        assert not batch.ok  # the store refuses a batch with errors; nothing is committed
        return [(p.key, p.file, p.row) for p in batch.errors]

    assert keys(good[:4]) == [("boundary.crosswalk_missing", "desa.geojson", row) for row in range(4, 10)]
    assert keys([*good, "5291010001,52.91.01.2009,x"]) == [("boundary.crosswalk_conflict", "padanan.csv", 11)]
    assert keys([*good, "52910100,52.91.01.2009,x"]) == [("boundary.crosswalk_bad_bps", "padanan.csv", 11)]
    assert keys([*good, "5291010009,52.91.01.0009,x"]) == [("boundary.crosswalk_bad_kemendagri", "padanan.csv", 11)]
    assert keys(["bps,kemendagri", "5291010001,52.91.01.2001"]) == [("boundary.crosswalk_columns", "padanan.csv", None)]
    assert keys([good[0]]) == [("boundary.crosswalk_empty", "padanan.csv", None)]


@pytest.mark.parametrize("part", ["0001", "4001", "9999"])
def test_store124_a_stray_impossible_code_among_kemendagri_ones_is_refused_by_row(tmp_path: Path, part: str) -> None:
    frame = villages_frame(kecamatan=3, per_kecamatan=4)
    frame.loc[5, "kode"] = f"52.91.02.{part}"
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    assert [(p.key, p.row) for p in batch.problems] == [("boundary.not_kemendagri_code", 6)]
    assert f"52.91.02.{part}" not in batch.villages["code"].tolist()


def test_store125_desa_adat_codes_are_kemendagri_codes(tmp_path: Path) -> None:
    frame = villages_frame()
    frame["kode"] = [f"91.03.01.3{n:03d}" for n in range(1, 7)]
    batch = prepare_boundary_import(write(frame, tmp_path, "geojson"))
    assert batch.ok and batch.problems == []


def test_store126_case_b1_is_refused_as_bps_and_translated_through_a_crosswalk() -> None:
    path = _case("b1_bps_codes_only.geojson")
    refused = prepare_boundary_import(path)
    assert [(p.key, p.column) for p in refused.problems] == [("boundary.bps_codes", "KDEBPS")]
    assert "BPS" in refused.problems[0].message("en") and len(refused.villages) == 0
    crosswalk = b"kode_bps,kode_kemendagri\n3506011008,35.06.01.2008\n3506010001,35.06.01.2001\n"
    crosswalk += b"3506010002,35.06.01.2002\n3506020001,35.06.02.2001\n"
    batch = prepare_boundary_import(path, crosswalk=crosswalk)
    assert batch.ok
    assert batch.villages["code"].tolist() == ["35.06.01.2008", "35.06.01.2001", "35.06.01.2002", "35.06.02.2001"]
    assert not {"35.06.01.0001", "35.06.01.0002", "35.06.02.0001"} & set(batch.villages["code"])


def test_store127_the_command_line_takes_a_crosswalk(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dashboard.cli import main

    frame = _bps_district()
    path = write(frame.drop(columns="kemendagri"), tmp_path, "geojson")
    assert main(["import-boundaries", str(path)]) == 1
    assert "BPS" in capsys.readouterr().err
    assert main(["import-boundaries", str(path), "--crosswalk", str(tmp_path / "none.csv")]) == 2
    crosswalk = tmp_path / "padanan.csv"
    crosswalk.write_bytes(_crosswalk_csv(frame))
    assert main(["import-boundaries", str(path), "--crosswalk", str(crosswalk)]) == 0
    assert "9 desa/kelurahan" in capsys.readouterr().out
