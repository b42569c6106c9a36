"""What the pages receive: settings, the region source, the store, and per-process caches of derived data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from dashboard.config import Settings
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch
from dashboard.data.source import District, RegionSource
from dashboard.data.store import CommitResult, Store
from dashboard.geo import prepare_geojson

__all__ = ["CachedStoreSource", "GeoJsonCache", "Services"]

T = TypeVar("T")


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


class CachedStoreSource:
    """The store as a :class:`RegionSource`, with villages and observations kept in memory.

    Every call asks the store for its data version (one cheap query) and drops what it holds when an
    import or a removal has changed it, in this process or another one; callbacks stay fast and
    never show figures older than the database.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._version = ""
        self._cache: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()

    def _cached(self, kind: str, district_code: str, load: Callable[[], T]) -> T:
        version = self.store.data_version()
        with self._lock:
            if version != self._version:
                self._cache.clear()
                self._version = version
            key = (kind, district_code)
            if key not in self._cache:
                self._cache[key] = load()
            value: T = self._cache[key]  # type: ignore[assignment]
        return value

    def districts(self) -> list[District]:
        return self._cached("districts", "", self.store.districts)

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._cached("villages", district_code, lambda: self.store.villages(district_code)).copy()

    def observations(self, district_code: str) -> pd.DataFrame:
        return self._cached("observations", district_code, lambda: self.store.observations(district_code)).copy()

    def boundary_version(self, district_code: str) -> str:
        return self._cached("version", district_code, lambda: self.store.boundary_version(district_code))

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()
            self._version = ""


@dataclass
class Services:
    """Shared by every page of one app: never holds per-user state."""

    settings: Settings
    source: RegionSource
    store: Store | None = None
    geojson: GeoJsonCache = field(init=False)

    def __post_init__(self) -> None:
        self.geojson = GeoJsonCache(self.source)

    @classmethod
    def from_store(cls, settings: Settings, store: Store) -> Services:
        return cls(settings, CachedStoreSource(store), store)

    def require_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("this app runs without a database (a fixed data source was given)")
        return self.store

    def commit(self, batch: BoundaryBatch | IndicatorBatch, user: str | None = None) -> CommitResult:
        result = self.require_store().commit(batch, user)
        self.invalidate()
        return result

    def invalidate(self) -> None:
        if isinstance(self.source, CachedStoreSource):
            self.source.invalidate()

    def reset_after_fork(self) -> None:
        """In a background-callback worker process: new database connections, fresh caches."""
        if self.store is not None:
            self.store.after_fork()
        self.invalidate()
