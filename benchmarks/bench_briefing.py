"""The briefing room on a poor link (issue 14, point 6): how long until the leadership sees figures and the map.

Starts the app on the demo district (a fresh data folder, ``python app.py`` in a subprocess on a free local port),
signs in as a leadership (pimpinan) account and drives headless Chromium throttled to 1.6 Mbit/s with 300 ms
latency (Chrome DevTools ``Network.emulateNetworkConditions``, as DevTools' own throttling does). For ``/`` and
``/paparan/<kode>`` it prints the bytes that crossed the link (sum of ``Network.loadingFinished``
``encodedDataLength``: compressed sizes plus headers), the time from navigation to the first figure (``/``: the
prevalence card has text; ``/paparan``: the first ``.slide-figure``) and to the map (``/``: MapLibre has rendered
village polygons of the choropleth, LokusMap's or, in an older checkout, plotly's; ``/paparan``: the first
``img.paparan-map`` has decoded), cold (cache cleared and disabled) and warm (the same page opened again with the
browser cache). Goal: cold map <= 15 s, warm <= 2 s.

Run (after bash scripts/setup.sh --test, which installs Chromium and ChromeDriver):

    .venv/bin/python benchmarks/bench_briefing.py [--latency 300] [--throughput 200000] [--timeout 120] [--requests]
    .venv/bin/python benchmarks/bench_briefing.py --repo ../before   # another checkout (a git worktree), same venv
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.by import By

from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.ids import ID

COMMAND = ".venv/bin/python benchmarks/bench_briefing.py"
ROOT = Path(__file__).resolve().parents[1]
USER = "pimpinan-uji"

# Recorded in the page from its first script on: milliseconds since navigation start when each mark first held,
# taken at the next animation frame (the frame that shows it). The figures are watched with a MutationObserver,
# so a long script right after they arrive (plotly.js evaluating) does not hide when they did; the map, drawn on a
# WebGL canvas that changes no DOM, by a poll every 50 ms.
_MARKS = """
(() => {
  const marks = {};
  window.__lokusBench = marks;
  const checks = {
    figures: () => {
      const kpi = document.getElementById(__KPI__);
      if (kpi && kpi.innerText.trim()) return true;
      return !!document.querySelector('.slide-figure');
    },
    map: () => {
      const img = document.querySelector('img.paparan-map');
      if (img && img.complete && img.naturalWidth > 0) return true;
      // LokusMap (the main page since issue 15): its test hook says ready once the villages are loaded and the
      // first classes set; drawn when MapLibre has rendered village polygons.
      const hook = window.__lokusMaps && window.__lokusMaps[__MAP__];
      if (hook) {
        return !!(hook.ready && hook.map.loaded()
                  && hook.map.queryRenderedFeatures({layers: ['villages-fill']}).length > 0);
      }
      // plotly's choroplethmap (an older checkout, --repo)
      const gd = document.querySelector('#' + __MAP__ + ' .js-plotly-plot');
      const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
      if (!sub || !sub.map || !sub.map.loaded()) return false;
      // plotly's choroplethmap draws each trace as MapLibre layers 'plotly-trace-layer-<uid>-fill' / '-line'
      const layers = sub.map.getStyle().layers.map(l => l.id).filter(id => /^plotly-trace-layer-.*-fill$/.test(id));
      return layers.length > 0 && sub.map.queryRenderedFeatures({layers}).length > 0;
    },
    missing: () => {
      const page = document.getElementById(__PAGE__);
      // the router's "not found" or "not allowed" (an alert linking home): a page this version does not have
      return !!(page && page.querySelector('.alert-warning a[href="/"]'));
    },
  };
  const seen = {};
  const check = (name) => {
    if (seen[name]) return;
    try { if (!checks[name]()) return; } catch (e) { return; }
    seen[name] = true;
    requestAnimationFrame(() => { marks[name] = performance.now(); });
  };
  new MutationObserver(() => check('figures')).observe(document, {subtree: true, childList: true, characterData: true});
  const tick = () => {
    Object.keys(checks).forEach(check);
    if (!(seen.figures && seen.map) && !seen.missing) setTimeout(tick, 50);
  };
  tick();
})();
"""
for _token, _id in {"__KPI__": ID.KPI_PREVALENCE, "__MAP__": ID.MAP, "__PAGE__": ID.PAGE}.items():
    _MARKS = _MARKS.replace(_token, json.dumps(str(_id)))


@dataclass(frozen=True)
class Visit:
    """One page load: bytes over the link, seconds to the first figure and to the map (None: never)."""

    bytes: int
    figures: float | None
    map: float | None
    requests: int
    loads: tuple[tuple[str, int, float], ...] = ()  # url, bytes, finished (s)
    missing: bool = False  # the router answered "not found" (or "not allowed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_app(data_dir: Path, port: int, repo: Path = ROOT) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data_dir), "DASHBOARD_PORT": str(port),
           "DASHBOARD_HOST": "127.0.0.1", "DASHBOARD_DEBUG": "0"}  # fmt: skip
    with (data_dir / "server.log").open("wb") as log:  # the server keeps its own copy of the file handle
        process = subprocess.Popen([sys.executable, "app.py"], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app stopped (exit {process.returncode}); see {data_dir / 'server.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2):
                return process
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the app did not answer within 120 s")


def _browser() -> webdriver.Chrome:
    options = Options()
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--disable-quic", "--window-size=1400,1000"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _MARKS})
    return driver


def _sign_in(driver: webdriver.Chrome, base: str, password: str) -> None:
    driver.get(f"{base}/login?next=/akun/sandi")  # a plain form: signing in loads none of the pages measured
    driver.find_element(By.ID, "username").send_keys(USER)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    deadline = time.time() + 30
    while "/akun/sandi" not in driver.current_url:
        if time.time() > deadline:
            raise SystemExit("could not sign in")
        time.sleep(0.2)


def _callback_name(request: dict[str, Any]) -> str:
    """`` <outputs>`` of a Dash callback request (enough to tell callbacks apart); empty for anything else."""
    if "_dash-update-component" not in request["url"]:
        return ""
    try:
        return " " + str(json.loads(request.get("postData") or "{}").get("output", ""))[:60]
    except json.JSONDecodeError:
        return ""


def _received(driver: webdriver.Chrome) -> list[tuple[str, int, float]]:
    """(url, bytes, seconds after the first request) of each load finished since the performance log was last read
    (reading it empties it)."""
    urls: dict[str, str] = {}
    start: float | None = None
    loads: list[tuple[str, int, float]] = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent":
            sent = params["request"]
            urls[params["requestId"]] = sent["url"].split("?endId")[0] + _callback_name(sent)
            start = params["timestamp"] if start is None else start
        elif message.get("method") == "Network.loadingFinished":
            since = params["timestamp"] - (start or params["timestamp"])
            loads.append((urls.get(params["requestId"], "?"), int(params.get("encodedDataLength", 0)), since))
    return loads


def _visit(driver: webdriver.Chrome, url: str, timeout: float) -> Visit:
    _received(driver)  # forget what came before
    driver.get(url)
    deadline = time.time() + timeout
    marks: dict[str, float] = {}
    while time.time() < deadline:
        marks = driver.execute_script("return window.__lokusBench || {}") or {}
        if ("figures" in marks and "map" in marks) or "missing" in marks:
            break
        time.sleep(0.1)
    time.sleep(1.0)  # let late answers (callbacks after the map) land in the byte count
    loads = _received(driver)
    seconds = {k: v / 1000 for k, v in marks.items()}
    return Visit(sum(b for _, b, _ in loads), seconds.get("figures"), seconds.get("map"), len(loads), tuple(loads),
                 "missing" in seconds)  # fmt: skip


def _throttle(driver: webdriver.Chrome, latency: float, throughput: int) -> None:
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency, "downloadThroughput": throughput, "uploadThroughput": throughput},
    )


def _available(driver: webdriver.Chrome, url: str) -> bool:
    """False when the server answers 404 (the presentation page not built yet); signed in with the browser's cookie."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30):
            return True
    except urllib.error.HTTPError as error:
        return error.code != 404


