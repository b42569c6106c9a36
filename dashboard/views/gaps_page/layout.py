"""The gaps page's components: the controls, breadcrumb, map with legend and scope, profile and matrix."""

from __future__ import annotations

from collections.abc import Callable
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
from dashboard.views.gaps_page.drill import GapsControls, breadcrumb, map_draw, map_title
from dashboard.views.gaps_page.figures import map_static
from dashboard.views.gaps_page.model import (
    CONVERGENCE,
    PeriodChoices,
    View,
    comparison_choices,
    coverage_keys,
    period_choices,
    periods_of,
)
from dashboard.views.loading import loading

__all__ = ["layout"]


def _kept(services: Services, kind: str, district: str, compute: Callable[[], PeriodChoices]) -> PeriodChoices:
    """``compute()`` kept per data version for a district (the reader's areas checked); afresh without a district."""
    return services.kept_per_version(kind, district, compute) if district else compute()


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
    # Every period's completeness changes only with the data: kept per data version (issue 17: a third of a render).
    periods = _kept(
        services,
        f"gaps.periods:{lang}",
        district,
        lambda: period_choices(observations, codes, periods_of(services, district), minimum, lang),
    )
    before = _kept(services, f"gaps.before:{periods.value}:{lang}", district,
                   lambda: comparison_choices(observations, codes, periods.value, STUNTING, minimum, lang))  # fmt: skip
    options = [{"label": CATALOGUE[k].label(lang), "value": k} for k in coverage]
    outcome = [{"label": i.label(lang), "value": k} for k, i in CATALOGUE.items()]
    where = dbc.Row(
        [
            _field(t("gaps.district", lang), ID.GAPS_DISTRICT, dcc.Dropdown(
                id=ID.GAPS_DISTRICT, value=district, clearable=False,
                options=[{"label": d.name, "value": d.code} for d in districts],
            ), md=4),
            _field(t("gaps.period", lang), ID.GAPS_PERIOD, dcc.Dropdown(
                id=ID.GAPS_PERIOD, value=periods.value, clearable=False, options=periods.options,
            ), md=3),
            _field(t("gaps.view", lang), ID.GAPS_VIEW, dbc.Select(
                id=ID.GAPS_VIEW, value=View.GAP, placeholder=t("gaps.view", lang),
                options=[{"label": t(f"gaps.view.{v}", lang), "value": v} for v in View.ALL],
            ), md=5),
        ],
        className="g-2 mb-2",
    )  # fmt: skip
    service = _group(
        ID.GAPS_SERVICE_GROUP, t("gaps.group.service", lang), View.GAP,
        [
            _field(t("gaps.indicator", lang), ID.GAPS_INDICATOR, dcc.Dropdown(
                id=ID.GAPS_INDICATOR, options=options, value=coverage[0] if coverage else None, clearable=False,
            ), md=8),
            _field(t("gaps.target", lang), ID.GAPS_TARGET, dbc.Input(
                id=ID.GAPS_TARGET, type="number", min=0, max=100, step=1, debounce=True,
                placeholder=t("gaps.target.catalogue", lang),
            ), md=4),
        ],
    )  # fmt: skip
    axis = _group(
        ID.GAPS_AXIS_GROUP, t("gaps.group.axis", lang), View.GAP,
        [
            _field(t("gaps.axis", lang), ID.GAPS_AXIS, dbc.Select(
                id=ID.GAPS_AXIS, value="indicator", placeholder=t("gaps.axis", lang),
                options=[
                    {"label": t("gaps.axis.indicator", lang), "value": "indicator"},
                    {"label": t("gaps.view.convergence", lang), "value": CONVERGENCE},
                ],
            ), md=12),
        ],
    )  # fmt: skip
    change = _group(
        ID.GAPS_CHANGE_GROUP, t("gaps.group.change", lang), View.GAP,
        [
            _field(t("gaps.change.indicator", lang), ID.GAPS_CHANGE_INDICATOR, dcc.Dropdown(
                id=ID.GAPS_CHANGE_INDICATOR, options=outcome, value=STUNTING, clearable=False,
            ), md=6),
            _field(t("gaps.change.before", lang), ID.GAPS_BEFORE, dcc.Dropdown(
                id=ID.GAPS_BEFORE, options=before.options, value=before.value, clearable=False,
            ), md=6),
        ],
    )  # fmt: skip
    drill = {"kecamatan": None, "village": None}
    static = map_static(services, lang, district)
    drawn, legend, title = None, None, None
    if district and periods.value:
        choice = GapsControls(periods.value, View.GAP, coverage[0] if coverage else None, None, "indicator",
                                STUNTING, before.value)  # fmt: skip
        draw = map_draw(services, district, choice, drill, lang)
        drawn, legend = draw.keys(), draw.legend
        title = map_title(services, district, choice, drill, lang)
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
            where,
            dbc.Row([service, axis, change], className="g-2 mb-2 gaps-groups"),
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
                            html.H2(title, id=ID.GAPS_MAP_TITLE, className="h6 gaps-map-title"),
                            # Drawn with the page; its callback sends only what a change alters (map_tiers).
                            LokusMap(id=ID.GAPS_MAP, className="gaps-map", style={"height": "460px"}, **static),
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
            html.Div(
                [
                    html.Div(id=ID.GAPS_MATRIX_LEGEND_BOX, className="flex-grow-1"),
                    dbc.Button(
                        t("gaps.matrix.download", lang),
                        id=ID.GAPS_MATRIX_CSV,
                        color="secondary",
                        outline=True,
                        size="sm",
                    ),
                    dcc.Download(id=ID.GAPS_MATRIX_DOWNLOAD),
                ],
                className="d-flex flex-wrap align-items-start gap-2",
            ),
            loading(dcc.Graph(id=ID.GAPS_MATRIX, config={"displayModeBar": False})),
        ],
        fluid=True,
        className="gaps-page",
    )


def _field(label: str, for_id: str, control: Any, md: int) -> dbc.Col:
    """A control under its label (tied to it by ``html_for``)."""
    return dbc.Col([dbc.Label(label, html_for=for_id, className="small mb-0"), control], xs=12, md=md)


def shown_for(group: str, view: str) -> dict[str, str]:
    """The style of a group of controls in ``view``: shown where it applies, else hidden.

    The service and its target apply to every view but the change (the matrix reads them too); the 3×3 map's
    axis to the bivariate view; the change's indicator and comparison period to the change view.
    """
    applies: dict[str, bool] = {
        str(ID.GAPS_SERVICE_GROUP): view != View.CHANGE,
        str(ID.GAPS_AXIS_GROUP): view == View.BIVARIATE,
        str(ID.GAPS_CHANGE_GROUP): view == View.CHANGE,
    }
    return {} if applies[str(group)] else {"display": "none"}


def _group(group: str, title: str, view: str, fields: list[Any]) -> dbc.Col:
    """A group of controls under a title naming what it applies to, shown only in the views it applies to."""
    return dbc.Col(
        html.Fieldset(
            [html.Legend(title, className="small fw-semibold mb-1"), dbc.Row(fields, className="g-2")],
            className="gaps-group",
        ),
        id=group,
        xs=12,
        lg=6,
        style=shown_for(group, view),
    )
