"""The planning page (``/lokus``): rank the villages, choose the lokus list, justify, save, compare, export.

One direction of data: the controls (method, criteria, list size, thresholds) and the changes by hand
(a store) go into :func:`compute`, which gives the ranked table, the selection and the sensitivity;
its result is written to the ``current`` store, from which saving and exporting read. The table, the
map, the files and a saved scenario are therefore always the same list. Opening a scenario writes its
settings back into the controls.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import number_or_none
from dashboard.core.indicators import CATALOGUE
from dashboard.core.scoring import (
    PREVALENCE,
    STUNTED,
    Adjustment,
    Criterion,
    Direction,
    Method,
    Normalisation,
    Selection,
    TrafficLight,
    apply_adjustments,
    criterion_values,
    default_criteria,
    rank_villages,
    select,
    sensitivity,
    traffic_light,
)
from dashboard.data.annex import AnnexTitle, annex_csv, annex_png, annex_table, annex_xlsx
from dashboard.data.scenarios import Scenario, ScenarioError, ScenarioVillage, compare
from dashboard.geo import bounds_of, view_for_bounds
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.ids import ID, Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.map_page import services_url

__all__ = ["LokusResult", "compute", "criterion_label", "default_state", "layout", "register"]

CURRENT = "current"  # the compare dropdowns' value for the list on screen
SELECTED_COLOUR, ADDED_COLOUR = "#8b0000", "#6a1b9a"
COMPARE_COLOURS = {"added": "#1b7837", "removed": "#b2182b", "kept": "#2166ac"}


def criterion_label(key: str, lang: str) -> str:
    if key.startswith("gap:"):
        return t("lokus.criterion.gap", lang, label=CATALOGUE[key[4:]].label(lang))
    if key in CATALOGUE:
        return t("lokus.criterion.rate", lang, label=CATALOGUE[key].label(lang))
    return t(f"lokus.criterion.{key}", lang)


def default_state(services: Services, district: str | None = None) -> dict[str, Any]:
    """The page's starting point for a district: its latest period, weighted scores, top 10."""
    districts = services.source.districts()
    code = district or (districts[0].code if districts else "")
    periods = _periods(services, code)
    period = periods[-1] if periods else ""
    return {
        "district": code,
        "period": period,
        "method": str(Method.WEIGHTED),
        "criteria": [c.as_dict() for c in _criteria_for(services, code, period, [])],
        "top_n": 10,
        "min_score": None,
        "by": "top_n",
        "light_prevalence": 14.0,
        "light_stunted": None,
        "adjustments": [],
    }


def _periods(services: Services, district: str) -> list[str]:
    """Periods with stunting data: the ones a list can be chosen from."""
    if not district:
        return []
    observations = services.source.observations(district)
    return sorted(observations.loc[observations["indicator"] == "stunting", "period"].unique().tolist())


def _criteria_for(services: Services, district: str, period: str, current: list[dict[str, Any]]) -> list[Criterion]:
    """The criteria available for a district and period, keeping the planner's settings for the ones kept."""
    if not district or not period:
        return []
    villages = services.source.villages(district)
    values = criterion_values(services.source.observations(district), period, villages["code"].astype(str).tolist())
    known = {c["key"]: Criterion.from_dict(c) for c in current}
    return [known.get(c.key, c) for c in default_criteria(values.columns.tolist())]


@dataclass(frozen=True)
class LokusResult:
    """What the page shows and exports for one state."""

    table: pd.DataFrame  # one row per village in ranking order: rank, code, desa, kecamatan, figures, status, reason
    selected: list[str]  # the final list, in ranking order
    sensitivity: pd.DataFrame | None
    villages: int


def compute(services: Services, state: dict[str, Any], lang: str) -> LokusResult:
    """Rank, select and apply the changes by hand; every figure of the page and its exports comes from here."""
    district, period = state["district"], state["period"]
    villages = services.source.villages(district)
    codes = villages["code"].astype(str).tolist()
    values = criterion_values(services.source.observations(district), period, codes)
    method = Method(state["method"])
    criteria = [Criterion.from_dict(c) for c in state["criteria"]]
    top_n = state.get("top_n")
    by_score = state.get("by") == "min_score" and method is Method.WEIGHTED
    selection = Selection(None if by_score else top_n, state.get("min_score") if by_score else None)
    if method is Method.TRAFFIC_LIGHT:
        ranked = traffic_light(
            values, TrafficLight(float(state.get("light_prevalence") or 14.0), state.get("light_stunted"))
        )
        moved = None
    else:
        ranked = rank_villages(values, criteria)
        moved = sensitivity(values, criteria, int(top_n)) if top_n and not by_score else None
    automatic = select(ranked, selection, method)
    adjustments = [Adjustment(a["code"], a["action"], a["reason"]) for a in state.get("adjustments", [])]
    order = [str(c) for c in ranked.index]
    chosen = apply_adjustments(automatic, order, adjustments)
    last_change = {a.code: a for a in adjustments}
    info = villages.set_index(villages["code"].astype(str))
    rows = []
    for key, row in ranked.iterrows():
        code = str(key)
        prevalence = row.get(PREVALENCE, np.nan)
        stunted = row.get(STUNTED, np.nan)
        score = row.get("score", np.nan)
        change = last_change.get(code)
        if change is not None and change.action == "add" and code in chosen:
            status, reason = "added", t("lokus.reason.added", lang, reason=change.reason)
        elif change is not None and change.action == "remove" and code in automatic:
            status, reason = "removed", t("lokus.reason.removed", lang, reason=change.reason)
        elif code in chosen and method is Method.TRAFFIC_LIGHT:
            status = "selected"
            reason = t(
                "lokus.reason.light",
                lang,
                light=t(f"lokus.light.{row['light']}", lang),
                prevalence=fmt_number(number_or_none(prevalence), lang) + "%",
                stunted=fmt_int(number_or_none(stunted), lang),
            )
        elif code in chosen:
            status = "selected"
            reason = t("lokus.reason.score", lang, rank=int(row["rank"]), score=fmt_number(number_or_none(score), lang))
        else:
            status, reason = "", ""
        rows.append(
            {
                "rank": int(row["rank"]),
                "code": code,
                "desa": str(info.at[code, "name"]),
                "kecamatan": str(info.at[code, "kecamatan_name"]),
                "prevalensi": _rounded(prevalence, 1),
                "jumlah_stunting": _rounded(stunted, 0),
                "skor": _rounded(score, 1),
                "light": str(row["light"]) if "light" in row else None,
                "status": status,
                "alasan": reason,
                "missing": ", ".join(criterion_label(k, lang) for k in row.get("missing", ()) or ()),
            }
        )
    return LokusResult(pd.DataFrame(rows), chosen, moved, len(villages))


