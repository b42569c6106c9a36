"""A planner opens a demo village's full profile from the map, reads every source's card, and finds its PDF link."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.i18n import t
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, click_map, wait_for_script

pytestmark = pytest.mark.browser

SECTIONS = ("health", "scorecard", "families", "cadres", "funds", "partners", "audits")
SHOTS = os.environ.get("LOKUS_SCREENSHOTS")  # a folder: the journey leaves its screenshots there for a person


def _shot(dash_duo: Any, name: str, width: int, height: int) -> int:
    """Resize, optionally save a screenshot, and return how far the page overflows sideways (0: it fits)."""
    dash_duo.driver.set_window_size(width, height)
    dash_duo.wait_for_element(f"#{ID.VILLAGE_BODY} #village-section-audits", timeout=20)
    if SHOTS:
        dash_duo.driver.save_screenshot(str(Path(SHOTS) / f"{name}_{width}x{height}.png"))
    measured = dash_duo.driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
    )
    return int(measured)


def test_vpj001_from_the_map_to_the_full_profile_every_card_and_the_pdf(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    villages = DemoSource(settings.geodata_dir).villages(DEMO_DISTRICT_CODE)
    start_signed_in(dash_duo, settings, role="perencana", areas=(DEMO_DISTRICT_CODE,), name="perencana.uji")
    wait_for_script(dash_duo, MAP_DRAWN, ID.MAP, timeout=40)
    centre = villages.union_all().centroid
    inside = villages.geometry.contains(centre)
    village = villages.loc[inside].iloc[0] if inside.any() else villages.iloc[0]
    point = village.geometry.representative_point()
    click_map(dash_duo, ID.MAP, point.x, point.y)
    dash_duo.wait_for_text_to_equal(f"#{ID.PROFILE_NAME}", str(village["name"]), timeout=20)

    # "Profil lengkap" opens /desa on that village, its district chosen, every source's card shown.
    dash_duo.find_element(f"#{ID.PROFILE_FULL_LINK}").click()
    dash_duo.wait_for_contains_text(f"#{ID.VILLAGE_BODY}", str(village["name"]), timeout=30)
    assert dash_duo.driver.current_url.endswith(f"/desa?kode={village['code']}")
    body = dash_duo.find_element(f"#{ID.VILLAGE_BODY}").text
    for key in SECTIONS:
        assert t(f"village.section.{key}", "id") in body
    assert "Prevalensi stunting" in body and "Agustus 2025" in body and "IK 95%" in body
    assert "data contoh (fiktif)" in body
    href = dash_duo.find_element(f"#{ID.VILLAGE_PDF}").get_attribute("href")
    assert href.endswith(f"/unduh/profil-desa/{village['code']}.pdf")

    # Another village from the chooser: the cards and the PDF link follow it.
    dash_duo.select_dcc_dropdown(f"#{ID.VILLAGE_CODE}", index=2)
    followed = wait_for_script(
        dash_duo,
        "const a = document.getElementById(arguments[0]);"
        " return a && !a.href.endsWith(arguments[1] + '.pdf') && a.href.split('/').pop().replace('.pdf', '');",
        ID.VILLAGE_PDF,
        str(village["code"]),
    )
    other = villages[villages["code"] == followed].iloc[0]
    dash_duo.wait_for_contains_text(f"#{ID.VILLAGE_BODY}", f"{other['name']}, Kec. {other['kecamatan_name']}")

    assert _shot(dash_duo, "desa", 1280, 720) <= 0
    assert _shot(dash_duo, "desa", 390, 844) <= 0
    assert dash_duo.get_logs() == []
