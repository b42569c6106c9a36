"""What the slides say: the same figures as every other surface, exact, with period, source and completeness."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.core.aggregate import village_table
from dashboard.core.indicators import STUNTING
from dashboard.core.periods import MONTHS_ID
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.figures.static_map import render
from dashboard.i18n import fmt_int, fmt_percent
from dashboard.presentation.deck import build_deck
from dashboard.presentation.slides import LABEL_PT, PX_PER_PT, Deck
from dashboard.services import Services
from tests.presentation.helpers import seed_briefing

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
LEADER = Actor(3, "kepala", Role.PIMPINAN, (DEMO_DISTRICT_CODE,))


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        seed_briefing(store)
        yield Services.from_store(settings, store)


@pytest.fixture(scope="module")
def deck(services: Services) -> Deck:
    with acting_as(LEADER):
        return build_deck(services, LEADER, DEMO_DISTRICT_CODE, "2025-08", "id")


def test_pap001_the_glance_is_the_headline(services: Services, deck: Deck) -> None:
    with acting_as(LEADER):
        headline = services.headline(DEMO_DISTRICT_CODE, "2025-08")
    assert headline is not None
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    table = village_table(observations, STUNTING, "2025-08").dropna(subset=["rate"])
    stunted, measured = table["numerator"].sum(), table["denominator"].sum()
    values = [fact.value for fact in deck.glance]
    assert values[0] == fmt_percent(100 * stunted / measured, "id")  # summed counts, not a mean of rates
    assert values[1] == fmt_int(stunted, "id")
    assert values[2].startswith("▼ −") and deck.glance[2].label == "Perubahan sejak Agustus 2024 (poin)"
    assert values[4] == "14%" and deck.glance[4].notes == ("target daerah belum ditetapkan",)
    reporting = f"{len(table)} dari {len(services.source.villages(DEMO_DISTRICT_CODE))} desa melapor"
    assert deck.glance[3].label == "Sasaran balita diukur"  # its note counts children, as its figure does
    done = headline.completeness
    assert deck.glance[3].notes == (f"{fmt_int(done.measured, 'id')} dari {fmt_int(done.target, 'id')} sasaran diukur",)
    assert reporting in deck.footer


def test_pap002_every_slide_states_period_source_completeness_and_fiktif(deck: Deck) -> None:
    assert deck.footer.startswith("Agustus 2025 · ")
    assert "desa melapor" in deck.footer and "sasaran diukur" in deck.footer
    assert "Sumber: data contoh (impor terakhir " in deck.footer
    # The import day as the demo district reads it (WIT), with the month in words: never 30/11/2026.
    months = "|".join(MONTHS_ID)
    assert re.search(rf"impor terakhir \d{{1,2}} ({months}) \d{{4}}\)", deck.footer)
    assert deck.footer.endswith("data contoh (fiktif)") and deck.demo_mark == "data contoh (fiktif)"


def test_pap003_the_lokus_slide_shows_the_latest_draft_marked(deck: Deck) -> None:
    lokus = deck.brief.lokus
    assert lokus.draft and "DRAF" in lokus.heading and len(lokus.rows) == 12
    chosen = [code for code, fill in deck.maps["lokus"].spec.fill_of.items() if fill == 0]
    assert len(chosen) == 12  # the draft's villages, none added by hand


def test_pap004_the_review_compares_last_years_list_like_for_like(services: Services, deck: Deck) -> None:
    review = deck.review
    final = next(s for s in services.store.scenarios(DEMO_DISTRICT_CODE, 2024) if s.is_final)  # type: ignore[union-attr]
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    before = village_table(observations, STUNTING, "2024-08").loc[final.codes]
    after = village_table(observations, STUNTING, "2025-08").loc[final.codes]
    both = (before["denominator"] > 0) & (after["denominator"] > 0)
    rate_before = 100 * before["numerator"][both].sum() / before["denominator"][both].sum()
    rate_after = 100 * after["numerator"][both].sum() / after["denominator"][both].sum()
    assert review.summary.startswith(f"10 lokus desa 2024: prevalensi {fmt_percent(rate_before, 'id')} → "
                                     f"{fmt_percent(rate_after, 'id')} (")  # fmt: skip
    assert "secara statistik" in review.summary and f"{int(both.sum())} desa melapor" in review.summary
    assert len(review.villages.rows) == 8 and review.villages.more == "dan 2 desa lokus lainnya"
    assert review.villages.columns[1:3] == ("Agustus 2024", "Agustus 2025")
    figures = dict(review.commitment_figures)
    assert figures["Kegiatan disepakati"] == "3" and figures["Selesai"] == "1" and figures["Batal"] == "1"
    assert figures["Anggaran selesai / disepakati"] == "Rp 2,0 jt / Rp 9,5 jt"


def test_pap005_kecamatan_against_the_national_target(services: Services, deck: Deck) -> None:
    kecamatan = deck.review.kecamatan
    assert deck.review.target_note.startswith("Target nasional: 14,0%")
    rates = [float(row[1].rstrip("%").replace(",", ".")) for row in kecamatan.rows]
    assert rates == sorted(rates, reverse=True) and len(kecamatan.rows) == 9
    marks = [row[2] for row in kecamatan.rows]
    assert marks == ["✓ tercapai" if rate <= 14.0 else "✗ belum" for rate in rates]


def test_pap006_gaps_services_furthest_below_target(deck: Deck) -> None:
    services = deck.gaps.services
    assert 1 <= len(services.rows) <= 3 and deck.gaps.map is not None
    shortfalls = []
    for _, coverage, _below in services.rows:
        got, target = (float(x.strip().rstrip("%").replace(",", ".")) for x in coverage.split("/"))
        shortfalls.append(target - got)
    assert shortfalls == sorted(shortfalls, reverse=True) and all(s > 0 for s in shortfalls)
    counts = [int(c.replace(".", "")) for row in deck.gaps.grid for c in row]
    assert len(counts) == 9 and sum(counts) <= 272


@pytest.mark.parametrize("kind", ["prevalensi", "lokus", "kesenjangan"])
def test_pap007_map_names_are_at_least_14_px_and_never_collide(deck: Deck, kind: str) -> None:
    slide_map = deck.maps[kind]
    assert slide_map.spec.legend == "none" and LABEL_PT * PX_PER_PT >= 14
    assert slide_map.width_px <= 800 and slide_map.height_px <= 500  # its box on the 1280×720 slide
    drawn = render(slide_map.spec)
    boxes = [label.box for label in drawn.labels if label.box is not None]
    assert len(boxes) >= 8  # most of the 16 kecamatan are named
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert [item.label for item in slide_map.items][-1] != ""  # the page writes the legend


def test_pap008_english(services: Services) -> None:
    with acting_as(LEADER):
        deck = build_deck(services, LEADER, DEMO_DISTRICT_CODE, None, "en")
    assert deck.period == "2025-08" and deck.footer.startswith("August 2025 · ")
    assert deck.demo_mark == "sample data (fictional)" or "fictional" in deck.demo_mark
