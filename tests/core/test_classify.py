"""Choropleth classes: every scheme, ties, and the no-data class."""

import math

import pytest

from dashboard.core.classify import NO_DATA, Scheme, classify


def test_cls001_equal_interval_splits_the_range_evenly() -> None:
    result = classify([0.0, 10.0, 20.0, 30.0, 40.0], Scheme.EQUAL_INTERVAL, k=4)
    assert [r.upper for r in result.ranges] == [10.0, 20.0, 30.0, 40.0]
    assert result.classes == (0, 0, 1, 2, 3)
    assert result.ranges[0].lower == 0.0


def test_cls002_quantiles_put_equal_counts_in_each_class() -> None:
    values = [float(v) for v in range(1, 21)]
    result = classify(values, Scheme.QUANTILES, k=4)
    assert [r.count for r in result.ranges] == [5, 5, 5, 5]


def test_cls003_natural_breaks_find_the_obvious_groups() -> None:
    values = [5.0, 6.0, 7.0, 20.0, 21.0, 22.0, 40.0, 41.0, 42.0]
    result = classify(values, Scheme.NATURAL_BREAKS, k=3)
    assert [r.upper for r in result.ranges] == [7.0, 22.0, 42.0]
    assert result.classes == (0, 0, 0, 1, 1, 1, 2, 2, 2)


def test_cls004_missing_values_fall_in_the_no_data_class() -> None:
    result = classify([1.0, None, math.nan, 4.0], Scheme.QUANTILES, k=2)
    assert result.classes[1] == NO_DATA and result.classes[2] == NO_DATA
    assert result.no_data == 2
    assert sum(r.count for r in result.ranges) == 2


def test_cls005_fewer_distinct_values_than_classes_shrinks_k() -> None:
    result = classify([3.0, 3.0, 3.0, 8.0], Scheme.NATURAL_BREAKS, k=5)
    assert result.k == 2
    assert result.classes == (0, 0, 0, 1)


def test_cls006_all_equal_or_all_missing() -> None:
    assert classify([2.0, 2.0], Scheme.QUANTILES).ranges[0].count == 2
    empty = classify([None, None], Scheme.EQUAL_INTERVAL)
    assert empty.ranges == () and empty.classes == (NO_DATA, NO_DATA)


def test_cls007_counts_in_ranges_match_classes() -> None:
    values = [float(v % 17) for v in range(100)]
    for scheme in Scheme:
        result = classify(values, scheme, k=5)
        for index, class_range in enumerate(result.ranges):
            assert class_range.count == result.classes.count(index)


def test_cls008_rejects_unknown_scheme_and_bad_k() -> None:
    with pytest.raises(ValueError):
        classify([1.0], "pretty")
    with pytest.raises(ValueError):
        classify([1.0], Scheme.QUANTILES, k=0)
