"""What the pages receive: settings, the region source (scoped to the actor's areas), the store, accounts
and uploads, and per-process caches of derived data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import geopandas as gpd
import pandas as pd
from flask import g, has_request_context

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Actor, Forbidden, covers
from dashboard.config import Settings
from dashboard.core.completeness import Completeness, completeness_by_period, default_period
from dashboard.core.headline import Headline, choose_period, headline
from dashboard.core.indicators import STUNTING
from dashboard.core.plausibility import plausibility_flags
from dashboard.data.accounts import Accounts
from dashboard.data.importers.model import BoundaryBatch, IndicatorBatch
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.publications import Publications
from dashboard.data.source import District, EstimateSource, RegionSource, empty_estimates
from dashboard.data.store import CommitResult, Store
from dashboard.data.uploads import Uploads
from dashboard.geo import prepare_geojson
from dashboard.lru import BoundedCache

__all__ = ["AreaScopedSource", "CachedStoreSource", "GeoJsonCache", "Services", "may_read"]

T = TypeVar("T")

# The request-local record (flask.g) of the cached sources that asked the store for its data version in this request.
_VERSION_ASKED = "lokus_data_version_asked"


# Per-process cache budgets when none is given (the app passes DASHBOARD_CACHE_MB, split as in Services).
DEFAULT_GEOJSON_CACHE_BYTES = 64 * 2**20 // 3
DEFAULT_SOURCE_CACHE_BYTES = 64 * 2**20 - DEFAULT_GEOJSON_CACHE_BYTES


def geojson_budget(settings: Settings) -> int:
    """Bytes of prepared GeoJSON a process keeps: a third of ``DASHBOARD_CACHE_MB``."""
    return settings.cache_mb * 2**20 // 3


def source_budget(settings: Settings) -> int:
    """Bytes of district frames and derived figures a process keeps: the other two thirds of ``DASHBOARD_CACHE_MB``."""
    return settings.cache_mb * 2**20 - geojson_budget(settings)


class GeoJsonCache:
    """Prepared GeoJSON bytes per (boundary version, district): built on first request, then reused.

    Keyed by the boundary version, so a new boundary import gets new bytes and a new URL, and the
    browser's long-lived cache never shows stale shapes (old versions age out of the cache).

    Each district is prepared once however many requests ask for it at the same time, and preparing
    one never makes a request for another district wait (:class:`~dashboard.lru.BoundedCache`). The
    cache keeps at most ``budget_bytes`` of GeoJSON (default 21 MiB, ``DASHBOARD_CACHE_MB`` / 3 in the
    app: a district's layer is 0.1-1 MB), dropping the least recently opened districts first.
    """

    def __init__(self, source: RegionSource, budget_bytes: int = DEFAULT_GEOJSON_CACHE_BYTES) -> None:
        self._source = source
        self._cache: BoundedCache[tuple[str, str], bytes] = BoundedCache(budget_bytes)

    def get(self, district_code: str) -> tuple[str, bytes]:
        version = self._source.boundary_version(district_code)
        body = self._cache.get((version, district_code), lambda: prepare_geojson(self._source.villages(district_code)))
        return version, body

    def invalidate(self) -> None:
        """Forget every prepared layer (not needed for new boundaries: their version makes a new key)."""
        self._cache.clear()

    @property
    def cache(self) -> BoundedCache[tuple[str, str], bytes]:
        """What is kept, keyed by (boundary version, district code); for benchmarks and tests."""
        return self._cache


class CachedStoreSource:
    """The store as a :class:`RegionSource`, with villages and observations kept in memory.

    Every call asks the store for its data version (one cheap query) and drops what it holds when an
    import or a removal has changed it, in this process or another one; callbacks stay fast and
    never show figures older than the database.

    What it keeps is bounded: at most ``budget_bytes`` (default 43 MiB, ``DASHBOARD_CACHE_MB`` × 2/3 in the app)
    of frames and derived figures, sized by :func:`~dashboard.lru.approximate_bytes`, the least recently used
    district's dropped first. Each entry is loaded once however many requests want it, and loading one
    district never makes a request for another wait.
    """

    def __init__(self, store: Store, budget_bytes: int = DEFAULT_SOURCE_CACHE_BYTES) -> None:
        self.store = store
        self._version = ""
        self._cache: BoundedCache[tuple[str, str], object] = BoundedCache(budget_bytes)
        self._lock = threading.Lock()  # guards the version check only, never a load

    def _current(self) -> None:
        """Drop everything kept when the store's data version changed since the last call.

        Asked once per request (remembered in Flask's request-local ``g``), not once per call: a page render asks the
        source dozens of times, and each question was a query (a fifth of a recolour's time under load). Outside a
        request (command line, tests) every call asks.
        """
        if has_request_context():
            asked: set[int] = g.setdefault(_VERSION_ASKED, set())
            if id(self) in asked:
                return
            asked.add(id(self))
        version = self.store.data_version()
        with self._lock:
            if version != self._version:
                self._cache.clear()
                self._version = version

    def _cached(self, kind: str, district_code: str, load: Callable[[], T]) -> T:
        self._current()
        value: T = self._cache.get((kind, district_code), load)  # type: ignore[assignment]
        return value

    def districts(self) -> list[District]:
        return self._cached("districts", "", self.store.districts)

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._cached("villages", district_code, lambda: self.store.villages(district_code)).copy()

    def observations(self, district_code: str) -> pd.DataFrame:
        return self._cached("observations", district_code, lambda: self.store.observations(district_code)).copy()

    def estimates(self, district_code: str) -> pd.DataFrame:
        return self._cached("estimates", district_code, lambda: self.store.estimates(district_code)).copy()

    def boundary_version(self, district_code: str) -> str:
        return self._cached("version", district_code, lambda: self.store.boundary_version(district_code))

    def peek(self, kind: str, district_code: str) -> object | None:
        """What :meth:`derived` holds for ``kind`` and the district (``None``: nothing, or the data changed since)."""
        self._current()
        return self._cache.peek((kind, district_code))

    def derived(self, kind: str, district_code: str, load: Callable[[], T]) -> T:
        """A figure computed from a district's data, kept until the data changes (e.g. plausibility flags)."""
        return self._cached(kind, district_code, load)

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()
            self._version = ""

    @property
    def cache(self) -> BoundedCache[tuple[str, str], object]:
        """What is kept, keyed by (kind, district code); for benchmarks and tests."""
        return self._cache


def may_read(actor: Actor, district: District) -> bool:
    """Figures of ``district`` for ``actor``: its areas, and the fictional demo for anyone signed in."""
    if district.is_demo:
        return not actor.is_anonymous
    return covers(actor, district.code)


class AreaScopedSource:
    """A :class:`RegionSource` that shows the current actor only the districts of its areas.

    Within a guarded callback or route the actor is set (:func:`~dashboard.auth.context.acting_as`):
    ``districts()`` lists what it may read and ``observations()`` of any other district raises
    :class:`~dashboard.auth.roles.Forbidden`. Boundary geometry and village names stay public (the issue
    allows it: figures are what is restricted). Outside a request (command line, unit tests) no actor is
    set and nothing is filtered: shell access to the server is already an administrator's.
    """

    def __init__(self, inner: RegionSource) -> None:
        self.inner = inner

    def _readable(self) -> dict[str, District]:
        return {district.code: district for district in self.inner.districts()}

    def districts(self) -> list[District]:
        actor = current_actor()
        all_districts = self.inner.districts()
        if actor is None:
            return all_districts
        return [district for district in all_districts if may_read(actor, district)]

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self.inner.villages(district_code)

    def require_readable(self, district_code: str) -> None:
        """Raise :class:`~dashboard.auth.roles.Forbidden` unless the current actor may read the district's
        figures (and drafts: its scenarios); nothing is checked outside a request."""
        actor = current_actor()
        if actor is not None:
            district = self._readable().get(district_code, District(district_code, district_code))
            if not may_read(actor, district):
                raise Forbidden(actor, f"read the figures of {district_code}")

    def observations(self, district_code: str) -> pd.DataFrame:
        self.require_readable(district_code)
        return self.inner.observations(district_code)

    def estimates(self, district_code: str) -> pd.DataFrame:
        """The district's survey estimates (:data:`~dashboard.data.source.ESTIMATE_COLUMNS`), figures as restricted as
        observations; none from a source that holds none."""
        self.require_readable(district_code)
        if isinstance(self.inner, EstimateSource):
            return self.inner.estimates(district_code)
        return empty_estimates()

    def boundary_version(self, district_code: str) -> str:
        return self.inner.boundary_version(district_code)

    def invalidate(self) -> None:
        if isinstance(self.inner, CachedStoreSource):
            self.inner.invalidate()


class _Kept(tuple[object]):
    """One value kept by :meth:`Services.kept_per_version` (a tuple, so its size is counted; ``None`` is a value)."""

    __slots__ = ()

    def __new__(cls, value: object) -> _Kept:
        return super().__new__(cls, (value,))

    @property
    def value(self) -> object:
        return self[0]


@dataclass
class Services:
    """Shared by every page of one app: never holds per-user state."""

    settings: Settings
    source: RegionSource
    store: Store | None = None
    geojson: GeoJsonCache = field(init=False)
    accounts: Accounts | None = field(init=False, default=None)
    uploads: Uploads | None = field(init=False, default=None)
    publications: Publications | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if not isinstance(self.source, AreaScopedSource):
            self.source = AreaScopedSource(self.source)
        self.geojson = GeoJsonCache(self.source, geojson_budget(self.settings))
        if self.store is not None:
            self.accounts = Accounts(self.store)
            self.uploads = Uploads(self.settings, self.accounts)
            self.publications = Publications(self.store, self.accounts)

    @classmethod
    def from_store(cls, settings: Settings, store: Store) -> Services:
        return cls(settings, CachedStoreSource(store, source_budget(settings)), store)

    def readable(self, district_code: str) -> bool:
        """Whether ``district_code`` is one of the districts the current actor may read (its areas, the demo)."""
        return district_code in {district.code for district in self.source.districts()}

    def require_readable(self, district_code: str) -> None:
        """The current actor may read ``district_code``'s figures and drafts, or :class:`Forbidden` is raised."""
        if isinstance(self.source, AreaScopedSource):
            self.source.require_readable(district_code)

    def _derived(self, kind: str, district_code: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept until the district's data changes when the source is the cached store."""
        inner = self.source.inner if isinstance(self.source, AreaScopedSource) else self.source
        if isinstance(inner, CachedStoreSource):
            return inner.derived(kind, district_code, compute)
        return compute()

    def cached(self, kind: str, district_code: str, compute: Callable[[], T]) -> T:
        """``compute()`` (which must not itself ask the source for anything), kept per process until the district's
        data changes when the source is the cached store, computed afresh otherwise. The cache does not check the
        reader's areas: the caller does (:meth:`require_readable`) before reading what it keeps."""
        return self._derived(kind, district_code, compute)

    def kept(self, kind: str, district_code: str) -> object | None:
        """What :meth:`cached` keeps for ``kind`` and the district, without computing it; ``None`` when nothing is
        kept (another source than the cached store, a first call, or the data changed since)."""
        inner = self.source.inner if isinstance(self.source, AreaScopedSource) else self.source
        return inner.peek(kind, district_code) if isinstance(inner, CachedStoreSource) else None

    def kept_per_version(self, kind: str, district_code: str, compute: Callable[[], T]) -> T:
        """``compute()`` (which may read the source: it runs outside the cache's lock) for a district the current
        actor may read, kept per process until the district's data changes when the source is the cached store.

        The reader's areas are checked first (:class:`~dashboard.auth.roles.Forbidden` otherwise), so what is kept,
        keyed by data only, is never handed to a reader of another area. Two first callers may both compute; the
        result is the same. Used for what every render of a page recomputed from unchanged data (headlines, the
        village profile's figures, the two numbers).
        """
        self.require_readable(district_code)
        kept = self.kept(kind, district_code)
        if isinstance(kept, _Kept):
            return kept.value  # type: ignore[return-value]
        value = _Kept(compute())
        return self.cached(kind, district_code, lambda: value).value  # type: ignore[return-value]

    def flags(self, district_code: str) -> pd.DataFrame:
        """The district's plausibility flags (:func:`~dashboard.core.plausibility.plausibility_flags`), recomputed
        whenever its data changes; the caller must be allowed to read the district."""
        observations = self.source.observations(district_code)  # checks the actor's areas
        return self._derived("flags", district_code, lambda: plausibility_flags(observations)).copy()

    def estimates(self, district_code: str) -> pd.DataFrame:
        """The district's rate-only survey estimates (:data:`~dashboard.data.source.ESTIMATE_COLUMNS`), cached per data
        version with the store; the caller must be allowed to read the district."""
        if isinstance(self.source, EstimateSource):
            return self.source.estimates(district_code)  # checks the actor's areas
        return empty_estimates()

    def completeness(self, district_code: str) -> list[Completeness]:
        """Stunting completeness of every period over the district's boundary set, oldest first (cached)."""
        observations = self.source.observations(district_code)  # checks the actor's areas
        codes = self.source.villages(district_code)["code"]
        return list(self._derived("completeness", district_code, lambda: completeness_by_period(observations, codes)))

    def default_period(self, district_code: str) -> str | None:
        """The period pages open on: the latest reaching ``DASHBOARD_MIN_COMPLETENESS`` (see
        :func:`~dashboard.core.completeness.default_period`)."""
        return default_period(self.completeness(district_code), self.settings.min_completeness)

    def headline(
        self,
        district_code: str,
        period: str | None = None,
        before: str | None = None,
        kecamatan: str | None = None,
        indicator: str = STUNTING,
    ) -> Headline | None:
        """The headline every surface shows (:func:`~dashboard.core.headline.headline`) for a district or one of
        its kecamatan; the default period is chosen over the whole district, so a kecamatan view never opens on a
        period other than its district's. ``None`` when the district has no data for ``indicator``. Kept per data
        version (:meth:`kept_per_version`): the map's recolour and the two numbers both ask for it."""
        key = f"headline:{period}:{before}:{kecamatan}:{indicator}"
        return self.kept_per_version(
            key, district_code, lambda: self._headline(district_code, period, before, kecamatan, indicator)
        )

    def _headline(
        self, district_code: str, period: str | None, before: str | None, kecamatan: str | None, indicator: str
    ) -> Headline | None:
        observations = self.source.observations(district_code)
        villages = self.source.villages(district_code)
        if period is None:
            period = (
                self.default_period(district_code)
                if indicator == STUNTING
                else choose_period(observations, villages["code"], self.settings.min_completeness, indicator)
            )
            if period is None:
                return None
        if kecamatan:
            villages = villages[villages["kecamatan_code"] == kecamatan]
        return headline(
            observations, villages["code"], self.settings.min_completeness, period, before, indicator,
            self.flags(district_code),
        )  # fmt: skip

    def require_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("this app runs without a database (a fixed data source was given)")
        return self.store

    def commit(self, batch: BoundaryBatch | IndicatorBatch | PuskesmasBatch, user: str | None = None) -> CommitResult:
        """Commit a checked batch of any kind the data page checks (a puskesmas list or its boundaries through
        :func:`~dashboard.data.levels.commit_puskesmas`), then drop what the caches hold."""
        if isinstance(batch, PuskesmasBatch):
            from dashboard.data.levels import commit_puskesmas

            result = commit_puskesmas(self.require_store(), batch, user)
        else:
            result = self.require_store().commit(batch, user)
        self.invalidate()
        return result

    def require_accounts(self) -> Accounts:
        if self.accounts is None:
            raise RuntimeError("this app runs without a database, so without accounts")
        return self.accounts

    def require_publications(self) -> Publications:
        """Snapshots and targets; public surfaces read only standing snapshots' protected content."""
        if self.publications is None:
            raise RuntimeError("this app runs without a database, so without publications")
        return self.publications

    def require_uploads(self) -> Uploads:
        if self.uploads is None:
            raise RuntimeError("this app runs without a database, so without uploads")
        return self.uploads

    def invalidate(self) -> None:
        if isinstance(self.source, AreaScopedSource):
            self.source.invalidate()

    def reset_after_fork(self) -> None:
        """In a background-callback worker process: new database connections, fresh caches."""
        if self.store is not None:
            self.store.after_fork()
        self.invalidate()
