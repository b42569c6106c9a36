"""Printing, in headless Chromium: the main page on one A4 landscape sheet with a real map, the other pages bare."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from dashboard.config import Settings
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import MAP_DRAWN, external_requests, failed_requests, wait_for_script

pytestmark = pytest.mark.browser

MAP = f"#{ID.MAP}"  # the live map (LokusMap)
A4_LANDSCAPE = {"landscape": True, "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True}
LOADED = "const img = document.querySelector(arguments[0]); return img.complete && img.naturalWidth > 0 && img.src;"


def _start(dash_duo: Any, data_dir: Path, next_path: str = "/") -> None:
    start_signed_in(dash_duo, Settings(data_dir=data_dir), role="pimpinan", areas=("99.01",), next_path=next_path)


def _print_media(dash_duo: Any, media: str = "print") -> None:
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def _pdf(dash_duo: Any, **options: Any) -> pdfium.PdfDocument:
    answer = dash_duo.driver.execute_cdp_cmd("Page.printToPDF", options)
    return pdfium.PdfDocument(base64.b64decode(answer["data"]))


def _text(document: pdfium.PdfDocument) -> str:
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def _shown(dash_duo: Any, selector: str) -> bool:
    found = dash_duo.driver.find_elements("css selector", selector)
    return bool(found) and found[0].is_displayed()


def _finish_clean(dash_duo: Any) -> None:
    assert dash_duo.get_logs() == []
    assert failed_requests(dash_duo) == []
    assert external_requests(dash_duo) == []


def test_prn001_the_main_page_prints_on_one_landscape_sheet_with_its_map(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    dash_duo.driver.set_window_size(1280, 720)  # a laptop's screen: the print must not depend on it
    dash_duo.wait_for_element(f'{MAP}[data-ready="true"]', timeout=30)
    wait_for_script(dash_duo, MAP_DRAWN, ID.MAP)
    # On screen: the live map, no picture; the picture is loaded all the same (only loading="lazy" would defer
    # it), so it is there the moment the user prints.
    assert _shown(dash_duo, MAP) and not _shown(dash_duo, f"#{ID.PRINT_MAP}")
    src = wait_for_script(dash_duo, LOADED, f"#{ID.PRINT_MAP}")
    assert "/unduh/peta/99.01.png?periode=" in src and "indikator=stunting" in src
    kpi = dash_duo.find_element(f"#{ID.KPI_PREVALENCE} .kpi-value").text
    stunted = dash_duo.find_element(f"#{ID.KPI_STUNTED} .kpi-value").text

    _print_media(dash_duo)
    controls = (".navbar", f"#{ID.LANGUAGE}", ".controls", f"#{ID.DISTRICT}", f"#{ID.PERIOD}", f"#{ID.BRIEF_PDF}")
    for hidden in (*controls, MAP, ".maplibregl-map", ".lokus-map__print", f"#{ID.PROFILE}", f"#{ID.MAP_TITLE}",
                   f"#{ID.LEGEND}"):  # fmt: skip
        assert not _shown(dash_duo, hidden), hidden
    # The picture carries the map's title, legend, scale bar, north arrow and source (tests/brief/test_brf040).
    for shown in (f"#{ID.PRINT_MAP}", "h1", f"#{ID.DEMO_BADGE}", f"#{ID.KPI_SCOPE}", f"#{ID.KPI_PREVALENCE}",
                  f"#{ID.KPI_STUNTED}", f"#{ID.KPI_CHANGE}"):  # fmt: skip
        assert _shown(dash_duo, shown), shown
    image = dash_duo.find_element(f"#{ID.PRINT_MAP}")
    assert image.size["width"] > 300 and image.size["height"] > 150
    assert dash_duo.driver.execute_script("return arguments[0].naturalWidth", image) > 1000

    # Chromium honours the stylesheet's A4 landscape page; and A4 landscape set by hand gives one sheet too.
    sheet = _pdf(dash_duo, preferCSSPageSize=True, printBackground=True)
    assert len(sheet) == 1
    width, height = sheet[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)
    text = _text(sheet)
    assert "Kabupaten Contoh" in text and "data contoh (fiktif)" in text
    assert kpi in text and stunted in text
    assert "Kabupaten/kota" not in text and "Klasifikasi" not in text  # no control printed
    by_hand = _pdf(dash_duo, **A4_LANDSCAPE)
    assert len(by_hand) == 1
    # The map is a picture on the sheet (the page text holds none of the map's names: they are in the picture).
    page = sheet[0]
    assert any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())
    _print_media(dash_duo, "")
    assert _shown(dash_duo, MAP) and not _shown(dash_duo, f"#{ID.PRINT_MAP}")
    _finish_clean(dash_duo)


def test_prn002_the_printed_map_follows_the_period_on_screen(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path)
    dash_duo.wait_for_element(MAP, timeout=20)
    before = wait_for_script(dash_duo, LOADED, f"#{ID.PRINT_MAP}")
    assert "periode=2025-08" in before
    dash_duo.select_dcc_dropdown(f"#{ID.PERIOD}", value="Februari 2025")
    dash_duo.wait_for_contains_text(f"#{ID.MAP_TITLE}", "Februari 2025")
    after = wait_for_script(
        dash_duo,
        "const img = document.querySelector(arguments[0]);"
        "return img.src.includes('periode=2025-02') && img.complete && img.naturalWidth > 0 && img.src;",
        f"#{ID.PRINT_MAP}",
    )
    assert after.replace("2025-02", "2025-08") == before  # only the period changed
    dash_duo.select_dcc_dropdown(f"#{ID.INDICATOR}", value="Vitamin A (6-59 bulan)")
    wait_for_script(
        dash_duo, "return document.querySelector(arguments[0]).src.includes('indikator=vitamin_a')", f"#{ID.PRINT_MAP}"
    )
    wait_for_script(dash_duo, LOADED, f"#{ID.PRINT_MAP}")
    _print_media(dash_duo)
    assert len(_pdf(dash_duo, **A4_LANDSCAPE)) == 1
    _finish_clean(dash_duo)


def test_prn003_other_pages_print_without_navigation_or_controls(dash_duo: Any, tmp_path: Path) -> None:
    _start(dash_duo, tmp_path, next_path="/kesenjangan")
    dash_duo.wait_for_element(f"#{ID.GAPS_DISTRICT}", timeout=20)
    _print_media(dash_duo)
    for hidden in (".navbar", f"#{ID.GAPS_DISTRICT}", f"#{ID.GAPS_PERIOD}"):
        assert not _shown(dash_duo, hidden), hidden
    assert _shown(dash_duo, "h1") and _shown(dash_duo, f"#{ID.GAPS_SCOPE_TABLE}")
    # The map component prints (a still image of itself, LokusMap's docstring), and so does its legend.
    assert _shown(dash_duo, f"#{ID.GAPS_MAP}") and _shown(dash_duo, f"#{ID.GAPS_LEGEND}")
    text = _text(_pdf(dash_duo, printBackground=True))
    assert "Lokus desa" not in text  # the navigation's link to the lokus page
    _print_media(dash_duo, "")

    # The public site: server-rendered, its own stylesheet.
    dash_duo.driver.get(f"{dash_duo.server_url}/publik/metode")
    dash_duo.wait_for_element(".pub-header")
    _print_media(dash_duo)
    assert not _shown(dash_duo, ".pub-header") and _shown(dash_duo, "h1")
    background = dash_duo.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    text = _text(_pdf(dash_duo, printBackground=True))
    assert "Metode" in text and "API" in text
    assert "Masuk" not in text.split("Metode")[0]  # the header's sign-in link is not printed above the title
    _print_media(dash_duo, "")
    assert _shown(dash_duo, ".pub-header")
