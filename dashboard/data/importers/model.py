"""The shapes every importer produces and the store consumes: problems, batches, name suggestions.

An importer reads and checks a whole file and returns a batch; it never writes. The store commits
a batch in one transaction, or refuses it whole when it carries an error. So a rejected file changes
nothing, and the report a person reads is the batch's list of problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.core.indicators import CATALOGUE, MAX_CHILDREN
from dashboard.core.periods import implausible_period, latest_plausible_period, period_kind, period_label
from dashboard.data.source import ESTIMATE_COLUMNS, empty_estimates
from dashboard.i18n import fmt_int, t

__all__ = [
    "BATCH_ESTIMATE_COLUMNS",
    "BATCH_OBSERVATION_COLUMNS",
    "BoundaryBatch",
    "DatasetKind",
    "ImportRefused",
    "IndicatorBatch",
    "NameSuggestion",
    "Problem",
    "Severity",
    "count_limits",
    "limit_params",
    "no_estimates",
    "period_refusal",
]

# Observation columns of a batch: the store's long format plus the file row each came from.
BATCH_OBSERVATION_COLUMNS = ["code", "period", "indicator", "numerator", "denominator", "source_row"]
# Rate-only estimates of a batch (a survey's figure for a kabupaten/kota, e.g. SSGI 2024): the value and its 95%
# bounds in percent (NaN when not given), the source, and the file row. No counts: they never enter a sum.
BATCH_ESTIMATE_COLUMNS = [*ESTIMATE_COLUMNS, "source_row"]


def no_estimates() -> pd.DataFrame:
    """An empty frame of :data:`BATCH_ESTIMATE_COLUMNS` (a batch without survey estimates)."""
    return empty_estimates().assign(source_row=pd.Series(dtype="int64"))[BATCH_ESTIMATE_COLUMNS]


class Severity(StrEnum):
    ERROR = "error"  # the file is refused until it is fixed
    WARNING = "warning"  # imported, but a person should know (repaired geometry, flagged child, ...)


class DatasetKind(StrEnum):
    BOUNDARIES = "boundaries"
    TIDY = "tidy"
    SIGIZI = "sigizi"
    MAPPED = "mapped"
    MEASUREMENTS = "measurements"
    PUSKESMAS = "puskesmas"  # a puskesmas -> village list (dashboard.data.importers.puskesmas)
    SCORECARD = "scorecard"  # Scorecard Konvergensi Desa (dashboard.data.importers.scorecard)
    DANA_DESA = "dana_desa"  # village funds for stunting (dashboard.data.importers.village_funds)
    DEMO = "demo"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in a file.

    ``key`` names a pair of translation entries, ``<key>.reason`` and ``<key>.fix``, formatted with
    ``params``; ``row`` is the 1-based data row as a spreadsheet shows it (header is row 1, so the
    first data row is 2), ``None`` for a whole-file problem.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    key: str
    params: tuple[tuple[str, object], ...] = ()
    severity: Severity = Severity.ERROR

    def reason(self, lang: str = "id") -> str:
        return t(f"{self.key}.reason", lang, **dict(self.params))

    def fix(self, lang: str = "id") -> str:
        return t(f"{self.key}.fix", lang, **dict(self.params))

    def message(self, lang: str = "id") -> str:
        """One line a person can act on: file, row, column, value, reason, fix."""
        where = [self.file]
        if self.row is not None:
            where.append(t("problem.row", lang, row=self.row))
        if self.column is not None:
            where.append(t("problem.column", lang, column=self.column))
        if self.value is not None:
            where.append(t("problem.value", lang, value=self.value))
        return f"{', '.join(where)}: {self.reason(lang)}. {self.fix(lang)}"

    def as_record(self, lang: str = "id") -> dict[str, object]:
        """A row of the report table (and of the dataset's stored report)."""
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": str(self.severity),
            "reason": self.reason(lang),
            "fix": self.fix(lang),
        }


@dataclass(frozen=True)
class NameSuggestion:
    """A village name in a file that matched a boundary village only approximately (or several)."""

    raw_name: str
    context: str | None  # kecamatan or puskesmas the file gave, if any
    candidates: tuple[str, ...]  # village codes, best first
    scores: tuple[float, ...]  # similarity in [0, 1], same order
    rows: tuple[int, ...]  # file rows that carry this name


