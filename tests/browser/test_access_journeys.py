"""Roles in the browser: the public sees no controls; a planner imports and drafts; leadership reads the draft
but cannot save; an administrator finalises; the planner cannot change the final, and its export is the stored
list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.ids import ID
from tests.auth_helpers import add_user, sign_in_browser
from tests.browser_helpers import accept_alert, until
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

pytestmark = pytest.mark.browser


def _press(dash_duo: Any, element_id: str) -> None:
    """A /lokus button under the map and the grid (since issue 16): brought to the middle of the screen and pressed
    by script, since the loading overlay of the cards beside it may still cover it for a moment."""
    button = dash_duo.find_element(f"#{element_id}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button)


def _text(dash_duo: Any, selector: str) -> str:
    return str(dash_duo.driver.execute_script("const e = document.querySelector(arguments[0]); "
                                              "return e ? e.textContent : '';", selector))  # fmt: skip


def _sign_out(dash_duo: Any) -> None:
    # Pressed by script: from far down /lokus the smooth scroll up to the navbar outlasts Selenium's own scroll.
    dash_duo.driver.execute_script("arguments[0].click();", dash_duo.find_element(f"#{ID.LOGOUT}"))
    dash_duo.wait_for_element("#username", timeout=20)


def _open_first_scenario(dash_duo: Any, name: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + "/lokus")
    until(lambda: _text(dash_duo, f"#{ID.LOKUS_GRID} .ag-row[row-index='0'] [col-id='code']"), "the ranking")
    dropdown = dash_duo.find_element(f"#{ID.LOKUS_SCENARIOS}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", dropdown)
    until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "the page")
    dash_duo.select_dcc_dropdown(f"#{ID.LOKUS_SCENARIOS}", index=0)
    _press(dash_duo, ID.LOKUS_OPEN)
    until(lambda: name in _text(dash_duo, f"#{ID.LOKUS_SCENARIO_INFO}"), f"'{name}' opened")


def test_jrn040_roles_from_the_public_to_the_final_list(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "rina", "perencana", (DISTRICT,))
    add_user(settings, "bupati", "pimpinan", (DISTRICT,))
    add_user(settings, "admin", "admin")
    boundaries = write(villages_frame(), tmp_path, "geojson", name="desa_uji")
    table = tmp_path / "stunting_uji.csv"
    rows = [f"{c},2025-08,stunting,{i + 1},{20 + i}" for i, c in enumerate(village_codes())]
    table.write_text("kode_wilayah,periode,indikator,pembilang,penyebut\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path}
    )
    dash_duo.start_server(app)

    # The public: a sign-in prompt where the data and lokus pages would be, and not one of their controls.
    for path in ("/data", "/lokus", "/"):
        dash_duo.driver.get(dash_duo.server_url + path)
        dash_duo.wait_for_element(f"#{ID.LOGIN_LINK}", timeout=20)
        for control in (ID.UPLOAD, ID.COMMIT, ID.LOKUS_SAVE, ID.LOKUS_GRID, ID.MAP):
            assert dash_duo.driver.find_elements("css selector", f"#{control}") == []

    # A planner signs in, imports boundaries and figures, and saves a draft list of that district.
    sign_in_browser(dash_duo, "rina", next_path="/data")
    for path in (boundaries, table):
        dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(path))
        until(lambda p=path: p.name in _text(dash_duo, f"#{ID.UPLOAD_INFO}"), f"{path.name} received")
        dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
        until(lambda: "File siap diimpor" in _text(dash_duo, f"#{ID.REPORT}"), "the check")
        dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
        until(lambda: "Impor berhasil" in _text(dash_duo, f"#{ID.RESULT}"), "the import")
    assert list((settings.data_dir / "uploads").iterdir()) == []  # committed uploads are deleted
    dash_duo.driver.get(dash_duo.server_url + "/lokus")
    until(lambda: _text(dash_duo, f"#{ID.LOKUS_GRID} .ag-row[row-index='0'] [col-id='code']"), "the ranking")
    dash_duo.find_element(f"#{ID.LOKUS_SCENARIO_NAME}").send_keys("Draf Rina")
    _press(dash_duo, ID.LOKUS_SAVE)
    until(lambda: "Draf Rina" in _text(dash_duo, f"#{ID.LOKUS_SCENARIO_INFO}"), "the draft saved")
    _sign_out(dash_duo)

    # Leadership sees the draft but cannot save anything.
    sign_in_browser(dash_duo, "bupati", next_path="/lokus")
    _open_first_scenario(dash_duo, "Draf Rina")
    for button in (ID.LOKUS_SAVE, ID.LOKUS_DUPLICATE, ID.LOKUS_FINALISE, ID.LOKUS_DELETE):
        until(lambda b=button: dash_duo.find_element(f"#{b}").get_attribute("disabled"), f"{button} disabled")
    # Pressed anyway from the page's own script (as an attacker would): the server refuses.
    dash_duo.find_element(f"#{ID.LOKUS_SCENARIO_NAME}").send_keys(" (pimpinan)")
    dash_duo.driver.execute_script("window.dash_clientside.set_props(arguments[0], {n_clicks: 1})", ID.LOKUS_SAVE)
    until(lambda: "tidak dapat" in _text(dash_duo, f"#{ID.LOKUS_SCENARIO_INFO}"), "the refusal")
    assert dash_duo.driver.find_elements("css selector", "a[href='/data']") == []  # no data page in the menu
    _sign_out(dash_duo)

    # An administrator finalises it, after a confirmation.
    sign_in_browser(dash_duo, "admin", next_path="/lokus")
    _open_first_scenario(dash_duo, "Draf Rina")
    _press(dash_duo, ID.LOKUS_FINALISE)
    until(lambda: accept_alert(dash_duo), "the confirmation")
    until(lambda: "final" in _text(dash_duo, f"#{ID.LOKUS_SCENARIO_INFO}"), "the list marked final")
    _sign_out(dash_duo)

    # The planner opens the final: every control is disabled; forcing the button anyway changes nothing.
    sign_in_browser(dash_duo, "rina", next_path="/lokus")
    _open_first_scenario(dash_duo, "Draf Rina")
    until(lambda: dash_duo.find_element(f"#{ID.LOKUS_EDITABLE}").get_attribute("disabled"), "read-only controls")
    with Store.open(settings=settings) as store:
        [final] = store.scenarios(DISTRICT)
    # As an attacker would: press the disabled "save changes" from the page's own script.
    dash_duo.driver.execute_script("window.dash_clientside.set_props(arguments[0], {n_clicks: 99})", ID.LOKUS_UPDATE)
    until(
        lambda: "sudah final dan tidak dapat diubah" in _text(dash_duo, f"#{ID.LOKUS_SCENARIO_INFO}"),
        "the refusal of a change",
    )
    with Store.open(settings=settings) as store:
        [after] = store.scenarios(DISTRICT)
    assert after == final
    _press(dash_duo, ID.LOKUS_EXPORT_CSV)
    folder = Path(dash_duo.download_path)
    exported = until(lambda: [p for p in folder.glob("*.csv") if p.stat().st_size > 0], "the CSV download")
    annex = pd.read_csv(exported[0], sep=";", dtype=str, encoding="utf-8-sig")
    assert annex["Kode wilayah"].tolist() == [v.code for v in final.villages]
    until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "callbacks done")
    assert dash_duo.get_logs() == []
