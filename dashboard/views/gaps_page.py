"""The gaps page (``/kesenjangan``): which services miss which villages, and why a village is where it is.

Views of one district and period, narrowed by the drill-down (district → kecamatan → desa, with a
breadcrumb): a map of one coverage indicator against its target (coverage, or the gap), the
convergence score (share of services at or above target), a bivariate map of stunting prevalence
against coverage or convergence, and the change of an indicator between two periods with changes
inside the statistical uncertainty marked as not significant. Beside it, the village × service gap
matrix sorted by prevalence, and, for a chosen village, its profile. Every kecamatan and district
figure is a sum of numerators over a sum of denominators.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import number_or_none, rank_villages, village_table
from dashboard.core.gaps import (
    BIVARIATE_PALETTE,
    bivariate_classes,
    convergence,
    coverage_gaps,
    gap_matrix,
    period_change,
)
from dashboard.core.indicators import CATALOGUE, STUNTING, Kind
from dashboard.core.prevalence import is_reliable, wilson_interval
from dashboard.geo import bounds_of, view_for_bounds
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.map_page import services_url

__all__ = ["View", "layout", "register", "scope_figures", "village_profile"]

CONVERGENCE = "__konvergensi__"  # the bivariate map's second axis when it is the convergence score
NOT_SIGNIFICANT_COLOUR = "#bdbdbd"
NO_DATA_COLOUR = "#e9e9e9"


class View:
    COVERAGE = "coverage"
    GAP = "gap"
    CONVERGENCE = "convergence"
    BIVARIATE = "bivariate"
    CHANGE = "change"
    ALL = (COVERAGE, GAP, CONVERGENCE, BIVARIATE, CHANGE)


def _periods(services: Services, district: str) -> list[str]:
    return sorted(services.source.observations(district)["period"].unique().tolist()) if district else []


def _coverage_keys(observations: pd.DataFrame) -> list[str]:
    present = set(observations["indicator"])
    return [k for k, i in CATALOGUE.items() if i.kind is Kind.COVERAGE and k in present]


def scope_figures(observations: pd.DataFrame, period: str, codes: list[str]) -> pd.DataFrame:
    """Every indicator over ``codes`` from summed counts: numerator, denominator, rate (percent)."""
    rows = observations[(observations["period"] == period) & observations["code"].isin(codes)]
    sums = rows.groupby("indicator")[["numerator", "denominator"]].sum()
    sums["rate"] = 100.0 * sums["numerator"] / sums["denominator"].where(sums["denominator"] > 0)
    return sums


def _scope_codes(villages: pd.DataFrame, kecamatan: str | None) -> list[str]:
    inside = villages if not kecamatan else villages[villages["kecamatan_code"] == kecamatan]
    return inside["code"].astype(str).tolist()


# ------------------------------------------------------------------------------------------------ maps


def _map_layout(figure: go.Figure, services: Services, villages: pd.DataFrame, revision: str) -> go.Figure:
    centre, zoom = view_for_bounds(bounds_of(villages))
    figure.update_layout(
        map={"style": services.settings.map_style, "center": centre, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        uirevision=revision,
        paper_bgcolor="#ffffff",
        clickmode="event",
    )
    return figure


def gaps_figure(services: Services, district: str, villages: pd.DataFrame, state: dict[str, Any], lang: str) -> Any:
    """The map of the chosen view and, as a second value, its legend (HTML)."""
    observations = services.source.observations(district)
    period, indicator, view = state["period"], state["indicator"], state["view"]
    url = services_url(services, district)
    codes = villages["code"].astype(str)
    names = dict(zip(codes, villages["name"].astype(str), strict=True))
    if view == View.CHANGE:
        return _change_figure(services, villages, observations, state, url, names, lang)
    gaps = coverage_gaps(observations, period, _planner_target(state))
    if view == View.BIVARIATE:
        return _bivariate_figure(services, villages, observations, gaps, state, url, names, lang)
    if view == View.CONVERGENCE:
        values = convergence(gaps)["score"].reindex(codes)
        label, scale = t("gaps.view.convergence", lang), "YlGnBu"
    else:
        one = gaps[gaps["indicator"] == indicator].set_index("code").reindex(codes)
        if view == View.GAP:
            values, label, scale = one["gap"], t("gaps.view.gap", lang), "OrRd"
        else:
            values, label, scale = one["coverage"], t("gaps.view.coverage", lang), "YlGnBu"
    text = [
        f"<b>{names[c]}</b><br>{label}: {fmt_number(number_or_none(v), lang)}"
        for c, v in zip(codes, values, strict=True)
    ]
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=values,
        zmin=0,
        zmax=100 if view != View.GAP else max(float(values.max() or 1.0), 1.0),
        colorscale=scale,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#fff", "width": 0.5}},
        colorbar={"title": {"text": label}, "thickness": 12, "len": 0.6},
    )
    legend = html.P(
        t("gaps.legend.target", lang, target=fmt_number(_target(state, gaps), lang))
        if view != View.CONVERGENCE
        else t("gaps.legend.convergence", lang),
        className="small text-muted",
    )
    return _map_layout(go.Figure([_no_data(url, codes), trace]), services, villages, district), legend


def _no_data(url: str, codes: pd.Series) -> go.Choroplethmap:
    """Every village in view in the no-data grey, under the trace that colours the ones with a value."""
    return go.Choroplethmap(
        geojson=url, locations=codes, z=[0] * len(codes), showscale=False, hoverinfo="skip",
        colorscale=[[0, NO_DATA_COLOUR], [1, NO_DATA_COLOUR]], marker={"line": {"color": "#fff", "width": 0.5}},
    )  # fmt: skip


def _planner_target(state: dict[str, Any]) -> dict[str, float] | None:
    """The target the planner typed for the chosen service, overriding the catalogue's; ``None`` when none."""
    indicator, target = state.get("indicator"), state.get("target")
    return {str(indicator): float(target)} if target is not None and indicator else None


