"""The choropleth's values: classes, hover text, and villages whose rate rests on too few children."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from dashboard.components import decode_classes
from dashboard.core.aggregate import Measure
from dashboard.figures.map import class_bytes, hover_texts, map_values, marks
from dashboard.geo import bounds_of
from tests.store.helpers import village_codes, villages_frame


def _villages() -> gpd.GeoDataFrame:
    frame = villages_frame().rename(columns={"kode": "code", "nama": "name", "nama_kec": "kecamatan_name"})
    return frame[["code", "name", "kecamatan_name", "geometry"]]


def _observations(measured: list[int], stunted: list[int], indicator: str = "stunting") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": village_codes(),
            "period": "2025-08",
            "indicator": indicator,
            "numerator": [float(s) for s in stunted],
            "denominator": [float(m) for m in measured],
        }
    )


def test_map001_rates_from_fewer_children_than_the_minimum_are_outlined_and_marked() -> None:
    villages = _villages()
    observations = _observations([40, 9, 10, 25, 3, 60], [4, 3, 1, 5, 0, 6])
    values = map_values(
        villages, observations, Measure.parse("stunting"), "2025-08", "quantiles", 3, "id", bounds_of(villages), 10
    )
    codes = village_codes()
    assert values.unreliable == [codes[1], codes[4]]  # 9 and 3 measured; 10 is enough
    assert "tidak andal: kurang dari 10 balita diukur" in values.customdata[1][2]
    assert "tidak andal" not in values.customdata[2][2]
    # The map component outlines them, and its tooltip (plain text, one line each) says why.
    assert marks(values) == {codes[1]: "unreliable", codes[4]: "unreliable"}
    hover = hover_texts(values)
    assert hover[codes[1]].split("\n")[-1] == "tidak andal: kurang dari 10 balita diukur"
    assert "<br>" not in "".join(hover.values())
    # One class byte per village, in the order of the map's codes, whatever order the values came in.
    classes = values.classification.classes
    shuffled = list(reversed(codes))
    assert decode_classes(class_bytes(shuffled, values.locations, classes, values.classification.k)) == [
        None if c < 0 else c for c in reversed(classes)
    ]


def test_map002_counts_and_coverage_are_never_marked_unreliable() -> None:
    villages = _villages()
    few = _observations([3, 3, 3, 3, 3, 3], [1, 2, 0, 1, 3, 2])
    for measure in ("stunting@count",):
        values = map_values(
            villages, few, Measure.parse(measure), "2025-08", "quantiles", 3, "en", bounds_of(villages), 10
        )
        assert values.unreliable == []
    coverage = _observations([3, 3, 3, 3, 3, 3], [1, 2, 0, 1, 3, 2], indicator="vitamin_a")
    values = map_values(
        villages, coverage, Measure.parse("vitamin_a"), "2025-08", "quantiles", 3, "en", bounds_of(villages), 10
    )
    assert values.unreliable == []
