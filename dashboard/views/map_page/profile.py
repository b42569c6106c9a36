"""The main page's village profile: every indicator now, with counts, interval, rank and trend."""

from __future__ import annotations

from typing import Any, NamedTuple

import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import Measure, Statistic, rank_villages, village_table
from dashboard.core.indicators import CATALOGUE, Kind
from dashboard.core.periods import period_label, period_order
from dashboard.core.plausibility import Flag, flags_for
from dashboard.core.prevalence import is_reliable, wilson_interval
from dashboard.figures.village_facts import fact_labels, is_village_fact
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.map_page.choice import MapChoice, measure_label

__all__ = [
    "DistrictTrends",
    "PeriodFacts",
    "clicked_profile",
    "district_trends",
    "period_facts",
    "profile_hint",
    "profile_panel",
    "trend_figure",
    "village_trend",
]


def profile_hint(lang: str) -> html.Div:
    return html.Div(t("profile.hint", lang), className="text-muted profile-hint")


class PeriodFacts(NamedTuple):
    """One period's figures of every indicator of a district, by village code: what a profile reads.

    ``counts[indicator][code]`` is (numerator, denominator, rate in percent) as :func:`village_table` gives them,
    ``ranks[indicator][code]`` the village's :func:`rank_villages` rank (villages with a rate only), and
    ``flags[indicator][code]`` its plausibility flags (:func:`flags_for`; villages without flags absent).
    """

    counts: dict[str, dict[str, tuple[float, float, float]]]
    ranks: dict[str, dict[str, int]]
    flags: dict[str, dict[str, tuple[Flag, ...]]]


class DistrictTrends(NamedTuple):
    """Every village's series over all periods of a district: what a profile's trend column and figure read.

    ``indicators`` are the catalogue's keys with data (catalogue order), ``periods`` every period with data (oldest
    first); ``numerators[(indicator, code)]`` and ``rates[(indicator, code)]`` one value per period (NaN where the
    village has none; rates in percent, as :func:`village_trend`); ``district[indicator]`` the district's rate per
    period from summed counts (as :func:`trend_figure` draws it); ``places[code]`` the village's (name, kecamatan).
    """

    indicators: tuple[str, ...]
    periods: tuple[str, ...]
    numerators: dict[tuple[str, str], tuple[float, ...]]
    rates: dict[tuple[str, str], tuple[float, ...]]
    district: dict[str, tuple[float, ...]]
    places: dict[str, tuple[str, str]]


def period_facts(
    observations: pd.DataFrame, flags: pd.DataFrame, indicators: tuple[str, ...], period: str
) -> PeriodFacts:
    """:class:`PeriodFacts` of ``period`` for ``indicators``, from a district's observations and flags."""
    counts: dict[str, dict[str, tuple[float, float, float]]] = {}
    ranks: dict[str, dict[str, int]] = {}
    found: dict[str, dict[str, tuple[Flag, ...]]] = {}
    for key in indicators:
        table = village_table(observations, key, period)
        counts[key] = {
            str(code): (float(n), float(d), float(r))
            for code, n, d, r in zip(table.index, table["numerator"], table["denominator"], table["rate"], strict=True)
        }
        ranks[key] = {str(code): int(rank) for code, rank in rank_villages(observations, key, period).items()}
        found[key] = flags_for(flags, key, period)
    return PeriodFacts(counts, ranks, found)


def district_trends(observations: pd.DataFrame, villages: pd.DataFrame) -> DistrictTrends:
    """:class:`DistrictTrends` of a district from its observations and village table (one group-by, not one per
    village and indicator: the figures are :func:`village_trend`'s and :func:`trend_figure`'s exactly)."""
    present = set(observations["indicator"].astype(str))
    indicators = tuple(key for key in CATALOGUE if key in present)
    periods = tuple(sorted((str(p) for p in observations["period"].unique()), key=period_order))
    sums = observations.groupby(["indicator", "code", "period"])[["numerator", "denominator"]].sum()
    numerators = sums["numerator"].unstack("period").reindex(columns=list(periods))
    denominators = sums["denominator"].unstack("period").reindex(columns=list(periods))
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = (100.0 * numerators / denominators.where(denominators > 0)).astype(float)
    by_period = observations.groupby(["indicator", "period"])[["numerator", "denominator"]].sum()
    district = {}
    for key in indicators:
        rows = by_period.loc[key].reindex(list(periods))
        district[key] = tuple(float(v) for v in 100.0 * rows["numerator"] / rows["denominator"])
    keys = [(str(i), str(c)) for i, c in numerators.index]
    return DistrictTrends(
        indicators,
        periods,
        dict(zip(keys, (tuple(float(v) for v in row) for row in numerators.to_numpy()), strict=True)),
        dict(zip(keys, (tuple(float(v) for v in row) for row in rates.to_numpy()), strict=True)),
        district,
        {
            str(c): (str(n), str(k))
            for c, n, k in zip(villages["code"], villages["name"], villages["kecamatan_name"], strict=True)
        },
    )


