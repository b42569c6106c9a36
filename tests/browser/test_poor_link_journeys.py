"""Poor links (issue 14, point 6), in headless Chromium: the main page fetches no grid library, a slow answer shows
a spinner, and no "no data" is said before the data has arrived."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.i18n import t
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, external_requests, failed_requests, requested_urls, wait_for_script

pytestmark = pytest.mark.browser

MAP = f"#{ID.MAP}"
SPINNER = ".lokus-spinner .dash-spinner"
GRID_ROW = f"#{ID.LOKUS_GRID} .ag-row"


def _slow(dash_duo: Any, latency_ms: int) -> None:
    """Every request from now on waits ``latency_ms`` (DevTools throttling, as a poor link)."""
    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    dash_duo.driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1},
    )


def _start(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path / "instance"), role="pimpinan", areas=("99.01",))
    dash_duo.wait_for_element(f'{MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, ID.MAP, timeout=30)


def test_jrn060_main_page_without_grid_library_lokus_page_loads_it(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    assert not [url for url in requested_urls(dash_duo) if "dash_ag_grid" in url]
    # Nor plotly.js (1.4 MB compressed): the map is LokusMap's; plotly waits for a village profile's trend chart.
    assert not [url for url in requested_urls(dash_duo) if "plotly.min.js" in url or "async-graph" in url]
    assert dash_duo.driver.execute_script("return typeof window.dash_ag_grid") == "undefined"
    # A move inside the app (no new page): the router waits for the grid library, then draws the grid.
    dash_duo.find_element(f"#{ID.NAV} a[href='/lokus']").click()
    dash_duo.wait_for_element(GRID_ROW, timeout=30)
    assert dash_duo.driver.execute_script("return typeof window.dash_ag_grid") == "object"
    assert dash_duo.get_logs() == []
    assert failed_requests(dash_duo) == [] and external_requests(dash_duo) == []


def test_jrn061_slow_answers_show_a_spinner_never_a_premature_no_data(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    legend = dash_duo.find_element(f"#{ID.LEGEND}").text
    _slow(dash_duo, 1500)
    dash_duo.select_dcc_dropdown(f"#{ID.INDICATOR}", value="Vitamin A (6-59 bulan)")
    # The recolour waits at least 1.5 s: its outputs show the spinner, the old map stays (dimmed) meanwhile.
    dash_duo.wait_for_element(f"{SPINNER}", timeout=5)
    assert dash_duo.find_element(MAP).is_displayed()
    wait_for_script(dash_duo, "return document.querySelector(arguments[0]).innerText !== arguments[1]",
                    f"#{ID.LEGEND}", legend, timeout=30)  # fmt: skip
    wait_for_script(dash_duo, "return document.querySelectorAll(arguments[0]).length === 0", SPINNER, timeout=10)

    # The lokus page on the slow link: a spinner while the ranking is on its way, never "no data" before it.
    no_data = t("lokus.no_data", "id")
    dash_duo.find_element(f"#{ID.NAV} a[href='/lokus']").click()
    deadline, seen_spinner = time.time() + 60, False
    while not dash_duo.driver.find_elements("css selector", GRID_ROW):
        assert time.time() < deadline, "the ranking never arrived"
        assert no_data not in dash_duo.driver.find_element("css selector", f"#{ID.PAGE}").text
        seen_spinner = seen_spinner or bool(dash_duo.driver.find_elements("css selector", SPINNER))
        time.sleep(0.1)
    assert seen_spinner
    assert dash_duo.get_logs() == []
