"""Classes as the map component's compact prop: one byte per village in base64, 255 for no data."""

from __future__ import annotations

import base64
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.components.lokus_map import NO_DATA, bivariate_classes, decode_classes, encode_classes

classes = st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=254)), max_size=300)


@given(classes)
def test_cmp001_round_trip(values: list[int | None]) -> None:
    assert decode_classes(encode_classes(values)) == values


def test_cmp001_none_is_the_no_data_byte() -> None:
    encoded = encode_classes([0, None, 254])
    assert base64.b64decode(encoded) == bytes([0, NO_DATA, 254])
    assert decode_classes(encoded) == [0, None, 254]


def test_cmp001_numpy_integers_and_nan_are_accepted() -> None:
    assert decode_classes(encode_classes([np.int64(3), np.uint8(7), float("nan"), np.float64(math.nan)])) == [
        3,
        7,
        None,
        None,
    ]


@pytest.mark.parametrize("bad", [-1, 255, 300, 1.5, "3", True])
def test_cmp001_refuses_values_outside_0_to_254(bad: object) -> None:
    with pytest.raises(ValueError, match="position 1"):
        encode_classes([0, bad])  # type: ignore[list-item]


def test_cmp001_a_province_of_classes_fits_in_12_kB() -> None:
    values = [i % 7 if i % 11 else None for i in range(8_563)]
    encoded = encode_classes(values)
    assert len(encoded.encode("ascii")) <= 12_000
    assert decode_classes(encoded) == values


def test_cmp001_decode_refuses_what_is_not_base64() -> None:
    with pytest.raises(ValueError):
        decode_classes("not base64!")


def test_cmp001_bivariate_classes_index_row_by_row() -> None:
    assert bivariate_classes([0, 1, 2, None], [0, 1, 2, 2], 3) == [0, 4, 8, None]
    with pytest.raises(ValueError, match=r"outside 0\.\.2"):
        bivariate_classes([3], [0], 3)
    with pytest.raises(ValueError, match="one of each"):
        bivariate_classes([0, 1], [0], 3)
