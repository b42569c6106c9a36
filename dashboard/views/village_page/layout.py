"""The village profile page's frame: district and village choosers, the PDF links, and the cards' place."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.loading import loading
from dashboard.views.village_page.model import district_options

__all__ = ["layout"]


def _field(label: str, control: Any, control_id: str, md: int) -> dbc.Col:
    return dbc.Col([dbc.Label(label, html_for=control_id, className="mb-1"), control], xs=12, md=md, className="mb-2")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page for the reader's districts (decided on the server); it opens on the main page's district."""
    options = district_options(services)
    codes = [o["value"] for o in options]
    wanted = (stored or {}).get("district")
    district = wanted if isinstance(wanted, str) and wanted in codes else (codes[0] if codes else None)
    notice = None if options else dbc.Alert(t("village.none", lang), color="info")
    links = html.Div(
        [
            html.A(t("village.pdf", lang), id=ID.VILLAGE_PDF, href="", className="btn btn-primary btn-sm me-2 mb-2"),
            html.A(t("village.pdf.lokus", lang), id=ID.VILLAGE_LOKUS_PDF, href="", style={"display": "none"},
                   className="btn btn-outline-secondary btn-sm mb-2"),
        ],
        className="d-flex flex-wrap align-items-end",
    )  # fmt: skip
    controls = dbc.Row(
        [
            _field(t("village.district", lang),
                   dcc.Dropdown(id=ID.VILLAGE_DISTRICT, options=options, value=district, clearable=False),
                   ID.VILLAGE_DISTRICT, 4),
            _field(t("village.village", lang),
                   dcc.Dropdown(id=ID.VILLAGE_CODE, options=[], value=None, clearable=False,
                                placeholder=t("village.choose", lang)),
                   ID.VILLAGE_CODE, 5),
            dbc.Col(links, xs=12, md=3, className="mb-2 d-flex align-items-end"),
        ],
        className="align-items-end",
    )  # fmt: skip
    return dbc.Container(
        [
            html.H1(t("village.title", lang), className="h3 mt-2"),
            html.P(t("village.intro", lang), className="text-muted"),
            notice,
            controls,
            loading(html.Div(html.Div(t("village.choose", lang), className="text-muted"), id=ID.VILLAGE_BODY,
                             className="mt-2")),
        ],
        fluid=True,
    )  # fmt: skip