def _target(state: dict[str, Any], gaps: pd.DataFrame) -> float | None:
    rows = gaps[gaps["indicator"] == state["indicator"]]["target"].dropna()
    return float(rows.iloc[0]) if len(rows) else None


def _bivariate_figure(
    services: Services,
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    gaps: pd.DataFrame,
    state: dict[str, Any],
    url: str,
    names: dict[str, str],
    lang: str,
) -> Any:
    codes = villages["code"].astype(str)
    burden = village_table(observations, STUNTING, state["period"])["rate"].reindex(codes)
    if state.get("axis") == CONVERGENCE:
        coverage = convergence(gaps)["score"].reindex(codes)
        axis = t("gaps.view.convergence", lang)
    else:
        coverage = gaps[gaps["indicator"] == state["indicator"]].set_index("code")["coverage"].reindex(codes)
        axis = CATALOGUE[state["indicator"]].label(lang)
    classes = bivariate_classes(burden, coverage).reindex(codes)
    cells = list(BIVARIATE_PALETTE)
    z = [cells.index(c) if isinstance(c, str) else -1 for c in classes["cell"]]
    scale: list[list[Any]] = [[0.0, "#f7f7f7"], [1 / 10, "#f7f7f7"]]
    for i, cell in enumerate(cells, start=1):
        scale += [[i / 10, BIVARIATE_PALETTE[cell]], [(i + 1) / 10, BIVARIATE_PALETTE[cell]]]
    text = [
        "<b>"
        + names[c]
        + "</b><br>"
        + t(
            "gaps.bivariate.hover",
            lang,
            prevalence=fmt_number(number_or_none(b), lang),
            axis=axis,
            coverage=fmt_number(number_or_none(v), lang),
        )
        for c, b, v in zip(codes, burden, coverage, strict=True)
    ]
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=z,
        zmin=-1,
        zmax=9,
        colorscale=scale,
        showscale=False,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#fff", "width": 0.5}},
    )
    grid = []
    for burden_class in (2, 1, 0):
        row = [html.Td(t(f"gaps.bivariate.burden.{burden_class}", lang), className="small pe-1")]
        for coverage_class in (0, 1, 2):
            key = f"{burden_class}-{coverage_class}"
            count = int((classes["cell"] == key).sum())
            colour = {"background": BIVARIATE_PALETTE[key], "width": "2.6rem", "textAlign": "center"}
            row.append(html.Td(str(count), style=colour, className="small bivariate-cell"))
        grid.append(html.Tr(row))
    grid.append(
        html.Tr([html.Td()] + [html.Td(t(f"gaps.bivariate.coverage.{c}", lang), className="small") for c in (0, 1, 2)])
    )
    legend = html.Div(
        [
            html.P(t("gaps.bivariate.legend", lang, axis=axis), className="small mb-1"),
            html.Table(html.Tbody(grid), className="bivariate-legend", id=ID.GAPS_BIVARIATE_LEGEND),
        ]
    )
    return _map_layout(go.Figure([_no_data(url, codes), trace]), services, villages, "bivariate"), legend


