"""Real village boundaries go through the same loader and map code as the demo."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dashboard.components import decode_classes
from dashboard.core.aggregate import Measure
from dashboard.data.boundaries import load_boundaries
from dashboard.figures.map import class_bytes, map_values
from dashboard.geo import bounds_of, prepare_geojson


def test_real001_lombok_timur_draws_254_villages(shared_data: Path) -> None:
    villages = load_boundaries(shared_data / "boundaries" / "desa_kab5203_lombok_timur.geojson")
    assert len(villages) == 254
    assert villages["code"].str.match(r"^52\.03\.\d{2}\.[12]\d{3}$").all()
    # One observation per village so every class is used; the figure must carry all 254.
    observations = pd.DataFrame(
        {
            "code": villages["code"],
            "period": "2025-02",
            "indicator": "stunting",
            "numerator": range(len(villages)),
            "denominator": 1000,
        }
    )
    values = map_values(
        villages, observations, Measure("stunting"), "2025-02", "quantiles", 5, "id", bounds_of(villages)
    )
    collection = json.loads(prepare_geojson(villages))
    codes = [f["properties"]["code"] for f in collection["features"]]  # the map component's promoteId
    classes = decode_classes(class_bytes(codes, values.locations, values.classification.classes, 5))
    assert len(classes) == len(codes) == 254
    assert set(codes) == set(values.locations)
    assert None not in classes and set(classes) == set(range(5))
    assert values.classification.no_data == 0
