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
from werkzeug.serving import make_server

from dashboard.application import create_app
from dashboard.config import REPO_ROOT, Settings
from dashboard.ids import ID

# The main page's map (LokusMap) is drawn when its test hook says ready (see dashboard.components.LokusMap).
READY = "const hook = window.__lokusMaps && window.__lokusMaps[arguments[0]]; return !!(hook && hook.ready);"


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
        while not driver.execute_script(READY, ID.MAP) and time.time() < deadline:
            time.sleep(0.3)
        time.sleep(2)
        # A click a little right of the map's centre (Chrome's own input events, as a person's).
        x, y = driver.execute_script(
            "const canvas = window.__lokusMaps[arguments[0]].map.getCanvas(); canvas.scrollIntoView({block: 'center'});"
            " const box = canvas.getBoundingClientRect();"
            " return [box.left + box.width / 2 + 40, box.top + box.height / 2 + 10];",
            ID.MAP,
        )
        for kind, button in (("mouseMoved", "none"), ("mousePressed", "left"), ("mouseReleased", "left")):
            driver.execute_cdp_cmd(
                "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": button, "clickCount": 1}
            )
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
