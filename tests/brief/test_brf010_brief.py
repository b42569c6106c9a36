"""The one-page brief of the demo: one page, the main page's figures as text, maps that are not blank."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import numpy as np
import pytest
from PIL import Image

from dashboard.brief.content import BriefContent, BriefError, brief_content
from dashboard.brief.page import PAGE, BriefPage, brief_pdf
from dashboard.brief.pdf import page_png
from dashboard.core.aggregate import total
from dashboard.core.indicators import STUNTING, get_indicator
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.i18n import fmt_int, fmt_percent
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page.scenarios import scenario_from
from tests.brief.conftest import pages, poppler


@pytest.fixture(scope="module")
def made(services: Services) -> Iterator[tuple[BriefContent, BriefPage, float]]:
    started = time.perf_counter()
    content = brief_content(services, DEMO_DISTRICT_CODE, None, "id")
    page = brief_pdf(content)
    yield content, page, time.perf_counter() - started


def test_brf010_one_page_with_district_period_prevalence_and_the_fictional_mark(
    services: Services, made: tuple[BriefContent, BriefPage, float]
) -> None:
    _, page, seconds = made
    assert pages(page.pdf) == 1
    assert seconds < 20
    text = " ".join(poppler("pdftotext", page.pdf).split())
    headline = services.headline(DEMO_DISTRICT_CODE)
    assert headline is not None
    # As the main page's cards print them (dashboard.figures.headline formatting, never a number typed here).
    assert fmt_percent(headline.rate, "id") in text and fmt_int(headline.numerator, "id") in text
    assert "Kabupaten Contoh" in text and "Agustus 2025" in text and "fiktif" in text
    assert fmt_percent(get_indicator(STUNTING).target, "id", 0) in text  # the national 14%
    assert "bermakna" in text  # the change's significance, in the card's words
    assert "Dibuat" in text and "oleh Lokus" in text and "kabupaten_contoh_indikator.csv" in text


def test_brf011_the_maps_on_the_png_are_not_blank(made: tuple[BriefContent, BriefPage, float]) -> None:
    _, page, _ = made
    dpi = 100
    image = Image.open(io.BytesIO(page_png(page.pdf, dpi))).convert("RGB")
    assert abs(image.width - PAGE[0] * dpi / 72) <= 1 and abs(image.height - PAGE[1] * dpi / 72) <= 1  # A4 landscape
    box = page.maps["prevalence"]
    scale = dpi / 72
    left, top = int(box.x * scale), int(image.height - (box.y + box.height) * scale)
    crop = np.asarray(image.crop((left, top, int(left + box.width * scale), int(top + box.height * scale))))
    colours = {tuple(pixel) for pixel in crop.reshape(-1, 3)}
    not_white = (crop < 245).any(axis=2).mean()
    assert len(colours) > 50 and not_white > 0.25


def test_brf012_rankings_and_trend_are_the_headlines_figures(
    services: Services, made: tuple[BriefContent, BriefPage, float]
) -> None:
    content, _, _ = made
    villages = services.source.villages(DEMO_DISTRICT_CODE)
    by_name = dict(zip(villages["kecamatan_name"], villages["kecamatan_code"], strict=False))
    for _rank, name, prevalence, stunted, measured in content.kecamatan_rows:
        own = services.headline(DEMO_DISTRICT_CODE, content.period, kecamatan=by_name[name])
        assert own is not None
        assert (prevalence, stunted, measured) == (
            fmt_percent(own.rate, "id"), fmt_int(own.numerator, "id"), fmt_int(own.denominator, "id"),
        )  # fmt: skip
    rates = [float(row[2].rstrip("%").replace(",", ".")) for row in content.kecamatan_rows]
    assert rates == sorted(rates, reverse=True) and len(rates) == 5
    for point in content.trend:
        headline = services.headline(DEMO_DISTRICT_CODE, point.period)
        assert headline is not None and point.rate == pytest.approx(headline.rate)
        assert point.complete == headline.complete
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    stunted, _ = total(observations, STUNTING, content.period)
    assert content.facts[1].value == fmt_int(stunted, "id")


def test_brf013_lokus_final_list_or_latest_draft_marked(services: Services) -> None:
    content = brief_content(services, DEMO_DISTRICT_CODE, None, "id")
    assert not content.lokus.rows and content.lokus_map is None and "Belum ada" in content.lokus.note
    state = lokus_page.default_state(services)
    state["adjustments"] = [{"code": "99.01.16.2001", "action": "add", "reason": "permintaan camat"}]
    store = services.require_store()
    draft = store.save_scenario(scenario_from(services, {"state": state}, "Usulan Bappeda", "uji", "id"))
    try:
        content = brief_content(services, DEMO_DISTRICT_CODE, None, "id")
        assert content.lokus.draft and content.lokus.heading.endswith("DRAF")
        assert [row[0] for row in content.lokus.rows] == [str(i) for i in range(1, len(draft.villages) + 1)]
        assert content.lokus.rows[-1][1] == "Padang Maju*"  # added by hand, marked
        assert content.lokus_map is not None and set(content.lokus_map.numbers) == set(draft.codes)
        text = poppler("pdftotext", brief_pdf(content).pdf)
        assert "DRAF" in text and "Padang Maju*" in text
        assert draft.id is not None
        final = store.finalise_scenario(draft.id)
        content = brief_content(services, DEMO_DISTRICT_CODE, None, "id")
        assert not content.lokus.draft and "DRAF" not in content.lokus.heading and final.is_final
    finally:
        store.reopen_scenario(draft.id or 0)
        store.delete_scenario(draft.id or 0)


def test_brf014_english_and_errors(services: Services) -> None:
    content = brief_content(services, DEMO_DISTRICT_CODE, "2025-02", "en")
    text = " ".join(poppler("pdftotext", brief_pdf(content).pdf).split())
    assert "February 2025" in text and "sample data (fictional)" in text and "Stunting brief" in text
    with pytest.raises(BriefError) as unknown:
        brief_content(services, "52.03", None, "id")
    assert unknown.value.key == "brief.unknown_district"
    with pytest.raises(BriefError) as empty:
        brief_content(services, DEMO_DISTRICT_CODE, "2019-08", "id")
    assert empty.value.key == "brief.no_data"
