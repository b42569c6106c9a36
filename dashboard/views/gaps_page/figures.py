"""The gaps page's figures: the map of each view with its legend, and the village × service gap matrix."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.core.aggregate import number_or_none, village_table
from dashboard.core.gaps import BIVARIATE_PALETTE, bivariate_classes, convergence, coverage_gaps, gap_matrix
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.figures.labels import label_text
from dashboard.geo import bounds_of, view_for_bounds
from dashboard.i18n import fmt_number, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.gaps_page.change import ChangeMap, change_legend, change_map, flag_outline
from dashboard.views.gaps_page.model import CONVERGENCE, FLAG_MARK, View, flagged

__all__ = ["NO_DATA_COLOUR", "gaps_figure", "matrix_figure"]

NO_DATA_COLOUR = "#e9e9e9"


def _geojson_url(services: Services, district: str) -> str:
    """The villages' GeoJSON URL, by ``gaps_page.services_url``.

    Looked up on the package when called (the package imports this module, so not at import time): the package's
    name stays the one to replace where no app is serving to resolve the URL against, as in the page's tests.
    """
    from dashboard.views import gaps_page

    return gaps_page.services_url(services, district)


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
    url = _geojson_url(services, district)
    codes = villages["code"].astype(str)
    names = {code: label_text(name) for code, name in zip(codes, villages["name"].astype(str), strict=True)}
    flags = services.flags(district)
    if view == View.CHANGE:
        return _change_figure(services, villages, observations, flags, state, url, names, lang)
    gaps = coverage_gaps(observations, period, _planner_target(state))
    if view == View.BIVARIATE:
        return _bivariate_figure(services, villages, observations, gaps, flags, state, url, names, lang)
    if view == View.CONVERGENCE:
        values = convergence(gaps)["score"].reindex(codes)
        label, scale = t("gaps.view.convergence", lang), "YlGnBu"
        marks = flagged(flags, sorted(set(gaps["indicator"])), period, lang)
    else:
        marks = flagged(flags, [indicator] if indicator else [], period, lang)
        one = gaps[gaps["indicator"] == indicator].set_index("code").reindex(codes)
        if view == View.GAP:
            values, label, scale = one["gap"], t("gaps.view.gap", lang), "OrRd"
        else:
            values, label, scale = one["coverage"], t("gaps.view.coverage", lang), "YlGnBu"
    text = [
        f"<b>{names[c]}</b><br>{label}: {fmt_number(number_or_none(v), lang)}" + _mark(marks, c)
        for c, v in zip(codes, values, strict=True)
    ]
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=values,
        zmin=0,
        zmax=100 if view != View.GAP else _gap_ceiling(values),
        colorscale=scale,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#fff", "width": 0.5}},
        colorbar={"title": {"text": label}, "thickness": 12, "len": 0.6},
    )
    legend = html.Div(
        [
            html.P(
                t("gaps.legend.target", lang, target=fmt_number(_target(state, gaps), lang))
                if view != View.CONVERGENCE
                else t("gaps.legend.convergence", lang),
                className="small text-muted mb-1",
            ),
            _flag_legend(marks, codes, lang),
        ]
    )
    traces = [_no_data(url, codes), trace, _outline(url, marks, codes)]
    return _map_layout(go.Figure(traces), services, villages, district), legend


def _gap_ceiling(values: pd.Series) -> float:
    """The gap map's upper bound: the largest gap, at least 1; 1 when no village has a gap (not NaN, which
    plotly would draw as a colour bar of height NaN)."""
    largest = number_or_none(values.max()) if len(values) else None
    return max(largest or 0.0, 1.0)


def _mark(marks: Mapping[str, str], code: str) -> str:
    """The hover line of a village's flags, ``""`` when it has none."""
    return f"<br>{marks[code]}" if code in marks else ""


def _in_view(marks: Mapping[str, str], codes: pd.Series) -> list[str]:
    return [code for code in codes if code in marks]


def _outline(url: str, marks: Mapping[str, str], codes: pd.Series) -> go.Choroplethmap:
    return flag_outline(url, _in_view(marks, codes))