def _trends(services: Services, district: str) -> DistrictTrends:
    """The district's :class:`DistrictTrends`, kept per data version (the reader's areas checked)."""
    return services.kept_per_version(
        _TRENDS,
        district,
        lambda: district_trends(services.source.observations(district), services.source.villages(district)),
    )


def _period_facts(services: Services, district: str, period: str, indicators: tuple[str, ...]) -> PeriodFacts:
    """The district's :class:`PeriodFacts` of ``period``, kept per data version (the reader's areas checked)."""
    return services.kept_per_version(
        f"{_FACTS}:{period}",
        district,
        lambda: period_facts(services.source.observations(district), services.flags(district), indicators, period),
    )


# What the profile keeps per district and data version (see Services.cached): the series, and one period's figures.
_TRENDS = "profile.trends"
_FACTS = "profile.period"


def profile_panel(services: Services, choice: MapChoice, code: str, lang: str) -> Any:
    """Every indicator of one village: value now, counts, rank in the district, and its trend over periods.

    What does not change between clicks (every village's counts, ranks, flags and series) is computed once per
    district, period and data version (:class:`PeriodFacts`, :class:`DistrictTrends`); a click only reads it.
    Raises :class:`~dashboard.auth.roles.Forbidden` when the reader may not read the district's figures.
    """
    services.require_readable(choice.district)  # before anything kept is read: the caches are keyed by data only
    trends = _trends(services, choice.district)
    place = trends.places.get(code)
    if place is None:
        return profile_hint(lang)
    name, kecamatan = place
    facts = _period_facts(services, choice.district, choice.period, trends.indicators)
    measure = Measure.parse(choice.measure)
    header = [
        html.Div(t("profile.title", lang), className="kpi-title"),
        html.H3(name, id=ID.PROFILE_NAME, className="h4 mb-1"),
        html.Div(t("profile.kecamatan", lang, name=kecamatan), className="text-muted"),
        html.Div(t("profile.code", lang, code=code), className="text-muted small"),
        dcc.Link(t("village.map_link", lang), href=f"/desa?kode={code}", id=ID.PROFILE_FULL_LINK, className="small"),
    ]
    table_rows = []
    headline = None
    nan = float("nan")
    for key in trends.indicators:
        indicator = CATALOGUE[key]
        ranks = facts.ranks[key]
        record = facts.counts[key].get(code)
        if record is not None and not np.isnan(record[2]):
            numerator, denominator, rate = record
            low, high = wilson_interval([numerator], [denominator])
            interval = t(
                "profile.interval", lang, low=fmt_number(100 * low[0], lang), high=fmt_number(100 * high[0], lang)
            )
            value: Any = [fmt_percent(rate, lang), html.Div(interval, className="small text-muted")]
            if is_village_fact(key):  # a yes/no fact of the village: its answer in words, never "100,0%"
                value = [fact_labels(key, lang)[1 if numerator > 0 else 0]]
            few = not is_reliable([denominator], services.settings.min_measured)[0]
            if few and indicator.kind is Kind.OUTCOME:  # as on the map: coverage rates are never marked
                value.append(
                    html.Div(t("profile.unreliable", lang, n=services.settings.min_measured), className="unreliable")
                )
            for flag in facts.flags[key].get(code, ()):
                value.append(html.Div("⚠ " + t(f"flag.{flag}.label", lang), className="flagged"))
            counts = f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}"
            rank = f"{ranks[code]}/{len(ranks)}"
        else:
            numerator = rate = nan
            value, counts, rank = "—", "—", "—"
        if key == measure.indicator:
            shown = fmt_int(numerator, lang) if measure.statistic == Statistic.COUNT else fmt_percent(rate, lang)
            rank_text = t("profile.rank", lang, rank=ranks[code], n=len(ranks)) if code in ranks else ""
            headline = html.Div(
                [
                    html.Div(measure_label(measure, lang), className="kpi-title"),
                    html.Div(shown, id=ID.PROFILE_VALUE, className="kpi-value"),
                    html.Div(rank_text, className="kpi-note"),
                ],
                className="my-2",
            )
        own = _own_periods(trends, key)  # a quarterly scorecard's series is not a monthly report's
        trend = [trends.rates.get((key, code), (nan,) * len(trends.periods))[i] for i in own]
        table_rows.append(
            html.Tr(
                [
                    html.Td(indicator.label(lang)),
                    html.Td(value, className="text-end"),
                    html.Td(counts, className="text-end small"),
                    html.Td(rank, className="text-end small"),
                    html.Td(" · ".join(fmt_number(v, lang) for v in trend), className="small text-muted"),
                ]
            )
        )
    table = dbc.Table(
        [
            html.Thead(
                html.Tr(
                    [html.Th(t(f"profile.col.{c}", lang)) for c in ("indicator", "value", "counts", "rank", "trend")]
                )
            ),
            html.Tbody(table_rows),
        ],
        size="sm",
        responsive=True,
        className="profile-table",
    )
    return html.Div(
        [
            *header,
            headline,
            dcc.Graph(
                id=ID.PROFILE_TREND,
                figure=_trend_figure(trends, measure, code, lang),
                config={"displayModeBar": False},
                style={"height": "220px"},
            ),
            html.Div(t("profile.rank.note", lang), className="small text-muted"),
            table,
        ]
    )


