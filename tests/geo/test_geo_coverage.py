"""Geometry for the display (issue 15, point 3): cleaned and simplified together, one pixel at the opening zoom."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from dashboard import geo
from dashboard.data.boundaries import load_boundaries
from dashboard.geo import Bounds, bounds_of, display_tolerance, prepare_geojson, simplify_coverage, view_for_bounds


def _features(body: bytes) -> list[dict[str, object]]:
    collection = json.loads(body)
    assert collection["type"] == "FeatureCollection"
    return list(collection["features"])


def _shapes(features: list[dict[str, object]]) -> np.ndarray:
    return np.asarray(shapely.from_geojson([json.dumps(f["geometry"]) for f in features]), dtype=object)


def _tiles() -> gpd.GeoDataFrame:
    """Four villages in a 2 x 2 grid; the east ones overlap the west ones by a 1 m sliver, as real files do."""
    geometries = [
        box(0.0, 0.0, 0.01, 0.01),
        box(0.00999, 0.0, 0.02, 0.01),
        box(0.0, 0.01, 0.01, 0.02),
        box(0.00999, 0.01, 0.02, 0.02),
    ]
    return gpd.GeoDataFrame(
        {
            "code": ["52.03.01.2001", "52.03.01.2002", "52.03.01.2003", "52.03.01.2004"],
            "name": ["Satu", "Dua", "Tiga", float("nan")],
            "kecamatan_name": ["Keruak"] * 4,
            "population": np.array([10, 20, 30, 40], dtype=np.int64),
        },
        geometry=geometries,
        crs="EPSG:4326",
    )


def test_geo001_tolerance_is_one_pixel_of_the_fitted_map() -> None:
    bounds = Bounds(116.3, -8.9, 116.8, -8.2)  # Kab. Lombok Timur
    centre, zoom = view_for_bounds(bounds, 1280, 720)
    pixel_deg = 360.0 / (512 * 2**zoom) * np.cos(np.radians(centre["lat"]))
    assert display_tolerance(bounds) == pytest.approx(pixel_deg, rel=1e-12)
    # A map half as wide and high opens one zoom step out: each pixel spans twice the ground.
    assert display_tolerance(bounds, 640, 360) == pytest.approx(2 * display_tolerance(bounds), rel=1e-12)


def test_geo002_sliver_overlaps_are_merged_and_every_village_kept() -> None:
    tiles = _tiles()
    features = _features(prepare_geojson(tiles, tolerance=1e-4))
    assert [f["id"] for f in features] == list(tiles["code"])
    shapes = _shapes(features)
    assert not shapely.is_empty(shapes).any()
    # No overlap left (the sliver went to one neighbour) and no gap opened: the parts tile the square exactly.
    assert shapely.area(shapes).sum() == pytest.approx(shapely.union_all(shapes).area, rel=1e-9)
    assert shapely.union_all(shapes).area == pytest.approx(0.02 * 0.02, rel=1e-6)


def test_geo003_code_is_id_and_property_and_properties_are_chosen() -> None:
    tiles = _tiles()
    default = _features(prepare_geojson(tiles))
    assert default[3]["properties"] == {"code": "52.03.01.2004", "name": None, "kecamatan": "Keruak"}
    chosen = _features(prepare_geojson(tiles, properties={"name": "nama", "population": "penduduk"}))
    assert chosen[1]["id"] == "52.03.01.2002"
    assert chosen[1]["properties"] == {"code": "52.03.01.2002", "nama": "Dua", "penduduk": 20}
    with pytest.raises(KeyError, match="kabupaten"):
        prepare_geojson(tiles, properties={"kabupaten": "kabupaten"})


def test_geo004_coordinates_carry_at_most_five_decimals() -> None:
    tiles = _tiles()
    tiles.geometry = tiles.geometry.translate(116.123456789, -8.987654321)
    text = prepare_geojson(tiles).decode()
    numbers = re.findall(r"-?\d+\.(\d+)", text.split('"geometry"', 1)[1])
    assert numbers and max(len(decimals) for decimals in numbers) <= 5


def test_geo005_a_failing_coverage_still_draws_every_village(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise shapely.errors.GEOSException("TopologyException: side location conflict")

    monkeypatch.setattr(geo.shapely, "coverage_clean", refuse)
    with caplog.at_level(logging.WARNING, logger="dashboard.geo"):
        shapes = _shapes(_features(prepare_geojson(_tiles(), tolerance=1e-4)))
    assert len(shapes) == 4 and not shapely.is_empty(shapes).any()
    assert "one by one" in caplog.text


def test_geo006_a_village_the_cleaning_loses_is_drawn_last_over_its_neighbours(monkeypatch: pytest.MonkeyPatch) -> None:
    # GEOS's snapping makes a few thin real villages vanish (1 of Jawa Tengah's 8,563): simulate it on the first one.
    clean = shapely.coverage_clean

    def lose_first(geometries: np.ndarray, **kwargs: object) -> np.ndarray:
        cleaned = clean(geometries, **kwargs)
        cleaned[0] = shapely.Polygon()
        return np.asarray(cleaned)

    monkeypatch.setattr(geo.shapely, "coverage_clean", lose_first)
    features = _features(prepare_geojson(_tiles(), tolerance=1e-4))
    assert [f["id"] for f in features] == ["52.03.01.2002", "52.03.01.2003", "52.03.01.2004", "52.03.01.2001"]
    assert _shapes(features)[-1].area == pytest.approx(0.01 * 0.01, rel=1e-3)


def test_geo007_no_village_no_features() -> None:
    assert _features(prepare_geojson(_tiles().iloc[:0])) == []


@pytest.mark.realdata
def test_geo010_lombok_timur_kabupaten_zoom_small_and_borders_still_shared(shared_data: Path) -> None:
    villages = load_boundaries(shared_data / "boundaries" / "desa_kab5203_lombok_timur.geojson")
    features = _features(prepare_geojson(villages))
    shapes = _shapes(features)
    assert sorted(str(f["id"]) for f in features) == sorted(villages["code"])
    assert not shapely.is_empty(shapes).any()  # no village disappears
    assert shapely.get_num_coordinates(shapes).sum() <= 19_000  # the goal (the file has 23,046)

    # Before rounding the simplified villages are a valid coverage (no overlap, every shared edge identical) ...
    tolerance = display_tolerance(bounds_of(villages))
    simplified, overlaid = simplify_coverage(villages.geometry.to_numpy(), tolerance)
    assert not overlaid.any()
    assert shapely.coverage_is_valid(simplified)
    # ... and after rounding neighbours still meet along a border: none drifted apart or onto another.
    cleaned = shapely.coverage_clean(villages.geometry.to_numpy(), snapping_distance=min(tolerance / 4, 1e-4))
    tree = shapely.STRtree(cleaned)
    left, right = tree.query(cleaned, predicate="intersects")
    pairs = [(a, b) for a, b in zip(left, right, strict=True) if a < b]
    shared = [(a, b) for a, b in pairs if shapely.length(shapely.intersection(cleaned[a], cleaned[b])) > tolerance]
    assert len(shared) > 500
    lost = [(a, b) for a, b in shared if shapely.length(shapely.intersection(shapes[a], shapes[b])) == 0]
    assert lost == []
    union = shapely.union_all(shapes)
    assert shapely.area(shapes).sum() == pytest.approx(union.area, rel=1e-5)  # overlaps below a square metre each


@pytest.mark.realdata
def test_geo011_jawa_tengah_province_zoom_under_110_thousand_vertices(shared_data: Path) -> None:
    frame = gpd.read_parquet(shared_data / "boundaries" / "desa_prov33_jawa_tengah.parquet")
    villages = frame.rename(columns={"kode": "code", "nama": "name", "nama_kec": "kecamatan_name"})
    features = _features(prepare_geojson(villages))
    shapes = _shapes(features)
    assert len(features) == 8_563 and {f["id"] for f in features} == set(villages["code"])
    assert not shapely.is_empty(shapes).any()  # even the one GEOS's cleaning loses is drawn
    assert shapely.get_num_coordinates(shapes).sum() <= 110_000  # the file has 774,276
