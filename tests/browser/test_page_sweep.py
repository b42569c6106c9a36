"""Every page at 1920×1080, 1280×720 and a phone (390×844), in Indonesian and English: it fits the screen (no
horizontal scroll), logs no console error, fails no request, shows its map and legend whole at 1280×720, and
shows (at 1920×1080) no word of the other language, raw period or code (tests/language_words.py) with its
``<html lang>`` set: what the callbacks fill and the charts draw, which the one-language test cannot read.

One server and one browser per language; every failure is collected and the test asserts once with the list
(``"/lokus 1280×720 id: scrollWidth 1328 > 1280"``), so one run tells every page's owner what to fix.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import TimeoutException, WebDriverException

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.ids import ID
from tests.auth_helpers import add_user, sign_in_browser
from tests.browser_helpers import failed_requests, network_events
from tests.language_words import offences

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1280, 720), (390, 844))
MAP_SIZE = (1280, 720)  # where the map and its legend must be on screen whole, without scrolling
TEXT_SIZE = (1920, 1080)  # where the page's visible text is read for the one-language check
WAIT = 45  # seconds a page may take to render on a busy two-core machine


@dataclass(frozen=True)
class Page:
    """A page to sweep: its path, whether the Dash app renders it, and its map and legend (CSS selectors)."""

    path: str
    dash: bool
    map: str | None = None
    legend: str | None = None
    map_hook: str | None = None  # the LokusMap's id in window.__lokusMaps, to wait for it to draw


def _pages(village: str) -> tuple[Page, ...]:
    return (
        Page("/", True, f"#{ID.MAP}", f"#{ID.LEGEND}", ID.MAP),
        Page("/lokus", True, f"#{ID.LOKUS_MAP}", f"#{ID.LOKUS_LEGEND}", ID.LOKUS_MAP),
        Page("/kesenjangan", True, f"#{ID.GAPS_MAP}", f"#{ID.GAPS_LEGEND}", ID.GAPS_MAP),
        Page("/wilayah", True, f"#{ID.REGION_MAP}", f"#{ID.REGION_LEGEND}", ID.REGION_MAP),
        Page("/data", True),
        Page("/audit", True),
        Page("/publikasi", True),
        Page("/publik", False),
        Page(f"/publik/{DEMO_DISTRICT_CODE}", False, "svg.pub-map", ".pub-legend"),
        Page(f"/publik/{DEMO_DISTRICT_CODE}/desa/{village}", False),
        Page("/unduh", False),
        Page("/publik/metode", False),
        Page(f"/paparan/{DEMO_DISTRICT_CODE}", False),
    )


# The Dash page is rendered: the router has answered, nothing is loading, the language asked for is on.
DASH_READY = (
    "const page = document.getElementById(arguments[0]);"
    "const lang = document.querySelector('#' + arguments[1] + ' input:checked');"
    "return !!(page && page.children.length && lang && lang.value === arguments[2]"
    " && !document.querySelector('[data-dash-is-loading=\"true\"]'));"
)
MAP_READY = (  # a LokusMap has loaded its style and boundaries (a region may have no villages: no layer count)
    "const hook = window.__lokusMaps && window.__lokusMaps[arguments[0]];"
    "return !!(hook && hook.ready && hook.map.loaded());"
)
MEASURE = (
    "const d = document.documentElement;"
    "return {scroll: d.scrollWidth, inner: window.innerWidth, height: window.innerHeight};"
)
LOADING = "return [...document.querySelectorAll('[data-dash-is-loading=\"true\"]')].map(e => e.id || e.className);"
# What a reader sees: the text as laid out, SVG text (chart ticks), tooltips and placeholders, the tab's title.
VISIBLE_TEXT = (
    "const texts = document.body.innerText.split('\\n');"
    "document.querySelectorAll('svg text, svg title').forEach(e => texts.push(e.textContent));"
    "document.querySelectorAll('[title], [placeholder], [aria-label]').forEach(e => {"
    " for (const a of ['title', 'placeholder', 'aria-label'])"
    " { if (e.getAttribute(a)) texts.push(e.getAttribute(a)); }});"
    "texts.push(document.title); return {texts: texts.filter(t => t.trim()), lang: document.documentElement.lang};"
)
RECT = (  # the element's box in the viewport, or null when absent or not displayed
    "const e = document.querySelector(arguments[0]); if (!e) return null;"
    "const b = e.getBoundingClientRect(); if (b.width === 0 && b.height === 0) return null;"
    "return [Math.round(b.left), Math.round(b.top), Math.round(b.right), Math.round(b.bottom)];"
)


def _screen(dash_duo: Any, width: int, height: int) -> None:
    """The screen of a desktop browser, or a phone's (mobile: the page's viewport meta decides its layout width)."""
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _wait(dash_duo: Any, script: str, *args: Any, timeout: float = WAIT) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if dash_duo.driver.execute_script(script, *args):
                return True
        except TimeoutException:  # the page's main thread is busy (a long script): ask again
            pass
        time.sleep(0.2)
    return False


def _url(dash_duo: Any, page: Page, lang: str) -> str:
    # Dash pages take the language from the navbar switch (kept in the browser); the Flask pages from ?lang=en.
    suffix = "?lang=en" if lang == "en" and not page.dash else ""
    return f"{dash_duo.server_url}{page.path}{suffix}"


def _choose_language(dash_duo: Any, lang: str) -> None:
    """Pick ``lang`` on the navbar switch, as a reader does (it persists in the browser for every Dash page)."""
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    dash_duo.wait_for_element(f"#{ID.LANGUAGE} input[value='{lang}']", timeout=30)
    dash_duo.driver.execute_script(
        "const input = document.querySelector(`#${arguments[0]} input[value='${arguments[1]}']`);"
        "document.querySelector(`label[for='${input.id}']`).click();",
        ID.LANGUAGE,
        lang,
    )
    assert _wait(dash_duo, DASH_READY, ID.PAGE, ID.LANGUAGE, lang), f"the language switch did not turn to {lang}"


def _map_on_screen(dash_duo: Any, page: Page, where: str, width: int, height: int) -> list[str]:
    """A planner's map starts on the first screen; scrolled to, the map and its legend fit on one screen whole."""
    assert page.map is not None and page.legend is not None
    problems: list[str] = []
    arrival = dash_duo.driver.execute_script(RECT, page.map)
    if arrival is None:
        return [f"{where}: the map {page.map} is not shown"]
    if page.dash and arrival[1] >= height:
        problems.append(f"{where}: the map starts at y={arrival[1]}, below the {height} px screen")
    dash_duo.driver.execute_script(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'start', behavior: 'instant'});", page.map
    )
    for name, selector in (("map", page.map), ("legend", page.legend)):
        box = dash_duo.driver.execute_script(RECT, selector)
        if box is None:
            problems.append(f"{where}: the {name} {selector} is not shown")
        elif box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
            problems.append(f"{where}: scrolled to the map, the {name} {selector} at {box} (left, top, right, "
                            f"bottom) is not inside the {width}×{height} viewport")  # fmt: skip
    dash_duo.driver.execute_script("window.scrollTo(0, 0);")
    return problems


