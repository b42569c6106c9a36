"""The public district page's interactive map on a phone (390×844), in headless Chromium: the SVG first, the map
component only when asked for, the same colours, tooltips and links, and back to the SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import shape

from tests.browser_helpers import (
    MAP_DRAWN,
    MAP_PIXEL,
    click_map,
    external_requests,
    failed_requests,
    network_events,
    wait_for_script,
)
from tests.public.helpers import start_site

pytestmark = pytest.mark.browser

DEMO = "99.01"
MAP = "peta-interaktif"  # the domId assets/public/peta.js gives the component (its test hook's key)
# What only the interactive map fetches: the component's core, worker and stylesheet, its data and outlines.
MAP_FILES = ("lokus_map_core.", "maplibre-gl-worker.", "lokus_map.v1m", "/peta.json", "/batas/")
OPEN, CLOSE = "#peta-live .pub-live-open", "#peta-live .pub-live-close"


def _screen(dash_duo: Any, width: int, height: int) -> None:
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _press(dash_duo: Any, selector: str) -> None:
    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _shown(dash_duo: Any, selector: str) -> bool:
    return bool(
        dash_duo.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return !!e && e.getBoundingClientRect().width > 0;",
            selector,
        )
    )


def _map_files(dash_duo: Any, since: int) -> list[str]:
    """The interactive map's files the browser asked for after its ``since``-th network event (this page's)."""
    events = network_events(dash_duo)[since:]
    urls = [e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"]
    timing = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    urls += [url for url in timing if url not in urls]  # the fallback, for anything the log missed
    return [url for url in urls if any(part in url for part in MAP_FILES)]


def _target(dash_duo: Any, outlines: dict[str, Any]) -> tuple[str, float, float, str, str]:
    """The largest village the SVG fills with a class colour: code, a point inside it, its fill and its title."""
    areas = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('svg.pub-map a')].map(a => [a.getAttribute('href'),"
        " a.querySelector('path').getAttribute('fill'), a.querySelector('title').textContent]);"
    )
    drawn = {href.rsplit("/", 1)[1]: (fill, title) for href, fill, title in areas}
    shapes = {f["properties"]["code"]: shape(f["geometry"]) for f in outlines["features"]}
    coloured = [code for code, (fill, _) in drawn.items() if fill.startswith("#")]
    code = max(coloured, key=lambda c: shapes[c].area)
    point = shapes[code].representative_point()
    return code, point.x, point.y, *drawn[code]


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def test_pub210_phone_swaps_the_svg_for_the_interactive_map_and_back(dash_duo: Any, tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    dash_duo.start_server(site.app)
    _screen(dash_duo, 390, 844)
    since = len(network_events(dash_duo))  # dash_duo opened the planners' app first, which has the component
    dash_duo.driver.get(f"{dash_duo.server_url}/publik/{DEMO}")
    dash_duo.wait_for_element("footer.pub-footer", timeout=20)

    # The SVG is the map; the button is offered; no map library, data or outline has been fetched.
    assert _shown(dash_duo, "svg.pub-map")
    wait_for_script(dash_duo, "return !document.getElementById('peta-live').hidden;")
    assert dash_duo.find_element(OPEN).text == "Peta interaktif"
    assert _map_files(dash_duo, since) == []
    assert dash_duo.driver.execute_script("return typeof window.__lokusMapCore") == "undefined"

    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    outlines = site.get(f"/publik/{DEMO}/batas/{snapshot.content_sha256}/desa.geojson").get_json()
    code, lng, lat, fill, title = _target(dash_duo, outlines)

    # Pressed: the interactive map replaces the SVG, drawn with the SVG's colour for that village.
    _press(dash_duo, OPEN)
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, MAP, timeout=30)
    assert not _shown(dash_duo, "svg.pub-map") and _shown(dash_duo, f"#{MAP} canvas") and _shown(dash_duo, CLOSE)
    box = dash_duo.driver.execute_script(
        "const b = document.getElementById(arguments[0]).getBoundingClientRect(); return [b.width, b.height];", MAP
    )
    assert 300 <= box[0] <= 390 and 260 <= box[1] <= 844 * 0.75 + 1
    pixel = wait_for_script(dash_duo, MAP_PIXEL, MAP, lng, lat)
    assert max(abs(a - b) for a, b in zip(pixel, _rgb(fill), strict=True)) <= 3, (code, pixel, fill)

    # Hover shows the SVG's title; the zoom control zooms.
    x, y = dash_duo.driver.execute_script(
        "const hook = window.__lokusMaps[arguments[0]]; const box = hook.map.getCanvas().getBoundingClientRect();"
        " const p = hook.map.project([arguments[1], arguments[2]]); return [box.left + p.x, box.top + p.y];",
        MAP,
        lng,
        lat,
    )
    dash_duo.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    tooltip = f"return document.querySelector('#{MAP} .lokus-map__tooltip').textContent === arguments[0];"
    wait_for_script(dash_duo, tooltip, title)
    zoom = dash_duo.driver.execute_script(f"return window.__lokusMaps['{MAP}'].map.getZoom();")
    _press(dash_duo, f"#{MAP} .maplibregl-ctrl-zoom-in")
    wait_for_script(dash_duo, f"return window.__lokusMaps['{MAP}'].map.getZoom() > arguments[0] + 0.5;", zoom)

    # Printed, the page shows the SVG map, whichever is on screen.
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert _shown(dash_duo, "svg.pub-map") and not _shown(dash_duo, f"#{MAP}") and not _shown(dash_duo, CLOSE)
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not _shown(dash_duo, "svg.pub-map") and _shown(dash_duo, f"#{MAP}")

    # Back to the SVG, then the interactive map again: the core bundle is not fetched twice.
    _press(dash_duo, CLOSE)
    wait_for_script(dash_duo, f"return !document.getElementById('{MAP}');")
    assert _shown(dash_duo, "svg.pub-map") and _shown(dash_duo, OPEN) and not _shown(dash_duo, CLOSE)
    _press(dash_duo, OPEN)
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, MAP, timeout=30)
    assert len([url for url in _map_files(dash_duo, since) if "lokus_map_core." in url]) == 1

    # A click on the village opens its public page, as the SVG's link does.
    click_map(dash_duo, MAP, lng, lat)
    wait_for_script(dash_duo, "return location.pathname === arguments[0];", f"/publik/{DEMO}/desa/{code}")
    dash_duo.wait_for_text_to_equal("h1", title.split(" · ")[0], timeout=20)

    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert failed_requests(dash_duo) == []