def _change_figure(
    services: Services,
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    state: dict[str, Any],
    url: str,
    names: dict[str, str],
    lang: str,
) -> Any:
    codes = villages["code"].astype(str)
    indicator = state.get("change_indicator") or STUNTING
    before, after = state.get("before"), state["period"]
    if not before or before == after:
        return _map_layout(go.Figure(), services, villages, "change"), dbc.Alert(
            t("gaps.change.need", lang), color="info"
        )
    change = period_change(observations, indicator, before, after).reindex(codes)
    significant = change["significant"].fillna(False).astype(bool)
    limit = max(float(change["change"].abs().max() or 1.0), 1.0)
    reverse = CATALOGUE[indicator].kind is Kind.COVERAGE
    text = [
        f"<b>{names[c]}</b><br>{fmt_number(number_or_none(d), lang)} "
        + t("gaps.change.points", lang)
        + ("" if s else "<br>" + t("gaps.change.not_significant", lang))
        for c, d, s in zip(codes, change["change"], significant, strict=True)
    ]
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=change["change"],
        zmin=-limit,
        zmax=limit,
        colorscale="RdBu",
        reversescale=not reverse,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        colorbar={"title": {"text": t("gaps.change.points", lang)}, "thickness": 12, "len": 0.6},
        marker={"line": {"color": "#fff", "width": 0.5}},
    )
    noise = codes[~significant.to_numpy()].tolist()
    grey = go.Choroplethmap(
        geojson=url,
        locations=noise,
        z=[0] * len(noise),
        showscale=False,
        hoverinfo="skip",
        colorscale=[[0, NOT_SIGNIFICANT_COLOUR], [1, NOT_SIGNIFICANT_COLOUR]],
        marker={"line": {"color": "#fff", "width": 0.5}, "opacity": 0.85},
    )
    legend = html.P(
        t(
            "gaps.change.legend",
            lang,
            indicator=CATALOGUE[indicator].label(lang),
            before=before,
            after=after,
            n=len(noise),
        ),
        className="small text-muted",
        id=ID.GAPS_CHANGE_LEGEND,
    )
    return _map_layout(go.Figure([_no_data(url, codes), trace, grey]), services, villages, "change"), legend


def matrix_figure(services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str) -> go.Figure:
    """Village × service gaps, villages by prevalence (highest first, at the top)."""
    observations = services.source.observations(district)
    villages = services.source.villages(district).set_index("code")
    prevalence = village_table(observations, STUNTING, state["period"])["rate"].reindex(codes)
    order = prevalence.sort_values(ascending=False, na_position="last").index.tolist()
    matrix = gap_matrix(coverage_gaps(observations, state["period"], _planner_target(state)), order)
    labels = [f"{villages.at[c, 'name']} ({fmt_number(number_or_none(prevalence[c]), lang)}%)" for c in order]
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(dtype=float),
            x=[CATALOGUE[k].label(lang) for k in matrix.columns],
            y=labels,
            colorscale=[[0, "#f7fcf5"], [0.001, "#fee8c8"], [1, "#b30000"]],
            zmin=0,
            xgap=1,
            ygap=1,
            hovertemplate="%{y}<br>%{x}: %{z:.1f}<extra></extra>",
            colorbar={"title": {"text": t("gaps.view.gap", lang)}, "thickness": 10},
        )
    )
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=max(320, 16 * len(order) + 160),
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}},
        xaxis={"side": "top", "tickangle": -40},
    )
    return figure


