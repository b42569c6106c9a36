"""What the app asks of its data, and the embedded demo district that answers it from `geodata/`.

The views never read files or query a database: they receive a :class:`RegionSource` and ask it
for districts, villages and observations. The embedded demo and the database store (issue #3)
both answer the same questions, so every page works the same on either.

Observations are long: one row per (village ``code``, ``period``, ``indicator``) with the
``numerator`` and ``denominator`` counts. Estimates are rate-only survey figures (SSGI, SKI) per
kabupaten/kota: a percentage with its 95% interval and source, never counts, so they never enter a sum.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

import geopandas as gpd
import pandas as pd

from dashboard.core.codes import normalise_code
from dashboard.core.periods import parse_period
from dashboard.data.boundaries import load_boundaries

__all__ = [
    "DEMO_BOUNDARY_FILE",
    "DEMO_DISTRICT_CODE",
    "DEMO_INDICATOR_FILE",
    "DEMO_SURVEY_FILE",
    "ESTIMATE_COLUMNS",
    "OBSERVATION_COLUMNS",
    "DemoSource",
    "District",
    "EstimateSource",
    "RegionSource",
    "empty_estimates",
    "read_estimates_csv",
    "read_tidy_csv",
]

OBSERVATION_COLUMNS = ["code", "period", "indicator", "numerator", "denominator"]
DEMO_DISTRICT_CODE = "99.01"
DEMO_BOUNDARY_FILE = "kabupaten_contoh_desa.geojson"
DEMO_INDICATOR_FILE = "kabupaten_contoh_indikator.csv"
DEMO_SURVEY_FILE = "kabupaten_contoh_survei.csv"  # optional: a fictional survey's estimates for the demo district
# A survey estimate: region code, period (a year), indicator, value and 95% bounds in percent (NaN: not given), source.
ESTIMATE_COLUMNS = ["code", "period", "indicator", "value", "lower", "upper", "source"]


@dataclass(frozen=True)
class District:
    """A kabupaten/kota the app can show; ``is_demo`` marks fictional data."""

    code: str
    name: str
    is_demo: bool = False


class RegionSource(Protocol):
    """The questions every page asks of its data."""

    def districts(self) -> list[District]: ...

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        """Standard village columns (see :mod:`dashboard.data.boundaries`), EPSG:4326."""
        ...

    def observations(self, district_code: str) -> pd.DataFrame:
        """:data:`OBSERVATION_COLUMNS` for the villages of the district."""
        ...

    def boundary_version(self, district_code: str) -> str:
        """Changes whenever the district's geometry changes (cache key for the browser)."""
        ...


@runtime_checkable
class EstimateSource(Protocol):
    """A source that also holds rate-only survey estimates; one that does not has none to show."""

    def estimates(self, district_code: str) -> pd.DataFrame:
        """:data:`ESTIMATE_COLUMNS` for the district (and any region under it)."""
        ...


def empty_estimates() -> pd.DataFrame:
    """An empty frame of :data:`ESTIMATE_COLUMNS`."""
    numbers = ("value", "lower", "upper")
    return pd.DataFrame({c: pd.Series(dtype=float if c in numbers else object) for c in ESTIMATE_COLUMNS})


def read_estimates_csv(path: Path) -> pd.DataFrame:
    """Read survey estimates written in the tidy template's estimate columns (``kode_wilayah, periode, indikator,
    nilai, batas_bawah, batas_atas, sumber``; decimal dots, empty bounds when not given)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = pd.DataFrame(
        {
            "code": [normalise_code(code) for code in raw["kode_wilayah"]],
            "period": [parse_period(period) for period in raw["periode"]],
            "indicator": raw["indikator"].astype(str),
            **{name: pd.to_numeric(raw[column].replace("", None), errors="raise").astype(float)
               for name, column in (("value", "nilai"), ("lower", "batas_bawah"), ("upper", "batas_atas"))},
            "source": raw["sumber"].astype(str),
        }
    )  # fmt: skip
    return frame[ESTIMATE_COLUMNS]


def read_tidy_csv(path: Path) -> pd.DataFrame:
    """Read a file in the tidy template (kode_wilayah, periode, indikator, pembilang, penyebut)."""
    raw = pd.read_csv(path, dtype={"kode_wilayah": str, "periode": str, "indikator": str})
    frame = pd.DataFrame(
        {
            "code": [normalise_code(code) for code in raw["kode_wilayah"]],
            "period": [parse_period(period) for period in raw["periode"]],
            "indicator": raw["indikator"].astype(str),
            "numerator": raw["pembilang"].astype(float),
            "denominator": raw["penyebut"].astype(float),
        }
    )
    return frame[OBSERVATION_COLUMNS]


class DemoSource:
    """The fictional Kabupaten Contoh, read once per process from the committed `geodata/` files."""

    def __init__(self, geodata_dir: Path) -> None:
        self._dir = Path(geodata_dir)

    @cached_property
    def _villages(self) -> gpd.GeoDataFrame:
        return load_boundaries(self._dir / DEMO_BOUNDARY_FILE)

    @cached_property
    def _observations(self) -> pd.DataFrame:
        return read_tidy_csv(self._dir / DEMO_INDICATOR_FILE)

    @cached_property
    def _estimates(self) -> pd.DataFrame:
        path = self._dir / DEMO_SURVEY_FILE
        return read_estimates_csv(path) if path.is_file() else empty_estimates()

    @cached_property
    def _version(self) -> str:
        digest = hashlib.sha256((self._dir / DEMO_BOUNDARY_FILE).read_bytes()).hexdigest()
        return f"demo-{digest[:12]}"

    def districts(self) -> list[District]:
        name = str(self._villages["district_name"].iloc[0])
        return [District(DEMO_DISTRICT_CODE, name, is_demo=True)]

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        villages = self._villages
        return villages[villages["district_code"] == district_code].copy()

    def observations(self, district_code: str) -> pd.DataFrame:
        observations = self._observations
        return observations[observations["code"].str.startswith(district_code + ".")].copy()

    def estimates(self, district_code: str) -> pd.DataFrame:
        estimates = self._estimates
        return estimates[(estimates["code"] + ".").str.startswith(district_code + ".")].copy()

    def boundary_version(self, district_code: str) -> str:
        return self._version
