"""The main page's map for a choice: values, legend, title and KPI cards, drawn new or patched with values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

import dash_bootstrap_components as dbc
import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.core.aggregate import Measure
from dashboard.core.headline import Headline
from dashboard.core.periods import period_label
from dashboard.core.plausibility import flags_for
from dashboard.data.source import District
from dashboard.figures.headline import change_text, completeness_text, flag_text, interval_text
from dashboard.figures.map import MapValues, base_figure, legend_entries, map_values, values_patch
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.geojson_route import geojson_path
from dashboard.views.map_page.choice import ALL, MapChoice, comparison_options, measure_label
from dashboard.views.map_page.two_numbers import two_numbers_panel

__all__ = [
    "MapView",
    "completeness_line",
    "district_figure",
    "district_of",
    "flags_panel",
    "kpi_cards",
    "map_view",
    "recoloured",
    "services_url",
]


@dataclass(frozen=True)
class MapView:
    """Everything the page shows for one choice: map values, legend, title, headline cards and flags."""

    values: MapValues
    legend: html.Div
    title: str
    kpis: list[Any]
    scope: Any
    flags: Any
    compare: list[dict[str, str]]  # comparison period options
    before: str | None  # the comparison period used
    uirevision: str
    two_numbers: Any = None  # the survey estimate beside the routine figure (two_numbers_panel), or None


def _villages_in_view(villages: gpd.GeoDataFrame, kecamatan: str) -> gpd.GeoDataFrame:
    return villages if kecamatan == ALL else villages[villages["kecamatan_code"] == kecamatan]


def district_of(services: Services, code: str) -> District:
    return next(d for d in services.source.districts() if d.code == code)


def _legend(values: MapValues, measure: Measure, min_measured: int, lang: str) -> html.Div:
    def entry(swatch: html.Span, text: str, count: str) -> html.Div:
        return html.Div(
            [swatch, html.Span(text, className="legend-range"), html.Span(count, className="legend-count")],
            className="legend-entry",
        )

    extra = []
    if values.unreliable:
        extra.append(entry(html.Span(className="legend-swatch legend-unreliable"),
                           t("legend.unreliable", lang, n=min_measured),
                           t("legend.villages", lang, n=len(values.unreliable))))  # fmt: skip
    if values.flagged:
        extra.append(entry(html.Span(className="legend-swatch legend-flagged"), t("legend.flagged", lang),
                           t("legend.villages", lang, n=len(values.flagged))))  # fmt: skip
    return html.Div(
        [
            html.Div(t("legend.title", lang), className="legend-title"),
            *[
                entry(html.Span(className="legend-swatch", style={"backgroundColor": colour}), text, count)
                for colour, text, count in legend_entries(values, measure, lang)
            ],
            *extra,
        ]
    )


def map_view(services: Services, choice: MapChoice, lang: str) -> MapView:
    """The handler behind the map callbacks: a plain function of the data and the choice."""
    villages = services.source.villages(choice.district)
    observations = services.source.observations(choice.district)
    shown = _villages_in_view(villages, choice.kecamatan)
    measure = Measure.parse(choice.measure)
    flags = services.flags(choice.district)
    values = map_values(
        shown, observations, measure, choice.period, choice.scheme, choice.k, lang, bounds_of(shown),
        services.settings.min_measured, flags_for(flags, measure.indicator, choice.period),
    )  # fmt: skip
    period = period_label(choice.period, lang) if choice.period else ""
    if not choice.period:  # boundaries without figures yet: say so, never a heading that ends in a comma
        title = t("map.title.no_data", lang, measure=measure_label(measure, lang))
        scope = t("kpi.scope.no_data", lang, name=district_of(services, choice.district).name)
    elif choice.kecamatan == ALL:
        title = t("map.title", lang, measure=measure_label(measure, lang), period=period)
        scope = t("kpi.scope.district", lang, name=district_of(services, choice.district).name, period=period)
    else:
        name = str(shown["kecamatan_name"].iloc[0])
        title = t("map.title.kecamatan", lang, measure=measure_label(measure, lang), kecamatan=name, period=period)
        scope = t("kpi.scope.kecamatan", lang, name=name, period=period)
    periods = sorted(observations["period"].unique())
    compare = comparison_options(periods, choice.period, lang)
    before = choice.compare if choice.compare in {o["value"] for o in compare} else None
    headline = services.headline(
        choice.district, choice.period or None, before, None if choice.kecamatan == ALL else choice.kecamatan
    )
    if headline is not None and not headline.complete and choice.kecamatan == ALL:
        # A month most villages have not reported is not "the whole district": the heading says so.
        scope = t("kpi.scope.partial", lang, name=district_of(services, choice.district).name, period=period,
                  reporting=fmt_int(headline.completeness.reporting, lang),
                  villages=fmt_int(headline.completeness.villages, lang))  # fmt: skip
    names = shown.set_index(shown["code"].astype(str))[["name", "kecamatan_name"]]
    return MapView(
        values,
        _legend(values, measure, services.settings.min_measured, lang),
        title,
        kpi_cards(headline, lang),
        [html.Div(scope), completeness_line(headline, lang)],
        flags_panel(headline, names, lang),
        compare,
        headline.change.before if headline is not None and headline.change is not None else None,
        uirevision=f"{choice.district}/{choice.kecamatan}",
        two_numbers=two_numbers_panel(services, choice, lang),
    )


def completeness_line(headline: Headline | None, lang: str) -> Any:
    """Villages reporting and children measured, with a "belum lengkap" badge below ``DASHBOARD_MIN_COMPLETENESS``."""
    if headline is None:
        return None
    parts: list[Any] = [completeness_text(headline, lang)]
    if not headline.complete:
        minimum = fmt_percent(headline.minimum_completeness, lang, 0)
        help_text = t("completeness.incomplete.help", lang, minimum=minimum)
        badge = dbc.Badge(t("completeness.incomplete", lang), color="warning", text_color="dark")
        parts += [" ", badge, html.Div(help_text, className="fw-semibold")]
    tone = "" if headline.complete else " completeness-low"
    return html.Div(parts, id=ID.KPI_COMPLETENESS, className="completeness small" + tone)


def flags_panel(headline: Headline | None, names: pd.DataFrame, lang: str, shown: int = 8) -> Any:
    """The plausibility flags on the headline's values: village, values and reason, the first ``shown``."""
    if headline is None or headline.flags.empty:
        return None
    rows = []
    for flag in headline.flags.head(shown).itertuples(index=False):
        code = str(flag.code)
        known = code in names.index
        village = str(names.at[code, "name"]) if known else code
        kecamatan = str(names.at[code, "kecamatan_name"]) if known else "?"
        rows.append(html.Li(flag_text(flag, village, kecamatan, lang)))
    if len(headline.flags) > shown:
        rows.append(html.Li(t("flags.more", lang, n=len(headline.flags) - shown)))
    # Folded to one line: the figures stay above the fold; the list is one click away.
    values = headline.flags[["code", "indicator"]].drop_duplicates()  # one value may carry two reasons
    title = html.Summary("⚠ " + t("flags.title", lang, n=len(values)), className="fw-semibold")
    return dbc.Alert(html.Details([title, html.Ul(rows)]), color="warning", className="flags-panel small py-1 mb-2")


