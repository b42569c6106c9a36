"""A planner changes a weight, sees the list move on the table and the map, saves it, reopens it, exports it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import shapely
from selenium.webdriver.common.keys import Keys

from dashboard.config import Settings
from dashboard.core.aggregate import number_or_none
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page.figures import SCORE_COLOURS
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, MAP_PIXEL, MAP_STATE, accept_alert, click_map, until, wait_for_script

pytestmark = pytest.mark.browser

TOP_CODE = f"#{ID.LOKUS_GRID} .ag-row[row-index='0'] [col-id='code']"
# The villages outlined as the list on the map (the component's feature-state), sorted by code.
SELECTED_ON_MAP = (
    "const hook = window.__lokusMaps && window.__lokusMaps[arguments[0]]; if (!hook || !hook.ready) return null;"
    "const codes = [...new Set(hook.map.querySourceFeatures('villages').map(f => f.properties.code))];"
    "return codes.filter(c => { const s = hook.map.getFeatureState({source: 'villages', id: c});"
    " return s.selected || s.added; }).sort();"
)
# Rows of the whole grid (not only those drawn) whose notes say a flagged value was counted anyway.
FLAGGED_KEPT = (
    f"const api = dash_ag_grid.getApi('{ID.LOKUS_GRID}'); let n = 0;"
    "api.forEachNode(row => { if ((row.data.missing || '').includes('tetap dihitung')) n++; }); return n;"
)


def _top_code(dash_duo: Any) -> str:
    return str(dash_duo.find_element(TOP_CODE).text)


def _map_selection(dash_duo: Any) -> list[str]:
    return list(dash_duo.driver.execute_script(SELECTED_ON_MAP, ID.LOKUS_MAP) or [])


def _flagged_kept(dash_duo: Any) -> int:
    return int(dash_duo.driver.execute_script(FLAGGED_KEPT) or 0)


def _include_flagged(dash_duo: Any) -> bool:
    return bool(dash_duo.find_element(f"#{ID.LOKUS_INCLUDE_FLAGGED}").is_selected())


def _click(dash_duo: Any, element_id: str) -> None:
    """A button below the map and the grid (the scenario card sits under them since issue 16): scrolled to the
    middle of the screen and clicked by script, as the switch above: a loading overlay of the cards beside it may
    still cover it for a moment."""
    button = dash_duo.find_element(f"#{element_id}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button)


def _weight(dash_duo: Any, key: str) -> Any:
    return dash_duo.find_element(f"input[id*='lokus-weight'][id*='\"{key}\"']")


def test_jrn020_weight_save_reload_export(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path / "instance"))
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path}
    )
    dash_duo.driver.get(dash_duo.server_url + "/lokus")
    first_top = until(lambda: _top_code(dash_duo), "the ranking")
    first_selection = until(lambda: _map_selection(dash_duo), "the map highlight")
    assert len(first_selection) == 10 and first_top in first_selection
    # The demo district says it is fictional beside the heading, as on the main page.
    dash_duo.wait_for_text_to_equal(f"#{ID.LOKUS_DEMO_BADGE}", "data contoh (fiktif)", timeout=20)
    # The period's completeness beside the list; flagged values are left out by default.
    dash_duo.wait_for_text_to_equal(f"#{ID.LOKUS_COMPLETENESS}", "Data: 267 dari 272 desa melapor (98%)", timeout=20)
    assert not _include_flagged(dash_duo) and _flagged_kept(dash_duo) == 0

    # The number of stunted children no longer counts: the order and the highlighted villages change.
    weight = _weight(dash_duo, "jumlah_stunting")
    weight.send_keys(Keys.CONTROL, "a")
    weight.send_keys("0", Keys.ENTER)
    new_top = until(lambda: _top_code(dash_duo) != first_top and _top_code(dash_duo), "a new first village")
    new_selection = until(lambda: _map_selection(dash_duo) != first_selection and _map_selection(dash_duo), "map")
    assert new_top in new_selection

    # The planner takes the three flagged values back in: their rows say so, and the setting is saved.
    switch = dash_duo.find_element(f"#{ID.LOKUS_INCLUDE_FLAGGED}")
    # Clicked by script: Bootstrap's switch label covers its input; then back to the top of the page.
    dash_duo.driver.execute_script("arguments[0].click(); window.scrollTo(0, 0);", switch)
    until(lambda: _flagged_kept(dash_duo) == 3, "the flagged values counted")
    until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "the ranking")
    new_top = _top_code(dash_duo)
    new_selection = until(lambda: new_top in _map_selection(dash_duo) and _map_selection(dash_duo), "the list")

    dash_duo.find_element(f"#{ID.LOKUS_SCENARIO_NAME}").send_keys("Tanpa jumlah stunting")
    _click(dash_duo, ID.LOKUS_SAVE)
    dash_duo.wait_for_contains_text(f"#{ID.LOKUS_SCENARIO_INFO}", "Tanpa jumlah stunting", timeout=20)

    # Reload: the page reopens on the planner's work, kept on the server (issue 16); the saved scenario is still
    # there and reopens as it was.
    dash_duo.driver.refresh()
    until(lambda: _top_code(dash_duo) == new_top, "the kept ranking after reload")
    assert _include_flagged(dash_duo)
    dropdown = dash_duo.find_element(f"#{ID.LOKUS_SCENARIOS}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", dropdown)
    dash_duo.select_dcc_dropdown(f"#{ID.LOKUS_SCENARIOS}", index=0)
    _click(dash_duo, ID.LOKUS_OPEN)
    dash_duo.wait_for_contains_text(f"#{ID.LOKUS_SCENARIO_INFO}", "Tanpa jumlah stunting", timeout=20)
    until(lambda: _top_code(dash_duo) == new_top, "the saved ranking")
    until(lambda: _map_selection(dash_duo) == new_selection, "the saved selection on the map")
    assert _weight(dash_duo, "jumlah_stunting").get_attribute("value") == "0"
    assert _include_flagged(dash_duo) and _flagged_kept(dash_duo) == 3

    _click(dash_duo, ID.LOKUS_EXPORT_CSV)
    folder = Path(dash_duo.download_path)
    exported = until(lambda: [p for p in folder.glob("*.csv") if p.stat().st_size > 0], "the CSV download")
    annex = pd.read_csv(exported[0], sep=";", dtype=str, encoding="utf-8-sig")
    assert sorted(annex["Kode wilayah"].tolist()) == new_selection
    # The demo's file says its data is fictional, in its name and on every row.
    assert "data_contoh_fiktif" in exported[0].name and (annex["Keterangan"] == "data contoh (fiktif)").all()

    # Marked final (after a confirmation), the list is read-only; a duplicate can be changed again.
    _click(dash_duo, ID.LOKUS_FINALISE)
    until(lambda: accept_alert(dash_duo), "the confirmation before finalising")
    dash_duo.wait_for_contains_text(f"#{ID.LOKUS_SCENARIO_INFO}", "daftar final 2025", timeout=20)
    until(lambda: dash_duo.find_element(f"#{ID.LOKUS_UPDATE}").get_attribute("disabled"), "a read-only final list")
    until(lambda: dash_duo.find_element(f"#{ID.LOKUS_EDITABLE}").get_attribute("disabled"), "every control disabled")
    _click(dash_duo, ID.LOKUS_DUPLICATE)
    dash_duo.wait_for_contains_text(f"#{ID.LOKUS_SCENARIO_INFO}", "(salinan)", timeout=20)
    until(lambda: not dash_duo.find_element(f"#{ID.LOKUS_UPDATE}").get_attribute("disabled"), "an editable copy")
    until(lambda: _map_selection(dash_duo) == new_selection, "the copy's list on the map")
    until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "callbacks done")
    assert dash_duo.get_logs() == []


def _close(actual: list[int], colour: str, tolerance: int = 3) -> bool:
    expected = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= tolerance for a, b in zip(actual, expected, strict=True))


def test_jrn021_clicking_a_village_chooses_it_and_adding_it_recolours_it(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    start_signed_in(dash_duo, settings, role="perencana", areas=("99.01",), next_path="/lokus")
    dash_duo.wait_for_element(f'#{ID.LOKUS_MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, ID.LOKUS_MAP)
    until(lambda: _top_code(dash_duo), "the ranking")
    # The biggest village outside the list, drawn in its band of the weighted score.
    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        state = lokus_page.default_state(services)
        table = lokus_page.compute(services, state, "id").table.set_index("code")
        villages = services.source.villages(DEMO_DISTRICT_CODE)
    outside = villages[villages["code"].isin(table.index[(table["status"] == "") & table["skor"].notna()])]
    village = outside.assign(area=shapely.area(outside.geometry.values)).sort_values("area").iloc[-1]
    code, point = str(village["code"]), village.geometry.representative_point()
    band = min(int(number_or_none(table.at[code, "skor"]) or 0) // 20, 4)
    assert dash_duo.driver.execute_script(MAP_STATE, ID.LOKUS_MAP, code)["cls"] == band
    before = dash_duo.driver.execute_script(MAP_PIXEL, ID.LOKUS_MAP, point.x, point.y)
    assert _close(before, SCORE_COLOURS[band])

    # A click on the map chooses the village's row in the grid, as a click on the row does ...
    click_map(dash_duo, ID.LOKUS_MAP, point.x, point.y)
    chosen = f"return dash_ag_grid.getApi('{ID.LOKUS_GRID}').getSelectedRows().map(r => r.code);"
    until(lambda: dash_duo.driver.execute_script(chosen) == [code], "the clicked village chosen in the grid")
    # ... so adding it by hand, with a reason, puts it in the list: purple and hatched on the map.
    dash_duo.find_element(f"#{ID.LOKUS_REASON}").send_keys("permintaan camat")
    # Clicked by script: after the grid scrolled to the row, the page's sticky parts may lie over the button.
    dash_duo.driver.execute_script("arguments[0].click();", dash_duo.find_element(f"#{ID.LOKUS_ADD}"))
    added = "return window.__lokusMaps[arguments[0]].map.getFeatureState({source: 'villages', id: arguments[1]});"
    until(lambda: dash_duo.driver.execute_script(added, ID.LOKUS_MAP, code).get("added"), "the village added")
    assert dash_duo.driver.execute_script(MAP_STATE, ID.LOKUS_MAP, code)["cls"] == 6
    after = until(lambda: (p := dash_duo.driver.execute_script(MAP_PIXEL, ID.LOKUS_MAP, point.x, point.y)) != before
                   and p, "the village's new colour")  # fmt: skip
    assert not _close(after, SCORE_COLOURS[band], 12)
    assert code in _map_selection(dash_duo)
    assert "ditambahkan manual" in dash_duo.find_element(f"#{ID.LOKUS_LEGEND}").text
    assert dash_duo.driver.execute_script("return window.__lokusMaps[arguments[0]].setDataCalls;", ID.LOKUS_MAP) == 0
    until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "callbacks done")
    assert dash_duo.get_logs() == []
