"""Caches of maps and district data (issue 15, points 2-3): no district waits for another, memory is bounded."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import cast

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from dashboard.config import Settings
from dashboard.data.source import District
from dashboard.data.store import Store
from dashboard.lru import BoundedCache, approximate_bytes
from dashboard.services import CachedStoreSource, GeoJsonCache, Services, geojson_budget, source_budget

WAIT = 10.0  # seconds a test waits for a thread before it fails (never reached when the code is right)
LARGE = "52.03"  # the district whose preparation is held up
SMALL = "64.74"


def _villages(district_code: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": [f"{district_code}.01.2001"], "name": ["Satu"], "kecamatan_name": ["Keruak"]},
        geometry=[box(116.0, -8.6, 116.1, -8.5)],
        crs="EPSG:4326",
    )


class HeldSource:
    """A region source (and a store) whose villages of :data:`LARGE` load only once ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.loads: dict[str, int] = {}
        self.version = "v1"
        self._lock = threading.Lock()

    def _load(self, district_code: str) -> gpd.GeoDataFrame:
        with self._lock:
            self.loads[district_code] = self.loads.get(district_code, 0) + 1
        if district_code == LARGE:
            self.started.set()
            assert self.release.wait(WAIT)
        return _villages(district_code)

    # RegionSource, as GeoJsonCache sees it
    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._load(district_code)

    def boundary_version(self, district_code: str) -> str:
        return "b1"

    # Store, as CachedStoreSource sees it
    def data_version(self) -> str:
        return self.version

    def districts(self) -> list[District]:
        return [District(LARGE, "Lombok Timur"), District(SMALL, "Bontang")]


def _in_thread(call: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(call()), daemon=True)
    thread.start()
    return thread, results


def _blocking_case(get: Callable[[str], object], source: HeldSource) -> None:
    first, first_result = _in_thread(lambda: get(LARGE))
    assert source.started.wait(WAIT)
    second, second_result = _in_thread(lambda: get(LARGE))
    # Another district is served while the large one is still being prepared.
    other, other_result = _in_thread(lambda: get(SMALL))
    other.join(WAIT)
    assert other_result and first.is_alive() and second.is_alive()
    source.release.set()
    first.join(WAIT)
    second.join(WAIT)
    # The two requests for the large district got one preparation, the same object.
    assert first_result[0] is second_result[0]
    assert source.loads == {LARGE: 1, SMALL: 1}


def test_geo020_geojson_of_one_district_never_waits_for_another() -> None:
    source = HeldSource()
    cache = GeoJsonCache(source)  # type: ignore[arg-type]
    _blocking_case(lambda code: cache.get(code)[1], source)
    assert b'"id":"52.03.01.2001"' in cache.get(LARGE)[1]


def test_geo021_district_data_of_one_district_never_waits_for_another() -> None:
    source = HeldSource()
    cached = CachedStoreSource(cast(Store, source))
    _blocking_case(lambda code: cached.derived("villages", code, lambda: source.villages(code)), source)
    # villages() hands each caller its own copy of the frame kept above, without loading it again.
    assert cached.villages(LARGE) is not cached.villages(LARGE)
    assert source.loads[LARGE] == 1


def test_geo022_new_data_version_drops_what_was_kept_even_while_loading() -> None:
    source = HeldSource()
    cached = CachedStoreSource(cast(Store, source))
    assert list(cached.villages(SMALL)["code"]) == ["64.74.01.2001"]
    source.version = "v2"  # an import in another process
    assert cached.peek("villages", SMALL) is None
    loading, _ = _in_thread(lambda: cached.villages(LARGE))
    assert source.started.wait(WAIT)
    cached.invalidate()  # an import in this process while the large district loads
    source.release.set()
    loading.join(WAIT)
    assert cached.peek("villages", LARGE) is None  # loaded before the import: returned, never kept
    cached.villages(LARGE)
    assert source.loads == {SMALL: 1, LARGE: 2}


def test_geo023_least_recently_used_dropped_first_and_budget_never_exceeded() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(budget_bytes=1000)
    sizes = {"a": 400, "b": 400, "c": 400, "d": 300, "e": 1500}
    for key in "ab":
        cache.get(key, lambda key=key: b"x" * sizes[key])  # type: ignore[misc]
    cache.get("a", lambda: b"never loaded again")  # "a" is now the most recently used
    cache.get("c", lambda: b"x" * sizes["c"])
    assert cache.keys() == ["a", "c"] and cache.bytes == 800  # "b", least recently used, went
    cache.get("d", lambda: b"x" * sizes["d"])
    assert cache.keys() == ["c", "d"] and cache.bytes == 700
    assert len(cache.get("a", lambda: b"x" * 400)) == 400  # loaded again after it was dropped
    assert cache.bytes <= cache.budget_bytes
    # An entry larger than the whole budget is kept, alone: at most the budget plus one entry.
    cache.get("e", lambda: b"x" * sizes["e"])
    assert cache.keys() == ["e"] and cache.bytes == 1500


def test_geo024_a_failed_load_is_not_kept_and_is_tried_again() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(budget_bytes=100)

    def fail() -> bytes:
        raise OSError("database gone")

    with pytest.raises(OSError, match="database gone"):
        cache.get("a", fail)
    assert cache.get("a", lambda: b"ok") == b"ok"


def test_geo025_frames_sized_with_their_geometry() -> None:
    small = _villages(SMALL)
    detailed = small.copy()
    detailed.geometry = [Point(116.05, -8.55).buffer(0.01, quad_segs=256)]  # ~1,000 vertices instead of 5
    assert approximate_bytes(detailed) - approximate_bytes(small) >= 24 * 1000
    assert approximate_bytes(pd.DataFrame({"x": range(1000)})) >= 8000


def test_geo026_budget_from_settings_split_between_maps_and_data() -> None:
    settings = Settings.from_env({"DASHBOARD_CACHE_MB": "30"})
    assert settings.cache_mb == 30 and Settings().cache_mb == 64
    assert geojson_budget(settings) == 10 * 2**20 and source_budget(settings) == 20 * 2**20
    services = Services(settings, HeldSource())  # type: ignore[arg-type]
    assert services.geojson.cache.budget_bytes == 10 * 2**20