def _flag_legend(marks: Mapping[str, str], codes: pd.Series, lang: str) -> Any:
    """A line under the legend naming how many villages in view carry a flag, or nothing."""
    n = len(_in_view(marks, codes))
    if not n:
        return None
    return html.P(t("gaps.flag.legend", lang, n=n), className="small flag-legend mb-1", id=ID.GAPS_FLAG_LEGEND)


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
    flags: pd.DataFrame,
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
        services_used = sorted(set(gaps["indicator"]))
    else:
        coverage = gaps[gaps["indicator"] == state["indicator"]].set_index("code")["coverage"].reindex(codes)
        axis = CATALOGUE[state["indicator"]].label(lang)
        services_used = [state["indicator"]]
    marks = flagged(flags, [STUNTING, *services_used], state["period"], lang)
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
        + _mark(marks, c)
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
            _flag_legend(marks, codes, lang),
        ]
    )
    traces = [_no_data(url, codes), trace, _outline(url, marks, codes)]
    return _map_layout(go.Figure(traces), services, villages, "bivariate"), legend


def _change_figure(
    services: Services,
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    flags: pd.DataFrame,
    state: dict[str, Any],
    url: str,
    names: dict[str, str],
    lang: str,
) -> Any:
    """Villages in four classes (no value, not significant, fall, rise) with the scope's like-for-like change."""
    codes = villages["code"].astype(str)
    indicator = state.get("change_indicator") or STUNTING
    before, after = state.get("before"), state["period"]
    if not before or before == after:
        return _map_layout(go.Figure(), services, villages, "change"), dbc.Alert(
            t("gaps.change.need", lang), color="info"
        )
    change = ChangeMap(observations, codes, indicator, before, after, flagged(flags, [indicator], after, lang))
    kecamatan = state.get("kecamatan")
    scope = (
        t("gaps.crumb.kecamatan", lang, name=villages["kecamatan_name"].iloc[0])
        if kecamatan and len(villages)
        else str(state.get("district_name") or "")
    )
    legend = change_legend(change, observations, villages, scope, by_kecamatan=not kecamatan, lang=lang)
    figure = go.Figure(change_map(change, url, names, lang))
    return _map_layout(figure, services, villages, "change"), legend


def matrix_figure(services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str) -> go.Figure:
    """Village × service gaps, villages by prevalence (highest first, at the top); flagged values marked ⚠."""
    observations = services.source.observations(district)
    villages = services.source.villages(district).set_index("code")
    period = state["period"]
    prevalence = village_table(observations, STUNTING, period)["rate"].reindex(codes)
    order = prevalence.sort_values(ascending=False, na_position="last").index.tolist()
    matrix = gap_matrix(coverage_gaps(observations, period, _planner_target(state)), order)
    flags = services.flags(district)
    burden = flagged(flags, [STUNTING], period, lang, named=True)
    labels = [
        f"{label_text(villages.at[c, 'name'])} ({fmt_number(number_or_none(prevalence[c]), lang)}%)"
        + (f" {FLAG_MARK}" if c in burden else "")
        for c in order
    ]
    cells = {key: flagged(flags, [key], period, lang) for key in matrix.columns}
    marks = [[FLAG_MARK if c in cells[key] else "" for key in matrix.columns] for c in order]
    reasons = [[_mark(cells[key], c) + _mark(burden, c) for key in matrix.columns] for c in order]
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(dtype=float),
            x=[CATALOGUE[k].label(lang) for k in matrix.columns],
            y=labels,
            text=marks,
            texttemplate="%{text}",
            customdata=reasons,
            colorscale=[[0, "#f7fcf5"], [0.001, "#fee8c8"], [1, "#b30000"]],
            zmin=0,
            xgap=1,
            ygap=1,
            hovertemplate="%{y}<br>%{x}: %{z:.1f}%{customdata}<extra></extra>",
            colorbar={"title": {"text": t("gaps.view.gap", lang)}, "thickness": 10},
        )
    )
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=max(320, 16 * len(order) + 160),
        # Ticks listed top to bottom, so the page's text (a screen reader, a copy) reads them in the caption's
        # order too: plotly writes computed category ticks bottom-up, which put the villages without a value first.
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}, "tickmode": "array", "tickvals": labels},
        xaxis={"side": "top", "tickangle": -40},
    )
    return figure