def village_trend(observations: pd.DataFrame, indicator: str, code: str, periods: list[str]) -> list[float]:
    """The village's rate in every period (NaN where it has no data), oldest first."""
    rows = observations[(observations["indicator"] == indicator) & (observations["code"] == code)]
    sums = rows.groupby("period")[["numerator", "denominator"]].sum().reindex(periods)
    with np.errstate(divide="ignore", invalid="ignore"):
        return list((100.0 * sums["numerator"] / sums["denominator"].where(sums["denominator"] > 0)).astype(float))


def trend_figure(observations: pd.DataFrame, measure: Measure, code: str, periods: list[str], lang: str) -> go.Figure:
    """The village against the district over time, for the measure on the map (district from summed counts)."""
    rows = observations[observations["indicator"] == measure.indicator]
    by_period = rows.groupby("period")[["numerator", "denominator"]].sum().reindex(periods)
    village_rows = rows[rows["code"] == code].groupby("period")[["numerator", "denominator"]].sum().reindex(periods)
    if measure.statistic == Statistic.COUNT:
        village = list(village_rows["numerator"])
        district = None
    else:
        village = village_trend(observations, measure.indicator, code, periods)
        district = list(100.0 * by_period["numerator"] / by_period["denominator"])
    return _draw_trend(periods, village, district, measure, lang)


def _own_periods(trends: DistrictTrends, indicator: str) -> list[int]:
    """Positions in ``trends.periods`` where the district has ``indicator``: its own months, quarters or years, so a
    series never breaks at the periods of another office's figures."""
    series = trends.district.get(indicator, ())
    return [i for i, value in enumerate(series) if not np.isnan(value)]


def _trend_figure(trends: DistrictTrends, measure: Measure, code: str, lang: str) -> go.Figure:
    """:func:`trend_figure` from a district's kept series, over the periods the measure's indicator has."""
    missing = (float("nan"),) * len(trends.periods)
    own = _own_periods(trends, measure.indicator)
    if measure.statistic == Statistic.COUNT:
        village = [trends.numerators.get((measure.indicator, code), missing)[i] for i in own]
        district = None
    else:
        village = [trends.rates.get((measure.indicator, code), missing)[i] for i in own]
        district = [trends.district.get(measure.indicator, missing)[i] for i in own]
    return _draw_trend([trends.periods[i] for i in own], village, district, measure, lang)


def _draw_trend(
    periods: list[str], village: list[float], district: list[float] | None, measure: Measure, lang: str
) -> go.Figure:
    labels = [period_label(p, lang) for p in periods]
    figure = go.Figure()
    figure.add_scatter(x=labels, y=village, name=t("profile.trend.village", lang), mode="lines+markers")
    if district is not None:
        figure.add_scatter(
            x=labels, y=district, name=t("profile.trend.district", lang), mode="lines", line={"dash": "dot"}
        )
    figure.update_layout(
        margin={"l": 30, "r": 10, "t": 30, "b": 30},
        title={
            "text": t("profile.trend.title", lang, measure=measure_label(measure, lang)),
            "font": {"size": 13},
        },
        legend={"orientation": "h", "y": -0.25},
        separators=",." if lang != "en" else ".,",
    )
    return figure


def clicked_profile(services: Services, code: str | None, measure: str, period: str, district: str, lang: str) -> Any:
    """The profile of the village last clicked on the map (its code, from the map's ``click_code``)."""
    if not code:
        raise PreventUpdate
    return profile_panel(services, MapChoice(district, measure, period), code, lang)
