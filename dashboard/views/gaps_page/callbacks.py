"""The gaps page's callbacks: each unpacks its inputs and hands them to one function of the view model."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx

from dashboard.auth.guard import SecuredApp
from dashboard.figures.map_tiers import MAP_PROPS
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.gaps_page.drill import GapsControls, drilled, map_title, matrix_file, recoloured, redrawn
from dashboard.views.gaps_page.figures import export_filename
from dashboard.views.gaps_page.layout import shown_for
from dashboard.views.gaps_page.model import comparison_for, district_choices

__all__ = ["register"]


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The drill-down from clicks and breadcrumbs, everything redrawn for a scope, the groups of controls a view
    shows, the choices for a district (periods, the default by completeness; the demo's badge; the export's name)
    and for a period (the comparison period, by default the same month a year earlier)."""

    @app.callback(
        Output(ID.GAPS_DRILL, "data"),
        Input(ID.GAPS_MAP, "click_timestamp"),
        Input(ID.GAPS_KECAMATAN, "value"),
        Input(ID.GAPS_CRUMB_DISTRICT, "n_clicks"),
        Input(ID.GAPS_CRUMB_KECAMATAN, "n_clicks"),
        Input(ID.GAPS_DISTRICT, "value"),
        State(ID.GAPS_MAP, "click_code"),
        State(ID.GAPS_DRILL, "data"),
        prevent_initial_call=True,
    )
    def drill(
        _clicked_at: int | None,
        kecamatan: str | None,
        _d: int | None,
        _k: int | None,
        district: str,
        clicked: str | None,
        current: dict[str, Any] | None,
    ) -> dict[str, Any]:
        return drilled(ctx.triggered_id, clicked, kecamatan, _d, _k, current)

    @app.callback(
        *(Output(ID.GAPS_MAP, prop) for prop in MAP_PROPS),
        Output(ID.GAPS_LEGEND, "children"),
        Output(ID.GAPS_MAP_DRAWN, "data"),
        Input(ID.GAPS_DISTRICT, "value"),
        Input(ID.GAPS_PERIOD, "value"),
        Input(ID.GAPS_VIEW, "value"),
        Input(ID.GAPS_INDICATOR, "value"),
        Input(ID.GAPS_TARGET, "value"),
        Input(ID.GAPS_AXIS, "value"),
        Input(ID.GAPS_CHANGE_INDICATOR, "value"),
        Input(ID.GAPS_BEFORE, "value"),
        Input(ID.GAPS_DRILL, "data"),
        State(ID.GAPS_MAP_DRAWN, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,  # the page arrives with its map drawn
    )
    def recolour(
        district: str,
        period: str | None,
        view: str,
        indicator: str | None,
        target: float | None,
        axis: str,
        change_indicator: str,
        before: str | None,
        drill_state: dict[str, Any] | None,
        drawn: dict[str, Any] | None,
        lang: str,
    ) -> tuple[Any, ...]:
        controls = GapsControls(period, view, indicator, target, axis, change_indicator, before)
        return recoloured(services, district, controls, drill_state, drawn, lang)

    @app.callback(
        Output(ID.GAPS_MAP_TITLE, "children"),
        Input(ID.GAPS_DISTRICT, "value"),
        Input(ID.GAPS_PERIOD, "value"),
        Input(ID.GAPS_VIEW, "value"),
        Input(ID.GAPS_INDICATOR, "value"),
        Input(ID.GAPS_AXIS, "value"),
        Input(ID.GAPS_CHANGE_INDICATOR, "value"),
        Input(ID.GAPS_BEFORE, "value"),
        Input(ID.GAPS_DRILL, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,  # the page arrives with its title
    )
    def retitle(
        district: str, period: str | None, view: str, indicator: str | None, axis: str, change_indicator: str,
        before: str | None, drill_state: dict[str, Any] | None, lang: str,
    ) -> str:  # fmt: skip
        """The map's title: what it shows and where (its own answer, so the map's stays as small as it was)."""
        controls = GapsControls(period, view, indicator, None, axis, change_indicator, before)
        return map_title(services, district, controls, drill_state, lang)

    @app.callback(
        Output(ID.GAPS_MATRIX, "figure"),
        Output(ID.GAPS_MATRIX_LEGEND_BOX, "children"),
        Output(ID.GAPS_BREADCRUMB, "children"),
        Output(ID.GAPS_SCOPE, "children"),
        Output(ID.GAPS_PROFILE, "children"),
        Input(ID.GAPS_DISTRICT, "value"),
        Input(ID.GAPS_PERIOD, "value"),
        Input(ID.GAPS_INDICATOR, "value"),
        Input(ID.GAPS_TARGET, "value"),
        Input(ID.GAPS_DRILL, "data"),
        State(ID.GAPS_VIEW, "value"),
        State(ID.GAPS_AXIS, "value"),
        State(ID.GAPS_CHANGE_INDICATOR, "value"),
        State(ID.GAPS_BEFORE, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def redraw(
        district: str,
        period: str | None,
        indicator: str | None,
        target: float | None,
        drill_state: dict[str, Any] | None,
        view: str,
        axis: str,
        change_indicator: str,
        before: str | None,
        lang: str,
    ) -> tuple[Any, ...]:
        """The matrix, breadcrumb, scope and profile: what the map's view, axis and comparison do not change."""
        controls = GapsControls(period, view, indicator, target, axis, change_indicator, before)
        return redrawn(services, district, controls, drill_state, lang)

    @app.callback(
        Output(ID.GAPS_MATRIX_DOWNLOAD, "data"),
        Input(ID.GAPS_MATRIX_CSV, "n_clicks"),
        State(ID.GAPS_DISTRICT, "value"),
        State(ID.GAPS_PERIOD, "value"),
        State(ID.GAPS_INDICATOR, "value"),
        State(ID.GAPS_TARGET, "value"),
        State(ID.GAPS_DRILL, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def download(
        _clicks: int | None, district: str, period: str | None, indicator: str | None, target: float | None,
        drill_state: dict[str, Any] | None, lang: str,
    ) -> dict[str, Any]:  # fmt: skip
        """The matrix on screen (the district's, or the kecamatan's drilled into) as CSV."""
        return matrix_file(services, district, GapsControls(period, "gap", indicator, target, "indicator",
                                                            "stunting", None), drill_state, lang)  # fmt: skip

    @app.callback(
        Output(ID.GAPS_SERVICE_GROUP, "style"),
        Output(ID.GAPS_AXIS_GROUP, "style"),
        Output(ID.GAPS_CHANGE_GROUP, "style"),
        Input(ID.GAPS_VIEW, "value"),
        prevent_initial_call=True,
    )
    def follow_view(view: str) -> tuple[dict[str, str], ...]:
        """Each group of controls shown only in the views it applies to."""
        return tuple(shown_for(g, view) for g in (ID.GAPS_SERVICE_GROUP, ID.GAPS_AXIS_GROUP, ID.GAPS_CHANGE_GROUP))

    @app.callback(
        Output(ID.GAPS_PERIOD, "options"),
        Output(ID.GAPS_PERIOD, "value"),
        Output(ID.GAPS_INDICATOR, "options"),
        Output(ID.GAPS_DEMO_BADGE, "children"),
        Output(ID.GAPS_MAP, "export_filename"),
        Input(ID.GAPS_DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_district(district: str, lang: str) -> tuple[Any, ...]:
        badge = demo_badge(services, district, lang)
        return (*district_choices(services, district, lang), badge, export_filename(services, district))

    @app.callback(
        Output(ID.GAPS_BEFORE, "options"),
        Output(ID.GAPS_BEFORE, "value"),
        Input(ID.GAPS_PERIOD, "value"),
        Input(ID.GAPS_CHANGE_INDICATOR, "value"),
        State(ID.GAPS_DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_period(period: str | None, indicator: str, district: str, lang: str) -> tuple[Any, ...]:
        return comparison_for(services, district, period, indicator, lang)