def _rounded(value: object, decimals: int) -> float | None:
    number = number_or_none(value)
    return None if number is None else round(number, decimals)


def annex_rows(result: LokusResult) -> list[dict[str, object]]:
    """The selected rows as the annex lists them (same order, figures and reasons as the grid)."""
    chosen = result.table[result.table["code"].isin(result.selected)]
    order = {code: i for i, code in enumerate(result.selected)}
    chosen = chosen.assign(_order=chosen["code"].map(order)).sort_values("_order")
    return [
        {
            "kecamatan": r.kecamatan,
            "desa": r.desa,
            "kode": r.code,
            "prevalensi": r.prevalensi,
            "jumlah_stunting": r.jumlah_stunting,
            "skor": r.skor,
            "alasan": r.alasan,
        }
        for r in chosen.itertuples(index=False)
    ]


# --------------------------------------------------------------------------------------------- figures


def selection_figure(services: Services, district: str, result: LokusResult, lang: str) -> go.Figure:
    """Scores in light reds, the chosen villages dark (added by hand in purple); geometry by URL."""
    villages = services.source.villages(district)
    url = services_url(services, district)
    table = result.table.set_index("code")
    hover = [
        f"<b>{desa}</b><br>{kecamatan}<br>#{rank} · {reason or ''}"
        for desa, kecamatan, rank, reason in result.table[["desa", "kecamatan", "rank", "alasan"]].to_numpy().tolist()
    ]
    centre, zoom = view_for_bounds(bounds_of(villages))
    base = go.Choroplethmap(
        geojson=url,
        locations=result.table["code"],
        z=result.table["skor"].fillna(0.0),
        zmin=0,
        zmax=100,
        colorscale=[[0.0, "#fff5f0"], [1.0, "#fb6a4a"]],
        showscale=False,
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#ffffff", "width": 0.6}},
    )
    added = set(table.index[table["status"] == "added"])
    chosen = go.Choroplethmap(
        geojson=url,
        locations=result.selected,
        z=[1 if c in added else 0 for c in result.selected],
        zmin=0,
        zmax=1,
        colorscale=[[0.0, SELECTED_COLOUR], [0.5, SELECTED_COLOUR], [0.5, ADDED_COLOUR], [1.0, ADDED_COLOUR]],
        showscale=False,
        marker={"line": {"color": "#000000", "width": 1.6}},
        hoverinfo="skip",
    )
    figure = go.Figure([base, chosen])
    figure.update_layout(
        map={"style": services.settings.map_style, "center": centre, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        uirevision=district,
        paper_bgcolor="#ffffff",
    )
    return figure


def comparison_figure(services: Services, district: str, before: list[str], after: list[str]) -> go.Figure:
    villages = services.source.villages(district)
    url = services_url(services, district)
    diff = compare(before, after)
    codes = [*diff.added, *diff.removed, *diff.kept]
    kinds = ["added"] * len(diff.added) + ["removed"] * len(diff.removed) + ["kept"] * len(diff.kept)
    z = [{"added": 0, "removed": 1, "kept": 2}[k] for k in kinds]
    scale = []
    for i, kind in enumerate(("added", "removed", "kept")):
        scale += [[i / 3, COMPARE_COLOURS[kind]], [(i + 1) / 3, COMPARE_COLOURS[kind]]]
    centre, zoom = view_for_bounds(bounds_of(villages))
    outline = go.Choroplethmap(
        geojson=url,
        locations=villages["code"].astype(str),
        z=[0] * len(villages),
        showscale=False,
        colorscale=[[0, "#f0f0f0"], [1, "#f0f0f0"]],
        marker={"line": {"color": "#ffffff", "width": 0.5}},
        hoverinfo="skip",
    )
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=z,
        zmin=0,
        zmax=3,
        colorscale=scale,
        showscale=False,
        text=kinds,
        hovertemplate="%{location}: %{text}<extra></extra>",
    )
    figure = go.Figure([outline, trace])
    figure.update_layout(
        map={"style": services.settings.map_style, "center": centre, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return figure


def comparison_view(services: Services, district: str, before: list[str], after: list[str], lang: str) -> Any:
    """Two lists compared: a map (added green, removed red, kept blue) and the three lists by village name."""
    diff = compare(before, after)
    villages = services.source.villages(district)
    names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
    parts = []
    for kind, listed in (("added", diff.added), ("removed", diff.removed), ("kept", diff.kept)):
        parts.append(
            html.Div(
                [
                    html.Strong(
                        t(f"lokus.compare.{kind}", lang, n=len(listed)), style={"color": COMPARE_COLOURS[kind]}
                    ),
                    html.Span(": " + (", ".join(names.get(c, c) for c in listed) or "-")),
                ],
                className=f"small compare-{kind}",
            )
        )
    return html.Div(
        [
            dcc.Graph(
                figure=comparison_figure(services, district, before, after),
                id=ID.LOKUS_COMPARE_MAP,
                config={"displayModeBar": False},
                style={"height": "260px"},
            ),
            html.P(t("lokus.compare.legend", lang), className="small text-muted mb-1"),
            *parts,
        ]
    )


# --------------------------------------------------------------------------------------------- layout


def _criteria_rows(criteria: list[Criterion], lang: str, disabled: bool = False) -> Any:
    header = html.Tr(
        [html.Th(t(f"lokus.col.{c}", lang)) for c in ("use", "criterion", "weight", "direction", "normalisation")]
    )
    rows = []
    for criterion in criteria:
        key = criterion.key
        rows.append(
            html.Tr(
                [
                    html.Td(
                        dbc.Checkbox(id=pattern_id(Pattern.LOKUS_USE, key), value=criterion.enabled, disabled=disabled)
                    ),
                    html.Td(criterion_label(key, lang)),
                    html.Td(
                        dbc.Input(
                            id=pattern_id(Pattern.LOKUS_WEIGHT, key),
                            type="number",
                            min=0,
                            step=0.05,
                            value=criterion.weight,
                            size="sm",
                            debounce=True,
                            disabled=disabled,
                            style={"width": "5.5rem"},
                        )
                    ),
                    html.Td(
                        dbc.Select(
                            id=pattern_id(Pattern.LOKUS_DIRECTION, key),
                            size="sm",
                            disabled=disabled,
                            value=str(criterion.direction),
                            options=[{"label": t(f"lokus.direction.{d}", lang), "value": str(d)} for d in Direction],
                        )
                    ),
                    html.Td(
                        dbc.Select(
                            id=pattern_id(Pattern.LOKUS_NORMALISATION, key),
                            size="sm",
                            disabled=disabled,
                            value=str(criterion.normalisation),
                            options=[
                                {"label": t(f"lokus.normalisation.{n}", lang), "value": str(n)} for n in Normalisation
                            ],
                        )
                    ),
                ]
            )
        )
    table = dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", className="criteria-table")
    return html.Div(table, className="table-responsive")


def _grid_columns(lang: str) -> list[dict[str, Any]]:
    number = {"type": "rightAligned", "filter": "agNumberColumnFilter"}
    return [
        {"field": "rank", "headerName": t("lokus.grid.rank", lang), "width": 95, **number},
        {"field": "kecamatan", "headerName": t("lokus.grid.kecamatan", lang), "filter": True},
        {"field": "desa", "headerName": t("lokus.grid.desa", lang), "filter": True},
        {"field": "code", "headerName": t("lokus.grid.code", lang), "filter": True, "width": 130},
        {"field": "prevalensi", "headerName": t("lokus.grid.prevalence", lang), "width": 120, **number},
        {"field": "jumlah_stunting", "headerName": t("lokus.grid.stunted", lang), "width": 120, **number},
        {"field": "skor", "headerName": t("lokus.grid.score", lang), "width": 95, **number},
        {"field": "light_label", "headerName": t("lokus.grid.light", lang), "width": 110, "filter": True},
        {"field": "status_label", "headerName": t("lokus.grid.status", lang), "width": 130, "filter": True},
        {"field": "alasan", "headerName": t("lokus.grid.reason", lang), "flex": 1, "minWidth": 220},
        {"field": "missing", "headerName": t("lokus.grid.missing", lang), "width": 160},
    ]


def grid_rows(result: LokusResult, lang: str) -> list[dict[str, Any]]:
    labels = {
        "selected": t("lokus.status.selected", lang),
        "added": t("lokus.status.added", lang),
        "removed": t("lokus.status.removed", lang),
        "": "",
    }
    records: list[dict[str, Any]] = json.loads(result.table.to_json(orient="records"))
    for record in records:
        record["status_label"] = labels[record["status"]]
        record["light_label"] = t(f"lokus.light.{record['light']}", lang) if record.get("light") else ""
    return records


def _scenario_options(services: Services, district: str, lang: str) -> list[dict[str, Any]]:
    store = services.store
    if store is None or not district:
        return []
    return [
        {
            "label": t(
                "lokus.scenario.option",
                lang,
                year=s.year,
                name=s.name,
                n=len(s.villages),
                final=t("lokus.scenario.final_mark", lang) if s.is_final else "",
            ),
            "value": s.id,
        }
        for s in store.scenarios(district)
    ]


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    districts = services.source.districts()
    state = default_state(services)
    district = state["district"]
    periods = _periods(services, district)
    criteria = [Criterion.from_dict(c) for c in state["criteria"]]
    controls = dbc.Card(
        dbc.CardBody(
            [
                dbc.Label(t("lokus.district", lang), html_for=ID.LOKUS_DISTRICT),
                dcc.Dropdown(
                    id=ID.LOKUS_DISTRICT,
                    options=[{"label": d.name, "value": d.code} for d in districts],
                    value=district,
                    clearable=False,
                ),
                dbc.Label(t("lokus.period", lang), html_for=ID.LOKUS_PERIOD, className="mt-2"),
                dcc.Dropdown(
                    id=ID.LOKUS_PERIOD,
                    options=[{"label": p, "value": p} for p in periods],
                    value=state["period"],
                    clearable=False,
                ),
                dbc.Label(t("lokus.method", lang), className="mt-2"),
                dbc.RadioItems(
                    id=ID.LOKUS_METHOD,
                    value=state["method"],
                    options=[{"label": t(f"lokus.method.{m}", lang), "value": str(m)} for m in Method],
                ),
                dbc.Label(t("lokus.selection", lang), className="mt-2"),
                dbc.RadioItems(
                    id=ID.LOKUS_BY,
                    value="top_n",
                    inline=True,
                    options=[
                        {"label": t("lokus.selection.top_n", lang), "value": "top_n"},
                        {"label": t("lokus.selection.min_score", lang), "value": "min_score"},
                    ],
                ),
                dbc.InputGroup(
                    [
                        dbc.Input(id=ID.LOKUS_TOP_N, type="number", min=1, step=1, value=10, debounce=True),
                        dbc.Input(
                            id=ID.LOKUS_MIN_SCORE, type="number", min=0, max=100, step=1, value=60, debounce=True
                        ),
                    ],
                    size="sm",
                ),
                html.Div(
                    [
                        dbc.Label(t("lokus.light.prevalence", lang), className="mt-2 small"),
                        dbc.Input(
                            id=ID.LOKUS_LIGHT_PREVALENCE,
                            type="number",
                            min=0,
                            max=100,
                            step=0.5,
                            value=14.0,
                            size="sm",
                            debounce=True,
                        ),
                        dbc.Label(t("lokus.light.stunted", lang), className="mt-1 small"),
                        dbc.Input(
                            id=ID.LOKUS_LIGHT_STUNTED,
                            type="number",
                            min=0,
                            step=1,
                            value=None,
                            size="sm",
                            debounce=True,
                        ),
                    ]
                ),
            ]
        ),
        className="mb-2",
    )
    criteria_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.criteria", lang), className="h6"),
                html.Div(_criteria_rows(criteria, lang), id=ID.LOKUS_CRITERIA),
                html.P(t("lokus.criteria.help", lang), className="small text-muted mb-0"),
            ]
        ),
        className="mb-2",
    )
    adjust_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.adjust", lang), className="h6"),
                html.P(t("lokus.adjust.help", lang), className="small text-muted"),
                dbc.Input(id=ID.LOKUS_REASON, placeholder=t("lokus.adjust.reason", lang), size="sm"),
                html.Div(
                    [
                        dbc.Button(t("lokus.adjust.add", lang), id=ID.LOKUS_ADD, size="sm", color="danger"),
                        dbc.Button(t("lokus.adjust.remove", lang), id=ID.LOKUS_REMOVE, size="sm", color="secondary"),
                        dbc.Button(t("lokus.adjust.clear", lang), id=ID.LOKUS_CLEAR, size="sm", color="link"),
                    ],
                    className="d-flex gap-2 mt-2 flex-wrap",
                ),
                html.Div(id=ID.LOKUS_ADJUST_INFO, className="small mt-2"),
            ]
        ),
        className="mb-2",
    )
    scenario_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.scenario", lang), className="h6"),
                dbc.Input(id=ID.LOKUS_SCENARIO_NAME, placeholder=t("lokus.scenario.name", lang), size="sm"),
                dbc.Input(
                    id=ID.LOKUS_AUTHOR,
                    placeholder=t("lokus.scenario.author", lang),
                    size="sm",
                    className="mt-1",
                    persistence=True,
                    persistence_type="local",
                ),
                html.Div(
                    [
                        dbc.Button(t("lokus.scenario.save_new", lang), id=ID.LOKUS_SAVE, size="sm", color="primary"),
                        dbc.Button(
                            t("lokus.scenario.update", lang), id=ID.LOKUS_UPDATE, size="sm", color="outline-primary"
                        ),
                    ],
                    className="d-flex gap-2 mt-2 flex-wrap",
                ),
                dbc.Label(t("lokus.scenario.saved_list", lang), className="mt-2 small"),
                dcc.Dropdown(id=ID.LOKUS_SCENARIOS, options=_scenario_options(services, district, lang)),
                html.Div(
                    [
                        dbc.Button(t("lokus.scenario.open", lang), id=ID.LOKUS_OPEN, size="sm", color="secondary"),
                        dbc.Button(
                            t("lokus.scenario.duplicate", lang), id=ID.LOKUS_DUPLICATE, size="sm", color="secondary"
                        ),
                        dbc.Button(
                            t("lokus.scenario.finalise", lang), id=ID.LOKUS_FINALISE, size="sm", color="warning"
                        ),
                    ],
                    className="d-flex gap-2 mt-2 flex-wrap",
                ),
                html.Div(id=ID.LOKUS_SCENARIO_INFO, className="small mt-2"),
                html.H3(t("lokus.export", lang), className="h6 mt-3"),
                html.Div(
                    [
                        dbc.Button(t("lokus.export.csv", lang), id=ID.LOKUS_EXPORT_CSV, size="sm", color="success"),
                        dbc.Button(t("lokus.export.xlsx", lang), id=ID.LOKUS_EXPORT_XLSX, size="sm", color="success"),
                        dbc.Button(t("lokus.export.png", lang), id=ID.LOKUS_EXPORT_PNG, size="sm", color="success"),
                    ],
                    className="d-flex gap-2 flex-wrap",
                ),
                dcc.Download(id=ID.LOKUS_DOWNLOAD),
            ]
        ),
        className="mb-2",
    )
    compare_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.compare", lang), className="h6"),
                dbc.Row(
                    [
                        dbc.Col(
                            [
                                dbc.Label(t("lokus.compare.before", lang), className="small"),
                                dcc.Dropdown(id=ID.LOKUS_COMPARE_A),
                            ],
                            md=5,
                        ),
                        dbc.Col(
                            [
                                dbc.Label(t("lokus.compare.after", lang), className="small"),
                                dcc.Dropdown(id=ID.LOKUS_COMPARE_B, value=CURRENT),
                            ],
                            md=5,
                        ),
                        dbc.Col(
                            dbc.Button(t("lokus.compare", lang), id=ID.LOKUS_COMPARE, size="sm", className="mt-4"), md=2
                        ),
                    ]
                ),
                dbc.Button(
                    t("lokus.compare.last_year", lang),
                    id=ID.LOKUS_COMPARE_LAST_YEAR,
                    size="sm",
                    color="link",
                    className="px-0",
                ),
                html.Div(id=ID.LOKUS_COMPARE_RESULT),
            ]
        ),
        className="mb-2",
    )
    grid = dag.AgGrid(
        id=ID.LOKUS_GRID,
        columnDefs=_grid_columns(lang),
        rowData=[],
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={
            "rowSelection": {"mode": "singleRow", "enableClickSelection": True},
            "animateRows": False,
            "localeText": {"noRowsToShow": t("lokus.no_data", lang)},
        },
        getRowId="params.data.code",
        rowClassRules={
            "lokus-selected": "params.data.status === 'selected'",
            "lokus-added": "params.data.status === 'added'",
            "lokus-removed": "params.data.status === 'removed'",
        },
        style={"height": "520px"},
        className="ag-theme-alpine",
    )
    return dbc.Container(
        [
            dcc.Store(id=ID.LOKUS_ADJUSTMENTS, data=[], storage_type="session"),
            dcc.Store(id=ID.LOKUS_CURRENT),
            dcc.Store(id=ID.LOKUS_OPENED),
            html.H1(t("lokus.title", lang), className="h4"),
            html.P(t("lokus.intro", lang), className="text-muted"),
            dbc.Row(
                [
                    dbc.Col([controls, criteria_card, adjust_card], lg=4),
                    dbc.Col(
                        [
                            html.Div(id=ID.LOKUS_SUMMARY, className="mb-1"),
                            dcc.Graph(id=ID.LOKUS_MAP, config={"displayModeBar": False}, style={"height": "420px"}),
                            grid,
                        ],
                        lg=5,
                    ),
                    dbc.Col(
                        [
                            scenario_card,
                            dbc.Card(
                                dbc.CardBody(
                                    [
                                        html.H3(t("lokus.sensitivity", lang), className="h6"),
                                        html.Div(id=ID.LOKUS_SENSITIVITY),
                                    ]
                                ),
                                className="mb-2",
                            ),
                            compare_card,
                        ],
                        lg=3,
                    ),
                ]
            ),
        ],
        fluid=True,
    )


