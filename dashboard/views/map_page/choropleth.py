"""The main page's map for a choice: values, legend, title and KPI cards, drawn new or patched with values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.core.aggregate import Kpis, Measure, district_kpis
from dashboard.core.indicators import STUNTING, get_indicator
from dashboard.core.periods import period_label, previous_period
from dashboard.data.source import District
from dashboard.figures.map import MapValues, base_figure, legend_entries, map_values, values_patch
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.geojson_route import geojson_path
from dashboard.views.map_page.choice import ALL, MapChoice, measure_label

__all__ = ["MapView", "district_figure", "district_of", "kpi_cards", "map_view", "recoloured", "services_url"]


@dataclass(frozen=True)
class MapView:
    """Everything the page shows for one choice: map values, legend, title and KPI cards."""

    values: MapValues
    legend: html.Div
    title: str
    kpis: list[Any]
    scope: str
    uirevision: str


def _villages_in_view(villages: gpd.GeoDataFrame, kecamatan: str) -> gpd.GeoDataFrame:
    return villages if kecamatan == ALL else villages[villages["kecamatan_code"] == kecamatan]


def district_of(services: Services, code: str) -> District:
    return next(d for d in services.source.districts() if d.code == code)


def map_view(services: Services, choice: MapChoice, lang: str) -> MapView:
    """The handler behind the map callbacks: a plain function of the data and the choice."""
    villages = services.source.villages(choice.district)
    observations = services.source.observations(choice.district)
    shown = _villages_in_view(villages, choice.kecamatan)
    measure = Measure.parse(choice.measure)
    values = map_values(
        shown, observations, measure, choice.period, choice.scheme, choice.k, lang, bounds_of(shown),
        services.settings.min_measured,
    )  # fmt: skip
    legend = html.Div(
        [
            html.Div(t("legend.title", lang), className="legend-title"),
            *[
                html.Div(
                    [
                        html.Span(className="legend-swatch", style={"backgroundColor": colour}),
                        html.Span(text, className="legend-range"),
                        html.Span(count, className="legend-count"),
                    ],
                    className="legend-entry",
                )
                for colour, text, count in legend_entries(values, measure, lang)
            ],
            html.Div(
                [
                    html.Span(className="legend-swatch legend-unreliable"),
                    html.Span(t("legend.unreliable", lang, n=services.settings.min_measured), className="legend-range"),
                    html.Span(t("legend.villages", lang, n=len(values.unreliable)), className="legend-count"),
                ],
                className="legend-entry",
            )
            if values.unreliable
            else None,
        ]
    )
    period = period_label(choice.period, lang) if choice.period else ""
    if choice.kecamatan == ALL:
        title = t("map.title", lang, measure=measure_label(measure, lang), period=period)
        scope = t("kpi.scope.district", lang, name=district_of(services, choice.district).name, period=period)
    else:
        name = str(shown["kecamatan_name"].iloc[0])
        title = t("map.title.kecamatan", lang, measure=measure_label(measure, lang), kecamatan=name, period=period)
        scope = t("kpi.scope.kecamatan", lang, name=name, period=period)
    previous = previous_period(choice.period, observations["period"].unique())
    kpis = district_kpis(observations, choice.period, previous, pd.Index(shown["code"]))
    return MapView(
        values,
        legend,
        title,
        kpi_cards(kpis, lang),
        scope,
        uirevision=f"{choice.district}/{choice.kecamatan}",
    )


def kpi_cards(kpis: Kpis, lang: str) -> list[Any]:
    """Children of the three KPI cards: prevalence, number stunted, change since the previous period."""
    target = get_indicator(STUNTING).target
    prevalence = [
        html.Div(fmt_percent(kpis.prevalence, lang), className="kpi-value"),
        html.Div(t("kpi.measured", lang, measured=fmt_int(kpis.measured, lang)), className="kpi-note"),
        html.Div(t("kpi.target", lang, target=fmt_percent(target, lang, 0)), className="kpi-note"),
    ]
    stunted = [html.Div(fmt_int(kpis.stunted, lang), className="kpi-value")]
    if kpis.previous_period is None or kpis.change_points is None:
        change = [
            html.Div("—", className="kpi-value"),
            html.Div(t("kpi.no_previous", lang), className="kpi-note"),
        ]
    else:
        points = kpis.change_points
        arrow = "▲" if points > 0 else ("▼" if points < 0 else "■")
        tone = "kpi-worse" if points > 0 else "kpi-better"
        sign = "+" if points > 0 else ""
        children = kpis.change_stunted or 0.0
        change = [
            html.Div(
                f"{arrow} {t('kpi.points', lang, value=sign + fmt_number(points, lang))}",
                className=f"kpi-value {tone}",
            ),
            html.Div(
                t("kpi.children", lang, value=("+" if children > 0 else "") + fmt_int(children, lang)),
                className="kpi-note",
            ),
            html.Div(period_label(kpis.previous_period, lang), className="kpi-note"),
        ]
    return [prevalence, stunted, change]


def services_url(services: Services, district_code: str) -> str:
    """The URL a figure uses as its ``geojson``, under the app's path prefix."""
    from dash import get_relative_path  # needs the app context: only called while serving

    return str(get_relative_path(geojson_path(services, district_code)))


def district_figure(services: Services, district: str, view: MapView) -> go.Figure:
    """The first draw of a district: its geometry by URL, the view's values inline."""
    return base_figure(
        services_url(services, district),
        view.values,
        view.uirevision,
        services.settings.map_style,
        services.settings.tile_url,
        services.settings.tile_attribution,
    )


def recoloured(
    services: Services, choice: MapChoice, triggered_prop_ids: Iterable[object], lang: str
) -> tuple[Any, ...]:
    """Map (a new figure or a patch), legend, title, scope, KPI cards and the choice to remember."""
    view = map_view(services, choice, lang)
    triggered = {str(key).split(".")[0] for key in triggered_prop_ids}
    if ID.DISTRICT in triggered:
        # A new district is the one change that needs other geometry: a new figure, by URL.
        figure: Any = district_figure(services, choice.district, view)
    else:
        figure = values_patch(view.values, view.uirevision if ID.KECAMATAN in triggered else None)
    return (figure, view.legend, view.title, view.scope, *view.kpis, asdict(choice))
