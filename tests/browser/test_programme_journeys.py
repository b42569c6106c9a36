"""A planner records a partner's programme and a case audit's finding on /mitra, and sees them in the tables, the
unreached count drop and the map recolour; a phone shows the page without sideways scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.data.programmes import Programmes, villages_without_programme
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.views.programme_page.model import REACHED, UNREACHED
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, MAP_STATE, accept_alert, until, wait_for_script, wait_text

pytestmark = pytest.mark.browser

READER = Actor(1, "pembaca.uji", Role.PIMPINAN, (DEMO_DISTRICT_CODE,))
SHOTS = Path("/tmp/mitra-shots")


def _pick(dash_duo: Any, dropdown: str, label: str) -> None:
    """Choose ``label`` in a dcc.Dropdown by typing it in the search box (long lists are not all drawn)."""
    dash_duo.find_element(f"#{dropdown}").click()
    search = dash_duo.wait_for_element(".dash-dropdown-search")
    search.send_keys(label)

    def click() -> bool:  # the list redraws while it filters: look again until the click lands
        for option in dash_duo.find_elements(".dash-dropdown-option"):
            if option.text == label:
                option.click()
                return True
        return False

    until(click, f"option {label!r} of {dropdown}")
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)


def _type(dash_duo: Any, element: str, text: str) -> None:
    box = dash_duo.find_element(f"#{element}")
    box.send_keys(Keys.CONTROL, "a")  # not clear(): React would not hear of it and keep the old value
    box.send_keys(Keys.DELETE)
    box.send_keys(text)


def _demo_villages(settings: Settings) -> tuple[list[str], dict[str, str], int]:
    """The demo district's village codes, their labels as the form shows them, and how many no partner reaches."""
    with Store.open(settings=settings) as store:
        villages = store.villages(DEMO_DISTRICT_CODE)
        codes = villages["code"].astype(str).tolist()
        labels = {str(c): f"{n} ({k})" for c, n, k in villages[["code", "name", "kecamatan_name"]].itertuples(False)}
        unreached = villages_without_programme(codes, Programmes(store).of_district(READER, DEMO_DISTRICT_CODE))
    return codes, labels, len(unreached)


