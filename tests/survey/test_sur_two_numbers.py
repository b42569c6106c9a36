"""The two numbers of a year: which routine month stands beside the survey, and that it is never a sum of months."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.prevalence import wilson_interval
from dashboard.core.two_numbers import latest_survey_year, two_numbers
from dashboard.figures.two_numbers import explanation, routine_note, routine_text, survey_text, two_numbers_text

VILLAGES = ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003", "99.01.01.2004"]
SURVEY = pd.DataFrame(
    {"code": ["99.01", "99.01", "99.01.01.2001", "99.01"], "period": ["2024", "2023", "2025", "2025"],
     "indicator": ["stunting", "stunting", "stunting", "wasting"], "value": [24.1, 23.5, 30.0, 8.0],
     "lower": [21.5, np.nan, np.nan, np.nan], "upper": [26.9, np.nan, np.nan, np.nan],
     "source": ["SSGI 2024", "SKI", "a village survey", "SSGI 2025"]}
)  # fmt: skip


def _month(period: str, counts: list[tuple[int, int]], target: int | None = None) -> pd.DataFrame:
    """Stunting counts (stunted, measured) for the first villages in ``period``, and their target children."""
    places = list(zip(VILLAGES, counts, strict=False))  # the first len(counts) villages
    rows = [(code, period, "stunting", stunted, measured) for code, (stunted, measured) in places]
    if target is not None:
        rows += [(code, period, "pengukuran", measured, target) for code, (_, measured) in places]
    return pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"]).astype(
        {"numerator": float, "denominator": float}
    )


def test_sur040_august_alone_never_a_sum_of_february_and_august() -> None:
    observations = pd.concat(
        [_month("2024-02", [(40, 100)] * 4), _month("2024-08", [(10, 100), (20, 100), (30, 100), (40, 200)], 250)]
    )
    numbers = two_numbers(SURVEY, observations, 2024, village_count=4, min_completeness=80.0)
    assert numbers is not None and numbers.routine is not None
    routine = numbers.routine
    assert (routine.period, routine.numerator, routine.denominator, routine.rate) == ("2024-08", 100.0, 500.0, 20.0)
    low, high = wilson_interval(100, 500)
    assert (routine.low, routine.high) == (100.0 * float(low), 100.0 * float(high))
    assert round(routine.low or 0, 2) == 16.73 and round(routine.high or 0, 2) == 23.73
    done = routine.completeness
    assert (done.reporting, done.villages, done.measured, done.target, routine.complete) == (4, 4, 500.0, 1000.0, True)
    assert routine.weighing_month
    survey = numbers.survey
    assert (survey.code, survey.period, survey.value, survey.lower, survey.upper, survey.source) == (
        "99.01", "2024", 24.1, 21.5, 26.9, "SSGI 2024",
    )  # fmt: skip


def test_sur041_an_incomplete_august_gives_way_to_the_latest_complete_month() -> None:
    observations = pd.concat(
        [_month("2024-05", [(5, 50)] * 4), _month("2024-06", [(6, 60)] * 4), _month("2024-08", [(1, 10)] * 2)]
    )
    numbers = two_numbers(SURVEY, observations, 2024, village_count=4, min_completeness=80.0)
    assert numbers is not None and numbers.routine is not None
    assert (numbers.routine.period, numbers.routine.numerator, numbers.routine.denominator) == ("2024-06", 24.0, 240.0)
    assert numbers.routine.complete and not numbers.routine.weighing_month
    assert routine_note(numbers.routine, 2024, "id") == (
        "Agustus 2024 (bulan penimbangan) belum lengkap atau belum ada; yang ditampilkan Juni 2024."
    )
    # With a lower threshold August is complete (2 of 4 villages = 50%) and is chosen.
    lower = two_numbers(SURVEY, observations, 2024, village_count=4, min_completeness=50.0)
    assert lower is not None and lower.routine is not None and lower.routine.period == "2024-08"


def test_sur042_no_complete_month_gives_the_latest_month_with_data_marked_incomplete() -> None:
    observations = pd.concat([_month("2024-03", [(3, 30)] * 2), _month("2024-07", [(7, 70)]), _month("2025-08", [])])
    numbers = two_numbers(SURVEY, observations, 2024, village_count=4, min_completeness=80.0)
    assert numbers is not None and numbers.routine is not None
    routine = numbers.routine
    assert (routine.period, routine.numerator, routine.denominator, routine.complete) == ("2024-07", 7.0, 70.0, False)
    assert (routine.completeness.reporting, routine.completeness.villages) == (1, 4)
    assert routine_text(routine, 2024, "id") == (
        "Rutin (e-PPGBM/Sigizi) Juli 2024: 10,0% (4,9–19,2), 70 balita diukur — belum lengkap: 1 dari 4 desa melapor"
    )


def test_sur043_no_survey_for_the_year_no_two_numbers_and_the_latest_survey_year() -> None:
    observations = _month("2025-08", [(1, 10)] * 4)
    # 2025 has only a village's survey and a wasting estimate: neither is the district's stunting estimate.
    assert two_numbers(SURVEY, observations, 2025, village_count=4, min_completeness=80.0) is None
    assert latest_survey_year(SURVEY) == 2024
    assert latest_survey_year(SURVEY.iloc[:0]) is None
    # A survey year without routine data still shows the survey.
    numbers = two_numbers(SURVEY, observations, 2023, village_count=4, min_completeness=80.0)
    assert numbers is not None and numbers.routine is None
    assert survey_text(numbers.survey, "id") == "SKI 2023: 23,5%"
    assert routine_text(None, 2023, "en") == "Routine (e-PPGBM/Sigizi) 2023: no measurement data yet"


def test_sur044_of_two_estimates_of_a_year_the_newest_dataset_wins() -> None:
    two = pd.concat([SURVEY.assign(dataset_id=5), SURVEY.iloc[:1].assign(value=22.2, source="SKI 2024", dataset_id=9)])
    numbers = two_numbers(two, _month("2024-08", [(1, 10)] * 4), 2024, village_count=4, min_completeness=80.0)
    assert numbers is not None and (numbers.survey.value, numbers.survey.source) == (22.2, "SKI 2024")


def test_sur045_the_lines_in_indonesian_and_english() -> None:
    observations = _month("2024-08", [(100, 500), (93, 500)], 600)
    numbers = two_numbers(SURVEY, observations, 2024, village_count=2, min_completeness=80.0)
    assert numbers is not None
    text = two_numbers_text(numbers, "id")
    assert text.title == "Dua angka stunting 2024"
    assert text.survey == "SSGI 2024: 24,1% (21,5–26,9)"
    assert text.routine == (
        "Rutin (e-PPGBM/Sigizi) Agustus 2024: 19,3% (17,0–21,9), 1.000 dari 1.200 sasaran diukur (83,3%)"
    )
    assert text.note is None and text.why == "Mengapa dua angka ini berbeda?"
    english = two_numbers_text(numbers, "en")
    assert english.survey == "SSGI 2024: 24.1% (21.5–26.9)"
    assert english.routine == (
        "Routine (e-PPGBM/Sigizi) August 2024: 19.3% (17.0–21.9), 1,000 of 1,200 target children measured (83.3%)"
    )
    for lang, words in (("id", ("sampel rumah tangga", "enumerator", "posyandu", "kader", "Agustus")),
                        ("en", ("sample of households", "enumerators", "posyandu", "cadres", "August"))):  # fmt: skip
        joined = " ".join(explanation(lang))
        assert all(word in joined for word in words), (lang, joined)
    # A source that does not name its year gets it.
    assert survey_text(numbers.survey.__class__("99.01", "2024", 24.1, None, None, "Survei contoh (fiktif)"), "id") == (
        "Survei contoh (fiktif) 2024: 24,1%"
    )
