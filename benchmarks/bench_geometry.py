"""Display geometry per scale (issue 15, point 3): vertices, bytes and time of :func:`dashboard.geo.prepare_geojson`.

For Kab. Lombok Timur at kabupaten zoom, Jawa Tengah at province zoom and (with ``--national``) all 83,402 villages
of Indonesia at national fit, each at one pixel of a 720p map (:func:`dashboard.geo.display_tolerance`). Goals:
at most ~19,000, ~110,000 and ~740,000 vertices. The national layer takes about 2 minutes of CPU and 4.6 GB of
memory (GEOS's coverage cleaning of 8.8 M vertices): it is built once per boundary version, never per request.

Run (after bash scripts/setup.sh; needs ../shared/data):

    .venv/bin/python benchmarks/bench_geometry.py [--national]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import geopandas as gpd
import shapely

from dashboard.data.boundaries import load_boundaries
from dashboard.geo import bounds_of, display_tolerance, prepare_geojson

COMMAND = ".venv/bin/python benchmarks/bench_geometry.py"
BOUNDARIES = Path(__file__).resolve().parents[2] / "shared" / "data" / "boundaries"
CASES = (  # file, goal in vertices
    ("desa_kab5203_lombok_timur.geojson", 19_000),
    ("desa_prov33_jawa_tengah.parquet", 110_000),
)
NATIONAL = ("desa_indonesia.parquet", 740_000)


def villages_of(path: Path) -> gpd.GeoDataFrame:
    """The file's villages with the columns prepare_geojson reads (the project's loader for GeoJSON files)."""
    if path.suffix == ".parquet":  # GeoParquet: read directly, the national file is too big for a quick loader pass
        frame = gpd.read_parquet(path)
        return frame.rename(columns={"kode": "code", "nama": "name", "nama_kec": "kecamatan_name"})
    return load_boundaries(path)


def measure(name: str, goal: int) -> None:
    villages = villages_of(BOUNDARIES / name)
    raw = int(shapely.get_num_coordinates(villages.geometry.to_numpy()).sum())
    tolerance = display_tolerance(bounds_of(villages))
    start = time.perf_counter()
    body = prepare_geojson(villages)
    seconds = time.perf_counter() - start
    features = json.loads(body)["features"]
    shapes = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    vertices = int(shapely.get_num_coordinates(shapes).sum())
    empty = int(shapely.is_empty(shapes).sum())
    verdict = "ok" if vertices <= goal and empty == 0 else "OVER"
    print(
        f"{name:<36} {len(villages):>6,} villages  tolerance {tolerance * 111_320:5.0f} m  "
        f"vertices {raw:>9,} -> {vertices:>7,} (goal {goal:,}: {verdict})  "
        f"{len(body) / 1e6:5.1f} MB  {seconds:6.1f} s  empty {empty}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="also all of Indonesia (~2 min CPU, 4.6 GB)")
    args = parser.parse_args()
    if not BOUNDARIES.is_dir():
        raise SystemExit(f"{BOUNDARIES} not found: the benchmark needs ../shared/data")
    for name, goal in CASES + ((NATIONAL,) if args.national else ()):
        measure(name, goal)
    print(f"\nrerun: {COMMAND}" + (" --national" if args.national else ""))


if __name__ == "__main__":
    main()
