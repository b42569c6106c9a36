"""Choropleth classification: a registry of schemes and one :func:`classify` entry point.

Values in, a :class:`Classification` out: the class of every value (``-1`` for no data) and the
class ranges a legend shows. Natural breaks use Fisher-Jenks (the optimal, deterministic form),
so the same data always draws the same map.

>>> c = classify([1.0, 2.0, 3.0, 4.0, None], Scheme.EQUAL_INTERVAL, k=3)
>>> c.classes
(0, 0, 1, 2, -1)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import mapclassify
import numpy as np

__all__ = ["DEFAULT_K", "NO_DATA", "ClassRange", "Classification", "Scheme", "classify"]

NO_DATA = -1
DEFAULT_K = 5


class Scheme(StrEnum):
    QUANTILES = "quantiles"
    NATURAL_BREAKS = "natural_breaks"
    EQUAL_INTERVAL = "equal_interval"


_CLASSIFIERS = {
    Scheme.QUANTILES: mapclassify.Quantiles,
    Scheme.NATURAL_BREAKS: mapclassify.FisherJenks,
    Scheme.EQUAL_INTERVAL: mapclassify.EqualInterval,
}


@dataclass(frozen=True)
class ClassRange:
    """One legend entry: values in ``[lower, upper]`` (the lowest class includes its minimum)."""

    lower: float
    upper: float
    count: int


@dataclass(frozen=True)
class Classification:
    scheme: Scheme
    classes: tuple[int, ...]  # per input value; NO_DATA where the value is missing
    ranges: tuple[ClassRange, ...]
    no_data: int

    @property
    def k(self) -> int:
        return len(self.ranges)


def classify(values: Sequence[float | None], scheme: Scheme | str, k: int = DEFAULT_K) -> Classification:
    """Classify ``values`` into at most ``k`` classes; missing values (None/NaN) get :data:`NO_DATA`.

    ``k`` shrinks to the number of distinct values when there are fewer, so a district where every
    village has the same value draws one class rather than failing.
    """
    scheme = Scheme(scheme)
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    array = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    present = ~np.isnan(array)
    data = array[present]
    classes = np.full(len(array), NO_DATA, dtype=int)
    no_data = int((~present).sum())
    if data.size == 0:
        return Classification(scheme, tuple(classes.tolist()), (), no_data)
    k = min(k, len(np.unique(data)))
    if k == 1:
        bins = np.array([data.max()])
        bin_of = np.zeros(data.size, dtype=int)
    else:
        with warnings.catch_warnings():
            # mapclassify warns when it merges classes; the ranges below show what it did.
            warnings.simplefilter("ignore", UserWarning)
            classifier = _CLASSIFIERS[scheme](data, k=k)
        bins = np.asarray(classifier.bins, dtype=float)
        bin_of = np.asarray(classifier.yb, dtype=int)
    classes[present] = bin_of
    ranges = []
    lower = float(data.min())
    for index, upper in enumerate(bins):
        count = int((bin_of == index).sum())
        ranges.append(ClassRange(lower, float(upper), count))
        lower = float(upper)
    # Drop empty classes that quantiles can leave with heavy ties, renumbering the rest.
    keep = [i for i, r in enumerate(ranges) if r.count > 0]
    if len(keep) != len(ranges):
        renumber = {old: new for new, old in enumerate(keep)}
        classes = np.array([renumber[c] if c != NO_DATA else NO_DATA for c in classes], dtype=int)
        kept = [ranges[i] for i in keep]
        ranges = [
            ClassRange(kept[0].lower if i == 0 else kept[i - 1].upper, r.upper, r.count) for i, r in enumerate(kept)
        ]
    if not all(math.isfinite(r.upper) for r in ranges):
        raise ValueError("classification produced a non-finite break")
    return Classification(scheme, tuple(classes.tolist()), tuple(ranges), no_data)
