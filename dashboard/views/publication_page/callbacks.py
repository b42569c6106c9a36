"""The publication page's callbacks: a district's choices, the three actions, and the list refreshed after each."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.auth.guard import SecuredApp
from dashboard.core.indicators import STUNTING
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.publication_page.layout import snapshot_table, targets_table, withdraw_options
from dashboard.views.publication_page.model import district_choices, publish, save_target, withdraw

__all__ = ["register"]


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The page's callbacks (registered with :attr:`Permission.PUBLISH`; the data layer checks the role again)."""

    @app.callback(
        Output(ID.PUB_PERIODS, "options"),
        Output(ID.PUB_PERIODS, "value"),
        Output(ID.PUB_INDICATORS, "options"),
        Output(ID.PUB_INDICATORS, "value"),
        Output(ID.PUB_TARGETS, "children"),
        Input(ID.PUB_DISTRICT, "value"),
        Input(ID.PUB_VERSION, "data"),
        State(ID.PUB_INDICATORS, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def choices(district: str | None, _version: int, picked: list[str] | None, lang: str) -> tuple[Any, ...]:
        options, chosen, indicators = district_choices(services, district, lang)
        # The box shows what will be published: the choices still offered, else stunting (the options arrive
        # after the box is drawn, and a value without its option showed an empty box).
        offered = {str(o["value"]) for o in indicators}
        kept = [key for key in picked or [] if key in offered] or [k for k in (STUNTING,) if k in offered]
        return options, chosen, indicators, kept, targets_table(services, district, lang)

    @app.callback(
        Output(ID.PUB_RESULT, "children"),
        Output(ID.PUB_VERSION, "data"),
        Input(ID.PUB_PUBLISH, "n_clicks"),
        Input(ID.PUB_WITHDRAW, "n_clicks"),
        Input(ID.PUB_TARGET_SAVE, "n_clicks"),
        State(ID.PUB_DISTRICT, "value"),
        State(ID.PUB_PERIODS, "value"),
        State(ID.PUB_INDICATORS, "value"),
        State(ID.PUB_TITLE, "value"),
        State(ID.PUB_NOTE, "value"),
        State(ID.PUB_WITHDRAW_ID, "value"),
        State(ID.PUB_WITHDRAW_REASON, "value"),
        State(ID.PUB_TARGET_YEAR, "value"),
        State(ID.PUB_TARGET_VALUE, "value"),
        State(ID.PUB_TARGET_SOURCE, "value"),
        State(ID.PUB_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def act(_publish: int | None, _withdraw: int | None, _target: int | None, district: str | None,
            periods: list[str] | None, indicators: list[str] | None, title: str | None, note: str | None,
            withdraw_id: int | None, reason: str | None, year: int | None, value: str | None, source: str | None,
            version: int, lang: str) -> tuple[Any, int]:  # fmt: skip
        from dash import ctx

        if ctx.triggered_id == ID.PUB_PUBLISH:
            result = publish(services, district, periods, indicators, title, note, lang)
        elif ctx.triggered_id == ID.PUB_WITHDRAW:
            result = withdraw(services, withdraw_id, reason, lang)
        elif ctx.triggered_id == ID.PUB_TARGET_SAVE:
            result = save_target(services, district, year, value, source, lang)
        else:
            raise PreventUpdate
        return result, (version or 0) + 1

    @app.callback(
        Output(ID.PUB_LIST, "children"),
        Output(ID.PUB_WITHDRAW_ID, "options"),
        Input(ID.PUB_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def refresh(_version: int, lang: str) -> tuple[Any, Any]:
        return snapshot_table(services, lang), withdraw_options(services, lang)