# ------------------------------------------------------------------------------------------- profile


def village_profile(services: Services, district: str, code: str, period: str, lang: str) -> Any:
    """Every indicator with counts, interval and reliability; kecamatan and district; rank; trend; lokus lists."""
    villages = services.source.villages(district)
    row = villages[villages["code"].astype(str) == code]
    if row.empty:
        return None
    village = row.iloc[0]
    observations = services.source.observations(district)
    kecamatan_codes = _scope_codes(villages, str(village["kecamatan_code"]))
    in_kecamatan = scope_figures(observations, period, kecamatan_codes)
    in_district = scope_figures(observations, period, villages["code"].astype(str).tolist())
    minimum = services.settings.min_measured
    body = []
    for key, indicator in CATALOGUE.items():
        table = village_table(observations, key, period)
        if code not in table.index:
            continue
        numerator, denominator, rate = (
            float(x) for x in table.loc[code, ["numerator", "denominator", "rate"]].to_numpy()
        )
        low, high = wilson_interval([numerator], [denominator])
        value: list[Any] = [html.Span(fmt_percent(rate, lang), className="fw-semibold")]
        value.append(
            html.Div(
                t("profile.interval", lang, low=fmt_number(100 * low[0], lang), high=fmt_number(100 * high[0], lang)),
                className="small text-muted",
            )
        )
        if indicator.kind is Kind.OUTCOME and not is_reliable([denominator], minimum)[0]:
            value.append(html.Div(t("profile.unreliable", lang, n=minimum), className="unreliable"))
        ranks = rank_villages(observations, key, period)
        target = fmt_percent(indicator.target, lang) if indicator.target is not None else "—"
        body.append(
            html.Tr(
                [
                    html.Td(indicator.label(lang)),
                    html.Td(value),
                    html.Td(f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}", className="small"),
                    html.Td(fmt_percent(number_or_none(in_kecamatan["rate"].get(key)), lang)),
                    html.Td(fmt_percent(number_or_none(in_district["rate"].get(key)), lang)),
                    html.Td(target),
                    html.Td(f"{ranks[code]}/{len(ranks)}" if code in ranks.index else "—", className="small"),
                ]
            )
        )
    header = html.Tr(
        [
            html.Th(t(f"gaps.profile.col.{c}", lang))
            for c in ("indicator", "value", "counts", "kecamatan", "district", "target", "rank")
        ]
    )
    periods = _periods(services, district)
    trend = go.Figure()
    for label, codes in (
        (str(village["name"]), [code]),
        (t("gaps.profile.kecamatan", lang), kecamatan_codes),
        (t("gaps.profile.district", lang), villages["code"].astype(str).tolist()),
    ):
        series = [number_or_none(scope_figures(observations, p, codes)["rate"].get(STUNTING)) for p in periods]
        trend.add_scatter(x=periods, y=series, name=label, mode="lines+markers")
    trend.update_layout(
        margin={"l": 30, "r": 10, "t": 30, "b": 30},
        height=230,
        title={"text": CATALOGUE[STUNTING].label(lang), "font": {"size": 13}},
        legend={"orientation": "h", "y": -0.25},
    )
    scenarios = services.store.scenarios(district) if services.store is not None else []
    listed = [s for s in scenarios if code in s.codes]
    lokus = (
        [
            html.Li(
                t(
                    "gaps.profile.lokus_item",
                    lang,
                    year=s.year,
                    name=s.name,
                    final=t("lokus.scenario.final_mark", lang) if s.is_final else "",
                )
            )
            for s in listed
        ]
        if listed
        else [html.Li(t("gaps.profile.not_lokus", lang))]
    )
    return html.Div(
        [
            html.H3(str(village["name"]), className="h5 mb-0", id=ID.GAPS_PROFILE_NAME),
            html.Div(
                t("gaps.profile.where", lang, kecamatan=village["kecamatan_name"], code=code, period=period),
                className="small text-muted mb-2",
            ),
            dcc.Graph(figure=trend, config={"displayModeBar": False}),
            html.Div(
                dbc.Table([html.Thead(header), html.Tbody(body)], size="sm", striped=True), className="table-responsive"
            ),
            html.H4(t("gaps.profile.lokus", lang), className="h6"),
            html.Ul(lokus, className="small", id=ID.GAPS_PROFILE_LOKUS),
        ]
    )


