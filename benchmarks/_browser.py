"""Headless Chromium and a local server for the map benchmark (benchmarks/bench_map.py): drive, serve, time.

Times are read inside the page with ``performance.now()`` (milliseconds from navigation start), so the driver's own
latency and polling never enter a figure.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import Flask
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from tests.conftest import _CHROMIUM_ARGS

__all__ = ["CHROMIUM_FLAGS", "chromium", "first_draw_ms", "recolour_ms", "serve"]

# The browser journeys' flags (tests/conftest.py): headless, software GL (--disable-gpu), no traffic of its own.
CHROMIUM_FLAGS = _CHROMIUM_ARGS

# Installed before any page script: the time the LokusMap component first says data-ready="true" (it does so on
# the map's first idle with its sources loaded and its first classes drawn).
_FIRST_DRAW_OBSERVER = """
window.__benchFirstDraw = null;
new MutationObserver((records, observer) => {
  for (const record of records) {
    if (record.target.getAttribute && record.target.getAttribute('data-ready') === 'true') {
      window.__benchFirstDraw = performance.now();
      observer.disconnect();
      return;
    }
  }
}).observe(document, {attributes: true, attributeFilter: ['data-ready'], subtree: true});
"""

# Clicks `button` and answers the time from the click to the first `idle` of the map at which the pixel at
# (lng, lat) has the expected colour (each channel within 3): real drawing, not a state change. `hook` names a
# global holding {map, pixelAt} (LokusMap's window.__lokusMaps[id], or the plain page's window.__plain).
# pixelAt redraws synchronously, which fires `idle` again inside the handler: the flag keeps that out.
_RECOLOUR = """
const [hookPath, button, lng, lat, rgb, timeoutMs, done] = arguments;
const hook = hookPath.split('.').reduce((o, k) => o[k], window);
const map = hook.map;
let checking = false;
let finished = false;
let started = 0;
let idles = 0;
const close = (px) => px.every((v, i) => Math.abs(v - rgb[i]) <= 3);
const finish = (answer) => {
  finished = true;
  map.off('idle', onIdle);
  done(answer);
};
const onIdle = () => {
  if (checking || finished) return;
  const at = performance.now();
  idles += 1;
  checking = true;
  const px = hook.pixelAt(lng, lat);
  checking = false;
  if (close(px)) finish({ms: at - started, pixel: px, idles});
};
map.on('idle', onIdle);
setTimeout(() => { if (!finished) finish({ms: null, pixel: hook.pixelAt(lng, lat), idles}); }, timeoutMs);
started = performance.now();
document.querySelector(button).click();
"""


@contextlib.contextmanager
def chromium(binary: str = "/usr/bin/chromium", driver_path: str = "/usr/bin/chromedriver") -> Iterator[Any]:
    """A headless Chromium (Debian's) driven by selenium, with :data:`CHROMIUM_FLAGS` and a throw-away profile,
    quit (and its profile removed) on leaving the block. The first-draw observer is installed in every document."""
    options = webdriver.ChromeOptions()
    if Path(binary).exists():
        options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="lokus-bench-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    service = Service(driver_path) if Path(driver_path).exists() else Service()
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _FIRST_DRAW_OBSERVER})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free local port from a thread (threaded: tiles are fetched in parallel); yields its URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="bench-map-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def _wait(driver: Any, script: str, timeout_s: float) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value is not None:
            return value
        time.sleep(0.05)
    return None


def first_draw_ms(driver: Any, url: str, flag: str, timeout_s: float) -> float | None:
    """Open ``url`` and answer when the page's map was first drawn with its classes (ms from navigation start):
    ``flag`` is the global the page sets (``__benchFirstDraw`` for LokusMap, ``__plain.firstDraw`` for the plain
    page); ``None`` after ``timeout_s`` seconds."""
    driver.get(url)
    value = _wait(driver, f"return window.{flag};", timeout_s)
    return None if value is None else float(value)


def recolour_ms(
    driver: Any, hook: str, button: str, point: tuple[float, float], rgb: tuple[int, int, int], timeout_s: float
) -> tuple[float | None, list[int], int]:
    """Click ``button`` (a CSS selector) and answer the milliseconds to the map's first idle with ``rgb`` drawn at
    ``point`` (lng, lat) (``None`` when the colour did not come within ``timeout_s``), the pixel last read and the
    number of idles checked (1 when the first idle after the click had the new colour)."""
    driver.set_script_timeout(timeout_s + 10)
    answer = driver.execute_async_script(_RECOLOUR, hook, button, point[0], point[1], list(rgb), 1000 * timeout_s)
    return (None if answer["ms"] is None else float(answer["ms"])), list(answer["pixel"]), int(answer["idles"])
