"""The region page (``/wilayah``): a province or all Indonesia, kabupaten/kota by kabupaten/kota, villages on zoom."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.auth.context import current_actor
from dashboard.auth.roles import ANONYMOUS
from dashboard.components import LokusMap
from dashboard.figures.map import NO_DATA_COLOUR
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.tiles import MAX_ZOOM, MIN_ZOOM
from dashboard.views.loading import loading
from dashboard.views.map_page.choropleth import map_labels
from dashboard.views.region_page.model import NATIONAL, region_options

__all__ = ["layout"]

TILE_POLL_MS = 5000  # how often the page asks whether the villages' tiles are built


def _labelled(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control_id, className="mb-1"), control], className="mb-3")


def _opening(options: list[dict[str, str]]) -> str | None:
    """The region the page opens on: the first province (a reader of every province opens on its own data, not
    on all Indonesia), else the first option."""
    provinces = [o["value"] for o in options if len(o["value"]) == 2 and o["value"] != NATIONAL]
    return provinces[0] if provinces else (options[0]["value"] if options else None)


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    actor = current_actor() or ANONYMOUS
    options = region_options(services, actor, lang)
    # With nothing to show the page says why; its parts stay in the layout, hidden, so every callback has its
    # components (and answers nothing without a region).
    notice = None if options else dbc.Alert(t("region.none", lang), color="info")
    controls = [
        _labelled(t("region.choose", lang), dcc.Dropdown(id=ID.REGION, options=options, clearable=False,
                                                         value=_opening(options)), ID.REGION),
        _labelled(t("region.level", lang), dbc.RadioItems(id=ID.REGION_LEVEL, options=[], value=None),
                  ID.REGION_LEVEL),
        _labelled(t("control.indicator", lang), dcc.Dropdown(id=ID.REGION_INDICATOR, clearable=False),
                  ID.REGION_INDICATOR),
        _labelled(t("control.period", lang), dcc.Dropdown(id=ID.REGION_PERIOD, clearable=False), ID.REGION_PERIOD),
        _labelled(t("region.origin", lang), dbc.RadioItems(id=ID.REGION_ORIGIN, options=[], value=None),
                  ID.REGION_ORIGIN),
        _labelled(t("region.compare", lang), dcc.Dropdown(id=ID.REGION_COMPARE, clearable=True,
                                                          placeholder=t("region.compare.none", lang)),
                  ID.REGION_COMPARE),
    ]  # fmt: skip
    body = html.Div(
        [
            dcc.Interval(id=ID.REGION_TILES_POLL, interval=TILE_POLL_MS, disabled=True),
            dbc.Row(
                [
                    dbc.Col(html.Div(controls, className="controls"), lg=3),
                    dbc.Col(
                        [
                            html.H2(id=ID.REGION_TITLE, className="h5"),
                            LokusMap(
                                id=ID.REGION_MAP,
                                style={"height": "62vh"},
                                className="map-graph",
                                labels=map_labels(lang),
                                loading_text=t("map.component.loading", lang),
                                no_data_colour=NO_DATA_COLOUR,  # the grey its legend shows
                                tiles_minzoom=MIN_ZOOM,
                                tiles_maxzoom=MAX_ZOOM,
                                tile_url=services.settings.tile_url or None,
                                tile_attribution=services.settings.tile_attribution or None,
                                export_filename="peta_wilayah.png",
                            ),
                            loading(html.Div(id=ID.REGION_LEGEND, className="legend")),
                            html.P(id=ID.REGION_NOTE, className="text-muted small mt-2"),
                        ],
                        lg=6,
                    ),
                    dbc.Col(
                        [
                            loading(html.Div(t("region.click_hint", lang), id=ID.REGION_OPENED)),
                            # Shown for a kabupaten/kota whose village map the reader has (callbacks.opened).
                            dbc.Button(
                                t("region.open", lang),
                                id=ID.REGION_OPEN,
                                color="primary",
                                size="sm",
                                className="d-none",
                            ),
                        ],
                        lg=3,
                    ),
                ],
                className="g-3",
            ),
            dbc.Row(
                [
                    dbc.Col(loading(html.Div(id=ID.REGION_TABLE)), lg=6),
                    dbc.Col(loading(html.Div(id=ID.REGION_CHANGE)), lg=6),
                ],
                className="g-3 mt-2",
            ),
        ],
        hidden=not options,
    )
    return dbc.Container([notice, body], fluid=True)
