"""Quarters (YYYY-Qn) wherever periods are used: completeness, change, comparison, labels, month-only filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.config import Settings
from dashboard.core.change import comparison_period, like_for_like
from dashboard.core.completeness import completeness_by_period, completeness_of, default_period
from dashboard.core.periods import period_kind, period_order
from dashboard.core.two_numbers import RoutineFigure
from dashboard.data.importers.indicators import prepare_indicator_import
from dashboard.data.importers.model import period_refusal
from dashboard.data.publications import ensure_demo_publication
from dashboard.data.store import Store
from dashboard.public.content import Published
from dashboard.services import Services
from dashboard.views.map_page.choice import comparison_options
from dashboard.views.periods import period_options

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
VILLAGES = ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003", "99.01.01.2004"]
CONVERGENCE = "konvergensi_desa"


def _scorecard(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["code", "period", "numerator", "denominator"])
    return frame.assign(indicator=CONVERGENCE)[["code", "period", "indicator", "numerator", "denominator"]]


# 2025-Q1: three of four villages report (75%); 2025-Q2: all four; 2024-Q2: two. A stunting month in between.
A, B, C, D = VILLAGES
OBS = pd.concat(
    [
        _scorecard([(A, "2025-Q1", 30, 40), (B, "2025-Q1", 20, 40), (C, "2025-Q1", 10, 20), (A, "2025-Q2", 36, 40),
                    (B, "2025-Q2", 30, 40), (C, "2025-Q2", 15, 20), (D, "2025-Q2", 5, 10), (A, "2024-Q2", 20, 40),
                    (B, "2024-Q2", 10, 40)]),
        pd.DataFrame({"code": [A, B], "period": "2025-08", "indicator": "stunting", "numerator": [3.0, 4.0],
                      "denominator": [30.0, 40.0]}),
    ],
    ignore_index=True,
)  # fmt: skip


def test_cvg120_quarter_completeness_is_villages_reporting_over_villages() -> None:
    q1 = completeness_of(OBS, "2025-Q1", VILLAGES, CONVERGENCE)
    assert (q1.period, q1.reporting, q1.villages, q1.share) == ("2025-Q1", 3, 4, 75.0)
    table = completeness_by_period(OBS, VILLAGES, CONVERGENCE)
    assert [(c.period, c.reporting) for c in table] == [("2024-Q2", 2), ("2025-Q1", 3), ("2025-Q2", 4)]
    assert default_period(table, 80.0) == "2025-Q2"
    assert default_period(table[:2], 80.0) == "2025-Q1"  # none complete: the best share, latest


def test_cvg121_quarter_comparison_same_quarter_last_year_else_previous_quarter() -> None:
    available = sorted(set(OBS["period"]))
    assert comparison_period("2025-Q2", available) == "2024-Q2"  # same quarter a year earlier
    assert comparison_period("2025-Q1", available) == "2024-Q2"  # no 2024-Q1: the latest earlier quarter
    assert comparison_period("2025-Q3", [*available, "2025-Q3"]) == "2025-Q2"
    assert comparison_period("2024-Q2", available) is None  # nothing earlier of its kind (months never count)
    # Months keep their rule, quarters never taken for months (nor "2025-Q1" sorted after December).
    months = ["2024-08", "2025-02", "2025-05", "2025-Q1", "2025-Q2"]
    assert comparison_period("2025-08", months) == "2024-08"
    assert comparison_period("2025-07", ["2025-02", "2025-05", "2025-Q1", "2025-Q2"]) == "2025-02"


def test_cvg122_quarter_change_like_for_like() -> None:
    # 2024-Q2 -> 2025-Q2 over the two villages in both: (20+10)/(40+40) = 37,5% -> (36+30)/(40+40) = 82,5%.
    change = like_for_like(OBS, CONVERGENCE, "2024-Q2", "2025-Q2")
    assert (change.compared, change.numerator_before, change.denominator_before) == (2, 30.0, 80.0)
    assert (change.numerator_after, change.denominator_after) == (66.0, 80.0)
    assert change.change is not None and round(change.change, 1) == 45.0
    # Previous quarter: 2025-Q1 -> 2025-Q2 over its three villages: 60/100 -> 81/100.
    previous = like_for_like(OBS, CONVERGENCE, "2025-Q1", "2025-Q2")
    assert (previous.compared, previous.numerator_before, previous.numerator_after) == (3, 60.0, 81.0)


def test_cvg123_period_dropdowns_label_quarters_and_order_them_in_time() -> None:
    # Months first (the routine report every page opens on), then quarters, then years, each latest first in time.
    options = period_options(["2025-Q1", "2025-12", "2025", "2025-02", "2025-Q4", "2024"], "id")
    assert [o["label"] for o in options] == ["Desember 2025", "Februari 2025", "Triwulan IV 2025", "Triwulan I 2025",
                                             "2025", "2024"]  # fmt: skip
    assert [o["label"] for o in period_options(["2025-Q2"], "en")] == ["Q2 2025"]
    compare = comparison_options(["2024-Q2", "2025-02", "2025-Q1", "2025-Q2"], "2025-Q2", "id")
    assert [o["value"] for o in compare] == ["2024-Q2", "2025-Q1"]  # quarters only, the default first
    assert "Triwulan II 2024" in compare[0]["label"]
    assert sorted(["2025", "2025-Q3", "2025-09", "2025-08"], key=period_order) == ["2025-08", "2025-09", "2025-Q3",
                                                                                  "2025"]  # fmt: skip


def test_cvg124_quarters_are_no_months_for_the_public_routine_month() -> None:
    cell = {"indikator": "stunting", "tingkat": "kabupaten", "kode": "99.01"}
    periods = ["2025-05", "2025-Q3", "2025-Q4"]
    content = {"indikator": ["stunting"], "periode": periods, "wilayah": {"kode": "99.01"}, "kelengkapan": [],
               "sel": [{**cell, "periode": p} for p in periods]}  # fmt: skip
    published = Published(content)
    assert published.periods == ["2025-05", "2025-Q3", "2025-Q4"]
    assert published.routine_period_of_year(2025) == "2025-05"  # the year's latest month, never a quarter


def test_cvg125_two_numbers_never_reads_a_quarter_as_a_month() -> None:
    figure = RoutineFigure("2025-Q3", 10.0, 100.0, 5.0, 17.0, completeness_of(OBS, "2025-Q3", VILLAGES), False)
    assert figure.weighing_month is False  # "Q3" once crashed int()
    august = RoutineFigure("2025-08", 7.0, 70.0, 5.0, 17.0, completeness_of(OBS, "2025-08", VILLAGES), False)
    assert august.weighing_month is True


def test_cvg126_a_future_quarter_names_the_current_quarter() -> None:
    refusal = period_refusal("2026-Q3", date(2026, 2, 10))
    assert refusal is not None
    key, params = refusal
    assert key == "problem.period_future" and dict(params)["latest_id"] == "Triwulan I 2026"
    assert period_refusal("2026-Q1", date(2026, 2, 10)) is None


def test_cvg127_the_demo_publication_takes_months_never_a_quarter(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        villages = store.villages("99.01")
        # A quarter's stunting figure from every demo village: complete, but no month to publish as one.
        lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
        lines += [f"{code},2025-Q1,stunting,3,40" for code in villages["code"]]
        batch = prepare_indicator_import(("\n".join(lines) + "\n").encode(), "tw.csv", villages, {},
                                         district_code="99.01")  # fmt: skip
        assert batch.ok, [p.message("en") for p in batch.problems[:3]]
        store.commit_indicators(batch, "perencana.uji")
        publications = Services.from_store(settings, store).require_publications()
        snapshot = ensure_demo_publication(publications, settings.min_completeness, settings.public_min_denominator)
        assert snapshot is not None
        published = [str(p) for p in (publications.content(snapshot.id) or {})["periode"]]
        assert published and "2025-Q1" not in published
        assert all(period_kind(p) == "month" for p in published)
    """A kelurahan has no Dana Desa: it is neither in the villages expected nor listed as missing."""
    from dashboard.core.completeness import completeness_of, missing_villages

    codes = ["99.01.01.1001", "99.01.01.1002", "99.01.01.2001", "99.01.01.2002", "99.01.01.2003"]
    frame = pd.DataFrame({"code": ["99.01.01.2001", "99.01.01.2002"], "period": ["2025", "2025"],
                          "indicator": ["dana_desa_stunting"] * 2, "numerator": [5e7, 6e7],
                          "denominator": [8e8, 9e8]})  # fmt: skip
    found = completeness_of(frame, "2025", codes, "dana_desa_stunting")
    assert (found.reporting, found.villages) == (2, 3)
    assert missing_villages(frame, "2025", codes, "dana_desa_stunting") == ["99.01.01.2003"]
    stunting = frame.assign(indicator="stunting", numerator=[3, 4], denominator=[30, 40])
    assert completeness_of(stunting, "2025", codes).villages == 5  # every village reports children
    assert missing_villages(stunting, "2025", codes) == ["99.01.01.1001", "99.01.01.1002", "99.01.01.2003"]
