"""Nothing unpublished leaks (issue 13, point 7): a crawler follows every public link and API endpoint and posts
every callback anonymously; no answer holds an unpublished figure, a draft's name, an individual record or a
count below the small-number rule.

The database holds, besides the demo's snapshot: an import after publishing (a new month for the demo), an
unpublished district with its own village names and counts, a draft lokus scenario, and an e-PPGBM file of
invented children (of which only village counts are stored).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import deque
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.eppgbm import read_measurements
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store
from tests.auth.test_auth040_sweep import _body, _plausible
from tests.growth.conftest import invented_child, write_eppgbm
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write

ROOTS = ("/publik", "/publik/metode", "/metode", "/unduh", "/api/v1/")
FOLLOWED = ("/publik", "/metode", "/unduh", "/api/v1")
DRAFT = "DRAF-RAHASIA-Lokus-2026"
SECRET_VILLAGE = "Desa Rahasiaku"
LATE_PERIOD = "2026-01"  # imported into the demo after its publication


def _unpublished(settings: Settings, tmp_path: Path) -> list[str]:
    """Write what must never be public; returns the strings that would betray it."""
    demo_codes: list[str]
    with Store.open(settings=settings) as store:
        demo_codes = sorted(store.villages("99.01")["code"].astype(str))
        # A month imported after the demo's snapshot: its period must appear nowhere public.
        rows = [(c, LATE_PERIOD, "stunting", 7.0, 61.0) for c in demo_codes]
        store.commit(indicator_batch(rows, "susulan.csv"), "perencana")
        # A district nobody published, with its own names.
        frame = villages_frame()
        frame["nama"] = [f"{SECRET_VILLAGE} {i}" for i in range(len(frame))]
        store.commit(prepare_boundary_import(write(frame, tmp_path, "geojson", name="rahasia")), "perencana")
        store.commit(indicator_batch([(c, "2025-08", "stunting", 9.0, 80.0) for c in village_codes()]), "perencana")
        # A draft lokus list.
        village = ScenarioVillage(demo_codes[0], 1, 88.8, 7.7, 7.0, "")
        store.save_scenario(Scenario("99.01", 2026, "2025-08", DRAFT, "weighted", {}, (village,), "perencana"))
        # Individual records: invented children of the demo's first village, measured in February 2026.
        children = [invented_child(seed, -2.5, 400, date(2026, 2, 10), code=demo_codes[0]) for seed in range(6)]
        path = write_eppgbm(tmp_path / "eppgbm.csv", children)
        batch = read_measurements(path, today=date(2026, 11, 30))
        assert batch.ok, [p.message("en") for p in batch.problems]
        store.commit(batch, "perencana")
    names = [c.name for c in children] + [c.nik for c in children]
    return [LATE_PERIOD, "Januari 2026", "Februari 2026", "2026-02", DRAFT, SECRET_VILLAGE, DISTRICT, *names]


def _texts(response: Any) -> str:
    """Everything a reader could read in a response: text, JSON, or the XML inside an XLSX."""
    data = response.get_data()
    if data[:2] == b"PK":  # XLSX
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace")


def _links(path: str, response: Any, text: str) -> list[str]:
    found: list[str] = []
    kind = response.headers.get("Content-Type", "")
    if "html" in kind:
        found = re.findall(r"""(?:href|src|action)=["']([^"'#]+)""", text)
    elif "json" in kind:
        found = re.findall(r'"(/(?:api/v1|publik|unduh)[^"\s]*)"', text)
    out = []
    for link in found:
        url = urljoin(path, link.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith(FOLLOWED):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def _published_cells_obey_the_rule(text: str, minimum: int) -> int:
    """Every count an API answer publishes is 0 or at least 5, over at least ``minimum`` children measured."""
    checked = 0
    try:
        payload = json.loads(text)
    except ValueError:
        return 0
    rows = payload.get("sel") or payload.get("data") or [] if isinstance(payload, dict) else []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict) or row.get("pembilang") is None:
            continue
        count, measured = row["pembilang"], row["penyebut"]
        assert count == 0 or count >= 5, row
        assert measured >= minimum, row
        checked += 1
    return checked


def test_pub020_a_crawler_finds_nothing_unpublished(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)  # publishes the demo
    secrets = _unpublished(settings, tmp_path)
    client = app.server.test_client()
    seen: set[str] = set()
    queue = deque(ROOTS)
    pages = api_cells = 0
    while queue and len(seen) < 3000:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, follow_redirects=True)
        assert response.status_code in (200, 404), (path, response.status_code)
        text = _texts(response)
        leaked = [s for s in secrets if s in text]
        assert leaked == [], (path, leaked)
        if path.startswith("/api/v1"):
            api_cells += _published_cells_obey_the_rule(text, settings.public_min_denominator)
        pages += 1
        queue.extend(link for link in _links(path, response, text) if link not in seen)
    assert pages >= 20, sorted(seen)  # the crawl reached the district, its villages, downloads and the API
    assert any("/desa/" in p for p in seen) and any(p.startswith("/api/v1/terbitan") for p in seen)
    assert api_cells > 0

    # Every callback a browser can see, posted anonymously with plausible values for the demo and for the
    # unpublished district: refused, or answered without anything unpublished.
    client.get("/")
    client.environ_base["HTTP_X_CSRFTOKEN"] = client.get_cookie("_csrf_token").value
    callbacks = client.get("/_dash-dependencies").get_json()
    answered = 0
    for callback in callbacks:
        for district in ("99.01", DISTRICT):
            body = _body(callback)
            for item in [*body["inputs"], *body["state"]]:
                item["value"] = _plausible(str(item["id"]), district)
                if "pathname" in str(item.get("property")):
                    item["value"] = "/lokus"
            response = client.post("/_dash-update-component", json=body)
            text = response.get_data(as_text=True)
            assert [s for s in secrets if s in text] == [], (callback["output"], response.status_code)
            answered += response.status_code == 200
    assert answered >= 1  # the public frame (router, language) answers anonymously
    # The district pages of what was never published answer 404, with nothing of it.
    for path in (f"/publik/{DISTRICT}", f"/api/v1/wilayah/{DISTRICT}/terbitan"):
        response = client.get(path)
        assert response.status_code == 404 and SECRET_VILLAGE not in _texts(response)
