"""A planner drills from the district to a kecamatan to a village on /kesenjangan and reads its profile; a leader
reads the like-for-like change against a year earlier."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import shapely
from selenium.webdriver.support.select import Select

from dashboard.config import Settings
from dashboard.core.aggregate import village_table
from dashboard.core.gaps import BIVARIATE_PALETTE, bivariate_classes, coverage_gaps
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.views.gaps_page.figures import NO_DATA_COLOUR
from dashboard.views.gaps_page.model import coverage_keys
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, MAP_PIXEL, MAP_STATE, click_map, wait_for_script
from tests.store.helpers import indicator_batch

pytestmark = pytest.mark.browser

READY = f'#{ID.GAPS_MAP}[data-ready="true"]'
FEATURES = (  # the villages the map holds
    "const hook = window.__lokusMaps[arguments[0]];"
    "return new Set(hook.map.querySourceFeatures('villages').map(f => f.properties.code)).size;"
)
CLASS_IS = (  # a village's class byte (feature-state) is arguments[2]
    "const s = window.__lokusMaps[arguments[0]].map.getFeatureState({source: 'villages', id: arguments[1]});"
    "return s.cls === arguments[2];"
)
OUTSIDE = 5  # the gap view's five bands, then "outside the kecamatan"


def _close(actual: list[int], colour: str) -> bool:
    expected = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= 3 for a, b in zip(actual, expected, strict=True))


def _ready(dash_duo: Any) -> None:
    dash_duo.wait_for_element(READY, timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, ID.GAPS_MAP)


def test_jrn030_district_to_kecamatan_to_village_profile(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    source = DemoSource(settings.geodata_dir)
    villages = source.villages(DEMO_DISTRICT_CODE)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/kesenjangan")
    _ready(dash_duo)
    assert dash_duo.driver.execute_script(FEATURES, ID.GAPS_MAP) == len(villages)
    dash_duo.wait_for_contains_text(f"#{ID.GAPS_SCOPE}", f"Kabupaten/kota ({len(villages)} desa)")

    # Down to a kecamatan: the map, the scope figures and the breadcrumb follow.
    kecamatan = villages.sort_values("kecamatan_code").iloc[0]
    inside = villages[villages["kecamatan_code"] == kecamatan["kecamatan_code"]]
    dash_duo.select_dcc_dropdown(f"#{ID.GAPS_KECAMATAN}", value=str(kecamatan["kecamatan_name"]))
    dash_duo.wait_for_contains_text(f"#{ID.GAPS_CRUMBS}", f"Kec. {kecamatan['kecamatan_name']}", timeout=20)
    dash_duo.wait_for_contains_text(f"#{ID.GAPS_SCOPE}", f"Kecamatan ({len(inside)} desa)", timeout=20)
    other = str(villages[villages["kecamatan_code"] != kecamatan["kecamatan_code"]].iloc[0]["code"])
    wait_for_script(dash_duo, CLASS_IS, ID.GAPS_MAP, other, OUTSIDE)  # the rest of the district: "outside"
    time.sleep(1.0)  # the map fits the kecamatan

    # Down to a village by clicking it on the map: its profile opens.
    village = inside.iloc[len(inside) // 2]
    point = village.geometry.representative_point()
    click_map(dash_duo, ID.GAPS_MAP, point.x, point.y)
    dash_duo.wait_for_text_to_equal(f"#{ID.GAPS_PROFILE_NAME}", str(village["name"]), timeout=20)
    profile = dash_duo.find_element(f"#{ID.GAPS_PROFILE}").text
    assert "Prevalensi stunting" in profile and "Kecamatan" in profile and "IK 95%" in profile
    assert dash_duo.find_element(f"#{ID.GAPS_PROFILE_LOKUS}").text == "Belum masuk skenario lokus mana pun."
    assert str(village["name"]) in dash_duo.find_element(f"#{ID.GAPS_CRUMBS}").text

    # Back up to the district through the breadcrumb.
    dash_duo.find_element(f"#{ID.GAPS_CRUMB_DISTRICT}").click()
    dash_duo.wait_for_contains_text(f"#{ID.GAPS_SCOPE}", f"Kabupaten/kota ({len(villages)} desa)", timeout=20)
    back = "const s = window.__lokusMaps[arguments[0]].map.getFeatureState({source: 'villages', id: arguments[1]});"
    wait_for_script(dash_duo, back + "return s.cls !== arguments[2];", ID.GAPS_MAP, other, OUTSIDE)
    assert dash_duo.driver.execute_script("return window.__lokusMaps[arguments[0]].setDataCalls;", ID.GAPS_MAP) == 0
    assert dash_duo.get_logs() == []


def test_jrn031_change_view_compares_like_for_like_with_a_year_earlier(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/kesenjangan")
    _ready(dash_duo)
    # The demo's 2025-08 has 267 of 272 villages: complete enough to open on, and said beside the figures.
    dash_duo.wait_for_contains_text(
        f"#{ID.GAPS_COMPLETENESS}", "267 dari 272 desa melapor (Prevalensi stunting, Agustus 2025)", timeout=20
    )
    assert dash_duo.find_element(f"#{ID.GAPS_DEMO_BADGE}").text == "data contoh (fiktif)"  # the demo says so here too
    Select(dash_duo.find_element(f"#{ID.GAPS_VIEW}")).select_by_value("change")

    # By default against the same month a year earlier, over the villages reporting in both.
    summary = f"#{ID.GAPS_CHANGE_SUMMARY}"
    # 267 villages report in both; the demo's 3 flagged values are left out of the change, and it says so.
    dash_duo.wait_for_contains_text(summary, "Dibandingkan: 264 desa yang melapor di kedua periode", timeout=20)
    assert "tanpa 3 desa yang nilainya ditandai" in dash_duo.find_element(summary).text
    assert "272 melapor di Agustus 2024, 267 di Agustus 2025" in dash_duo.find_element(summary).text
    legend = dash_duo.find_element(f"#{ID.GAPS_CHANGE_LEGEND} .change-class-no_value").text
    assert "Tidak ada nilai di salah satu periode" in legend and "5 desa" in legend

    # The comparison stays selectable.
    dash_duo.select_dcc_dropdown(f"#{ID.GAPS_BEFORE}", value="Februari 2025")  # matched on the label
    dash_duo.wait_for_contains_text(summary, "272 melapor di Februari 2025, 267 di Agustus 2025", timeout=20)
    assert dash_duo.get_logs() == []


MATRIX_TICKS = "return Array.from(document.querySelectorAll(arguments[0] + ' .ytick text')).map(e => e.textContent);"


def test_jrn032_a_later_month_of_3_villages_is_listed_first_and_draws_without_console_errors(
    dash_duo: Any, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(Path(__file__).resolve().parents[2] / "geodata")
        observations = store.observations(DEMO_DISTRICT_CODE)
        codes = sorted(observations["code"].unique())[:3]
        # The same counts as in August: a month nothing questions, only incomplete.
        august = observations[(observations["indicator"] == "stunting") & (observations["period"] == "2025-08")]
        rows = [(code, "2025-09", "stunting", int(k), int(n))
                for code, k, n in august[august["code"].isin(codes)][["code", "numerator", "denominator"]].itertuples(
                    index=False)]  # fmt: skip
        store.commit_indicators(indicator_batch(rows))
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/kesenjangan")
    _ready(dash_duo)
    matrix = f"#{ID.GAPS_MATRIX} .js-plotly-plot"
    dash_duo.wait_for_element(matrix, timeout=20)
    wait_for_script(dash_duo, "return document.querySelectorAll(arguments[0] + ' .ytick text').length > 0;", matrix)
    # The matrix's text reads as its caption says: highest prevalence first, villages without a value last.
    ticks = dash_duo.driver.execute_script(MATRIX_TICKS, matrix)
    empty = [i for i, tick in enumerate(ticks) if "(—%)" in tick]
    assert empty and empty == list(range(len(ticks) - len(empty), len(ticks))), ticks[:3]

    # Latest first, as on / and /lokus; the page still opens on the complete month.
    dash_duo.find_element(f"#{ID.GAPS_PERIOD}").click()
    options = dash_duo.wait_for_element(".dash-dropdown-options", timeout=10).text.split("\n")
    assert options[:2] == ["September 2025 — belum lengkap: 3 dari 272 desa", "Agustus 2025"], options
    dash_duo.find_elements(".dash-dropdown-option")[0].click()
    dash_duo.wait_for_contains_text(f"#{ID.GAPS_COMPLETENESS}", "3 dari 272 desa melapor", timeout=20)
    wait_for_script(dash_duo, MAP_DRAWN, ID.GAPS_MAP)
    Select(dash_duo.find_element(f"#{ID.GAPS_VIEW}")).select_by_value("change")
    dash_duo.wait_for_contains_text(
        f"#{ID.GAPS_CHANGE_SUMMARY}", "Dibandingkan: 3 desa yang melapor di kedua periode", timeout=20
    )
    wait_for_script(dash_duo, MAP_DRAWN, ID.GAPS_MAP)
    time.sleep(0.5)
    # No "<rect> attribute height: Expected length, NaN" from the gap map's colour bar.
    assert dash_duo.get_logs() == []


def test_jrn033_bivariate_map_draws_burden_and_coverage_in_the_palette_no_data_grey(
    dash_duo: Any, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    source = DemoSource(settings.geodata_dir)
    villages = source.villages(DEMO_DISTRICT_CODE)
    observations = source.observations(DEMO_DISTRICT_CODE)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/kesenjangan")
    _ready(dash_duo)
    Select(dash_duo.find_element(f"#{ID.GAPS_VIEW}")).select_by_value("bivariate")
    dash_duo.wait_for_element(f"#{ID.GAPS_BIVARIATE_LEGEND}", timeout=20)
    # Each village's cell from its prevalence and the first service's coverage (the page's default), tertiles each.
    codes = villages["code"].astype(str)
    service = coverage_keys(observations)[0]
    gaps = coverage_gaps(observations, "2025-08")
    coverage = gaps[gaps["indicator"] == service].set_index("code")["coverage"].reindex(codes)
    burden = village_table(observations, "stunting", "2025-08")["rate"].reindex(codes)
    cells = bivariate_classes(burden, coverage).reindex(codes)["cell"]
    areas = villages.assign(area=shapely.area(villages.geometry.values), cell=cells.to_numpy())
    known = areas[areas["cell"] == "2-0"].sort_values("area").iloc[-1]  # high burden, low coverage: the worst cell
    empty = areas[areas["cell"].isna()].sort_values("area").iloc[-1]
    wait_for_script(dash_duo, CLASS_IS, ID.GAPS_MAP, str(known["code"]), 2 * 3 + 0)  # y (burden) * 3 + x (coverage)
    time.sleep(0.5)  # the recolour drawn
    spot = known.geometry.representative_point()
    assert _close(dash_duo.driver.execute_script(MAP_PIXEL, ID.GAPS_MAP, spot.x, spot.y), BIVARIATE_PALETTE["2-0"])
    assert dash_duo.driver.execute_script(MAP_STATE, ID.GAPS_MAP, str(empty["code"]))["cls"] == 255
    spot = empty.geometry.representative_point()
    assert _close(dash_duo.driver.execute_script(MAP_PIXEL, ID.GAPS_MAP, spot.x, spot.y), NO_DATA_COLOUR)

    # A click on the village drills down to it: its profile, and its kecamatan on the map.
    point = known.geometry.representative_point()
    click_map(dash_duo, ID.GAPS_MAP, point.x, point.y)
    dash_duo.wait_for_text_to_equal(f"#{ID.GAPS_PROFILE_NAME}", str(known["name"]), timeout=20)
    assert str(known["name"]) in dash_duo.find_element(f"#{ID.GAPS_CRUMBS}").text
    assert dash_duo.driver.execute_script("return window.__lokusMaps[arguments[0]].setDataCalls;", ID.GAPS_MAP) == 0
    assert dash_duo.get_logs() == []
