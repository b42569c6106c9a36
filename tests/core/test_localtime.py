"""Times in the district's zone: WIB, WITA or WIT by province, month names in the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from dashboard.core.localtime import district_zone, format_date, format_datetime


@pytest.mark.parametrize(
    ("code", "zone"),
    [("33.01", "WIB"), ("11", "WIB"), ("61.02.03", "WIB"), ("51.71", "WITA"), ("52.03", "WITA"), ("73.71", "WITA"),
     ("81.01", "WIT"), ("94.71", "WIT"), ("99.01", "WIT"), ("", "WIB"), (None, "WIB")],
)  # fmt: skip
def test_ltm001_zone_follows_province(code: str | None, zone: str) -> None:
    assert district_zone(code)[1] == zone


def test_ltm002_same_moment_in_three_zones() -> None:
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert format_datetime(moment, "id", "33.01") == "1 Des 2026 06:30 WIB"
    assert format_datetime(moment, "id", "52.03") == "1 Des 2026 07:30 WITA"
    assert format_datetime(moment, "en", "99.01") == "1 Dec 2026 08:30 WIT"


def test_ltm003_naive_text_and_missing() -> None:
    assert format_datetime("2025-08-01 00:00:00", "id", "99.01") == "1 Agu 2025 09:00 WIT"
    assert format_datetime(pd.NaT) == "—" and format_datetime(None) == "—"
    assert format_date(datetime(2025, 2, 28, 20, 0), "id", "99.01") == "1 Maret 2025"
    assert format_date(datetime(2025, 2, 28, 20, 0), "en", "33.01") == "1 March 2025"
