"""The audit log page (``/audit``): who did what, when, from where; for administrators, with a CSV export."""

from __future__ import annotations

import json
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, dcc, html

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission
from dashboard.core.spreadsheet import neutralise_frame
from dashboard.i18n import TEXTS, t
from dashboard.ids import ID
from dashboard.services import Services

__all__ = ["COLUMNS", "audit_csv", "audit_rows", "layout", "register"]

COLUMNS = ("at", "username", "action", "target", "detail", "address", "outcome")
SHOWN = 500  # entries on the page; the CSV holds every one
WIB = "Asia/Jakarta"


def audit_rows(services: Services, limit: int | None = None) -> pd.DataFrame:
    """The log newest first, times in WIB as ``YYYY-MM-DD HH:MM:SS``, details as compact JSON text."""
    if services.accounts is None:  # an app on a fixed data source keeps no log
        return pd.DataFrame(columns=list(COLUMNS))
    frame = services.accounts.audit_entries(limit=limit)
    if frame.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    at = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(WIB).dt.strftime("%Y-%m-%d %H:%M:%S")
    detail = frame["detail"].map(lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True) if d else "")
    return frame.assign(at=at, detail=detail)[list(COLUMNS)].fillna("")


def _shown(column: str, value: object, lang: str) -> str:
    """Actions and outcomes in words on the page (the CSV keeps their codes, for scripts)."""
    text = str(value)
    if column in ("action", "outcome") and f"audit.{column}.{text}" in TEXTS:
        return t(f"audit.{column}.{text}", lang)
    return text


def audit_csv(services: Services) -> bytes:
    """Every entry as CSV (``;``, UTF-8 with BOM for Excel), text cells neutralised against formulas (OWASP)."""
    rows = neutralise_frame(audit_rows(services))
    return rows.to_csv(index=False, sep=";").encode("utf-8-sig")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    rows = audit_rows(services, SHOWN)
    header = html.Tr([html.Th(t(f"audit.col.{column}", lang)) for column in COLUMNS])
    body = [html.Tr([html.Td(_shown(column, record[column], lang)) for column in COLUMNS]) for record in
            rows.to_dict("records")]  # fmt: skip
    return dbc.Container(
        [
            html.H1(t("audit.title", lang), className="h3 my-3"),
            html.P(t("audit.intro", lang)),
            dbc.Button(t("audit.export", lang), id=ID.AUDIT_EXPORT, color="secondary", size="sm", className="mb-3"),
            dcc.Download(id=ID.AUDIT_DOWNLOAD),
            html.Div(
                dbc.Table([html.Thead(header), html.Tbody(body)], size="sm", striped=True, id=ID.AUDIT_TABLE),
                className="table-responsive",
            ),
        ],
        fluid=True,
    )


def register(app: SecuredApp | Dash, services: Services) -> None:
    @app.callback(
        Output(ID.AUDIT_DOWNLOAD, "data"),
        Input(ID.AUDIT_EXPORT, "n_clicks"),
        prevent_initial_call=True,
        permission=Permission.READ_AUDIT,
    )
    def export(_clicks: int | None) -> Any:
        return dcc.send_bytes(audit_csv(services), "log_audit_lokus.csv")