@dataclass
class IndicatorBatch:
    """A checked indicator file, ready to commit when it has no error."""

    file_name: str
    sha256: str
    kind: DatasetKind
    observations: pd.DataFrame  # BATCH_OBSERVATION_COLUMNS
    rows_read: int
    # Rate-only survey estimates per kabupaten/kota (BATCH_ESTIMATE_COLUMNS), stored apart from the counts.
    estimates: pd.DataFrame = field(default_factory=no_estimates)
    problems: list[Problem] = field(default_factory=list)
    suggestions: list[NameSuggestion] = field(default_factory=list)  # need a planner's confirmation
    # Names a planner's confirmation matched (candidates: the village chosen): shown again with that choice, so a
    # second check and the commit keep it.
    confirmed: list[NameSuggestion] = field(default_factory=list)
    matched_by_alias: int = 0
    matched_by_near_name: int = 0
    skipped_rows: int = 0
    extra: dict[str, object] = field(default_factory=dict)  # kind-specific figures for the report
    # Names matched by a near match or a planner's confirmation, to remember for the next file:
    # (district code, normalised name) -> village code. The store saves them with the dataset.
    new_aliases: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def districts(self) -> list[str]:
        """The kabupaten/kota codes (``PP.KK``) the observations and estimates would write, sorted."""
        codes = [*self.observations["code"].unique().tolist(), *self.estimates["code"].unique().tolist()]
        return sorted({str(code)[:5] for code in codes})


@dataclass
class BoundaryBatch:
    """A checked boundary file: villages in the standard columns (see dashboard.data.boundaries)."""

    file_name: str
    sha256: str
    villages: gpd.GeoDataFrame
    problems: list[Problem] = field(default_factory=list)
    repaired: int = 0
    # Kecamatan/kabupaten (and province) outlines, supplied by the file or dissolved from its villages:
    # columns code, name, level, parent, district_code, geometry. None: only villages (replace those only).
    outlines: gpd.GeoDataFrame | None = None
    code_column: str | None = None  # the column the codes were read from
    features: int = 0  # features read from the file
    source_crs: str | None = None  # the file's CRS before reprojection to EPSG:4326

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def districts(self) -> list[str]:
        """The kabupaten/kota codes (``PP.KK``) of the villages, sorted."""
        if not len(self.villages):
            return []
        return sorted({str(code) for code in self.villages["district_code"].dropna().unique().tolist()})


def count_limits(indicators: Iterable[object]) -> np.ndarray:
    """The largest count each row's indicator allows (:attr:`Indicator.max_count`; a key the catalogue
    does not know gets :data:`~dashboard.core.indicators.MAX_CHILDREN`)."""
    return np.array(
        [CATALOGUE[key].max_count if isinstance(key, str) and key in CATALOGUE else MAX_CHILDREN for key in indicators],
        dtype=float,
    )


def limit_params(limit: float) -> tuple[tuple[str, object], ...]:
    """``limit_id``/``limit_en``: a count bound as each language writes it (``10.000.000`` / ``10,000,000``)."""
    return (("limit_id", fmt_int(limit, "id")), ("limit_en", fmt_int(limit, "en")))


def period_refusal(period: str, today: date | None = None) -> tuple[str, tuple[tuple[str, object], ...]] | None:
    """The problem key and parameters refusing a normalised period no data can have (in the future, before
    2000: :func:`~dashboard.core.periods.implausible_period`), or None for a plausible one."""
    why = implausible_period(period, today)
    if why is None:
        return None
    kind = period_kind(period)
    latest = latest_plausible_period(today, yearly=kind == "year")
    if kind == "quarter":  # the latest plausible quarter is the current one
        latest = f"{latest[:4]}-Q{(int(latest[5:7]) - 1) // 3 + 1}"
    return f"problem.period_{why}", (
        ("period", period),
        ("latest", latest),
        *_label_params("period", period),
        *_label_params("latest", latest),
    )


def _label_params(name: str, period: str) -> tuple[tuple[str, object], ...]:
    """``{name}_id``/``{name}_en``: a period as each language names it (``Desember 2099`` / ``December 2099``)."""
    return ((f"{name}_id", period_label(period, "id")), (f"{name}_en", period_label(period, "en")))


class ImportRefused(Exception):
    """Raised when a batch with errors is committed; carries the problems for the report."""

    def __init__(self, file_name: str, problems: list[Problem]) -> None:
        self.file_name = file_name
        self.problems = problems
        super().__init__(f"{file_name}: {len(problems)} masalah; tidak ada yang diimpor")
