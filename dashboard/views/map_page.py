"""The main page (``/``): the village choropleth with its controls, legend, KPI cards and village profile."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

import dash_bootstrap_components as dbc
import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import Kpis, Measure, Statistic, district_kpis, rank_villages, village_table
from dashboard.core.classify import DEFAULT_K, Scheme
from dashboard.core.indicators import CATALOGUE, STUNTING, Kind, get_indicator
from dashboard.core.periods import period_label, previous_period
from dashboard.core.prevalence import is_reliable, wilson_interval
from dashboard.data.source import District
from dashboard.figures.map import MapValues, base_figure, legend_entries, map_values, values_patch
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.geojson_route import geojson_path

__all__ = ["MapChoice", "MapView", "layout", "map_view", "profile_panel", "register"]

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


def resolve_choice(services: Services, stored: dict[str, Any] | None) -> MapChoice | None:
    """The stored choice, corrected to what the data offers (defaults: first district, latest period).

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
    choice = replace(
        choice, period=period if isinstance(period, str) and period in periods else (periods[-1] if periods else "")
    )
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


def _district(services: Services, code: str) -> District:
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
        scope = t("kpi.scope.district", lang, name=_district(services, choice.district).name, period=period)
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


def _card(title: str, body_id: ID, children: list[Any]) -> dbc.Card:
    return dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"), html.Div(children, id=body_id)]))


