"""Issue 17, point 2: what /kesenjangan keeps per data version (coverage gaps, hover texts, the criteria /lokus
offers) equals what is computed afresh, and follows an import at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import gaps_page
from dashboard.views.lokus_page.model import criteria_for
from tests.auth_helpers import acting_admin
from tests.store.helpers import indicator_batch, village_codes, villages_frame, write

DISTRICT = "52.91"
STATE: dict[str, Any] = {"period": "2025-08", "view": "coverage", "indicator": "vitamin_a", "axis": "indicator",
                         "before": None, "change_indicator": "stunting", "target": None, "kecamatan": None,
                         "district_name": "Kabupaten Uji"}  # fmt: skip


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(DISTRICT), tmp_path, "geojson")), "test")
        rows = [(code, "2025-08", "stunting", 3.0, 30.0) for code in village_codes(DISTRICT)]
        rows += [(code, "2025-08", "vitamin_a", 18.0 + i, 20.0) for i, code in enumerate(village_codes(DISTRICT))]
        store.commit(indicator_batch(rows), "test")
        yield Services.from_store(settings, store)


def _hover_and_classes(services: Services) -> tuple[dict[str, str], Any]:
    villages = services.source.villages(DISTRICT)
    draw = gaps_page.gaps_map(services, DISTRICT, villages, STATE, "id")
    return draw.hover[1]()["hover_text"], draw.colours["classes"]


def test_perf040_kept_gaps_figures_equal_fresh_ones_and_follow_an_import(services: Services) -> None:
    store = services.require_store()
    fresh = Services(services.settings, store, store)  # the store itself as the source: nothing kept
    first = village_codes(DISTRICT)[0]
    with acting_admin(services):
        kept_hover, kept_classes = _hover_and_classes(services)
        assert (kept_hover, kept_classes) == _hover_and_classes(fresh)
        assert "Vitamin A (6-59 bulan): 90,0%" in kept_hover[first]  # 18 of 20
        assert _hover_and_classes(services) == (kept_hover, kept_classes)  # the second read: the same
        before = [c.key for c in criteria_for(services, DISTRICT, "2025-08", [])]
        assert "gap:imunisasi_dasar_lengkap" not in before

        # An import of the same month: the hover, the classes and the criteria offered follow at once.
        rows = [(code, "2025-08", "vitamin_a", 10.0, 20.0) for code in village_codes(DISTRICT)]
        rows += [(code, "2025-08", "imunisasi_dasar_lengkap", 5.0, 10.0) for code in village_codes(DISTRICT)]
        store.commit(indicator_batch(rows, salt="baru"), "test")
        hover, classes = _hover_and_classes(services)
        assert (hover, classes) == _hover_and_classes(fresh)
        assert "Vitamin A (6-59 bulan): 50,0%" in hover[first]
        assert "gap:imunisasi_dasar_lengkap" in [c.key for c in criteria_for(services, DISTRICT, "2025-08", [])]
