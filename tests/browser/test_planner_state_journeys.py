"""A planner's work on /lokus survives a language switch, a visit to another page and another browser session,
warns while it is not saved as a scenario, and goes back to the defaults on request (issue 16, point 5)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.keys import Keys

from dashboard.config import Settings
from dashboard.ids import ID
from tests.auth_helpers import sign_in_browser, start_signed_in
from tests.browser_helpers import accept_alert, until

pytestmark = pytest.mark.browser

TOP_CODE = f"#{ID.LOKUS_GRID} .ag-row[row-index='0'] [col-id='code']"
WEIGHT = "input[id*='lokus-weight'][id*='\"jumlah_stunting\"']"  # the weight of the number of stunted children
NAME = "perencana.kabupaten"
# Whether leaving the page now would ask first: a cancelable beforeunload that assets/unsaved.js cancels.
LEAVE_WARNS = (
    "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"
)
_until = functools.partial(until, timeout=60)  # a new browser session restores the page from the database


def _weight(dash_duo: Any) -> str:
    return str(dash_duo.find_element(WEIGHT).get_attribute("value"))


def _top(dash_duo: Any) -> str:
    return str(dash_duo.find_element(TOP_CODE).text)


def _unsaved(dash_duo: Any) -> str:
    return str(dash_duo.find_element(f"#{ID.LOKUS_UNSAVED}").get_attribute("data-unsaved"))


def _idle(dash_duo: Any) -> None:
    _until(lambda: not dash_duo.driver.find_elements("css selector", "[data-dash-is-loading='true']"), "callbacks")


def _language(dash_duo: Any, lang: str) -> None:
    label = dash_duo.find_element(f"#{ID.LANGUAGE} label[for='_dbcprivate_radioitems_{ID.LANGUAGE}_input_{lang}']")
    dash_duo.driver.execute_script("window.scrollTo(0, 0); arguments[0].click();", label)


def _kept(dash_duo: Any, weight: str, top: str, what: str) -> None:
    try:
        _until(lambda: _weight(dash_duo) == weight and _top(dash_duo) == top, what)
    except AssertionError:
        found = dash_duo.driver.execute_script(
            "const w = document.querySelector(arguments[0]), t = document.querySelector(arguments[1]);"
            "return [w && w.value, t && t.textContent];",
            WEIGHT,
            TOP_CODE,
        )
        raise AssertionError(f"{what}: weight and first village are {found}, expected {[weight, top]}") from None


def test_pst100_weight_survives_language_pages_and_a_new_session_then_resets(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path / "instance"), role="perencana", areas=("99.01",),
                    name=NAME, next_path="/lokus")  # fmt: skip
    default_top = _until(lambda: _top(dash_duo), "the ranking")
    default_weight = _weight(dash_duo)
    assert default_weight != "0"
    _idle(dash_duo)
    assert _unsaved(dash_duo) == "0" and not dash_duo.driver.execute_script(LEAVE_WARNS)

    # The number of stunted children no longer counts: a new first village, and the page says it is not saved.
    field = dash_duo.find_element(WEIGHT)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("0", Keys.ENTER)
    top = _until(lambda: _top(dash_duo) != default_top and _top(dash_duo), "a new first village")
    _until(lambda: _unsaved(dash_duo) == "1", "the unsaved note")
    _until(lambda: "belum disimpan" in dash_duo.find_element(f"#{ID.LOKUS_UNSAVED}").text, "the note's text")
    assert dash_duo.driver.execute_script(LEAVE_WARNS)  # closing the tab would ask first
    _idle(dash_duo)

    # English and back: the router renders the page again, from the kept state.
    _language(dash_duo, "en")
    _until(lambda: dash_duo.find_element(f"#{ID.LOKUS_RESET}").text == "Reset to defaults", "the English page")
    _kept(dash_duo, "0", top, "the weight after switching to English")
    _until(lambda: "not saved" in dash_duo.find_element(f"#{ID.LOKUS_UNSAVED}").text, "the note in English")
    _language(dash_duo, "id")
    _until(lambda: dash_duo.find_element(f"#{ID.LOKUS_RESET}").text == "Kembalikan ke bawaan", "the Indonesian page")
    _kept(dash_duo, "0", top, "the weight after switching back to Indonesian")

    # To the main map and back through the navigation bar.
    dash_duo.driver.execute_script("window.scrollTo(0, 0);")
    dash_duo.find_element(f"#{ID.NAV} a[href='/']").click()
    _until(lambda: not dash_duo.driver.find_elements("css selector", f"#{ID.LOKUS_GRID}"), "the main page")
    dash_duo.find_element(f"#{ID.NAV} a[href='/lokus']").click()
    _kept(dash_duo, "0", top, "the weight after visiting the main page")
    _idle(dash_duo)

    # Another browser session: no cookie, no storage; the same user signs in again and finds the same work.
    dash_duo.driver.execute_script("window.sessionStorage.clear(); window.localStorage.clear();")
    dash_duo.driver.delete_all_cookies()
    sign_in_browser(dash_duo, NAME, next_path="/lokus")
    accept_alert(dash_duo)  # a leave warning, if the driver did not answer it itself
    _kept(dash_duo, "0", top, "the weight in a new session")
    _until(lambda: _unsaved(dash_duo) == "1", "the unsaved note in the new session")

    # Reset to defaults, after a confirmation: the default weight and list again, nothing left unsaved.
    # Clicked by script: on a small window the button sits under the page's sticky parts.
    dash_duo.driver.execute_script("arguments[0].click();", dash_duo.find_element(f"#{ID.LOKUS_RESET}"))
    _until(lambda: accept_alert(dash_duo), "the confirmation before resetting")
    _kept(dash_duo, default_weight, default_top, "the defaults")
    _until(lambda: _unsaved(dash_duo) == "0", "no unsaved note after the reset")
    assert "dikembalikan ke bawaan" in dash_duo.find_element(f"#{ID.LOKUS_ADJUST_INFO}").text
    _idle(dash_duo)
    dash_duo.driver.refresh()
    _kept(dash_duo, default_weight, default_top, "the defaults kept after a reload")
    assert dash_duo.get_logs() == []