# -------------------------------------------------------------------------------------------- layout


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    districts = services.source.districts()
    district = districts[0].code if districts else ""
    observations = services.source.observations(district) if district else pd.DataFrame(columns=["indicator"])
    coverage = _coverage_keys(observations)
    periods = _periods(services, district)
    options = [{"label": CATALOGUE[k].label(lang), "value": k} for k in coverage]
    outcome = [{"label": i.label(lang), "value": k} for k, i in CATALOGUE.items()]
    controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(t("gaps.district", lang), className="small"),
                    dcc.Dropdown(
                        id=ID.GAPS_DISTRICT,
                        value=district,
                        clearable=False,
                        options=[{"label": d.name, "value": d.code} for d in districts],
                    ),
                ],
                md=2,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.period", lang), className="small"),
                    dcc.Dropdown(
                        id=ID.GAPS_PERIOD,
                        value=periods[-1] if periods else None,
                        clearable=False,
                        options=[{"label": p, "value": p} for p in periods],
                    ),
                ],
                md=2,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.view", lang), className="small"),
                    dbc.Select(
                        id=ID.GAPS_VIEW,
                        value=View.GAP,
                        options=[{"label": t(f"gaps.view.{v}", lang), "value": v} for v in View.ALL],
                    ),
                ],
                md=2,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.indicator", lang), className="small"),
                    dcc.Dropdown(
                        id=ID.GAPS_INDICATOR, options=options, value=coverage[0] if coverage else None, clearable=False
                    ),
                ],
                md=3,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.target", lang), className="small"),
                    dbc.Input(
                        id=ID.GAPS_TARGET,
                        type="number",
                        min=0,
                        max=100,
                        step=1,
                        debounce=True,
                        placeholder=t("gaps.target.catalogue", lang),
                    ),
                ],
                md=1,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.axis", lang), className="small"),
                    dbc.Select(
                        id=ID.GAPS_AXIS,
                        value="indicator",
                        options=[
                            {"label": t("gaps.axis.indicator", lang), "value": "indicator"},
                            {"label": t("gaps.view.convergence", lang), "value": CONVERGENCE},
                        ],
                    ),
                ],
                md=2,
            ),
        ],
        className="g-2 mb-2",
    )
    change_controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(t("gaps.change.indicator", lang), className="small"),
                    dcc.Dropdown(id=ID.GAPS_CHANGE_INDICATOR, options=outcome, value=STUNTING, clearable=False),
                ],
                md=4,
            ),
            dbc.Col(
                [
                    dbc.Label(t("gaps.change.before", lang), className="small"),
                    dcc.Dropdown(
                        id=ID.GAPS_BEFORE,
                        options=[{"label": p, "value": p} for p in periods],
                        value=periods[-2] if len(periods) > 1 else None,
                    ),
                ],
                md=3,
            ),
        ],
        className="g-2 mb-2",
    )
    return dbc.Container(
        [
            dcc.Store(id=ID.GAPS_DRILL, data={"kecamatan": None, "village": None}),
            html.H1(t("gaps.title", lang), className="h4"),
            html.P(t("gaps.intro", lang), className="text-muted"),
            controls,
            change_controls,
            html.Nav(
                breadcrumb(services, district, {"kecamatan": None, "village": None}, lang) if district else None,
                id=ID.GAPS_BREADCRUMB,
                className="mb-2",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dcc.Graph(id=ID.GAPS_MAP, config={"displayModeBar": False}, style={"height": "460px"}),
                            html.Div(id=ID.GAPS_LEGEND),
                            html.Div(id=ID.GAPS_SCOPE),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        html.Div(
                            id=ID.GAPS_PROFILE, children=html.P(t("gaps.profile.hint", lang), className="text-muted")
                        ),
                        lg=6,
                    ),
                ]
            ),
            html.H2(t("gaps.matrix", lang), className="h5 mt-3"),
            html.P(t("gaps.matrix.help", lang), className="small text-muted"),
            dcc.Graph(id=ID.GAPS_MATRIX, config={"displayModeBar": False}),
        ],
        fluid=True,
    )