def test_cvg230_planner_records_programme_and_case_audit(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    start_signed_in(dash_duo, settings, role="perencana", areas=(DEMO_DISTRICT_CODE,), name="perencana.uji",
                    next_path="/mitra")  # fmt: skip
    codes, labels, unreached = _demo_villages(settings)
    with Store.open(settings=settings) as store:
        registered = Programmes(store).of_district(READER, DEMO_DISTRICT_CODE)  # the demo's own fictional register
        before = villages_without_programme(codes, registered)
        idle_2026 = len(villages_without_programme(codes, registered, "2026-Q1"))  # none of them runs in 2026
    # Two villages no partner reaches yet, with names the search finds alone.
    chosen = [c for c in before if sum(label == labels[c] for label in labels.values()) == 1][:2]
    count = f"#{ID.MITRA_MAP_COUNT}"
    wait_text(dash_duo, count, f"{unreached} dari {len(codes)} desa belum dijangkau mitra mana pun")
    wait_for_script(dash_duo, MAP_DRAWN, ID.MITRA_MAP, timeout=40)
    assert dash_duo.driver.execute_script(MAP_STATE, ID.MITRA_MAP, chosen[0]).get("cls") == UNREACHED

    _type(dash_duo, ID.MITRA_PARTNER, "PT Air Bersih Contoh")
    _pick(dash_duo, ID.MITRA_SECTOR, "Swasta")
    _type(dash_duo, ID.MITRA_ACTIVITY, "PMT lokal dan air bersih")
    for code in chosen:
        _pick(dash_duo, ID.MITRA_VILLAGES, labels[code])
    _type(dash_duo, ID.MITRA_START, "2025-Q1")
    _type(dash_duo, ID.MITRA_END, "2025-Q4")
    _type(dash_duo, ID.MITRA_BUDGET, "25.000.000")
    dash_duo.find_element(f"#{ID.MITRA_SAVE}").click()
    wait_text(dash_duo, f"#{ID.MITRA_INFO}", "Program PT Air Bersih Contoh dicatat.")
    wait_text(dash_duo, f"#{ID.MITRA_TABLE}", "PT Air Bersih Contoh")
    row = next(r.text for r in dash_duo.find_elements(f"#{ID.MITRA_TABLE} tbody tr") if "PT Air Bersih" in r.text)
    for shown in ("Swasta", "2 desa", "Triwulan I 2025 s.d. Triwulan IV 2025", "Rp 25.000.000"):
        assert shown in row, (shown, row)
    wait_text(dash_duo, count, f"{unreached - 2} dari {len(codes)} desa belum dijangkau mitra mana pun")
    until(lambda: dash_duo.driver.execute_script(MAP_STATE, ID.MITRA_MAP, chosen[0]).get("cls") == REACHED,
          "the village reached recoloured")  # fmt: skip
    # In a period the programme does not run, the villages count as unreached again.
    _type(dash_duo, ID.MITRA_PERIOD, "2026-Q1\n")
    wait_text(dash_duo, count, f"{idle_2026} dari {len(codes)} desa belum dijangkau mitra mana pun pada Triwulan I")

    # A finding with a NIK in its note is refused with the data layer's message; without it, recorded.
    _pick(dash_duo, ID.KASUS_VILLAGE, labels[chosen[0]])
    _type(dash_duo, ID.KASUS_PERIOD, "2025-Q2")
    for cause in ("Pola asuh", "Air minum dan sanitasi"):
        dash_duo.driver.find_element(By.XPATH, f"//*[@id='{ID.KASUS_CAUSES}']//label[text()='{cause}']").click()
    _type(dash_duo, ID.KASUS_RECOMMENDATION, "Kelas pengasuhan dan jamban sehat")
    _type(dash_duo, ID.KASUS_NOTE, "anak NIK 3201234567890001")
    dash_duo.find_element(f"#{ID.KASUS_SAVE}").click()
    wait_text(dash_duo, f"#{ID.KASUS_INFO}", "berisi data yang dapat mengenali orang")
    _type(dash_duo, ID.KASUS_NOTE, "kunjungan rumah oleh TPK")
    dash_duo.find_element(f"#{ID.KASUS_SAVE}").click()
    wait_text(dash_duo, f"#{ID.KASUS_INFO}", "Temuan untuk")
    name = labels[chosen[0]].rsplit(" (", 1)[0]
    wait_text(dash_duo, f"#{ID.KASUS_TABLE}", "Triwulan II 2025")
    finding = dash_duo.find_element(f"#{ID.KASUS_TABLE} tbody tr").text
    for shown in (name, "Pola asuh", "Air minum dan sanitasi", "Kelas pengasuhan", "Belum ditindaklanjuti"):
        assert shown in finding, (shown, finding)
    assert "3201234567890001" not in dash_duo.find_element(f"#{ID.KASUS_TABLE}").text
    wait_text(dash_duo, f"#{ID.KASUS_COUNTS}", name)

    # Deleting the programme asks first, then gives the villages back to the count.
    _pick(dash_duo, ID.MITRA_CHOOSE, "PT Air Bersih Contoh: PMT lokal dan air bersih "
                                     "(Triwulan I 2025 s.d. Triwulan IV 2025)")  # fmt: skip
    until(lambda: dash_duo.find_element(f"#{ID.MITRA_START}").get_attribute("value") == "2025-Q1", "form loaded")
    dash_duo.find_element(f"#{ID.MITRA_DELETE}").click()
    until(lambda: accept_alert(dash_duo), "the confirmation")
    wait_text(dash_duo, f"#{ID.MITRA_INFO}", "dihapus")
    _type(dash_duo, ID.MITRA_PERIOD, "\n")
    wait_text(dash_duo, count, f"{unreached} dari {len(codes)} desa belum dijangkau mitra mana pun")

    SHOTS.mkdir(exist_ok=True)
    for width, height in ((1280, 720), (390, 844)):
        dash_duo.driver.set_window_size(width, height)
        dash_duo.driver.execute_script("window.scrollTo(0, 0)")
        dash_duo.driver.save_screenshot(str(SHOTS / f"mitra-{width}.png"))
        scroll, inner = dash_duo.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];"
        )
        assert scroll <= inner, (width, scroll, inner)
    assert dash_duo.get_logs() == []
