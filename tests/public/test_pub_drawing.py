"""The pure pieces of the public site: projection and path data, colour classes, the SVG text, content lookups."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from dashboard.public import svg
from dashboard.public.content import Published
from dashboard.public.district_model import two_numbers

SQUARE = {"type": "Polygon", "coordinates": [[[116.40, -8.60], [116.41, -8.60], [116.41, -8.59], [116.40, -8.59],
                                              [116.40, -8.60]]]}  # fmt: skip


def test_pub150_projection_keeps_shapes_square_at_their_latitude() -> None:
    projection = svg.Projection.fit(SQUARE["coordinates"][0])
    assert projection.width == 800
    assert projection.height == round(800 / math.cos(math.radians(8.595)))  # a degree of longitude is shorter
    assert svg.polygon_path(SQUARE, projection) == f"M0 {projection.height}l800 0 0-{projection.height}-800 0z"


def test_pub151_holes_and_parts_are_drawn_and_specks_dropped() -> None:
    projection = svg.Projection.fit([(0.0, 0.0), (1.0, 1.0)], width=100)
    outer = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    hole = [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.4]]
    speck = [[0.5, 0.5], [0.5001, 0.5], [0.5, 0.5001], [0.5, 0.5]]
    path = svg.polygon_path({"type": "MultiPolygon", "coordinates": [[outer, hole], [speck]]}, projection)
    assert path.count("M") == 2 and path.count("z") == 2
    assert svg.polygon_path({"type": "Point", "coordinates": [0, 0]}, projection) == ""


@pytest.mark.parametrize(("rate", "colour"), [(0.0, 0), (2.49, 0), (2.5, 1), (9.99, 1), (10.0, 2), (29.9, 3), (30, 4)])
def test_pub152_prevalence_classes_are_whos_thresholds(rate: float, colour: int) -> None:
    assert svg.prevalence_classes().colour(rate) == svg.PALETTE[colour]


def test_pub153_count_classes_come_from_published_counts_only() -> None:
    classes = svg.count_breaks([0, 4, 10, 10, 12, 30, 50, 51, 90, 200])
    assert classes.bounds == (4, 10, 30, 51)
    assert [classes.colour(v) for v in (0, 4, 5, 10, 11, 51, 52)] == [
        svg.PALETTE[0], svg.PALETTE[0], svg.PALETTE[1], svg.PALETTE[1], svg.PALETTE[2], svg.PALETTE[3], svg.PALETTE[4],
    ]  # fmt: skip
    same = svg.count_breaks([7, 7])
    assert same.bounds == () and same.colours == (svg.PALETTE[-1],)


def test_pub154_map_escapes_names_and_links_and_hatches_hidden_areas() -> None:
    projection = svg.Projection.fit(SQUARE["coordinates"][0])
    path = svg.polygon_path(SQUARE, projection)
    areas = [
        svg.MapArea("a", path, "#fecc5c", 'Desa <b>"A"</b> & co · 12,0%', "/publik/99.01/desa/x?terbitan=2&lang=en"),
        svg.MapArea("b", path, None, "Desa B · <5 stunting dari 40 diukur", None),
    ]
    drawn = svg.map_svg(areas, projection, label="Peta <uji>")
    assert "<b>" not in drawn and "Desa &lt;b&gt;&quot;A&quot;&lt;/b&gt; &amp; co · 12,0%" in drawn
    assert 'href="/publik/99.01/desa/x?terbitan=2&amp;lang=en"' in drawn
    assert 'aria-label="Peta &lt;uji&gt;"' in drawn
    assert re.search(r'<path d="[^"]+" fill="url\(#tersembunyi\)"><title>Desa B · &lt;5 stunting', drawn)
    assert drawn.count("<a ") == 1


def test_pub155_trend_marks_hidden_periods_with_their_label_and_draws_both_targets() -> None:
    points = [
        svg.TrendPoint("2024-02", "Feb 2024", 24.8, "24,8%", 15.0),
        svg.TrendPoint("2024-08", "Agu 2024", None, "—", 15.0),
        svg.TrendPoint("2025-02", "Feb 2025", 20.3, "20,3%", 12.0),
    ]
    drawn = svg.trend_svg(points, 14.0, label="Tren", national_label="target nasional 14%",
                          district_label="target daerah")  # fmt: skip
    assert drawn.count("<circle") == 2 and "<polyline" not in drawn  # no line across a hidden period
    assert ">24,8%</text>" in drawn and ">20,3%</text>" in drawn and ">—</text>" in drawn
    assert "target nasional 14%" in drawn and "target daerah" in drawn
    assert drawn.count('stroke="#33a02c"') == 2  # 15% over 2024, 12% in 2025


def _content(**extra: Any) -> dict[str, Any]:
    cell = {"indikator": "stunting", "tingkat": "kabupaten", "kode": "99.01", "induk": "", "nama": "Contoh",
            "penyebut": 1000, "pembilang": 200, "prevalensi": 20.0, "batas_bawah": 17.6, "batas_atas": 22.6,
            "label": "200", "status": "tampil"}  # fmt: skip
    return {
        "wilayah": {"kode": "99.01", "nama": "Contoh", "fiktif": False},
        "periode": ["2024-02", "2024-08", "2025-02"],
        "indikator": ["stunting"],
        "target": {"nasional": 14.0, "daerah": []},
        "survei": [],
        "sel": [{**cell, "periode": p} for p in ("2024-02", "2024-08", "2025-02")],
        "kelengkapan": [],
        "peta": {"desa": {"features": []}, "kecamatan": {"features": []}},
        **extra,
    }


def test_pub156_a_survey_sits_beside_the_routine_august_of_its_year() -> None:
    survey = {"periode": "2024", "indikator": "stunting", "nilai": 24.1, "batas_bawah": 21.5, "batas_atas": 26.9,
              "sumber": "SSGI 2024"}  # fmt: skip
    view = Published(_content(survei=[survey]))
    assert view.routine_period_of_year(2024) == "2024-08"
    assert view.routine_period_of_year(2025) == "2025-02"  # no August yet: the year's latest month
    assert view.routine_period_of_year(2023) is None
    assert view.survey_for("2025-02") == survey  # no 2025 survey: the latest with routine data
    panel = two_numbers(view, "2024-02", "id")
    assert panel is not None
    assert (panel["survey_title"], panel["survey_rate"], panel["survey_interval"]) == (
        "SSGI 2024", "24,1%", "21,5–26,9%",
    )  # fmt: skip
    assert (panel["routine_title"], panel["routine_rate"]) == (
        "Data rutin posyandu tahun yang sama, Agustus 2024",
        "20,0%",
    )
    assert two_numbers(Published(_content()), "2024-02", "id") is None
    lonely = Published(_content(survei=[{**survey, "periode": "2022"}]))
    panel = two_numbers(lonely, "2024-02", "en")
    assert panel is not None and panel["no_routine"] == "No routine figure was published for 2022."
