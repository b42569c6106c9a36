"""The main page's village profile: every indicator now, with counts, interval, rank and trend."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import Measure, Statistic, rank_villages, village_table
from dashboard.core.indicators import CATALOGUE, Kind
from dashboard.core.periods import period_label
from dashboard.core.plausibility import flags_for
from dashboard.core.prevalence import is_reliable, wilson_interval
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.map_page.choice import MapChoice, measure_label

__all__ = ["clicked_profile", "profile_hint", "profile_panel", "trend_figure", "village_trend"]


def profile_hint(lang: str) -> html.Div:
    return html.Div(t("profile.hint", lang), className="text-muted profile-hint")


def profile_panel(services: Services, choice: MapChoice, code: str, lang: str) -> Any:
    """Every indicator of one village: value now, counts, rank in the district, and its trend over periods."""
    villages = services.source.villages(choice.district)
    row = villages[villages["code"] == code]
    if row.empty:
        return profile_hint(lang)
    village = row.iloc[0]
    observations = services.source.observations(choice.district)
    periods = sorted(observations["period"].unique())
    measure = Measure.parse(choice.measure)
    header = [
        html.Div(t("profile.title", lang), className="kpi-title"),
        html.H3(str(village["name"]), id=ID.PROFILE_NAME, className="h4 mb-1"),
        html.Div(t("profile.kecamatan", lang, name=village["kecamatan_name"]), className="text-muted"),
        html.Div(t("profile.code", lang, code=code), className="text-muted small"),
    ]
    table_rows = []
    headline = None
    flags = services.flags(choice.district)
    for key in [k for k in CATALOGUE if k in set(observations["indicator"])]:
        indicator = CATALOGUE[key]
        table = village_table(observations, key, choice.period)
        ranks = rank_villages(observations, key, choice.period)
        record: dict[str, float] = table.to_dict("index").get(code, {})  # type: ignore[assignment]
        if record and not np.isnan(record["rate"]):
            numerator, denominator, rate = record["numerator"], record["denominator"], record["rate"]
            low, high = wilson_interval([numerator], [denominator])
            interval = t(
                "profile.interval", lang, low=fmt_number(100 * low[0], lang), high=fmt_number(100 * high[0], lang)
            )
            value: Any = [fmt_percent(rate, lang), html.Div(interval, className="small text-muted")]
            few = not is_reliable([denominator], services.settings.min_measured)[0]
            if few and indicator.kind is Kind.OUTCOME:  # as on the map: coverage rates are never marked
                value.append(
                    html.Div(t("profile.unreliable", lang, n=services.settings.min_measured), className="unreliable")
                )
            for flag in flags_for(flags, key, choice.period).get(code, ()):
                value.append(html.Div("⚠ " + t(f"flag.{flag}.label", lang), className="flagged"))
            counts = f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}"
            rank = f"{ranks[code]}/{len(ranks)}"
        else:
            numerator = rate = float("nan")
            value, counts, rank = "—", "—", "—"
        if key == measure.indicator:
            shown = fmt_int(numerator, lang) if measure.statistic == Statistic.COUNT else fmt_percent(rate, lang)
            rank_text = t("profile.rank", lang, rank=ranks[code], n=len(ranks)) if code in ranks.index else ""
            headline = html.Div(
                [
                    html.Div(measure_label(measure, lang), className="kpi-title"),
                    html.Div(shown, id=ID.PROFILE_VALUE, className="kpi-value"),
                    html.Div(rank_text, className="kpi-note"),
                ],
                className="my-2",
            )
        trend = village_trend(observations, key, code, periods)
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
                figure=trend_figure(observations, measure, code, periods, lang),
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
    labels = [period_label(p, lang) for p in periods]
    if measure.statistic == Statistic.COUNT:
        village = village_rows["numerator"]
        district = None
    else:
        village = pd.Series(village_trend(observations, measure.indicator, code, periods), index=periods)
        district = 100.0 * by_period["numerator"] / by_period["denominator"]
    figure = go.Figure()
    figure.add_scatter(x=labels, y=list(village), name=t("profile.trend.village", lang), mode="lines+markers")
    if district is not None:
        figure.add_scatter(
            x=labels, y=list(district), name=t("profile.trend.district", lang), mode="lines", line={"dash": "dot"}
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
