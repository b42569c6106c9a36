"""A per-process cache bounded by approximate bytes (least recently used out first) that loads each key once.

Shared by the prepared-GeoJSON cache and the cached store (:mod:`dashboard.services`). Two things the pages
need from it: a large district being prepared never makes a request for another district wait (the lock is
held only to look up and to insert, never while loading), and memory stays bounded however many districts
are opened (the least recently used entries are dropped once the budget is passed).
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

import pandas as pd
import shapely

__all__ = ["BoundedCache", "approximate_bytes"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# What shapely geometries really take (GEOS stores x, y, z; each geometry has its objects and envelope, the Python
# wrapper its own): Jawa Tengah's 774,276 coordinates in 8,563 villages added 21.7 MB of RSS when read from 12 MB
# of WKB, and 24 x 774,276 + 300 x 8,563 bytes is 21 MB.
_BYTES_PER_COORDINATE = 24
_BYTES_PER_GEOMETRY = 300


def approximate_bytes(value: object) -> int:
    """Roughly how much memory ``value`` holds, cheaply: enough to rank and bound cache entries, not to account.

    ``bytes``/``str``: their length. A DataFrame: ``memory_usage(deep=True)``, plus for each geometry column about
    what GEOS holds (24 bytes per coordinate and 300 per geometry, ~1.8 times the WKB size; pandas counts only
    the 8-byte pointers). Lists, tuples and dicts: the sum of their items. Anything else: ``sys.getsizeof``.

    >>> approximate_bytes(b"12345")
    5
    >>> approximate_bytes(["ab", "cd"]) >= 4
    True
    """
    if isinstance(value, bytes | bytearray | str):
        return len(value)
    if isinstance(value, pd.DataFrame):
        size = int(value.memory_usage(deep=True, index=True).sum())
        for position, dtype in enumerate(value.dtypes):
            if getattr(dtype, "name", "") == "geometry":
                geometries = value.iloc[:, position].to_numpy()
                coordinates = int(shapely.get_num_coordinates(geometries).sum())
                size += coordinates * _BYTES_PER_COORDINATE + len(geometries) * _BYTES_PER_GEOMETRY
        return size
    if isinstance(value, pd.Series):
        return int(value.memory_usage(deep=True, index=True))
    if isinstance(value, list | tuple | set | frozenset):
        return sys.getsizeof(value) + sum(approximate_bytes(item) for item in value)
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(approximate_bytes(k) + approximate_bytes(v) for k, v in value.items())
    return sys.getsizeof(value)


class BoundedCache(Generic[K, V]):
    """Values by key, loaded once per key and dropped least-recently-used first beyond ``budget_bytes``.

    Parameters
    ----------
    budget_bytes : int
        The sum of the entries' sizes the cache keeps. It holds at most this plus the entry inserted last: an entry
        larger than the whole budget is still kept (alone), since the page that asked for it is about to use it.
    sizeof : callable, optional
        An entry's size in bytes; default :func:`approximate_bytes`.

    Notes
    -----
    Loading is "single flight": the first caller of a key runs ``load()`` without holding the cache's lock; callers
    of the same key meanwhile wait for that result (and get the same object, or the same exception); callers of
    other keys are not held up. :meth:`clear` also forgets loads in flight, so a value loaded before a clear is
    returned to the callers that asked for it but never stored.
    """

    def __init__(self, budget_bytes: int, sizeof: Callable[[V], int] = approximate_bytes) -> None:
        if budget_bytes < 0:
            raise ValueError(f"a cache budget is a number of bytes >= 0, not {budget_bytes}")
        self.budget_bytes = budget_bytes
        self._sizeof = sizeof
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._loading: dict[K, Future[V]] = {}
        self._bytes = 0
        self._generation = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._entries

    @property
    def bytes(self) -> int:
        """The sum of the kept entries' sizes."""
        with self._lock:
            return self._bytes

    def keys(self) -> list[K]:
        """Kept keys, least recently used first."""
        with self._lock:
            return list(self._entries)

    def peek(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or ``None``; never loads."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def get(self, key: K, load: Callable[[], V]) -> V:
        """The value for ``key``: kept, being loaded by another caller (waited for), or ``load()`` now."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry[0]
            pending = self._loading.get(key)
            if pending is None:
                mine: Future[V] = Future()
                self._loading[key] = mine
                generation = self._generation
        if pending is not None:
            return pending.result()
        try:
            value = load()
        except BaseException as error:
            with self._lock:
                if self._loading.get(key) is mine:
                    del self._loading[key]
            mine.set_exception(error)
            raise
        size = self._sizeof(value)
        with self._lock:
            if self._loading.get(key) is mine:
                del self._loading[key]
            if generation == self._generation:
                self._put(key, value, size)
        mine.set_result(value)
        return value

    def _put(self, key: K, value: V, size: int) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old[1]
        self._entries[key] = (value, size)
        self._bytes += size
        while self._bytes > self.budget_bytes and len(self._entries) > 1:
            _, (_, dropped) = self._entries.popitem(last=False)
            self._bytes -= dropped

    def clear(self) -> None:
        """Forget every entry and every load in flight (their callers still get their values)."""
        with self._lock:
            self._entries.clear()
            self._loading.clear()
            self._bytes = 0
            self._generation += 1