def _one_language(dash_duo: Any, where: str, lang: str, names: tuple[str, ...]) -> list[str]:
    """What the page shows from the other language (tests/language_words.py), and its ``<html lang>``."""
    shown = dash_duo.driver.execute_script(VISIBLE_TEXT)
    problems = [f"{where}: {offence}" for offence in offences(shown["texts"], lang, names)]
    if shown["lang"] != lang:
        problems.append(f"{where}: <html lang={shown['lang']!r}>")
    return problems


def _visit(dash_duo: Any, page: Page, lang: str, size: tuple[int, int], names: tuple[str, ...]) -> list[str]:
    """Open ``page`` at ``size``; what is wrong with it, one line each (a browser error is one of them)."""
    try:
        return _check(dash_duo, page, lang, size, names)
    except WebDriverException as error:
        return [f"{page.path} {size[0]}×{size[1]} {lang}: the browser failed: {error.msg}"]


def _check(dash_duo: Any, page: Page, lang: str, size: tuple[int, int], names: tuple[str, ...]) -> list[str]:
    width, height = size
    where = f"{page.path} {width}×{height} {lang}"
    problems: list[str] = []
    _screen(dash_duo, width, height)
    dash_duo.get_logs()  # what earlier pages logged is theirs
    dash_duo.reset_log_timestamp()
    failed_before = len(failed_requests(dash_duo))
    dash_duo.driver.get(_url(dash_duo, page, lang))
    if page.dash:
        if not _wait(dash_duo, DASH_READY, ID.PAGE, ID.LANGUAGE, lang):
            loading = dash_duo.driver.execute_script(LOADING)
            problems.append(f"{where}: the page did not finish rendering in {WAIT} s (still loading: {loading})")
        if page.map_hook and not _wait(dash_duo, MAP_READY, page.map_hook):
            problems.append(f"{where}: the map #{page.map_hook} did not draw in {WAIT} s")
    elif not _wait(dash_duo, "return document.readyState === 'complete';"):
        problems.append(f"{where}: the page did not load in {WAIT} s")
    time.sleep(0.5)  # the last layout pass (a map's resize, a grid's column sizing)

    figures = dash_duo.driver.execute_script(MEASURE)
    if figures["inner"] != width:
        problems.append(f"{where}: laid out {figures['inner']} px wide on a {width} px screen (viewport meta?)")
    if figures["scroll"] > min(figures["inner"], width):
        problems.append(f"{where}: scrollWidth {figures['scroll']} > {width}")
    if size == MAP_SIZE and page.map:
        problems += _map_on_screen(dash_duo, page, where, width, height)
    if size == TEXT_SIZE:
        problems += _one_language(dash_duo, where, lang, names)
    for entry in dash_duo.get_logs():
        problems.append(f"{where}: console {entry['level']}: {entry['message'][:300]}")
    for failure in failed_requests(dash_duo)[failed_before:]:
        problems.append(f"{where}: request failed: {failure}")
    return problems


@pytest.mark.parametrize("lang", ["id", "en"])
def test_swp001_every_page_fits_every_screen_and_logs_nothing(dash_duo: Any, tmp_path: Path, lang: str) -> None:
    settings = Settings(data_dir=tmp_path / "instance")  # the demo, published on first start
    source = DemoSource(settings.geodata_dir)
    villages = source.villages(DEMO_DISTRICT_CODE)
    village = str(villages.iloc[0]["code"])
    names = tuple({*villages["name"].astype(str), *villages["kecamatan_name"].astype(str),
                   *(district.name for district in source.districts())})  # fmt: skip
    app = create_app(settings)
    add_user(settings, "uji", "admin")
    dash_duo.start_server(app)
    network_events(dash_duo)  # the start page's requests are not a page's

    problems: list[str] = []
    # The sign-in page first: once signed in, /login sends the reader on.
    login = Page("/login", False)
    for size in SIZES:
        problems += _visit(dash_duo, login, lang, size, names)
    _screen(dash_duo, 1280, 720)
    sign_in_browser(dash_duo, "uji")
    _choose_language(dash_duo, lang)
    for page in _pages(village):
        for size in SIZES:
            problems += _visit(dash_duo, page, lang, size, names)

    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)
