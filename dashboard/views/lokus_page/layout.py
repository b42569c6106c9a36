"""The planning page's components: controls, criteria, changes by hand, grid and map, scenarios, comparison."""

from __future__ import annotations

from typing import Any

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
from dashboard.views.lokus_page.grid import adjust_bar, grid_legend, ranked_grid
from dashboard.views.lokus_page.model import period_options, rank
from dashboard.views.lokus_page.scenarios import CURRENT, scenario_options
from dashboard.views.lokus_page.state import DEFAULT_MIN_SCORE, reset_control, restored_state, unsaved_note

__all__ = ["layout"]


def _number(field: ID, feedback: ID, label: str, value: Any, lang: str) -> Any:
    """A labelled number field typed as text ("1,5"): read and checked on the server
    (:mod:`~dashboard.views.lokus_page.inputs`), its reason shown under it when refused."""
    return html.Div(
        [
            dbc.Label(t(label, lang), html_for=field, className="small mb-0"),
            dbc.Input(id=field, type="text", inputMode="decimal", value=value, size="sm", debounce=True),
            dbc.FormFeedback(id=feedback, type="invalid"),
        ],
        className="mt-1",
    )


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
                dcc.Dropdown(id=ID.LOKUS_PERIOD, options=periods, value=state["period"], clearable=False),
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
                dbc.Row(
                    [
                        dbc.Col(
                            _number(ID.LOKUS_TOP_N, ID.LOKUS_TOP_N_FEEDBACK, "lokus.top_n.label", state["top_n"], lang)
                        ),
                        dbc.Col(
                            _number(
                                ID.LOKUS_MIN_SCORE,
                                ID.LOKUS_MIN_SCORE_FEEDBACK,
                                "lokus.min_score.label",
                                DEFAULT_MIN_SCORE if state["min_score"] is None else state["min_score"],
                                lang,
                            )
                        ),
                    ],
                    className="g-2",
                ),
                html.Div(
                    [
                        html.Div(t("lokus.light.title", lang), className="fw-semibold small mt-2"),
                        _number(
                            ID.LOKUS_LIGHT_PREVALENCE,
                            ID.LOKUS_LIGHT_PREVALENCE_FEEDBACK,
                            "lokus.light.prevalence",
                            state["light_prevalence"],
                            lang,
                        ),
                        _number(
                            ID.LOKUS_LIGHT_STUNTED,
                            ID.LOKUS_LIGHT_STUNTED_FEEDBACK,
                            "lokus.light.stunted",
                            state["light_stunted"],
                            lang,
                        ),
                    ],
                    id=ID.LOKUS_LIGHT_BLOCK,
                    hidden=state["method"] != str(Method.TRAFFIC_LIGHT),
                ),
            ]
        ),
        className="mb-2",
    )
    criteria_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.criteria", lang), className="h6"),
                html.P(t("lokus.weight.help", lang), className="small text-muted mb-1"),
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
        id=ID.LOKUS_WEIGHTED_BLOCK,
    )
    scenario_card = dbc.Card(
        dbc.CardBody(
            [
                html.H3(t("lokus.scenario", lang), className="h6"),
                dbc.Label(t("lokus.scenario.name", lang), html_for=ID.LOKUS_SCENARIO_NAME, className="visually-hidden"),
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
                        dbc.Label(
                            t("lokus.scenario.reopen_reason", lang),
                            html_for=ID.LOKUS_REOPEN_REASON,
                            className="visually-hidden",
                        ),
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
                                dbc.Label(
                                    t("lokus.compare.before", lang), className="small", html_for=ID.LOKUS_COMPARE_A
                                ),
                                dcc.Dropdown(id=ID.LOKUS_COMPARE_A),
                            ],
                            xxl=6,
                        ),
                        dbc.Col(
                            [
                                dbc.Label(
                                    t("lokus.compare.after", lang), className="small", html_for=ID.LOKUS_COMPARE_B
                                ),
                                dcc.Dropdown(id=ID.LOKUS_COMPARE_B, value=CURRENT),
                            ],
                            xxl=6,
                        ),
                    ],
                    className="g-2",
                ),
                dbc.Button(t("lokus.compare", lang), id=ID.LOKUS_COMPARE, size="sm", className="mt-2 me-2"),
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
            # Opening a final list disables this whole fieldset: nothing on screen changes a final list.
            html.Fieldset(
                html.Div(
                    [
                        html.Div(controls, className="lokus-area-controls"),
                        html.Div(criteria_card, className="lokus-area-criteria"),
                        html.Div(
                            [
                                loading(html.Div(id=ID.LOKUS_SUMMARY, className="mb-1")),
                                map_block,
                                html.Div(id=ID.LOKUS_INPUT_ALERT, className="mt-2"),
                                adjust_bar(lang),
                                grid_legend(lang),
                                loading(ranked_grid(lang)),
                            ],
                            className="lokus-area-main",
                        ),
                    ],
                    className="lokus-workspace",
                ),
                id=ID.LOKUS_EDITABLE,
            ),
            dbc.Row(
                [
                    dbc.Col(scenario_card, lg=4),
                    dbc.Col(
                        dbc.Card(
                            dbc.CardBody(
                                [
                                    html.H3(t("lokus.sensitivity", lang), className="h6"),
                                    loading(html.Div(id=ID.LOKUS_SENSITIVITY)),
                                ]
                            ),
                            className="mb-2",
                        ),
                        lg=4,
                    ),
                    dbc.Col(compare_card, lg=4),
                ],
                className="mt-2",
            ),
            commitments_section(lang),
        ],
        fluid=True,
    )
