"""The gaps page's choices and sums: its views, periods and services, and a scope's figures from summed counts."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.core.indicators import CATALOGUE, Kind
from dashboard.services import Services

__all__ = ["CONVERGENCE", "View", "coverage_keys", "district_choices", "periods_of", "scope_codes", "scope_figures"]

CONVERGENCE = "__konvergensi__"  # the bivariate map's second axis when it is the convergence score


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
    present = set(observations["indicator"])
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


def district_choices(services: Services, district: str, lang: str) -> tuple[Any, ...]:
    """A district's periods (the latest chosen), the same as earlier periods, and its services with data."""
    periods = periods_of(services, district)
    options = [{"label": p, "value": p} for p in periods]
    coverage = coverage_keys(services.source.observations(district))
    return (
        options,
        (periods[-1] if periods else None),
        options,
        [{"label": CATALOGUE[k].label(lang), "value": k} for k in coverage],
    )
