"""The frame around every page on a phone (390×844) and a laptop (1280×720): the navbar, the document's language and
title, no sideways scroll; the main page's heading follows the district (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, click_map, wait_for_script
from tests.store.helpers import villages_frame, write

pytestmark = pytest.mark.browser

PHONE = (390, 844)
LAPTOP = (1280, 720)
SIDEWAYS = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
NAV_HEIGHT = "return document.querySelector('nav.navbar').getBoundingClientRect().height;"


def _size(dash_duo: Any, size: tuple[int, int]) -> None:
    """The window at ``size``, its viewport checked (headless Chromium sizes the window, not the page)."""
    dash_duo.driver.set_window_size(*size)
    wait_for_script(dash_duo, "return window.innerWidth <= arguments[0];", size[0])


def _open(dash_duo: Any, path: str, ready: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element(ready, timeout=30)


def test_shl001_phone_navbar_is_one_line_and_opens_behind_the_hamburger(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path), role="admin")
    _size(dash_duo, PHONE)
    _open(dash_duo, "/data", f"#{ID.UPLOAD}")
    height = dash_duo.driver.execute_script(NAV_HEIGHT)
    assert height <= 60, f"the phone's navbar is {height} px tall"
    assert not dash_duo.find_element(f"#{ID.LANGUAGE}").is_displayed()  # folded away with the links
    dash_duo.find_element(f"#{ID.NAV_TOGGLE}").click()
    # Opened and done moving: Bootstrap's collapse clips its content while it unfolds (CI saw the name mid-way).
    wait_for_script(dash_duo, "const c = document.getElementById(arguments[0]); return c.classList.contains('show')"
                    " && !c.classList.contains('collapsing');", ID.NAV_COLLAPSE)  # fmt: skip
    wait_for_script(dash_duo, "return document.querySelector(arguments[0]).offsetHeight > 0;", f"#{ID.LANGUAGE}")
    links = [a.text for a in dash_duo.driver.find_elements("css selector", f"#{ID.NAV} a.nav-link")]
    assert "Peta" in links and "Data" in links
    assert dash_duo.find_element(f"#{ID.ACCOUNT} .account-name").is_displayed()
    # A move to another page folds the menu again: the phone shows the page, not the menu.
    dash_duo.driver.find_element("css selector", f"#{ID.NAV} a[href='/wilayah']").click()
    wait_for_script(dash_duo, "return document.querySelector('nav.navbar').getBoundingClientRect().height <= 60;")
    # On a laptop the links stand in the bar itself, one line.
    _size(dash_duo, LAPTOP)
    wait_for_script(dash_duo, "return document.querySelector('nav.navbar').getBoundingClientRect().height <= 60;")
    assert dash_duo.find_element(f"#{ID.LANGUAGE}").is_displayed()
    assert not dash_duo.find_element(f"#{ID.NAV_TOGGLE}").is_displayed()
    assert dash_duo.get_logs() == []


def test_shl002_lang_and_tab_title_follow_the_language_and_page(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path), role="admin", next_path="/data")
    dash_duo.wait_for_element(f"#{ID.UPLOAD}", timeout=30)
    wait_for_script(dash_duo, "return document.title === arguments[0];", "Data — Lokus")
    assert dash_duo.driver.execute_script("return document.documentElement.lang;") == "id"
    dash_duo.find_element(f"#{ID.LANGUAGE} label[for='_dbcprivate_radioitems_{ID.LANGUAGE}_input_en']").click()
    wait_for_script(dash_duo, "return document.documentElement.lang === 'en';")
    dash_duo.driver.find_element("css selector", f"#{ID.NAV} a[href='/']").click()
    wait_for_script(dash_duo, "return document.title === arguments[0];", "Map — Lokus")
    assert dash_duo.driver.execute_script("return document.documentElement.lang;") == "en"
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_shl003_no_sideways_scroll_on_map_data_and_region(dash_duo: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path), role="admin")
    _size(dash_duo, size)
    for path, ready in (("/", f'#{ID.MAP}[data-ready="true"]'), ("/data", f"#{ID.DATASETS}"),
                        ("/wilayah", f"#{ID.REGION_LEGEND}")):  # fmt: skip
        _open(dash_duo, path, ready)
        overflow = dash_duo.driver.execute_script(SIDEWAYS)
        assert overflow <= 0, f"{path} at {size[0]}×{size[1]} scrolls {overflow} px sideways"
        if path == "/" and size == LAPTOP:  # the map's title at the top of the screen: its legend in view below
            bottom = dash_duo.driver.execute_script(
                "document.getElementById(arguments[0]).scrollIntoView({behavior: 'instant'});"
                "return document.getElementById(arguments[1]).getBoundingClientRect().bottom - innerHeight;",
                ID.MAP_TITLE, ID.LEGEND,
            )  # fmt: skip
            assert bottom <= 0, f"the legend ends {bottom} px below the screen"
            assert "Tidak ada data" in dash_duo.find_element(f"#{ID.LEGEND}").text  # the no-data swatch
    assert dash_duo.get_logs() == []


def test_shl004_heading_and_demo_badge_follow_the_district(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
    start_signed_in(dash_duo, settings, role="admin")
    dash_duo.wait_for_element(f'#{ID.MAP}[data-ready="true"]', timeout=30)
    demo = "Kabupaten Contoh — data contoh (fiktif)"
    other = next(o for o in _district_options(dash_duo) if o != demo)
    for district, heading, badge in ((demo, "Kabupaten Contoh", True), (other, other, False),
                                     (demo, "Kabupaten Contoh", True)):  # fmt: skip
        dash_duo.select_dcc_dropdown(f"#{ID.DISTRICT}", value=district)
        wait_for_script(dash_duo, "return document.querySelector(arguments[0]).textContent === arguments[1];",
                        f"#{ID.DISTRICT_HEADING}", heading)  # fmt: skip
        badges = dash_duo.driver.find_elements("css selector", f"#{ID.DEMO_BADGE}")
        assert [b.text for b in badges] == (["data contoh (fiktif)"] if badge else [])
    assert dash_duo.get_logs() == []


def _district_options(dash_duo: Any) -> list[str]:
    dash_duo.find_element(f"#{ID.DISTRICT}").click()
    menu = dash_duo.wait_for_element(".dash-dropdown-options")
    options = [o.text for o in menu.find_elements("css selector", ".dash-dropdown-option")]
    dash_duo.find_element(f"#{ID.DISTRICT}").click()
    return options


def test_shl005_a_tapped_village_brings_its_profile_into_view_on_a_phone(dash_duo: Any, tmp_path: Path) -> None:
    start_signed_in(dash_duo, Settings(data_dir=tmp_path), role="pimpinan", areas=("99.01",))
    _size(dash_duo, PHONE)
    dash_duo.wait_for_element(f'#{ID.MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, ID.MAP)
    villages = DemoSource(Settings().geodata_dir).villages(DEMO_DISTRICT_CODE)
    village = villages.iloc[len(villages) // 2]
    point = village.geometry.representative_point()
    click_map(dash_duo, ID.MAP, point.x, point.y)
    dash_duo.wait_for_text_to_equal(f"#{ID.PROFILE_NAME}", str(village["name"]), timeout=15)
    # The profile sits under the map on a phone: the tap scrolls it up into the screen.
    wait_for_script(
        dash_duo,
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.top < innerHeight - 100;",
        ID.PROFILE_NAME,
    )
    assert dash_duo.driver.execute_script(SIDEWAYS) <= 0
    assert dash_duo.get_logs() == []