def kpi_cards(headline: Headline | None, lang: str) -> list[Any]:
    """Children of the three headline cards: prevalence, number stunted, like-for-like change."""
    if headline is None:
        empty = [html.Div("—", className="kpi-value"), html.Div(t("kpi.no_data", lang), className="kpi-note")]
        return [empty, list(empty), list(empty)]
    reporting = fmt_int(headline.completeness.reporting, lang)
    measured = t("kpi.measured.reporting", lang, measured=fmt_int(headline.denominator, lang), reporting=reporting)
    target = t("kpi.target", lang, target=fmt_percent(headline.target, lang, 0))
    notes = [interval_text(headline, lang), measured, target]
    prevalence = [
        html.Div(fmt_percent(headline.rate, lang), className="kpi-value"),
        *[html.Div(note, className="kpi-note") for note in notes if note],
    ]
    stunted = [
        html.Div(fmt_int(headline.numerator, lang), className="kpi-value"),
        html.Div(t("kpi.sum.reporting", lang, reporting=reporting), className="kpi-note"),
    ]
    change = change_text(headline.change, lang)
    change_card = [
        html.Div(change.value or "—", className=f"kpi-value kpi-{change.tone}"),
        *[html.Div(line, className="kpi-note") for line in change.lines],
    ]
    return [prevalence, stunted, change_card]


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
    """Map (a new figure or a patch), legend, title, scope, cards, flags, the two numbers, comparison options and
    value, and the choice to remember (a comparison period only when the user chose it; otherwise the default follows
    the period)."""
    view = map_view(services, choice, lang)
    triggered = {str(key).split(".")[0] for key in triggered_prop_ids}
    remembered = replace(choice, compare=view.before or "" if ID.COMPARE in triggered else "")
    if ID.DISTRICT in triggered:
        # A new district is the one change that needs other geometry: a new figure, by URL.
        figure: Any = district_figure(services, choice.district, view)
    else:
        figure = values_patch(view.values, view.uirevision if ID.KECAMATAN in triggered else None)
    return (figure, view.legend, view.title, view.scope, *view.kpis, view.flags, view.two_numbers, view.compare,
            view.before, asdict(remembered))  # fmt: skip
