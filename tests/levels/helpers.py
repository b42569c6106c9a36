"""Tiny synthetic regions for the level tests: a province's kabupaten as squares, real-looking codes."""

from __future__ import annotations

import io

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import IndicatorBatch
from dashboard.data.levels import known_regions, puskesmas_list
from dashboard.data.store import CommitResult, Store

# NTB's real codes and names: Kabupaten Bima and Kota Bima share a name, the kind tells them apart.
KABUPATEN = {
    "52.03": "Kabupaten Lombok Timur",
    "52.06": "Kabupaten Bima",
    "52.72": "Kota Bima",
}


def kabupaten_geojson() -> bytes:
    """The three kabupaten as GeoJSON squares (kode, nama), as a provincial analyst's outline file."""
    rows = [
        {"kode": code, "nama": name, "geometry": shapely.box(116 + i, -9.0, 116.9 + i, -8.1)}
        for i, (code, name) in enumerate(KABUPATEN.items())
    ]
    buffer = io.BytesIO()
    gpd.GeoDataFrame(rows, geometry="geometry", crs=4326).to_file(buffer, driver="GeoJSON")
    return buffer.getvalue()


def import_kabupaten(store: Store) -> CommitResult:
    batch = prepare_boundary_import(kabupaten_geojson(), "kabupaten_ntb.geojson")
    assert batch.ok, [p.message("en") for p in batch.problems]
    return store.commit(batch)


def csv_bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def check(store: Store, lines: list[str], name: str = "angka.csv", district: str | None = None,
          **options: object) -> IndicatorBatch:  # fmt: skip
    """The tidy template checked as the data page checks it: against every stored village and known region."""
    codes = [district] if district else [d.code for d in store.districts()]
    villages = [store.villages(code).drop(columns="geometry") for code in codes]

    frame = pd.concat(villages, ignore_index=True) if villages else pd.DataFrame()
    return prepare_indicator_import(csv_bytes(lines), name, frame, {}, district_code=district,
                                    regions=known_regions(store), puskesmas=puskesmas_list(store),
                                    **options)  # type: ignore[arg-type]  # fmt: skip


def messages(batch: IndicatorBatch) -> list[str]:
    return [problem.message("en") for problem in batch.problems]
