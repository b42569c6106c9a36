"""The planning page's ranked list on screen: grid, map, summary and sensitivity, and the changes by hand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
from dash import html, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.scoring import Method
from dashboard.figures.map_tiers import MAP_PROPS, MapDraw, outputs
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.figures import selection_map
from dashboard.views.lokus_page.inputs import InvalidNumber, criteria_from, state_from_controls
from dashboard.views.lokus_page.model import (
    LokusResult,
    annex_rows,
    completeness_text,
    compute,
    criterion_label,
    grid_rows,
    rank,
)

__all__ = [
    "RankingControls",
    "adjusted_list",
    "clicked_row",
    "map_draw",
    "map_update",
    "ranked_view",
    "sensitivity_view",
    "summary_view",
]


@dataclass(frozen=True)
class RankingControls:
    """The controls as the ranking reads them: district, period, method, list size, thresholds, criteria, changes."""

    district: str
    period: str | None
    method: str
    by: str
    top_n: Any  # as typed: parsed by inputs.state_from_controls
    min_score: Any
    light_prevalence: Any
    light_stunted: Any
    uses: Sequence[bool]
    weights: Sequence[Any]  # as typed ("1,5"): parsed by inputs.criteria_from
    directions: Sequence[str]
    norms: Sequence[str]
    ids: Sequence[dict[str, str]]
    adjustments: list[dict[str, str]] | None
    include_flagged: bool = False

    @classmethod
    def from_inputs(
        cls, district: str, period: str | None, method: str, by: str, top_n: Any, min_score: Any,
        light_prevalence: Any, light_stunted: Any, include_flagged: bool | None,
        uses: Sequence[bool], weights: Sequence[Any], directions: Sequence[str], norms: Sequence[str],
        adjustments: list[dict[str, str]] | None, ids: Sequence[dict[str, str]],
    ) -> RankingControls:  # fmt: skip
        """The controls in the order of the page's callbacks' inputs (the criteria's ids, a state, last)."""
        return cls(district, period, method, by, top_n, min_score, light_prevalence, light_stunted, uses, weights,
                   directions, norms, ids, adjustments, bool(include_flagged))  # fmt: skip

    def state(self) -> dict[str, Any]:
        """The page's state (:func:`~dashboard.views.lokus_page.model.state_from_controls`) from the controls."""
        criteria = criteria_from(self.uses, self.weights, self.directions, self.norms, self.ids)
        return state_from_controls(
            self.district, self.period or "", self.method, self.by, self.top_n, self.min_score, self.light_prevalence,
            self.light_stunted, criteria, self.adjustments or [], self.include_flagged,
        )  # fmt: skip


def sensitivity_view(result: LokusResult, state: dict[str, Any], lang: str) -> Any:
    if result.sensitivity is None:
        return html.P(t("lokus.sensitivity.none", lang), className="small text-muted")
    names = dict(zip(result.table["code"], result.table["desa"], strict=True))
    moved = result.sensitivity[(result.sensitivity["entering"].map(len) + result.sensitivity["leaving"].map(len)) > 0]
    lines: list[Any] = [html.P(t("lokus.sensitivity.help", lang, n=state["top_n"]), className="small text-muted")]
    if moved.empty:
        lines.append(html.P(t("lokus.sensitivity.stable", lang), className="small"))
    for record in moved.to_dict("records"):
        entering: tuple[str, ...] = record["entering"]
        leaving: tuple[str, ...] = record["leaving"]
        text = t(
            "lokus.sensitivity.row", lang, criterion=criterion_label(str(record["criterion"]), lang),
            change=f"{int(record['change']):+d}", entering=", ".join(names[c] for c in entering) or "-",
            leaving=", ".join(names[c] for c in leaving) or "-",
        )  # fmt: skip
        lines.append(html.Div(text, className="small sensitivity-row"))
    return html.Div(lines)


def summary_view(services: Services, result: LokusResult, state: dict[str, Any], lang: str) -> Any:
    """How many villages are chosen and how complete the period's data is (warned when below the threshold); the
    map's legend is under the map (:func:`map_update`)."""
    text, complete = completeness_text(result.completeness, services.settings.min_completeness, lang)
    traffic = state["method"] == str(Method.TRAFFIC_LIGHT)
    count = t("lokus.summary.light" if traffic else "lokus.summary", lang, selected=len(result.selected),
              villages=result.villages)  # fmt: skip
    parts = [
        html.Div(
            text,
            id=ID.LOKUS_COMPLETENESS,
            className="small lokus-completeness" + ("" if complete else " lokus-incomplete"),
        ),
        html.Div(count, id=ID.LOKUS_COUNT, className="small"),
    ]
    return html.Div(parts)


def ranked_view(
    services: Services, controls: RankingControls, opened: dict[str, Any] | None, lang: str
) -> tuple[Any, ...]:
    """Grid rows, summary, sensitivity and the ``current`` store, all from one :func:`compute` (the map has its
    own callback, :func:`map_update`, so that a new weight sends the map one byte per village, not the grid)."""
    district, period = controls.district, controls.period
    if not district or not period:
        return [], dbc.Alert(t("lokus.no_data", lang), color="warning"), None, None
    try:
        state = controls.state()
    except InvalidNumber:  # the field says why (controls.field_feedback); the last ranking stays on screen
        raise PreventUpdate from None
    result = compute(services, state, lang)
    summary = summary_view(services, result, state, lang)
    current = {
        "state": state,
        "rows": annex_rows(result),
        "selected": result.selected,
        "scenario": (opened or {}).get("name"),
    }
    return (
        grid_rows(result, lang),
        summary,
        sensitivity_view(result, state, lang),
        current,
    )


def adjusted_list(
    trigger: object,
    rows: list[dict[str, Any]] | None,
    reason: str | None,
    adjustments: list[dict[str, str]] | None,
    lang: str,
) -> tuple[Any, Any]:
    """The changes by hand after *add*, *remove* or *clear* on the village chosen in the grid, and a message."""
    if trigger == ID.LOKUS_CLEAR:
        return [], t("lokus.adjust.list", lang, n=0)
    if not rows:
        return no_update, dbc.Alert(t("lokus.adjust.need_village", lang), color="warning", className="py-1")
    if not (reason or "").strip():
        return no_update, dbc.Alert(t("lokus.adjust.need_reason", lang), color="warning", className="py-1")
    action = "add" if trigger == ID.LOKUS_ADD else "remove"
    row = rows[0]
    changed = [*(adjustments or []), {"code": row["code"], "action": action, "reason": (reason or "").strip()}]
    label = t("lokus.adjust.add" if action == "add" else "lokus.adjust.remove", lang)
    return changed, t("lokus.adjust.done", lang, village=row["desa"], action=label.lower())


def map_draw(services: Services, controls: RankingControls, lang: str) -> MapDraw:
    """The selection map for the controls: :func:`~dashboard.views.lokus_page.model.rank` (no sensitivity, no
    text), then its classes, outlines and legends."""
    period = controls.period or ""
    try:
        ranking = rank(services, controls.state()) if period else None
    except InvalidNumber:  # as the grid: a refused value recolours nothing
        raise PreventUpdate from None
    return selection_map(services, controls.district, period, ranking, lang)


def map_update(
    services: Services, controls: RankingControls, drawn: dict[str, Any] | None, lang: str
) -> tuple[Any, ...]:
    """The map's props (:data:`~dashboard.figures.map_tiers.MAP_PROPS`) that changed since ``drawn`` (the keys of
    what the page shows), the legend when the colours changed, and the new keys. A new weight, threshold, method
    or change by hand sends the class bytes, outlines and legends; a new period the hover texts too; a new
    district the geometry's URL and codes. Nothing changed (Dash calls again when a control is set to the value it
    had, as the page does while it opens): nothing is sent."""
    if not controls.district:
        raise PreventUpdate
    draw = map_draw(services, controls, lang)
    changes = draw.changes(drawn)
    if not changes:
        raise PreventUpdate
    return (*outputs(changes, MAP_PROPS, no_update), changes.get("legend", no_update), draw.keys())


def clicked_row(code: str | None) -> tuple[dict[str, list[str]], dict[str, str]]:
    """A village clicked on the map becomes the grid's chosen row (what *add* and *remove* act on, as a click on
    the row does), scrolled into view. The grid's rows are keyed by code (``getRowId``)."""
    if not code:
        raise PreventUpdate
    return {"ids": [code]}, {"rowId": code}
