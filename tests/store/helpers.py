"""Tiny synthetic districts for the store tests: unit-ish squares with real-looking codes, invented names."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.data.importers.model import BATCH_OBSERVATION_COLUMNS, DatasetKind, IndicatorBatch

# A made-up district in NTB's lon/lat range; codes follow Kemendagri's shape (52.9x is not a real kabupaten).
DISTRICT = "52.91"
CELL = 0.01  # degrees


def villages_frame(
    district: str = DISTRICT, kecamatan: int = 2, per_kecamatan: int = 3, origin: tuple[float, float] = (116.4, -8.6)
) -> gpd.GeoDataFrame:
    """A grid of square villages: one row of cells per kecamatan, columns as the real files have them."""
    rows = []
    for k in range(1, kecamatan + 1):
        for v in range(1, per_kecamatan + 1):
            x0 = origin[0] + (v - 1) * CELL
            y0 = origin[1] + (k - 1) * CELL
            rows.append(
                {
                    "kode": f"{district}.{k:02d}.2{v:03d}",
                    "nama": f"Desa {k}-{v}",
                    "nama_kec": f"Kecamatan {k}",
                    "nama_kab": "Kabupaten Uji",
                    "geometry": shapely.box(x0, y0, x0 + CELL, y0 + CELL),
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def write(frame: gpd.GeoDataFrame, folder: Path, fmt: str, name: str = "desa") -> Path:
    """Write ``frame`` as GeoJSON, a zipped Shapefile, GeoPackage or GeoParquet; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "geojson":
        path = folder / f"{name}.geojson"
        frame.to_file(path, driver="GeoJSON")
    elif fmt == "gpkg":
        path = folder / f"{name}.gpkg"
        frame.to_file(path, driver="GPKG", layer=name)
    elif fmt == "parquet":
        path = folder / f"{name}.parquet"
        frame.to_parquet(path)
    elif fmt == "shpzip":
        shp_dir = folder / f"{name}_shp"
        shp_dir.mkdir(exist_ok=True)
        frame.to_file(shp_dir / f"{name}.shp", driver="ESRI Shapefile", encoding="utf-8")
        path = folder / f"{name}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part in sorted(shp_dir.iterdir()):
                archive.write(part, part.name)
    else:
        raise ValueError(fmt)
    return path


def indicator_batch(
    rows: list[tuple[str, str, str, float, float]], file_name: str = "tidy.csv", salt: str = ""
) -> IndicatorBatch:
    """A checked batch as the indicator importer would hand it over (its hash from its content)."""
    frame = pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])
    frame["source_row"] = np.arange(2, len(frame) + 2)
    digest = hashlib.sha256((repr(rows) + salt).encode()).hexdigest()
    return IndicatorBatch(file_name, digest, DatasetKind.TIDY, frame[BATCH_OBSERVATION_COLUMNS], rows_read=len(frame))


def village_codes(district: str = DISTRICT, kecamatan: int = 2, per_kecamatan: int = 3) -> list[str]:
    return [f"{district}.{k:02d}.2{v:03d}" for k in range(1, kecamatan + 1) for v in range(1, per_kecamatan + 1)]
