"""The gaps page's honest figures (issue 11): like-for-like change, four change classes, completeness, flags."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import geopandas as gpd
import pandas as pd
import plotly
import pytest

from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.core.change import change_by_group, like_for_like
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource, District
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views import gaps_page
from dashboard.views.gaps_page.change import signed
from dashboard.views.gaps_page.drill import scope_view
from dashboard.views.gaps_page.model import comparison_choices, period_choices

DISTRICT = DEMO_DISTRICT_CODE


class FixedSource:
    """The demo's boundaries with observations made for one test."""

    def __init__(self, villages: gpd.GeoDataFrame, observations: pd.DataFrame) -> None:
        self._villages, self._observations = villages, observations

    def districts(self) -> list[District]:
        return [District(DISTRICT, "Kabupaten Uji", is_demo=True)]

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._villages.copy()

    def observations(self, district_code: str) -> pd.DataFrame:
        return self._observations.copy()

    def boundary_version(self, district_code: str) -> str:
        return "uji"


def _rows(*rows: tuple[str, str, str, float, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])


def _services(villages: gpd.GeoDataFrame, observations: pd.DataFrame) -> Services:
    return Services(Settings(), FixedSource(villages, observations))


def _state(**changes: object) -> dict[str, object]:
    state: dict[str, object] = {"period": "2025-08", "view": "change", "indicator": "vitamin_a", "axis": "indicator",
                                "before": "2025-02", "change_indicator": "stunting", "target": None,
                                "kecamatan": None, "district_name": "Kabupaten Uji"}  # fmt: skip
    return state | changes


class Drawn(NamedTuple):
    """The gaps map's props for a state, its legend, and each village's class (255, no data, as None)."""

    props: dict[str, Any]
    legend: Any
    classes: dict[str, int | None]


def _draw(services: Services, villages: gpd.GeoDataFrame, state: dict[str, object], lang: str = "id") -> Drawn:
    draw = gaps_page.gaps_map(services, DISTRICT, villages, state, lang)
    props = draw.props()
    return Drawn(props, draw.legend, dict(zip(props["codes"], decode_classes(props["classes"]), strict=True)))


def _text(component: object) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def _legend_counts(legend: object) -> dict[str, str]:
    """Change class -> the count its legend entry shows (``"3 desa"``)."""
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            props = node.get("props", {})
            classes = str(props.get("className", ""))
            if "change-class " in classes + " ":
                key = classes.rsplit("change-class-", 1)[1]
                found[key] = str(props["children"][-1]["props"]["children"])
            for value in props.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(_text(legend)))
    return found


def test_gap030_legend_counts_no_value_apart_from_not_significant(demo: DemoSource) -> None:
    villages = demo.villages(DISTRICT).sort_values("code").head(6)
    a, b, c, d, e, _f = villages["code"].astype(str)
    observations = _rows(
        (a, "2025-02", "stunting", 20, 100), (a, "2025-08", "stunting", 21, 100),  # not significant
        (b, "2025-02", "stunting", 30, 100), (b, "2025-08", "stunting", 28, 100),  # not significant
        (c, "2025-02", "stunting", 30, 100), (c, "2025-08", "stunting", 15, 100),  # significant fall, not flagged
        (d, "2025-02", "stunting", 25, 100),  # no value in 2025-08
        (e, "2025-08", "stunting", 25, 100),  # no value in 2025-02; f has none at all
    )  # fmt: skip
    services = _services(villages, observations)
    drawn = _draw(services, villages, _state())
    counts = _legend_counts(drawn.legend)
    assert counts == {"no_value": "3 desa", "not_significant": "2 desa", "fall": "1 desa", "rise": "0 desa"}
    text = _text(drawn.legend)
    assert "Tidak ada nilai di salah satu periode" in text and "Tidak bermakna" in text
    assert "Turun bermakna (lebih baik)" in text  # a fall of prevalence is better, and says "turun"
    # Four distinct colours on the map, one per class; the villages without a value share none with "not significant".
    classes = drawn.classes
    assert classes[d] == classes[e] == classes[_f] != classes[a] == classes[b] != classes[c]
    palette = drawn.props["palette"]
    assert len({palette[classes[code]] for code in (a, c, d)}) == 3


def test_gap031_fall_of_coverage_is_coloured_worse_but_named_a_fall(demo: DemoSource) -> None:
    villages = demo.villages(DISTRICT).sort_values("code").head(2)
    a, b = villages["code"].astype(str)
    observations = _rows((a, "2025-02", "vitamin_a", 900, 1000), (a, "2025-08", "vitamin_a", 600, 1000),
                         (b, "2025-02", "stunting", 20, 100))  # fmt: skip
    services = _services(villages, observations)
    text = _text(_draw(services, villages, _state(change_indicator="vitamin_a")).legend)
    assert "Turun bermakna (lebih buruk)" in text and "Naik bermakna (lebih baik)" in text


