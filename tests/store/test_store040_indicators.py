"""Committing indicator batches: refused whole, once per file, later datasets win, removable, exportable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.importers.model import DatasetKind, ImportRefused, Problem, Severity
from dashboard.data.source import read_tidy_csv
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, indicator_batch, village_codes
from tests.store.test_store030_commit_boundaries import snapshot

CODES = village_codes()
ROWS = [(code, period, "stunting", n, 40) for n, code in enumerate(CODES) for period in ("2025-01", "2025-02")]


def test_store040_commit_stores_values_and_a_traceable_dataset(store: Store) -> None:
    batch = indicator_batch(ROWS, "laporan.csv")
    batch.problems.append(Problem("laporan.csv", 3, "penyebut", "40", "store.missing_count", severity=Severity.WARNING))
    result = store.commit_indicators(batch, "siti")
    assert (result.rows, result.districts, result.replaced) == (12, (DISTRICT,), 0)
    got = store.observations(DISTRICT)
    expected = pd.DataFrame(ROWS, columns=["code", "period", "indicator", "numerator", "denominator"]).astype(
        {"numerator": float, "denominator": float}
    )
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert store.periods(DISTRICT) == ["2025-01", "2025-02"]
    assert store.observations("52.03").empty  # another district
    [info] = store.datasets()
    assert (info.id, info.kind, info.file_name, info.user, info.rows_read, info.rows_imported, info.status) == (
        result.dataset_id, "tidy", "laporan.csv", "siti", 12, 12, "imported",
    )  # fmt: skip
    assert info.created_at.tzinfo is not None and info.report is None
    report = store.dataset(info.id).report  # type: ignore[union-attr]
    assert report is not None
    assert report["counts"]["observations"] == 12 and report["periods"] == ["2025-01", "2025-02"]
    [problem] = report["problems"]
    assert (problem["row"], problem["column"], problem["key"], problem["severity"]) == (
        3, "penyebut", "store.missing_count", "warning",
    )  # fmt: skip


def test_store041_batch_with_errors_is_refused_and_nothing_written(store: Store) -> None:
    store.commit_indicators(indicator_batch(ROWS[:2]))
    before = snapshot(store)
    bad = indicator_batch(ROWS, salt="x")
    bad.problems.append(Problem("tidy.csv", 13, "pembilang", "-1", "store.missing_count"))
    with pytest.raises(ImportRefused) as refused:
        store.commit_indicators(bad)
    assert refused.value.problems == bad.errors
    assert snapshot(store) == before


def test_store042_same_file_twice_changes_nothing(store: Store) -> None:
    first = store.commit_indicators(indicator_batch(ROWS))
    before = snapshot(store)
    again = store.commit_indicators(indicator_batch(ROWS, "renamed.csv"))
    assert again.duplicate_of == first.dataset_id and again.rows == 0
    assert snapshot(store) == before


def test_store043_key_twice_in_one_file_and_empty_counts_are_refused(store: Store) -> None:
    twice = indicator_batch([*ROWS, ROWS[3]])
    with pytest.raises(ImportRefused) as refused:
        store.commit_indicators(twice)
    [problem] = refused.value.problems
    assert (problem.key, problem.row) == ("store.duplicate_key", 14)
    assert "row 5" in problem.reason("en")
    empty = indicator_batch([(CODES[0], "2025-01", "stunting", float("nan"), 10)])
    with pytest.raises(ImportRefused, match="1 masalah"):
        store.commit_indicators(empty)
    assert store.datasets() == []


def test_store044_a_later_dataset_wins_and_removing_it_brings_back_the_older_values(store: Store) -> None:
    older = store.commit_indicators(indicator_batch(ROWS, "januari.csv"))
    correction = [(CODES[0], "2025-02", "stunting", 9, 41), (CODES[1], "2025-03", "stunting", 1, 10)]
    newer = store.commit_indicators(indicator_batch(correction, "koreksi.csv"))
    assert newer.replaced == 1
    [problem] = newer.problems
    assert problem.key == "store.replaced"
    assert problem.reason("en") == (
        f"1 values replace those of dataset {older.dataset_id} (januari.csv) for the same region, period and indicator"
    )
    current = store.observations(DISTRICT).set_index(["code", "period"])
    assert len(current) == 13
    assert tuple(current.loc[(CODES[0], "2025-02"), ["numerator", "denominator"]]) == (9.0, 41.0)
    store.remove_dataset(newer.dataset_id or 0)
    restored = store.observations(DISTRICT).set_index(["code", "period"])
    assert len(restored) == 12
    assert tuple(restored.loc[(CODES[0], "2025-02"), ["numerator", "denominator"]]) == (0.0, 40.0)


def test_store045_remove_dataset_removes_its_observations(store: Store) -> None:
    keep = store.commit_indicators(indicator_batch(ROWS[:4]))
    gone = store.commit_indicators(indicator_batch(ROWS[4:]))
    assert store.remove_dataset(gone.dataset_id or 0)
    assert [d.id for d in store.datasets()] == [keep.dataset_id]
    assert len(store.observations(DISTRICT)) == 4
    assert not store.remove_dataset(12345)
    again = store.commit_indicators(indicator_batch(ROWS[4:]))  # a removed file may come back, under a new id
    assert again.dataset_id is not None and again.dataset_id > (gone.dataset_id or 0)


def test_store046_aliases_are_saved_per_district_and_with_a_batch(store: Store) -> None:
    assert store.save_aliases(DISTRICT, {"berebas pantai": CODES[0], "desa dua": CODES[1]}, "ani") == 2
    store.save_aliases(DISTRICT, {"desa dua": CODES[2]})  # a correction replaces the old meaning
    store.save_aliases("52.03", {"lain": "52.03.01.2001"})
    assert store.aliases(DISTRICT) == {(DISTRICT, "berebas pantai"): CODES[0], (DISTRICT, "desa dua"): CODES[2]}
    batch = indicator_batch(ROWS[:2])
    batch.new_aliases = {(DISTRICT, "berebas tengah"): CODES[3]}
    assert store.commit_indicators(batch).aliases_saved == 1
    assert store.aliases(DISTRICT)[(DISTRICT, "berebas tengah")] == CODES[3]
    assert len(store.aliases()) == 4


def test_store047_export_writes_the_tidy_template_that_reads_back_the_same(store: Store, tmp_path: Path) -> None:
    rows = [*ROWS, (CODES[0], "2025", "asi_eksklusif", 12.5, 30)]
    store.commit_indicators(indicator_batch(rows))
    out = tmp_path / "ekspor" / "indikator.csv"
    assert store.export_observations(out) == 13
    lines = out.read_text().splitlines()
    assert lines[0] == "kode_wilayah,periode,indikator,pembilang,penyebut"
    assert lines[1] == f"{CODES[0]},2025,asi_eksklusif,12.5,30"
    assert lines[2] == f"{CODES[0]},2025-01,stunting,0,40"
    pd.testing.assert_frame_equal(read_tidy_csv(out), store.observations(DISTRICT), check_dtype=False)
    assert store.export_observations(tmp_path / "lain.csv", "52.03") == 0


def test_store048_failure_while_committing_indicators_rolls_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.commit_indicators(indicator_batch(ROWS[:3]))
    before = snapshot(store)

    def fail(*_args: object) -> None:
        raise RuntimeError("connection lost")

    monkeypatch.setattr(Store, "_finish_dataset", fail)
    batch = indicator_batch(ROWS)
    batch.new_aliases = {(DISTRICT, "x"): CODES[0]}
    with pytest.raises(RuntimeError):
        store.commit_indicators(batch)
    assert snapshot(store) == before


def test_store049_measurement_batches_and_their_extra_figures_are_stored(store: Store) -> None:
    batch = indicator_batch(ROWS[:2])
    batch.kind = DatasetKind.MEASUREMENTS
    batch.sha256 = hashlib.sha256(b"eppgbm").hexdigest()
    batch.extra = {"children": 41, "flagged": {"haz": 1}, "ratio": float("nan"), "periods": ("2025-01",)}
    result = store.commit_indicators(batch)
    info = store.dataset(result.dataset_id or 0)
    assert info is not None and info.kind == "measurements"
    assert info.report is not None
    assert info.report["extra"] == {"children": 41, "flagged": {"haz": 1}, "ratio": None, "periods": ["2025-01"]}