# ------------------------------------------------------------------------------------------- callbacks


def state_from_controls(
    district: str,
    period: str,
    method: str,
    by: str,
    top_n: int | None,
    min_score: float | None,
    light_prevalence: float | None,
    light_stunted: float | None,
    criteria: list[dict[str, Any]],
    adjustments: list[dict[str, str]],
) -> dict[str, Any]:
    return {
        "district": district,
        "period": period,
        "method": method,
        "by": by,
        "top_n": int(top_n) if top_n else None,
        "min_score": float(min_score) if min_score is not None else None,
        "light_prevalence": float(light_prevalence) if light_prevalence is not None else 14.0,
        "light_stunted": float(light_stunted) if light_stunted is not None else None,
        "criteria": criteria,
        "adjustments": adjustments,
    }


def _criteria_from(
    uses: list[bool],
    weights: Sequence[float | None],
    directions: list[str],
    norms: list[str],
    ids: list[dict[str, str]],
) -> list[dict[str, Any]]:
    return [
        Criterion(i["key"], bool(use), float(weight or 0.0), Direction(direction), Normalisation(norm)).as_dict()
        for use, weight, direction, norm, i in zip(uses, weights, directions, norms, ids, strict=True)
    ]


def sensitivity_view(result: LokusResult, state: dict[str, Any], lang: str) -> Any:
    if result.sensitivity is None:
        return html.P(t("lokus.sensitivity.none", lang), className="small text-muted")
    names = dict(zip(result.table["code"], result.table["desa"], strict=True))
    moved = result.sensitivity[(result.sensitivity["entering"].map(len) + result.sensitivity["leaving"].map(len)) > 0]
    lines: list[Any] = [html.P(t("lokus.sensitivity.help", lang, n=state["top_n"]), className="small text-muted")]
    if moved.empty:
        lines.append(html.P(t("lokus.sensitivity.stable", lang), className="small"))
    for record in moved.to_dict("records"):
        entering: tuple[str, ...] = record["entering"]
        leaving: tuple[str, ...] = record["leaving"]
        text = t(
            "lokus.sensitivity.row", lang, criterion=criterion_label(str(record["criterion"]), lang),
            change=f"{int(record['change']):+d}", entering=", ".join(names[c] for c in entering) or "-",
            leaving=", ".join(names[c] for c in leaving) or "-",
        )  # fmt: skip
        lines.append(html.Div(text, className="small sensitivity-row"))
    return html.Div(lines)


