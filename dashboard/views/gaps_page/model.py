"""The gaps page's choices and sums: its views, periods (marked when incomplete), services, flags, scope figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.core.change import comparison_period
from dashboard.core.completeness import completeness_of
from dashboard.core.headline import choose_period
from dashboard.core.indicators import CATALOGUE, STUNTING, Kind
from dashboard.core.plausibility import Flag, flags_for
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views.periods import period_options

__all__ = [
    "CONVERGENCE",
    "FLAG_MARK",
    "PeriodChoices",
    "View",
    "comparison_choices",
    "comparison_for",
    "coverage_keys",
    "district_choices",
    "flag_labels",
    "flagged",
    "period_choices",
    "periods_of",
    "scope_codes",
    "scope_figures",
]

CONVERGENCE = "__konvergensi__"  # the bivariate map's second axis when it is the convergence score
FLAG_MARK = "⚠"  # beside a value carrying a plausibility flag, on maps and in tables


class View:
    COVERAGE = "coverage"
    GAP = "gap"
    CONVERGENCE = "convergence"
    BIVARIATE = "bivariate"
    CHANGE = "change"
    ALL = (COVERAGE, GAP, CONVERGENCE, BIVARIATE, CHANGE)


def periods_of(services: Services, district: str) -> list[str]:
    return sorted(services.source.observations(district)["period"].unique().tolist()) if district else []


def coverage_keys(observations: pd.DataFrame) -> list[str]:
    """The catalogue's coverage indicators with rows in ``observations``, in catalogue order."""
    present = set(observations["indicator"].unique().tolist())  # unique() first: iterating Arrow strings is slow
    return [k for k, i in CATALOGUE.items() if i.kind is Kind.COVERAGE and k in present]


def scope_figures(observations: pd.DataFrame, period: str, codes: list[str]) -> pd.DataFrame:
    """Every indicator over ``codes`` from summed counts: numerator, denominator, rate (percent)."""
    rows = observations[(observations["period"] == period) & observations["code"].isin(codes)]
    sums = rows.groupby("indicator")[["numerator", "denominator"]].sum()
    sums["rate"] = 100.0 * sums["numerator"] / sums["denominator"].where(sums["denominator"] > 0)
    return sums


def scope_codes(villages: pd.DataFrame, kecamatan: str | None) -> list[str]:
    inside = villages if not kecamatan else villages[villages["kecamatan_code"] == kecamatan]
    return inside["code"].astype(str).tolist()


@dataclass(frozen=True)
class PeriodChoices:
    """Periods as dropdown options (incomplete ones marked) and the one chosen by default."""

    options: list[dict[str, str]]
    value: str | None


def period_choices(
    observations: pd.DataFrame, codes: Sequence[str], periods: Sequence[str], minimum: float, lang: str
) -> PeriodChoices:
    """Every period in ``periods``, latest first (as on every page), marked by its stunting completeness over
    ``codes`` (the boundary set).

    The page opens on the latest period whose completeness reaches ``minimum`` (see
    :func:`dashboard.core.headline.choose_period`); a later, incomplete period stays offered, marked.
    """
    table = [completeness_of(observations, period, codes, _reported_in(observations, period)) for period in periods]
    chosen = choose_period(observations, list(codes), minimum, STUNTING)
    if chosen is None and periods:  # no stunting data at all: the latest period of the services
        chosen = periods[-1]
    return PeriodChoices(period_options(periods, lang, table, minimum), chosen)


def _reported_in(observations: pd.DataFrame, period: str) -> str:
    """The indicator a period's completeness is told for: stunting when the period has it, else the indicator most
    villages report then (a scorecard quarter, a Dana Desa year), so a quarter is not "0 of 272 villages"."""
    rows = observations.loc[observations["period"] == period, ["indicator", "code"]]
    if rows.empty or STUNTING in set(rows["indicator"]):
        return STUNTING
    return str(rows.groupby("indicator")["code"].nunique().idxmax())


def comparison_choices(
    observations: pd.DataFrame, codes: Sequence[str], period: str | None, indicator: str, minimum: float, lang: str
) -> PeriodChoices:
    """The periods before ``period`` with data for ``indicator``, latest first, marked when incomplete, and the
    default one.

    The default is :func:`dashboard.core.change.comparison_period`: the same month a year earlier, else
    the previous national weighing month, else the previous period with data.
    """
    available = sorted(observations.loc[observations["indicator"] == indicator, "period"].astype(str).unique())
    earlier = [p for p in available if period is not None and p < period]
    table = [completeness_of(observations, p, codes, indicator) for p in earlier]
    chosen = comparison_period(period, available) if period else None
    return PeriodChoices(period_options(earlier, lang, table, minimum), chosen)


def district_choices(services: Services, district: str, lang: str) -> tuple[Any, ...]:
    """A district's periods (marked when incomplete; the default by completeness) and its services with data."""
    observations = services.source.observations(district)
    codes = services.source.villages(district)["code"].astype(str).tolist()
    choices = period_choices(
        observations, codes, periods_of(services, district), services.settings.min_completeness, lang
    )
    coverage = coverage_keys(observations)
    return (
        choices.options,
        choices.value,
        [{"label": CATALOGUE[k].label(lang), "value": k} for k in coverage],
    )


def comparison_for(services: Services, district: str, period: str | None, indicator: str, lang: str) -> tuple[Any, ...]:
    """The change view's comparison periods for a district and period: options and the default."""
    if not district:
        return [], None
    codes = services.source.villages(district)["code"].astype(str).tolist()
    choices = comparison_choices(
        services.source.observations(district), codes, period, indicator or STUNTING,
        services.settings.min_completeness, lang,
    )  # fmt: skip
    return choices.options, choices.value


def flag_labels(flags: Sequence[Flag], lang: str) -> str:
    """``⚠ label; label`` for a value's plausibility flags, ``""`` for none."""
    return f"{FLAG_MARK} " + "; ".join(t(f"flag.{Flag(flag).value}.label", lang) for flag in flags) if flags else ""


def flagged(
    flags: pd.DataFrame, indicators: Sequence[str], period: str, lang: str, named: bool | None = None
) -> Mapping[str, str]:
    """Village code -> :func:`flag_labels` of its flags in ``period`` (only flagged villages), for a hover.

    With more than one indicator (a convergence score, a bivariate class), or ``named``, each flag names
    its indicator; several lines are joined by ``<br>``.
    """
    named = len(indicators) > 1 if named is None else named
    found: dict[str, list[str]] = {}
    for indicator in indicators:
        for code, flags_of in flags_for(flags, indicator, period).items():
            text = flag_labels(flags_of, lang)
            if named:
                text = f"{FLAG_MARK} {CATALOGUE[indicator].label(lang)}: {text.removeprefix(FLAG_MARK + ' ')}"
            found.setdefault(code, []).append(text)
    return {code: "<br>".join(texts) for code, texts in found.items()}
