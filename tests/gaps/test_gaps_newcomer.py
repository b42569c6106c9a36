"""What a newcomer found on /kesenjangan: raw period codes, oldest-first period lists, villages without a value
read first in the matrix, a colour bar of height NaN for a month without services, no word that the demo is
fictional."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource, District
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import gaps_page
from dashboard.views.badges import demo_badge
from dashboard.views.gaps_page.change import ChangeMap, hover_lines
from dashboard.views.gaps_page.drill import scope_view
from dashboard.views.gaps_page.model import comparison_choices, period_choices
from tests.gaps.test_gaps_honest import FixedSource, _draw, _find, _state, _text

DISTRICT = DEMO_DISTRICT_CODE


class _RealSource(FixedSource):
    """The same district, not marked as the demo."""

    def districts(self) -> list[District]:
        return [District(DISTRICT, "Kabupaten Uji", is_demo=False)]


def _september(demo: DemoSource) -> pd.DataFrame:
    """Three villages' stunting for 2025-09, and nothing else for that month."""
    codes = sorted(demo.villages(DISTRICT)["code"].astype(str))[:3]
    return pd.DataFrame({"code": codes, "period": "2025-09", "indicator": "stunting",
                         "numerator": [30.0, 25.0, 40.0], "denominator": [100.0, 100.0, 100.0]})  # fmt: skip


def _services(demo: DemoSource, extra: pd.DataFrame | None = None, is_demo: bool = True) -> Services:
    """The demo's villages and observations (with ``extra`` rows), as the demo district or as a real one."""
    observations = pd.concat([demo.observations(DISTRICT), extra], ignore_index=True)
    source = (FixedSource if is_demo else _RealSource)(demo.villages(DISTRICT), observations)
    return Services(Settings(), source)


def test_gap040_periods_are_named_in_the_completeness_line_the_change_hover_and_the_profile(demo: DemoSource) -> None:
    services = _services(demo)
    scope = _text(scope_view(services, DISTRICT, {"kecamatan": None}, "2025-08", "id"))
    assert "267 dari 272 desa melapor (Prevalensi stunting, Agustus 2025)" in scope and "2025-08" not in scope
    english = _text(scope_view(services, DISTRICT, {"kecamatan": None}, "2025-08", "en"))
    assert "267 of 272 villages reporting (Stunting prevalence, August 2025)" in english

    villages = demo.villages(DISTRICT)
    codes = villages["code"].astype(str)
    names = dict(zip(codes, villages["name"].astype(str), strict=True))
    change = ChangeMap(demo.observations(DISTRICT), codes, "stunting", "2024-08", "2025-08", {})
    hover = " ".join(hover_lines(change, c, cls, names[c], "id") for c, cls in zip(codes, change.classes, strict=True))
    assert "Agustus 2024: " in hover and " → Agustus 2025: " in hover and "2024-08" not in hover

    code = str(codes.iloc[0])
    profile = gaps_page.village_profile(services, DISTRICT, code, "2025-08", "id")
    text = _text(profile)
    assert f"kode {code} · periode Agustus 2025" in text and "2025-08" not in text.replace(code, "")


def test_gap041_period_lists_are_latest_first_as_on_the_other_pages(demo: DemoSource) -> None:
    observations = pd.concat([demo.observations(DISTRICT), _september(demo)], ignore_index=True)
    codes = demo.villages(DISTRICT)["code"].astype(str).tolist()
    periods = sorted(observations["period"].unique())
    choices = period_choices(observations, codes, periods, 80.0, "id")
    values = [o["value"] for o in choices.options]
    assert values == sorted(periods, reverse=True) and values[0] == "2025-09"
    assert choices.options[0]["label"] == "September 2025 — belum lengkap: 3 dari 272 desa"
    assert choices.value == "2025-08"  # still opened on the complete month
    before = comparison_choices(observations, codes, "2025-08", "stunting", 80.0, "id")
    assert [o["value"] for o in before.options] == sorted((p for p in periods if p < "2025-08"), reverse=True)

    layout = gaps_page.layout(_services(demo, _september(demo)), "id", None)
    for component in (ID.GAPS_PERIOD, ID.GAPS_BEFORE):
        found = _find(layout, component)
        options = [o["value"] for o in found["props"]["options"]]  # type: ignore[index]
        assert options == sorted(options, reverse=True), component


def test_gap042_matrix_reads_from_the_highest_prevalence_down_with_no_value_last(demo: DemoSource) -> None:
    services = _services(demo)
    codes = demo.villages(DISTRICT)["code"].astype(str).tolist()
    matrix = gaps_page.matrix_figure(services, DISTRICT, codes, _state(view="gap"), "id")
    labels = list(matrix.data[0].y)
    empty = [i for i, label in enumerate(labels) if "(—%)" in label]
    assert len(empty) == 5 and empty == list(range(len(labels) - 5, len(labels)))  # the five without 2025-08
    # The ticks are listed top to bottom, so the page's text reads in the caption's order too: plotly writes
    # category ticks it computes bottom-up ("Muara Lestari (—%) … Teluk Damai (—%)" read before "Sidoraya").
    assert matrix.layout.yaxis.tickmode == "array" and list(matrix.layout.yaxis.tickvals) == labels
    assert matrix.layout.yaxis.autorange == "reversed"


def test_gap043_a_month_without_services_draws_finite_sizes(demo: DemoSource) -> None:
    services = _services(demo, _september(demo))
    villages = demo.villages(DISTRICT)
    codes = villages["code"].astype(str).tolist()
    for view in gaps_page.View.ALL:
        state = _state(period="2025-09", before="2025-08", view=view)
        drawn = _draw(services, villages, state)
        # Every village has a class or none (no data), each class a colour of the palette.
        assert len(drawn.classes) == len(villages), view
        assert all(c is None or c < len(drawn.props["palette"]) for c in drawn.classes.values()), view
    gap = _draw(services, villages, _state(period="2025-09", view="gap"))
    assert set(gap.classes.values()) == {None}  # no village has a vitamin A value in 2025-09
    matrix = gaps_page.matrix_figure(services, DISTRICT, codes, _state(period="2025-09"), "id")
    assert math.isfinite(matrix.layout.height) and matrix.layout.height > 0


def test_gap044_the_demo_says_it_is_fictional_beside_the_heading(demo: DemoSource) -> None:
    layout = gaps_page.layout(_services(demo), "id", None)
    badge = _find(layout, ID.GAPS_DEMO_BADGE)
    text = _text(badge)
    assert "data contoh (fiktif)" in text and "fiktif" in str(badge["props"]["children"]["props"]["title"])  # type: ignore[index]
    assert "sample data (fictional)" in _text(gaps_page.layout(_services(demo), "en", None))
    real = _services(demo, is_demo=False)
    assert "data contoh (fiktif)" not in _text(gaps_page.layout(real, "id", None))
    assert demo_badge(real, DISTRICT, "id") is None and demo_badge(_services(demo), DISTRICT, "id") is not None