def test_gap032_district_change_is_like_for_like_and_names_the_villages_compared(demo: DemoSource) -> None:
    villages = demo.villages(DISTRICT).sort_values("code")
    first = villages.groupby("kecamatan_code").head(2).head(4)  # two villages in each of two kecamatan
    a, b, c, d = first["code"].astype(str)
    observations = _rows(
        (a, "2025-02", "stunting", 200, 1000), (a, "2025-08", "stunting", 150, 1000),
        (c, "2025-02", "stunting", 100, 500), (c, "2025-08", "stunting", 95, 500),
        (b, "2025-02", "stunting", 450, 1000),  # a high village reporting only before
        (d, "2025-08", "stunting", 10, 1000),  # a low village reporting only after
    )  # fmt: skip
    # Naively (all villages of each period) 750/2500 = 30.0% -> 255/2500 = 10.2%: -19.8 points.
    change = like_for_like(observations, "stunting", "2025-02", "2025-08")
    assert change.compared == 2 and change.change == pytest.approx(100 * (245 / 1500 - 300 / 1500))
    services = _services(first, observations)
    legend = _draw(services, first, _state()).legend
    summary = _text(_find(legend, ID.GAPS_CHANGE_SUMMARY))
    assert "Dibandingkan: 2 desa yang melapor di kedua periode" in summary
    assert "20,0% → 16,3%" in summary and f"{signed(change.change, 'id')} poin persen" in summary
    assert f"IK 95% {signed(change.low, 'id')} s.d. {signed(change.high, 'id')}" in summary
    assert "bermakna (lebih baik)" in summary and "tidak bermakna" not in summary
    assert "−19,8" not in summary
    # The children over the same villages: 300 -> 245 stunted, not 750 -> 255.
    assert "balita stunting: 300 → 245 (−55)" in summary and "di 2 desa yang sama" in summary

    groups = pd.Series(first["kecamatan_code"].to_numpy(), index=first["code"].astype(str))
    by_kecamatan = change_by_group(observations, "stunting", "2025-02", "2025-08", groups)
    table = _text(_find(legend, ID.GAPS_CHANGE_KECAMATAN))
    for row in by_kecamatan.itertuples():
        if row.compared:
            assert signed(row.change, "id") in table
    assert "1/2" in table  # each kecamatan compares one of its two villages

    # Drilled into a kecamatan: its own like-for-like change, and no per-kecamatan table.
    inside = first[first["kecamatan_code"] == first["kecamatan_code"].iloc[0]]
    kecamatan = str(inside["kecamatan_code"].iloc[0])
    legend = _draw(services, inside, _state(kecamatan=kecamatan)).legend
    summary = _text(_find(legend, ID.GAPS_CHANGE_SUMMARY))
    own = like_for_like(observations, "stunting", "2025-02", "2025-08", inside["code"].astype(str))
    assert f"Dibandingkan: {own.compared} desa" in summary and f"{signed(own.change, 'id')} poin persen" in summary
    assert _find(legend, ID.GAPS_CHANGE_KECAMATAN) is None


def _find(node: object, component_id: str) -> object:
    tree = json.loads(_text(node))

    def walk(item: object) -> object:
        if isinstance(item, dict):
            props = item.get("props", {})
            if props.get("id") == component_id:
                return item
            for value in props.values():
                if (hit := walk(value)) is not None:
                    return hit
        elif isinstance(item, list):
            for child in item:
                if (hit := walk(child)) is not None:
                    return hit
        return None

    return walk(tree)


def test_gap033_default_comparison_is_the_same_month_a_year_earlier() -> None:
    codes = ["a"]
    observations = _rows(*[("a", p, "stunting", 10, 100) for p in ("2024-08", "2025-02", "2025-07", "2025-08")])
    choices = comparison_choices(observations, codes, "2025-08", "stunting", 80.0, "id")
    assert choices.value == "2024-08"
    assert [o["value"] for o in choices.options] == ["2025-07", "2025-02", "2024-08"]  # earlier only, latest first
    without = observations[observations["period"] != "2024-08"]
    assert comparison_choices(without, codes, "2025-08", "stunting", 80.0, "id").value == "2025-02"  # weighing month
    only_july = without[without["period"] != "2025-02"]
    assert comparison_choices(only_july, codes, "2025-08", "stunting", 80.0, "id").value == "2025-07"


