"""The main page's "Dua angka" panel: the demo's fictional survey beside its routine figure of the same year."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import map_page
from dashboard.views.map_page.choropleth import recoloured
from dashboard.views.map_page.two_numbers import district_two_numbers
from tests.app.test_honest_headline import FrameSource, _text

SURVEY_2025 = "Survei contoh (fiktif) 2025: 24,1% (21,5–26,9)"
ROUTINE_2025 = "Rutin (e-PPGBM/Sigizi) Agustus 2025: 19,3% (19,0–19,5), 87.518 dari 105.502 sasaran diukur (83,0%)"


def _find(component: Any, wanted: str) -> Any:
    """The component with id ``wanted`` in a tree, or None."""
    if isinstance(component, list | tuple):
        return next((found for child in component if (found := _find(child, wanted)) is not None), None)
    if not hasattr(component, "to_plotly_json"):
        return None
    if getattr(component, "id", None) == wanted:
        return component
    return _find(getattr(component, "children", None), wanted)


@pytest.fixture(scope="module")
def demo_services() -> Services:
    return Services(Settings(), DemoSource(Settings().geodata_dir))


def test_sur060_the_panel_shows_the_demo_survey_beside_its_routine_figure(demo_services: Services) -> None:
    view = map_page.map_view(demo_services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    text = _text(view.two_numbers)
    assert "Dua angka stunting 2025" in text
    assert SURVEY_2025 in text and ROUTINE_2025 in text
    assert "Mengapa dua angka ini berbeda?" in text and "enumerator terlatih" in text and "kader" in text
    assert "fiktif" in text  # the demo's figure says it is invented
    # The routine figure is the headline's own for that month: the same counts, never recomputed differently.
    headline = demo_services.headline(DEMO_DISTRICT_CODE, "2025-08")
    assert headline is not None and (headline.numerator, headline.denominator) == (16873.0, 87518.0)
    english = _text(map_page.map_view(demo_services, map_page.MapChoice(DEMO_DISTRICT_CODE, "vitamin_a", "2025-08"),
                                      "en").two_numbers)  # fmt: skip
    assert "Survei contoh (fiktif) 2025: 24.1% (21.5–26.9)" in english
    assert "Routine (e-PPGBM/Sigizi) August 2025: 19.3% (19.0–19.5), 87,518 of 105,502 target children measured" in (
        english
    )


def test_sur061_the_year_follows_the_period_and_a_kecamatan_has_no_panel(demo_services: Services) -> None:
    view = map_page.map_view(demo_services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2024-02"), "id")
    text = _text(view.two_numbers)
    assert "Survei contoh (fiktif) 2024: 26,1% (23,2–29,2)" in text
    assert "Rutin (e-PPGBM/Sigizi) Agustus 2024: 21,5% (21,2–21,7), 83.541 dari 105.159 sasaran diukur (79,4%)" in text
    # August 2024 reaches the threshold of villages reporting, so it stands beside the survey, not February.
    numbers = district_two_numbers(demo_services, DEMO_DISTRICT_CODE, "2024-02")
    assert numbers is not None and numbers.routine is not None and numbers.routine.period == "2024-08"
    kecamatan = str(demo_services.source.villages(DEMO_DISTRICT_CODE)["kecamatan_code"].iloc[0])
    choice = map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08", kecamatan)
    assert map_page.map_view(demo_services, choice, "id").two_numbers is None  # a survey estimates the district


def test_sur062_a_year_without_a_survey_shows_the_latest_survey_year() -> None:
    source = DemoSource(Settings().geodata_dir)
    observations = source.observations(DEMO_DISTRICT_CODE)
    later = observations[observations["period"] == "2025-08"].assign(period="2026-02")
    services = Services(Settings(), SurveySource(pd.concat([observations, later]), source))
    numbers = district_two_numbers(services, DEMO_DISTRICT_CODE, "2026-02")
    assert numbers is not None and numbers.year == 2025 and numbers.routine is not None
    assert numbers.routine.period == "2025-08"
    # A source without estimates (the older test sources) shows no panel and raises nothing.
    plain = Services(Settings(), FrameSource(observations))
    view = map_page.map_view(plain, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    assert view.two_numbers is None


class SurveySource(FrameSource):
    """The demo's villages and estimates with observations a test chose."""

    def __init__(self, observations: pd.DataFrame, demo: DemoSource) -> None:
        super().__init__(observations)
        self._survey = demo

    def estimates(self, district_code: str) -> pd.DataFrame:
        return self._survey.estimates(district_code)


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Any, Services]]:
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)  # imports the demo, its survey file included
    with Store.open(settings=settings) as store:
        yield app, Services.from_store(settings, store)


def test_sur063_the_page_from_the_database_draws_the_panel_and_follows_a_new_survey(
    stored: tuple[Any, Services],
) -> None:
    app, services = stored
    with app.server.test_request_context("/"):
        page = map_page.layout(services, "id", {"district": DEMO_DISTRICT_CODE, "period": "2025-08"})
        panel = _find(page, ID.TWO_NUMBERS)
        assert panel is not None
        assert SURVEY_2025 in _text(panel) and ROUTINE_2025 in _text(panel)
        # The callback's outputs carry the panel in the place of ID.TWO_NUMBERS.
        choice = map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2024-08")
        outputs = recoloured(services, choice, [f"{ID.PERIOD}.value"], "id")
        [key] = [key for key in app.callback_map if f"{ID.TWO_NUMBERS}.children" in key]
        position = key.strip(".").split("...").index(f"{ID.TWO_NUMBERS}.children")
        assert "Survei contoh (fiktif) 2024: 26,1% (23,2–29,2)" in _text(outputs[position])
    # A planner imports a real-looking survey figure for 2025: the cache follows and the newer file wins.
    store = services.require_store()
    content = (
        b"kode_wilayah,periode,indikator,nilai,batas_bawah,batas_atas,sumber\n99.01,2025,stunting,22.0,,,SSGI 2025\n"
    )
    batch = prepare_indicator_import(content, "ssgi.csv", store.villages(DEMO_DISTRICT_CODE), {},
                                     district_code=DEMO_DISTRICT_CODE)  # fmt: skip
    before = store.observations(DEMO_DISTRICT_CODE)
    services.commit(batch)
    pd.testing.assert_frame_equal(store.observations(DEMO_DISTRICT_CODE), before)
    numbers = district_two_numbers(services, DEMO_DISTRICT_CODE, "2025-08")
    assert numbers is not None and (numbers.survey.source, numbers.survey.value) == ("SSGI 2025", 22.0)
    with app.server.test_request_context("/"):
        view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    assert "SSGI 2025: 22,0%" in _text(view.two_numbers) and ROUTINE_2025 in _text(view.two_numbers)


def test_sur064_the_data_page_counts_survey_estimates_among_the_values_ready(demo_services: Services) -> None:
    from dashboard.views.data_page.report import report_view

    content = b"kode_wilayah,periode,indikator,nilai,batas_bawah,batas_atas,sumber\n99.01,2024,stunting,24.1,,,SSGI\n"
    villages = demo_services.source.villages(DEMO_DISTRICT_CODE)
    batch = prepare_indicator_import(content, "ssgi.csv", villages, {}, district_code=DEMO_DISTRICT_CODE)
    assert "1 baris dibaca, 1 nilai siap diimpor, 0 kesalahan, 0 peringatan." in _text(
        report_view(batch, demo_services, "id")
    )
