"""Take the README screenshot: the main page on the demo district with a village profile open.

    .venv/bin/python scripts/screenshot.py [OUT.png]

Needs what the tests need (Chromium and ChromeDriver: bash scripts/setup.sh --test).
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.action_chains import ActionChains
from werkzeug.serving import make_server

from dashboard.application import create_app
from dashboard.config import REPO_ROOT, Settings
from dashboard.ids import ID

GRAPH = f"#{ID.MAP} .js-plotly-plot"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "docs" / "screenshot.png"
    server = make_server("127.0.0.1", 8765, create_app(Settings()).server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = Options()
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    arguments = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--window-size=1400,980", "--hide-scrollbars")  # fmt: skip
    for argument in arguments:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get("http://127.0.0.1:8765/")
        deadline = time.time() + 30
        script = "const gd = document.querySelector(arguments[0]); return !!(gd && gd._fullLayout?.map);"
        while not driver.execute_script(script, GRAPH) and time.time() < deadline:
            time.sleep(0.3)
        time.sleep(2)
        canvas = driver.find_element("css selector", f"{GRAPH} .maplibregl-canvas")
        ActionChains(driver).move_to_element(canvas).move_by_offset(40, 10).pause(0.5).click().perform()
        time.sleep(2)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
        server.shutdown()
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
