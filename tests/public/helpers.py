"""Apps with published districts for the public-site tests: the demo, and a small district with hidden cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dash import Dash

from dashboard.application import create_app
from dashboard.auth.roles import Actor
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.publications import Publications, Snapshot
from dashboard.data.store import Store
from dashboard.services import Services
from tests.auth_helpers import acting_admin, signed_in_actor
from tests.store.helpers import DISTRICT, indicator_batch, villages_frame, write

# Kabupaten Uji (52.91): two kecamatan of three villages. In August 2025 kecamatan 1 holds a "<5" (3 of 40),
# an "n kecil" (7 of 9) and the village hidden to protect them ("—", 37 of 83); kecamatan 2 is shown whole.
HIDDEN_PERIOD = "2025-08"
PUBLISHED_AT = datetime(2025, 9, 15, 8, 0, tzinfo=UTC)
ODD_NAME = 'Desa "<Ujung>" & Co'  # every surface must escape it
FORMULA_NAME = '=HYPERLINK("http://x.example","klik")'  # every spreadsheet must make it inert
COUNTS = {
    "52.91.01.2001": (3, 40),
    "52.91.01.2002": (7, 9),
    "52.91.01.2003": (37, 83),
    "52.91.02.2001": (12, 60),
    "52.91.02.2002": (20, 80),
    "52.91.02.2003": (9, 45),
}
HIDDEN = ("52.91.01.2001", "52.91.01.2002", "52.91.01.2003")
# What a reader must never find: the hidden counts and their rates, in both languages' decimal marks.
SECRETS = ("37", "44,6", "44.6", "44,58", "44.58", "77,8", "77.8", "77,78", "77.78", "7,5%", "7.5%")


@dataclass
class Site:
    """An app with its own database, a Services on the same database, and the test client."""

    app: Dash
    settings: Settings
    services: Services

    @property
    def publications(self) -> Publications:
        return self.services.require_publications()

    def client(self) -> Any:
        return self.app.server.test_client()

    def get(self, path: str, status: int = 200) -> Any:
        response = self.client().get(path)
        assert response.status_code == status, (path, response.status_code, response.get_data(as_text=True)[:300])
        return response


def start_site(data_dir: Path, **settings: Any) -> Site:
    """A fresh app (the demo published on first start, as in production) and Services reading its database."""
    config = Settings(data_dir=data_dir, **settings)
    app = create_app(config)
    return Site(app, config, Services.from_store(config, Store.open(settings=config)))


def admin(services: Services) -> Actor:
    with acting_admin(services):
        return signed_in_actor()


def add_hidden_district(site: Site, folder: Path) -> Snapshot:
    """Import Kabupaten Uji (see :data:`COUNTS`) and publish its August 2025."""
    frame = villages_frame()
    frame.loc[0, "nama"] = ODD_NAME
    frame.loc[1, "nama"] = FORMULA_NAME
    store = site.services.require_store()
    store.commit(prepare_boundary_import(write(frame, folder, "geojson")), "uji")
    rows: list[tuple[str, str, str, float, float]] = [
        (code, HIDDEN_PERIOD, "stunting", n, d) for code, (n, d) in COUNTS.items()
    ]
    store.commit_indicators(indicator_batch(rows))
    return site.publications.publish(admin(site.services), DISTRICT, [HIDDEN_PERIOD], now=PUBLISHED_AT)


def start_hidden_site(folder: Path) -> Site:
    """A fresh app with the demo and Kabupaten Uji (:func:`add_hidden_district`) published, under ``folder``."""
    site = start_site(folder / "instance")
    add_hidden_district(site, folder)
    return site


_GEOMETRY_ATTRIBUTES = re.compile(
    r"\s(?:d|points|viewBox|x|y|x1|x2|y1|y2|cx|cy|r|width|height|stroke-width|font-size|stroke-dasharray|"
    r'patternTransform)="[^"]*"'
)


def readable_text(page: str) -> str:
    """A page without the drawing's coordinates: what a reader can see, hover or copy (titles and links kept)."""
    return _GEOMETRY_ATTRIBUTES.sub("", page)


def standalone(value: str, text: str) -> bool:
    """Whether ``value`` stands in ``text`` as a number of its own (not inside 1370, 3.75 or a time 11:37:02)."""
    return re.search(rf"(?<![\d.,])(?<!\d:){re.escape(value)}(?!\d|[.,]\d|:\d)", text) is not None
