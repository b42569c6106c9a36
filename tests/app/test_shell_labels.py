"""The frame's titles and the main page's labels follow the language and the district on screen (issue 16)."""

from __future__ import annotations

import pytest
from dash.exceptions import PreventUpdate

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.services import Services
from dashboard.views.map_page.choice import MapChoice
from dashboard.views.map_page.choropleth import export_filename
from dashboard.views.map_page.layout import district_heading
from dashboard.views.shell import PAGES, page_titles


def test_shl010_every_page_has_a_tab_title_in_both_languages() -> None:
    titles = page_titles()
    assert titles["/"] == {"id": "Peta — Lokus", "en": "Map — Lokus"}
    assert titles["/data"]["en"] == "Data — Lokus"
    assert titles[""]["en"] == "Page not found — Lokus"
    assert set(PAGES) <= set(titles)


def test_shl011_the_map_png_is_named_after_the_district_and_period_on_screen() -> None:
    assert export_filename(MapChoice("52.91", "stunting", "2025-08")) == "peta_stunting_52.91_2025-08.png"
    kecamatan = export_filename(MapChoice("99.01", "vitamin_a@count", "2024-02", "99.01.03"))
    assert kecamatan == "peta_vitamin_a-count_99.01_99.01.03_2024-02.png"


def test_shl012_heading_and_badge_name_the_district_chosen() -> None:
    services = Services(Settings(), DemoSource(Settings().geodata_dir))
    name, badge = district_heading(services, DEMO_DISTRICT_CODE, "en")
    assert name == "Kabupaten Contoh" and badge.children == "sample data (fictional)"
    with pytest.raises(PreventUpdate):
        district_heading(services, "52.91", "id")  # not in this source: nothing to name, the heading stays
