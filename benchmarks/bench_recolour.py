"""What a change of the main page's map costs the server and the link (issue 15, point 2): bytes and milliseconds.

Starts the app in-process on a fresh data folder (the demo district, 99.01), signs in a leadership account with the
Flask test client, draws the page once (as a browser would: the page's first draw keeps the district's values for
later recolours) and then posts the recolour callback's request as Dash's renderer does, once per kind of change:
the number of classes, the scheme, the indicator, the period, the kecamatan and the comparison period. For each it
prints the answer's size (raw and gzip, as the app compresses it for a browser) and the server's time (median of
``--repeat`` requests, the whole request through Flask and Dash). Goals at a kabupaten: a new number of classes or
scheme answers in <= 1 KB gzip and <= 10 ms.

Run: ``.venv/bin/python benchmarks/bench_recolour.py [--repeat 20]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.ids import ID

CHOICE: dict[str, Any] = {ID.DISTRICT: DEMO_DISTRICT_CODE, ID.INDICATOR: "stunting", ID.PERIOD: "2025-08",
                          ID.KECAMATAN: "", ID.SCHEME: "quantiles", ID.CLASSES: 5, ID.COMPARE: "2025-02",
                          ID.LANGUAGE: "id"}  # fmt: skip


def _client(app: Any, settings: Settings) -> Any:
    password = secrets.token_urlsafe(12)
    with Store.open(settings=settings) as store:
        Accounts(store).create_user("bench", password, "pimpinan", [DEMO_DISTRICT_CODE])
    client = app.server.test_client()
    client.get("/login")
    client.post("/login", data={"username": "bench", "password": password})
    client.get("/")
    client.environ_base["HTTP_X_CSRFTOKEN"] = client.get_cookie("_csrf_token").value
    return client


def _request(app: Any, values: dict[str, Any], changed: list[str]) -> dict[str, Any]:
    output, spec = next((k, v) for k, v in app.callback_map.items() if f"{ID.MAP}.classes" in k)
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
               for part in output.strip(".").split("...")]  # fmt: skip
    return {
        "output": output,
        "outputs": outputs,
        "inputs": [{**i, "value": values[i["id"]]} for i in spec["inputs"]],
        "state": [{**s, "value": values[s["id"]]} for s in spec["state"]],
        "changedPropIds": [f"{i}.value" for i in changed],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder) / "instance")
        app = create_app(settings)
        client = _client(app, settings)
        router = {"output": f"..{ID.PAGE}.children...{ID.NAV}.children...brand-tagline.children..."
                            f"{ID.ACCOUNT}.children..",
                  "outputs": [{"id": ID.PAGE, "property": "children"}, {"id": ID.NAV, "property": "children"},
                              {"id": "brand-tagline", "property": "children"},
                              {"id": ID.ACCOUNT, "property": "children"}],
                  "inputs": [{"id": ID.ROUTE, "property": "data", "value": "/"},
                             {"id": ID.LANGUAGE, "property": "value", "value": "id"}],
                  "state": [{"id": ID.MAP_STATE, "property": "data", "value": None}],
                  "changedPropIds": [f"{ID.ROUTE}.data"]}  # fmt: skip
        started = time.perf_counter()
        page = client.post("/_dash-update-component", json=router)
        first = 1000 * (time.perf_counter() - started)
        print(f"page (router answer, map's first draw inline): {len(page.data):,} B raw, "
              f"{len(gzip.compress(page.data)):,} B gzip, {first:.0f} ms")  # fmt: skip
        villages = DemoSource(settings.geodata_dir).villages(DEMO_DISTRICT_CODE)
        changes = {
            "classes 5 -> 4": ({ID.CLASSES: 4}, [ID.CLASSES]),
            "scheme -> natural breaks": ({ID.SCHEME: "natural_breaks"}, [ID.SCHEME]),
            "indicator -> vitamin A": ({ID.INDICATOR: "vitamin_a"}, [ID.INDICATOR]),
            "period -> 2025-02": ({ID.PERIOD: "2025-02"}, [ID.PERIOD]),
            "kecamatan": ({ID.KECAMATAN: str(villages["kecamatan_code"].iloc[0])}, [ID.KECAMATAN]),
            "comparison period": ({ID.COMPARE: "2024-08"}, [ID.COMPARE]),
        }
        print(f"{len(villages)} villages; median of {args.repeat} requests after one warm-up")
        print(f"{'change':28} {'raw B':>8} {'gzip B':>8} {'ms':>7}  props sent")
        for name, (update, changed) in changes.items():
            body = _request(app, {**CHOICE, **update}, changed)
            client.post("/_dash-update-component", json=body)  # warm-up: the layer this choice keeps
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                answer = client.post("/_dash-update-component", json=body)
                times.append(1000 * (time.perf_counter() - started))
            sent = sorted(answer.get_json()["response"][ID.MAP]) if ID.MAP in answer.get_json()["response"] else []
            print(f"{name:28} {len(answer.data):>8,} {len(gzip.compress(answer.data)):>8,} "
                  f"{statistics.median(times):>7.1f}  {', '.join(sent)}")  # fmt: skip


if __name__ == "__main__":
    main()