def _annex_title(services: Services, current: dict[str, Any], lang: str) -> AnnexTitle:
    names = {d.code: d.name for d in services.source.districts()}
    state = current["state"]
    return AnnexTitle(
        names.get(state["district"], state["district"]),
        int(state["period"][:4]),
        current.get("scenario") or t("annex.unsaved", lang),
        state["period"],
    )


def export_file(services: Services, current: dict[str, Any], kind: str, lang: str) -> dict[str, Any]:
    """The CSV, XLSX or PNG of the list on screen, as a ``dcc.Download`` payload."""
    state = current["state"]
    result = compute(services, state, lang)
    title = _annex_title(services, current, lang)
    base = t("lokus.export.file", lang, district=state["district"].replace(".", ""), year=title.year)
    table = annex_table(annex_rows(result))
    if kind == "csv":
        return dcc.send_bytes(annex_csv(table, lang), f"{base}.csv")
    if kind == "xlsx":
        return dcc.send_bytes(annex_xlsx(table, title, lang), f"{base}.xlsx")
    villages = services.source.villages(state["district"])
    return dcc.send_bytes(annex_png(villages, result.selected, title, lang), f"{base}.png")


def _scenario_from(current: dict[str, Any], name: str, author: str) -> Scenario:
    state = current["state"]
    villages = tuple(
        ScenarioVillage(
            str(r["kode"]),
            r.get("rank"),
            r.get("skor"),
            r.get("prevalensi"),
            r.get("jumlah_stunting"),
            str(r["alasan"]),
        )
        for r in current["rows"]
    )
    return Scenario(
        state["district"],
        int(state["period"][:4]),
        state["period"],
        name.strip(),
        state["method"],
        state,
        villages,
        author.strip(),
    )


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ID.LOKUS_PERIOD, "options"),
        Output(ID.LOKUS_PERIOD, "value"),
        Output(ID.LOKUS_SCENARIOS, "options"),
        Output(ID.LOKUS_COMPARE_A, "options"),
        Output(ID.LOKUS_COMPARE_B, "options"),
        Input(ID.LOKUS_DISTRICT, "value"),
        Input(ID.LOKUS_SCENARIO_INFO, "children"),
        State(ID.LOKUS_PERIOD, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_district(district: str, _info: Any, period: str | None, lang: str) -> tuple[Any, ...]:
        periods = _periods(services, district)
        options = _scenario_options(services, district, lang)
        current = [{"label": t("lokus.compare.current", lang), "value": CURRENT}, *options]
        value = period if period in periods else (periods[-1] if periods else None)
        return [{"label": p, "value": p} for p in periods], value, options, options, current

    @app.callback(
        Output(ID.LOKUS_CRITERIA, "children"),
        Input(ID.LOKUS_PERIOD, "value"),
        State(ID.LOKUS_DISTRICT, "value"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_WEIGHT, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_DIRECTION, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_NORMALISATION, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "id"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def criteria_for_period(
        period: str,
        district: str,
        uses: list[bool],
        weights: list[float],
        directions: list[str],
        norms: list[str],
        ids: list[dict[str, str]],
        lang: str,
    ) -> Any:
        current = _criteria_from(uses, weights, directions, norms, ids)
        available = _criteria_for(services, district, period, current)
        if [c.key for c in available] == [c["key"] for c in current]:
            raise PreventUpdate
        return _criteria_rows(available, lang)

    @app.callback(
        Output(ID.LOKUS_GRID, "rowData"),
        Output(ID.LOKUS_MAP, "figure"),
        Output(ID.LOKUS_SUMMARY, "children"),
        Output(ID.LOKUS_SENSITIVITY, "children"),
        Output(ID.LOKUS_CURRENT, "data"),
        Input(ID.LOKUS_DISTRICT, "value"),
        Input(ID.LOKUS_PERIOD, "value"),
        Input(ID.LOKUS_METHOD, "value"),
        Input(ID.LOKUS_BY, "value"),
        Input(ID.LOKUS_TOP_N, "value"),
        Input(ID.LOKUS_MIN_SCORE, "value"),
        Input(ID.LOKUS_LIGHT_PREVALENCE, "value"),
        Input(ID.LOKUS_LIGHT_STUNTED, "value"),
        Input({"type": Pattern.LOKUS_USE, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_WEIGHT, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_DIRECTION, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_NORMALISATION, "key": ALL}, "value"),
        Input(ID.LOKUS_ADJUSTMENTS, "data"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "id"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def recompute(
        district: str,
        period: str | None,
        method: str,
        by: str,
        top_n: int | None,
        min_score: float | None,
        light_prevalence: float | None,
        light_stunted: float | None,
        uses: list[bool],
        weights: list[float],
        directions: list[str],
        norms: list[str],
        adjustments: list[dict[str, str]] | None,
        ids: list[dict[str, str]],
        opened: dict[str, Any] | None,
        lang: str,
    ) -> tuple[Any, ...]:
        if not district or not period:
            return [], go.Figure(), dbc.Alert(t("lokus.no_data", lang), color="warning"), None, None
        criteria = _criteria_from(uses, weights, directions, norms, ids)
        state = state_from_controls(
            district, period, method, by, top_n, min_score, light_prevalence, light_stunted, criteria, adjustments or []
        )
        result = compute(services, state, lang)
        summary = html.Div(
            t("lokus.summary", lang, selected=len(result.selected), villages=result.villages),
            id=ID.LOKUS_COUNT,
            className="small",
        )
        current = {
            "state": state,
            "rows": annex_rows(result),
            "selected": result.selected,
            "scenario": (opened or {}).get("name"),
        }
        return (
            grid_rows(result, lang),
            selection_figure(services, district, result, lang),
            summary,
            sensitivity_view(result, state, lang),
            current,
        )

    @app.callback(
        Output(ID.LOKUS_ADJUSTMENTS, "data"),
        Output(ID.LOKUS_ADJUST_INFO, "children"),
        Input(ID.LOKUS_ADD, "n_clicks"),
        Input(ID.LOKUS_REMOVE, "n_clicks"),
        Input(ID.LOKUS_CLEAR, "n_clicks"),
        State(ID.LOKUS_GRID, "selectedRows"),
        State(ID.LOKUS_REASON, "value"),
        State(ID.LOKUS_ADJUSTMENTS, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def adjust(
        _add: int | None,
        _remove: int | None,
        _clear: int | None,
        rows: list[dict[str, Any]] | None,
        reason: str | None,
        adjustments: list[dict[str, str]] | None,
        lang: str,
    ) -> tuple[Any, Any]:
        if ctx.triggered_id == ID.LOKUS_CLEAR:
            return [], t("lokus.adjust.list", lang, n=0)
        if not rows:
            return no_update, dbc.Alert(t("lokus.adjust.need_village", lang), color="warning", className="py-1")
        if not (reason or "").strip():
            return no_update, dbc.Alert(t("lokus.adjust.need_reason", lang), color="warning", className="py-1")
        action = "add" if ctx.triggered_id == ID.LOKUS_ADD else "remove"
        row = rows[0]
        changed = [*(adjustments or []), {"code": row["code"], "action": action, "reason": (reason or "").strip()}]
        label = t("lokus.adjust.add" if action == "add" else "lokus.adjust.remove", lang)
        return changed, t("lokus.adjust.done", lang, village=row["desa"], action=label.lower())

    @app.callback(
        Output(ID.LOKUS_SCENARIO_INFO, "children"),
        Output(ID.LOKUS_OPENED, "data"),
        Output(ID.LOKUS_DISTRICT, "value"),
        Output(ID.LOKUS_PERIOD, "value", allow_duplicate=True),
        Output(ID.LOKUS_METHOD, "value"),
        Output(ID.LOKUS_BY, "value"),
        Output(ID.LOKUS_TOP_N, "value"),
        Output(ID.LOKUS_MIN_SCORE, "value"),
        Output(ID.LOKUS_LIGHT_PREVALENCE, "value"),
        Output(ID.LOKUS_LIGHT_STUNTED, "value"),
        Output(ID.LOKUS_CRITERIA, "children", allow_duplicate=True),
        Output(ID.LOKUS_ADJUSTMENTS, "data", allow_duplicate=True),
        Output(ID.LOKUS_SCENARIO_NAME, "value"),
        Output(ID.LOKUS_UPDATE, "disabled"),
        Input(ID.LOKUS_SAVE, "n_clicks"),
        Input(ID.LOKUS_UPDATE, "n_clicks"),
        Input(ID.LOKUS_OPEN, "n_clicks"),
        Input(ID.LOKUS_DUPLICATE, "n_clicks"),
        Input(ID.LOKUS_FINALISE, "n_clicks"),
        State(ID.LOKUS_SCENARIOS, "value"),
        State(ID.LOKUS_SCENARIO_NAME, "value"),
        State(ID.LOKUS_AUTHOR, "value"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def scenarios(
        _save: int | None,
        _update: int | None,
        _open: int | None,
        _duplicate: int | None,
        _finalise: int | None,
        chosen: int | None,
        name: str | None,
        author: str | None,
        current: dict[str, Any] | None,
        opened: dict[str, Any] | None,
        lang: str,
    ) -> tuple[Any, ...]:
        store = services.require_store()
        keep = (no_update,) * 11

        def message(text: str, colour: str = "success") -> Any:
            return dbc.Alert(text, color=colour, className="py-1 mb-0")

        def opened_controls(scenario: Scenario) -> tuple[Any, ...]:
            s = scenario.settings
            criteria = [Criterion.from_dict(c) for c in s.get("criteria", [])]
            return (
                {"id": scenario.id, "name": scenario.name, "final": scenario.is_final},
                s["district"],
                s["period"],
                s["method"],
                s.get("by", "top_n"),
                s.get("top_n"),
                s.get("min_score"),
                s.get("light_prevalence"),
                s.get("light_stunted"),
                _criteria_rows(criteria, lang, disabled=scenario.is_final),
                s.get("adjustments", []),
                scenario.name,
                scenario.is_final,  # a final list is read-only: nothing to save changes to
            )

        try:
            trigger = ctx.triggered_id
            if trigger in (ID.LOKUS_SAVE, ID.LOKUS_UPDATE):
                if not current:
                    raise PreventUpdate
                if not (name or "").strip() or not (author or "").strip():
                    return (message(t("lokus.scenario.need_name", lang), "warning"), *keep, no_update, no_update)
                scenario = _scenario_from(current, name or "", author or "")
                if trigger == ID.LOKUS_UPDATE:
                    if not opened:
                        return (message(t("lokus.scenario.need_open", lang), "warning"), *keep, no_update, no_update)
                    scenario = Scenario(**{**scenario.__dict__, "id": opened["id"]})
                saved = store.save_scenario(scenario)
                return (
                    message(t("lokus.scenario.saved", lang, name=saved.name)),
                    {"id": saved.id, "name": saved.name, "final": False},
                    *keep[1:],
                    no_update,
                    False,
                )
            if chosen is None:
                return (message(t("lokus.scenario.need_choice", lang), "warning"), *keep, no_update, no_update)
            found = store.scenario(int(chosen))
            if found is None:
                raise ScenarioError("scenario.not_found", id=chosen)
            if trigger == ID.LOKUS_OPEN:
                key = "lokus.scenario.opened_final" if found.is_final else "lokus.scenario.opened"
                return (message(t(key, lang, name=found.name, year=found.year), "info"), *opened_controls(found))
            if trigger == ID.LOKUS_DUPLICATE:
                copy = store.save_scenario(
                    found.copy_as(t("lokus.scenario.copy_name", lang, name=found.name), author or found.author)
                )
                return (message(t("lokus.scenario.duplicated", lang, name=copy.name)), *opened_controls(copy))
            final = store.finalise_scenario(found.id or 0)
            read_only = True if opened and opened.get("id") == final.id else no_update
            return (message(t("lokus.scenario.finalised", lang, name=final.name, year=final.year)), *keep, no_update,
                    read_only)  # fmt: skip
        except ScenarioError as error:
            return (message(t(error.key, lang, **error.params), "danger"), *keep, no_update, no_update)

    @app.callback(
        Output(ID.LOKUS_COMPARE_RESULT, "children"),
        Input(ID.LOKUS_COMPARE, "n_clicks"),
        Input(ID.LOKUS_COMPARE_LAST_YEAR, "n_clicks"),
        State(ID.LOKUS_COMPARE_A, "value"),
        State(ID.LOKUS_COMPARE_B, "value"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def compare_lists(
        _n: int | None,
        _last: int | None,
        a: int | str | None,
        b: int | str | None,
        current: dict[str, Any] | None,
        lang: str,
    ) -> Any:
        if not current:
            raise PreventUpdate
        store = services.require_store()
        district = current["state"]["district"]
        if ctx.triggered_id == ID.LOKUS_COMPARE_LAST_YEAR:
            year = int(current["state"]["period"][:4]) - 1
            finals = [s for s in store.scenarios(district, year) if s.is_final]
            if not finals:
                return dbc.Alert(t("lokus.compare.no_last_year", lang, year=year), color="warning", className="py-1")
            a, b = finals[0].id, CURRENT

        def codes(choice: int | str | None) -> list[str] | None:
            if choice == CURRENT:
                return list(current["selected"])
            found = store.scenario(int(choice)) if choice is not None else None
            return found.codes if found else None

        before, after = codes(a), codes(b)
        if before is None or after is None:
            return dbc.Alert(t("lokus.scenario.need_choice", lang), color="warning", className="py-1")
        return comparison_view(services, district, before, after, lang)

    @app.callback(
        Output(ID.LOKUS_DOWNLOAD, "data"),
        Input(ID.LOKUS_EXPORT_CSV, "n_clicks"),
        Input(ID.LOKUS_EXPORT_XLSX, "n_clicks"),
        Input(ID.LOKUS_EXPORT_PNG, "n_clicks"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def export(_csv: int | None, _xlsx: int | None, _png: int | None, current: dict[str, Any] | None, lang: str) -> Any:
        if not current:
            raise PreventUpdate
        kind = {ID.LOKUS_EXPORT_CSV: "csv", ID.LOKUS_EXPORT_XLSX: "xlsx"}.get(ctx.triggered_id, "png")
        return export_file(services, current, kind, lang)
