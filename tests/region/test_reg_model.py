"""The region page's model: who reads which province, fixed bands, the change between two periods."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.core.change import newcombe_interval
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.region_page.model import (
    COVERAGE_EDGES,
    PREVALENCE_EDGES,
    band_classes,
    bands,
    change_table,
    readable_code,
    region_figures,
    region_options,
)
from tests.levels.helpers import check, import_kabupaten

SERIES = [
    "kode_wilayah,periode,indikator,pembilang,penyebut",
    "52.03,2023,stunting,812,3120",
    "52.06,2023,stunting,455,1702",
    "52.03,2024,stunting,790,3251",
    "52.06,2024,stunting,430,1699",
]
ADMIN = Actor(1, "admin", Role.ADMIN)
NTB = Actor(2, "ntb", Role.PIMPINAN, ("52",))
LOTIM = Actor(3, "lotim", Role.PIMPINAN, ("52.03",))
KALTIM = Actor(4, "kaltim", Role.PIMPINAN, ("64",))


def _id(value: float) -> str:
    """One decimal with a decimal comma and a true minus sign, as the Indonesian UI writes it."""
    return f"{value:.1f}".replace(".", ",").replace("-", "\u2212")


@pytest.fixture
def services(tmp_path: Path) -> Services:
    settings = Settings(data_dir=tmp_path / "instance")
    store = Store.open(settings=settings)
    import_kabupaten(store)
    batch = check(store, SERIES, "seri.csv")
    assert batch.ok
    store.commit(batch)
    return Services.from_store(settings, store)


def test_reg010_readers_see_their_own_regions_only(services: Services) -> None:
    assert readable_code(NTB, "52", set()) and readable_code(NTB, "52.03", set())
    assert readable_code(LOTIM, "52.03", set()) and not readable_code(LOTIM, "52", set())
    assert not readable_code(LOTIM, "52.06", set()) and not readable_code(KALTIM, "52.03", set())
    assert [o["value"] for o in region_options(services, NTB, "id")] == ["52"]
    assert region_options(services, KALTIM, "id") == []
    # An administrator reads every province: the national map is offered first.
    assert [o["value"] for o in region_options(services, ADMIN, "id")][:2] == ["id", "52"]
    # Figures of a kabupaten outside the reader's areas never leave the server.
    figures = region_figures(services, LOTIM, "kabupaten", "52", "stunting", "2024")
    assert figures["code"].tolist() == ["52.03"]
    assert region_figures(services, KALTIM, "kabupaten", "52", "stunting", "2024").empty


@pytest.mark.parametrize(
    "indicator, edges", [("stunting", PREVALENCE_EDGES), ("imunisasi_dasar_lengkap", COVERAGE_EDGES)]
)
def test_reg011_bands_are_fixed_per_kind(indicator: str, edges: tuple[float, ...]) -> None:
    assert bands(indicator) == edges
    values = np.array([edges[0] - 0.01, edges[0], edges[-1] - 0.01, edges[-1], np.nan])
    assert band_classes(values, edges) == [0, 1, len(edges) - 1, len(edges), None]


def test_reg012_change_is_newcombe_per_kabupaten(services: Services) -> None:
    now = region_figures(services, NTB, "kabupaten", "52", "stunting", "2024")
    before = region_figures(services, NTB, "kabupaten", "52", "stunting", "2023")
    rows = {row["code"]: row for row in change_table(now, before, "imported", "stunting", "id")}
    assert set(rows) == {"52.03", "52.06"}
    _, low, high = newcombe_interval(812, 3120, 790, 3251)
    row = rows["52.03"]
    assert row["before"] == "26,0%" and row["now"] == "24,3%"
    assert row["change"] == f"{_id(100 * (790 / 3251 - 812 / 3120))} poin"
    assert row["interval"] == f"{_id(100 * float(low))} s.d. {_id(100 * float(high))} poin"
    expected = "membaik" if high < 0 else "belum pasti"
    assert row["verdict"].startswith(expected)


def test_reg013_a_file_of_kabupaten_outlines_says_what_it_holds(services: Services) -> None:
    """A provincial analyst's outline file has no village: the check report counts its kabupaten, not '0 desa'."""
    import json

    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.views.data_page.report import report_view
    from tests.levels.helpers import kabupaten_geojson

    batch = prepare_boundary_import(kabupaten_geojson(), "kabupaten_ntb.geojson")
    assert batch.ok
    text = json.dumps(report_view(batch, services, "id").to_plotly_json(), default=str)
    assert "3 kabupaten/kota" in text and "0 desa" not in text
