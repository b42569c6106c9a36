"""A visitor on a phone (390×844) and on a laptop (1280×720), in headless Chromium: no sign-in, no other host."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.browser_helpers import external_requests, failed_requests, wait_for_script
from tests.public.helpers import start_site

pytestmark = pytest.mark.browser

# The largest village whose own shape is under the middle of its bounding box (a tap there lands on it), with the
# whole map scrolled into view first (instantly: Bootstrap scrolls smoothly, and a moving map has no fixed point).
TAP_TARGET = """
const map = document.querySelector('svg.pub-map');
window.scrollTo({top: map.getBoundingClientRect().top + window.scrollY - 20, behavior: 'instant'});
const links = [...map.querySelectorAll('a')].map(link => [link, link.getBoundingClientRect()])
  .sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height);
for (const [link, box] of links) {
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = document.elementFromPoint(x, y);
  if (hit && hit.closest('a') === link) {
    return [x, y, link.getAttribute('href'), link.querySelector('title').textContent];
  }
}
return null;
"""


def _screen(dash_duo: Any, width: int, height: int) -> None:
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _open(dash_duo: Any, path: str) -> None:
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element("footer.pub-footer", timeout=20)


def _layout(dash_duo: Any, selector: str) -> dict[str, Any]:
    """What a person would notice: the page's width against the screen's, the drawing's, and the menus."""
    return dict(
        dash_duo.driver.execute_script(
            """
            const drawing = document.querySelector(arguments[0]);
            const menu = document.querySelector('details.pub-nav-narrow');
            const wide = document.querySelector('nav.pub-nav-wide');
            return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                    drawing: drawing ? drawing.getBoundingClientRect().width : null,
                    menu_shown: menu.getBoundingClientRect().width > 0, menu_open: menu.open,
                    wide_shown: wide.getBoundingClientRect().width > 0};
            """,
            selector,
        )
    )


def _tap(dash_duo: Any, x: float, y: float) -> None:
    """A finger's tap at a point of the screen (CSS pixels): touch start and end there."""
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def _click(dash_duo: Any, selector: str) -> None:
    """Click a link once it is in view (instantly: Bootstrap scrolls smoothly, and a moving link intercepts nothing)."""
    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _downloaded(folder: Path, name: str, timeout: float = 20) -> bytes:
    deadline = time.time() + timeout
    while time.time() < deadline:
        path = folder / name
        if path.exists() and not list(folder.glob("*.crdownload")):
            return path.read_bytes()
        time.sleep(0.2)
    raise AssertionError(f"{name} not downloaded: {sorted(p.name for p in folder.iterdir())}")


def test_pub160_phone_landing_district_village_csv(dash_duo: Any, tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": dash_duo.download_path})
    dash_duo.start_server(site.app)
    _screen(dash_duo, 390, 844)

    # Landing: the list of published districts; the menu is folded away.
    _open(dash_duo, "/publik")
    layout = _layout(dash_duo, "main")
    assert layout["inner"] == 390 and layout["scroll"] <= layout["inner"]
    assert layout["menu_shown"] and not layout["menu_open"] and not layout["wide_shown"]
    _click(dash_duo, ".pub-district h2 a")

    # The district: its headline, a map that fits the screen, no sideways scrolling.
    dash_duo.wait_for_text_to_equal("#prevalensi", "19,3%", timeout=20)
    assert driver.current_url.endswith("/publik/99.01")
    layout = _layout(dash_duo, "svg.pub-map")
    assert layout["scroll"] <= layout["inner"] and 300 <= layout["drawing"] <= layout["inner"]
    assert not layout["menu_open"]

    # A tap on a village of the map opens its page.
    x, y, href, title = wait_for_script(dash_duo, f"return (() => {{{TAP_TARGET}}})();")
    _tap(dash_duo, x, y)
    wait_for_script(dash_duo, "return location.pathname === arguments[0];", href)
    name = title.split(" · ")[0]
    dash_duo.wait_for_text_to_equal("h1", name, timeout=20)
    layout = _layout(dash_duo, "svg.pub-locator")
    assert layout["scroll"] <= layout["inner"] and 0 < layout["drawing"] <= layout["inner"]

    # Its CSV, downloaded by tapping the link, is the file the server gives anyone.
    code = href.rsplit("/", 1)[1]
    _click(dash_duo, f"a[href='/publik/99.01/unduh/desa-{code}.csv?periode=2025-08']")
    body = _downloaded(Path(dash_duo.download_path), f"stunting_99.01_desa-{code}_2025-08.csv")
    assert body == site.get(f"/publik/99.01/unduh/desa-{code}.csv?periode=2025-08").get_data()
    lines = body.decode("utf-8-sig").splitlines()
    assert [line.split(";")[2:4] for line in lines[1:]] == [
        ["kabupaten", "99.01"], ["kecamatan", code.rsplit(".", 1)[0]], ["desa", code],
    ]  # fmt: skip
    assert all("data contoh (fiktif)" in line for line in lines[1:])

    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert failed_requests(dash_duo) == []


def test_pub161_laptop_shows_the_menu_and_switches_the_map_by_link(dash_duo: Any, tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    dash_duo.start_server(site.app)
    _screen(dash_duo, 1280, 720)
    _open(dash_duo, "/publik/99.01")
    layout = _layout(dash_duo, "svg.pub-map")
    assert layout["inner"] == 1280 and layout["scroll"] <= layout["inner"]
    assert layout["wide_shown"] and not layout["menu_shown"]
    assert 300 <= layout["drawing"] <= 800
    _click(dash_duo, "a[href='/publik/99.01?periode=2025-08&peta=kecamatan&ukuran=prevalensi#peta']")
    wait_for_script(dash_duo, "return location.search.includes('peta=kecamatan');")
    assert dash_duo.driver.execute_script("return document.querySelectorAll('svg.pub-map a').length") == 16
    _open(dash_duo, "/publik/metode?lang=en")
    assert dash_duo.find_element("h1").text == "Method"
    assert _layout(dash_duo, "main")["scroll"] <= 1280
    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert failed_requests(dash_duo) == []
