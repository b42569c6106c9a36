"""A planner's first minutes with Lokus, in headless Chromium."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import shapely

from dashboard.config import Settings
from dashboard.core.aggregate import Measure
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.figures.map import NO_DATA_COLOUR, MapValues, hex_colour, map_values
from dashboard.geo import bounds_of
from dashboard.ids import ID
from dashboard.services import Services
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, MAP_PIXEL, MAP_STATE, click_map, external_requests, wait_for_script

pytestmark = pytest.mark.browser

MAP = f"#{ID.MAP}"
HOOK = "const hook = window.__lokusMaps[arguments[0]];"  # the map component's test hook (LokusMap's docstring)


def _start(dash_duo: Any, data_dir: Path) -> DemoSource:
    start_signed_in(dash_duo, Settings(data_dir=data_dir), role="pimpinan", areas=("99.01",))
    dash_duo.wait_for_element(f'{MAP}[data-ready="true"]', timeout=30)
    # The map has drawn when MapLibre has loaded the GeoJSON, set the classes and rendered villages.
    wait_for_script(dash_duo, MAP_DRAWN, ID.MAP)
    return DemoSource(Settings().geodata_dir)


def _finish_clean(dash_duo: Any) -> None:
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []


def test_jrn001_map_draws_one_feature_per_desa(dash_duo: Any, tmp_path: Path) -> None:
    source = _start(dash_duo, tmp_path)
    expected = len(source.villages(DEMO_DISTRICT_CODE))
    features = dash_duo.driver.execute_script(
        f"{HOOK} return hook.map.querySourceFeatures('villages').map(f => f.properties.code);", ID.MAP
    )
    assert expected >= 250
    assert len(set(features)) == expected
    assert "data contoh (fiktif)" in dash_duo.find_element(f"#{ID.DEMO_BADGE}").text
    # Drawn once: the boundaries loaded once, never re-uploaded, the page's own classes not sent again.
    assert dash_duo.driver.execute_script(f"{HOOK} return hook.setDataCalls;", ID.MAP) == 0
    # The controls: zoom, reset and PNG download, titles in Indonesian; no link to anywhere.
    assert _toolbar(dash_duo) == ["Perbesar", "Perkecil", "Kembalikan tampilan", "Unduh sebagai gambar PNG"]
    assert dash_duo.driver.find_elements("css selector", f"{MAP} a[href]") == []
    _finish_clean(dash_duo)


def _toolbar(dash_duo: Any) -> list[str]:
    return list(
        dash_duo.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0] + ' .lokus-map__controls button')].map(b => b.title)",
            MAP,
        )
    )


def test_jrn002_changing_the_indicator_changes_the_legend_not_the_geometry(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    before = dash_duo.find_element(f"#{ID.LEGEND}").text
    counts = f"{HOOK} return [hook.setDataCalls, hook.featureStateCalls];"
    _, states = dash_duo.driver.execute_script(counts, ID.MAP)
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
    # Recoloured through feature-state, the geometry untouched (MapLibre's worker fetches the GeoJSON, out of sight
    # of the page's resource timing: the hook counts how often the boundaries were set again instead).
    set_data, states_after = dash_duo.driver.execute_script(counts, ID.MAP)
    assert set_data == 0 and states_after > states
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
    click_map(dash_duo, ID.MAP, point.x, point.y)
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
    english = ["Zoom in", "Zoom out", "Reset view", "Download as a PNG image"]
    deadline = time.time() + 10
    while _toolbar(dash_duo) != english and time.time() < deadline:
        time.sleep(0.2)
    assert _toolbar(dash_duo) == english
    _finish_clean(dash_duo)


def _classes(source: DemoSource, period: str, k: int) -> MapValues:
    """map_values of the demo district at ``k`` quantile classes (what the page shows)."""
    villages = source.villages(DEMO_DISTRICT_CODE)
    values = map_values(villages, source.observations(DEMO_DISTRICT_CODE), Measure("stunting"), period,
                        "quantiles", k, "id", bounds_of(villages), Settings().min_measured)  # fmt: skip
    return values


def _close(actual: list[int], colour: str) -> bool:
    expected = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= 3 for a, b in zip(actual, expected, strict=True))


def test_jrn005_a_new_number_of_classes_recolours_the_clicked_village_no_data_stays_grey(
    dash_duo: Any, tmp_path: Path
) -> None:
    source = _start(dash_duo, tmp_path)
    villages = source.villages(DEMO_DISTRICT_CODE)
    villages = villages.assign(area=shapely.area(villages.geometry.values))  # degrees², to rank only
    period = Services(Settings(), source).default_period(DEMO_DISTRICT_CODE) or ""
    five = _classes(source, period, 5)
    three = _classes(source, period, 3)
    before = dict(zip(five.locations, five.classification.classes, strict=True))
    after = dict(zip(three.locations, three.classification.classes, strict=True))
    outlined = set(five.unreliable) | set(five.flagged)
    # The biggest village whose class changes from 5 to 3 classes (and carries no outline over its fill).
    changing = villages[[before[c] >= 0 and before[c] != after[c] and c not in outlined for c in villages["code"]]]
    village = changing.sort_values("area", ascending=False).iloc[0]
    code = str(village["code"])
    point = village.geometry.representative_point()
    state = dash_duo.driver.execute_script(MAP_STATE, ID.MAP, code)
    assert state["cls"] == before[code]
    assert _close(dash_duo.driver.execute_script(MAP_PIXEL, ID.MAP, point.x, point.y),
                  hex_colour(five.colours[before[code]]))  # fmt: skip

    # A click gives the map's click_code to the server: the village's profile, with its code.
    click_map(dash_duo, ID.MAP, point.x, point.y)
    dash_duo.wait_for_text_to_equal(f"#{ID.PROFILE_NAME}", str(village["name"]), timeout=10)
    assert code in dash_duo.find_element(f"#{ID.PROFILE}").text

    # Three classes instead of five: the village's class byte and fill change, the geometry stays.
    dash_duo.driver.execute_script("window.dash_clientside.set_props(arguments[0], {value: 3})", ID.CLASSES)
    wait_for_script(dash_duo, f"{HOOK} return hook.map.getFeatureState({{source: 'villages', id: arguments[1]}})"
                              ".cls === arguments[2];", ID.MAP, code, after[code])  # fmt: skip
    assert _close(dash_duo.driver.execute_script(MAP_PIXEL, ID.MAP, point.x, point.y),
                  hex_colour(three.colours[after[code]]))  # fmt: skip
    # Every village's class is map_values' class (no data: 255).
    drawn = dash_duo.driver.execute_script(
        f"{HOOK} return arguments[1].map(c => hook.map.getFeatureState({{source: 'villages', id: c}}).cls);",
        ID.MAP,
        three.locations,
    )
    assert drawn == [255 if c < 0 else c for c in three.classification.classes]
    assert dash_duo.driver.execute_script(f"{HOOK} return hook.setDataCalls;", ID.MAP) == 0

    # A village without a value is drawn in the no-data grey.
    empty = villages[[before[c] < 0 for c in villages["code"]]].sort_values("area", ascending=False).iloc[0]
    spot = empty.geometry.representative_point()
    assert dash_duo.driver.execute_script(MAP_STATE, ID.MAP, str(empty["code"]))["cls"] == 255
    assert _close(dash_duo.driver.execute_script(MAP_PIXEL, ID.MAP, spot.x, spot.y), NO_DATA_COLOUR)
    _finish_clean(dash_duo)
