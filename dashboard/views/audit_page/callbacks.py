"""The audit page's one callback: the CSV download (administrators only, checked on the server)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, dcc

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.audit_page.model import audit_csv, log_district

__all__ = ["register"]


def register(app: SecuredApp | Dash, services: Services) -> None:
    """Register the export with :attr:`Permission.READ_AUDIT`."""

    @app.callback(
        Output(ID.AUDIT_DOWNLOAD, "data"),
        Input(ID.AUDIT_EXPORT, "n_clicks"),
        State(ID.MAP_STATE, "data"),
        prevent_initial_call=True,
        permission=Permission.READ_AUDIT,
    )
    def export(_clicks: int | None, stored: dict[str, Any] | None) -> Any:
        return dcc.send_bytes(audit_csv(services, log_district(services, stored)), "log_audit_lokus.csv")
