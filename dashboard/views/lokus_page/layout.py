"""The planning page's components: controls, criteria, changes by hand, grid and map, scenarios, comparison."""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Permission, can
from dashboard.components import LokusMap
from dashboard.core.scoring import Criterion, Method
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.loading import loading
from dashboard.views.lokus_page.commitments import commitments_section
from dashboard.views.lokus_page.criteria import criteria_rows
from dashboard.views.lokus_page.decree import AnnexField, decree_fields
from dashboard.views.lokus_page.figures import map_static, selection_map
from dashboard.views.lokus_page.model import period_options, rank
from dashboard.views.lokus_page.scenarios import CURRENT, scenario_options
from dashboard.views.lokus_page.state import DEFAULT_MIN_SCORE, reset_control, restored_state, unsaved_note

__all__ = ["layout"]


def _grid_columns(lang: str) -> list[dict[str, Any]]:
    number = {"type": "rightAligned", "filter": "agNumberColumnFilter"}
    return [
        {"field": "rank", "headerName": t("lokus.grid.rank", lang), "width": 95, **number},
        {"field": "kecamatan", "headerName": t("lokus.grid.kecamatan", lang), "filter": True},
        {"field": "desa", "headerName": t("lokus.grid.desa", lang), "filter": True},
        {
            "field": "flag_mark",
            "headerName": "⚠",
            "headerTooltip": t("lokus.grid.flag", lang),
            "width": 60,
            "tooltipField": "missing",
        },
        {"field": "code", "headerName": t("lokus.grid.code", lang), "filter": True, "width": 130},
        {"field": "prevalensi", "headerName": t("lokus.grid.prevalence", lang), "width": 120, **number},
        {"field": "prevalensi_eb", "headerName": t("lokus.grid.estimate", lang), "width": 110, **number},
        {"field": "jumlah_stunting", "headerName": t("lokus.grid.stunted", lang), "width": 120, **number},
        {"field": "skor", "headerName": t("lokus.grid.score", lang), "width": 95, **number},
        {"field": "light_label", "headerName": t("lokus.grid.light", lang), "width": 110, "filter": True},
        {"field": "status_label", "headerName": t("lokus.grid.status", lang), "width": 130, "filter": True},
        {"field": "alasan", "headerName": t("lokus.grid.reason", lang), "flex": 1, "minWidth": 220},
        {"field": "missing", "headerName": t("lokus.grid.missing", lang), "width": 260, "tooltipField": "missing"},
    ]


def _method_help(services: Services, lang: str) -> Any:
    """How the ranking treats small numbers and flagged values, folded under the criteria."""
    minimum = services.settings.min_measured
    return html.Details(
        [
            html.Summary(t("lokus.method.help.title", lang)),
            html.P(t("lokus.method.help.shrinkage", lang)),
            html.P(t("lokus.method.help.minimum", lang, minimum=minimum)),
            html.P(t("lokus.method.help.flags", lang), className="mb-0"),
        ],
        className="small text-muted lokus-method-help",
    )