def _cell(value: float | None) -> str:
    return f"{value:8.1f} s" if value is not None else "       — "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=300, help="added round-trip latency, ms")
    parser.add_argument("--throughput", type=int, default=200_000, help="bytes per second each way (1.6 Mbit/s)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for a page's map")
    parser.add_argument("--requests", action="store_true", help="also list every request of every load")
    parser.add_argument("--repo", type=Path, default=ROOT, help="serve another checkout (before/after comparisons)")
    args = parser.parse_args()
    if shutil.which("chromedriver") is None:
        raise SystemExit("chromedriver not found: run bash scripts/setup.sh --test")

    folder = Path(tempfile.mkdtemp(prefix="lokus-bench-"))
    settings = Settings(data_dir=folder / "instance")
    password = secrets.token_urlsafe(18)
    with Store.open(settings=settings) as store:
        Accounts(store).create_user(USER, password, "pimpinan", [DEMO_DISTRICT_CODE])
    port = _free_port()
    process = _start_app(settings.data_dir, port, args.repo.resolve())
    base = f"http://127.0.0.1:{port}"
    pages = {"/": f"{base}/", "/paparan": f"{base}/paparan/{DEMO_DISTRICT_CODE}"}
    rows: list[tuple[str, str, Visit | None]] = []
    driver = _browser()
    try:
        _sign_in(driver, base, password)
        for name, url in pages.items():
            if not _available(driver, url):
                rows.append((name, "cold", None))
                rows.append((name, "warm", None))
                continue
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            _throttle(driver, args.latency, args.throughput)
            cold = _visit(driver, url, args.timeout)
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
            _visit(driver, url, args.timeout)  # fills the cache (a cache-disabled load stores nothing)
            warm = _visit(driver, url, args.timeout)
            _throttle(driver, 0, -1)
            rows.append((name, "cold", cold))
            rows.append((name, "warm", warm))
    finally:
        driver.quit()
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)

    mbit = args.throughput * 8 / 1e6
    print(f"Lokus briefing benchmark: headless Chromium at {mbit:.1f} Mbit/s, {args.latency:.0f} ms latency")
    print(f"{'page':<10} {'cache':<5} {'bytes':>10} {'requests':>9} {'figures':>10} {'map':>10}")
    for name, cache, visit in rows:
        if visit is None or visit.missing:
            print(f"{name:<10} {cache:<5} not available (404)")
            continue
        print(f"{name:<10} {cache:<5} {visit.bytes:>10,} {visit.requests:>9} {_cell(visit.figures)} {_cell(visit.map)}")
    print("goal: cold map <= 15 s, warm map <= 2 s")
    if args.requests:
        for name, cache, visit in rows:
            print(f"\n{name} {cache}: bytes, finished after (s), url")
            for url, size, finished in visit.loads if visit else ():
                print(f"  {size:>10,} {finished:6.1f}  {url.replace(base, '')[:110]}")
    options = f"--latency {args.latency:g} --throughput {args.throughput} --timeout {args.timeout:g}"
    repo = "" if args.repo.resolve() == ROOT else f" --repo {args.repo}"
    print(f"\nrerun: {COMMAND} {options}{repo}")


if __name__ == "__main__":
    main()
