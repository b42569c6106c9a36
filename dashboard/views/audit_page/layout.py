"""The audit page's layout: an introduction naming the zone of the times, the export button and the newest entries."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.core.localtime import district_zone
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.audit_page.model import COLUMNS, SHOWN, audit_rows, log_district, shown_cell

__all__ = ["layout"]


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    """The page for ``lang``; times in the zone of the district chosen in ``stored`` (the shell's map state)."""
    district = log_district(services, stored)
    names = {d.code: d.name for d in services.source.districts()}
    rows = audit_rows(services, SHOWN, district)
    header = html.Tr([html.Th(t(f"audit.col.{column}", lang)) for column in COLUMNS])
    body = [
        html.Tr([html.Td(shown_cell(column, record[column], lang, district)) for column in COLUMNS])
        for record in rows.to_dict("records")
    ]
    intro = t("audit.intro", lang, zone=district_zone(district)[1], district=names.get(district or "", "—"))
    return dbc.Container(
        [
            html.H1(t("audit.title", lang), className="h3 my-3"),
            html.P(intro),
            dbc.Button(t("audit.export", lang), id=ID.AUDIT_EXPORT, color="secondary", size="sm", className="mb-3"),
            dcc.Download(id=ID.AUDIT_DOWNLOAD),
            html.Div(
                dbc.Table([html.Thead(header), html.Tbody(body)], size="sm", striped=True, id=ID.AUDIT_TABLE),
                className="table-responsive",
            ),
        ],
        fluid=True,
    )
