"""What the pages receive: settings, the region source, and per-process caches of derived data."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from dashboard.config import Settings
from dashboard.data.source import RegionSource
from dashboard.geo import prepare_geojson

__all__ = ["GeoJsonCache", "Services"]


class GeoJsonCache:
    """Prepared GeoJSON bytes per (boundary version, district): built on first request, then reused.

    Keyed by the boundary version, so a new boundary import gets new bytes and a new URL, and the
    browser's long-lived cache never shows stale shapes.
    """

    def __init__(self, source: RegionSource) -> None:
        self._source = source
        self._cache: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()

    def get(self, district_code: str) -> tuple[str, bytes]:
        version = self._source.boundary_version(district_code)
        key = (version, district_code)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = prepare_geojson(self._source.villages(district_code))
            return version, self._cache[key]


@dataclass
class Services:
    settings: Settings
    source: RegionSource
    geojson: GeoJsonCache = field(init=False)

    def __post_init__(self) -> None:
        self.geojson = GeoJsonCache(self.source)
