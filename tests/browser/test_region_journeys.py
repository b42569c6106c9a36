"""A provincial analyst's journey, headless: kabupaten outlines and a kabupaten series imported, the province
mapped kabupaten by kabupaten in fixed bands, a kabupaten opened, the change between the two years read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.views.region_page.model import PREVALENCE_EDGES, band_colours
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import click_map, external_requests, failed_requests, wait_for_script
from tests.levels.helpers import check, import_kabupaten, messages
from tests.levels.test_lev010_kabupaten_series import SERIES  # the same NTB series, names written three ways

pytestmark = pytest.mark.browser

MAP = "region-map"
HOOK = "const hook = window.__lokusMaps[arguments[0]];"
# Inside each square of tests.levels.helpers.kabupaten_geojson (lon 116+i .. 116.9+i, lat -9.0 .. -8.1).
CENTRES = {"52.03": (116.45, -8.55), "52.06": (117.45, -8.55), "52.72": (118.45, -8.55)}


def _band(rate: float) -> int:
    return sum(rate >= edge for edge in PREVALENCE_EDGES)


def _close(actual: list[int], colour: str) -> bool:
    expected = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= 3 for a, b in zip(actual, expected, strict=True))


@pytest.fixture
def province(dash_duo: Any, tmp_path: Path) -> Any:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        import_kabupaten(store)
        batch = check(store, SERIES, "seri_kabupaten_ntb.csv")
        assert batch.ok, messages(batch)
        store.commit(batch)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("52",), next_path="/wilayah")
    return dash_duo


def test_reg001_province_mapped_by_kabupaten_opened_and_compared(province: Any) -> None:
    dash_duo = province
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=40)
    dash_duo.wait_for_contains_text("#region-title", "2024", timeout=20)
    title = dash_duo.find_element("#region-title").text
    assert "Nusa Tenggara Barat" in title or "52" in title, title

    # Each kabupaten is drawn in the WHO band of its own imported figure (2024, the latest period).
    colours = band_colours("stunting")
    rates = {"52.03": 790 / 3251, "52.06": 430 / 1699, "52.72": 95 / 655}
    for code, rate in rates.items():
        expected = colours[_band(100 * rate)]
        pixel = list(dash_duo.driver.execute_script(f"{HOOK} return hook.pixelAt(arguments[1], arguments[2]);",
                                                    MAP, *CENTRES[code]))  # fmt: skip
        assert _close(pixel, expected), (code, pixel, expected)
    assert _band(100 * rates["52.72"]) != _band(100 * rates["52.03"])  # the test tells two bands apart

    # The source of the figures is said: imported for the kabupaten themselves (no villages to sum here).
    origin = dash_duo.find_element("#region-origin").text
    assert "diimpor" in origin

    # Opening a kabupaten shows its own figure with its interval and counts.
    click_map(dash_duo, MAP, *CENTRES["52.03"])
    dash_duo.wait_for_contains_text("#region-opened", "Lombok Timur", timeout=15)
    opened = dash_duo.find_element("#region-opened").text
    assert "24,3%" in opened and "790 dari 3.251" in opened, opened

    # The change between the two years, kabupaten by kabupaten, with Newcombe's interval.
    dash_duo.select_dcc_dropdown("#region-compare", index=1)  # 2024 first, 2023 second
    dash_duo.wait_for_contains_text("#region-change", "2023", timeout=15)
    change = dash_duo.find_element("#region-change").text
    # Lombok Timur: 26,0% -> 24,3%, -1,7 points.
    assert "26,0%" in change and "\u22121,7 poin" in change, change

    assert dash_duo.get_logs() == []
    assert external_requests(dash_duo) == []
    assert [url for url in failed_requests(dash_duo) if "/lokus-tiles/" not in url] == []


def test_reg002_reader_of_another_province_sees_none_of_it(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        import_kabupaten(store)
        store.commit(check(store, SERIES, "seri_kabupaten_ntb.csv"))
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("64",), next_path="/wilayah")
    # Only the fictional demo's province (anyone signed in may see it), marked as such; nothing of NTB.
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=40)
    dash_duo.wait_for_contains_text("#region-title", "data contoh (fiktif)", timeout=20)
    options = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#region-choice .Select-value-label, #region-choice')).map("
        "e => e.innerText).join(' ');"
    )
    assert "Contoh" in options and "Nusa Tenggara" not in options, options
    page = dash_duo.find_element("#page").text
    assert "Lombok" not in page and "Bima" not in page
    dash_duo.driver.get(f"{dash_duo.server_url}/lokus-geo/x/kabupaten/52.geojson")
    assert "Lombok" not in dash_duo.driver.page_source


def _demo_units(settings: Settings) -> dict[str, Any]:
    """On the demo district: figures imported for two kecamatan, and a puskesmas list with a figure per puskesmas."""
    import pandas as pd

    from dashboard.data.importers.puskesmas import prepare_puskesmas_import
    from dashboard.data.levels import commit_puskesmas
    from dashboard.data.source import DEMO_DISTRICT_CODE

    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        villages = store.villages(DEMO_DISTRICT_CODE)
        kecamatan = sorted(villages["kecamatan_code"].unique())[:2]
        served = villages[villages["kecamatan_code"] == kecamatan[0]]["code"].tolist()
        listing = ["kode_puskesmas,nama_puskesmas,kode_desa"] + [f"PKM-1,Puskesmas Satu,{code}" for code in served]
        batch = prepare_puskesmas_import(("\n".join(listing) + "\n").encode(), "pkm.csv",
                                         pd.DataFrame(villages.drop(columns="geometry")))  # fmt: skip
        assert batch.ok, messages(batch)  # type: ignore[arg-type]
        commit_puskesmas(store, batch)
        lines = [
            "kode_wilayah,kode_puskesmas,periode,indikator,pembilang,penyebut",
            f"{kecamatan[0]},,2025-08,stunting,50,1000",  # 5,0%: low
            f"{kecamatan[1]},,2025-08,stunting,350,1000",  # 35,0%: very high
            f"{DEMO_DISTRICT_CODE},PKM-1,2025-08,stunting,240,1000",  # 24,0%: high
        ]
        checked = check(store, lines, "kecamatan_puskesmas.csv")
        assert checked.ok, messages(checked)
        store.commit(checked)
        shapes = villages.dissolve(by="kecamatan_code").representative_point()
        return {"kecamatan": kecamatan, "points": {code: (p.x, p.y) for code, p in shapes.items()},
                "district": DEMO_DISTRICT_CODE}  # fmt: skip


def _pixel(dash_duo: Any, point: tuple[float, float]) -> list[int]:
    return list(dash_duo.driver.execute_script(f"{HOOK} return hook.pixelAt(arguments[1], arguments[2]);", MAP, *point))


def _wait_colour(dash_duo: Any, point: tuple[float, float], colour: str) -> None:
    import time

    deadline = time.time() + 20
    while not _close(_pixel(dash_duo, point), colour) and time.time() < deadline:
        time.sleep(0.3)
    assert _close(_pixel(dash_duo, point), colour), (_pixel(dash_duo, point), colour)


def test_reg003_district_by_kecamatan_and_by_puskesmas_area(dash_duo: Any, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    demo = _demo_units(settings)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/wilayah")
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=40)
    dash_duo.select_dcc_dropdown("#region-choice", index=1)  # the province first, then its district
    dash_duo.wait_for_contains_text("#region-title", "per kecamatan", timeout=20)
    colours = band_colours("stunting")
    first, second = demo["kecamatan"]
    # Imported for the kecamatan themselves: each in its own band; the sums of villages are another origin.
    dash_duo.wait_for_contains_text("#region-origin", "jumlah dari desa", timeout=20)
    _wait_colour(dash_duo, demo["points"][first], colours[_band(5.0)])
    _wait_colour(dash_duo, demo["points"][second], colours[_band(35.0)])
    assert "diimpor" in dash_duo.find_element("#region-origin").text

    # By puskesmas: the area it serves (the union of its villages) carries its figure, 24,0%.
    dash_duo.find_element("label[for='_dbcprivate_radioitems_region-level_input_puskesmas']").click()
    dash_duo.wait_for_contains_text("#region-title", "puskesmas", timeout=20)
    _wait_colour(dash_duo, demo["points"][first], colours[_band(24.0)])
    assert "Puskesmas Satu" in dash_duo.find_element("#region-table").text
    assert "24,0%" in dash_duo.find_element("#region-table").text
    assert dash_duo.get_logs() == []


def test_reg004_villages_appear_from_district_zoom_through_the_apps_tiles(dash_duo: Any, tmp_path: Path) -> None:
    """The demo's province: its kabupaten filled zoomed out; once the app has built the village tiles (in the
    background, the page asking again), zooming in draws each village in the band of its own figure."""
    import time

    from dashboard.data.source import DEMO_DISTRICT_CODE

    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        villages = store.villages(DEMO_DISTRICT_CODE)
        observations = store.observations(DEMO_DISTRICT_CODE)
    start_signed_in(dash_duo, settings, role="pimpinan", areas=("99.01",), next_path="/wilayah")
    dash_duo.wait_for_element(f'#{MAP}[data-ready="true"]', timeout=40)
    dash_duo.wait_for_contains_text("#region-note", "Perbesar peta", timeout=90)  # tiles built
    # The village with the most children measured in the latest period, and its own prevalence.
    latest = observations[(observations["indicator"] == "stunting")]
    latest = latest[latest["period"] == latest["period"].max()].sort_values("denominator", ascending=False)
    code = str(latest["code"].iloc[0])
    rate = 100 * float(latest["numerator"].iloc[0]) / float(latest["denominator"].iloc[0])
    point = villages.set_index("code").geometry[code].representative_point()
    dash_duo.driver.execute_script(
        f"{HOOK} hook.idleAfterMove = false; hook.map.once('idle', () => {{ hook.idleAfterMove = true; }});"
        " hook.map.jumpTo({center: [arguments[1], arguments[2]], zoom: 11.5});",
        MAP,
        point.x,
        point.y,
    )
    expected = band_colours("stunting")[_band(rate)]
    deadline = time.time() + 30
    while not _close(_pixel(dash_duo, (point.x, point.y)), expected) and time.time() < deadline:
        time.sleep(0.3)
    assert _close(_pixel(dash_duo, (point.x, point.y)), expected), (_pixel(dash_duo, (point.x, point.y)), expected)
    # The tiles came from the app (MapLibre's worker fetches them, which Chrome's log does not show): the map's
    # source has the village's feature, keyed by its code.
    found = dash_duo.driver.execute_script(
        f"{HOOK} return hook.map.querySourceFeatures('villages', {{sourceLayer: 'desa'}}).map(f => f.properties.code)"
        ".includes(arguments[1]);",
        MAP,
        code,
    )
    assert found

    # Zoomed out, the kabupaten is filled; clicking it offers its village map, which opens on the main page.
    centre = villages.dissolve().representative_point().iloc[0]
    dash_duo.driver.execute_script(
        f"{HOOK} hook.idleAfterMove = false; hook.map.once('idle', () => {{ hook.idleAfterMove = true; }});"
        " hook.map.jumpTo({center: [arguments[1], arguments[2]], zoom: 7});",
        MAP,
        centre.x,
        centre.y,
    )
    wait_for_script(dash_duo, f"{HOOK} return hook.idleAfterMove;", MAP, timeout=30)
    click_map(dash_duo, MAP, centre.x, centre.y)
    dash_duo.wait_for_contains_text("#region-opened", "Kabupaten Contoh", timeout=15)
    dash_duo.wait_for_element("#region-open:not(.d-none)", timeout=10).click()
    wait_for_script(dash_duo, "return window.location.pathname === '/';", timeout=20)
    dash_duo.wait_for_element('#map-graph[data-ready="true"]', timeout=40)
    assert dash_duo.get_logs() == []
