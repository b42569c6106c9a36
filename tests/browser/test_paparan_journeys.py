"""The briefing room in headless Chromium: the presentation driven by the keyboard at 1280×720 (every slide
legible from the back of the room, its legend inside the screen, nothing sideways) and stacked on a phone."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.keys import Keys

from dashboard.config import Settings
from dashboard.data.store import Store
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import external_requests
from tests.presentation.helpers import seed_briefing

pytestmark = pytest.mark.browser

# Per slide, what the current slide measures: its texts' smallest size, its figures' smallest size, whether it
# overflows, where its legend and pictures are, and whether the page scrolls sideways.
MEASURE = """
const slide = document.querySelector('.slide.current');
if (!slide) { return null; }
const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const sizes = [];
const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
const size = el => parseFloat(getComputedStyle(el).fontSize);
while (walker.nextNode()) {
  const node = walker.currentNode; const el = node.parentElement;
  if (node.textContent.trim() && shown(el)) { sizes.push([size(el), node.textContent.trim()]); }
}
document.querySelectorAll('.deck-nav a').forEach(a => {
  if (shown(a)) { sizes.push([size(a), a.textContent.trim()]); }
});
const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
return {
  id: slide.id,
  visible: Array.from(document.querySelectorAll('.slide')).filter(shown).map(s => s.id),
  smallest: sizes.reduce((a, b) => a[0] <= b[0] ? a : b, [999, '']),
  figures: Array.from(slide.querySelectorAll('.slide-figure')).map(f => [f.textContent.trim(), size(f)]),
  // content taller than the slide, or than its body (it would run under the footer)
  overflow: Math.max(slide.scrollHeight - slide.clientHeight,
    ...Array.from(slide.querySelectorAll('.slide-body')).map(b => b.scrollHeight - b.clientHeight)),
  legends: Array.from(slide.querySelectorAll('.slide-legend, .bivariate-grid')).filter(shown).map(box),
  pictures: Array.from(slide.querySelectorAll('img')).map(i => [i.naturalWidth, ...box(i)]),
  sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  text: slide.innerText,
};
"""


def _measure(dash_duo: Any, slide: int) -> dict[str, Any]:
    deadline = time.time() + 20
    while time.time() < deadline:
        found = dash_duo.driver.execute_script(MEASURE)
        if found and found["id"] == f"s{slide}" and all(p[0] > 0 for p in found["pictures"]):
            return dict(found)
        time.sleep(0.2)
    raise AssertionError(f"slide {slide} did not show with its pictures loaded: {found}")


def _viewport(dash_duo: Any, width: int, height: int, mobile: bool = False) -> None:
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


@pytest.fixture
def started(dash_duo: Any, tmp_path: Path) -> Any:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        seed_briefing(store)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",))
    return dash_duo


def test_jrn080_presentation_by_keyboard_at_1280x720(started: Any) -> None:
    dash_duo = started
    _viewport(dash_duo, 1280, 720)
    dash_duo.driver.get(dash_duo.server_url + "/paparan/99.01")
    body = dash_duo.find_element("body")
    expected = {
        1: ["Sekilas", "19,3%", "Balita stunting", "Perubahan sejak Agustus 2024", "Target nasional", "14%"],
        2: ["Peta stunting per desa", "Prevalensi stunting", "Balita stunting", "Batas kecamatan"],
        3: ["Kecamatan dengan prevalensi tertinggi", "Desa dengan balita stunting terbanyak"],
        4: ["Lokus desa 2025", "DRAF"],
        5: ["Kesenjangan layanan", "Paling jauh di bawah target", "Kurang"],
        6: ["Tinjauan: lokus desa 2024", "lokus desa 2024: prevalensi"],
        7: ["Target dan komitmen", "Kegiatan disepakati", "Rp 2,0 jt / Rp 9,5 jt"],
    }
    # Forward with the keys a clicker sends, alternating arrows and Page Down.
    for slide in range(1, 8):
        seen = _measure(dash_duo, slide)
        assert seen["visible"] == [f"s{slide}"], seen["visible"]  # one slide at a time
        for text in expected[slide]:
            assert text in seen["text"], (slide, text)
        assert f"{slide}/7" in seen["text"] and "data contoh (fiktif)" in seen["text"]
        assert "Agustus 2025 · " in seen["text"] and "desa melapor" in seen["text"] and "Sumber:" in seen["text"]
        assert seen["smallest"][0] >= 24, (slide, seen["smallest"])  # legible from the back of the room
        assert all(size >= 64 for _, size in seen["figures"]), (slide, seen["figures"])
        assert seen["overflow"] <= 0 and seen["sideways"] <= 0, (slide, seen["overflow"], seen["sideways"])
        for left, top, right, bottom in seen["legends"]:
            assert left >= 0 and top >= 0 and right <= 1280 and bottom <= 720, (slide, "legend", seen["legends"])
        for _, left, top, right, bottom in seen["pictures"]:
            assert left >= 0 and top >= 0 and right <= 1280 and bottom <= 720, (slide, "picture", seen["pictures"])
        if slide == 1:
            assert len(seen["figures"]) == 5 and seen["figures"][0][0] == "19,3%"
        if slide in (2, 4, 5):
            assert seen["legends"] and seen["pictures"], slide
        body.send_keys(Keys.ARROW_RIGHT if slide % 2 else Keys.PAGE_DOWN)
    assert _measure(dash_duo, 7)["id"] == "s7"  # past the last slide stays there
    body.send_keys(Keys.PAGE_UP)
    assert _measure(dash_duo, 6)["id"] == "s6"
    body.send_keys(Keys.ARROW_LEFT)
    assert _measure(dash_duo, 5)["id"] == "s5"
    body.send_keys(Keys.HOME)
    assert _measure(dash_duo, 1)["id"] == "s1"
    dash_duo.find_element(".deck-next").click()  # the on-screen arrow
    assert _measure(dash_duo, 2)["id"] == "s2"
    assert dash_duo.driver.execute_script("return location.hash") == "#s2"
    dash_duo.driver.refresh()  # a reload keeps the slide
    assert _measure(dash_duo, 2)["id"] == "s2"
    body = dash_duo.find_element("body")
    body.send_keys(Keys.END)
    assert _measure(dash_duo, 7)["id"] == "s7"
    assert external_requests(dash_duo) == []
    assert [e for e in dash_duo.get_logs() if e.get("level") == "SEVERE"] == []
    # English words are longer: every slide still fits the screen.
    dash_duo.driver.get(dash_duo.server_url + "/paparan/99.01?lang=en")
    body = dash_duo.find_element("body")
    for slide in range(1, 8):
        seen = _measure(dash_duo, slide)
        assert seen["overflow"] <= 0 and seen["sideways"] <= 0 and seen["smallest"][0] >= 24, (slide, seen["overflow"])
        body.send_keys(Keys.PAGE_DOWN)


def test_jrn081_larger_projector_scales_and_phone_stacks(started: Any) -> None:
    dash_duo = started
    _viewport(dash_duo, 1920, 1080)
    dash_duo.driver.get(dash_duo.server_url + "/paparan/99.01#s2")
    seen = _measure(dash_duo, 2)
    assert seen["smallest"][0] >= 36 and seen["overflow"] <= 0 and seen["sideways"] <= 0
    for legend in seen["legends"]:
        assert legend[2] <= 1920 and legend[3] <= 1080
    _viewport(dash_duo, 390, 844, mobile=True)
    dash_duo.driver.get(dash_duo.server_url + "/paparan/99.01")
    time.sleep(1)
    stacked = dash_duo.driver.execute_script(
        "return [Array.from(document.querySelectorAll('.slide')).filter(s => s.offsetHeight > 0).length,"
        " document.documentElement.scrollWidth - document.documentElement.clientWidth,"
        " Array.from(document.querySelectorAll('img')).every(i => i.getBoundingClientRect().right <= 390)]"
    )
    assert stacked == [7, 0, True]
