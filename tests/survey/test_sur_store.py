"""Survey estimates in the store (SQLite, PostgreSQL): round trip, atomic with the counts, removable, never summed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import DatasetKind, ImportRefused, IndicatorBatch
from dashboard.data.source import DEMO_DISTRICT_CODE, DEMO_SURVEY_FILE
from dashboard.data.store import Store
from dashboard.services import Services
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write
from tests.store.test_store030_commit_boundaries import _demo_files, snapshot

CODES = village_codes()
HEADER = "kode_wilayah,periode,indikator,pembilang,penyebut,nilai,batas_bawah,batas_atas,sumber"
COUNTS = [f"{code},2024-08,stunting,{n + 1},40,,,," for n, code in enumerate(CODES)]
SURVEY = "52.91,2024,stunting,,,24.1,21.5,26.9,SSGI 2024"


@pytest.fixture
def district(store: Store, tmp_path: Path) -> Store:
    """The store with the six villages of the invented district 52.91."""
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")))
    return store


def _batch(store: Store, lines: list[str], name: str = "survei.csv") -> IndicatorBatch:
    content = ("\n".join([HEADER, *lines]) + "\n").encode()
    return prepare_indicator_import(content, name, store.villages(DISTRICT), {}, district_code=DISTRICT)


def _estimates(store: Store) -> list[list[object]]:
    frame = store.estimates(DISTRICT).drop(columns="dataset_id")
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def test_sur020_estimates_are_stored_beside_the_counts_of_the_same_file(district: Store) -> None:
    batch = _batch(district, [*COUNTS, SURVEY, "5291,2023,stunting,,,23.5,,,SKI 2023"])
    assert batch.ok, [p.message("en") for p in batch.problems]
    result = district.commit_indicators(batch, "siti")
    assert (result.rows, result.districts) == (8, (DISTRICT,))
    assert _estimates(district) == [
        ["52.91", "2023", "stunting", 23.5, None, None, "SKI 2023"],
        ["52.91", "2024", "stunting", 24.1, 21.5, 26.9, "SSGI 2024"],
    ]
    assert district.estimates(DISTRICT)["dataset_id"].tolist() == [result.dataset_id] * 2
    assert district.observations(DISTRICT)["numerator"].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert district.estimates("52.03").empty
    info = district.dataset(result.dataset_id or 0)
    assert info is not None and info.report is not None and info.rows_imported == 8
    assert (info.report["counts"]["observations"], info.report["counts"]["estimates"]) == (6, 2)
    assert info.report["periods"] == ["2023", "2024", "2024-08"]


def test_sur021_a_file_of_estimates_only_is_a_dataset_of_its_own(district: Store) -> None:
    result = district.commit_indicators(_batch(district, [SURVEY]))
    assert (result.rows, result.districts) == (1, (DISTRICT,))
    assert district.observations(DISTRICT).empty
    assert _estimates(district) == [["52.91", "2024", "stunting", 24.1, 21.5, 26.9, "SSGI 2024"]]
    assert [d.kind for d in district.datasets()] == ["tidy", "boundaries"]


def test_sur022_one_bad_estimate_writes_no_observation_either(district: Store) -> None:
    before = snapshot(district)
    # Refused by the importer: the file's counts are fine, one estimate is not.
    batch = _batch(district, [*COUNTS, "52.91,2024,stunting,,,124.1,,,SSGI 2024"])
    assert not batch.ok and len(batch.observations) == 6
    with pytest.raises(ImportRefused):
        district.commit_indicators(batch)
    assert snapshot(district) == before
    # Refused by the store, the last line of defence, for a batch built by code.
    built = indicator_batch([(CODES[0], "2024-08", "stunting", 3, 40)], "kode.csv")
    built.estimates = pd.DataFrame(
        {"code": ["52.91", "52.91.01.2001", "5291", "52.91"], "period": ["2024", "2023", "2022", "2021"],
         "indicator": "stunting", "value": [124.1, 20.0, 20.0, 20.0], "lower": [np.nan, np.nan, np.nan, 21.0],
         "upper": [np.nan, np.nan, np.nan, 26.0], "source": ["SSGI 2024", "SKI", "SKI", " "],
         "source_row": [2, 3, 4, 5]}
    )  # fmt: skip
    with pytest.raises(ImportRefused) as refused:
        district.commit_indicators(built)
    found = {(p.row, p.column, p.key) for p in refused.value.problems}
    assert found == {
        (2, "nilai", "indicators.estimate_out_of_range"),
        (3, "kode_wilayah", "indicators.estimate_not_district_code"),
        (4, "kode_wilayah", "indicators.estimate_bad_code"),
        (5, "nilai", "indicators.estimate_bounds_order"),
        (5, "sumber", "indicators.estimate_missing_source"),
    }
    assert snapshot(district) == before


def test_sur023_newer_file_wins_for_the_same_source_and_removal_brings_the_older_back(district: Store) -> None:
    first = district.commit_indicators(_batch(district, [SURVEY]))
    other = district.commit_indicators(_batch(district, ["52.91,2024,stunting,,,25.0,,,SKI 2024"], "ski.csv"))
    assert other.replaced == 0  # another source for the same year: both are kept
    newer = district.commit_indicators(_batch(district, ["52.91,2024,stunting,,,24.4,21.8,27.1,SSGI 2024"], "b.csv"))
    assert newer.replaced == 1  # SSGI 2024 of the first file
    assert _estimates(district) == [
        ["52.91", "2024", "stunting", 25.0, None, None, "SKI 2024"],
        ["52.91", "2024", "stunting", 24.4, 21.8, 27.1, "SSGI 2024"],
    ]
    assert district.remove_dataset(newer.dataset_id or 0)
    assert _estimates(district) == [
        ["52.91", "2024", "stunting", 25.0, None, None, "SKI 2024"],
        ["52.91", "2024", "stunting", 24.1, 21.5, 26.9, "SSGI 2024"],
    ]
    assert district.remove_dataset(first.dataset_id or 0) and district.remove_dataset(other.dataset_id or 0)
    assert district.estimates(DISTRICT).empty
    assert snapshot(district)["estimates"] == []


def test_sur024_estimates_never_change_observations_the_headline_or_any_sum(district: Store) -> None:
    district.commit_indicators(_batch(district, COUNTS, "rutin.csv"))
    services = Services.from_store(Settings(), district)
    observations = district.observations(DISTRICT)
    headline = services.headline(DISTRICT, "2024-08")
    assert headline is not None and headline.as_json()["prevalensi"] == 8.8  # 21 of 240
    services.commit(_batch(district, [SURVEY, "52.91,2024-08,stunting,,,90.0,,,Survei bulanan"]))
    assert len(services.estimates(DISTRICT)) == 2  # the cache follows the data version
    pd.testing.assert_frame_equal(district.observations(DISTRICT), observations)
    after = services.headline(DISTRICT, "2024-08")
    assert after is not None and after.as_json() == headline.as_json()
    assert services.completeness(DISTRICT)[0].reporting == 6 and district.periods(DISTRICT) == ["2024-08"]


def test_sur025_the_demo_brings_its_fictional_survey_as_a_dataset_of_its_own(store: Store, tmp_path: Path) -> None:
    folder = _demo_files(tmp_path / "geodata")
    assert store.ensure_demo(folder)
    assert store.estimates(DEMO_DISTRICT_CODE).empty  # no survey file: none
    survey = Settings().geodata_dir / DEMO_SURVEY_FILE
    (folder / DEMO_SURVEY_FILE).write_bytes(survey.read_bytes())
    assert store.ensure_demo(folder)
    assert not store.ensure_demo(folder)
    assert sorted(d.kind for d in store.datasets()) == ["demo", "demo", "demo"]
    estimates = store.estimates(DEMO_DISTRICT_CODE)
    assert estimates[["period", "value", "source"]].values.tolist() == [
        ["2023", 28.4, "Survei contoh (fiktif)"],
        ["2024", 26.1, "Survei contoh (fiktif)"],
        ["2025", 24.1, "Survei contoh (fiktif)"],
    ]
    # A changed survey file replaces the old one (its estimates go with it).
    (folder / DEMO_SURVEY_FILE).write_text(survey.read_text().replace("24.1,21.5,26.9", "24.0,21.5,26.9"))
    assert store.ensure_demo(folder)
    assert store.estimates(DEMO_DISTRICT_CODE)["value"].tolist() == [28.4, 26.1, 24.0]
    assert len(snapshot(store)["estimates"]) == 3
    digests = {d.sha256 for d in store.datasets()}
    assert hashlib.sha256((folder / DEMO_SURVEY_FILE).read_bytes()).hexdigest() in digests
    assert {d.kind for d in store.datasets()} == {DatasetKind.DEMO}
