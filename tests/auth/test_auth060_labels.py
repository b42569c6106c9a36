"""Names a district supplied never become markup in a chart: every plotly label escapes them, and the map
component's hover texts are plain text (it writes them with textContent), the names as written."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import plotly
import pytest

from dashboard.config import Settings
from dashboard.core.aggregate import Measure
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.figures.map import map_values
from dashboard.geo import bounds_of
from dashboard.services import Services
from dashboard.views import gaps_page, lokus_page
from dashboard.views.lokus_page.figures import selection_map
from dashboard.views.lokus_page.model import default_state, rank

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
HOSTILE = [
    '<a href="http://contoh.invalid/">Klik di sini</a>',
    "<img src=x onerror=alert(1)>",
    "Tanjung <b>Laut</b> & Indah",
]


class HostileNames(DemoSource):
    """The demo district with markup in the first villages' and kecamatan names."""

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        villages = super().villages(district_code)
        for i, name in enumerate(HOSTILE):
            villages.loc[villages.index[i], "name"] = name
        villages.loc[villages.index[0], "kecamatan_name"] = HOSTILE[0]
        return villages


@pytest.fixture
def services(monkeypatch: pytest.MonkeyPatch) -> Services:
    monkeypatch.setattr(gaps_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    return Services(Settings(), HostileNames(GEODATA))


def _assert_escaped(payload: object) -> None:
    text = json.dumps(payload, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)
    for raw in HOSTILE:
        assert raw not in text
    assert "&lt;a href=" in text and "&lt;img src=x" in text


def test_auth060_main_map_hover_escapes_names(services: Services) -> None:
    villages = services.source.villages(DEMO_DISTRICT_CODE)
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    period = str(observations["period"].max())
    values = map_values(villages, observations, Measure("stunting"), period, "quantiles", 5, "id",
                        bounds_of(villages))  # fmt: skip
    _assert_escaped(values.customdata)
    assert values.customdata[2][0] == "Tanjung &lt;b&gt;Laut&lt;/b&gt; &amp; Indah"  # reads as written


def test_auth061_gaps_map_matrix_and_lokus_map_escape_names(services: Services) -> None:
    villages = services.source.villages(DEMO_DISTRICT_CODE)
    state = {"period": "2025-08", "view": "gap", "indicator": "vitamin_a", "axis": "indicator",
             "before": "2025-02", "change_indicator": "stunting", "target": None}  # fmt: skip
    codes = villages["code"].astype(str).tolist()
    for view in ("gap", "bivariate", "change"):
        drawn = gaps_page.gaps_map(services, DEMO_DISTRICT_CODE, villages, state | {"view": view}, "id").props()
        _assert_plain(drawn["hover_text"], codes)
    matrix = gaps_page.matrix_figure(services, DEMO_DISTRICT_CODE, codes, state, "id")
    _assert_escaped(matrix.to_plotly_json()["data"])
    lokus = default_state(services)
    drawn = selection_map(services, DEMO_DISTRICT_CODE, lokus["period"], rank(services, lokus), "id").props()
    _assert_plain(drawn["hover_text"], codes)


def _assert_plain(hover: dict[str, str], codes: list[str]) -> None:
    """Each hostile name as written on the first line of its village's hover text, never escaped twice."""
    for code, raw in zip(codes, HOSTILE, strict=False):
        assert hover[code].split("\n")[0] == raw
    assert "&lt;" not in json.dumps(hover, ensure_ascii=False)