def _control(label: str, component: Any) -> html.Div:
    return html.Div([dbc.Label(label, html_for=component.id), component], className="mb-3")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page as first drawn: the map arrives complete, so loading it costs one request, not a chain."""
    choice = resolve_choice(services, stored)
    if choice is None:
        return dbc.Alert([html.H4(t("nodistrict.title", lang)), html.P(t("nodistrict.body", lang))], color="info")
    district = _district(services, choice.district)
    observations = services.source.observations(choice.district)
    villages = services.source.villages(choice.district)
    view = map_view(services, choice, lang)
    figure = base_figure(
        services_url(services, choice.district),
        view.values,
        view.uirevision,
        services.settings.map_style,
        services.settings.tile_url,
        services.settings.tile_attribution,
    )
    periods = sorted(observations["period"].unique())
    kecamatan = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_name")
    demo_badge = dbc.Badge(
        t("demo.badge", lang),
        color="warning",
        text_color="dark",
        id=ID.DEMO_BADGE,
        className="ms-2 demo-badge",
        title=t("demo.explainer", lang),
    )
    controls = [
        _control(
            t("control.district", lang),
            dcc.Dropdown(
                id=ID.DISTRICT,
                options=[
                    {"label": d.name + (f" — {t('demo.badge', lang)}" if d.is_demo else ""), "value": d.code}
                    for d in services.source.districts()
                ],
                value=choice.district,
                clearable=False,
            ),
        ),
        _control(
            t("control.indicator", lang),
            dcc.Dropdown(
                id=ID.INDICATOR,
                options=measure_options(observations, lang),
                value=choice.measure,
                clearable=False,
            ),
        ),
        _control(
            t("control.period", lang),
            dcc.Dropdown(id=ID.PERIOD, options=period_options(periods, lang), value=choice.period, clearable=False),
        ),
        _control(
            t("control.kecamatan", lang),
            dcc.Dropdown(
                id=ID.KECAMATAN,
                options=kecamatan_options(kecamatan, lang),
                value=choice.kecamatan,
                clearable=False,
            ),
        ),
        _control(
            t("control.scheme", lang),
            dbc.RadioItems(
                id=ID.SCHEME,
                options=[{"label": t(f"scheme.{s.value}", lang), "value": s.value} for s in Scheme],
                value=choice.scheme,
            ),
        ),
        _control(
            t("control.classes", lang),
            dcc.Slider(id=ID.CLASSES, min=3, max=7, step=1, value=choice.k, marks={i: str(i) for i in range(3, 8)}),
        ),
    ]
    return dbc.Container(
        [
            html.Div(
                [
                    html.H1(district.name, className="h3 mb-0 d-inline"),
                    demo_badge if district.is_demo else None,
                ],
                className="my-3",
            ),
            html.Div(view.scope, id=ID.KPI_SCOPE, className="text-muted mb-2"),
            dbc.Row(
                [
                    dbc.Col(_card(t("kpi.prevalence", lang), ID.KPI_PREVALENCE, view.kpis[0]), md=4),
                    dbc.Col(_card(t("kpi.stunted", lang), ID.KPI_STUNTED, view.kpis[1]), md=4),
                    dbc.Col(_card(t("kpi.change.none", lang), ID.KPI_CHANGE, view.kpis[2]), md=4),
                ],
                className="g-3 mb-3 kpi-row",
            ),
            dbc.Row(
                [
                    dbc.Col(controls, lg=3, className="controls"),
                    dbc.Col(
                        [
                            html.H2(view.title, id=ID.MAP_TITLE, className="h5"),
                            dcc.Graph(
                                id=ID.MAP,
                                figure=figure,
                                config={"displaylogo": False, "scrollZoom": True},
                                style={"height": "62vh"},
                                className="map-graph",
                            ),
                            html.Div(view.legend, id=ID.LEGEND, className="legend"),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        html.Div(profile_hint(lang), id=ID.PROFILE, className="profile"),
                        lg=3,
                    ),
                ],
                className="g-3",
            ),
        ],
        fluid=True,
    )


def services_url(services: Services, district_code: str) -> str:
    from dash import get_relative_path  # needs the app context: only called while serving

    return str(get_relative_path(geojson_path(services, district_code)))


def period_options(periods: list[str], lang: str) -> list[dict[str, str]]:
    return [{"label": period_label(p, lang), "value": p} for p in reversed(periods)]


def kecamatan_options(kecamatan: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    options = [{"label": t("control.kecamatan.all", lang), "value": ALL}]
    options += [
        {"label": str(name), "value": str(code)}
        for code, name in zip(kecamatan["kecamatan_code"], kecamatan["kecamatan_name"], strict=True)
    ]
    return options


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


def register(app: Dash, services: Services) -> None:
    """The map page's callbacks: recolour by Patch, follow the district, remember choices, open profiles."""

    @app.callback(
        Output(ID.PERIOD, "options"),
        Output(ID.PERIOD, "value"),
        Output(ID.KECAMATAN, "options"),
        Output(ID.KECAMATAN, "value"),
        Output(ID.INDICATOR, "options"),
        Input(ID.DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_district(district: str, lang: str) -> tuple[Any, ...]:
        choice = resolve_choice(services, {"district": district})
        if choice is None:
            raise PreventUpdate
        observations = services.source.observations(district)
        villages = services.source.villages(district)
        kecamatan = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_name")
        periods = sorted(observations["period"].unique())
        return (
            period_options(periods, lang),
            choice.period,
            kecamatan_options(kecamatan, lang),
            ALL,
            measure_options(observations, lang),
        )

    @app.callback(
        Output(ID.MAP, "figure"),
        Output(ID.LEGEND, "children"),
        Output(ID.MAP_TITLE, "children"),
        Output(ID.KPI_SCOPE, "children"),
        Output(ID.KPI_PREVALENCE, "children"),
        Output(ID.KPI_STUNTED, "children"),
        Output(ID.KPI_CHANGE, "children"),
        Output(ID.MAP_STATE, "data"),
        Input(ID.DISTRICT, "value"),
        Input(ID.INDICATOR, "value"),
        Input(ID.PERIOD, "value"),
        Input(ID.KECAMATAN, "value"),
        Input(ID.SCHEME, "value"),
        Input(ID.CLASSES, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def recolour(
        district: str, measure: str, period: str, kecamatan: str, scheme: str, k: int, lang: str
    ) -> tuple[Any, ...]:
        choice = MapChoice(district, measure, period, kecamatan or ALL, scheme, int(k))
        view = map_view(services, choice, lang)
        triggered = {str(key).split(".")[0] for key in ctx.triggered_prop_ids}
        if ID.DISTRICT in triggered:
            # A new district is the one change that needs other geometry: a new figure, by URL.
            figure: Any = base_figure(
                services_url(services, district),
                view.values,
                view.uirevision,
                services.settings.map_style,
                services.settings.tile_url,
                services.settings.tile_attribution,
            )
        else:
            figure = values_patch(view.values, view.uirevision if ID.KECAMATAN in triggered else None)
        return (figure, view.legend, view.title, view.scope, *view.kpis, asdict(choice))

    @app.callback(
        Output(ID.PROFILE, "children"),
        Input(ID.MAP, "clickData"),
        Input(ID.INDICATOR, "value"),
        Input(ID.PERIOD, "value"),
        State(ID.DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def open_profile(click: dict[str, Any] | None, measure: str, period: str, district: str, lang: str) -> Any:
        if not click or not click.get("points"):
            raise PreventUpdate
        code = str(click["points"][0].get("location"))
        return profile_panel(services, MapChoice(district, measure, period), code, lang)
