"""The planning page's tests share one demo store per module and a real district's stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource, District
from dashboard.data.store import Store
from dashboard.services import Services

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo district in a fresh store, for one test module."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


class NotDemo(DemoSource):
    """The demo's data under a district that is not marked as the demo: what a real district's files look like."""

    def districts(self) -> list[District]:
        return [District(DEMO_DISTRICT_CODE, "Kabupaten Nyata", is_demo=False)]