def test_gap034_default_period_skips_a_month_with_3_of_272_villages(demo: DemoSource) -> None:
    villages = demo.villages(DISTRICT)
    assert len(villages) == 272
    codes = villages["code"].astype(str).sort_values()
    late = _rows(*[(code, "2025-09", "stunting", 5, 50) for code in codes.head(3)])
    observations = pd.concat([demo.observations(DISTRICT), late], ignore_index=True)
    choices = period_choices(observations, codes.tolist(), sorted(observations["period"].unique()), 80.0, "id")
    assert choices.value == "2025-08"
    labels = {o["value"]: o["label"] for o in choices.options}
    assert labels["2025-09"] == "September 2025 — belum lengkap: 3 dari 272 desa"
    assert labels["2025-08"] == "Agustus 2025"  # 267 of 272: above 80%

    services = _services(villages, observations)
    page = _text(gaps_page.layout(services, "id", None))
    assert "September 2025 — belum lengkap: 3 dari 272 desa" in page
    period = _find(gaps_page.layout(services, "id", None), ID.GAPS_PERIOD)
    assert period is not None and period["props"]["value"] == "2025-08"  # type: ignore[index]
    before = _find(gaps_page.layout(services, "id", None), ID.GAPS_BEFORE)
    assert before is not None and before["props"]["value"] == "2024-08"  # type: ignore[index]

    scope = _text(scope_view(services, DISTRICT, {"kecamatan": None}, "2025-08", "id"))
    assert "267 dari 272 desa melapor" in scope and "Belum lengkap" not in scope
    scope = _text(scope_view(services, DISTRICT, {"kecamatan": None}, "2025-09", "id"))
    assert "3 dari 272 desa melapor" in scope and "Belum lengkap" in scope


def test_gap035_flagged_values_are_marked_on_maps_in_the_matrix_and_the_profile(demo: DemoSource) -> None:
    villages = demo.villages(DISTRICT).sort_values("code").head(6)
    codes = villages["code"].astype(str).tolist()
    zero, jump = codes[0], codes[1]
    rows = [(code, "2025-02", "stunting", 30, 100) for code in codes]
    rows += [(code, "2025-08", "stunting", 0 if code == zero else 30, 200 if code == zero else 100) for code in codes]
    rows += [(code, "2025-02", "vitamin_a", 5 if code == jump else 50, 25 if code == jump else 100) for code in codes]
    rows += [(code, "2025-08", "vitamin_a", 50, 100) for code in codes]
    services = _services(villages, _rows(*rows))

    # Change map: the flagged later value is outlined and says why.
    drawn = _draw(services, villages, _state())
    assert drawn.props["marks"] == {zero: "flagged"}
    hover = drawn.props["hover_text"]
    assert "\n⚠ " in hover[zero] and "nol stunting dari ≥30 balita diukur, padahal kabupaten >5%" in hover[zero]
    assert "⚠" not in hover[codes[2]]
    assert _legend_counts(drawn.legend)["flagged"] == "1 desa"

    # Gap map of vitamin A: the village whose denominator jumped fourfold.
    drawn = _draw(services, villages, _state(view="gap"))
    assert drawn.props["marks"] == {jump: "flagged"}
    hover = drawn.props["hover_text"]  # every service's value of the period, each flag named by its indicator
    assert "⚠ Vitamin A (6-59 bulan): penyebut berubah lebih dari 3× dari periode sebelumnya" in hover[jump]
    assert "1 desa dengan nilai yang ditandai" in _text(drawn.legend)

    # Bivariate map: a flag on either axis, named by its indicator.
    drawn = _draw(services, villages, _state(view="bivariate"))
    assert sorted(drawn.props["marks"]) == sorted([zero, jump])
    assert drawn.props["hover_text"] == hover  # the same texts for every view of the period: sent once
    assert "⚠ Prevalensi stunting: " in hover[zero] and "nol stunting dari ≥30 balita diukur" in hover[zero]

    # The matrix: the village's row label and the flagged cell.
    matrix = gaps_page.matrix_figure(services, DISTRICT, codes, _state(view="gap"), "id")
    flagged_rows = [label for label in matrix.data[0].y if label.endswith("⚠")]
    assert len(flagged_rows) == 1 and str(villages.iloc[0]["name"]) in flagged_rows[0]
    assert sum(cell == "⚠" for row in matrix.data[0].text for cell in row) == 1

    # The scope table and the profile.
    scope = _text(scope_view(services, DISTRICT, {"kecamatan": None}, "2025-08", "id"))
    assert "⚠ 1 desa ditandai" in scope
    profile = _text(gaps_page.village_profile(services, DISTRICT, zero, "2025-08", "id"))
    assert "⚠ " in profile and "nol stunting dari ≥30 balita diukur, padahal kabupaten >5%" in profile
