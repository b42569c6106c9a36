"""A planner's first minutes with Lokus, in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import DRAWN, PROJECT, external_requests, wait_for_script

pytestmark = pytest.mark.browser

GRAPH = f"#{ID.MAP} .js-plotly-plot"


def _start(dash_duo: Any, data_dir: Path) -> DemoSource:
    start_signed_in(dash_duo, Settings(data_dir=data_dir), role="pimpinan", areas=("99.01",))
    dash_duo.wait_for_element(GRAPH, timeout=20)
    # The map has drawn when plotly has fetched the GeoJSON and laid out its trace.
    wait_for_script(dash_duo, DRAWN, GRAPH)
    return DemoSource(Settings().geodata_dir)


def _finish_clean(dash_duo: Any) -> None:
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []


def test_jrn001_map_draws_one_feature_per_desa(dash_duo: Any, tmp_path: Path) -> None:
    source = _start(dash_duo, tmp_path)
    expected = len(source.villages(DEMO_DISTRICT_CODE))
    locations = dash_duo.driver.execute_script(
        "return document.querySelector(arguments[0])._fullData[0].locations.length", GRAPH
    )
    features = wait_for_script(
        dash_duo,
        "const gd = document.querySelector(arguments[0]); const url = gd._fullData[0].geojson;"
        "const asset = window.PlotlyGeoAssets && window.PlotlyGeoAssets[url]; return asset && asset.features.length;",
        GRAPH,
    )
    assert expected >= 250
    assert locations == expected
    assert features == expected
    assert "data contoh (fiktif)" in dash_duo.find_element(f"#{ID.DEMO_BADGE}").text
    # The toolbar: PNG download and reset only, tooltips in Indonesian, no plotly logo, no "share" to the cloud.
    assert _toolbar(dash_duo) == ["Unduh sebagai gambar PNG", "Kembalikan tampilan"]
    assert dash_duo.driver.find_elements("css selector", f"{GRAPH} .modebar-btn--logo, {GRAPH} a[href]") == []
    _finish_clean(dash_duo)


def _toolbar(dash_duo: Any) -> list[str]:
    return list(
        dash_duo.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0] + ' .modebar-btn')].map(b => b.dataset.title)", GRAPH
        )
    )


def test_jrn002_changing_the_indicator_changes_the_legend_not_the_geometry(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    before = dash_duo.find_element(f"#{ID.LEGEND}").text
    dash_duo.select_dcc_dropdown(f"#{ID.INDICATOR}", value="Vitamin A (6-59 bulan)")
    dash_duo.wait_for_contains_text(f"#{ID.MAP_TITLE}", "Vitamin A")
    wait_for_script(
        dash_duo,
        "return document.querySelector(arguments[0]).innerText !== arguments[1];",
        f"#{ID.LEGEND}",
        before,
    )
    after = dash_duo.find_element(f"#{ID.LEGEND}").text
    assert after != before
    assert "Tidak ada data" in after
    geojson_fetches = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/lokus-geo/')).length"
    )
    assert geojson_fetches == 1
    _finish_clean(dash_duo)


def test_jrn003_clicking_a_desa_opens_its_profile(dash_duo: Any, tmp_path: Path) -> None:
    source = _start(dash_duo, tmp_path)
    villages = source.villages(DEMO_DISTRICT_CODE)
    observations = source.observations(DEMO_DISTRICT_CODE)
    period = str(observations["period"].max())
    # A village near the middle of the map, away from the legend and controls.
    centre = villages.union_all().centroid
    village = (
        villages.loc[villages.geometry.contains(centre)].iloc[0]
        if villages.geometry.contains(centre).any()
        else villages.iloc[0]
    )
    point = village.geometry.representative_point()
    x, y = dash_duo.driver.execute_script(PROJECT, GRAPH, point.x, point.y)
    canvas = dash_duo.find_element(f"{GRAPH} .maplibregl-canvas")
    size = canvas.size
    # Selenium moves to the centre of the element's *visible* part: bring the whole map into view first.
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", canvas)
    # From the canvas centre by a relative move: the same on every Selenium version.
    ActionChains(dash_duo.driver).move_to_element(canvas).move_by_offset(
        round(x - size["width"] / 2), round(y - size["height"] / 2)
    ).pause(0.5).click().perform()
    dash_duo.wait_for_text_to_equal(f"#{ID.PROFILE_NAME}", str(village["name"]), timeout=10)
    row = observations[
        (observations["code"] == village["code"])
        & (observations["indicator"] == "stunting")
        & (observations["period"] == period)
    ]
    expected = f"{100 * row['numerator'].sum() / row['denominator'].sum():.1f}%".replace(".", ",")
    assert dash_duo.find_element(f"#{ID.PROFILE_VALUE}").text == expected
    _finish_clean(dash_duo)


def test_jrn004_switching_to_english_changes_the_labels(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    assert "PREVALENSI STUNTING" in dash_duo.find_element(".kpi-row").text.upper()
    dash_duo.find_element(f"#{ID.LANGUAGE} label[for='_dbcprivate_radioitems_{ID.LANGUAGE}_input_en']").click()
    # textContent, not innerText: the KPI labels are upper-cased by CSS.
    wait_for_script(
        dash_duo, "return document.querySelector('.kpi-row').textContent.includes(arguments[0])", "Stunting prevalence"
    )
    assert "sample data (fictional)" in dash_duo.find_element(f"#{ID.DEMO_BADGE}").text
    title = dash_duo.find_element(f"#{ID.MAP_TITLE}").text
    assert title.startswith("Stunting prevalence by village")
    kpi = dash_duo.find_element(f"#{ID.KPI_PREVALENCE} .kpi-value").text
    assert "." in kpi and "," not in kpi  # 27.3% in English, 27,3% in Indonesian
    wait_for_script(dash_duo, "return document.querySelector(arguments[0] + ' .modebar-btn') !== null", GRAPH)
    assert _toolbar(dash_duo) == ["Download plot as a PNG", "Reset view"]
    _finish_clean(dash_duo)
