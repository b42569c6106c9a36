"""Kemendagri codes: the forms real files use, and the mistakes they contain."""

import pytest

from dashboard.core.codes import (
    CodeError,
    Level,
    ancestors,
    is_kelurahan,
    level_of,
    normalise_code,
    parent_of,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("52.03.01.2001", "52.03.01.2001"),
        ("5203012001", "52.03.01.2001"),
        (5203012001, "52.03.01.2001"),
        (5203012001.0, "52.03.01.2001"),
        (" 64.74.01.1001 ", "64.74.01.1001"),
        ("640101", "64.01.01"),
        ("6401", "64.01"),
        ("11", "11"),
        ("99.01.03.1002", "99.01.03.1002"),
    ],
)
def test_cod001_normalises_dotted_and_undotted(raw: object, expected: str) -> None:
    assert normalise_code(raw) == expected


def test_cod002_keeps_leading_zeros_of_every_part() -> None:
    assert normalise_code("1101010001") == "11.01.01.0001"


@pytest.mark.parametrize("raw", ["", None, "52.3.1.2001", "520301200", "abc", 5203012001.5, float("nan"), "52-03"])
def test_cod003_refuses_what_is_not_a_code(raw: object) -> None:
    with pytest.raises(CodeError):
        normalise_code(raw)


def test_cod004_levels_and_parents_derive_from_the_code() -> None:
    assert level_of("52") is Level.PROVINSI
    assert level_of("52.03") is Level.KABUPATEN
    assert level_of("5203012001") is Level.DESA
    assert parent_of("52.03.01.2001") == "52.03.01"
    assert parent_of("52") is None
    assert ancestors("52.03.01.2001") == ["52.03.01", "52.03", "52"]


def test_cod005_tenth_digit_tells_kelurahan_from_desa() -> None:
    assert is_kelurahan("64.74.01.1001")
    assert not is_kelurahan("52.03.01.2001")
    with pytest.raises(CodeError):
        is_kelurahan("52.03.01")