def _selection_map(services: Services, state: dict[str, Any], lang: str) -> tuple[Any, dict[str, str] | None]:
    """The selection map drawn for the page's starting point, with its legend, and the keys of what it shows (the
    map's callback sends only what differs from them: when the page opens, nothing)."""
    static = map_static(services, lang, "peta_lokus_desa.png")
    if not state["district"]:
        return LokusMap(id=ID.LOKUS_MAP, style={"height": "420px"}, **static), None
    period = state["period"] or ""
    draw = selection_map(services, state["district"], period, rank(services, state) if period else None, lang)
    block = html.Div(
        [
            LokusMap(id=ID.LOKUS_MAP, style={"height": "420px"}, **draw.props(), **static),
            html.Div(draw.legend, id=ID.LOKUS_LEGEND, className="legend lokus-legend"),
        ]
    )
    return block, draw.keys()


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    actor = current_actor()
    districts = services.source.districts()
    state, opened = restored_state(services)  # the signed-in user's kept work, or the defaults
    district = state["district"]
    periods = period_options(services, district, lang)
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
                    options=periods,
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
                    value=state["by"],
                    inline=True,
                    options=[
                        {"label": t("lokus.selection.top_n", lang), "value": "top_n"},
                        {"label": t("lokus.selection.min_score", lang), "value": "min_score"},
                    ],
                ),
                dbc.InputGroup(
                    [
                        dbc.Input(id=ID.LOKUS_TOP_N, type="number", min=1, step=1, value=state["top_n"], debounce=True),
                        dbc.Input(
                            id=ID.LOKUS_MIN_SCORE,
                            type="number",
                            min=0,
                            max=100,
                            step=1,
                            value=DEFAULT_MIN_SCORE if state["min_score"] is None else state["min_score"],
                            debounce=True,
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
                            value=state["light_prevalence"],
                            size="sm",
                            debounce=True,
                        ),
                        dbc.Label(t("lokus.light.stunted", lang), className="mt-1 small"),
                        dbc.Input(
                            id=ID.LOKUS_LIGHT_STUNTED,
                            type="number",
                            min=0,
                            step=1,
                            value=state["light_stunted"],
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
                loading(html.Div(criteria_rows(criteria, lang), id=ID.LOKUS_CRITERIA)),
                html.P(t("lokus.criteria.help", lang), className="small text-muted mb-1"),
                dbc.Switch(
                    id=ID.LOKUS_INCLUDE_FLAGGED,
                    label=t("lokus.include_flagged", lang),
                    value=bool(state["include_flagged"]),
                    className="small",
                ),
                _method_help(services, lang),
                reset_control(lang),
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
                loading(html.Div(id=ID.LOKUS_ADJUST_INFO, className="small mt-2")),
            ]
        ),
        className="mb-2",
    )
    scenario_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.scenario", lang), className="h6"),
                dbc.Input(id=ID.LOKUS_SCENARIO_NAME, placeholder=t("lokus.scenario.name", lang), size="sm"),
                html.Div(
                    t("lokus.scenario.author_is", lang, name=actor.username if actor else "-"),
                    id=ID.LOKUS_AUTHOR_NAME,
                    className="small text-muted mt-1",
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
                dcc.Dropdown(id=ID.LOKUS_SCENARIOS, options=scenario_options(services, district, lang)),
                html.Div(
                    [
                        dbc.Button(t("lokus.scenario.open", lang), id=ID.LOKUS_OPEN, size="sm", color="secondary"),
                        dbc.Button(
                            t("lokus.scenario.duplicate", lang), id=ID.LOKUS_DUPLICATE, size="sm", color="secondary"
                        ),
                        dbc.Button(
                            t("lokus.scenario.finalise", lang), id=ID.LOKUS_FINALISE, size="sm", color="warning"
                        ),
                        dbc.Button(
                            t("lokus.scenario.delete", lang), id=ID.LOKUS_DELETE, size="sm", color="outline-danger"
                        ),
                    ],
                    className="d-flex gap-2 mt-2 flex-wrap",
                ),
                dcc.ConfirmDialog(id=ID.LOKUS_FINALISE_CONFIRM),
                dcc.ConfirmDialog(id=ID.LOKUS_DELETE_CONFIRM),
                html.Div(
                    [
                        dbc.Input(
                            id=ID.LOKUS_REOPEN_REASON, placeholder=t("lokus.scenario.reopen_reason", lang), size="sm"
                        ),
                        dbc.Button(
                            t("lokus.scenario.reopen", lang),
                            id=ID.LOKUS_REOPEN,
                            size="sm",
                            color="outline-warning",
                            className="mt-1",
                        ),
                    ],
                    className="mt-2",
                    # Shown to administrators only; the server refuses anyone else whatever the page shows.
                    hidden=not (actor is not None and can(actor, Permission.FINALISE)),
                ),
                loading(html.Div(id=ID.LOKUS_SCENARIO_INFO, className="small mt-2")),
                html.H3(t("lokus.export", lang), className="h6 mt-3"),
                html.Div(
                    [
                        dbc.Button(t("lokus.export.csv", lang), id=ID.LOKUS_EXPORT_CSV, size="sm", color="success"),
                        dbc.Button(t("lokus.export.xlsx", lang), id=ID.LOKUS_EXPORT_XLSX, size="sm", color="success"),
                        dbc.Button(t("lokus.export.pdf", lang), id=AnnexField.EXPORT_PDF, size="sm", color="success"),
                        dbc.Button(t("lokus.export.png", lang), id=ID.LOKUS_EXPORT_PNG, size="sm", color="success"),
                    ],
                    className="d-flex gap-2 flex-wrap",
                ),
                decree_fields(lang),
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
                loading(html.Div(id=ID.LOKUS_COMPARE_RESULT)),
            ]
        ),
        className="mb-2",
    )
    grid = dag.AgGrid(
        id=ID.LOKUS_GRID,
        columnDefs=_grid_columns(lang),
        rowData=None,  # not [] (the grid would say "no data" before the ranking has arrived)
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
    map_block, drawn = _selection_map(services, state, lang)
    return dbc.Container(
        [
            dcc.Store(id=ID.LOKUS_MAP_DRAWN, data=drawn),
            # Kept on the server per user (lokus_page/state.py), not in the browser's storage.
            dcc.Store(id=ID.LOKUS_ADJUSTMENTS, data=state["adjustments"]),
            dcc.Store(id=ID.LOKUS_CURRENT),
            dcc.Store(id=ID.LOKUS_OPENED, data=opened),
            html.H1(
                [t("lokus.title", lang), html.Span(demo_badge(services, district, lang), id=ID.LOKUS_DEMO_BADGE)],
                className="h4",
            ),
            html.P(t("lokus.intro", lang), className="text-muted"),
            unsaved_note(lang),
            dbc.Row(
                [
                    # Opening a final list disables this whole fieldset: nothing on screen changes a final list.
                    dbc.Col(html.Fieldset([controls, criteria_card, adjust_card], id=ID.LOKUS_EDITABLE), lg=4),
                    dbc.Col(
                        [
                            loading(html.Div(id=ID.LOKUS_SUMMARY, className="mb-1")),
                            map_block,
                            loading(grid),
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
                                        loading(html.Div(id=ID.LOKUS_SENSITIVITY)),
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
            commitments_section(lang),
        ],
        fluid=True,
    )