def breadcrumb(services: Services, district: str, drill: dict[str, Any], lang: str) -> Any:
    names = {d.code: d.name for d in services.source.districts()}
    villages = services.source.villages(district)
    items: list[Any] = [
        dbc.Button(names.get(district, district), id=ID.GAPS_CRUMB_DISTRICT, color="link", size="sm", className="p-0")
    ]
    kecamatan, village = drill.get("kecamatan"), drill.get("village")
    if kecamatan:
        name = villages.loc[villages["kecamatan_code"] == kecamatan, "kecamatan_name"].iloc[0]
        items += [
            html.Span(" › "),
            dbc.Button(
                t("gaps.crumb.kecamatan", lang, name=name),
                id=ID.GAPS_CRUMB_KECAMATAN,
                color="link",
                size="sm",
                className="p-0",
            ),
        ]
    else:
        items.append(html.Span(dbc.Button(id=ID.GAPS_CRUMB_KECAMATAN, style={"display": "none"})))
    if village:
        name = villages.loc[villages["code"].astype(str) == village, "name"].iloc[0]
        items += [html.Span(" › "), html.Span(name, className="fw-semibold")]
    kecamatan_options = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_code")
    chooser = dcc.Dropdown(
        id=ID.GAPS_KECAMATAN,
        value=kecamatan,
        placeholder=t("gaps.crumb.choose", lang),
        style={"minWidth": "16rem"},
        options=[{"label": n, "value": c} for c, n in kecamatan_options.itertuples(index=False)],
    )
    return html.Div(
        [html.Div(items, className="d-flex align-items-center gap-1", id=ID.GAPS_CRUMBS), chooser],
        className="d-flex align-items-center gap-3 flex-wrap",
    )


def _counts(sums: pd.DataFrame, key: str, lang: str) -> str:
    numerator, denominator = (float(x) for x in sums.loc[key, ["numerator", "denominator"]].to_numpy())
    return f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}"


def scope_view(services: Services, district: str, drill: dict[str, Any], period: str, lang: str) -> Any:
    """The scope's figures (district, or the kecamatan chosen) from summed counts."""
    villages = services.source.villages(district)
    codes = _scope_codes(villages, drill.get("kecamatan"))
    sums = scope_figures(services.source.observations(district), period, codes)
    rows = [
        html.Tr(
            [
                html.Td(CATALOGUE[k].label(lang)),
                html.Td(fmt_percent(number_or_none(sums.at[k, "rate"]), lang)),
                html.Td(
                    _counts(sums, k, lang),
                    className="small text-muted",
                ),
            ]
        )
        for k in CATALOGUE
        if k in sums.index
    ]
    title = t("gaps.scope.kecamatan" if drill.get("kecamatan") else "gaps.scope.district", lang, n=len(codes))
    table = dbc.Table(html.Tbody(rows), size="sm", className="scope-table", id=ID.GAPS_SCOPE_TABLE)
    return html.Div([html.H3(title, className="h6 mt-2"), table])


