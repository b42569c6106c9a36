"""The main page's choice (district, measure, period, kecamatan, classes) and the options offered for it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import Measure, Statistic
from dashboard.core.change import comparison_period
from dashboard.core.classify import DEFAULT_K, Scheme
from dashboard.core.indicators import CATALOGUE, STUNTING, get_indicator
from dashboard.core.periods import period_kind, period_label
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views.periods import period_options

__all__ = [
    "ALL",
    "MapChoice",
    "comparison_options",
    "district_choices",
    "district_period_options",
    "kecamatan_options",
    "measure_label",
    "measure_options",
    "resolve_choice",
]

ALL = ""  # the kecamatan option meaning "the whole district"


@dataclass(frozen=True)
class MapChoice:
    """What the user chose on the map page; small enough to keep in a ``dcc.Store``."""

    district: str
    measure: str = STUNTING
    period: str = ""
    kecamatan: str = ALL
    scheme: str = Scheme.QUANTILES
    k: int = DEFAULT_K
    compare: str = ""  # the period the change is measured from; "" = the default comparison period


def resolve_choice(services: Services, stored: dict[str, Any] | None) -> MapChoice | None:
    """The stored choice, corrected to what the data offers.

    Defaults: the first district; the latest period whose completeness reaches
    ``DASHBOARD_MIN_COMPLETENESS`` (:func:`~dashboard.core.completeness.default_period`); the default
    comparison period.

    A stored demo district gives way to an imported one: once a district has its own data, the main page
    opens on it (the demo stays one click away in the district list).
    """
    districts = services.source.districts()
    if not districts:
        return None
    stored = stored or {}
    codes = [d.code for d in districts]
    demo = {d.code for d in districts if d.is_demo}
    wanted = stored.get("district")
    if wanted in demo and len(demo) < len(codes):
        wanted = None
    district = wanted if isinstance(wanted, str) and wanted in codes else codes[0]
    observations = services.source.observations(district)
    periods = sorted(observations["period"].unique())
    measures = {option["value"] for option in measure_options(observations, "id")}
    choice = MapChoice(district=district)
    measure = stored.get("measure")
    if measure in measures:
        choice = replace(choice, measure=measure)
    period = stored.get("period")
    if not (isinstance(period, str) and period in periods):
        period = services.default_period(district) or (periods[-1] if periods else "")
    compare = stored.get("compare")
    choice = replace(choice, period=period, compare=compare if isinstance(compare, str) and compare < period else "")
    kecamatan = stored.get("kecamatan") or ALL
    if kecamatan != ALL and kecamatan not in set(services.source.villages(district)["kecamatan_code"]):
        kecamatan = ALL
    scheme = stored.get("scheme")
    k = stored.get("k")
    return replace(
        choice,
        kecamatan=kecamatan,
        scheme=scheme if scheme in set(Scheme) else Scheme.QUANTILES,
        k=int(k) if isinstance(k, int) and 2 <= k <= 9 else DEFAULT_K,
    )


def measure_options(observations: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    """Prevalence, number of stunted children, then every other indicator that has data, catalogue order."""
    present = set(observations["indicator"].unique())
    options = []
    for key, indicator in CATALOGUE.items():
        if key not in present:
            continue
        options.append({"label": indicator.label(lang), "value": Measure(key).value})
        if key == STUNTING:
            label = t("measure.count", lang, label=indicator.numerator_label(lang))
            options.append({"label": label, "value": Measure(key, Statistic.COUNT).value})
    return options


def measure_label(measure: Measure, lang: str) -> str:
    indicator = get_indicator(measure.indicator)
    if measure.statistic == Statistic.COUNT:
        return t("measure.count", lang, label=indicator.numerator_label(lang))
    return indicator.label(lang)


def comparison_options(periods: list[str], period: str, lang: str) -> list[dict[str, str]]:
    """Earlier periods of the same kind to compare ``period`` with, the default first and marked."""
    if not period:  # a district without data: nothing to compare
        return []
    default = comparison_period(period, periods)
    kind = period_kind(period)
    earlier = [p for p in reversed(periods) if p < period and period_kind(p) == kind]
    options = []
    for p in earlier:
        text = period_label(p, lang)
        options.append({"label": t("compare.default", lang, period=text) if p == default else text, "value": p})
    options.sort(key=lambda option: option["value"] != default)
    return options


def kecamatan_options(kecamatan: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    options = [{"label": t("control.kecamatan.all", lang), "value": ALL}]
    options += [
        {"label": str(name), "value": str(code)}
        for code, name in zip(kecamatan["kecamatan_code"], kecamatan["kecamatan_name"], strict=True)
    ]
    return options


def district_period_options(services: Services, district: str, lang: str) -> list[dict[str, str]]:
    """The district's periods, those below ``DASHBOARD_MIN_COMPLETENESS`` marked "belum lengkap"."""
    periods = sorted(services.source.observations(district)["period"].unique())
    return period_options(periods, lang, services.completeness(district), services.settings.min_completeness)


def district_choices(services: Services, district: str, lang: str) -> tuple[Any, ...]:
    """A district's periods (its default chosen), its kecamatan (the whole district chosen) and its measures."""
    choice = resolve_choice(services, {"district": district})
    if choice is None:
        raise PreventUpdate
    observations = services.source.observations(district)
    villages = services.source.villages(district)
    kecamatan = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_name")
    return (
        district_period_options(services, district, lang),
        choice.period,
        kecamatan_options(kecamatan, lang),
        ALL,
        measure_options(observations, lang),
    )
