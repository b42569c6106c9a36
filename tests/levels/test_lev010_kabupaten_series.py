"""A provincial analyst imports kabupaten outlines and a kabupaten series, and reads the province's figures back."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.core.levels import Origin
from dashboard.core.prevalence import wilson_interval
from dashboard.data.levels import estimates_at, level_figure, observations_at
from dashboard.data.store import Store
from tests.levels.helpers import check, import_kabupaten, messages

HEADER = "nama_wilayah,periode,indikator,pembilang,penyebut"
# Two years; names written three ways, Kota and Kabupaten Bima apart by their kind.
SERIES = [
    HEADER,
    "Kab. Lombok Timur,2023,stunting,812,3120",
    "KABUPATEN BIMA,2023,stunting,455,1702",
    "Kota Bima,2023,stunting,101,640",
    "Lombok Timur,2024,stunting,790,3251",
    "Kabupaten Bima,2024,stunting,430,1699",
    "KOTA BIMA,2024,stunting,95,655",
]


def test_lev010_kabupaten_series_reads_back_exact_for_both_years(store: Store) -> None:
    import_kabupaten(store)
    batch = check(store, SERIES, "seri_kabupaten.csv")
    assert batch.ok, messages(batch)
    store.commit(batch)
    figures = {year: level_figure(store, "kabupaten", "52", "stunting", year) for year in ("2023", "2024")}
    got = {year: frame.set_index("code")[["numerator", "denominator"]].to_dict("index") for year, frame in
           figures.items()}  # fmt: skip
    assert got == {
        "2023": {"52.03": {"numerator": 812.0, "denominator": 3120.0}, "52.06": {"numerator": 455.0,
                 "denominator": 1702.0}, "52.72": {"numerator": 101.0, "denominator": 640.0}},
        "2024": {"52.03": {"numerator": 790.0, "denominator": 3251.0}, "52.06": {"numerator": 430.0,
                 "denominator": 1699.0}, "52.72": {"numerator": 95.0, "denominator": 655.0}},
    }  # fmt: skip
    frame = figures["2023"].set_index("code")
    assert frame.loc["52.72", "name"] == "Kota Bima" and frame.loc["52.06", "name"] == "Kabupaten Bima"
    assert set(frame["origin"]) == {str(Origin.IMPORTED)}  # no village under them: nothing summed
    assert frame.loc["52.03", "value"] == pytest.approx(100 * 812 / 3120)
    low, high = wilson_interval(812, 3120)
    assert (frame.loc["52.03", "lower"], frame.loc["52.03", "upper"]) == pytest.approx((100 * low, 100 * high))
    # The district reads of the map pages never see these figures (they are no village's).
    assert store.observations("52.03").empty and store.periods("52.03") == []


def test_lev011_kabupaten_estimate_with_interval_at_province_and_kabupaten_level(store: Store) -> None:
    import_kabupaten(store)
    lines = ["kode_wilayah,periode,indikator,nilai,batas_bawah,batas_atas,sumber",
             "52,2024,stunting,24.6,23.1,26.2,SSGI 2024", "5272,2024,stunting,19.5,15.2,24.6,SSGI 2024"]  # fmt: skip
    batch = check(store, lines, "ssgi.csv")
    assert batch.ok, messages(batch)
    store.commit(batch)
    province = level_figure(store, "provinsi", None, "stunting", "2024")
    assert province[["code", "value", "lower", "upper", "origin"]].values.tolist() == [
        ["52", 24.6, 23.1, 26.2, "estimate"]
    ]
    assert np.isnan(province["numerator"].iloc[0])  # an estimate has no counts and never enters a sum
    assert estimates_at(store, "kabupaten", "52")[["code", "value", "source"]].values.tolist() == [
        ["52.72", 19.5, "SSGI 2024"]
    ]
    assert observations_at(store, "provinsi").empty
