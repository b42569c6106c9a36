"""The main page's callbacks: each unpacks its inputs and hands them to one function of the view model."""

from __future__ import annotations

from typing import Any

from dash import ClientsideFunction, Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.auth.guard import SecuredApp
from dashboard.core.indicators import STUNTING
from dashboard.ids import ID
from dashboard.presentation import paparan_path
from dashboard.services import Services
from dashboard.views.brief_route import brief_path
from dashboard.views.map_page.choice import ALL, MapChoice, district_choices
from dashboard.views.map_page.choropleth import MAP_PROPS, recoloured
from dashboard.views.map_page.layout import district_heading
from dashboard.views.map_page.print_view import print_map_src
from dashboard.views.map_page.profile import clicked_profile

__all__ = ["register"]

# The choice the map shows, as the controls hold it: the map and its printed picture follow it.
_CHOICE = tuple(Input(i, "value") for i in (ID.DISTRICT, ID.INDICATOR, ID.PERIOD, ID.KECAMATAN, ID.SCHEME, ID.CLASSES))


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The map page's callbacks: recolour (class bytes, the rest only when it changed), follow the district,
    remember choices, open profiles."""

    @app.callback(
        Output(ID.PERIOD, "options"),
        Output(ID.PERIOD, "value"),
        Output(ID.KECAMATAN, "options"),
        Output(ID.KECAMATAN, "value"),
        Output(ID.INDICATOR, "options"),
        Input(ID.DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_district(district: str, lang: str) -> tuple[Any, ...]:
        return district_choices(services, district, lang)

    @app.callback(
        *(Output(ID.MAP, prop) for prop in MAP_PROPS),
        Output(ID.LEGEND, "children"),
        Output(ID.MAP_TITLE, "children"),
        Output(ID.KPI_SCOPE, "children"),
        Output(ID.KPI_PREVALENCE, "children"),
        Output(ID.KPI_STUNTED, "children"),
        Output(ID.KPI_CHANGE, "children"),
        Output(ID.KPI_FLAGS, "children"),
        Output(ID.TWO_NUMBERS, "children"),
        Output(ID.COMPARE, "options"),
        Output(ID.COMPARE, "value"),
        Output(ID.MAP_STATE, "data"),
        *_CHOICE,
        Input(ID.COMPARE, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def recolour(
        district: str, measure: str, period: str, kecamatan: str, scheme: str, k: int, compare: str | None, lang: str
    ) -> tuple[Any, ...]:
        # Dash calls this once when the router inserts the page, every input "changed" at once, despite
        # prevent_initial_call (an output, MAP_STATE, lives outside the page). The page arrived drawn for exactly
        # these inputs: recomputing it sent the whole map again and drew it twice (issue 14, 6).
        if len(ctx.triggered_prop_ids) == len(_CHOICE) + 1:  # the choice and the comparison period
            raise PreventUpdate
        # The comparison period follows the period unless it is what the user just changed.
        chosen = compare or "" if ctx.triggered_id == ID.COMPARE else ""
        # A district with boundaries but no figures yet offers no indicator or period: its empty map, not an error.
        choice = MapChoice(district, measure or STUNTING, period or "", kecamatan or ALL, scheme, int(k), chosen)
        return recoloured(services, choice, ctx.triggered_prop_ids, lang)

    @app.callback(
        Output(ID.DISTRICT_HEADING, "children"),
        Output(ID.DISTRICT_BADGE_SLOT, "children"),
        Input(ID.DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_district_heading(district: str | None, lang: str) -> tuple[str, Any]:
        """The heading and the demo badge name the district on screen, not the one the page opened on."""
        return district_heading(services, district, lang)

    # A tap on a village of a phone's map opens its profile below the fold: brought into view (assets/route.js).
    app.clientside_callback(
        ClientsideFunction("lokus", "showProfile"),
        Output(ID.PROFILE_SHOWN, "data"),
        Input(ID.PROFILE, "children"),
        State(ID.MAP, "click_timestamp"),
        State(ID.PROFILE_SHOWN, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ID.BRIEF_PDF, "href"),
        Output(ID.BRIEF_PNG, "href"),
        Output(ID.PAPARAN_LINK, "href"),
        Input(ID.DISTRICT, "value"),
        Input(ID.PERIOD, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def brief_links(district: str | None, period: str | None, lang: str) -> tuple[str, str, str]:
        """The brief's and the presentation's links follow the district and period shown (their routes check the
        reader's areas)."""
        if not district:
            raise PreventUpdate
        return (
            brief_path(district, "pdf", period or None, lang),
            brief_path(district, "png", period or None, lang),
            paparan_path(district, period or None, lang),
        )

    @app.callback(
        Output(ID.PRINT_MAP, "src"),
        *_CHOICE,
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def print_map(
        district: str | None, measure: str, period: str, kecamatan: str, scheme: str, k: int, lang: str
    ) -> str | None:
        """The printed map follows the choice on screen (the route checks the reader's areas)."""
        if not district:
            raise PreventUpdate
        choice = MapChoice(district, measure or STUNTING, period or "", kecamatan or ALL, scheme, int(k))
        return print_map_src(choice, lang)

    @app.callback(
        Output(ID.PROFILE, "children"),
        Input(ID.MAP, "click_timestamp"),
        Input(ID.INDICATOR, "value"),
        Input(ID.PERIOD, "value"),
        State(ID.MAP, "click_code"),
        State(ID.DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def open_profile(_: int | None, measure: str, period: str, code: str | None, district: str, lang: str) -> Any:
        return clicked_profile(services, code, measure, period, district, lang)
