"""The gaps page's tests: the demo district, and no app to resolve the villages' GeoJSON URL against."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.data.source import DemoSource
from dashboard.views import gaps_page

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def demo() -> DemoSource:
    return DemoSource(GEODATA)


@pytest.fixture(autouse=True)
def _no_app_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
