"""The /desa page's handlers: a linked village opens its district for its readers only; nothing trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dash.exceptions import PreventUpdate

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.village_page.callbacks import chosen_village, shown_village
from tests.store.helpers import DISTRICT, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
DEMO_PLANNER = Actor(7, "perencana.uji", Role.PERENCANA, ("99.01",))
OWN_PLANNER = Actor(8, "perencana.lain", Role.PERENCANA, (DISTRICT,))
VILLAGE = f"{DISTRICT}.02.2003"


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        yield Services.from_store(settings, store)


def test_cvg330_linked_village_opens_its_district_for_its_reader(page: Services) -> None:
    with acting_as(OWN_PLANNER):
        district, options, village = chosen_village(page, "99.01", f"?kode={VILLAGE}", True)
        assert (district, village, len(options)) == (DISTRICT, VILLAGE, 6)
        assert options[0] == {"label": "Desa 1-1 (Kecamatan 1)", "value": f"{DISTRICT}.01.2001"}
        # Later choices of another district are the reader's: the link no longer decides.
        assert chosen_village(page, "99.01", f"?kode={VILLAGE}", False)[0] == "99.01"


def test_cvg331_a_link_or_choice_outside_the_readers_area_is_ignored(page: Services) -> None:
    with acting_as(DEMO_PLANNER):
        district, _, village = chosen_village(page, "99.01", f"?kode={VILLAGE}", True)
        assert district == "99.01" and village is not None and village.startswith("99.01.")
        with pytest.raises(PreventUpdate):
            chosen_village(page, DISTRICT, "", False)
        with pytest.raises(PreventUpdate):
            shown_village(page, DISTRICT, VILLAGE, "id")
        with pytest.raises(PreventUpdate):  # a village that is not of the district chosen
            shown_village(page, "99.01", VILLAGE, "id")
