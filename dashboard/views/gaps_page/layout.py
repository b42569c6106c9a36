"""The gaps page's components: the controls, breadcrumb, map with legend and scope, profile and matrix."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.components import LokusMap
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.gaps_page.drill import GapsControls, breadcrumb, map_draw
from dashboard.views.gaps_page.figures import map_static
from dashboard.views.gaps_page.model import (
    CONVERGENCE,
    View,
    comparison_choices,
    coverage_keys,
    period_choices,
    periods_of,
)
from dashboard.views.loading import loading

__all__ = ["layout"]


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page as first drawn, on the first district.

    It opens on the latest period whose completeness reaches ``DASHBOARD_MIN_COMPLETENESS`` (a later,
    incomplete period stays offered, marked), and the change view compares with the same month a year
    earlier by default. Views of one district and period, narrowed by the drill-down (district →
    kecamatan → desa, with a breadcrumb): a map of one coverage indicator against its target (coverage,
    or the gap), the convergence score (share of services at or above target), a bivariate map of
    stunting prevalence against coverage or convergence, and the change of an indicator between two
    periods, like for like (over the villages reporting in both), with no value, not significant, fall
    and rise apart. Beside it, the village × service gap matrix sorted by prevalence, and, for a chosen
    village, its profile. Every kecamatan and district figure is a sum of numerators over a sum of
    denominators; flagged values are marked ⚠.
    """
    districts = services.source.districts()
    district = districts[0].code if districts else ""
    observations = services.source.observations(district) if district else pd.DataFrame(columns=["indicator"])
    coverage = coverage_keys(observations)
    codes = services.source.villages(district)["code"].astype(str).tolist() if district else []
    minimum = services.settings.min_completeness
    periods = period_choices(observations, codes, periods_of(services, district), minimum, lang)
    before = comparison_choices(observations, codes, periods.value, STUNTING, minimum, lang)
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
                        value=periods.value,
                        clearable=False,
                        options=periods.options,
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
                        options=before.options,
                        value=before.value,
                    ),
                ],
                md=3,
            ),
        ],
        className="g-2 mb-2",
    )
    drill = {"kecamatan": None, "village": None}
    static = map_static(services, lang)
    drawn, legend = None, None
    if district and periods.value:
        choice = GapsControls(periods.value, View.GAP, coverage[0] if coverage else None, None, "indicator",
                                STUNTING, before.value)  # fmt: skip
        draw = map_draw(services, district, choice, drill, lang)
        drawn, legend = draw.keys(), draw.legend
        static = static | draw.props()
    return dbc.Container(
        [
            dcc.Store(id=ID.GAPS_DRILL, data=drill),
            dcc.Store(id=ID.GAPS_MAP_DRAWN, data=drawn),
            html.H1(
                [t("gaps.title", lang), html.Span(demo_badge(services, district, lang), id=ID.GAPS_DEMO_BADGE)],
                className="h4",
            ),
            html.P(t("gaps.intro", lang), className="text-muted"),
            controls,
            change_controls,
            loading(
                html.Nav(
                    breadcrumb(services, district, {"kecamatan": None, "village": None}, lang) if district else None,
                    id=ID.GAPS_BREADCRUMB,
                    className="mb-2",
                )
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            # Drawn with the page; its callback sends only what a change alters (map_tiers).
                            LokusMap(id=ID.GAPS_MAP, style={"height": "460px"}, **static),
                            loading(html.Div(legend, id=ID.GAPS_LEGEND)),
                            loading(html.Div(id=ID.GAPS_SCOPE)),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        loading(
                            html.Div(
                                id=ID.GAPS_PROFILE,
                                children=html.P(t("gaps.profile.hint", lang), className="text-muted"),
                            )
                        ),
                        lg=6,
                    ),
                ]
            ),
            html.H2(t("gaps.matrix", lang), className="h5 mt-3"),
            html.P(t("gaps.matrix.help", lang), className="small text-muted"),
            loading(dcc.Graph(id=ID.GAPS_MATRIX, config={"displayModeBar": False})),
        ],
        fluid=True,
    )
