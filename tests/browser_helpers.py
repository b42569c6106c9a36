"""Helpers for browser journeys: what the page asked of the network, and what failed.

Both read Chrome's performance log (enabled in tests/conftest.py), with resource timing as a fallback for URLs.
Note that ``dash_duo.get_logs()`` does not report failed resource loads (a 404 stylesheet, a refused font) in current
Chromium: use ``failed_requests`` for that.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
_IGNORED_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}
_CACHE = "_lokus_network_events"


def _is_external(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in _IGNORED_SCHEMES or not parsed.scheme:
        return False
    return (parsed.hostname or "") not in LOCAL_HOSTS


def network_events(dash_duo: Any) -> list[dict[str, Any]]:
    """Every ``Network.*`` DevTools event so far (method and params), oldest first.

    Reading the performance log empties it, so what was read is kept on the driver: repeated calls see everything.
    """
    driver = dash_duo.driver
    events: list[dict[str, Any]] = getattr(driver, _CACHE, [])
    try:
        entries = driver.get_log("performance")
    except Exception:  # the performance log is not enabled (another browser, or other options)
        entries = []
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if str(message.get("method", "")).startswith("Network."):
            events.append(message)
    setattr(driver, _CACHE, events)
    return events


def requested_urls(dash_duo: Any) -> list[str]:
    """Every URL the page requested: Chrome's performance log, plus resource timing as a fallback."""
    urls = [
        event["params"]["request"]["url"]
        for event in network_events(dash_duo)
        if event["method"] == "Network.requestWillBeSent"
    ]
    urls += dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"
    )
    return urls


def external_requests(dash_duo: Any) -> list[str]:
    """URLs the page requested from any host but the app's own (should always be empty)."""
    return sorted({url for url in requested_urls(dash_duo) if _is_external(url)})


def failed_requests(dash_duo: Any) -> list[str]:
    """``"<status or error> <url>"`` for every response >= 400 and every load that failed (not cancelled).

    Only requests the page made count: Chromium's own start page (loaded before the app, requests not in the log)
    sometimes fails a lookup of its own, which says nothing about the app. Note that Dash answers any unknown path
    with its index page (200): only ``/assets/...``, ``/_dash-...`` and the app's own routes can 404.
    """
    urls: dict[str, str] = {}
    failed: list[str] = []
    for event in network_events(dash_duo):
        params = event["params"]
        if event["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif event["method"] == "Network.responseReceived" and int(params["response"]["status"]) >= 400:
            failed.append(f"{params['response']['status']} {params['response']['url']}")
        elif event["method"] == "Network.loadingFailed" and not params.get("canceled"):
            url = urls.get(params["requestId"])
            if url is not None and urlparse(url).scheme not in _IGNORED_SCHEMES:
                failed.append(f"{params.get('errorText', 'failed')} {url}")
    return failed


# Scripts for a LokusMap in the page (the main page's map), through the component's test hook
# (window.__lokusMaps[id], see dashboard.components.LokusMap); argument 0: the map's id.
MAP_DRAWN = (  # the boundaries loaded, the first classes set, and village polygons on the canvas
    "const hook = window.__lokusMaps && window.__lokusMaps[arguments[0]];"
    "return !!(hook && hook.ready && hook.map.loaded()"
    " && hook.map.queryRenderedFeatures({layers: ['villages-fill']}).length > 0);"
)
MAP_STATE = (  # argument 1: a village code -> its feature-state (cls: its class byte, and its marks)
    "return window.__lokusMaps[arguments[0]].map.getFeatureState({source: 'villages', id: arguments[1]});"
)
MAP_PIXEL = (  # arguments 1, 2: longitude, latitude -> the RGB drawn there
    "return window.__lokusMaps[arguments[0]].pixelAt(arguments[1], arguments[2]);"
)


def click_map(dash_duo: Any, map_id: str, lng: float, lat: float) -> None:
    """A real click (Chrome's input events) on a LokusMap where ``lng``, ``lat`` is drawn."""
    x, y = dash_duo.driver.execute_script(
        "const hook = window.__lokusMaps[arguments[0]]; const canvas = hook.map.getCanvas();"
        " canvas.scrollIntoView({block: 'center', behavior: 'instant'}); const box = canvas.getBoundingClientRect();"
        " const p = hook.map.project([arguments[1], arguments[2]]); return [box.left + p.x, box.top + p.y];",
        map_id,
        lng,
        lat,
    )
    for kind, button in (("mouseMoved", "none"), ("mousePressed", "left"), ("mouseReleased", "left")):
        dash_duo.driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": button, "clickCount": 1}
        )


# Scripts for a plotly map in the page (the lokus and gaps pages; argument 0: the graph's CSS selector).
DRAWN = (
    "const gd = document.querySelector(arguments[0]);"
    "return !!(gd && gd._fullData && gd._fullLayout.map && gd._fullLayout.map._subplot);"
)
PROJECT = (  # arguments 1, 2: longitude, latitude -> the pixel on the map canvas
    "const gd = document.querySelector(arguments[0]);"
    "const p = gd._fullLayout.map._subplot.map.project([arguments[1], arguments[2]]); return [p.x, p.y];"
)


def wait_for_script(dash_duo: Any, script: str, *args: Any, timeout: float = 20) -> Any:
    """Run ``script`` until it returns something truthy (a map drawn, a trace updated); that value."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        result = dash_duo.driver.execute_script(script, *args)
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def until(check: Callable[[], Any], what: str, timeout: float = 30) -> Any:
    """Call ``check`` until it returns something truthy (an element re-rendering raises: tried again); that value.

    Raises ``AssertionError`` naming ``what`` after ``timeout`` seconds.
    """
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = check()
        except Exception:  # the element may be re-rendering
            value = None
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def wait_text(dash_duo: Any, selector: str, text: str, timeout: float = 30) -> None:
    """Wait until ``selector``'s text content contains ``text`` (background callbacks take a moment).

    Raises ``AssertionError`` with what the element said after ``timeout`` seconds.
    """
    deadline = time.time() + timeout
    script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';"
    content = ""
    while time.time() < deadline:
        content = dash_duo.driver.execute_script(script, selector)
        if text in content:
            return
        time.sleep(0.25)
    raise AssertionError(f"{selector} never contained {text!r}; it says {content!r}")


def upload_check_commit(dash_duo: Any, path: Path, timeout: float = 30) -> None:
    """On /data: upload ``path``, check it, commit it, and wait for "Impor berhasil" (Indonesian page)."""
    from dashboard.ids import ID

    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(path))
    wait_text(dash_duo, f"#{ID.UPLOAD_INFO}", path.name, timeout)
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])", timeout=timeout).click()
    wait_text(dash_duo, f"#{ID.REPORT}", "File siap diimpor", timeout)  # with or without warnings
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])", timeout=timeout).click()
    wait_text(dash_duo, f"#{ID.RESULT}", "Impor berhasil", timeout)


def accept_alert(dash_duo: Any) -> bool:
    """Accept a confirmation dialog (``dcc.ConfirmDialog``) if one is open; False when none is yet."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        dash_duo.driver.switch_to.alert.accept()
    except NoAlertPresentException:
        return False
    return True
