"""The partners and case audits page's frame: district, the partners' register, the reach map, the case audits."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import LokusMap
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.loading import loading
from dashboard.views.map_page.choropleth import map_component_static
from dashboard.views.programme_page.forms import audit_form, programme_form

__all__ = ["layout"]


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page on the first district the reader may read; the registers, map and forms follow its callbacks.

    The partners' register (pentahelix: partner, sector, activity, villages, periods, budget) with its form and
    sheet import; a map of the villages no partner reaches (in a period when one is typed) with the count; the
    stunting case audits' findings per village with their form. Leadership reads; planners of the district record.
    """
    districts = services.source.districts()
    district = districts[0].code if districts else ""
    chooser = dbc.Row(
        dbc.Col(
            [
                dbc.Label(t("mitra.district", lang), html_for=ID.MITRA_DISTRICT, className="small mb-0"),
                dcc.Dropdown(
                    id=ID.MITRA_DISTRICT,
                    value=district,
                    clearable=False,
                    options=[{"label": d.name, "value": d.code} for d in districts],
                ),
            ],
            xs=12,
            md=5,
        ),
        className="g-2 mb-2",
    )
    register = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("mitra.register", lang), className="h5"),
                html.P(t("mitra.register.help", lang), className="small text-muted mb-2"),
                loading(html.Div(id=ID.MITRA_TABLE)),
                programme_form(lang),
            ]
        ),
        className="mb-3",
    )
    reach = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("mitra.map", lang), className="h5"),
                dbc.Row(
                    dbc.Col(
                        [
                            dbc.Label(t("mitra.map.period", lang), html_for=ID.MITRA_PERIOD, className="small mb-0"),
                            dbc.Input(id=ID.MITRA_PERIOD, placeholder="2025-Q1", debounce=True),
                            dbc.FormText(t("mitra.field.period_hint", lang)),
                        ],
                        xs=12,
                        md=4,
                    ),
                    className="g-2 mb-2",
                ),
                loading(html.P(id=ID.MITRA_MAP_COUNT, className="fw-semibold mb-1")),
                LokusMap(
                    id=ID.MITRA_MAP,
                    className="mitra-map",
                    style={"height": "420px"},
                    **map_component_static(services, lang),
                ),
                html.Div(id=ID.MITRA_MAP_LEGEND, className="mt-1"),
            ]
        ),
        className="mb-3",
    )
    audits = dbc.Card(
        dbc.CardBody(
            [
                html.H2(t("kasus.section", lang), className="h5"),
                html.P(t("kasus.help", lang), className="small text-muted mb-1"),
                dbc.Alert(t("kasus.privacy", lang), color="info", className="py-2 small"),
                loading(html.Div(id=ID.KASUS_TABLE)),
                html.H3(t("kasus.counts", lang), className="h6 mt-2"),
                loading(html.Div(id=ID.KASUS_COUNTS)),
                audit_form(lang),
            ]
        ),
        className="mb-3",
    )
    return dbc.Container(
        [
            dcc.Store(id=ID.MITRA_VERSION, data=0),
            dcc.Store(id=ID.MITRA_IMPORT_VERSION, data=0),
            dcc.Store(id=ID.KASUS_VERSION, data=0),
            html.H1(
                [t("mitra.title", lang), html.Span(demo_badge(services, district, lang), id=ID.MITRA_DEMO_BADGE)],
                className="h4",
            ),
            html.P(t("mitra.intro", lang), className="text-muted"),
            chooser,
            register,
            reach,
            audits,
        ],
        fluid=True,
        className="mitra-page",
    )
