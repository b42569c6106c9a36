"""What the province and national layers cost to build (issue 15, point 3): village tiles and region GeoJSON.

For Jawa Tengah (8,563 desa) and all Indonesia (83,402 desa) from ``../shared/data/boundaries``: the time
tippecanoe takes to write the PMTiles archive of the villages (:func:`dashboard.tiles.build_pmtiles`, zooms 7-12,
what a background thread does once per boundary version), the archive's size, its tiles per zoom and the largest
tile (gzip, as served). Then the GeoJSON layers a zoomed-out map fills (:func:`dashboard.data.layers.layer_geojson`):
Jawa Tengah's villages and kabupaten, and the kabupaten/kota and provinces of all Indonesia, as the app prepares them
from a store the file was imported into (kabupaten outlines stored by the importer, provinces dissolved from them),
with their vertices, bytes and preparation time; ``--dissolved`` adds the same layers from the villages alone (what a
source without outlines gives: minutes for all Indonesia).

Run: ``PYTHONPATH=. .venv/bin/python benchmarks/bench_tiles.py [--only jateng|indonesia]``
(``--no-tiles``, ``--no-layers``: skip a part; ``--dissolved``: add the layers from villages alone).
Prints figures; asserts nothing. Skips what it cannot find.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from pmtiles.reader import Reader, all_tiles

from dashboard.data.layers import layer_geojson
from dashboard.data.source import District
from dashboard.tiles import build_pmtiles

BOUNDARIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "boundaries"
REGIONS = {"jateng": ("Jawa Tengah", "desa_prov33_jawa_tengah.parquet"),
           "indonesia": ("Indonesia", "desa_indonesia.parquet")}  # fmt: skip
COLUMNS = {"kode": "code", "nama": "name", "kode_kec": "kecamatan_code", "nama_kec": "kecamatan_name",
           "kode_kab": "district_code", "nama_kab": "district_name"}  # fmt: skip


def _villages(file_name: str) -> gpd.GeoDataFrame:
    frame = gpd.read_parquet(BOUNDARIES / file_name)
    return frame.rename(columns=COLUMNS)[[*COLUMNS.values(), "geometry"]]


class FrameSource:
    """The shared file as a region source (no outlines: kabupaten and provinces are dissolved)."""

    def __init__(self, villages: gpd.GeoDataFrame) -> None:
        self._by_district = dict(tuple(villages.groupby("district_code")))
        self._names = villages.drop_duplicates("district_code").set_index("district_code")["district_name"]

    def districts(self) -> list[District]:
        return [District(code, str(self._names[code])) for code in sorted(self._by_district)]

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._by_district[district_code].reset_index(drop=True)

    def boundary_version(self, district_code: str) -> str:
        return "bench"


def _tiles(label: str, villages: gpd.GeoDataFrame, folder: Path) -> None:
    path = folder / f"{label}.pmtiles"
    started = time.perf_counter()
    build_pmtiles(villages, path)
    seconds = time.perf_counter() - started
    with path.open("rb") as handle:
        data = handle.read()
    sizes: dict[int, list[int]] = {}
    for (z, _x, _y), tile in all_tiles(Reader(lambda offset, length: data[offset : offset + length]).get_bytes):
        sizes.setdefault(z, []).append(len(tile))
    per_zoom = ", ".join(f"z{z} {len(s)} (max {max(s) / 1024:.0f} KB)" for z, s in sorted(sizes.items()))
    print(f"tiles  {label:<12} {len(villages):>6} desa  build {seconds:6.1f} s  archive {len(data) / 1e6:6.1f} MB")
    print(f"       {per_zoom}")


def _layer(label: str, source: Any, level: str, within: str | None) -> None:
    started = time.perf_counter()
    _version, body = layer_geojson(source, level, within)
    seconds = time.perf_counter() - started
    features = json.loads(body)["features"]
    vertices = sum(len(shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))) for f in features)
    print(f"layer  {label:<24} {len(features):>6} polygons {vertices:>9,} vertices "
          f"{len(body) / 1e6:6.2f} MB  {seconds:6.1f} s")  # fmt: skip


def _store_layers(key: str, file_name: str, folder: Path) -> None:
    """The app's path: the file imported into a fresh SQLite store (outlines stored by the importer), then layers."""
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.data.store import Store

    started = time.perf_counter()
    with Store.open(f"sqlite:///{folder / (key + '.sqlite')}") as store:
        store.commit(prepare_boundary_import(BOUNDARIES / file_name))
        print(f"import {key:<24} {time.perf_counter() - started:6.1f} s (kecamatan and kabupaten outlines stored)")
        for level, within in (
            [("desa", "33"), ("kabupaten", "33")] if key == "jateng" else [("kabupaten", None), ("provinsi", None)]
        ):
            _layer(f"{key} {level} (store)", store, level, within)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(REGIONS))
    parser.add_argument("--no-layers", action="store_true")
    parser.add_argument("--no-tiles", action="store_true")
    parser.add_argument("--dissolved", action="store_true", help="also layers from villages alone (minutes nationally)")
    args = parser.parse_args()
    if not BOUNDARIES.is_dir():
        print(f"no shared data at {BOUNDARIES}: nothing to measure")
        return
    with tempfile.TemporaryDirectory(prefix="bench-tiles-") as folder:
        for key, (label, file_name) in REGIONS.items():
            if args.only not in (None, key) or not (BOUNDARIES / file_name).is_file():
                continue
            villages = _villages(file_name)
            if not args.no_tiles:
                _tiles(label, villages, Path(folder))
            if args.no_layers:
                continue
            _store_layers(key, file_name, Path(folder))
            if args.dissolved:
                source = FrameSource(villages)
                for level, within in (
                    [("desa", "33"), ("kabupaten", "33")]
                    if key == "jateng"
                    else [("kabupaten", None), ("provinsi", None)]
                ):
                    _layer(f"{key} {level} (dissolved)", source, level, within)
    print("rerun: PYTHONPATH=. .venv/bin/python benchmarks/bench_tiles.py [--only jateng|indonesia] [--dissolved]")


if __name__ == "__main__":
    main()
