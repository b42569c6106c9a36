"""A district with boundaries but no figures yet opens on an empty map, not a server error (newcomer pass)."""

from __future__ import annotations

from pathlib import Path

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import map_page
from tests.auth_helpers import acting_admin
from tests.store.helpers import DISTRICT, villages_frame, write


def test_map040_a_district_without_figures_shows_its_villages_without_data(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        services = Services.from_store(settings, store)
        with acting_admin(services):
            choice = map_page.resolve_choice(services, {"district": DISTRICT})
            assert choice is not None and (choice.district, choice.period) == (DISTRICT, "")
            # What the recolour callback passes when the district offers no indicator or period (None from the page).
            view = map_page.map_view(services, map_page.MapChoice(DISTRICT, "stunting", ""), "id")
    assert len(view.values.locations) == 6 and set(view.values.z) == {0}  # every village: the no-data grey
    assert str(view.title).endswith("per desa: belum ada data")  # no heading ending in a comma
    assert "angka belum diimpor" in str(view.scope)


def test_map041_the_main_page_links_the_brief_and_presentation_of_the_district_and_period_shown(tmp_path: Path) -> None:
    from dashboard.application import create_app
    from dashboard.ids import ID
    from tests.auth_helpers import add_user, sign_in_client

    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "kepala", "pimpinan", ("99.01",))
    client = sign_in_client(app, "kepala")
    body = {
        "output": f"..{ID.BRIEF_PDF}.href...{ID.BRIEF_PNG}.href...{ID.PAPARAN_LINK}.href..",
        "outputs": [
            {"id": ID.BRIEF_PDF, "property": "href"},
            {"id": ID.BRIEF_PNG, "property": "href"},
            {"id": ID.PAPARAN_LINK, "property": "href"},
        ],
        "inputs": [
            {"id": ID.DISTRICT, "property": "value", "value": "99.01"},
            {"id": ID.PERIOD, "property": "value", "value": "2025-02"},
        ],
        "state": [{"id": ID.LANGUAGE, "property": "value", "value": "id"}],
        "changedPropIds": [f"{ID.PERIOD}.value"],
    }
    answer = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert answer[ID.BRIEF_PDF]["href"] == "/unduh/ringkasan/99.01.pdf?periode=2025-02"
    pdf = client.get(answer[ID.BRIEF_PDF]["href"])
    assert pdf.status_code == 200 and pdf.data[:5] == b"%PDF-"
    # The presentation of the same district and period, from the same place.
    assert answer[ID.PAPARAN_LINK]["href"] == "/paparan/99.01?periode=2025-02&lang=id"
    slides = client.get(answer[ID.PAPARAN_LINK]["href"])
    assert slides.status_code == 200 and "Februari 2025" in slides.get_data(as_text=True)