# ------------------------------------------------------------------------------------------ callbacks


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ID.GAPS_DRILL, "data"),
        Input(ID.GAPS_MAP, "clickData"),
        Input(ID.GAPS_KECAMATAN, "value"),
        Input(ID.GAPS_CRUMB_DISTRICT, "n_clicks"),
        Input(ID.GAPS_CRUMB_KECAMATAN, "n_clicks"),
        Input(ID.GAPS_DISTRICT, "value"),
        State(ID.GAPS_DRILL, "data"),
        prevent_initial_call=True,
    )
    def drill(
        click: dict[str, Any] | None,
        kecamatan: str | None,
        _d: int | None,
        _k: int | None,
        district: str,
        current: dict[str, Any] | None,
    ) -> dict[str, Any]:
        current = dict(current or {})
        trigger = ctx.triggered_id
        if trigger == ID.GAPS_DISTRICT or (trigger == ID.GAPS_CRUMB_DISTRICT and _d):
            return {"kecamatan": None, "village": None}
        if trigger == ID.GAPS_CRUMB_KECAMATAN:
            if not _k:  # the breadcrumb was drawn again, not clicked
                raise PreventUpdate
            return {**current, "village": None}
        if trigger == ID.GAPS_CRUMB_DISTRICT:
            raise PreventUpdate
        if trigger == ID.GAPS_KECAMATAN:
            if kecamatan == current.get("kecamatan"):
                raise PreventUpdate
            return {"kecamatan": kecamatan, "village": None}
        points = (click or {}).get("points") or []
        if not points or not points[0].get("location"):
            raise PreventUpdate
        code = str(points[0]["location"])
        return {"kecamatan": code[:8], "village": code}

    @app.callback(
        Output(ID.GAPS_MAP, "figure"),
        Output(ID.GAPS_LEGEND, "children"),
        Output(ID.GAPS_MATRIX, "figure"),
        Output(ID.GAPS_BREADCRUMB, "children"),
        Output(ID.GAPS_SCOPE, "children"),
        Output(ID.GAPS_PROFILE, "children"),
        Input(ID.GAPS_DISTRICT, "value"),
        Input(ID.GAPS_PERIOD, "value"),
        Input(ID.GAPS_VIEW, "value"),
        Input(ID.GAPS_INDICATOR, "value"),
        Input(ID.GAPS_TARGET, "value"),
        Input(ID.GAPS_AXIS, "value"),
        Input(ID.GAPS_CHANGE_INDICATOR, "value"),
        Input(ID.GAPS_BEFORE, "value"),
        Input(ID.GAPS_DRILL, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def redraw(
        district: str,
        period: str | None,
        view: str,
        indicator: str | None,
        target: float | None,
        axis: str,
        change_indicator: str,
        before: str | None,
        drill_state: dict[str, Any] | None,
        lang: str,
    ) -> tuple[Any, ...]:
        if not district or not period:
            raise PreventUpdate
        drill_state = drill_state or {}
        villages = services.source.villages(district)
        shown = villages
        if drill_state.get("kecamatan"):
            shown = villages[villages["kecamatan_code"] == drill_state["kecamatan"]]
        state = {
            "period": period,
            "view": view,
            "indicator": indicator,
            "axis": axis,
            "before": before,
            "change_indicator": change_indicator,
            "target": None if target is None else float(target),
        }
        figure, legend = gaps_figure(services, district, shown, state, lang)
        matrix = matrix_figure(services, district, shown["code"].astype(str).tolist(), state, lang)
        village = drill_state.get("village")
        profile = (
            village_profile(services, district, village, period, lang)
            if village
            else html.P(t("gaps.profile.hint", lang), className="text-muted")
        )
        return (
            figure,
            legend,
            matrix,
            breadcrumb(services, district, drill_state, lang),
            scope_view(services, district, drill_state, period, lang),
            profile,
        )

    @app.callback(
        Output(ID.GAPS_PERIOD, "options"),
        Output(ID.GAPS_PERIOD, "value"),
        Output(ID.GAPS_BEFORE, "options"),
        Output(ID.GAPS_INDICATOR, "options"),
        Input(ID.GAPS_DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_district(district: str, lang: str) -> tuple[Any, ...]:
        periods = _periods(services, district)
        options = [{"label": p, "value": p} for p in periods]
        coverage = _coverage_keys(services.source.observations(district))
        return (
            options,
            (periods[-1] if periods else None),
            options,
            [{"label": CATALOGUE[k].label(lang), "value": k} for k in coverage],
        )
