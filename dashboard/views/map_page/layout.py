"""The main page's components: district title, KPI cards, controls, the map with its legend, the profile."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import LokusMap
from dashboard.core.classify import Scheme
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.presentation import paparan_path
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.brief_route import brief_path
from dashboard.views.loading import loading
from dashboard.views.map_page.choice import district_period_options, kecamatan_options, measure_options, resolve_choice
from dashboard.views.map_page.choropleth import district_of, map_component_static, map_props, map_view
from dashboard.views.map_page.print_view import print_block
from dashboard.views.map_page.profile import profile_hint

__all__ = ["district_badge", "district_heading", "layout"]


def _card(title: str, body_id: ID, children: list[Any]) -> dbc.Card:
    return dbc.Card(dbc.CardBody([html.Div(title, className="kpi-title"), loading(html.Div(children, id=body_id))]))


def _control(label: str, component: Any) -> html.Div:
    return html.Div([dbc.Label(label, html_for=component.id), component], className="mb-3")


def district_badge(services: Services, district: str, lang: str) -> Any:
    """The demo badge beside the heading when ``district`` is the fictional demo, else ``None``."""
    return demo_badge(services, district, lang, id=ID.DEMO_BADGE)


def district_heading(services: Services, district: str | None, lang: str) -> tuple[str, Any]:
    """The heading's name and badge for the district on screen (they follow a switch of district).

    Raises ``PreventUpdate`` for no district or one the source does not hold (nothing to name).
    """
    from dash.exceptions import PreventUpdate

    known = {d.code: d for d in services.source.districts()}
    if not district or district not in known:
        raise PreventUpdate
    return known[district].name, district_badge(services, district, lang)


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page as first drawn: the map arrives complete, so loading it costs one request, not a chain."""
    choice = resolve_choice(services, stored)
    if choice is None:
        return dbc.Alert([html.H4(t("nodistrict.title", lang)), html.P(t("nodistrict.body", lang))], color="info")
    district = district_of(services, choice.district)
    observations = services.source.observations(choice.district)
    villages = services.source.villages(choice.district)
    view = map_view(services, choice, lang)
    kecamatan = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_name")
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
            dcc.Dropdown(
                id=ID.PERIOD,
                options=district_period_options(services, choice.district, lang),
                value=choice.period,
                clearable=False,
            ),
        ),
        _control(
            t("control.compare", lang),
            dcc.Dropdown(id=ID.COMPARE, options=view.compare, value=view.before, clearable=False),
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
                    html.H1(district.name, id=ID.DISTRICT_HEADING, className="h3 mb-0 d-inline"),
                    html.Span(district_badge(services, district.code, lang), id=ID.DISTRICT_BADGE_SLOT),
                    html.Span(
                        [
                            t("brief.download", lang),
                            html.A(
                                "PDF",
                                id=ID.BRIEF_PDF,
                                href=brief_path(district.code, "pdf", choice.period, lang),
                                className="ms-2",
                                target="_blank",
                            ),
                            html.A(
                                "PNG",
                                id=ID.BRIEF_PNG,
                                href=brief_path(district.code, "png", choice.period, lang),
                                className="ms-2",
                                target="_blank",
                            ),
                            html.A(
                                t("paparan.open", lang),
                                id=ID.PAPARAN_LINK,
                                href=paparan_path(district.code, choice.period, lang),
                                className="ms-3",
                            ),
                        ],
                        className="ms-3 small brief-links d-print-none",
                    ),
                ],
                className="my-3",
            ),
            html.Div(view.scope, id=ID.KPI_SCOPE, className="text-muted mb-2"),
            html.Div(view.flags, id=ID.KPI_FLAGS),
            dbc.Row(
                [
                    dbc.Col(_card(t("kpi.prevalence", lang), ID.KPI_PREVALENCE, view.kpis[0]), md=4),
                    dbc.Col(_card(t("kpi.stunted", lang), ID.KPI_STUNTED, view.kpis[1]), md=4),
                    dbc.Col(_card(t("kpi.change.none", lang), ID.KPI_CHANGE, view.kpis[2]), md=4),
                ],
                className="g-3 mb-3 kpi-row",
            ),
            html.Div(view.two_numbers, id=ID.TWO_NUMBERS),
            dbc.Row(
                [
                    dbc.Col(controls, lg=3, className="controls"),
                    dbc.Col(
                        [
                            html.H2(view.title, id=ID.MAP_TITLE, className="h5"),
                            loading(
                                LokusMap(
                                    id=ID.MAP,
                                    style={"height": "62vh"},
                                    className="map-graph",
                                    **map_props(services, choice, view, lang),
                                    **map_component_static(services, lang),
                                )
                            ),
                            loading(html.Div(view.legend, id=ID.LEGEND, className="legend")),
                            print_block(choice, lang),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        [
                            loading(html.Div(profile_hint(lang), id=ID.PROFILE, className="profile")),
                            dcc.Store(id=ID.PROFILE_SHOWN),
                        ],
                        lg=3,
                    ),
                ],
                className="g-3",
            ),
        ],
        fluid=True,
    )
