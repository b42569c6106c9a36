"""The planning page's callbacks: each unpacks its inputs and hands them to one function of the view model."""

from __future__ import annotations

from typing import Any

from dash import ALL, MATCH, Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.auth.guard import SecuredApp
from dashboard.figures.map_tiers import MAP_PROPS
from dashboard.ids import ID, Pattern
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.lokus_page import commitments, state
from dashboard.views.lokus_page.controls import chosen_row, field_feedback, method_controls, weight_feedback
from dashboard.views.lokus_page.criteria import period_criteria
from dashboard.views.lokus_page.decree import DECREE_KEYS, AnnexField, decree_values
from dashboard.views.lokus_page.export import export_download
from dashboard.views.lokus_page.inputs import InvalidNumber, criteria_from
from dashboard.views.lokus_page.ranking import RankingControls, adjusted_list, clicked_row, map_update, ranked_view
from dashboard.views.lokus_page.scenarios import (
    ScenarioRequest,
    compared_lists,
    confirmation,
    district_choices,
    read_only_controls,
    scenario_action,
)

__all__ = ["register"]


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The page's callbacks, in one direction of data.

    The controls (method, criteria, list size, thresholds) and the changes by hand (a store) go into
    :func:`~dashboard.views.lokus_page.model.compute`, which gives the ranked table, the selection and the
    sensitivity; its result is written to the ``current`` store, from which saving and exporting read. The table,
    the map, the files and a saved scenario are therefore always the same list. Opening a scenario writes its
    settings back into the controls.
    """

    @app.callback(
        Output(ID.LOKUS_PERIOD, "options"),
        Output(ID.LOKUS_PERIOD, "value"),
        Output(ID.LOKUS_SCENARIOS, "options"),
        Output(ID.LOKUS_COMPARE_A, "options"),
        Output(ID.LOKUS_COMPARE_B, "options"),
        Input(ID.LOKUS_DISTRICT, "value"),
        Input(ID.LOKUS_SCENARIO_INFO, "children"),
        State(ID.LOKUS_PERIOD, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_district(district: str, _info: Any, period: str | None, lang: str) -> tuple[Any, ...]:
        return district_choices(services, district, period, lang)

    @app.callback(
        Output(ID.LOKUS_DEMO_BADGE, "children"),
        Input(ID.LOKUS_DISTRICT, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_demo(district: str | None, lang: str) -> Any:
        return demo_badge(services, district, lang)

    @app.callback(
        Output(ID.LOKUS_CRITERIA, "children"),
        Input(ID.LOKUS_PERIOD, "value"),
        State(ID.LOKUS_DISTRICT, "value"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_WEIGHT, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_DIRECTION, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_NORMALISATION, "key": ALL}, "value"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "id"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def criteria_for_period(
        period: str,
        district: str,
        uses: list[bool],
        weights: list[float],
        directions: list[str],
        norms: list[str],
        ids: list[dict[str, str]],
        lang: str,
    ) -> Any:
        try:
            current = criteria_from(uses, weights, directions, norms, ids)
        except InvalidNumber:  # a refused weight: the table stays as typed, its field says why
            raise PreventUpdate from None
        return period_criteria(services, period, district, current, lang)

    ranking_inputs = (
        Input(ID.LOKUS_DISTRICT, "value"),
        Input(ID.LOKUS_PERIOD, "value"),
        Input(ID.LOKUS_METHOD, "value"),
        Input(ID.LOKUS_BY, "value"),
        Input(ID.LOKUS_TOP_N, "value"),
        Input(ID.LOKUS_MIN_SCORE, "value"),
        Input(ID.LOKUS_LIGHT_PREVALENCE, "value"),
        Input(ID.LOKUS_LIGHT_STUNTED, "value"),
        Input(ID.LOKUS_INCLUDE_FLAGGED, "value"),
        Input({"type": Pattern.LOKUS_USE, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_WEIGHT, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_DIRECTION, "key": ALL}, "value"),
        Input({"type": Pattern.LOKUS_NORMALISATION, "key": ALL}, "value"),
        Input(ID.LOKUS_ADJUSTMENTS, "data"),
        State({"type": Pattern.LOKUS_USE, "key": ALL}, "id"),
    )

    table = [Output(ID.LOKUS_GRID, "rowData"), Output(ID.LOKUS_SUMMARY, "children"),
             Output(ID.LOKUS_SENSITIVITY, "children"), Output(ID.LOKUS_CURRENT, "data")]  # fmt: skip

    @app.callback(*table, *ranking_inputs, State(ID.LOKUS_OPENED, "data"), State(ID.LANGUAGE, "value"))
    def recompute(*values: Any) -> tuple[Any, ...]:
        *controls, opened, lang = values
        return ranked_view(services, RankingControls.from_inputs(*controls), opened, lang)

    # The map beside the grid has a callback of its own: a new weight sends it class bytes and the legend. The page
    # arrives with its map drawn (prevent_initial_call).
    drawing = [*(Output(ID.LOKUS_MAP, prop) for prop in MAP_PROPS), Output(ID.LOKUS_LEGEND, "children"),
               Output(ID.LOKUS_MAP_DRAWN, "data")]  # fmt: skip
    drawn_state = (State(ID.LOKUS_MAP_DRAWN, "data"), State(ID.LANGUAGE, "value"))

    @app.callback(*drawing, *ranking_inputs, *drawn_state, prevent_initial_call=True)
    def recolour(*values: Any) -> tuple[Any, ...]:
        *controls, drawn, lang = values
        return map_update(services, RankingControls.from_inputs(*controls), drawn, lang)

    @app.callback(
        Output(ID.LOKUS_GRID, "selectedRows"),
        Output(ID.LOKUS_GRID, "scrollTo"),
        Input(ID.LOKUS_MAP, "click_timestamp"),
        State(ID.LOKUS_MAP, "click_code"),
        prevent_initial_call=True,
    )
    def choose_clicked(_: int | None, code: str | None) -> tuple[Any, Any]:
        return clicked_row(code)

    @app.callback(
        Output(ID.LOKUS_ADJUSTMENTS, "data"),
        Output(ID.LOKUS_ADJUST_INFO, "children"),
        Input(ID.LOKUS_ADD, "n_clicks"),
        Input(ID.LOKUS_REMOVE, "n_clicks"),
        Input(ID.LOKUS_CLEAR, "n_clicks"),
        State(ID.LOKUS_GRID, "selectedRows"),
        State(ID.LOKUS_REASON, "value"),
        State(ID.LOKUS_ADJUSTMENTS, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def adjust(
        _add: int | None,
        _remove: int | None,
        _clear: int | None,
        rows: list[dict[str, Any]] | None,
        reason: str | None,
        adjustments: list[dict[str, str]] | None,
        lang: str,
    ) -> tuple[Any, Any]:
        return adjusted_list(ctx.triggered_id, rows, reason, adjustments, lang)

    @app.callback(
        Output(ID.LOKUS_SCENARIO_INFO, "children"),
        Output(ID.LOKUS_OPENED, "data"),
        Output(ID.LOKUS_DISTRICT, "value"),
        Output(ID.LOKUS_PERIOD, "value", allow_duplicate=True),
        Output(ID.LOKUS_METHOD, "value"),
        Output(ID.LOKUS_BY, "value"),
        Output(ID.LOKUS_TOP_N, "value"),
        Output(ID.LOKUS_MIN_SCORE, "value"),
        Output(ID.LOKUS_LIGHT_PREVALENCE, "value"),
        Output(ID.LOKUS_LIGHT_STUNTED, "value"),
        Output(ID.LOKUS_INCLUDE_FLAGGED, "value"),
        Output(ID.LOKUS_CRITERIA, "children", allow_duplicate=True),
        Output(ID.LOKUS_ADJUSTMENTS, "data", allow_duplicate=True),
        Output(ID.LOKUS_SCENARIO_NAME, "value"),
        Output(ID.LOKUS_UPDATE, "disabled"),
        Input(ID.LOKUS_SAVE, "n_clicks"),
        Input(ID.LOKUS_UPDATE, "n_clicks"),
        Input(ID.LOKUS_OPEN, "n_clicks"),
        Input(ID.LOKUS_DUPLICATE, "n_clicks"),
        Input(ID.LOKUS_FINALISE_CONFIRM, "submit_n_clicks"),
        Input(ID.LOKUS_DELETE_CONFIRM, "submit_n_clicks"),
        Input(ID.LOKUS_REOPEN, "n_clicks"),
        State(ID.LOKUS_SCENARIOS, "value"),
        State(ID.LOKUS_SCENARIO_NAME, "value"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LOKUS_REOPEN_REASON, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def scenarios(
        _save: int | None,
        _update: int | None,
        _open: int | None,
        _duplicate: int | None,
        _finalise: int | None,
        _delete: int | None,
        _reopen: int | None,
        chosen: int | None,
        name: str | None,
        current: dict[str, Any] | None,
        opened: dict[str, Any] | None,
        reopen_reason: str | None,
        lang: str,
    ) -> tuple[Any, ...]:
        request = ScenarioRequest(ctx.triggered_id, chosen, name, current, opened, reopen_reason)
        return scenario_action(services, request, lang)

    @app.callback(
        Output(ID.LOKUS_FINALISE_CONFIRM, "displayed"),
        Output(ID.LOKUS_FINALISE_CONFIRM, "message"),
        Output(ID.LOKUS_DELETE_CONFIRM, "displayed"),
        Output(ID.LOKUS_DELETE_CONFIRM, "message"),
        Input(ID.LOKUS_FINALISE, "n_clicks"),
        Input(ID.LOKUS_DELETE, "n_clicks"),
        State(ID.LOKUS_SCENARIOS, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def confirm(_finalise: int | None, _delete: int | None, chosen: int | None, lang: str) -> tuple[Any, ...]:
        return confirmation(services, ctx.triggered_id, chosen, lang)

    @app.callback(
        Output(ID.LOKUS_EDITABLE, "disabled"),
        Output(ID.LOKUS_PERIOD, "disabled"),
        Output(ID.LOKUS_SAVE, "disabled"),
        Output(ID.LOKUS_DUPLICATE, "disabled"),
        Output(ID.LOKUS_FINALISE, "disabled"),
        Output(ID.LOKUS_DELETE, "disabled"),
        Output(ID.LOKUS_REOPEN, "disabled"),
        Input(ID.LOKUS_OPENED, "data"),
    )
    def read_only(opened: dict[str, Any] | None) -> tuple[bool, ...]:
        return read_only_controls(services, opened)

    @app.callback(
        Output(ID.LOKUS_COMPARE_RESULT, "children"),
        Input(ID.LOKUS_COMPARE, "n_clicks"),
        Input(ID.LOKUS_COMPARE_LAST_YEAR, "n_clicks"),
        State(ID.LOKUS_COMPARE_A, "value"),
        State(ID.LOKUS_COMPARE_B, "value"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def compare_lists(
        _n: int | None,
        _last: int | None,
        a: int | str | None,
        b: int | str | None,
        current: dict[str, Any] | None,
        lang: str,
    ) -> Any:
        return compared_lists(services, ctx.triggered_id, a, b, current, lang)

    @app.callback(
        Output(ID.LOKUS_DOWNLOAD, "data"),
        Input(ID.LOKUS_EXPORT_CSV, "n_clicks"),
        Input(ID.LOKUS_EXPORT_XLSX, "n_clicks"),
        Input(ID.LOKUS_EXPORT_PNG, "n_clicks"),
        Input(AnnexField.EXPORT_PDF, "n_clicks"),
        State(ID.LOKUS_CURRENT, "data"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
        *[State(field, "value") for field in DECREE_KEYS],
        prevent_initial_call=True,
    )
    def export(_csv: int | None, _xlsx: int | None, _png: int | None, _pdf: int | None,
               current: dict[str, Any] | None, opened: dict[str, Any] | None, lang: str,
               *decree: str | None) -> Any:  # fmt: skip
        return export_download(services, ctx.triggered_id, current, opened, lang, decree_values(*decree))

    _register_controls(app)
    commitments.register(app, services)
    state.register(app, services)


def _register_controls(app: SecuredApp | Dash) -> None:
    """The controls answering the planner (issue 16): shown by method, typed numbers checked on the server with
    the reason under the field, the village the grid's chosen row points at. None runs when the page or a new
    criteria table arrives: what the server rendered is valid and shown as it should be (17 weights would
    otherwise cost 17 requests while the page opens)."""
    fields = (ID.LOKUS_TOP_N, ID.LOKUS_MIN_SCORE, ID.LOKUS_LIGHT_PREVALENCE, ID.LOKUS_LIGHT_STUNTED)
    feedbacks = (ID.LOKUS_TOP_N_FEEDBACK, ID.LOKUS_MIN_SCORE_FEEDBACK, ID.LOKUS_LIGHT_PREVALENCE_FEEDBACK,
                 ID.LOKUS_LIGHT_STUNTED_FEEDBACK)  # fmt: skip

    @app.callback(
        Output(ID.LOKUS_WEIGHTED_BLOCK, "hidden"),
        Output(ID.LOKUS_LIGHT_BLOCK, "hidden"),
        Output(ID.LOKUS_BY, "options"),
        Input(ID.LOKUS_METHOD, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def follow_method(method: str | None, lang: str) -> tuple[Any, ...]:
        return method_controls(method, lang)

    @app.callback(
        Output({"type": Pattern.LOKUS_WEIGHT, "key": MATCH}, "invalid"),
        Output({"type": Pattern.LOKUS_WEIGHT_FEEDBACK, "key": MATCH}, "children"),
        Input({"type": Pattern.LOKUS_WEIGHT, "key": MATCH}, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def check_weight(value: Any, lang: str) -> tuple[bool, str]:
        return weight_feedback(value, lang)

    outputs = [o for field, feedback in zip(fields, feedbacks, strict=True)
               for o in (Output(field, "invalid"), Output(feedback, "children"))]  # fmt: skip

    @app.callback(
        *outputs,
        Output(ID.LOKUS_INPUT_ALERT, "children"),
        *(Input(field, "value") for field in fields),
        Input({"type": Pattern.LOKUS_WEIGHT, "key": ALL}, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def check_fields(*values: Any) -> tuple[Any, ...]:
        *typed, weights, lang = values
        return field_feedback(typed, weights, lang)

    @app.callback(
        Output(ID.LOKUS_CHOSEN_ROW, "children"),
        Input(ID.LOKUS_GRID, "selectedRows"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def name_chosen(rows: Any, lang: str) -> str:
        return chosen_row(rows, lang)
